"""The guard in the pytest process: a real audit hook in a real Python process, and real
pytest runs through the launcher, on small repositories written here. What reaches it
from inside the sandboxes is tested by tests/adversarial."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gate.checks.suite import guard, launch

ROUTES = """\
import gc
import os
import sys


def write(path):
    with open(path, "w") as handle:
        handle.write("forged")


def replace(source, target):
    os.replace(source, target)


def walk():
    return len(gc.get_objects())


def peek():
    import ctypes

    return ctypes.string_at(id(sys), 8)


def recode(function):
    function.__code__ = walk.__code__


def memory():
    return open(f"/proc/{os.getpid()}/mem", "rb")


def through_inspect():
    import inspect

    return inspect.currentframe() is not None
"""

DRIVER = """\
import json, sys
sys.path.insert(0, {launcher!r})
import launch
guard = launch.guard_module().install(json.loads({spec!r}))

def function():
    pass
function.__module__ = "_pytest.reports"

sys.path.insert(0, {repository!r})
import routes, trusted
results = {{}}
for name, call in [
    ("write", lambda: routes.write({junit!r})),
    ("write-in-tree", lambda: routes.write({tree_file!r})),
    ("write-elsewhere", lambda: routes.write({elsewhere!r})),
    ("replace", lambda: routes.replace({elsewhere!r}, {junit!r})),
    ("walk", routes.walk),
    ("peek", routes.peek),
    ("recode", lambda: routes.recode(function)),
    ("memory", routes.memory),
    ("frames", routes.through_inspect),
    ("trusted-walk", trusted.walk),
]:
    try:
        call()
        results[name] = "allowed"
    except PermissionError:
        results[name] = "denied"
# The runner itself (no frame of the repository on the stack) is not the code under test.
with open({junit!r}, "w") as handle:
    handle.write("pytest's own report")
import gc
gc.get_objects()
guard.end()
print(json.dumps(results))
"""


def _spec(
    work: Path, repository: Path, untrusted: Path, allow: tuple[str, ...] = ()
) -> dict[str, object]:
    return {
        "allow": list(allow),
        "log": str(work / "guard.jsonl"),
        "nonce": "n0nce",
        "protected": str(work),
        "open": [str(work / "tree")],
        "repository": str(repository),
        "untrusted": [str(untrusted)],
    }


def _drive(tmp_path: Path, allow: tuple[str, ...] = ()) -> tuple[dict[str, str], Path]:
    """Each route tried by the change's code under an installed guard; the outcomes."""
    work, repository = tmp_path / "work", tmp_path / "repository"
    (work / "tree").mkdir(parents=True)
    repository.mkdir()
    (repository / "routes.py").write_text(ROUTES)
    # The repository's code the change does not touch (a leak test): trusted, as the base is.
    (repository / "trusted.py").write_text(
        "import gc\n\n\ndef walk():\n    return gc.get_objects()\n"
    )
    driver = DRIVER.format(
        launcher=str(Path(launch.__file__).parent),
        spec=json.dumps(_spec(work, repository, repository / "routes.py", allow)),
        repository=str(repository),
        junit=str(work / "junit.xml"),
        tree_file=str(work / "tree" / "out.txt"),
        elsewhere=str(tmp_path / "elsewhere.txt"),
    )
    done = subprocess.run(
        [sys.executable, "-c", driver], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout), work


def test_the_hook_denies_the_code_under_test_what_forging_needs(tmp_path: Path) -> None:
    results, work = _drive(tmp_path)
    assert results == {
        "write": "denied",
        "write-in-tree": "allowed",
        "write-elsewhere": "allowed",
        "replace": "denied",
        "walk": "denied",
        "peek": "denied",
        "recode": "denied",
        "memory": "denied",
        "frames": "allowed",  # namedtuple, logging and inspect need frames: not denied
        "trusted-walk": "allowed",
    }
    assert (work / "junit.xml").read_text() == "pytest's own report"
    records, problem = guard.read(str(work / "guard.jsonl"), "n0nce")
    assert problem is None
    assert [(r["kind"], r["where"]) for r in records] == [
        ("result-file", "routes.py:7"),
        ("result-file", "routes.py:12"),
        ("gc", "routes.py:16"),
        ("ctypes", "routes.py:22"),
        ("code", "routes.py:26"),
        ("result-file", "routes.py:30"),
    ]


