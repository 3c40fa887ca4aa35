"""The interface every check satisfies, and the three outcomes a check can have."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from gate.findings import Finding

if TYPE_CHECKING:
    from gate.change import Change
    from gate.policy.model import Policy
    from gate.sandbox.interface import Sandbox
    from gate.workspace import Workspace


@dataclass(frozen=True)
class Completed:
    """The check ran to the end."""

    findings: tuple[Finding, ...]
    """What the change introduces, according to this check."""
    metrics: Mapping[str, float] = field(default_factory=dict)
    """Numbers the policy's conditions can test (``files``, ``coverage`` ...)."""
    raw: bytes = b""
    """The tool's raw output, whose digest goes into the verdict."""


@dataclass(frozen=True)
class Skipped:
    """The check had nothing to do (no Python files changed, ...)."""

    reason: str
    """Why, in words."""


@dataclass(frozen=True)
class Errored:
    """The check could not give an answer; the policy fails it (fail closed)."""

    reason: str
    """What went wrong, in one line."""
    raw: bytes = b""
    """Whatever the tool printed, for the record."""


Outcome = Completed | Skipped | Errored


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may look at."""

    change: Change
    """The change being judged."""
    workspace: Workspace
    """The base tree and the changed tree."""
    policy: Policy
    """The effective policy (from the base revision or the installed package)."""
    sandbox: Sandbox
    """Where every tool runs."""


class Check(Protocol):
    """A check: a stable id, and a run that never raises for a tool failure."""

    @property
    def id(self) -> str:
        """Stable id (``rules``, ``bandit`` ...), used by ``--only``/``--skip``."""
        ...

    def tool_version(self) -> str | None:
        """Version of the tool behind the check, for the verdict."""
        ...

    def run(self, context: CheckContext) -> Outcome:
        """Judge the change. Tool failures become :class:`Errored`, not exceptions."""
        ...
