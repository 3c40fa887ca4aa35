"""The effective policy as typed, frozen objects."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Literal

from gate.authorship import Known
from gate.findings import Severity
from gate.sandbox.interface import Limits
from gate.sandbox.pythons import PythonVersion

CodeMayUse = Literal["ctypes", "gc"]
"""What the guard in the pytest process denies the change's own code unless the policy
lets it (``[tests] code_may_use``): a ctypes binding, a leak checker."""


class Action(Enum):
    """What the policy does with a finding."""

    BLOCK = "block"
    WARN = "warn"


@dataclass(frozen=True)
class MetricCondition:
    """A quality-gate condition on a number a check reports."""

    check: str
    """The check whose metric is tested."""
    metric: str
    """The metric's name."""
    op: str
    """One of ``<``, ``<=``, ``>``, ``>=``, ``==``, ``!=``."""
    threshold: float
    """The value it is compared with."""

    def describe(self) -> str:
        """E.g. ``coverage.changed_lines_percent >= 80``."""
        return f"{self.check}.{self.metric} {self.op} {self.threshold:g}"


@dataclass(frozen=True)
class Waiver:
    """A human's approval of one kind of finding, with a reason and an expiry."""

    rule: str
    """Rule id (``GATE302``) or ``tool:rule`` (``bandit:B602``)."""
    reason: str
    """Why it is acceptable."""
    expires: date
    """Last day the waiver holds."""
    path: str | None = None
    """Glob of the paths it covers; all paths when None."""
    fingerprint: str | None = None
    """One exact finding, when given."""


@dataclass(frozen=True)
class Policy:
    """Everything the gate decides by."""

    uri: str
    """Where the policy came from (a purl, a file, a file at a git revision)."""
    data: Mapping[str, Any]
    """The merged TOML data, whose canonical JSON is digested."""
    profile: str
    """``default`` or ``relaxed``."""
    enabled: tuple[str, ...]
    """Checks that run unless the command line narrows them."""
    required: tuple[str, ...]
    """Checks whose error fails the verdict."""
    block_at: Severity
    """Security findings at or above this severity block."""
    security_tools: tuple[str, ...]
    """Tools whose findings are security findings."""
    blocking_tools: tuple[str, ...]
    """Tools every finding of which blocks (a correctness gate such as mypy)."""
    judged_by_tests: tuple[str, ...]
    """Rules about existing tests (``GATE304``) whose findings warn when the ``tests``
    check completed: it ran each of those tests in its base form against the changed
    code, and blocks where that fails."""
    actions: Mapping[str, Action]
    """Per-rule overrides (``GATE301`` or ``bandit:B101``)."""
    protected_block: tuple[str, ...]
    """Globs of paths whose edit blocks."""
    protected_warn: tuple[str, ...]
    """Globs of paths whose edit warns."""
    test_paths: tuple[str, ...]
    """Globs of test files."""
    code_may_use: tuple[CodeMayUse, ...]
    """What the change's own code may use in the pytest process although forging a
    result needs it too (the guard denies it otherwise)."""
    bandit_ignore_in_tests: tuple[str, ...]
    """Bandit tests that do not apply to test files (B101: assert)."""
    mypy_strict_new_files: bool
    """Whether files the change adds are type-checked with ``--strict``."""
    timeout: float
    """Wall-clock seconds per check."""
    tests_timeout: float
    """Wall-clock seconds for the test suite's runs (tests, coverage, properties)."""
    coverage_threshold: float | None
    """Percent of the changed executable lines the tests must run (None: no minimum)."""
    max_examples: int
    """Hypothesis examples per property (the repository's and the generated ones)."""
    limits: Limits
    """Memory, pids, CPU, output and scratch limits of every sandboxed command."""
    allow_unsafe_sandbox: bool
    """Whether a run without a sandbox (--unsafe-no-sandbox) may pass."""
    conditions: tuple[MetricCondition, ...]
    """Quality-gate conditions on check metrics."""
    waivers: tuple[Waiver, ...]
    """Approved exceptions."""
    python: PythonVersion | None = None
    """The CPython to judge on, pinned (None: chosen from the base's declarations)."""
    authorship: Known = field(default_factory=Known.none)
    """What counts as a sign of AI authorship (``[authorship]``)."""

    @property
    def digest(self) -> str:
        """Hex sha256 of the policy's canonical JSON."""
        text = json.dumps(self.data, sort_keys=True, separators=(",", ":"), default=str)
        return hashlib.sha256(text.encode()).hexdigest()
