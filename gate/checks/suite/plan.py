"""The host half of the checks that run the repository's tests: which trees pytest runs
in, and which files of the base revision are laid over them, so that the change can
never bring its own test configuration, and its edits to existing tests cannot hide a
broken function; the test environment; the one sandbox job whose runs the ``tests`` and
``coverage`` checks share."""

from __future__ import annotations

import ast
import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gate import syntax
from gate.change import Change
from gate.checks.interface import CheckContext, Errored
from gate.checks.protocol import (
    Case,
    CoverageRequest,
    Model,
    RunName,
    RunSpec,
    SuiteRequest,
    SuiteResult,
)
from gate.checks.sandboxed import M, ask
from gate.checks.suite import guard
from gate.errors import GateError
from gate.rules.interface import matches
from gate.sandbox import environment as test_environment
from gate.sandbox.environment import Environment
from gate.workspace import read_text

# Files that configure pytest or coverage.py: always the base revision's versions.
CONFIG_NAMES = frozenset({
    "pytest.toml", ".pytest.toml", "pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg",
    "pyproject.toml", ".coveragerc",
})  # fmt: skip


# Folders whose every file is test material (helpers, data, snapshots), wherever they are.
TEST_FOLDERS = frozenset({"tests", "test", "testing", "__snapshots__", "snapshots"})
TEST_NAMES = ("tests.py", "*_tests.py")  # Django's app/tests.py and its kin


def is_test_material(path: str, test_paths: tuple[str, ...]) -> bool:
    """A test, or a file the tests read: restored to its base form for the existing run."""
    pure = PurePosixPath(path)
    return (
        matches(path, test_paths)
        or matches(path, TEST_NAMES)
        or is_config(path)
        or any(part in TEST_FOLDERS for part in pure.parts[:-1])
    )


def is_config(path: str) -> bool:
    """A file that configures the test run (conftest.py included)."""
    name = PurePosixPath(path).name
    return name in CONFIG_NAMES or name == "conftest.py"


def environment(context: CheckContext) -> Environment | Errored:
    """The repository's test environment (the base revision's declarations), built on
    first use and shared by the checks of the run; Errored when it cannot be built."""

    def build() -> Environment | Errored:
        change, options = context.change, context.options
        # The gate's own preparation does not count against the run's time limit.
        paused = context.deadline.stopped() if context.deadline else contextlib.nullcontext()
        try:
            with paused:
                found = context.declared or test_environment.declared_at(change.repo, change.base)
                want = test_environment.wanted(found, context.python)
                return test_environment.ensure(
                    want, cache=options.cache, offline=options.offline, progress=options.progress
                )
        except GateError as exc:
            return Errored(exc.diagnostics())

    return context.shared.once("environment", build)


Asked = tuple[M, bytes] | Errored


def run_job(context: CheckContext, runner: str, request: Model, answer: type[M]) -> Asked[M]:
    """Ask an in-sandbox runner (``suite``, ``properties``) with the suite's time limit,
    in the repository's test environment."""
    built = environment(context)
    if isinstance(built, Errored):
        return built
    timeout = context.policy.tests_timeout
    return ask(context, runner, request, answer, timeout=timeout, dependencies=built.path)


@dataclass(frozen=True)
class Suite:
    """The pytest runs the ``tests`` and ``coverage`` checks share (one sandbox job)."""

    result: SuiteResult
    """The runs."""
    request: SuiteRequest
    """What was asked of them."""
    raw: bytes
    """The runner's answer as it printed it."""
    notes: tuple[str, ...]
    """What the checks should say about the environment the runs had."""


def suite(context: CheckContext) -> Suite | Errored:
    """The shared runs: the base, the existing tests on the changed code, and the change's
    own tests when it touches tests (measured under coverage.py when the ``coverage``
    check runs, in whichever run holds the change's tests)."""
    return context.shared.once("suite", lambda: _suite(context))


def suite_request(context: CheckContext, runs: tuple[RunSpec, ...]) -> SuiteRequest:
    """pytest runs with the change's seed and the policy's budget and allowances."""
    return SuiteRequest(
        seed=seed(context.change),
        max_examples=context.policy.max_examples,
        code_may_use=context.policy.code_may_use,
        runs=runs,
    )


