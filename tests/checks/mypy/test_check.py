"""The mypy check, with the real mypy, in the sandbox."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

from gate.checks.interface import Completed, Errored, Skipped
from gate.checks.mypy.check import MypyCheck, errors

from ...conftest import Repo
from ...sandbox.test_environment import make_wheel

pytestmark = pytest.mark.docker

TYPED = "def area(w: int, h: int) -> int:\n    return w * h\n"


@pytest.fixture
def run_mypy(run_check):
    return functools.partial(run_check, MypyCheck())


def test_a_new_type_error_is_found(repo: Repo, run_mypy) -> None:
    repo.commit({"app/geo.py": TYPED})
    outcome = run_mypy(repo, {"app/geo.py": TYPED + "\n\nSIDE: int = area(2, 3) + 'cm'\n"})
    assert isinstance(outcome, Completed), outcome
    (error,) = outcome.findings
    assert (error.path, error.line, error.rule_id) == ("app/geo.py", 5, "operator")


def test_an_old_type_error_elsewhere_is_not_new(repo: Repo, run_mypy) -> None:
    old = TYPED + "\n\nBROKEN: str = area(1, 2)\n"
    repo.commit({"app/geo.py": old})
    outcome = run_mypy(repo, {"app/geo.py": "import math\n\n\n" + old})
    assert isinstance(outcome, Completed)
    assert outcome.findings == ()
    assert outcome.metrics["errors"] == 1


def test_the_changes_own_mypy_settings_are_not_used(repo: Repo, run_mypy) -> None:
    repo.commit({"app/geo.py": TYPED, "mypy.ini": "[mypy]\nstrict = True\n"})
    untyped = TYPED + "\n\ndef perimeter(w, h):\n    return 2 * (w + h)\n"
    # The change relaxes the config and adds an untyped function: the base's strict wins.
    outcome = run_mypy(repo, {"app/geo.py": untyped, "mypy.ini": "[mypy]\n"})
    assert isinstance(outcome, Completed)
    assert [f.rule_id for f in outcome.findings] == ["no-untyped-def"]


def test_an_unparsable_file_is_left_to_the_rules_syntax_finding(repo: Repo, run_mypy) -> None:
    outcome = run_mypy(repo, {"app/bad.py": "def f(:\n"})
    assert isinstance(outcome, Skipped), outcome
    assert outcome.reason.startswith("not read: app/bad.py")


def test_a_crash_of_mypy_is_an_error(repo: Repo, run_mypy) -> None:
    outcome = run_mypy(repo, {"app/geo.py": TYPED, "mypy.ini": "[mypy]\n"})
    assert isinstance(outcome, Completed), outcome
    repo.commit({"mypy.ini": "[mypy]\nplugins = no_such_plugin_module\n"})
    outcome = run_mypy(repo, {"app/geo.py": TYPED + "\n"})
    assert isinstance(outcome, Errored), outcome
    assert "mypy exited with 2" in outcome.reason


def test_no_python_files_is_skipped(repo: Repo, run_mypy) -> None:
    assert isinstance(run_mypy(repo, {"README.md": "hi\n"}), Skipped)


def test_new_files_can_be_held_to_strict(repo: Repo, run_mypy) -> None:
    untyped = "def double(x):\n    return 2 * x\n"
    assert run_mypy(repo, {"app/new.py": untyped}).findings == ()
    repo.git("clean", "-fdq")
    repo.commit({".gate.toml": "[tools.mypy]\nstrict_new_files = true\n"})
    outcome = run_mypy(repo, {"app/new.py": untyped})
    assert isinstance(outcome, Completed)
    assert [f.rule_id for f in outcome.findings] == ["no-untyped-def"]


def test_on_the_calc_fixture_new_fails_and_old_does_not(calc: Repo, run_mypy) -> None:
    ops = (calc.path / "calc/ops.py").read_text()
    text = (calc.path / "calc/text.py").read_text()
    # Touching both files: only the new error counts, not the old one in text.py.
    outcome = run_mypy(calc, {
        "calc/ops.py": ops + "\n\ndef twice(a: int) -> str:\n    return a * 2\n",
        "calc/text.py": text + "\n\ndef whisper(word: str) -> str:\n    return word.lower()\n",
    })  # fmt: skip
    assert isinstance(outcome, Completed), outcome
    assert [(f.path, f.rule_id) for f in outcome.findings] == [("calc/ops.py", "return-value")]
    assert outcome.metrics["errors"] == 2


def test_an_ignore_comment_that_hides_a_new_error_is_found(repo: Repo, run_mypy) -> None:
    repo.commit({"app/geo.py": TYPED})
    hidden = "\n\nSIDE: int = area(2, 3) + 'cm'  # type: ignore[operator]  # shorter\n"
    outcome = run_mypy(repo, {"app/geo.py": TYPED + hidden})
    assert isinstance(outcome, Completed), outcome
    (error,) = outcome.findings
    assert (error.path, error.line, error.rule_id) == ("app/geo.py", 5, "hidden-by-ignore")
    assert "a `# type: ignore` the change adds hides a new error" in error.message
    assert outcome.metrics["hidden"] == 1


def test_a_file_wide_ignore_comment_that_hides_a_new_error_is_found(repo: Repo, run_mypy) -> None:
    repo.commit({"app/geo.py": TYPED})
    text = "# type: ignore\n" + TYPED + "\n\nSIDE: int = area(2, 3) + 'cm'\n"
    outcome = run_mypy(repo, {"app/geo.py": text})
    assert isinstance(outcome, Completed), outcome
    (error,) = outcome.findings
    assert (error.path, error.line, error.rule_id) == ("app/geo.py", 6, "hidden-by-ignore")
    assert "a file-wide `# type: ignore` the change adds hides a new error" in error.message


def test_an_ignore_comment_on_an_old_error_hides_nothing_new(repo: Repo, run_mypy) -> None:
    old = TYPED + "\n\nSIDE: int = area(2, 3) + 'cm'\n"
    repo.commit({"app/geo.py": old})
    silenced = old.replace("'cm'\n", "'cm'  # type: ignore[operator]\n")
    outcome = run_mypy(repo, {"app/geo.py": silenced})
    assert isinstance(outcome, Completed), outcome
    assert outcome.findings == ()


def test_an_ignore_in_a_string_is_not_a_comment(repo: Repo, run_mypy) -> None:
    repo.commit({"app/geo.py": TYPED})
    text = TYPED + "\n\nHELP: str = 'add # type: ignore to silence mypy'\n"
    outcome = run_mypy(repo, {"app/geo.py": text})
    assert isinstance(outcome, Completed), outcome
    assert outcome.findings == ()
    assert outcome.metrics["hidden"] == 0


STRICT_SRC = """[tool.mypy]
files = ["app"]
strict = true
"""
UNTYPED_TEST = "def test_area():\n    assert area(2, 3) == 6\n"


def test_a_file_outside_the_projects_mypy_files_is_not_checked(repo: Repo, run_mypy) -> None:
    repo.commit({"pyproject.toml": STRICT_SRC, "app/geo.py": TYPED})
    # The project checks app/ strictly; its untyped tests are none of its mypy's business.
    outcome = run_mypy(repo, {"tests/test_geo.py": "from app.geo import area\n\n\n" + UNTYPED_TEST})
    assert isinstance(outcome, Skipped), outcome
    assert "tests/test_geo.py (outside the project's mypy `files` (app))" in outcome.reason
    # Inside the scope the project's strictness holds, and the detail names what was left.
    outcome = run_mypy(repo, {"app/more.py": "def double(x):\n    return 2 * x\n"})
    assert isinstance(outcome, Completed), outcome
    assert [(f.path, f.rule_id) for f in outcome.findings] == [("app/more.py", "no-untyped-def")]
    assert "tests/test_geo.py" in (outcome.detail or "")
    assert outcome.metrics["left_out"] == 1


def test_a_module_outside_the_projects_mypy_packages_is_not_checked(repo: Repo, run_mypy) -> None:
    repo.commit({"setup.cfg": "[mypy]\npackages = app.geo\nstrict = True\n", "app/geo.py": TYPED})
    untyped = "def double(x):\n    return 2 * x\n"
    outcome = run_mypy(repo, {"app/geo.py": TYPED + "\n\n" + untyped, "app/more.py": untyped})
    assert isinstance(outcome, Completed), outcome
    assert [(f.path, f.rule_id) for f in outcome.findings] == [("app/geo.py", "no-untyped-def")]
    assert "app/more.py (outside the project's mypy `packages` (app.geo))" in (outcome.detail or "")


def test_a_new_file_a_files_glob_takes_in_is_checked(repo: Repo, run_mypy) -> None:
    repo.commit({"mypy.ini": "[mypy]\nfiles = app/*.py\nstrict = True\n", "app/geo.py": TYPED})
    untyped = "def double(x):\n    return 2 * x\n"
    outcome = run_mypy(repo, {"app/new.py": untyped, "tests/test_new.py": untyped})
    assert isinstance(outcome, Completed), outcome
    assert [(f.path, f.rule_id) for f in outcome.findings] == [("app/new.py", "no-untyped-def")]
    assert "tests/test_new.py (outside the project's mypy `files`" in (outcome.detail or "")


def test_an_excluded_file_is_not_checked(repo: Repo, run_mypy) -> None:
    repo.commit({"mypy.ini": "[mypy]\nexclude = (^|/)legacy/\n"})
    outcome = run_mypy(repo, {"app/legacy/old.py": "x: int = 'no'\n", "app/geo.py": TYPED})
    assert isinstance(outcome, Completed), outcome
    assert outcome.findings == ()
    assert "app/legacy/old.py (matched by the project's mypy `exclude`" in (outcome.detail or "")


def test_a_module_with_a_stub_beside_it_is_left_to_the_stub(repo: Repo, run_mypy) -> None:
    repo.commit({"app/geo.py": TYPED, "app/geo.pyi": "def area(w: int, h: int) -> int: ...\n"})
    # mypy would stop at "Duplicate module" if it were given both.
    outcome = run_mypy(repo, {"app/geo.py": TYPED + "\n\nX: int = 1\n"})
    assert isinstance(outcome, Skipped), outcome
    assert "mypy reads the stub beside it (geo.pyi)" in outcome.reason


def test_a_type_error_at_a_call_into_a_typed_dependency_is_found(
    repo: Repo, run_mypy, shared_tmp: Path
) -> None:
    # A typed package (py.typed) that only the repository's test environment holds:
    # mypy types the call from it, where it used to take every import as Any.
    wheelhouse = shared_tmp / "wheels"
    wheelhouse.mkdir()
    typed = {"typeddep/py.typed": "", "typeddep/__init__.py": "def count() -> int:\n    return 1\n"}
    make_wheel(wheelhouse, name="mergegate_test_typeddep", module="typeddep/_unused", extra=typed)
    pyproject = (
        '[project]\nname = "app"\nversion = "1"\ndependencies = ["mergegate-test-typeddep"]\n'
    )
    repo.commit({"pyproject.toml": pyproject, "app/geo.py": TYPED})
    built = subprocess.run(
        [sys.executable, "-m", "gate", "sandbox", "deps", "--wheelhouse", str(wheelhouse)],
        cwd=repo.path, capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    call = "from typeddep import count\n\n\ndef label() -> str:\n    return count()\n"
    outcome = run_mypy(repo, {"app/labels.py": call})
    assert isinstance(outcome, Completed), outcome
    (error,) = outcome.findings
    assert (error.path, error.line, error.rule_id) == ("app/labels.py", 5, "return-value")
    assert 'got "int", expected "str"' in error.message


def test_mypys_json_and_text_lines_are_read_alike() -> None:
    json_line = (
        '{"file": "a.py", "line": 3, "column": 11, "message": "Bad", "hint": null, '
        '"code": "return-value", "severity": "error"}'
    )
    note = '{"file": "a.py", "line": 4, "message": "See", "code": null, "severity": "note"}'
    text = 'b.py:7: error: Name "x" is not defined  [name-defined]'
    found = [(e.file, e.line, e.code) for e in errors("\n".join([json_line, note, text]))]
    assert found == [("a.py", 3, "return-value"), ("b.py", 7, "name-defined")]
