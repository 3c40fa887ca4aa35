"""Which functions the in-sandbox properties runner writes properties for."""

from __future__ import annotations

from gate.checks.properties.ghostwriter import module_name, targets

SOURCE = """\
def typed(a: int) -> int:
    return a


def untyped(a):
    return a


def _private(a: int) -> int:
    return a


def edited(a: int) -> int:
    return a + 1
"""
BASE = SOURCE.replace("a + 1", "a + 2")


def test_only_touched_public_annotated_functions_are_targets() -> None:
    names = [name for name, _, _ in targets(SOURCE, {2, 6, 10}, SOURCE)]
    assert names == ["typed"]


def test_a_function_whose_lines_were_only_removed_is_a_target() -> None:
    assert [name for name, _, _ in targets(SOURCE, set(), BASE)] == ["edited"]


def test_module_names() -> None:
    assert module_name("pkg/mod.py") == "pkg.mod"
    assert module_name("pkg/__init__.py") == "pkg"
    assert module_name("scripts/my-tool.py") is None
    assert module_name("src/pkg/mod.py") == "pkg.mod"