def _suite(context: CheckContext) -> Suite | Errored:
    request = suite_request(context, runs(context))
    done = run_job(context, "suite", request, SuiteResult)
    if isinstance(done, Errored):
        return done
    result, raw = done
    built = environment(context)
    notes = built.notes if isinstance(built, Environment) else ()
    installs = {r.install for r in result.runs if r.install}
    return Suite(result, request, raw, (*notes, *sorted(installs)))


def runs(context: CheckContext) -> tuple[RunSpec, ...]:
    """The runs of the suite job, in order: the existing tests on the changed code; the
    base, narrowed to what did not pass there; the change's own tests when it touches
    tests, only its own test modules when nothing else of the tests changed. Coverage is
    measured in whichever runs hold the change's tests; the check reads their union."""
    change, policy, options = context.change, context.policy, context.options
    existing = existing_run(change, policy.test_paths)
    own = head_run(change) if touches_tests(change, policy.test_paths) else None
    measured = coverage_request(context) if options.runs("coverage") else None
    if not options.runs("tests"):  # coverage alone: one run of the change's whole tree
        return (
            ()
            if measured is None
            else ((own or existing).model_copy(update={"coverage": measured}),)
        )
    if own is not None:
        modules = own_modules(context)
        if modules == ():  # it only deletes test modules: the existing run has the rest
            own = None
        elif modules is not None:
            own = own.model_copy(update={"files": modules})
    base = base_run().model_copy(update={"narrow": "existing"})
    chosen = [existing, base, *([own] if own is not None else [])]
    if measured is None:
        return tuple(chosen)
    measure = {"head"} if own is not None and own.files is None else {"existing", "head"}
    return tuple(
        r.model_copy(update={"coverage": measured}) if r.name in measure else r for r in chosen
    )


def own_modules(context: CheckContext) -> tuple[str, ...] | None:
    """The test modules the change adds or edits, when that (and deleting test modules)
    is all it does to the tests: the other modules' tests are then the same in its tree
    as in the existing run. None when it touches anything else the tests read (a
    conftest, settings, helpers, data) or a module another test file imports, which
    tests of other modules may feel."""
    test_paths = context.policy.test_paths
    modules = set()
    for f in context.change.files:
        for name in filter(None, (f.path, f.old_path)):
            if is_test_material(name, test_paths) and not is_test_module(name):
                return None
        if f.exists_after and is_test_module(f.path):
            modules.add(f.path)
    stems = {PurePosixPath(m).stem for m in modules} | {
        PurePosixPath(f.old_path).stem
        for f in context.change.files
        if f.old_path and is_test_module(f.old_path)
    }
    if stems and imported_by_tests(context.workspace.head, stems, test_paths):
        return None
    return tuple(sorted(modules))


def is_test_module(path: str) -> bool:
    """A module of tests by pytest's default names (``test_*.py``, ``*_test.py``) or
    Django's (``tests.py``)."""
    return not is_config(path) and matches(path, ("test_*.py", "*_test.py", *TEST_NAMES))


def imported_by_tests(root: Path, stems: set[str], test_paths: tuple[str, ...]) -> bool:
    """Whether a test file under ``root`` imports a module named one of ``stems`` (a
    base class of tests, shared fixtures): read with ``ast``, nothing is run."""
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if path.is_symlink() or not is_test_material(relative, test_paths):
            continue
        if PurePosixPath(relative).stem in stems:  # one of them: it runs anyway
            continue
        text = read_text(path) or ""
        if not any(stem in text for stem in stems):
            continue
        try:
            tree = syntax.parse(text)
        except (SyntaxError, ValueError):
            return True
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(a.name for a in node.names)]
            if any(part in stems for name in names for part in name.split(".")):
                return True
    return False


def changed_tree_cases(
    context: CheckContext, suite: Suite, cases: dict[str, dict[str, Case]]
) -> dict[str, Case]:
    """The tests of the change's tree: the ``head`` run's, and where it ran only the
    change's own test modules, the ``existing`` run's for the modules the change does
    not touch (the same tests on the same code); the ``existing`` run's when there is no
    ``head`` run."""
    existing = cases.get("existing", {})
    spec = next((r for r in suite.request.runs if r.name == "head"), None)
    head = cases.get("head")
    if head is None or spec is None:
        return existing
    if spec.files is None:
        return head
    touched = {n for f in context.change.files for n in (f.path, f.old_path) if n}
    kept = {i: c for i, c in existing.items() if i.split("::", 1)[0] not in touched}
    return {**kept, **head}


