"""The gate on real projects: each project of ``projects.toml`` from its sdist at a pinned
version (downloaded once, cached), made a git repository, and judged by the whole gate
(`gate check --base BASE --head HEAD`, every check, in the sandbox) on changes written
here: a benign tested change, an insecure one, a bug with its tests untouched, and the
bug with its failing test tampered with (skipped, xfailed, deleted, deselected by a
conftest.py, its expected value edited). Next to the gate's time: the suite's own time
by hand (pytest in a virtual environment over the same test environment, on the Python
the gate judges the project on).

    python bench/realworld/realworld.py [--project NAME]... [--case CASE]...
        [--json FILE] [--markdown]

Needs a package index (sdists, the test environments) and a built sandbox.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
       "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false"]  # fmt: skip
CASES = ("benign", "insecure", "bug", "skip", "xfail", "delete", "deselect", "expectation")
TAMPERING = ("skip", "xfail", "delete", "deselect", "expectation")

BENIGN = '''

def mergegate_bench_clamp(value: int, low: int, high: int) -> int:
    """``value`` limited to the range from ``low`` to ``high``."""
    if value < low:
        return low
    if value > high:
        return high
    return value
'''
BENIGN_TEST = """from {module} import mergegate_bench_clamp


def test_mergegate_bench_clamp() -> None:
    assert mergegate_bench_clamp(5, 0, 3) == 3
    assert mergegate_bench_clamp(-1, 0, 3) == 0
    assert mergegate_bench_clamp(2, 0, 3) == 2
"""
INSECURE = '''

def mergegate_bench_archive(folder: str) -> int:
    """Pack ``folder`` into an archive named after it."""
    import subprocess

    return subprocess.call("tar czf backup.tgz " + folder, shell=True)
'''
DESELECT = """def pytest_collection_modifyitems(config, items):
    items[:] = [item for item in items if item.nodeid != {test_id!r}]
"""


@dataclass
class Case:
    """One judged change and what the gate said."""

    project: str
    case: str
    verdict: str = "-"
    exit: int | None = None
    seconds: float = 0.0
    checks: dict[str, str] = field(default_factory=dict)
    durations: dict[str, float] = field(default_factory=dict)
    runs: dict[str, float] = field(default_factory=dict)
    """The tests check's pytest runs: seconds each (``seconds_existing``...)."""
    python: str = ""
    """The CPython the gate judged the change on."""
    blocking: list[str] = field(default_factory=list)
    tests_blocked: bool = False
    note: str = ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", action="append", default=[])
    parser.add_argument("--case", action="append", default=[])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--no-timing", action="store_true", help="skip the suite by hand")
    parser.add_argument(
        "--render", type=Path, nargs="+", help="print the Markdown tables of --json files"
    )
    parser.add_argument(
        "--history",
        type=Path,
        help="judge the real commits of [[history]] from DIR/OWNER+NAME/repo",
    )
    parser.add_argument("--gate", default=str(Path(sys.executable).parent / "gate"))
    args = parser.parse_args(argv)
    data = tomllib.loads((HERE / "projects.toml").read_text())
    if args.render:
        return render(data, args.render)
    if args.history is not None:
        return history(data["history"], args)
    projects = data["project"]
    chosen = [p for p in projects if not args.project or p["name"] in args.project]
    cases = [c for c in CASES if not args.case or c in ",".join(args.case).split(",")]
    results: list[Case] = []
    timings: dict[str, dict[str, float]] = {}
    for project in chosen:
        with tempfile.TemporaryDirectory(prefix=f"realworld-{project['name']}-") as tmp:
            repo = checkout(project, Path(tmp))
            print(f"== {project['name']} {project['version']}", file=sys.stderr)
            results += judge(project, repo, cases, args.gate)
            suite = 0.0 if args.no_timing else by_hand(repo, args.gate)
            mine = [r for r in results if r.project == project["name"] and r.exit is not None]
            tests = [r.durations["tests"] for r in mine if "tests" in r.durations]
            timings[project["name"]] = {
                "suite_seconds": suite,
                "gate_median_seconds": statistics.median([r.seconds for r in mine] or [0.0]),
                "tests_check_median_seconds": statistics.median(tests or [0.0]),
            }
            if args.json:  # after each project: a long run that is stopped keeps its results
                payload = {"cases": [asdict(r) for r in results], "timings": timings}
                args.json.write_text(json.dumps(payload, indent=1))
    if args.markdown:
        print(markdown(results, timings, {p["name"]: p for p in chosen}))
    return 0


def render(data: dict, files: list[Path]) -> int:
    """The Markdown tables of earlier runs' JSON results, merged."""
    results: list[Case] = []
    timings: dict[str, dict[str, float]] = {}
    for path in files:
        payload = json.loads(path.read_text())
        results += [Case(**c) for c in payload["cases"]]
        timings.update(payload["timings"])
    info = {h["name"]: {**h, "version": "(git)"} for h in data.get("history", [])}
    info |= {p["name"]: p for p in data["project"]}
    print(markdown(results, timings, info))
    return 0


