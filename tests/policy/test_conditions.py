from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gate.checks.interface import Completed, Errored, Skipped
from gate.errors import PolicyError
from gate.findings import Finding, Severity
from gate.policy import loader
from gate.policy.conditions import AllOf, MetricHolds, conditions, judge
from gate.policy.interface import Results
from gate.policy.model import Action, MetricCondition, Waiver

POLICY = loader.build(loader.default_data(), "test")
TODAY = date(2026, 11, 25)


def _finding(
    tool: str = "bandit", rule: str = "B108", severity: Severity = Severity.HIGH, path: str = "a.py"
) -> Finding:
    return Finding(tool, rule, severity, None, path, 1, 1, "m", "f" * 32)


def test_security_findings_block_at_the_threshold() -> None:
    assert judge(_finding(severity=Severity.MEDIUM), POLICY, TODAY).action is Action.BLOCK
    assert judge(_finding(severity=Severity.LOW), POLICY, TODAY).action is Action.WARN
    assert judge(_finding(tool="lint", severity=Severity.HIGH), POLICY, TODAY).action is Action.WARN
    # mypy is a correctness gate: every new type error blocks, whatever its severity.
    assert judge(_finding(tool="mypy", severity=Severity.LOW), POLICY, TODAY).action is Action.BLOCK


def test_rule_overrides_win() -> None:
    judged = judge(_finding("rules", "GATE402", Severity.LOW), POLICY, TODAY)
    assert (judged.action, judged.reason) == (Action.WARN, "policy sets GATE402 to warn")
    assert judge(_finding("rules", "GATE301", Severity.LOW), POLICY, TODAY).action is Action.BLOCK


@pytest.mark.parametrize("rule", ["GATE304", "GATE305"])
def test_edits_of_existing_tests_are_judged_by_the_tests_check_when_it_ran(rule: str) -> None:
    finding = _finding("rules", rule, Severity.HIGH, "tests/test_a.py")
    assert judge(finding, POLICY, TODAY).action is Action.BLOCK  # --only security, the hook
    judged = judge(finding, POLICY, TODAY, tests_ran=True)
    assert judged.action is Action.WARN
    assert "base form" in judged.reason
    # A file with tests that fail on the base revision: the tests check could not require
    # them, so it did not judge an edit of theirs (a failing test edited to pass blocks).
    unjudged = judge(
        finding, POLICY, TODAY, tests_ran=True, unrequired=frozenset({"tests/test_a.py"})
    )
    assert unjudged.action is Action.BLOCK
    # Deleting or skipping a test is still a block, whatever the tests check saw.
    for other in ("GATE301", "GATE302"):
        blocked = judge(_finding("rules", other, Severity.HIGH), POLICY, TODAY, tests_ran=True)
        assert blocked.action is Action.BLOCK


def test_waivers_expire() -> None:
    waiver = Waiver("bandit:B108", "reviewed", date(2026, 12, 1), path="a.py")
    policy = replace(POLICY, waivers=(waiver,))
    live = judge(_finding(), policy, TODAY)
    assert live.action is Action.WARN and "reviewed" in live.reason
    expired = judge(_finding(), policy, date(2026, 12, 2))
    assert expired.action is Action.BLOCK and "expired" in expired.reason
    elsewhere = judge(_finding(path="b.py"), policy, TODAY)
    assert elsewhere.action is Action.BLOCK


def test_errored_required_check_fails_and_skipped_does_not() -> None:
    results = Results({"rules": Skipped("nothing"), "bandit": Errored("boom")}, [], "docker")
    assert conditions(POLICY).failures(results) == ["check bandit errored: boom"]
    assert conditions(POLICY).failures(Results({"bandit": Skipped("none")}, [], "docker")) == []


def test_metric_conditions_fail_closed() -> None:
    cond = MetricHolds(MetricCondition("coverage", "percent", ">=", 80))
    assert cond.failures(Results({"coverage": Completed((), {"percent": 85})}, [], "docker")) == []
    assert (
        "is 50"
        in cond.failures(Results({"coverage": Completed((), {"percent": 50})}, [], "docker"))[0]
    )
    assert (
        "reported no percent"
        in cond.failures(Results({"coverage": Completed(())}, [], "docker"))[0]
    )


def test_an_empty_policy_allows_nothing() -> None:
    with pytest.raises(PolicyError):
        AllOf([])
