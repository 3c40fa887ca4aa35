"""Which trees the test-running checks run pytest in, and which files of the base
revision are laid over them, so that the change can never bring its own test
configuration, and its edits to existing tests cannot hide a broken function."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from gate.change import Change
from gate.checks.interface import CheckContext, Errored
from gate.checks.sandboxed import run_tool
from gate.rules.interface import matches
from gate.sandbox import environment
from gate.sandbox.interface import Result

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


def run_suite(context: CheckContext, runner: str, request: dict[str, Any]) -> Result | Errored:
    """Run an in-sandbox suite runner (tests, coverage, properties) with the suite's time
    limit and the repository's dependency environment; Errored when the repository
    declares dependencies that are not installed for the sandbox (fail closed)."""
    dependencies = environment.find(
        environment.declared_at(context.change.repo, context.change.base)
    )
    if isinstance(dependencies, str):
        return Errored(dependencies)
    path = context.workspace.write_request(f"{runner}.json", json.dumps(request).encode())
    return run_tool(
        context, ["python", "-m", "gate.sandbox.runner", runner, path],
        timeout=context.policy.tests_timeout, dependencies=dependencies,
    )  # fmt: skip


def seed(change: Change) -> int:
    """The hypothesis seed of a change: fixed by its digest, recorded in the verdict."""
    return int(hashlib.sha256(change.digest.encode()).hexdigest()[:8], 16)


def base_run() -> dict[str, Any]:
    """The base revision as it is: the tests that pass here are the required ones."""
    return {"name": "base", "tree": "base"}


def existing_run(change: Change, test_paths: tuple[str, ...]) -> dict[str, Any]:
    """The changed code with the base revision's tests, their helpers and data (test
    folders), conftests and test settings: whatever the change deleted, edited or added
    among them is undone."""
    return _overlay("existing", change, lambda path: is_test_material(path, test_paths))


def head_run(change: Change) -> dict[str, Any]:
    """The changed tree with its own tests, but the base revision's test settings; a
    conftest.py the change adds stays (new tests may need its fixtures), since it never
    reaches the run of the existing tests."""
    return _overlay("head", change, is_config, keep_new_conftests=True)


def _overlay(
    name: str, change: Change, undone: Callable[[str], bool], keep_new_conftests: bool = False
) -> dict[str, Any]:
    """A run over the changed tree with the change to the ``undone`` files reverted: the
    files it adds or renames to are removed, the base's versions restored."""
    remove, restore = set(), set()
    for f in change.files:
        new_conftest = f.old_path is None and PurePosixPath(f.path).name == "conftest.py"
        if f.exists_after and undone(f.path) and not (keep_new_conftests and new_conftest):
            remove.add(f.path)
        if f.old_path and undone(f.old_path):
            restore.add(f.old_path)
    return {"name": name, "tree": "head", "remove": sorted(remove - restore),
            "restore": sorted(restore)}  # fmt: skip


def touches_tests(change: Change, test_paths: tuple[str, ...]) -> bool:
    """Whether the change edits any test or test setting (else two runs are the same)."""
    return any(
        is_test_material(name, test_paths)
        for f in change.files
        for name in (f.path, f.old_path)
        if name
    )
