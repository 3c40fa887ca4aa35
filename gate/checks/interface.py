"""The interface every check satisfies, and the three outcomes a check can have."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from gate.findings import Finding
from gate.sandbox.pythons import DEFAULT, PYTHONS, SandboxPython

if TYPE_CHECKING:
    from gate.change import Change
    from gate.declared import Declared
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
    detail: str | None = None
    """What the check left out, in words (the verdict's reason for the check)."""


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


T = TypeVar("T")


@dataclass(frozen=True)
class RunOptions:
    """How the run may prepare what the checks need."""

    checks: frozenset[str] = frozenset()
    """The ids of the checks that run (shared work is shaped by them; empty: all)."""
    offline: bool = False
    """Never reach a package index (test environments come from the cache only)."""
    cache: Path | None = None
    """The cache folder (default: ``GATE_CACHE_DIR`` or the user's cache dir)."""
    progress: Callable[[str], object] = field(default=lambda _: None, compare=False)
    """Called with a line on what a long step is doing (building an environment ...)."""

    def runs(self, check_id: str) -> bool:
        """Whether the check ``check_id`` is part of this run."""
        return not self.checks or check_id in self.checks


class Shared:
    """Work done once per run and shared by the checks that need it (the test
    environment, the suite's pytest runs), computed by the first check that asks."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._values: dict[str, object] = {}

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """The value of ``key``, computed by ``compute`` the first time only."""
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._values:
                self._values[key] = compute()
            return cast(T, self._values[key])


class Deadline:
    """The run's time limit: every sandboxed command of the run ends by it. The time
    spent building what the checks need (a test environment, once) does not count: the
    clock stops while it is built."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self._end = time.monotonic() + seconds
        self._stopped: float | None = None  # when the clock stopped, while it is

    def left(self) -> float:
        """Seconds until the limit (negative once it has passed)."""
        with self._lock:
            now = self._stopped if self._stopped is not None else time.monotonic()
            return self._end - now

    @contextlib.contextmanager
    def stopped(self) -> Iterator[None]:
        """Stop the clock for the gate's own preparation (not nested)."""
        with self._lock:
            self._stopped = time.monotonic()
        try:
            yield
        finally:
            with self._lock:
                self._end += time.monotonic() - (self._stopped or time.monotonic())
                self._stopped = None


class Slots:
    """Turns for the sandboxed commands of a run: at most ``size`` at once, first come
    first served; and how long each thread waited for its turns, so that a check's
    duration is its own work, not the queue's."""

    def __init__(self, size: int | None = None) -> None:
        self._semaphore = threading.Semaphore(size or os.cpu_count() or 1)
        self._lock = threading.Lock()
        self._waited: dict[int, float] = {}

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for a turn, and hold it while the block runs."""
        start = time.monotonic()
        with self._semaphore:
            with self._lock:
                me = threading.get_ident()
                self._waited[me] = self._waited.get(me, 0.0) + time.monotonic() - start
            yield

    def waited(self) -> float:
        """Seconds the current thread has waited for turns so far."""
        with self._lock:
            return self._waited.get(threading.get_ident(), 0.0)


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
    options: RunOptions = field(default_factory=RunOptions)
    """How the run may prepare what the checks need."""
    shared: Shared = field(default_factory=Shared, compare=False, repr=False)
    """Work the checks of this run share."""
    deadline: Deadline | None = field(default=None, compare=False, repr=False)
    """The run's time limit (None: each command has only its own)."""
    slots: Slots = field(default_factory=Slots, compare=False, repr=False)
    """Sandboxed commands that may run at once (``--jobs``); a check that waits for a
    turn, or for work another check shares with it, holds none."""
    python: SandboxPython = field(default_factory=lambda: PYTHONS[DEFAULT])
    """The CPython of the sandbox: the one the change is judged on."""
    declared: Declared | None = field(default=None, compare=False, repr=False)
    """What the base revision declares (None: read from it when a check needs it)."""


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
