"""A CST rule that applies to test files only and knows the enclosing test (class and
function names), so that the same statement in two tests is two findings."""

from __future__ import annotations

import libcst as cst

from gate.rules.interface import CstRule, RuleSettings


class TestFileRule(CstRule):
    """Tracks ``Class.function`` nesting; ``active`` is False outside test files."""

    __test__ = False  # not a pytest test class

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self.active = settings.is_test_file(path)
        self._scope: list[str] = []

    @property
    def scope(self) -> str:
        """The dotted name of the enclosing class and function, or ``<module>``."""
        return ".".join(self._scope) or "<module>"

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._scope.append(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._scope.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scope.append(node.name.value)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._scope.pop()
