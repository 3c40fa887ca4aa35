"""What a policy condition is: something that looks at a run's results and says why
the verdict must fail (nothing, when it holds)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from gate.checks.interface import Outcome
from gate.findings import Finding
from gate.policy.model import Action


@dataclass(frozen=True)
class Judged:
    """A finding with the action the policy takes on it."""

    finding: Finding
    """The finding."""
    action: Action
    """Block or warn."""
    reason: str
    """Why this action (a threshold, a rule override, a waiver)."""


@dataclass(frozen=True)
class Results:
    """What a run produced, as the conditions see it."""

    outcomes: Mapping[str, Outcome]
    """Each check that ran, by id."""
    judged: Sequence[Judged]
    """Every finding, with its action."""
    sandbox: str
    """The sandbox the tools ran in (``none`` without one)."""


class Condition(Protocol):
    """One requirement of the policy."""

    def failures(self, results: Results) -> list[str]:
        """Why the verdict fails under this condition; empty when it holds."""
        ...
