"""What a CI system describes (the change an event names, and who made it) and what
the gate hands back to it (a summary, outputs, a comment): one :class:`Provider` per CI
system, listed in ``gate.ci.PROVIDERS``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from gate.authorship import Evidence, Signal
from gate.verdict import Verdict

Environ = Mapping[str, str]
"""The environment variables the CI system sets."""

CiResult = Literal["PASSED", "FAILED", "SKIPPED"]
"""What ``gate ci`` decided: a verdict, or SKIPPED (``--ai-only`` and no sign of AI)."""


@dataclass(frozen=True)
class Described:
    """The change a CI event describes."""

    provider: str
    """The CI system's name in ``PROVIDERS``."""
    event: str
    """The event's name (``pull_request``, ``push``)."""
    base: str
    """The commit the change applies to (for a pull request, the merge base)."""
    head: str
    """The changed commit (a pull request's head, never the merge commit)."""
    evidence: Evidence
    """What the event says about who made the change."""
    number: int | None = None
    """The pull request's number, when the event is about one."""


@dataclass(frozen=True)
class Judgement:
    """What ``gate ci`` decided, and where it put the files."""

    result: CiResult
    """PASSED or FAILED, or SKIPPED."""
    signals: tuple[Signal, ...]
    """The signs of AI authorship seen."""
    out: Path
    """The folder of the verdict and the reports."""
    verdict: Verdict | None = None
    """The verdict (None when skipped)."""
    ephemeral_key: bool = False
    """Whether the verdict was signed with a key made for this run only."""
    skipped: str | None = None
    """Why nothing was judged."""

    @property
    def envelope(self) -> Path | None:
        """The signed envelope, when there is a verdict."""
        return self.out / "verdict.dsse.json" if self.verdict else None

    @property
    def sarif(self) -> Path | None:
        """The SARIF log, when there is a verdict."""
        return self.out / "report.sarif" if self.verdict else None


class Record(BaseModel):
    """``ci.json`` beside the verdict: what a later, privileged job (one that posts the
    comment for a fork's pull request) needs to know, and must not trust blindly."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    provider: str
    event: str
    number: int | None
    base: str
    head: str
    result: CiResult
    ai_authored: bool
    signals: list[str]


class Provider(Protocol):
    """One CI system."""

    name: str
    """Its name in ``PROVIDERS``."""

    def detected(self, environ: Environ) -> bool:
        """Whether the gate runs inside this CI system."""
        ...

    def describe(self, environ: Environ, repo: Path) -> Described:
        """The change the event names (BadInputError when the event is not one to judge)."""
        ...

    def out_dir(self, environ: Environ) -> Path:
        """Where the verdict and reports go unless ``--out`` says."""
        ...

    def outputs(self, environ: Environ, values: Mapping[str, str]) -> None:
        """Set the step's outputs."""
        ...

    def could_not_judge(self, environ: Environ, message: str) -> None:
        """Say, where the CI system shows results, that the gate could not run and why."""
        ...

    def publish(self, environ: Environ, judgement: Judgement, keyids: Sequence[str]) -> None:
        """Hand the result back: a summary, the outputs (``keyids``: who signed)."""
        ...
