"""A rule that remembers what each plain name was last set to in the current function,
for the receivers and arguments that qualified names cannot resolve (``tf =
tarfile.open(p)``, ``with zipfile.ZipFile(p) as z``, ``query = f"..."``).
"""

from __future__ import annotations

import libcst as cst

from gate.rules.interface import CstRule, RuleSettings


class BindingRule(CstRule):
    """A :class:`CstRule` that tracks, per module, class and function, the last value
    assigned (in source order) to each plain name. A name bound by ``for``, an augmented
    assignment or a tuple target is forgotten: its value is unknown."""

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._scopes: list[dict[str, cst.BaseExpression | None]] = [{}]

    def bound_value(self, node: cst.BaseExpression) -> cst.BaseExpression | None:
        """What the name ``node`` was last set to in this scope, if known."""
        if not isinstance(node, cst.Name):
            return None
        return self._scopes[-1].get(node.value)

    def _bind(self, target: cst.BaseExpression, value: cst.BaseExpression | None) -> None:
        if isinstance(target, cst.Name):
            self._scopes[-1][target.value] = value
        elif isinstance(target, cst.Tuple | cst.List):
            for element in target.elements:
                self._bind(element.value, None)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.append({})

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._scopes.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.append({})

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._scopes.pop()

    # Bound on leaving, so that the value's own uses of the name see the old binding.
    def leave_Assign(self, original_node: cst.Assign) -> None:
        for target in original_node.targets:
            self._bind(target.target, original_node.value)

    def leave_AnnAssign(self, original_node: cst.AnnAssign) -> None:
        self._bind(original_node.target, original_node.value)

    def leave_AugAssign(self, original_node: cst.AugAssign) -> None:
        self._bind(original_node.target, None)

    def leave_NamedExpr(self, original_node: cst.NamedExpr) -> None:
        self._bind(original_node.target, original_node.value)

    def leave_WithItem(self, original_node: cst.WithItem) -> None:
        if original_node.asname is not None:
            self._bind(original_node.asname.name, original_node.item)

    def visit_For(self, node: cst.For) -> None:
        self._bind(node.target, None)
