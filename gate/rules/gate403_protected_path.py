"""GATE403 and GATE404: the change edits the gate's own configuration, CI, or the
configuration of the tests.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any, ClassVar

from gate.findings import Severity
from gate.rules.interface import Example, FileRule, FileVersions, Hit, matches

PYPROJECT = "pyproject.toml"
_GATE_TABLES = ("gate",)
_TEST_TABLES = ("pytest", "coverage", "mypy")


def _changed(file: FileVersions) -> bool:
    """Whether the change adds, deletes, renames or edits the file.

    Two missing texts (binary files, symbolic links) cannot be compared: changed.
    """
    return (
        file.old_path != file.path
        or file.base != file.head
        or file.base is None
        or file.symlink_target is not None
    )


def _paths(file: FileVersions) -> list[str]:
    return [file.path] if file.old_path in (None, file.path) else [file.old_path, file.path]


def _shown(file: FileVersions) -> str:
    return " -> ".join(_paths(file))


def _is_named_pyproject(path: str) -> bool:
    return PurePosixPath(path).name == PYPROJECT


def _is_pyproject(file: FileVersions) -> bool:
    return any(_is_named_pyproject(p) for p in _paths(file))


class _Unparsable(Exception):
    """A pyproject.toml that tomllib cannot read."""


def _tool_tables(text: str | None) -> dict[str, Any]:
    """The ``[tool]`` table of a pyproject.toml; empty if there is none."""
    if text is None:
        return {}
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _Unparsable(str(exc)) from exc
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def _changed_tables(file: FileVersions, tables: tuple[str, ...]) -> list[str]:
    """Which of the ``[tool.<name>]`` ``tables`` of a pyproject.toml the change edits.

    Raises :class:`_Unparsable` if the changed version cannot be parsed; an
    unparsable base counts as one without any table.
    """
    head = _tool_tables(file.head if _is_named_pyproject(file.path) else None)
    try:
        was_pyproject = file.old_path is not None and _is_named_pyproject(file.old_path)
        base = _tool_tables(file.base if was_pyproject else None)
    except _Unparsable:
        base = {}
    return [f"[tool.{name}]" for name in tables if base.get(name) != head.get(name)]


class ProtectedPathEdited(FileRule):
    """The change edits the gate's policy or configuration, or CI.

    A change must not rewrite the rules it is judged by: the files the policy protects
    (``.gate.toml``, ``policies/``, CI workflows, pre-commit hooks ... see
    ``[protected] block``) and the ``[tool.gate]`` table of ``pyproject.toml``. The gate
    reads its policy from the base revision, so such an edit has no effect on this
    verdict, but it would loosen every later one. Make these edits in a separate change
    that a human reviews and merges; the finding blocks until then. An unparsable
    ``pyproject.toml`` is reported too, since its gate table cannot be checked.
    """

    ID = "GATE403"
    MESSAGE = "edits the gate's policy, its config or CI"
    SEVERITY = Severity.HIGH
    CWE = None
    VALID: ClassVar = [
        Example(
            code='[project]\nname = "x"\ndependencies = ["requests>=2"]\n',
            base='[project]\nname = "x"\ndependencies = []\n',
            path="pyproject.toml",
        ),
        Example(
            code="[tool.gate]\nprofile = 'default'\n\n[tool.ruff]\nline-length = 120\n",
            base="[tool.gate]\nprofile = 'default'\n\n[tool.ruff]\nline-length = 100\n",
            path="pyproject.toml",
        ),
        Example(code="# Usage\n\nRun it.\n", base="# Usage\n", path="README.md"),
        Example(code="name: Bug\n", base="name: bug\n", path=".github/ISSUE_TEMPLATE/bug.yml"),
        Example(code="[tool.pytest.ini_options]\naddopts = '-q'\n", path="pyproject.toml"),
        Example(code="x = 1\n", base="x = 1\n", path=".gate.toml"),
    ]
    INVALID: ClassVar = [
        Example(code="version = 1\n[checks]\nenabled = []\n", path=".gate.toml"),
        Example(
            code="on: push\njobs: {}\n",
            base="on: push\njobs:\n  test: {}\n",
            path=".github/workflows/ci.yml",
        ),
        Example(code="[findings]\nblock_at = 'critical'\n", base="", path="policies/default.toml"),
        Example(
            code="[tool.gate]\nprofile = 'relaxed'\n",
            base="[tool.gate]\nprofile = 'default'\n",
            path="pyproject.toml",
        ),
        Example(code="[tool.gate.checks]\nenabled = []\n", base="", path="sub/pyproject.toml"),
        Example(code="[tool.gate\nprofile = 1\n", base="", path="pyproject.toml"),
        Example(code="repos: []\n", base="repos:\n  - repo: x\n", path=".pre-commit-config.yaml"),
    ]

    def check(self, file: FileVersions) -> Iterator[Hit]:
        if not _changed(file):
            return
        if matches(file.path, self.settings.protected_block) or (
            file.old_path is not None and matches(file.old_path, self.settings.protected_block)
        ):
            shown = _shown(file)
            yield Hit(None, None, f"{self.MESSAGE}: {shown}", key=shown)
        elif _is_pyproject(file):
            try:
                tables = _changed_tables(file, _GATE_TABLES)
            except _Unparsable as exc:
                yield Hit(
                    None,
                    None,
                    f"{self.MESSAGE}: {file.path} could not be parsed, so its [tool.gate] "
                    f"table cannot be checked ({exc})",
                    key=f"{file.path} unparsable",
                )
                return
            for table in tables:
                yield Hit(
                    None, None, f"{self.MESSAGE}: {file.path} {table}", key=f"{file.path} {table}"
                )


class EditedTestConfig(FileRule):
    """The change edits the configuration of the tests, type checks or coverage.

    ``conftest.py``, ``pytest.ini``, ``tox.ini``, ``setup.cfg``, ``.coveragerc``,
    ``mypy.ini`` (see ``[protected] warn``) and the ``[tool.pytest]``,
    ``[tool.coverage]`` and ``[tool.mypy]`` tables of ``pyproject.toml`` decide which
    tests run and how strictly the code is checked. The gate's checks run with the base
    revision's versions of these files, so the edit does not weaken this verdict; this
    warning makes sure a reviewer sees it before it weakens later ones.
    """

    ID = "GATE404"
    MESSAGE = "edits test configuration; the checks use the base revision's"
    SEVERITY = Severity.LOW
    CWE = None
    VALID: ClassVar = [
        Example(
            code='[project]\nname = "x"\ndependencies = ["requests>=2"]\n',
            base='[project]\nname = "x"\ndependencies = []\n',
            path="pyproject.toml",
        ),
        Example(
            code="[tool.gate]\nprofile = 'relaxed'\n",
            base="[tool.gate]\nprofile = 'default'\n",
            path="pyproject.toml",
        ),
        Example(
            code="def test_x():\n    assert 1\n",
            base="def test_x():\n    pass\n",
            path="tests/test_x.py",
        ),
        Example(code="from setuptools import setup\nsetup()\n", path="setup.py"),
        Example(
            code="[tool.mypy]\nstrict = true\n\n[tool.black]\nline-length = 100\n",
            base="[tool.mypy]\nstrict = true\n",
            path="pyproject.toml",
        ),
    ]
    INVALID: ClassVar = [
        Example(
            code="import pytest\n",
            base="import pytest\n\ncollect_ignore = ['x']\n",
            path="conftest.py",
        ),
        Example(code="def pytest_configure(config):\n    pass\n", path="tests/conftest.py"),
        Example(code="[pytest]\naddopts = -p no:cacheprovider\n", base="", path="pytest.ini"),
        Example(
            code="[tool.pytest.ini_options]\naddopts = '--deselect tests/test_x.py'\n",
            base="[tool.pytest.ini_options]\naddopts = '-q'\n",
            path="pyproject.toml",
        ),
        Example(
            code="[tool.coverage.run]\nomit = ['src/*']\n",
            base="[tool.coverage.run]\nbranch = true\n",
            path="pyproject.toml",
        ),
        Example(
            code="[tool.mypy]\nstrict = false\n",
            base="[tool.mypy]\nstrict = true\n",
            path="pyproject.toml",
        ),
    ]

    def check(self, file: FileVersions) -> Iterator[Hit]:
        if not _changed(file):
            return
        message = f"edits test configuration {_shown(file)}; the checks use the base revision's"
        if matches(file.path, self.settings.protected_warn) or (
            file.old_path is not None and matches(file.old_path, self.settings.protected_warn)
        ):
            yield Hit(None, None, message, key=_shown(file))
        elif _is_pyproject(file):
            try:
                tables = _changed_tables(file, _TEST_TABLES)
            except _Unparsable:
                return  # GATE403 reports it
            for table in tables:
                yield Hit(
                    None,
                    None,
                    f"edits test configuration {file.path} {table}; the checks use the base "
                    "revision's",
                    key=f"{file.path} {table}",
                )