def history(entries: list[dict], args: argparse.Namespace) -> int:
    """Each real commit judged against its parent, as `gate check --base C~1 --head C`."""
    results: list[Case] = []
    timings: dict[str, dict[str, float]] = {}
    for entry in entries:
        if args.project and entry["name"] not in args.project:
            continue
        source = args.history / entry["repository"].replace("/", "+") / "repo"
        with tempfile.TemporaryDirectory(prefix=f"history-{entry['name']}-") as tmp:
            repo = Path(tmp) / "repo"
            subprocess.run(["git", "clone", "--quiet", "--shared", str(source), str(repo)],
                           check=True)  # fmt: skip
            print(f"== {entry['name']} (history)", file=sys.stderr)
            for commit in entry["commits"]:
                git(repo, "checkout", "--quiet", "--force", commit)
                result = run_gate(entry["name"], f"commit {commit}", repo, f"{commit}~1",
                                  commit, args.gate)  # fmt: skip
                results.append(result)
                print(f"   {commit} {result.verdict:<7} {result.seconds:6.1f}s "
                      f"{'; '.join(result.blocking)[:200]}", file=sys.stderr)  # fmt: skip
            suite = 0.0 if args.no_timing else by_hand(repo, args.gate)
            tests = [r.durations["tests"] for r in results
                     if r.project == entry["name"] and "tests" in r.durations]  # fmt: skip
            timings[entry["name"]] = {
                "suite_seconds": suite,
                "gate_median_seconds": statistics.median(
                    [r.seconds for r in results if r.project == entry["name"]] or [0.0]
                ),
                "tests_check_median_seconds": statistics.median(tests or [0.0]),
            }
    if args.json:
        args.json.write_text(json.dumps({"cases": [asdict(r) for r in results],
                                         "timings": timings}, indent=1))  # fmt: skip
    if args.markdown:
        names = {e["name"]: {**e, "version": "(git)"} for e in entries}
        print(markdown(results, timings, names))
    return 0


def checkout(project: dict, tmp: Path) -> Path:
    """The project's sdist unpacked and committed as the base of a git repository."""
    sdist = download(project["name"], project["version"])
    target = tmp / "src"
    if sdist.suffix == ".zip":
        with zipfile.ZipFile(sdist) as archive:
            archive.extractall(tmp / "unpacked")  # noqa: S202 - an sdist of the index
    else:
        with tarfile.open(sdist) as archive:
            archive.extractall(tmp / "unpacked", filter="data")
    (top,) = (tmp / "unpacked").iterdir()
    top.rename(target)
    git(target, "init", "--quiet", "--initial-branch=main")
    git(target, "add", "--all", "--force")
    git(target, "commit", "--quiet", "-m", f"{project['name']} {project['version']} (sdist)")
    return target


def download(name: str, version: str) -> Path:
    """The sdist, from the cache or the index."""
    cache = Path(os.environ.get("GATE_CACHE_DIR") or cache_root()) / "bench-sdists"
    cache.mkdir(parents=True, exist_ok=True)
    stem = f"{name}-{version}.".replace("-", "_").lower()
    found = [p for p in cache.iterdir() if p.name.replace("-", "_").lower().startswith(stem)]
    if found:
        return found[0]
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", name,
         "--no-deps", "--ignore-requires-python", f"{name}=={version}", "-d", str(cache)],
        capture_output=True, text=True,
    )  # fmt: skip
    found = [p for p in cache.iterdir() if p.name.replace("-", "_").lower().startswith(stem)]
    if done.returncode != 0 or not found:
        detail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"realworld: could not download the sdist of {name}=={version}: {detail}")
    return found[0]


def cache_root() -> str:
    from gate.sandbox.image import cache_dir

    return str(cache_dir())


def git(repo: Path, *args: str) -> str:
    done = subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout


def judge(project: dict, repo: Path, cases: list[str], gate: str) -> list[Case]:
    """Each case as a commit on the base, judged by the whole gate."""
    base = git(repo, "rev-parse", "HEAD").strip()
    results = []
    failing: str | None = None
    for case in cases:
        git(repo, "checkout", "--quiet", "--force", base)
        git(repo, "clean", "--quiet", "-fdx")
        change = changes(project, repo, case, failing)
        if change is None:
            results.append(Case(project["name"], case, note="not applicable"))
            continue
        write(repo, change)
        git(repo, "add", "--all", "--force")
        git(repo, "commit", "--quiet", "--allow-empty", "-m", case)
        head = git(repo, "rev-parse", "HEAD").strip()
        result = run_gate(project["name"], case, repo, base, head, gate)
        results.append(result)
        print(f"   {case:<12} {result.verdict:<7} {result.seconds:6.1f}s "
              f"{'; '.join(result.blocking)[:150]}", file=sys.stderr)  # fmt: skip
        if case == "bug":
            failing = first_failing_test(result)
    git(repo, "checkout", "--quiet", "--force", base)
    return results


