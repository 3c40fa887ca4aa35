"""The exchange between a check's host half and its in-sandbox half: one model per
request and per answer, validated when written and when read, on both sides of the
sandbox. The host writes a request into the workspace; the runner prints the answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from gate.findings import Finding
from gate.policy.model import CodeMayUse

TreeName = Literal["base", "head"]
"""A tree of the workspace: the base revision, or the base with the change applied."""
RunName = Literal["base", "existing", "head"]
"""A pytest run: the base as it is; the changed code with the base's tests; the change's
own tests."""
CaseOutcome = Literal["passed", "failed", "error", "skipped", "xfailed"]
PropertyKind = Literal["fuzz", "idempotent", "roundtrip", "differential"]
GuardKind = Literal["result-file", "ctypes", "gc", "code", "runner-changed", "log"]
"""What the guard in the pytest process saw (see ``gate.checks.suite.guard``); ``log``:
its log cannot be trusted."""


class Model(BaseModel):
    """Frozen, and strict about unknown fields: a field one side does not know is a bug."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class CoverageRequest(Model):
    """Measure this run under coverage.py (lines)."""

    sources: tuple[str, ...] = ()
    """Folders to measure (those of the changed files; ``.`` for the root)."""
    changed: tuple[str, ...] = ()
    """The changed files: the answer says which of them the base's settings omit."""


class RunSpec(Model):
    """One pytest run over a scratch copy of a tree with files of the base laid over it."""

    name: RunName
    """Which run this is."""
    tree: TreeName
    """The tree copied."""
    remove: tuple[str, ...] = ()
    """Files removed from the copy (the change added them)."""
    restore: tuple[str, ...] = ()
    """Files copied from the base tree over the copy."""
    args: tuple[str, ...] = ()
    """More pytest arguments (``-m hypothesis``)."""
    coverage: CoverageRequest | None = None
    """Measure coverage in this run."""
    narrow: RunName | None = None
    """Run only the tests that did not pass in that earlier run, or that it did not have;
    every other test collected here is taken as passing (it passed there, on the changed
    code, so nothing here can turn it into a finding)."""
    files: tuple[str, ...] | None = None
    """Run only the tests of these test modules (the ones the change adds or edits); the
    tests of every other module are the ``existing`` run's, which ran them on the same
    code. When a module yields no test here, every test runs after all."""
    untrusted: tuple[str, ...] = ()
    """The change's own code in this run's tree (Python files outside the test modules):
    the guard in the pytest process denies it what forging a result needs."""


class SuiteRequest(Model):
    """pytest runs in one sandbox job."""

    seed: int
    """hypothesis's seed, fixed by the change's digest."""
    max_examples: int | None = None
    """hypothesis's example budget for every test (None: the project's own)."""
    code_may_use: tuple[CodeMayUse, ...] = ()
    """What the guard lets the change's code use although forging a result needs it."""
    runs: tuple[RunSpec, ...]
    """The runs, in order."""


class Case(Model):
    """One test case of one run, as pytest's JUnit report gives it."""

    id: str
    """``path::Class::name``."""
    file: str
    """Repository-relative test file ('' when pytest gives none)."""
    line: int | None
    """Line of the test function."""
    outcome: CaseOutcome
    """What happened to it."""
    message: str = ""
    """The failure or skip message."""
    collection: bool = False
    """A test module that pytest could not collect (not a test)."""


class FileLines(Model):
    """coverage.py's lines of one file."""

    executed: tuple[int, ...]
    """Lines that ran."""
    missing: tuple[int, ...]
    """Executable lines that did not run."""
    excluded: tuple[int, ...] = ()
    """Lines the coverage settings leave out (``# pragma: no cover`` and its block)."""


class CoverageResult(Model):
    """What coverage.py measured in a run, or why it measured nothing."""

    files: dict[str, FileLines] | None = None
    """Lines by repository-relative path (None when there is no data)."""
    error: str | None = None
    """Why there is no data."""
    omitted: tuple[str, ...] = ()
    """The changed files the base's coverage settings leave out on purpose."""


class GuardRecord(Model):
    """Something the code under test did to the runner, denied or seen by the guard."""

    kind: GuardKind
    detail: str
    """What it did."""
    where: str | None = None
    """``path:line`` in the tree of the code that did it."""


class RunResult(Model):
    """What one pytest run did."""

    name: RunName
    """Which run."""
    exit: int
    """pytest's exit code."""
    output: str
    """The tail of what pytest printed (for the record, never for the result)."""
    cases: tuple[Case, ...] | None
    """The JUnit report's test cases (None when pytest wrote none)."""
    install: str | None = None
    """Why the project could not be installed into the run's environment (None: it was,
    or there is nothing to install)."""
    coverage: CoverageResult | None = None
    """Coverage, when asked for."""
    taken_as_passing: int = 0
    """Tests collected but not run here, by ``narrow`` (they passed in the earlier run)."""
    guard: tuple[GuardRecord, ...] = ()
    """What the guard denied or saw; any record means the run's results are not the
    suite's alone."""
    seconds: float = 0.0
    """How long the run took, from copying the tree to reading the results."""
    setup_seconds: float = 0.0
    """Of which copying the tree, making its environment and installing the project."""


