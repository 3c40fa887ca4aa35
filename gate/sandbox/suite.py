"""In the sandbox: the repository's test suite run by pytest in a scratch copy of a tree,
its results read from pytest's JUnit XML and exit code, never from what it prints.

Each run copies a tree of the read-only workspace to /tmp, lays the files the request
names over it (base versions of tests and test configuration), and runs pytest there in
a child process whose output goes to a file, so that a test cannot write to the runner's
own standard output (the runner is also made non-dumpable: see ``runner.protect``).
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

SCRATCH = Path("/tmp")
LAUNCH = (sys.executable, "-P", "-m", "gate.sandbox.launch")
_TAIL = 4000  # characters of pytest's own output kept for the record


def prepare(spec: dict[str, Any], root: Path) -> Path:
    """A writable copy of ``spec["tree"]`` at ``root`` with the overlay applied."""
    shutil.copytree(spec["tree"], root, symlinks=True)
    for path in spec.get("remove", []):
        target = root / _relative(path)
        if target.is_symlink() or target.is_file():
            target.unlink()
    for path in spec.get("restore", []):
        source = Path("base") / _relative(path)
        target = root / _relative(path)
        if target.is_symlink() or target.is_file():
            target.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    return root


def _relative(path: str) -> PurePosixPath:
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts:
        raise ValueError(f"refusing path {path!r}")
    return pure


@contextlib.contextmanager
def scratch(spec: dict[str, Any]) -> Iterator[tuple[Path, Path]]:
    """A private folder for one run and the prepared tree in it; afterwards every process
    the run left behind is killed and the folder removed, so that nothing of one run
    (a daemon, a report file, the tree) can reach the next one."""
    work = Path(tempfile.mkdtemp(prefix=f"{spec['name']}-", dir=SCRATCH))
    try:
        yield work, prepare(spec, work / "tree")
    finally:
        end_leftovers()
        shutil.rmtree(work, ignore_errors=True)


def end_leftovers() -> None:
    """Kill every other process in the sandbox. Only where the sandbox has its own pid
    namespace (docker, bwrap say so), since kill(-1) reaches all the user may signal."""
    if os.environ.get("MERGEGATE_PID_NAMESPACE") == "1":
        with contextlib.suppress(OSError):
            os.kill(-1, signal.SIGKILL)


def pytest_run(spec: dict[str, Any], seed: int, coverage: bool = False) -> dict[str, Any]:
    """Run pytest on one prepared tree; the JUnit results, exit code and output tail."""
    with scratch(spec) as (work, root):
        junit, data, log = work / "junit.xml", work / "coverage.data", work / "log"
        pytest_args = [
            "-p", "no:cacheprovider", "-o", "junit_family=xunit1", f"--junitxml={junit}",
            "-q", "-rN", "--color=no", "--continue-on-collection-errors",
            f"--hypothesis-seed={seed}", *spec.get("args", []),
        ]  # fmt: skip
        if coverage:
            # The tree's coverage settings are the base revision's (restored by the overlay).
            prefix = [*LAUNCH, "coverage", "run", "--branch", f"--data-file={data}",
                      f"--source={','.join(['.', *spec.get('sources', [])])}",
                      "-m", "pytest"]  # fmt: skip
        else:
            prefix = [*LAUNCH, "pytest"]
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0",
               **spec.get("env", {})}  # fmt: skip
        exit_code, output = run_logged([*prefix, *pytest_args], root, env, log)
        result: dict[str, Any] = {
            "exit": exit_code,
            "output": output,
            "cases": read_junit(junit) if junit.is_file() else None,
        }
        if coverage:
            result["coverage"] = _coverage_json(data, root, work)
            result["omitted"] = omitted(root, spec.get("changed", []))
        return result


def run_logged(argv: list[str], cwd: Path, env: dict[str, str], log: Path) -> tuple[int, str]:
    """Run a command of the code under test with its output to ``log`` (never to the
    runner's own stdout); its exit code and the tail of what it printed."""
    with log.open("wb") as out:
        done = subprocess.run(
            argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            env=env, check=False, close_fds=True,
        )  # fmt: skip
    return done.returncode, log.read_bytes()[-_TAIL:].decode("utf-8", "replace")


def read_junit(path: Path) -> list[dict[str, Any]]:
    """Every test case of a JUnit (xunit1) report: id, file, line, outcome, message."""
    cases = []
    for case in ET.parse(path).getroot().iter("testcase"):  # noqa: S314 - written by pytest here
        file = case.get("file") or ""
        name = case.get("name") or ""
        classname = case.get("classname") or ""
        module = file.removesuffix(".py").replace("/", ".")
        collection = bool(file) and not classname  # a module pytest could not collect
        if collection:
            test_id = file
        elif file and classname.startswith(module):
            inner = classname[len(module) :].lstrip(".")
            test_id = "::".join(p for p in (file, inner.replace(".", "::"), name) if p)
        else:
            test_id = f"{classname}::{name}"
        outcome, message = "passed", ""
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed" if child.tag == "failure" else "error"
                message = _message(child)
                break
            if child.tag == "skipped":
                xfail = child.get("type") == "pytest.xfail"
                outcome = "xfailed" if xfail else "skipped"
                message = child.get("message") or ""
        line = case.get("line")
        cases.append({
            "id": test_id, "file": file, "line": int(line) + 1 if line else None,
            "outcome": outcome, "message": message, "collection": collection,
        })  # fmt: skip
    return cases


def _message(element: ET.Element) -> str:
    """The failure's first line, with hypothesis's shrunk failing example when it has one."""
    message = element.get("message") or ""
    first = message.strip().splitlines()[:1]
    example = falsifying_example(message) or falsifying_example(element.text or "")
    return "; ".join([*first, *([example] if example else [])])


_EXAMPLE = re.compile(r"^(?:E\s+)?((?:Falsifying example|Failing test case): .*)$")


def falsifying_example(text: str) -> str | None:
    """Hypothesis's ``Falsifying example: f(a=0, b=1)``, joined onto one line."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        match = _EXAMPLE.match(line.strip())
        if match is None:
            continue
        parts = [match[1]]
        depth = match[1].count("(") - match[1].count(")")
        for more in lines[i + 1 :]:
            if depth <= 0:
                break
            more = re.sub(r"^E\s+|\s+#.*$", "", more.strip())
            parts.append(more)
            depth += more.count("(") - more.count(")")
        joined = " ".join(parts)
        joined = re.sub(r"([({\[])\s+", r"\1", joined)
        return re.sub(r",?\s*([)}\]])", r"\1", joined)
    return None


def omitted(root: Path, paths: list[str]) -> list[str]:
    """The ``paths`` that the tree's coverage settings (the base's) leave out on purpose."""
    import coverage

    here = Path.cwd()
    os.chdir(root)
    try:
        config = coverage.Coverage(data_file=None).config
        patterns = [*(config.run_omit or []), *(config.report_omit or [])]
    finally:
        os.chdir(here)
    absolute = [p if p.startswith(("*", "/")) else str(root / p) for p in patterns]
    return [p for p in paths if any(fnmatch.fnmatch(str(root / p), a) for a in absolute)]


def _coverage_json(data: Path, root: Path, work: Path) -> dict[str, Any] | str:
    """coverage.py's per-file line data, or why there is none."""
    if not data.is_file():
        return "coverage wrote no data"
    report = work / "coverage.json"
    done = subprocess.run(
        # -P: a coverage/ folder in the tree must not stand in for coverage.py here.
        [sys.executable, "-P", "-m", "coverage", "json", f"--data-file={data}", "-o", str(report),
         "--ignore-errors"],
        cwd=root, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0 or not report.is_file():
        return f"coverage json failed: {(done.stderr or done.stdout).strip()[-300:]}"
    files = json.loads(report.read_text("utf-8"))["files"]
    out: dict[str, Any] = {}
    for name, entry in files.items():
        path = Path(name)
        if path.is_absolute() and path.is_relative_to(root):
            path = path.relative_to(root)
        out[path.as_posix()] = {
            "executed": entry["executed_lines"],
            "missing": entry["missing_lines"],
        }
    return out