def changes(project: dict, repo: Path, case: str, failing: str | None) -> dict | None:
    """The files a case writes (None: the case does not apply)."""
    module = project["module"]
    source = (repo / module).read_text()
    if case == "benign":
        name = project["import"]
        test_path = f"{project['tests']}/test_mergegate_bench.py"
        return {module: source + BENIGN, test_path: BENIGN_TEST.format(module=name)}
    if case == "insecure":
        return {module: source + INSECURE}
    bug = apply(repo, project["bug"])
    if case == "bug":
        return bug
    if failing is None:
        return None
    path, *names = failing.split("::")
    test_source = (repo / path).read_text()
    edits: dict[str, Callable[[], dict | None]] = {
        "skip": lambda: {path: decorate(test_source, names, "@pytest.mark.skip")},
        "xfail": lambda: {path: decorate(test_source, names, "@pytest.mark.xfail")},
        "delete": lambda: {path: delete(test_source, names)},
        "deselect": lambda: {"conftest.py": conftest(repo, failing)},
        "expectation": lambda: (
            apply(repo, project["expectation"]) if "expectation" in project else None
        ),
    }
    edited = edits[case]()
    return None if edited is None else {**bug, **edited}


def apply(repo: Path, edit: dict) -> dict:
    text = (repo / edit["file"]).read_text()
    if edit["old"] not in text:
        raise SystemExit(f"{edit['file']}: {edit['old']!r} not found")
    return {edit["file"]: text.replace(edit["old"], edit["new"], 1)}


def _function(source: str, names: list[str]) -> ast.FunctionDef | ast.AsyncFunctionDef:
    *classes, name = names
    body = ast.parse(source).body
    for cls in classes:
        body = next(n for n in body if isinstance(n, ast.ClassDef) and n.name == cls).body
    name = name.split("[", 1)[0]
    return next(n for n in body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
                and n.name == name)  # fmt: skip


def decorate(source: str, names: list[str], decorator: str) -> str:
    node = _function(source, names)
    lines = source.splitlines(keepends=True)
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1
    indent = lines[node.lineno - 1][: node.col_offset]
    lines.insert(first, f"{indent}{decorator}\n")
    text = "".join(lines)
    return text if "import pytest" in text else "import pytest\n" + text


def delete(source: str, names: list[str]) -> str:
    node = _function(source, names)
    lines = source.splitlines(keepends=True)
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1
    indent = lines[node.lineno - 1][: node.col_offset]
    end = node.end_lineno or node.lineno
    # A class left with no body keeps a `pass`.
    return "".join([*lines[:first], f"{indent}pass\n" if indent else "", *lines[end:]])


def conftest(repo: Path, test_id: str) -> str:
    existing = repo / "conftest.py"
    prefix = existing.read_text() + "\n\n" if existing.exists() else ""
    return prefix + DESELECT.format(test_id=test_id)


def write(repo: Path, files: dict) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def run_gate(project: str, case: str, repo: Path, base: str, head: str, gate: str) -> Case:
    start = time.monotonic()
    done = subprocess.run(
        [gate, "check", "--base", base, "--head", head, "--format", "json"],
        cwd=repo, capture_output=True, text=True,
    )  # fmt: skip
    result = Case(project, case, exit=done.returncode, seconds=time.monotonic() - start)
    try:
        statement = json.loads(done.stdout)
    except ValueError:
        result.note = (done.stderr.strip().splitlines() or ["no output"])[-1][:300]
        return result
    predicate = statement["predicate"]
    result.verdict = predicate["verificationResult"]
    result.python = predicate.get("python", {}).get("version", "")
    details = predicate
    result.checks = {c["id"]: c["status"] + (f": {c['reason']}" if c.get("reason") else "")
                     for c in details.get("checks", [])}  # fmt: skip
    result.durations = {c["id"]: float(c.get("duration", 0.0)) for c in details.get("checks", [])}
    result.runs = {
        name: value
        for c in details.get("checks", []) if c["id"] == "tests"
        for name, value in c.get("metrics", {}).items() if name.startswith("seconds_")
    }  # fmt: skip
    result.blocking = list(details.get("reasons", []))
    result.tests_blocked = any(
        f.get("tool") == "tests" and f.get("action") == "block" for f in details.get("findings", [])
    )
    return result


def first_failing_test(result: Case) -> str | None:
    for reason in result.blocking:
        if " tests:failed " in reason:
            return reason.split(" tests:failed ", 1)[1].split(" ", 1)[0]
    return None


