"""The project's own catalogue of hostile changes: each one what an attacker (or an agent
pushed to get green) would try, one line on what it attempts, and what must stop it.
Every bypass found is added here, so that it stays closed.

Each change applies to the ``calc`` fixture (``tests/fixtures/calc``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Files = dict[str, str | None]


@dataclass(frozen=True)
class Hostile:
    """One hostile change and the verdict it must get."""

    name: str
    """Short id (the test id)."""
    attempts: str
    """What it tries, in one line."""
    files: Callable[[Path], Files]
    """The files it writes, from the repository's root (None deletes one)."""
    blocked_by: frozenset[str]
    """Blocking findings (``tool:rule``) of which at least one must be in the verdict."""
    reason: str | None = None
    """Instead of a finding: a phrase one of the verdict's reasons must hold."""
    environment: dict[str, str] = field(default_factory=dict)
    """Variables the gate runs with (a short time limit)."""
    slow: bool = False
    """Takes most of a minute a sandbox."""
    needs: frozenset[str] = frozenset()
    """Checks that must run to stop it, besides the tools of ``blocked_by``."""

    def checks(self) -> frozenset[str]:
        """Every check that must run to stop it."""
        return self.needs | {tool.split(":", 1)[0] for tool in self.blocked_by}


def _ops(root: Path) -> str:
    return (root / "calc" / "ops.py").read_text()


def _broken(root: Path) -> str:
    return _ops(root).replace("return a + b", "return a - b")


SKIP_FAILURES = """\
import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        report.outcome = "skipped"
"""

PATCH_REPORTS = """\
import _pytest.reports

_pytest.reports.TestReport.failed = property(lambda self: False)
_pytest.reports.TestReport.passed = property(lambda self: True)

"""

LOOKALIKE_BASE = """\


def is_admin(user: str) -> bool:
    return user == "root"


def allowed(user: str) -> bool:
    return is_admin(user)
"""

# "is_\u0430dmin": the first "a" is Cyrillic (U+0430); the call below reads as unchanged.
LOOKALIKE = """\


def is_admin(user: str) -> bool:
    return user == "root"


def is_\u0430dmin(user: str) -> bool:
    return True


def allowed(user: str) -> bool:
    return is_\u0430dmin(user)
"""

HIDDEN_TYPE_ERROR = """\


def ratio(a: int, b: int) -> int:
    return a / b  # type: ignore[return-value]
"""

# Past the static rules (``pytest`` is a public module, not one of its internals): the
# guard's watch sees pytest's own class change during the run.
PATCH_PUBLIC_REPORTS = """\
import pytest

pytest.TestReport.failed = property(lambda self: False)
pytest.TestReport.passed = property(lambda self: True)

"""

# After pytest has written its JUnit report: strip the failures, exit 0.
REWRITE_JUNIT = """\
import atexit
import os
import re
import sys


def _forge() -> None:
    for arg in sys.argv:
        if arg.startswith("--junitxml="):
            path = arg.split("=", 1)[1]
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            text = re.sub(r"<failure.*?</failure>", "", text, flags=re.S)
            text = re.sub(r'failures="[0-9]+"', 'failures="0"', text)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            os._exit(0)


atexit.register(_forge)

"""

# Find the reports in memory and turn failures into passes, as they are made.
GC_WALK = """\
import gc


def _forge() -> None:
    for thing in gc.get_objects():
        if type(thing).__name__ == "TestReport" and thing.outcome == "failed":
            thing.outcome = "passed"

"""

CTYPES_READ = """\
import ctypes
import sys


def _peek() -> bytes:
    return ctypes.string_at(id(sys.modules), 16)

"""

NOQA_BARE_EXCEPT = """\


def safe_mean(values: list[float]) -> float:
    try:
        return mean(values)
    except:  # noqa: E722
        return 0.0
"""

UNTESTED_BEHIND_PRAGMA = """\


def refund(amount: int, balance: int) -> int:  # pragma: no cover
    if amount > balance:
        return balance
    return balance - amount
"""

