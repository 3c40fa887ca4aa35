from __future__ import annotations

from pathlib import Path

import pytest

from gate.errors import PolicyError
from gate.findings import Severity
from gate.policy import loader
from gate.policy.model import Action

from ..conftest import Repo


def test_default_policy_loads(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    policy = loader.load(repo.path, base)
    assert policy.uri == loader.DEFAULT_URI
    assert policy.block_at is Severity.MEDIUM
    assert policy.actions["GATE401"] is Action.BLOCK and policy.actions["GATE402"] is Action.WARN
    assert ".github/workflows/**" in policy.protected_block
    assert len(policy.digest) == 64


def test_base_revision_config_wins_over_the_changed_one(repo: Repo) -> None:
    base = repo.commit({".gate.toml": "[findings]\nblock_at = 'high'\n"})
    repo.write({".gate.toml": "[findings]\nblock_at = 'critical'\n"})
    policy = loader.load(repo.path, base)
    assert policy.block_at is Severity.HIGH
    assert policy.uri.endswith(f"@{base}#.gate.toml")
    assert "bandit" in policy.enabled  # merged over the default, table by table


def test_pyproject_tool_gate_table(repo: Repo) -> None:
    base = repo.commit({"pyproject.toml": "[project]\nname='x'\n[tool.gate.limits]\ntimeout = 9\n"})
    assert loader.load(repo.path, base).timeout == 9


def test_the_guard_denies_everything_unless_the_base_lets_code_use_it(repo: Repo) -> None:
    assert loader.load(repo.path, "HEAD").code_may_use == ()
    base = repo.commit({".gate.toml": "[tests]\ncode_may_use = ['ctypes']\n"})
    assert loader.load(repo.path, base).code_may_use == ("ctypes",)


def test_gate_timeout_overrides(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATE_TIMEOUT", "7")
    assert loader.load(repo.path, repo.git("rev-parse", "HEAD").strip()).timeout == 7


def test_policy_file_overlays_the_default(repo: Repo, tmp_path: Path) -> None:
    file = tmp_path / "p.toml"
    file.write_text(
        "[findings.actions]\nGATE402 = 'block'\n"
        "[[waivers]]\nrule = 'GATE302'\nreason = 'flaky'\nexpires = 2030-01-01\n"
        "[[conditions]]\ncheck = 'rules'\nmetric = 'files'\nop = '<='\nthreshold = 50\n"
    )
    policy = loader.load(repo.path, "HEAD", file)
    assert policy.actions["GATE402"] is Action.BLOCK
    assert policy.actions["GATE401"] is Action.BLOCK
    assert policy.waivers[0].reason == "flaky"
    assert policy.conditions[0].describe() == "rules.files <= 50"
    assert policy.uri == file.resolve().as_uri()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[waivers]]\nrule = 'X'\nreason = 'r'\n", "needs 'expires'"),
        ("[[waivers]]\nrule = 'X'\nreason = ' '\nexpires = 2030-01-01\n", "needs a reason"),
        ("[[waivers]]\nrule = 'X'\nreason = 'r'\nexpires = '2030'\n", "TOML date"),
        ("[[conditions]]\ncheck = 'c'\nmetric = 'm'\nop = '~'\nthreshold = 1\n", "op must be"),
        ("[findings.actions]\nGATE1 = 'allow'\n", "allow"),
        ("profile = 'lax'\n", "profile"),
        ("[limits]\ntimeout = true\n", "wrong type"),
        ("[tests]\ncode_may_use = ['sys']\n", "'sys' is not one of ctypes, gc"),
    ],
)
def test_bad_values_are_policy_errors(tmp_path: Path, repo: Repo, text: str, message: str) -> None:
    file = tmp_path / "p.toml"
    file.write_text(text)
    with pytest.raises(PolicyError, match=message):
        loader.load(repo.path, "HEAD", file)


def test_merge_replaces_lists_and_merges_tables() -> None:
    merged = loader.merge({"a": {"x": [1], "y": 2}, "b": 1}, {"a": {"x": [3]}})
    assert merged == {"a": {"x": [3], "y": 2}, "b": 1}


def test_relaxed_profile_turns_the_expectation_block_into_a_warning(
    tmp_path: Path, repo: Repo
) -> None:
    file = tmp_path / "p.toml"
    file.write_text("profile = 'relaxed'\n")
    assert loader.load(repo.path, "HEAD", file).actions["GATE305"] is Action.WARN
    assert loader.load(repo.path, "HEAD").actions["GATE305"] is Action.BLOCK
