"""GATE301: a test that the base revision has is deleted, or its body emptied."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from gate.findings import Severity
from gate.rules.interface import Example, FileRule, FileVersions, Hit
from gate.rules.testdefs import (
    Moves,
    deleted_tests,
    does_something,
    is_empty,
    kept_tests,
    node_id,
)


class DeletedTest(FileRule):
    """A test that exists in the base revision is deleted, or its body emptied.

    Removing a test, or replacing its body with ``pass``, makes the suite pass by
    checking less; for generated changes it is a common way to "fix" a failing test.
    Tests are compared by name within the file (across a rename too): module-level
    ``test_*`` functions and ``test_*`` methods of ``Test*`` or ``TestCase`` classes.
    A test is not deleted where the change adds it elsewhere: a test of the same name
    in another file, or tests that hold every one of its assertions (a rename, a
    split, a move); nor where it goes with code it calls that the change removes
    (GATE308 reports that).
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
        Example(  # renamed, its assertions kept
            code="def test_sum_of_two():\n    assert add(1, 2) == 3\n",
            base="def test_add():\n    assert add(1, 2) == 3\n",
            path="tests/test_add.py",
        ),
        Example(  # moved to another file
            code="",
            base="def test_add():\n    assert add(1, 2) == 3\n",
            path="tests/test_old.py",
            also=(
                Example(
                    code="def test_add():\n    assert add(1, 2) == 3\n", path="tests/test_new.py"
                ),
            ),
        ),
        Example(  # split in two
            code=(
                "def test_add():\n    assert add(1, 2) == 3\n\n"
                "def test_add_negative():\n    assert add(-1, -2) == -3\n"
            ),
            base="def test_add():\n    assert add(1, 2) == 3\n    assert add(-1, -2) == -3\n",
            path="tests/test_add.py",
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
        Example(  # renamed, with an assertion fewer
            code="def test_sum():\n    assert add(1, 2) == 3\n",
            base="def test_add():\n    assert add(1, 2) == 3\n    assert add(2, 2) == 4\n",
            path="tests/test_add.py",
        ),
    ]

    def prepare(self, files: Sequence[FileVersions]) -> None:
        self.moves = Moves.of(files, self.settings)

    def check(self, file: FileVersions) -> Iterator[Hit]:
        moves = getattr(self, "moves", None) or Moves.of([file], self.settings)
        for gone in deleted_tests(file, self.settings):
            if moves.moved(gone.test) or moves.removed_with(gone.test):
                continue  # moved, or gone with its code (GATE308)
            yield Hit(
                line=None,
                end_line=None,
                message=f"test `{node_id(gone.path, gone.name)}` deleted{gone.why}",
                key=gone.name,
                path=gone.path if file.head is None else None,
            )
        for name, before, after in kept_tests(file, self.settings):
            if does_something(before) and is_empty(after):
                yield Hit(
                    line=after.lineno,
                    end_line=after.lineno,
                    message=f"test `{node_id(file.path, name)}` emptied",
                    key=f"{name} emptied",
                )