class SuiteResult(Model):
    """The answer to a :class:`SuiteRequest`."""

    runs: tuple[RunResult, ...]
    """One result per run, in order."""

    def get(self, name: RunName) -> RunResult | None:
        """The run named ``name``."""
        return next((r for r in self.runs if r.name == name), None)


class GeneratedFile(Model):
    """A changed module to write properties for."""

    path: str
    """Repository-relative path in the changed tree."""
    old_path: str | None
    """Its path in the base tree (None when new)."""
    added: tuple[int, ...]
    """Its added lines."""


class PropertiesRequest(Model):
    """The repository's own hypothesis tests and the generated properties."""

    suite: SuiteRequest
    """The hypothesis tests of both trees (``-m hypothesis``)."""
    tree: RunSpec
    """The tree the generated properties import the changed code from."""
    files: tuple[GeneratedFile, ...]
    """The changed modules."""


class PropertyFailure(Model):
    """A generated property that failed."""

    path: str
    """The module's path."""
    line: int
    """The function's line."""
    function: str
    """``module.function``."""
    property: PropertyKind
    """Which property."""
    error: str
    """The exception's name, ``Timeout`` or ``untestable``."""
    message: str = ""
    """The exception's text."""
    example: str | None = None
    """hypothesis's shrunk falsifying example."""


class Generated(Model):
    """What the generated properties found."""

    failures: tuple[PropertyFailure, ...] = ()
    """Failed properties."""
    notes: tuple[str, ...] = ()
    """Functions or files that could not be tested, and why."""
    tested: int = 0
    """How many properties ran."""


class PropertiesResult(Model):
    """The answer to a :class:`PropertiesRequest`."""

    suite: SuiteResult
    """The hypothesis tests' runs."""
    exit: int
    """The properties writer's exit code."""
    output: str
    """The tail of what it printed."""
    generated: Generated | None
    """What it found (None when it ended without an answer)."""
    install: str | None = None
    """Why the project could not be installed into the writer's environment (None: it
    was, or there is nothing to install)."""


class PolicySettings(Model):
    """The policy's settings the rules read."""

    protected_block: tuple[str, ...]
    """Protected paths whose edit blocks."""
    protected_warn: tuple[str, ...]
    """Protected paths whose edit warns."""
    test_globs: tuple[str, ...]
    """What counts as a test file."""


class ChangedFile(Model):
    """A file of the change, read by the rules from both trees."""

    path: str
    """Its path in the changed tree."""
    old_path: str | None
    """Its path in the base tree (None when new)."""
    symlink: bool
    """Whether it is a symbolic link."""
    deleted: bool
    """Whether the change deletes it."""


class RulesRequest(Model):
    """The rule catalogue over the changed files."""

    settings: PolicySettings
    """The policy's settings."""
    files: tuple[ChangedFile, ...]
    """The changed files."""
    import_names: dict[str, tuple[str, ...]]
    """Import name -> distributions providing it, where they differ (shipped data)."""
    well_known_file: str
    """Workspace-relative path of the shipped index of well-known packages."""


class RulesResult(Model):
    """The answer to a :class:`RulesRequest`."""

    findings: tuple[Finding, ...]
    """What the rules found (validated field by field, as the dataclass declares them)."""
    errors: tuple[str, ...]
    """Files the rules could not read (the check errs)."""


class MypyRequest(Model):
    """mypy over the changed files of each tree, with the base revision's settings."""

    config: str | None
    """The base revision's mypy config file (tree-relative), if any."""
    base: tuple[str, ...]
    """Files of the base tree."""
    head: tuple[str, ...]
    """Files of the changed tree."""
    strict: tuple[str, ...]
    """New files of the changed tree held to ``--strict``."""
    unsuppressed: dict[str, dict[int, int]] = {}
    """Changed files, by the lines the change adds with a ``# type: ignore`` and the
    column that comment starts at: checked again without those comments."""

    def without_ignores(self, path: str, text: str) -> str:
        """``text`` of the changed file ``path`` with the change's ignore comments cut off
        (each line of ``unsuppressed`` cut at its column, trailing spaces gone)."""
        columns = self.unsuppressed.get(path, {})
        if not columns:
            return text
        lines = text.split("\n")
        for line, column in columns.items():
            if 0 < line <= len(lines):
                lines[line - 1] = lines[line - 1][:column].rstrip()
        return "\n".join(lines)


class ToolRun(Model):
    """What one run of a tool printed."""

    exit: int
    """Its exit code."""
    stdout: str
    """Its standard output."""
    stderr: str
    """Its standard error."""


class MypyResult(Model):
    """The answer to a :class:`MypyRequest`: one run per tree."""

    base: ToolRun
    head: ToolRun
    strict: ToolRun
    unsuppressed: ToolRun | None = None
    """The files of ``unsuppressed`` without the change's ignore comments."""
    unsuppressed_strict: ToolRun | None = None
    """The same for those of them held to ``--strict``."""
    left_out: dict[str, str] = {}
    """The files not type-checked, with why (outside the project's mypy scope)."""
