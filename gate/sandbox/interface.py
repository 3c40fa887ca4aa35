"""The sandbox interface: run a command over a read-only workspace, within limits, and
report what happened, including which limit killed it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from gate.errors import GateUnavailableError

WORKSPACE = "/workspace"
"""Where every sandbox mounts the workspace (read-only) and runs its commands."""
DEPENDENCIES = "/mnt"
"""Where a sandbox mounts the repository's test environment (read-only), named to the
commands by ``MERGEGATE_DEPS``; each test run's virtual environment sees it
(``gate.checks.suite.inside``). /mnt is in every image's root already, so a read-only
root can take the mount."""


class SandboxUnavailableError(GateUnavailableError):
    """No sandbox can run here (no engine, no image, no bubblewrap): exit 3."""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one sandboxed command (defaults from DESIGN: the policy)."""

    memory_mb: int = 2048
    """Memory, swap included, in MiB."""
    pids: int = 512
    """Processes and threads."""
    cpus: float = 1.0
    """CPU cores' worth of time."""
    output_bytes: int = 16 * 1024 * 1024
    """Standard output plus standard error; the command is killed past it."""
    tmpfs_mb: int = 256
    """The writable scratch space at /tmp."""


KilledBy = Literal["timeout", "memory", "output", "interrupt", "engine"]
"""What ended a command early: one of its limits, Ctrl-C (or the run's end), or the
sandbox's engine, which stopped answering."""


@dataclass(frozen=True)
class Result:
    """What a sandboxed command did."""

    exit_code: int
    """Its exit status (137 when killed)."""
    stdout: bytes
    """Standard output, up to the output limit."""
    stderr: bytes
    """Standard error, up to the output limit."""
    duration: float
    """Wall-clock seconds."""
    timed_out: bool = False
    """Killed for running past its timeout."""
    killed_by: KilledBy | None = None
    """What ended it early (None if nothing did)."""

    @property
    def error_text(self) -> str:
        """Standard error decoded, stripped."""
        return self.stderr.decode("utf-8", "replace").strip()


@dataclass(frozen=True)
class Job:
    """One command to run in the sandbox."""

    argv: Sequence[str]
    """The command; ``argv[0]`` may be ``python`` for the sandbox's tool Python."""
    workspace: Path
    """Host folder mounted read-only as the working directory."""
    timeout: float
    """Wall-clock seconds before the whole process tree is killed."""
    limits: Limits = field(default_factory=Limits)
    """Resource limits."""
    env: Mapping[str, str] = field(default_factory=dict)
    """Extra environment variables."""
    dependencies: Path | None = None
    """The repository's test environment folder, mounted read-only at ``DEPENDENCIES``."""

    @property
    def environment(self) -> dict[str, str]:
        """The variables the command runs with, ``MERGEGATE_DEPS`` included."""
        deps = {"MERGEGATE_DEPS": DEPENDENCIES} if self.dependencies is not None else {}
        return {**self.env, **deps}


class Sandbox(Protocol):
    """A place to run untrusted commands."""

    @property
    def name(self) -> str:
        """``docker``, ``bwrap`` or ``none``; recorded in the verdict."""
        ...

    def run(self, job: Job) -> Result:
        """Run ``job`` and return its result; never raises for what the command does."""
        ...

    def close(self) -> None:
        """Stop every job still running and release what the sandbox holds."""
        ...
