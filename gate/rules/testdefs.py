"""The tests a Python test module defines, for the file rules that compare a test's
base and changed versions (with :mod:`ast`: only the structure matters here).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

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
