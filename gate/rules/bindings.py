"""A rule that remembers what each plain name was last set to in the current function,
for the receivers and arguments that qualified names cannot resolve (``tf =
tarfile.open(p)``, ``with zipfile.ZipFile(p) as z``, ``query = f"..."``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from gate.rules.interface import CstRule, RuleSettings
from gate.rules.nodes import is_literal_string, source

_SHOWN = 3  # origins named in a message at the most
_FOLLOWED = 3  # assignments followed back from a value at the most
_PATH_MODULES = {"os.path", "posixpath", "ntpath"}
_CONSTANT = re.compile(r"^_?[A-Z][A-Z0-9_]*$")


class BindingRule(CstRule):
    """A :class:`CstRule` that tracks, per module, class and function, the last value
    assigned (in source order) to each plain name. A name bound by ``for``, an augmented
    assignment or a tuple target is forgotten: its value is unknown. It also knows the
    names that the ``if`` statements around a node compared equal to string literals."""

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._scopes: list[dict[str, cst.BaseExpression | None]] = [{}]
        self._signatures: list[tuple[str, set[str]]] = []
        self._guards: list[frozenset[str]] = []
        self._guard_of: dict[int, frozenset[str]] = {}

    def one_of_literals(self, node: cst.BaseExpression) -> bool:
        """Whether ``node`` is a name that an enclosing ``if`` compared equal to string
        literals (``if x == "a" or x == "b":``, ``if x in ("a", "b"):``), so that in the
        ``if``'s body it holds one of them."""
        return isinstance(node, cst.Name) and any(node.value in g for g in self._guards)

    def visit_If(self, node: cst.If) -> None:
        names = _compared_to_literals(node.test)
        if names:
            self._guard_of[id(node.body)] = names

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        self._guards.append(self._guard_of.pop(id(node), frozenset()))

    def leave_IndentedBlock(self, original_node: cst.IndentedBlock) -> None:
        self._guards.pop()

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> None:
        self._guards.append(self._guard_of.pop(id(node), frozenset()))

    def leave_SimpleStatementSuite(self, original_node: cst.SimpleStatementSuite) -> None:
        self._guards.pop()

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
        params = node.params
        every = [*params.posonly_params, *params.params, *params.kwonly_params]
        every += [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)]
        self._signatures.append((node.name.value, {p.name.value for p in every}))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._scopes.pop()
        self._signatures.pop()

    def origins(self, node: cst.BaseExpression) -> str:
        """Where the values a string is built from come from, in words, for a finding's
        message: ``from `host` (a parameter of ping()), `request.args["q"]` ``. Names
        bound in this function are followed to their values (a few steps)."""
        found: list[str] = []
        for part in self._parts(node, follow=_FOLLOWED):
            if part not in found:
                found.append(part)
        if not found:
            return ""
        more = f" and {len(found) - _SHOWN} more" if len(found) > _SHOWN else ""
        return "from " + ", ".join(found[:_SHOWN]) + more

    def report_from(self, node: cst.CSTNode, value: cst.Arg | None) -> None:
        """Report ``node``, naming in the message where ``value`` (the argument that
        carries the data into it) comes from, when that can be told."""
        origins = self.origins(value.value) if value is not None and not value.star else ""
        self.report(node, f"{self.MESSAGE} ({origins})" if origins else None)

    def _parts(self, node: cst.BaseExpression, follow: int) -> list[str]:
        """The values that are not literals in a string expression, described."""
        if isinstance(node, cst.SimpleString | cst.Integer | cst.Float):
            return []
        if isinstance(node, cst.ConcatenatedString):
            return self._parts(node.left, follow) + self._parts(node.right, follow)
        if isinstance(node, cst.FormattedString):
            return [
                d
                for part in node.parts
                if isinstance(part, cst.FormattedStringExpression)
                for d in self._parts(part.expression, follow)
            ]
        if isinstance(node, cst.BinaryOperation):
            return self._parts(node.left, follow) + self._parts(node.right, follow)
        if (  # "...".format(x), " ".join(xs), os.path.join(a, b)
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value in ("format", "join")
        ):
            receiver = node.func.value
            module = source(receiver) in _PATH_MODULES
            parts = [] if module else self._parts(receiver, follow)
            return parts + [d for a in node.args for d in self._parts(a.value, follow)]
        if isinstance(node, cst.Tuple | cst.List):
            return [d for e in node.elements for d in self._parts(e.value, follow)]
        if isinstance(node, cst.Name):
            bound = self.bound_value(node)
            if follow and bound is not None:
                return self._parts(bound, follow - 1)
            if self._signatures and node.value in self._signatures[-1][1]:
                return [f"`{node.value}` (a parameter of {self._signatures[-1][0]}())"]
            if _CONSTANT.match(node.value):  # a module's constant: not where data enters
                return []
        text = " ".join(source(node).split())
        return [f"`{text if len(text) <= 40 else text[:37] + '...'}`"]

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


