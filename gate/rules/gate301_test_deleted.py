"""GATE301: a test that the base revision has is deleted, or its body emptied."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from gate.findings import Severity
from gate.rules.interface import Example, FileRule, FileVersions, Hit
from gate.rules.testdefs import (
    TestDef,
    collect_tests,
    does_something,
    is_empty,
    is_test_module,
    node_id,
    parse,
)


class DeletedTest(FileRule):
    """A test that exists in the base revision is deleted, or its body emptied.

    Removing a test, or replacing its body with ``pass``, makes the suite pass by
    checking less; for generated changes it is a common way to "fix" a failing test.
    Tests are compared by name within the file (across a rename too): module-level
    ``test_*`` functions and ``test_*`` methods of ``Test*`` or ``TestCase`` classes.
    Fix the code the test exercises instead; when a test is truly obsolete, remove it
    in a separate, reviewed change and say why.
    """

    ID = "GATE301"
    MESSAGE = "a test is deleted or emptied"
    SEVERITY = Severity.HIGH
    CWE = None
    VALID: ClassVar = [
        Example(
            code="def test_a():\n    assert f() == 2\n",
            base="def test_a():\n    assert f() == 1\n",
            path="tests/test_f.py",
        ),
        Example(
            code="def test_a():\n    assert f()\n\ndef test_b():\n    assert g()\n",
            base="def test_a():\n    assert f()\n",
            path="tests/test_f.py",
        ),
        Example(
            code="def helper():\n    pass\n",
            base="def helper():\n    return make()\n\ndef test_like_name():\n    assert 1\n",
            path="src/pkg/tools.py",
        ),
        Example(
            code="def test_todo():\n    pass\n",
            base="def test_todo():\n    ...\n",
            path="tests/test_todo.py",
        ),
        Example(
            code="def _make():\n    return 1\n\ndef test_a():\n    assert _make()\n",
            base="def make():\n    return 1\n\ndef test_a():\n    assert make()\n",
            path="tests/test_make.py",
        ),
    ]
    INVALID: ClassVar = [
        Example(
            code="def test_a():\n    assert f()\n",
            base="def test_a():\n    assert f()\n\ndef test_b():\n    assert g()\n",
            path="tests/test_f.py",
        ),
        Example(
            code="class TestX:\n    pass\n",
            base="class TestX:\n    def test_y(self):\n        assert x()\n",
            path="tests/test_x.py",
        ),
        Example(
            code="import unittest\n\nclass Parser(unittest.TestCase):\n    pass\n",
            base=(
                "import unittest\n\nclass Parser(unittest.TestCase):\n"
                "    def testparse(self):\n        self.assertTrue(parse())\n"
            ),
            path="test_parser.py",
        ),
        Example(
            code="async def test_fetch():\n    pass\n",
            base="async def test_fetch():\n    assert await fetch()\n",
            path="tests/test_fetch.py",
        ),
        Example(
            code='def test_a():\n    """Checks f."""\n    ...\n',
            base='def test_a():\n    """Checks f."""\n    f()\n',
            path="pkg/f_test.py",
        ),
        Example(
            code="def disabled_test_a():\n    assert f()\n",
            base="def test_a():\n    assert f()\n",
            path="tests/test_f.py",
        ),
    ]

    def check(self, file: FileVersions) -> Iterator[Hit]:
        old_path = file.old_path
        if old_path is None or file.base is None or not is_test_module(self.settings, old_path):
            return
        base = parse(file.base)
        if base is None:
            return
        head_tests: dict[str, TestDef] = {}
        if file.head is not None and is_test_module(self.settings, file.path):
            head = parse(file.head)
            if head is None:
                return
            head_tests = collect_tests(head)
        if file.head is None:
            why = " (the file is deleted)"
        elif not is_test_module(self.settings, file.path):
            why = f" (the file moves to {file.path}, which is not a test file)"
        else:
            why = ""
        for name, before in collect_tests(base).items():
            after = head_tests.get(name)
            if after is None:
                yield Hit(
                    line=None,
                    end_line=None,
                    message=f"test `{node_id(old_path, name)}` deleted{why}",
                    key=name,
                    path=old_path if file.head is None else None,
                )
            elif does_something(before) and is_empty(after):
                yield Hit(
                    line=after.lineno,
                    end_line=after.lineno,
                    message=f"test `{node_id(file.path, name)}` emptied",
                    key=f"{name} emptied",
                )
