"""In the sandbox: the repository's test suite run by pytest in a scratch copy of a tree,
in the repository's own test environment, its results read from pytest's JUnit XML and
exit code, never from what it prints.

Each run copies a tree of the read-only workspace to /tmp, lays the files the request
names over it (base versions of tests and test configuration), makes a virtual
environment of the sandbox's base Python that sees only the test environment (mounted
at ``MERGEGATE_DEPS``: the project's declared dependencies, never the gate's tools),
installs the project into it from the copy (editable, no index, no build isolation), and
runs pytest through ``launch.py`` in a child process whose output goes to a file, so
that a test cannot write to the runner's own standard output (the runner is also made
non-dumpable: see ``gate.sandbox.runner.protect``).
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from gate.checks.protocol import (
    Case,
    CoverageResult,
    FileLines,
    GuardRecord,
    RunResult,
    RunSpec,
    SuiteRequest,
    SuiteResult,
)
from gate.checks.suite import editable, guard, junit, launch

SCRATCH = Path("/tmp")
LAUNCHER = str(Path(launch.__file__).resolve())
_TAIL = 4000  # characters of pytest's own output kept for the record
INSTALL_TIMEOUT = 300
COMPILER_CACHE = SCRATCH / "mergegate-ccache"
"""ccache's store for the builds of the change's tree, shared by that tree's runs in one
job (the existing tests, then the change's own tests): the second build of a C extension
finds its objects there instead of compiling them again."""
_RAISED = re.compile(r"^[\w.]*(Error|Exception)\b")
_SAID = re.compile(r"^error\b", re.IGNORECASE)
PYTEST_ARGS = (
    *("-p", "no:cacheprovider"),
    *("-o", "junit_family=xunit1"),  # xunit1 gives each case its file and line
    *("-q", "-rN", "--color=no", "--continue-on-collection-errors"),
)
PYTHON_DIR = f"python{sys.version_info[0]}.{sys.version_info[1]}"


def site_of(prefix: str | Path) -> Path:
    """The site-packages folder of an environment at ``prefix``."""
    return Path(prefix) / "lib" / PYTHON_DIR / "site-packages"


def prepare(spec: RunSpec, root: Path) -> Path:
    """A writable copy of ``spec.tree`` at ``root`` with the overlay applied."""
    shutil.copytree(spec.tree, root, symlinks=True)
    for path in spec.remove:
        target = root / _relative(path)
        if target.is_symlink() or target.is_file():
            target.unlink()
    for path in spec.restore:
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
def scratch(spec: RunSpec) -> Iterator[tuple[Path, Path]]:
    """A private folder for one run and the prepared tree in it; afterwards every process
    the run left behind is killed and the folder removed, so that nothing of one run
    (a daemon, a report file, the tree) can reach the next one."""
    work = Path(tempfile.mkdtemp(prefix=f"{spec.name}-", dir=SCRATCH))
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


class RunEnvironment:
    """A virtual environment of the base Python for one run: its own site-packages (for
    the project, installed editable) and the mounted test environment behind it."""

    def __init__(self, work: Path) -> None:
        self.prefix = work / "venv"
        venv.EnvBuilder(symlinks=True, with_pip=False, clear=True).create(self.prefix)
        self.python = str(self.prefix / "bin" / "python")
        deps = os.environ.get("MERGEGATE_DEPS")
        self.site = str(site_of(deps)) if deps else None
        self.bin = str(Path(deps) / "bin") if deps else None
        if self.site:
            # Sorted before any editable install's .pth, so that the environment's
            # packages come before the repository's folders on sys.path.
            (site_of(self.prefix) / "00-mergegate-environment.pth").write_text(
                f"import site; site.addsitedir({self.site!r})\n", "utf-8"
            )

    def variables(self) -> dict[str, str]:
        """What the code under test runs with: this environment first on PATH."""
        path = [str(self.prefix / "bin"), *([self.bin] if self.bin else [])]
        env = {
            **os.environ,
            "PATH": os.pathsep.join([*path, os.environ.get("PATH", "/usr/bin:/bin")]),
            "VIRTUAL_ENV": str(self.prefix),
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONHASHSEED": "0",
        }
        for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE"):
            env.pop(name, None)
        if self.site:
            env[launch.SITE] = self.site
        return env

    def install(self, root: Path, log: Path, *, shared: bool = False) -> str | None:
        """Install the project at ``root`` (editable, without its dependencies, which the
        test environment holds); why not, or None when it was installed or there is
        nothing to install. ``shared``: compile through the job's compiler cache."""
        build = editable.build_of(root)
        if build is None:
            return None
        env = self.variables() | (compiler_cache(root.parent) if shared else {})
        if not (root / "PKG-INFO").is_file():  # no VCS metadata in a scratch copy
            env.setdefault("SETUPTOOLS_SCM_PRETEND_VERSION", "0.0.0")
        site = str(site_of(self.prefix))
        scheme = {
            "purelib": site,
            "platlib": site,
            "scripts": str(self.prefix / "bin"),
            "data": str(self.prefix),
            "headers": str(self.prefix / "include"),
        }

        def run(argv: list[str], cwd: Path, variables: dict[str, str]) -> int:
            return run_logged(argv, cwd, variables, log, INSTALL_TIMEOUT)[0]

        try:
            editable.install_editable(
                root, build, python=self.python, scheme=scheme, env=env, run=run
            )
        except subprocess.TimeoutExpired:
            return f"installing the project took over {INSTALL_TIMEOUT} s"
        except editable.InstallFailed as exc:
            why = exc.cause or _cause(log)
            return f"the project could not be installed (its tests import it from the tree): {why}"
        return None


def compiler_cache(work: Path) -> dict[str, str]:
    """The variables that send a build's C and C++ compiles in ``work`` through ccache
    (when the sandbox has it), with paths under ``work`` hashed relative to it, so that
    a later run's build of the same sources in another folder hits the cache.

    Only the change's tree shares a cache: its build runs the change's code, which could
    plant objects in a cache the base's build would read."""
    ccache = shutil.which("ccache")
    if ccache is None:
        return {}
    variables = {"CCACHE_DIR": str(COMPILER_CACHE), "CCACHE_BASEDIR": str(work)}
    variables |= {"CCACHE_NOHASHDIR": "1", "CCACHE_SLOPPINESS": "time_macros"}
    for name in ("CC", "CXX"):
        compiler = sysconfig.get_config_var(name)
        if isinstance(compiler, str) and compiler:
            variables[name] = f"{ccache} {os.environ.get(name, compiler)}"
    return variables


def _cause(log: Path) -> str:
    """The line of a failed build's output that says why: the last exception raised,
    else the last ``error:`` line, else the last line."""
    output = log.read_bytes().decode("utf-8", "replace") if log.is_file() else ""
    lines = [x.strip() for x in output.splitlines() if x.strip()]
    raised = [x for x in lines if _RAISED.match(x)]
    said = [x for x in lines if _SAID.match(x)]
    return (raised or said or lines or ["no output"])[-1][:300]


def pytest_run(spec: RunSpec, request: SuiteRequest, earlier: RunResult | None = None) -> RunResult:
    """Run pytest on one prepared tree in its own environment; narrowed to the tests
    that did not pass in ``earlier`` when the spec asks for it (and ``earlier`` says
    which: else, and when a test to run is not found here, every test runs)."""
    started = time.monotonic()
    with scratch(spec) as (work, root):
        environment = RunEnvironment(work)
        install = environment.install(root, work / "install.log", shared=spec.tree == "head")
        installed = time.monotonic()
        env = environment.variables()
        if install is not None and (root / "src").is_dir():
            env[launch.EXTRA_PATHS] = "src"  # a src layout that could not be installed
        if request.max_examples is not None:
            env[launch.MAX_EXAMPLES] = str(request.max_examples)
        plugins = launch.plugins(environment.site) if environment.site else []
        junit_file, log = work / "junit.xml", work / "log"
        args = [*PYTEST_ARGS, f"--junitxml={junit_file}"]
        if "_hypothesis_pytestplugin" in plugins:
            args.append(f"--hypothesis-seed={request.seed}")
        if "pytest_cov.plugin" in plugins:
            args.append("--no-cov")  # the gate measures coverage itself, if asked
        if spec.coverage is not None:
            measure = {
                "data": str(work / "coverage" / "data"),
                "report": str(work / "coverage.json"),
                "sources": list(spec.coverage.sources),
            }
            env[launch.COVERAGE] = json.dumps(measure)
            (work / "coverage").mkdir()
        narrow = _narrow(work, spec, earlier)
        if narrow is not None:
            env[launch.NARROW] = str(narrow)
        nonce, guard_log = secrets.token_hex(16), work / "guard.jsonl"
        env[launch.GUARD] = json.dumps(
            {
                "log": str(guard_log),
                "nonce": nonce,
                "protected": str(work),
                "open": [str(root), str(environment.prefix)],
                "repository": str(root),
                "untrusted": [str(root / _relative(p)) for p in spec.untrusted],
                "allow": list(request.code_may_use),
            }
        )
        argv = [environment.python, "-P", LAUNCHER, "pytest", *args, *spec.args]
        exit_code, output = run_logged(argv, root, env, log)
        guarded = _guarded(guard_log, nonce, exit_code)
        cases = junit.read_junit(junit_file) if junit_file.is_file() else None
        taken: list[str] = []
        if spec.files is not None and not _every_file_collected(work, spec.files):
            return pytest_run(spec.model_copy(update={"files": None}), request)
        if spec.narrow is not None and narrow is not None and cases is not None:
            left_out = _taken_as_passing(narrow, cases)
            if left_out is None:  # the ids did not match: run every test after all
                return pytest_run(spec.model_copy(update={"narrow": None}), request)
            taken = left_out
            cases += [_passing(test_id) for test_id in taken]
            if exit_code == 5 and taken:  # nothing ran because nothing had to
                exit_code = 0
        coverage = None
        if spec.coverage is not None:
            coverage = _coverage(work, root, list(spec.coverage.changed))
        return RunResult(
            name=spec.name,
            exit=exit_code,
            output=output,
            cases=None if cases is None else tuple(Case.model_validate(c) for c in cases),
            install=install,
            coverage=coverage,
            taken_as_passing=len(taken),
            guard=guarded,
            seconds=round(time.monotonic() - started, 3),
            setup_seconds=round(installed - started, 3),
        )


def _guarded(log: Path, nonce: str, exit_code: int) -> tuple[GuardRecord, ...]:
    """The guard's records of a run; a log that cannot be trusted is a record too, when
    pytest ended by itself (a run killed or crashed is judged by its exit code)."""
    records, problem = guard.read(str(log), nonce)
    found = []
    for record in records:
        try:
            found.append(GuardRecord.model_validate(record))
        except ValidationError:
            problem = problem or "the guard's log holds a line it did not write"
    if problem is not None and exit_code in (0, 1, 2, 5):
        found.append(GuardRecord(kind="log", detail=problem))
    return tuple(found)


def _narrow(work: Path, spec: RunSpec, earlier: RunResult | None) -> Path | None:
    """The launcher's narrowing file: run only the tests of ``spec.files``, or only what
    did not pass in ``earlier`` (when ``spec.narrow`` names it); None: run every test."""
    narrow: dict[str, object] = {"collected": str(work / "collected.json")}
    if spec.files is not None:
        narrow["files"] = list(spec.files)
    elif spec.narrow is not None and earlier is not None and earlier.cases is not None:
        narrow["select"] = [c.id for c in earlier.cases if c.outcome != "passed"]
        narrow["known"] = [c.id for c in earlier.cases]
    else:
        return None
    path = work / "narrow.json"
    path.write_text(json.dumps(narrow), "utf-8")
    return path


def _every_file_collected(work: Path, files: tuple[str, ...]) -> bool:
    """Whether pytest collected a test of every module in ``files`` (else the ids do not
    name the files as the host does, or the project collects them in another way)."""
    collected_file = work / "collected.json"
    if not collected_file.is_file():
        return False
    seen = {i.split("::", 1)[0] for i in json.loads(collected_file.read_text("utf-8"))}
    return all(f in seen for f in files)


def _taken_as_passing(narrow: Path, cases: list[dict[str, object]]) -> list[str] | None:
    """The tests collected but left out (they passed before); None when a test that was
    to run is not among those collected (ids that do not match: trust none of it)."""
    spec = json.loads(narrow.read_text("utf-8"))
    collected_file = Path(spec["collected"])
    if not collected_file.is_file():
        return None
    collected = set(json.loads(collected_file.read_text("utf-8")))
    select = {i for i in spec["select"] if not i.endswith(".py")}  # collection errors
    if not select <= collected:
        return None
    ran = {str(c["id"]) for c in cases}
    return sorted(i for i in collected if i not in ran and i in set(spec["known"]))


def _passing(test_id: str) -> dict[str, object]:
    file = test_id.split("::", 1)[0]
    return {"id": test_id, "file": file, "line": None, "outcome": "passed", "message": ""}


def run_logged(
    argv: list[str], cwd: Path, env: dict[str, str], log: Path, timeout: float | None = None
) -> tuple[int, str]:
    """Run a command of the code under test with its output to ``log`` (never to the
    runner's own stdout); its exit code and the tail of what it printed."""
    with log.open("wb") as out:
        done = subprocess.run(
            argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            env=env, check=False, close_fds=True, timeout=timeout,
        )  # fmt: skip
    return done.returncode, log.read_bytes()[-_TAIL:].decode("utf-8", "replace")


def omitted(root: Path, paths: list[str]) -> tuple[str, ...]:
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
    return tuple(p for p in paths if any(fnmatch.fnmatch(str(root / p), a) for a in absolute))


def _coverage(work: Path, root: Path, changed: list[str]) -> CoverageResult:
    """coverage.py's per-file line data, or why there is none."""
    report = work / "coverage.json"
    skipped = omitted(root, changed)
    if not report.is_file():
        error = work / "coverage.json.error"
        why = error.read_text("utf-8") if error.is_file() else "coverage.py wrote no report"
        return CoverageResult(error=why, omitted=skipped)
    files: dict[str, FileLines] = {}
    resolved = root.resolve()
    for name, entry in json.loads(report.read_text("utf-8"))["files"].items():
        path = Path(name)
        if path.is_absolute():
            if not path.resolve().is_relative_to(resolved):
                continue
            path = path.resolve().relative_to(resolved)
        files[path.as_posix()] = FileLines(
            executed=tuple(entry["executed_lines"]),
            missing=tuple(entry["missing_lines"]),
            excluded=tuple(entry.get("excluded_lines", ())),
        )
    return CoverageResult(files=files, omitted=skipped)


def run(request: SuiteRequest) -> SuiteResult:
    """Every run of the request, in order."""
    done: dict[str, RunResult] = {}
    for spec in request.runs:
        earlier = done.get(spec.narrow) if spec.narrow is not None else None
        done[spec.name] = pytest_run(spec, request, earlier)
    return SuiteResult(runs=tuple(done[spec.name] for spec in request.runs))