def _compared_to_literals(test: cst.BaseExpression) -> frozenset[str]:
    """The names ``test`` is true only for when they equal one of some string literals."""
    if isinstance(test, cst.BooleanOperation):
        left, right = _compared_to_literals(test.left), _compared_to_literals(test.right)
        if isinstance(test.operator, cst.Or):
            return left if left == right else frozenset()
        return left | right
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return frozenset()
    target, operator = test.comparisons[0].comparator, test.comparisons[0].operator
    if isinstance(operator, cst.Equal):
        pair = (test.left, target)
        for name, other in (pair, pair[::-1]):
            if isinstance(name, cst.Name) and is_literal_string(other):
                return frozenset({name.value})
    if (
        isinstance(operator, cst.In)
        and isinstance(test.left, cst.Name)
        and isinstance(target, cst.Tuple | cst.List | cst.Set)
        and target.elements
        and all(is_literal_string(e.value) for e in target.elements)
    ):
        return frozenset({test.left.value})
    return frozenset()


Span = tuple[int, int, int, int]
"""Where an expression lies: first line, first column, last line, end column (lines from 1,
columns from 1, the end one past the last character: semgrep's convention)."""


def origins_at(code: str, spans: Iterable[Span]) -> dict[Span, str]:
    """What :meth:`BindingRule.origins` says of the expression at each span of ``code``,
    for the spans where it says something. Semgrep's open engine reports where a taint
    rule's data arrives (the sink), not where it came from: this names it."""
    wanted = set(spans)
    if not wanted:
        return {}
    try:
        module = cst.MetadataWrapper(cst.parse_module(code))
    except (cst.ParserSyntaxError, RecursionError):
        return {}
    finder = _SpanOrigins(wanted)
    module.visit_batched([finder])
    return finder.found


class _SpanOrigins(BindingRule):
    """Records the origins of the expressions whose position is one of ``wanted``."""

    def __init__(self, wanted: set[Span]) -> None:
        super().__init__(RuleSettings(), "")
        self.wanted = wanted
        self.found: dict[Span, str] = {}

    def _look(self, node: cst.BaseExpression) -> None:
        position = self.get_metadata(PositionProvider, node, None)
        if not isinstance(position, CodeRange):
            return
        start, end = position.start, position.end
        span = (start.line, start.column + 1, end.line, end.column + 1)
        if span in self.wanted and span not in self.found:
            said = self.origins(node)
            if said and said != f"from `{' '.join(source(node).split())}`":
                self.found[span] = said

    def visit_Name(self, node: cst.Name) -> None:
        self._look(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._look(node)

    def visit_Call(self, node: cst.Call) -> None:
        self._look(node)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self._look(node)

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        self._look(node)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self._look(node)

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> None:
        self._look(node)

    def visit_List(self, node: cst.List) -> None:
        self._look(node)

    def visit_Tuple(self, node: cst.Tuple) -> None:
        self._look(node)