def test_what_the_policy_lets_code_use_is_not_denied(tmp_path: Path) -> None:
    results, _ = _drive(tmp_path, allow=("ctypes", "gc"))
    assert (results["walk"], results["peek"]) == ("allowed", "allowed")
    assert results["write"] == "denied"


def _log(path: Path, *lines: object) -> str:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return str(path)


RECORD = {"kind": "gc", "detail": "x", "where": "a.py:1"}


@pytest.mark.parametrize(
    ("lines", "problem"),
    [
        ([RECORD, {"kind": "end", "nonce": "n", "records": 1}], None),
        # written by the hook after pytest ended (an exit handler): kept, no problem
        ([{"kind": "end", "nonce": "n", "records": 0}, RECORD], None),
        ([RECORD], "no end record"),
        ([{"kind": "end", "nonce": "forged", "records": 0}], "no end record"),
        ([RECORD, RECORD, {"kind": "end", "nonce": "n", "records": 1}], "did not write"),
        ([{"kind": "end", "nonce": "n", "records": 0, "stopped": True}], "watch was stopped"),
        (["not a record"], "did not write"),
    ],
)
def test_a_log_that_cannot_be_trusted_says_why(
    tmp_path: Path, lines: list[object], problem: str | None
) -> None:
    records, why = guard.read(_log(tmp_path / "log", *lines), "n")
    if problem is None:
        assert why is None
        assert records == [RECORD]
    else:
        assert why is not None and problem in why


def test_no_log_is_a_problem(tmp_path: Path) -> None:
    assert guard.read(str(tmp_path / "absent"), "n") == ([], "the guard wrote no log")


PROJECT_TEST = """\
from calc import add


def test_add():
    assert add(2, 2) == 4
"""


def _pytest_run(tmp_path: Path, library: str) -> tuple[int, list[dict[str, object]], str | None]:
    """pytest, through the launcher and under the guard, on a one-module project."""
    work = tmp_path / "work"
    tree = work / "tree"
    (tree / "calc").mkdir(parents=True)
    (tree / "calc" / "__init__.py").write_text(library)
    (tree / "test_calc.py").write_text(PROJECT_TEST)
    env = {
        "PATH": "/usr/bin:/bin",
        launch.GUARD: json.dumps(_spec(work, tree, tree / "calc" / "__init__.py")),
    }
    argv = [sys.executable, "-P", launch.__file__, "pytest", "-q", "-p", "no:cacheprovider"]
    argv += [f"--junitxml={work / 'junit.xml'}", "-p", "no:randomly", "test_calc.py"]
    done = subprocess.run(argv, cwd=tree, env=env, capture_output=True, text=True, check=False)
    records, problem = guard.read(str(work / "guard.jsonl"), "n0nce")
    return done.returncode, records, problem


# What freezegun does to every loaded module: names imported from elsewhere rebound.
FREEZE = """\
import datetime
import sys


class FakeDatetime(datetime.datetime):
    pass


for module in list(sys.modules.values()):
    if getattr(module, "datetime", None) is datetime.datetime:
        module.datetime = FakeDatetime


"""


@pytest.mark.parametrize("prefix", ["", FREEZE], ids=["plain", "freezegun-like"])
def test_a_clean_pytest_run_leaves_no_record(tmp_path: Path, prefix: str) -> None:
    library = prefix + "def add(a, b):\n    return a + b\n"
    code, records, problem = _pytest_run(tmp_path, library)
    assert (code, records, problem) == (0, [], None)


def test_pytests_own_classes_changed_by_the_code_under_test_are_seen(tmp_path: Path) -> None:
    library = (
        "import pytest\n\n"
        "pytest.TestReport.failed = property(lambda self: False)\n"
        "pytest.TestReport.passed = property(lambda self: True)\n\n\n"
        "def add(a, b):\n    return a - b\n"
    )
    code, records, problem = _pytest_run(tmp_path, library)
    assert code == 0  # the forgery works on pytest...
    assert problem is None
    details = {str(r["detail"]) for r in records if r["kind"] == "runner-changed"}
    # ...and the watch saw it.
    assert "_pytest.reports.TestReport.failed was changed during the run" in details
