"""GATE307: code outside the tests reaches into the test runner or coverage.py."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example

# Packages whose objects decide what a test run reports: pytest's internals and its
# plugin manager's (pluggy's own API is public: applications build on it), coverage.py,
# hypothesis's engine, xdist's workers.
INTERNALS = ("_pytest", "pluggy._", "coverage", "hypothesis.internal", "xdist")
_LOADERS = {"importlib.import_module", "builtins.__import__"}


def _own(self: CstRule, package: str) -> bool:
    """Whether the repository is that package itself (pytest's own code, pluggy's)."""
    index = self.settings.dependencies
    return index is not None and package.split(".")[0] in index.first_party


def _internal(name: str) -> str | None:
    """The runner package ``name`` (a module path) belongs to, if any."""
    for package in INTERNALS:
        if name == package or name.startswith(package if package.endswith("_") else package + "."):
            return package.rstrip("._")
    return None


class RunnerInternals(CstRule):
    """Code outside the tests reaches into the test runner or coverage.py.

    Library code has no use for ``_pytest``, pluggy's private modules, ``coverage``,
    ``hypothesis.internal`` or ``xdist``: the code under test runs inside the pytest
    process, so a module that imports them (or names them in ``sys.modules``,
    ``importlib.import_module`` or ``__import__``) can patch ``TestReport`` at import,
    rewrite the JUnit report, or stop coverage from recording, and every failing test
    then reads as passed. Test files may use them (fixtures, ``MonkeyPatch``); a plugin
    the project ships belongs in its own module, approved by a human.
    """

    ID = "GATE307"
    MESSAGE = "code outside the tests reaches into the test runner or coverage.py"
    SEVERITY = Severity.HIGH
    CWE = None
    VALID: ClassVar = [
        "import pytest_asyncio_helpers",
        "import hypothesis\nfrom hypothesis import strategies",
        "import covers",
        "import pluggy\nhookspec = pluggy.HookspecMarker('app')",
        Example(code="from _pytest.monkeypatch import MonkeyPatch\n", path="tests/test_x.py"),
        Example(code="import _pytest.reports\n", path="conftest.py"),
        "NAME = 'coverage report'",
    ]
    INVALID: ClassVar = [
        "import _pytest.reports\n_pytest.reports.TestReport.failed = False",
        "from _pytest.reports import TestReport",
        "import coverage\ncoverage.Coverage.current().stop()",
        "from hypothesis.internal.conjecture import engine",
        "import sys\nreports = sys.modules['_pytest.reports']",
        "import importlib\nimportlib.import_module('_pytest.junitxml')",
        "__import__('xdist')",
        "from pluggy._hooks import HookImpl",
    ]

    def visit_Import(self, node: cst.Import) -> None:
        if self.settings.is_test_file(self.path):
            return
        for alias in node.names:
            name = cst.helpers.get_full_name_for_node(alias.name) or ""
            if (package := _internal(name)) and not _own(self, package):
                self.report(alias, f"{self.MESSAGE}: imports `{package}`", key=name)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if self.settings.is_test_file(self.path) or node.relative or node.module is None:
            return
        name = cst.helpers.get_full_name_for_node(node.module) or ""
        if (package := _internal(name)) and not _own(self, package):
            self.report(node, f"{self.MESSAGE}: imports `{package}`", key=name)

    def visit_Call(self, node: cst.Call) -> None:
        if self.settings.is_test_file(self.path) or not node.args:
            return
        if self.qualified_names(node.func) & _LOADERS:
            self._named(node.args[0].value)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if self.settings.is_test_file(self.path) or len(node.slice) != 1:
            return
        index = node.slice[0].slice
        if "sys.modules" in self.qualified_names(node.value) and isinstance(index, cst.Index):
            self._named(index.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        # "_pytest..." is never a word: whatever it is given to, it names pytest's inside.
        if self.settings.is_test_file(self.path):
            return
        text = node.evaluated_value
        prefixes = ("_pytest", "hypothesis.internal")
        if isinstance(text, str) and text.startswith(prefixes) and not _own(self, text):
            self.report(node, f"{self.MESSAGE}: names `{text}`", key=text)

    def _named(self, value: cst.BaseExpression) -> None:
        """Report a module name given to a loader, when it is a runner's (the strings
        ``visit_SimpleString`` reports anyway are left to it)."""
        if not isinstance(value, cst.SimpleString):
            return
        text = value.evaluated_value
        named = _internal(text) if isinstance(text, str) else None
        if (
            named
            and not str(text).startswith(("_pytest", "hypothesis.internal"))
            and not _own(self, named)
        ):
            self.report(value, f"{self.MESSAGE}: loads `{named}`", key=str(text))
