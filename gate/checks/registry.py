"""The typed registry of checks: the built-ins, their groups, and third-party checks
from the ``gate.checks`` entry-point group (loaded only when asked for).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import metadata

from gate.checks.bandit import BanditCheck
from gate.checks.interface import Check
from gate.checks.mypy.check import MypyCheck
from gate.checks.properties.check import PropertiesCheck
from gate.checks.rules import RulesCheck
from gate.checks.semgrep import SemgrepCheck
from gate.checks.suite.coverage import CoverageCheck
from gate.checks.suite.tests import TestsCheck
from gate.errors import BadInputError

BUILTIN: Mapping[str, Check] = {
    "rules": RulesCheck(),
    "semgrep": SemgrepCheck(),
    "bandit": BanditCheck(),
    "mypy": MypyCheck(),
    "tests": TestsCheck(),
    "coverage": CoverageCheck(),
    "properties": PropertiesCheck(),
}

# Group names a user may pass to --only/--skip; ids not built in yet are kept, so that
# a policy naming them errs clearly instead of being silently narrowed.
GROUPS: Mapping[str, tuple[str, ...]] = {
    "static": ("rules", "semgrep", "bandit", "mypy"),
    "security": ("rules", "semgrep", "bandit"),
    "dynamic": ("tests", "coverage", "properties"),
}

ENTRY_POINT_GROUP = "gate.checks"


def available() -> dict[str, Check]:
    """Every check that can run: built-ins first, then installed plugins."""
    checks = dict(BUILTIN)
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry.name not in checks:
            checks[entry.name] = entry.load()()
    return checks


def expand(names: Iterable[str], known: Iterable[str]) -> set[str]:
    """Check ids named by ``names`` (ids or group names); unknown names are bad input."""
    known_ids = set(known)
    ids: set[str] = set()
    for raw in names:
        for name in filter(None, (n.strip() for n in raw.split(","))):
            if name in GROUPS:
                ids.update(i for i in GROUPS[name] if i in known_ids)
            elif name in known_ids:
                ids.add(name)
            else:
                choices = ", ".join(sorted(known_ids | set(GROUPS)))
                raise BadInputError(f"unknown check {name!r}", hint=f"choose from {choices}")
    return ids