def coverage_request(context: CheckContext) -> CoverageRequest | None:
    """What the coverage check measures: the changed code files outside the tests
    (None when there are none)."""
    changed = changed_code(context)
    if not changed:
        return None
    # Measure the folder of every changed file, and nothing else: coverage.py's tracing
    # slows every measured file, and looks for never-imported files only in folders it
    # is given (or packages below them).
    sources = sorted({str(PurePosixPath(p).parent) for p in changed})
    return CoverageRequest(sources=tuple(sources), changed=tuple(sorted(changed)))


def changed_code(context: CheckContext) -> dict[str, frozenset[int]]:
    """The changed Python files outside the tests, with their added lines."""
    test_paths = context.policy.test_paths
    return {
        f.path: f.added_lines
        for f in context.change.files
        if f.exists_after and not f.binary and f.path.endswith(".py")
        and not matches(f.path, test_paths) and f.added_lines
    }  # fmt: skip


def seed(change: Change) -> int:
    """The hypothesis seed of a change: fixed by its digest, recorded in the verdict."""
    return int(hashlib.sha256(change.digest.encode()).hexdigest()[:8], 16)


def base_run() -> RunSpec:
    """The base revision as it is: the tests that pass here are the required ones."""
    return RunSpec(name="base", tree="base")


def existing_run(change: Change, test_paths: tuple[str, ...]) -> RunSpec:
    """The changed code with the base revision's tests, their helpers and data (test
    folders), conftests and test settings: whatever the change deleted, edited or added
    among them is undone."""
    return _overlay("existing", change, lambda path: is_test_material(path, test_paths))


def head_run(change: Change) -> RunSpec:
    """The changed tree with its own tests, but the base revision's test settings; a
    conftest.py the change adds stays (new tests may need its fixtures), since it never
    reaches the run of the existing tests."""
    return _overlay("head", change, is_config, keep_new_conftests=True)


def _overlay(
    name: RunName, change: Change, undone: Callable[[str], bool], keep_new_conftests: bool = False
) -> RunSpec:
    """A run over the changed tree with the change to the ``undone`` files reverted: the
    files it adds or renames to are removed, the base's versions restored."""
    remove, restore, untrusted = set(), set(), set()
    for f in change.files:
        new_conftest = f.old_path is None and PurePosixPath(f.path).name == "conftest.py"
        if f.exists_after and undone(f.path) and not (keep_new_conftests and new_conftest):
            remove.add(f.path)
        elif _untrusted(f.path, f.old_path, f.exists_after):
            untrusted.add(f.path)
        if f.old_path and undone(f.old_path):
            restore.add(f.old_path)
    return RunSpec(
        name=name,
        tree="head",
        remove=tuple(sorted(remove - restore)),
        restore=tuple(sorted(restore)),
        untrusted=tuple(sorted(untrusted - restore)),
    )


def _untrusted(path: str, old_path: str | None, exists: bool) -> bool:
    """Whether the guard watches this file of the change: code outside the test modules,
    unless the repository is the runner's own package and the file was already there."""
    code = exists and path.endswith(".py") and not is_test_module(path)
    return code and not (old_path is not None and is_runner_code(old_path))


def is_runner_code(path: str) -> bool:
    """Whether ``path`` is a module of the test runner itself (the repository is pluggy,
    pytest, coverage.py or hypothesis): its code is on the stack of everything pytest
    does, so the guard cannot tell it from the runner, and does not try."""
    parts = PurePosixPath(path).parts
    top = parts[1] if parts[:1] == ("src",) and len(parts) > 1 else parts[0]
    return PurePosixPath(top).stem in guard.WATCHED


def touches_tests(change: Change, test_paths: tuple[str, ...]) -> bool:
    """Whether the change edits any test or test setting (else two runs are the same)."""
    return any(
        is_test_material(name, test_paths)
        for f in change.files
        for name in (f.path, f.old_path)
        if name
    )
