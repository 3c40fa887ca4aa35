"""What a CI system describes (the change an event names, and who made it) and what
the gate hands back to it (a summary, outputs, a comment): one :class:`Provider` per CI
system, listed in ``gate.ci.PROVIDERS``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from gate.authorship import Evidence, Signal
from gate.verdict import Verdict

Environ = Mapping[str, str]
"""The environment variables the CI system sets."""

ProviderName = Literal["github"]
"""The CI systems ``gate ci`` knows."""

EventName = Literal["pull_request", "push"]
"""The events it judges."""

CiResult = Literal["PASSED", "FAILED", "SKIPPED", "ERROR"]
"""What ``gate ci`` decided: a verdict; SKIPPED (``--ai-only`` and no sign of AI); or
ERROR (the gate could not judge the change, and says why)."""

KeyStatus = Literal["given", "ephemeral", "verified", "unverified"]
"""What the verdict's signature shows: signed with the key the user gave; with a key
made for the run only; checked against a key the publishing job trusts; or not
checked (a fork's artifact published without such a key)."""


@dataclass(frozen=True)
class Described:
    """The change a CI event describes."""

    provider: ProviderName
    """The CI system."""
    event: EventName
    """The event."""
    base: str
    """The commit the change applies to (for a pull request, where it left its base)."""
    head: str
    """The changed commit (a pull request's head, never the merge commit)."""
    policy_base: str
    """The commit whose policy judges the change: the target branch as it is now (a
    pull request could otherwise pick an old policy by branching from an old commit)."""
    evidence: Evidence
    """What the event says about who made the change."""
    number: int | None = None
    """The pull request's number, when the event is about one."""


@dataclass(frozen=True)
class Judgement:
    """What ``gate ci`` decided, and where the files are."""

    result: CiResult
    """The decision."""
    head: str | None
    """The commit judged (None when the event could not be read)."""
    signals: tuple[Signal, ...] = ()
    """The signs of AI authorship seen."""
    verdict: Verdict | None = None
    """The verdict (None when skipped or errored)."""
    envelope: Path | None = None
    """The signed verdict's file."""
    sarif: Path | None = None
    """The SARIF report's file."""
    key: KeyStatus = "given"
    """What the signature shows."""
    keyids: tuple[str, ...] = ()
    """The keys that signed it (none where no trusted key checked the signature)."""
    reason: str | None = None
    """Why nothing was judged (SKIPPED, ERROR)."""
    number: int | None = None
    """The pull request's number, when there is one."""


class Record(BaseModel):
    """``ci.json`` beside the verdict: what a later, privileged job (one that posts the
    comment for a fork's pull request) needs to know, and must not trust blindly."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    provider: ProviderName
    event: EventName
    number: int | None
    base: str
    head: str
    result: CiResult
    reason: str | None = None


Render = Callable[[int], str]
"""The Markdown report, fitted into at most that many bytes."""


class Provider(Protocol):
    """One CI system."""

    name: ProviderName
    """Its name in ``PROVIDERS``."""

    def detected(self, environ: Environ) -> bool:
        """Whether the gate runs inside this CI system."""
        ...

    def workspace(self, environ: Environ) -> Path:
        """The checkout's folder."""
        ...

    def out_dir(self, environ: Environ) -> Path:
        """Where the verdict and reports go unless ``--out`` says."""
        ...

    def describe(self, environ: Environ, repo: Path) -> Described:
        """The change the event names (BadInputError when the event is not one to judge)."""
        ...

    def number(self, environ: Environ) -> int | None:
        """The pull request the event is about, if any, even where ``describe`` fails
        (so that its comment says the gate could not judge it)."""
        ...

    def outputs(self, environ: Environ, values: Mapping[str, str]) -> None:
        """Set the step's outputs."""
        ...

    def publish(self, environ: Environ, judgement: Judgement, render: Render) -> None:
        """Hand the result back: the summary and the outputs."""
        ...

    def comment(self, environ: Environ, number: int, render: Render) -> str:
        """Keep the gate's one comment on pull request ``number`` up to date; says what
        it did. Raises GateError when it cannot (the verdict stands)."""
        ...

    def check_artifact(self, environ: Environ, record: Record) -> None:
        """Raise BadInputError unless another job's ``record`` speaks of the commit this
        (privileged) job runs for and of the pull request's current head."""
        ...
