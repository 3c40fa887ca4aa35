"""GATE305: the expected value of an existing test's assertion is edited."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from typing import ClassVar

from gate.findings import Severity
from gate.rules.interface import Example, FileRule, FileVersions, Hit
from gate.rules.testdefs import TestDef, kept_tests, node_id

_ASSERT_METHODS = {"assertEqual", "assertEquals", "assertAlmostEqual", "assertNotEqual"}
_ASSERT_METHODS |= {"assertIs", "assertIn", "assertListEqual", "assertDictEqual"}

# (operator, which side holds the literal, the other side) -> the literal
_Key = tuple[str, str, str]


def is_literal(node: ast.expr) -> bool:
    """A number, string, bytes, ``True``/``None``, or a container of literals;
    ``-1`` and ``pytest.approx(0.5)`` too."""
    if isinstance(node, ast.Constant):
        return node.value is not Ellipsis
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return all(is_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and is_literal(k) for k in node.keys) and all(
            is_literal(v) for v in node.values
        )
    if isinstance(node, ast.Call) and node.args and not node.keywords:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name == "approx" and all(is_literal(a) for a in node.args)
    return False


def _pairs(statement: ast.AST) -> Iterator[tuple[str, ast.expr, ast.expr]]:
    """``(operator, left, right)`` of an ``assert a == b`` or ``self.assertEqual(a, b)``."""
    if isinstance(statement, ast.Assert):
        test = statement.test
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            yield type(test.ops[0]).__name__, test.left, test.comparators[0]
    elif (
        isinstance(statement, ast.Expr)
        and isinstance(call := statement.value, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "self"
        and call.func.attr in _ASSERT_METHODS
        and len(call.args) >= 2
    ):
        yield call.func.attr, call.args[0], call.args[1]


def expectations(test: TestDef) -> dict[_Key, dict[str, ast.stmt]]:
    """Each compared expression's expected literals, with the statement of each."""
    found: dict[_Key, dict[str, ast.stmt]] = defaultdict(dict)
    for node in ast.walk(test):
        if not isinstance(node, ast.stmt):
            continue
        for op, left, right in _pairs(node):
            if is_literal(right) and not is_literal(left):
                found[(op, "right", ast.dump(left))].setdefault(ast.dump(right), node)
            elif is_literal(left) and not is_literal(right):
                found[(op, "left", ast.dump(right))].setdefault(ast.dump(left), node)
    return found


class ExpectedValueEdited(FileRule):
    """The expected value in an existing test's assertion is changed.

    When ``assert total(cart) == 42`` becomes ``assert total(cart) == 41``, the test
    passes again, but because it now expects what the code does, not because the
    code does what was expected. Sometimes the old value was wrong; often, for a
    generated change, the code is, and the edit hides the bug. The rule compares the
    tests a test file has before and after the change: an ``assert`` comparison (or
    ``self.assertEqual``-like call) whose one side is unchanged and whose literal side
    (a number, string, bytes, a tuple or list of literals, ``pytest.approx(...)``)
    changed needs a human to approve the new expectation.
    """

    ID = "GATE305"
    MESSAGE = "the expected value of an existing test is changed"
    SEVERITY = Severity.HIGH
    CWE = None
    VALID: ClassVar = [
        Example(
            code="def test_a():\n    assert f(2) == 4\n",
            base="def test_a():\n    assert f(1) == 4\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_a():\n    assert f() == 1\n    assert f() == 2\n",
            base="def test_a():\n    assert f() == 1\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_b():\n    assert f() == 2\n",
            base="def test_a():\n    assert f() == 1\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_a():\n    assert f() == 2\n",
            base="def test_a():\n    assert f() == 1\n",
            path="src/pkg/selfcheck.py",
        ),
        Example(
            code="def test_a():\n    assert f() == 2\n\ndef test_b():\n    assert g() == 3\n",
            base="def test_a():\n    assert f() == 2\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_a():\n    assert f() == expected(2)\n",
            base="def test_a():\n    assert f() == expected(1)\n",
            path="tests/test_a.py",
        ),
    ]
    INVALID: ClassVar = [
        Example(
            code="def test_total():\n    assert total(cart) == 41\n",
            base="def test_total():\n    assert total(cart) == 42\n",
            path="tests/test_cart.py",
        ),
        Example(
            code="def test_a():\n    assert 'unknown' == status(x)\n",
            base="def test_a():\n    assert 'ok' == status(x)\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_a():\n    assert split('a,b') == ['a', 'b', '']\n",
            base="def test_a():\n    assert split('a,b') == ['a', 'b']\n",
            path="tests/test_a.py",
        ),
        Example(
            code=(
                "import unittest\n\nclass T(unittest.TestCase):\n"
                "    def test_a(self):\n        self.assertEqual(area(2), -12.0)\n"
            ),
            base=(
                "import unittest\n\nclass T(unittest.TestCase):\n"
                "    def test_a(self):\n        self.assertEqual(area(2), 12.566)\n"
            ),
            path="tests/test_area.py",
        ),
        Example(
            code="import pytest\n\ndef test_a():\n    assert f() == pytest.approx(0.3)\n",
            base="import pytest\n\ndef test_a():\n    assert f() == pytest.approx(0.5)\n",
            path="tests/test_a.py",
        ),
    ]

    def check(self, file: FileVersions) -> Iterator[Hit]:
        for name, before, after in kept_tests(file, self.settings):
            old, new = expectations(before), expectations(after)
            for key, literals in new.items():
                if key not in old or not set(old[key]) - set(literals):
                    continue  # a new comparison, or only more expectations
                for literal, statement in literals.items():
                    if literal in old[key]:
                        continue
                    yield Hit(
                        line=statement.lineno,
                        end_line=statement.end_lineno or statement.lineno,
                        message=(
                            f"expected value changed in {node_id(file.path, name)}: "
                            "needs human approval"
                        ),
                        key=f"{name}: {ast.unparse(statement)}",
                    )
