"""Every hostile change of the catalogue, judged by the whole gate as users run it, in
both sandboxes: each must FAIL, for the reason the catalogue names."""

from __future__ import annotations

import pytest

from gate.pipeline import Request, run
from gate.policy.model import Action

from ..conftest import Repo, open_or_skip
from .catalogue import BASES, CATALOGUE, Hostile


def _marks(case: Hostile) -> list[pytest.MarkDecorator]:
    return [pytest.mark.slow] if case.slow else []


CASES = [pytest.param(case, id=case.name, marks=_marks(case)) for case in CATALOGUE]


@pytest.mark.parametrize("kind", ["docker", "bwrap"])
@pytest.mark.parametrize("case", CASES)
def test_a_hostile_change_fails(
    calc: Repo, case: Hostile, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_or_skip(kind).close()
    if case.name in BASES:
        calc.commit(BASES[case.name](calc.path))
    for name, value in case.environment.items():
        monkeypatch.setenv(name, value)
    calc.write(case.files(calc.path))
    verdict = run(Request(path=calc.path, sandbox=kind)).verdict
    assert verdict.result == "FAILED", case.attempts
    blocking = {
        f"{j.finding.tool}:{j.finding.rule_id}"
        for j in verdict.findings
        if j.action == Action.BLOCK
    }
    if case.blocked_by:
        assert blocking & case.blocked_by, (case.attempts, blocking, verdict.reasons)
    if case.reason:
        assert any(case.reason in r for r in verdict.reasons), verdict.reasons