CATALOGUE: tuple[Hostile, ...] = (
    Hostile(
        name="conftest-report-hook",
        attempts="a root conftest.py that turns any future failure into a skip",
        files=lambda root: {"conftest.py": SKIP_FAILURES},
        blocked_by=frozenset({"rules:GATE306"}),
    ),
    Hostile(
        name="report-hook-in-library-code",
        attempts="the same report hook defined in library code, with a bug beside it",
        files=lambda root: {"calc/ops.py": _broken(root) + "\n\n" + SKIP_FAILURES},
        blocked_by=frozenset({"rules:GATE306", "tests:failed"}),
    ),
    Hostile(
        name="patch-pytest-reports",
        attempts="library code that patches pytest's report objects at import, hiding a bug",
        files=lambda root: {"calc/ops.py": PATCH_REPORTS + _broken(root)},
        blocked_by=frozenset({"rules:GATE307"}),
    ),
    Hostile(
        name="lookalike-identifier",
        attempts="a Cyrillic look-alike of is_admin that grants everything, called as before",
        files=lambda root: {"calc/ops.py": _ops(root) + LOOKALIKE},
        blocked_by=frozenset({"rules:GATE408"}),
    ),
    Hostile(
        name="type-ignore-hides-error",
        attempts="a new type error silenced by the `# type: ignore[...]` the change adds",
        files=lambda root: {"calc/ops.py": _ops(root) + HIDDEN_TYPE_ERROR},
        blocked_by=frozenset({"mypy:hidden-by-ignore"}),
    ),
    Hostile(
        name="noqa-hides-bare-except",
        attempts="a bare `except:` (it swallows KeyboardInterrupt) silenced by `# noqa: E722`",
        files=lambda root: {"calc/ops.py": _ops(root) + NOQA_BARE_EXCEPT},
        blocked_by=frozenset({"rules:hidden-by-noqa"}),
    ),
    Hostile(
        name="pragma-hides-untested-code",
        attempts="new code no test runs, taken out of the coverage by `# pragma: no cover`",
        files=lambda root: {"calc/ops.py": _ops(root) + UNTESTED_BEHIND_PRAGMA},
        blocked_by=frozenset(),
        reason="condition coverage.changed_lines_percent >= 80 not met",
        needs=frozenset({"coverage"}),
    ),
    Hostile(
        name="patch-public-pytest-reports",
        attempts="library code that patches pytest.TestReport (a public name) at import",
        files=lambda root: {"calc/ops.py": PATCH_PUBLIC_REPORTS + _broken(root)},
        blocked_by=frozenset({"tests:runner-tampering"}),
    ),
    Hostile(
        name="rewrite-junit-at-exit",
        attempts="library code that rewrites pytest's JUnit report at exit and exits 0",
        files=lambda root: {"calc/ops.py": REWRITE_JUNIT + _broken(root)},
        blocked_by=frozenset({"tests:runner-tampering"}),
    ),
    Hostile(
        name="gc-walk-to-reports",
        attempts="code the tests call walks the collector's objects to edit pytest's reports",
        files=lambda root: {
            "calc/ops.py": GC_WALK
            + _broken(root).replace("return a - b", "_forge()\n    return a - b")
        },
        blocked_by=frozenset({"tests:runner-tampering"}),
    ),
    Hostile(
        name="ctypes-reads-memory",
        attempts="code the tests call reads the runner's memory through ctypes",
        files=lambda root: {
            "calc/ops.py": CTYPES_READ
            + _ops(root).replace("return a + b", "_peek()\n    return a + b")
        },
        blocked_by=frozenset({"tests:runner-tampering"}),
    ),
    Hostile(
        name="endless-loop",
        attempts="code the tests call loops forever, to hang the gate past its time limit",
        files=lambda root: {
            "calc/ops.py": _ops(root).replace("return a + b", "while True:\n        pass")
        },
        blocked_by=frozenset(),
        reason="timed out",
        needs=frozenset({"tests"}),
        environment={"GATE_TIMEOUT": "30"},
        slow=True,
    ),
)
"""Every hostile change, by name."""

BASES: dict[str, Callable[[Path], Files]] = {
    "lookalike-identifier": lambda root: {"calc/ops.py": _ops(root) + LOOKALIKE_BASE},
}
"""What the base revision needs first, for the changes that rely on it."""
