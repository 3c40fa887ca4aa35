"""The runner: only what a change introduces counts, and bad files are errors."""

from __future__ import annotations

import sys

import pytest

from gate.rules.gate101_dynamic_code import DynamicCodeExecution
from gate.rules.gate301_test_deleted import DeletedTest
from gate.rules.interface import FileVersions, RuleSettings
from gate.rules.runner import lint

SETTINGS = RuleSettings()
RULES = [DynamicCodeExecution]


def modified(path: str, base: str, head: str) -> FileVersions:
    return FileVersions(path=path, old_path=path, base=base, head=head)


def test_a_moved_insecure_line_is_not_new() -> None:
    base = "x = eval(expr)\n\ndef f():\n    return 1\n"
    head = "def f():\n    return 1\n\n\nx = eval(expr)\n"
    result = lint([modified("m.py", base, head)], SETTINGS, RULES)
    assert result.findings == ()
    assert result.errors == ()


def test_a_reindented_insecure_line_is_not_new() -> None:
    base = "x = eval(expr)\n"
    head = "if ready:\n    x = eval(expr)\n"
    assert lint([modified("m.py", base, head)], SETTINGS, RULES).findings == ()


def test_a_duplicated_insecure_line_is_one_finding() -> None:
    base = "x = eval(expr)\n"
    head = "x = eval(expr)\ny = 1\nx = eval(expr)\n"
    result = lint([modified("m.py", base, head)], SETTINGS, RULES)
    assert [(f.rule_id, f.path) for f in result.findings] == [("GATE101", "m.py")]


def test_an_unparsable_file_is_a_finding_and_the_others_are_still_checked() -> None:
    broken = modified("broken.py", "x = 1\n", "x = 1\n\ndef f(:\n")
    fine = FileVersions(path="fine.py", old_path=None, base=None, head="eval(text)\n")
    result = lint([broken, fine], SETTINGS, RULES)
    assert result.errors == ()
    syntax, _ = result.findings
    assert (syntax.path, syntax.line, syntax.rule_id) == ("broken.py", 3, "syntax")
    assert syntax.message.startswith(f"Python {sys.version_info[0]}.{sys.version_info[1]} cannot")
    assert [f.path for f in result.findings] == ["broken.py", "fine.py"]


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="this Python parses PEP 695")
def test_newer_syntax_than_this_python_is_named_with_the_version() -> None:
    new = FileVersions(path="g.py", old_path=None, base=None, head="type Pair = tuple[int, int]\n")
    (finding,) = lint([new], SETTINGS, RULES).findings
    assert finding.rule_id == "syntax"
    assert finding.message == "Python 3.11 cannot parse this file: invalid syntax"


def test_a_stub_libcst_cannot_parse_is_an_error() -> None:
    broken = FileVersions(path="m.pyi", old_path=None, base=None, head="def f(:\n")
    result = lint([broken], SETTINGS, RULES)
    assert result.errors[0].startswith("m.pyi:1: cannot parse")


def test_an_unparsable_base_subtracts_nothing() -> None:
    result = lint([modified("m.py", "def (:\n", "eval(text)\n")], SETTINGS, RULES)
    assert result.errors == ()
    assert [f.line for f in result.findings] == [1]


def test_code_moved_between_files_is_not_new_but_a_copy_is() -> None:
    old = modified("a.py", "import os\nx = eval(expr)\n", "import os\n")
    new = FileVersions(path="b.py", old_path=None, base=None, head="x = eval(expr)\n")
    assert lint([old, new], SETTINGS, RULES).findings == ()

    kept = modified("a.py", "import os\nx = eval(expr)\n", "import os\nx = eval(expr)\n")
    result = lint([kept, new], SETTINGS, RULES)
    assert [(f.path, f.line) for f in result.findings] == [("b.py", 1)]


def test_a_renamed_file_is_compared_with_its_old_version() -> None:
    renamed = FileVersions(
        path="new.py", old_path="old.py", base="x = eval(expr)\n", head="x = eval(expr)\n"
    )
    assert lint([renamed], SETTINGS, RULES).findings == ()


def test_non_python_files_reach_only_file_rules() -> None:
    text = FileVersions(path="notes.txt", old_path=None, base=None, head="eval(x) (:")
    result = lint([text], SETTINGS, [DynamicCodeExecution, DeletedTest])
    assert result == lint([], SETTINGS, RULES)
