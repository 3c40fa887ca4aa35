"""The tests a Python test module defines, for the file rules that compare a test's
base and changed versions (with :mod:`ast`: only the structure matters here).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gate.rules.interface import FileVersions, RuleSettings

TestDef = ast.FunctionDef | ast.AsyncFunctionDef


def _is_test_class(node: ast.ClassDef) -> bool:
    """``class Test*`` (pytest) or a subclass of ``*TestCase`` (unittest)."""
    if node.name.startswith("Test"):
        return True
    for base in node.bases:
        name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
        if name.endswith("TestCase"):
            return True
    return False


def collect_tests(tree: ast.Module) -> dict[str, TestDef]:
    """The tests a module defines, by qualified name (``test_x``, ``TestX.test_y``).

    Module-level ``test_*`` functions and the ``test_*`` methods of test classes; of
    two definitions with one name, the later one (the one that runs).
    """
    tests: dict[str, TestDef] = {}
    for node in tree.body:
        if isinstance(node, TestDef) and node.name.startswith("test"):
            tests[node.name] = node
        elif isinstance(node, ast.ClassDef) and _is_test_class(node):
            for item in node.body:
                if isinstance(item, TestDef) and item.name.startswith("test"):
                    tests[f"{node.name}.{item.name}"] = item
    return tests


def does_something(test: TestDef) -> bool:
    """Whether the body asserts or calls anything."""
    return any(
        isinstance(node, ast.Assert | ast.Call)
        for statement in test.body
        for node in ast.walk(statement)
    )


def is_empty(test: TestDef) -> bool:
    """Whether the body is only ``pass``, ``...`` or a docstring."""
    return all(
        isinstance(statement, ast.Pass)
        or (
            isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant)
            and (statement.value.value is Ellipsis or isinstance(statement.value.value, str))
        )
        for statement in test.body
    )


def node_id(path: str, name: str) -> str:
    """pytest's id for test ``name`` of ``path``: ``tests/test_x.py::TestX::test_y``."""
    return "::".join([path, *name.split(".")])


def parse(source: str) -> ast.Module | None:
    """The module's tree; None if it does not parse."""
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError):
        return None


def is_test_module(settings: RuleSettings, path: str) -> bool:
    """Whether ``path`` is a Python test file."""
    return path.endswith(".py") and settings.is_test_file(path)


def kept_tests(
    file: FileVersions, settings: RuleSettings
) -> Iterator[tuple[str, TestDef, TestDef]]:
    """``(name, base, head)`` for each test that a test file has before and after the
    change (across a rename too); nothing if either version does not parse."""
    if (
        file.old_path is None
        or file.base is None
        or file.head is None
        or not is_test_module(settings, file.old_path)
        or not is_test_module(settings, file.path)
    ):
        return
    base, head = parse(file.base), parse(file.head)
    if base is None or head is None:
        return
    after = collect_tests(head)
    for name, before in collect_tests(base).items():
        if name in after:
            yield name, before, after[name]


@dataclass(frozen=True)
class Deleted:
    """A test of the base revision that the change's version of its file lacks."""

    name: str
    """Its qualified name in the base file (``TestX.test_y``)."""
    test: TestDef
    """Its base definition."""
    path: str
    """The base file's path."""
    why: str
    """What happened to the file, in words (empty when it stays a test file)."""


def deleted_tests(file: FileVersions, settings: RuleSettings) -> Iterator[Deleted]:
    """The tests of ``file``'s base version that its changed version lacks (all of them
    when the file is deleted or stops being a test file); nothing if a version does not
    parse."""
    old_path = file.old_path
    if old_path is None or file.base is None or not is_test_module(settings, old_path):
        return
    base = parse(file.base)
    if base is None:
        return
    after: dict[str, TestDef] = {}
    if file.head is not None and is_test_module(settings, file.path):
        head = parse(file.head)
        if head is None:
            return
        after = collect_tests(head)
    if file.head is None:
        why = " (the file is deleted)"
    elif not is_test_module(settings, file.path):
        why = f" (the file moves to {file.path}, which is not a test file)"
    else:
        why = ""
    for name, before in collect_tests(base).items():
        if name not in after:
            yield Deleted(name, before, old_path, why)


@dataclass(frozen=True)
class Moves:
    """What the whole change does to tests and to the code they test: to tell a test
    that moved (renamed, split, or put in another file) or that went with the code it
    tested from one that was simply deleted."""

    added_names: frozenset[str]
    """Names of the tests the change adds to any test file (without their class)."""
    added_assertions: frozenset[str]
    """The assertions of those tests, as syntax trees without positions."""
    removed: dict[str, str]
    """Functions, classes and methods the change removes from code that is not a test,
    by name, with the file they leave."""

    @classmethod
    def of(cls, files: Sequence[FileVersions], settings: RuleSettings) -> Moves:
        """From every changed file of the change."""
        names: set[str] = set()
        assertions: set[str] = set()
        removed: dict[str, str] = {}
        defined: set[str] = set()  # by the code after the change, wherever it moved
        for file in files:
            if not file.path.endswith(".py") and not (file.old_path or "").endswith(".py"):
                continue
            base = parse(file.base) if file.base is not None and file.old_path else None
            head = parse(file.head) if file.head is not None else None
            if head is not None and is_test_module(settings, file.path):
                known = collect_tests(base) if base is not None else {}
                for name, test in collect_tests(head).items():
                    if name not in known:
                        names.add(test.name)
                        assertions.update(_assertions(test))
            if head is not None and not is_test_module(settings, file.path):
                defined |= _definitions(head)
            old_path = file.old_path
            if base is not None and old_path and not is_test_module(settings, old_path):
                for name in _definitions(base):
                    removed.setdefault(name, old_path)
        gone = {name: path for name, path in removed.items() if name not in defined}
        return cls(frozenset(names), frozenset(assertions), gone)

    def moved(self, test: TestDef) -> bool:
        """Whether the change adds this test elsewhere: by its name, or by every one of
        its assertions (a rename, a split, a move to another file)."""
        if test.name in self.added_names:
            return True
        mine = _assertions(test)
        return bool(mine) and mine <= self.added_assertions

    def removed_with(self, test: TestDef) -> tuple[str, str] | None:
        """A definition the change removes that the test calls, and the file it leaves."""
        used = {
            node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            for node in ast.walk(test)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
        }
        for name in sorted(used & set(self.removed)):
            return name, self.removed[name]
        return None


def _assertions(test: TestDef) -> set[str]:
    """``assert`` statements and ``self.assert*(...)`` calls, without positions."""
    found = set()
    for node in ast.walk(test):
        if isinstance(node, ast.Assert) or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr.startswith("assert")
        ):
            found.add(ast.dump(node))
    return found


def _definitions(tree: ast.Module) -> set[str]:
    """Names of the module's functions and classes, and of its classes' methods."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        if isinstance(node, ast.ClassDef):
            names.update(
                item.name
                for item in node.body
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                and not item.name.startswith("__")
            )
    return names
