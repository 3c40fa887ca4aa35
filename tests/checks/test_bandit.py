"""The bandit check, with the real bandit, on scratch repositories."""

from __future__ import annotations

import functools

import pytest

from gate.checks.bandit import BanditCheck
from gate.checks.interface import Completed, Skipped

from ..conftest import Repo

SHELL = "import subprocess\n\n\ndef f(cmd):\n    subprocess.call(cmd, shell=True)\n"


pytestmark = pytest.mark.docker


@pytest.fixture
def run_bandit(run_check):
    return functools.partial(run_check, BanditCheck())


def test_new_shell_call_is_found_with_its_line(repo: Repo, run_bandit) -> None:
    outcome = run_bandit(repo, {"app/x.py": SHELL})
    assert isinstance(outcome, Completed)
    (b602,) = [f for f in outcome.findings if f.rule_id == "B602"]
    assert (b602.path, b602.line, b602.cwe) == ("app/x.py", 5, 78)
    assert outcome.raw.startswith(b"{")


def test_nosec_does_not_hide_it(repo: Repo, run_bandit) -> None:
    outcome = run_bandit(repo, {"app/x.py": SHELL.replace("True)", "True)  # nosec")})
    assert isinstance(outcome, Completed)
    assert "B602" in {f.rule_id for f in outcome.findings}


def test_existing_and_moved_findings_are_not_new(repo: Repo, run_bandit) -> None:
    repo.commit({"app/x.py": SHELL})
    moved = (
        "import subprocess\n\n\ndef g():\n    pass\n\n\ndef f(cmd):\n"
        "    subprocess.call(cmd, shell=True)\n"
    )
    outcome = run_bandit(repo, {"app/x.py": moved})
    assert isinstance(outcome, Completed)
    assert outcome.findings == ()


def test_renamed_file_keeps_its_findings_old(repo: Repo, run_bandit) -> None:
    repo.commit({"app/x.py": SHELL})
    outcome = run_bandit(repo, {"app/x.py": None, "app/y.py": SHELL})
    assert isinstance(outcome, Completed) and outcome.findings == ()


def test_assert_is_not_a_finding_in_tests_only(repo: Repo, run_bandit) -> None:
    outcome = run_bandit(
        repo,
        {
            "tests/test_new.py": "def test_a():\n    assert 1\n",
            "app/z.py": "def f(x):\n    assert x\n",
        },
    )
    assert isinstance(outcome, Completed)
    assert [(f.rule_id, f.path) for f in outcome.findings] == [("B101", "app/z.py")]


def test_an_unparsable_file_is_left_to_the_rules_syntax_finding(repo: Repo, run_bandit) -> None:
    outcome = run_bandit(repo, {"app/bad.py": "def f(:\n"})
    assert isinstance(outcome, Skipped), outcome
    assert outcome.reason.startswith("not read: app/bad.py (Python 3.")
    # The other files are still read, and the check says what it left out.
    outcome = run_bandit(repo, {"app/bad.py": "def f(:\n", "app/z.py": "eval(x)\n"})
    assert isinstance(outcome, Completed), outcome
    assert [f.path for f in outcome.findings] == ["app/z.py"]
    assert (outcome.detail or "").startswith("not read: app/bad.py")


def test_no_python_files_is_skipped(repo: Repo, run_bandit) -> None:
    assert isinstance(run_bandit(repo, {"README.md": "hi\n"}), Skipped)
