"""The conditions a policy is made of, composed with :class:`AllOf`, and the mapping of
each finding to block or warn."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from gate.checks.interface import Completed, Errored, Skipped
from gate.errors import PolicyError
from gate.findings import Finding
from gate.policy.interface import Condition, Judged, Results
from gate.policy.model import Action, MetricCondition, Policy, Waiver
from gate.rules.interface import matches

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt,
    ">=": operator.ge, "==": operator.eq, "!=": operator.ne,
}  # fmt: skip


@dataclass(frozen=True)
class AllOf:
    """Every condition must hold. An empty AllOf is an error, never "allow all"."""

    conditions: Sequence[Condition]

    def __post_init__(self) -> None:
        if not self.conditions:
            raise PolicyError("a policy with no conditions would allow everything")

    def failures(self, results: Results) -> list[str]:
        return [reason for c in self.conditions for reason in c.failures(results)]


@dataclass(frozen=True)
class RequiredChecksSucceed:
    """A required check that errored fails the verdict (fail closed)."""

    required: tuple[str, ...]

    def failures(self, results: Results) -> list[str]:
        return [
            f"check {check_id} errored: {outcome.reason}"
            for check_id, outcome in results.outcomes.items()
            if isinstance(outcome, Errored) and check_id in self.required
        ]


@dataclass(frozen=True)
class NoBlockingFindings:
    """No finding may carry the action block."""

    def failures(self, results: Results) -> list[str]:
        return [
            f"{j.finding.path}:{j.finding.line or 1}: {j.finding.tool}:{j.finding.rule_id} "
            f"{j.finding.message}"
            for j in results.judged
            if j.action is Action.BLOCK
        ]


@dataclass(frozen=True)
class MetricHolds:
    """A quality-gate condition; a metric the check did not report fails it."""

    condition: MetricCondition

    def failures(self, results: Results) -> list[str]:
        c = self.condition
        outcome = results.outcomes.get(c.check)
        match outcome:
            case None | Skipped():
                return []  # the check did not run or had nothing to measure
            case Errored():
                return []  # reported by RequiredChecksSucceed, or a warning
            case Completed(metrics=metrics):
                if c.metric not in metrics:
                    return [f"condition {c.describe()}: {c.check} reported no {c.metric}"]
                value = metrics[c.metric]
                if _OPS[c.op](value, c.threshold):
                    return []
                return [f"condition {c.describe()} not met: {c.metric} is {value:g}"]
        return [f"condition {c.describe()}: unexpected outcome"]  # pragma: no cover


@dataclass(frozen=True)
class RanInASandbox:
    """The tools ran in a sandbox, unless the policy allows running without one."""

    allow_unsafe: bool

    def failures(self, results: Results) -> list[str]:
        if results.sandbox != "none" or self.allow_unsafe:
            return []
        return ["the checks ran without a sandbox (--unsafe-no-sandbox)"]


def conditions(policy: Policy) -> AllOf:
    """The policy's conditions, composed."""
    return AllOf(
        [
            RanInASandbox(policy.allow_unsafe_sandbox),
            RequiredChecksSucceed(policy.required),
            NoBlockingFindings(),
            *(MetricHolds(c) for c in policy.conditions),
        ]
    )


def judge(
    finding: Finding,
    policy: Policy,
    today: date,
    *,
    tests_ran: bool = False,
    unrequired: frozenset[str] = frozenset(),
) -> Judged:
    """The action the policy takes on ``finding``, and why (``tests_ran``: the ``tests``
    check completed in this run; ``unrequired``: the test files with tests it could not
    require, because they fail on the base revision, so it could not judge their edits)."""
    action, reason = _rule_action(finding, policy)
    judged = tests_ran and finding.path not in unrequired
    if action is Action.BLOCK and judged and finding.rule_id in policy.judged_by_tests:
        return Judged(
            finding,
            Action.WARN,
            "the tests check ran the test in its base form against the changed code "
            "(and blocks if that fails)",
        )
    if action is Action.BLOCK:
        waiver = _waiver_for(finding, policy.waivers)
        if waiver is not None:
            if waiver.expires >= today:
                return Judged(
                    finding, Action.WARN, f"waived until {waiver.expires}: {waiver.reason}"
                )
            reason += f" (waiver expired on {waiver.expires})"
    return Judged(finding, action, reason)


def _rule_action(finding: Finding, policy: Policy) -> tuple[Action, str]:
    for key in (f"{finding.tool}:{finding.rule_id}", finding.rule_id):
        if key in policy.actions:
            return policy.actions[key], f"policy sets {key} to {policy.actions[key].value}"
    if finding.tool in policy.blocking_tools:
        return Action.BLOCK, f"policy blocks every finding of {finding.tool}"
    if finding.tool in policy.security_tools and finding.severity >= policy.block_at:
        return Action.BLOCK, (
            f"security finding of severity {finding.severity.value} "
            f"(blocks at {policy.block_at.value})"
        )
    return Action.WARN, f"severity {finding.severity.value} is below the blocking threshold"


def _waiver_for(finding: Finding, waivers: Sequence[Waiver]) -> Waiver | None:
    for waiver in waivers:
        if waiver.rule not in (finding.rule_id, f"{finding.tool}:{finding.rule_id}"):
            continue
        if waiver.path is not None and not matches(finding.path, [waiver.path]):
            continue
        if waiver.fingerprint is not None and waiver.fingerprint != finding.fingerprint:
            continue
        return waiver
    return None
