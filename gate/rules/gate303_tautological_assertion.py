"""GATE303: a test asserts something that is always true."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst
import libcst.matchers as m

from gate.findings import Severity
from gate.rules.interface import Example
from gate.rules.nodes import source, string_value
from gate.rules.testscope import TestFileRule

_SAME_SIDES_TRUE = (cst.Equal, cst.Is, cst.LessThanEqual, cst.GreaterThanEqual)
_ASSERT_SAME = {"assertEqual", "assertEquals", "assertIs", "assertLessEqual", "assertGreaterEqual"}
_CONTAINERS = (cst.Tuple, cst.List, cst.Set, cst.Dict)


def _literal_truth(node: cst.BaseExpression) -> bool | None:
    """The truth of a literal (``True``, ``1``, ``"x"``, ``()``, ``not 0`` ...);
    None if ``node`` is not one."""
    if isinstance(node, cst.Name) and node.value in ("True", "False", "None"):
        return node.value == "True"
    if isinstance(node, cst.Integer | cst.Float):
        return node.evaluated_value != 0
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString):
        return bool(node.evaluated_value)
    if isinstance(node, _CONTAINERS):
        # A non-empty tuple is true whatever it holds: `assert (x, "message")`.
        return bool(node.elements)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
        inner = _literal_truth(node.expression)
        return None if inner is None else not inner
    return None


def _is_constant(node: cst.BaseExpression) -> bool:
    return (
        isinstance(node, cst.Integer | cst.Float)
        or string_value(node) is not None
        or (isinstance(node, cst.Name) and node.value in ("True", "False", "None"))
    )


def _same(left: cst.BaseExpression, right: cst.BaseExpression) -> bool:
    """The same code on both sides, with no call that could return something else."""
    if m.findall(left, m.Call()):
        return False
    return " ".join(source(left).split()) == " ".join(source(right).split())


def is_tautology(node: cst.BaseExpression) -> bool:
    """Whether an asserted expression is true whatever the code under test does."""
    if _literal_truth(node) is True:
        return True
    if isinstance(node, cst.BooleanOperation):
        left, right = is_tautology(node.left), is_tautology(node.right)
        return (left or right) if isinstance(node.operator, cst.Or) else (left and right)
    if not isinstance(node, cst.Comparison):
        return False
    operands = [node.left, *(c.comparator for c in node.comparisons)]
    if all(_is_constant(o) for o in operands):
        return True
    return len(node.comparisons) == 1 and (
        isinstance(node.comparisons[0].operator, _SAME_SIDES_TRUE)
        and _same(node.left, node.comparisons[0].comparator)
    )


class TautologicalAssertion(TestFileRule):
    """A test asserts something that is always true: ``assert True``, ``x == x``.

    An assertion whose outcome does not depend on the code under test (a literal
    ``True``, a non-empty string or tuple, a comparison of constants, the same
    expression on both sides, ``self.assertTrue(True)``) cannot fail, so the test
    passes whatever the code does. Generated changes write them to make a failing
    test "pass", or by mistake (``assert (x, "message")`` is a non-empty tuple). Assert
    the expected value of the result instead.
    """

    ID = "GATE303"
    MESSAGE = "a test asserts something that is always true"
    SEVERITY = Severity.HIGH
    CWE = None
    VALID: ClassVar = [
        Example(code="def test_a():\n    assert add(1, 1) == 2\n", path="tests/test_a.py"),
        Example(code="def test_a():\n    assert make_id() == make_id()\n", path="tests/test_a.py"),
        Example(code="def test_a():\n    assert not parse('')\n", path="tests/test_a.py"),
        Example(
            code="class T:\n    def test_a(self):\n        self.assertTrue(ready())\n",
            path="tests/test_t.py",
        ),
        Example(code="assert True\n", path="src/pkg/check.py"),
        Example(code="def test_a():\n    assert x != x\n", path="tests/test_nan.py"),
        Example(
            code="def test_a():\n    assert True\n\ndef test_b():\n    assert b()\n",
            base="def test_a():\n    assert True\n",
            path="tests/test_a.py",
        ),
    ]
    INVALID: ClassVar = [
        Example(code="def test_a():\n    assert True\n", path="tests/test_a.py"),
        Example(code="def test_a():\n    result = f()\n    assert 1\n", path="tests/test_a.py"),
        Example(code="def test_a():\n    assert 'checked manually'\n", path="test_a.py"),
        Example(code="def test_a():\n    assert result == result\n", path="tests/test_a.py"),
        Example(code="def test_a():\n    assert not False\n", path="tests/test_a.py"),
        Example(code="def test_a():\n    assert (f() == 2, 'f is 2')\n", path="tests/test_a.py"),
        Example(code="def test_a():\n    assert 2 + 2 == 4 or True\n", path="tests/test_a.py"),
        Example(
            code="class T:\n    def test_a(self):\n        self.assertTrue(True)\n",
            path="tests/test_t.py",
        ),
        Example(
            code="class T:\n    def test_a(self):\n        self.assertEqual(out.x, out.x)\n",
            path="tests/test_t.py",
        ),
    ]

    def visit_Assert(self, node: cst.Assert) -> None:
        if self.active and is_tautology(node.test):
            self._report(node, f"assert {source(node.test)}")

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not (
            self.active
            and isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value == "self"
            and node.args
        ):
            return
        name, first = func.attr.value, node.args[0].value
        if (
            (name in ("assertTrue", "assert_") and is_tautology(first))
            or (name == "assertFalse" and _literal_truth(first) is False)
            or (name in _ASSERT_SAME and len(node.args) > 1 and _same(first, node.args[1].value))
        ):
            self._report(node, source(node))

    def _report(self, node: cst.CSTNode, shown: str) -> None:
        shown = " ".join(shown.split())
        if len(shown) > 80:
            shown = shown[:77] + "..."
        scope = self.scope
        self.report(node, f"{self.MESSAGE}: `{shown}`", key=f"{source(node)} @ {scope}")
