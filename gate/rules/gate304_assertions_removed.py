"""GATE304: an existing test checks less: some of its assertions are removed."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import ClassVar

from gate.findings import Severity
from gate.rules.interface import Example, FileRule, FileVersions, Hit
from gate.rules.testdefs import TestDef, does_something, is_empty, kept_tests, node_id


def _is_assertion_call(node: ast.Call) -> bool:
    """``self.assert*(...)``, ``pytest.raises(...)`` or ``raises(...)``."""
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        if func.value.id == "self":
            return func.attr.startswith("assert")
        return func.value.id == "pytest" and func.attr == "raises"
    return isinstance(func, ast.Name) and func.id == "raises"


def count_assertions(test: TestDef) -> int:
    """How many ``assert`` statements and assertion calls a test has."""
    return sum(
        isinstance(node, ast.Assert) or (isinstance(node, ast.Call) and _is_assertion_call(node))
        for statement in test.body
        for node in ast.walk(statement)
    )


class AssertionsRemoved(FileRule):
    """An existing test has fewer assertions than before the change.

    Deleting an ``assert``, a ``self.assert*`` call or a ``pytest.raises`` block from a
    test that keeps its name makes it check less while it still looks covered; for a
    generated change it is a common way to get a failing test through. The rule counts
    them in each test the test file has before and after the change (a test emptied
    altogether is GATE301's). Keep the assertions and fix the code; if one is truly
    wrong, change it in a separate, reviewed change and say why.
    """

    ID = "GATE304"
    MESSAGE = "assertions are removed from an existing test"
    SEVERITY = Severity.HIGH
    CWE = None
    VALID: ClassVar = [
        Example(
            code="def test_a():\n    assert f() == 2\n    assert g()\n",
            base="def test_a():\n    assert f() == 1\n    assert g()\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_b():\n    assert b()\n",
            base="def test_a():\n    assert a()\n    assert b()\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_a():\n    pass\n",
            base="def test_a():\n    assert f()\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_a():\n    assert f()\n",
            base="def test_a():\n    assert f()\n    assert g()\n",
            path="src/pkg/checks.py",
        ),
        Example(
            code="import pytest\n\ndef test_a():\n    with pytest.raises(KeyError):\n        f()\n",
            base="def test_a():\n    try:\n        f()\n    except KeyError:\n        assert 1\n",
            path="tests/test_a.py",
        ),
        Example(
            code="def test_a():\n    assert f()\n    assert g()\n\ndef test_b():\n    assert h()\n",
            base="def test_a():\n    assert f()\n    assert g()\n",
            path="tests/test_a.py",
        ),
    ]
    INVALID: ClassVar = [
        Example(
            code="def test_a():\n    assert f() == 1\n",
            base="def test_a():\n    assert f() == 1\n    assert g() == 2\n",
            path="tests/test_a.py",
        ),
        Example(
            code="import pytest\n\ndef test_a():\n    f()\n",
            base="import pytest\n\ndef test_a():\n    with pytest.raises(KeyError):\n        f()\n",
            path="tests/test_a.py",
        ),
        Example(
            code=(
                "import unittest\n\nclass T(unittest.TestCase):\n"
                "    def test_a(self):\n        self.assertEqual(f(), 1)\n"
            ),
            base=(
                "import unittest\n\nclass T(unittest.TestCase):\n"
                "    def test_a(self):\n        self.assertEqual(f(), 1)\n"
                "        self.assertIn('x', g())\n"
            ),
            path="tests/test_t.py",
        ),
        Example(
            code="def test_a():\n    result = f()\n    print(result)\n",
            base="def test_a():\n    result = f()\n    assert result.ok\n",
            path="test_a.py",
        ),
        Example(
            code="async def test_a():\n    for x in xs:\n        await f(x)\n",
            base="async def test_a():\n    for x in xs:\n        assert await f(x)\n",
            path="tests/test_a.py",
        ),
    ]

    def check(self, file: FileVersions) -> Iterator[Hit]:
        for name, before, after in kept_tests(file, self.settings):
            if does_something(before) and is_empty(after):
                continue  # emptied: GATE301 reports it
            old, new = count_assertions(before), count_assertions(after)
            if new < old:
                yield Hit(
                    line=after.lineno,
                    end_line=after.lineno,
                    message=(
                        f"assertions removed from test `{node_id(file.path, name)}`: "
                        f"{old} before the change, {new} after"
                    ),
                    key=f"{name} assertions removed",
                )
