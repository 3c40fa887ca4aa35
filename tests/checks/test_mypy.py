"""The mypy check, with the real mypy, in the sandbox."""

from __future__ import annotations

import functools

import pytest

from gate.checks.interface import Completed, Errored, Skipped
from gate.checks.mypy import MypyCheck

from ..conftest import Repo

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


def test_unparsable_file_is_an_error(repo: Repo, run_mypy) -> None:
    outcome = run_mypy(repo, {"app/bad.py": "def f(:\n"})
    assert isinstance(outcome, Errored)
    assert "mypy exited with 2 on the head files" in outcome.reason


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