def by_hand(repo: Path, gate: str) -> float:
    """The suite's own time: pytest in a virtual environment over the test environment the
    gate built, with the project installed, on the Python the gate judges the project on
    (median of three runs): the host's own where it is that version, else the Debian root
    of the sandbox's Python under bubblewrap (no container, no gate: the same interpreter
    and packages the gate's runs have)."""
    from gate.sandbox import environment, image, pythons

    found = environment.declared_at(repo, "HEAD")
    python = pythons.choose(found).python
    env = environment.ensure(environment.wanted(found, python))
    with tempfile.TemporaryDirectory(prefix="by-hand-") as tmp:
        copy = Path(tmp) / "tree"
        shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(".git"))
        script = Path(tmp) / "by_hand.py"
        script.write_text(BY_HAND)
        host = f"{sys.version_info[0]}.{sys.version_info[1]}"
        if python.version == host:
            argv = [sys.executable, str(script), str(env.path), str(copy), sys.executable]
        else:
            root = image.rootfs_path(image.plan(python=python), image.cache_dir())
            if root is None or shutil.which("bwrap") is None:
                return 0.0  # not measured: no root of that Python (gate sandbox build)
            argv = [
                *("bwrap", "--ro-bind", str(root), "/", "--proc", "/proc", "--dev", "/dev"),
                *("--tmpfs", "/tmp", "--ro-bind", str(env.path), "/mnt"),  # noqa: S108 (its own)
                *("--bind", tmp, "/workspace", "--unshare-net", "--die-with-parent"),
                *(
                    "python3",
                    "/workspace/by_hand.py",
                    "/mnt",
                    "/workspace/tree",
                    "/opt/gate/bin/python",
                ),
            ]
        variables = {**os.environ, "SETUPTOOLS_SCM_PRETEND_VERSION": "0.0.0"}
        done = subprocess.run(argv, capture_output=True, text=True, env=variables)
        if done.returncode != 0:
            raise SystemExit(f"the suite by hand failed to run: {done.stderr[-500:]}")
        print(f"   by hand on {python.version}: {done.stderr.strip().splitlines()[-1]}")
        return float(done.stdout.split()[-1])


BY_HAND = """
import os, statistics, subprocess, sys, time, venv
from pathlib import Path

env, tree, pip_python = sys.argv[1:]
prefix = Path(tree).parent / "venv"
venv.EnvBuilder(symlinks=True, with_pip=False, clear=True).create(prefix)
site = next((prefix / "lib").glob("python*/site-packages"))
env_site = str(next((Path(env) / "lib").glob("python*/site-packages")))
(site / "00-env.pth").write_text(f"import site; site.addsitedir({env_site!r})\\n")
python = str(prefix / "bin" / "python")
subprocess.run([pip_python, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
                "--no-build-isolation", "--no-index", "-e", tree], capture_output=True)
times = []
for _ in range(3):
    start = time.monotonic()
    done = subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=tree,
                          capture_output=True, text=True, env={**os.environ, "HOME": "/tmp"})
    times.append(time.monotonic() - start)
    if done.returncode not in (0, 1):  # 1: some tests failed; else it did not run them
        sys.exit(f"pytest exited {done.returncode}: {done.stdout[-400:]}{done.stderr[-400:]}")
    print(done.stdout.strip().splitlines()[-1], file=sys.stderr)
print(statistics.median(times))
"""


def markdown(results: list[Case], timings: dict, projects: dict) -> str:
    """Two tables: per project (setup, times), per case (verdict, reasons)."""
    out = [
        "| project | setup | suite by hand (s) | `tests` check (s) | ratio | whole gate (s) |",
        "|---|---|---|---|---|---|",
    ]
    for name, t in timings.items():
        suite, tests = t["suite_seconds"], t.get("tests_check_median_seconds", 0.0)
        ratio = f"{tests / suite:.1f}x" if suite else "-"
        out.append(
            f"| {name} {projects[name]['version']} | {projects[name].get('setup', '')} "
            f"| {suite:.1f} | {tests:.1f} | {ratio} | {t['gate_median_seconds']:.1f} |"
        )
    out += [
        "",
        "| project | case | verdict | failed by `tests` | first blocking reason | errored checks |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        errored = [f"{k}: {v}" for k, v in r.checks.items() if v.startswith("errored")]
        reason = (r.blocking[0] if r.blocking else r.note)[:140].replace("|", "\\|")
        errors = "; ".join(errored)[:200].replace("|", "/") or "-"
        blocked = "yes" if r.tests_blocked else "no"
        out.append(f"| {r.project} | {r.case} | {r.verdict} | {blocked} | {reason} | {errors} |")
    return "\n".join(out)


if __name__ == "__main__":
    raise SystemExit(main())
