"""The ``gate`` command end to end, as a user runs it: a real process, real git, real
bandit, on scratch repositories."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Repo

INSECURE = """import subprocess


def go():
    cmd = input("command: ")
    subprocess.call(cmd, shell=True)
"""

HARMLESS = """def add(a: int, b: int) -> int:
    return a + b
"""
HARMLESS_TEST = """from app.add import add


def test_add():
    assert add(2, 3) == 5
"""


def gate(
    *args: str, cwd: Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("GATE_POLICY", None)
    return subprocess.run(
        [sys.executable, "-m", "gate", *args], cwd=cwd, input=stdin.decode() if stdin else None,
        capture_output=True, text=True, env=full_env, timeout=120,
    )  # fmt: skip


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("gate: ")
    return lines[0]


def statement(result: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(result.stdout)


@pytest.mark.docker
def test_shell_injection_fails_naming_file_and_line(repo: Repo) -> None:
    repo.write({"app/run.py": INSECURE})
    result = gate("check", cwd=repo.path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("FAILED")
    assert "app/run.py:6" in result.stdout and "B602" in result.stdout
    assert "signed by key" in result.stdout
    assert "created your signing key" in result.stderr  # first use, then never again
    assert "created" not in gate("check", cwd=repo.path).stderr


@pytest.mark.docker
def test_silencing_bandit_with_nosec_fails(repo: Repo) -> None:
    repo.commit({"app/run.py": INSECURE})
    repo.write({"app/run.py": INSECURE.replace("shell=True)", "shell=True)  # nosec B602")})
    result = gate("check", "--format", "json", cwd=repo.path)
    assert result.returncode == 1
    blocking = [f for f in statement(result)["predicate"]["findings"] if f["action"] == "block"]
    assert [(f["rule_id"], f["line"]) for f in blocking] == [("GATE401", 6)]


@pytest.mark.docker
def test_harmless_change_passes(repo: Repo) -> None:
    repo.write({"app/add.py": HARMLESS, "tests/test_add.py": HARMLESS_TEST})
    result = gate("check", str(repo.path), cwd=repo.path.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("PASSED")


@pytest.mark.docker
def test_diff_file_and_stdin_give_the_same_subject(repo: Repo, tmp_path: Path) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    head = repo.commit({"app/run.py": INSECURE})
    patch = repo.diff(base, head)
    (tmp_path / "change.diff").write_bytes(patch)
    repo.git("checkout", "--quiet", base)
    by_file = gate(
        "check", "--patch", str(tmp_path / "change.diff"), "--format", "json", cwd=repo.path
    )
    by_stdin = gate("check", "--patch", "-", "--format", "json", cwd=repo.path, stdin=patch)
    by_range = gate("check", "--base", base, "--head", head, "--format", "json", cwd=repo.path)
    assert by_file.returncode == by_stdin.returncode == by_range.returncode == 1
    digests = {
        statement(r)["subject"][0]["digest"]["sha256"] for r in (by_file, by_stdin, by_range)
    }
    assert digests == {hashlib.sha256(patch).hexdigest()}
    verdict = statement(by_stdin)
    assert verdict["predicate"]["verificationResult"] == "FAILED"
    findings = {f["rule_id"]: f for f in verdict["predicate"]["findings"]}
    shell = findings["GATE102"]
    assert (shell["path"], shell["line"], shell["action"]) == ("app/run.py", 6, "block")
    assert shell["cwe"] == 78 and shell["severity"] == "high"
    # bandit's shape-only B602 is reported too, as a warning: GATE102 judges the command
    assert (findings["B602"]["line"], findings["B602"]["action"]) == (6, "warn")


@pytest.mark.docker
def test_staged_judges_only_the_index(repo: Repo) -> None:
    repo.write({"app/run.py": INSECURE, "app/add.py": HARMLESS, "tests/test_add.py": HARMLESS_TEST})
    repo.git("add", "app/add.py", "tests/test_add.py")
    assert gate("check", "--staged", cwd=repo.path).returncode == 0
    repo.git("add", "app/run.py")
    assert gate("check", "--staged", cwd=repo.path).returncode == 1


def test_malformed_diff(repo: Repo, tmp_path: Path) -> None:
    (tmp_path / "bad.diff").write_text("this is not a diff\n")
    line = assert_one_line_error(
        gate("check", "--patch", str(tmp_path / "bad.diff"), cwd=repo.path)
    )
    assert "no unified diff" in line


def test_diff_that_does_not_apply(repo: Repo) -> None:
    patch = b"--- a/app/tool.py\n+++ b/app/tool.py\n@@ -1 +1 @@\n-import json\n+import os\n"
    line = assert_one_line_error(gate("check", "--patch", "-", cwd=repo.path, stdin=patch))
    assert "does not apply" in line


def test_unknown_revision(repo: Repo) -> None:
    line = assert_one_line_error(gate("check", "--base", "no-such-branch", cwd=repo.path))
    assert "unknown revision 'no-such-branch'" in line


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[checks\nenabled = 1", "not valid TOML"),
        ("", "empty"),
        ("[findings]\nblock_at = 'severe'\n", "severe"),
        ("[checks]\nenabled = []\n", "nothing would be checked"),
        ("[check]\nenabled = ['rules']\n", "unknown key"),
    ],
)
def test_broken_policy_file(repo: Repo, tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "policy.toml").write_text(text)
    line = assert_one_line_error(
        gate("check", "--policy", str(tmp_path / "policy.toml"), cwd=repo.path)
    )
    assert message in line


def test_broken_policy_in_the_base_revision(repo: Repo) -> None:
    repo.commit({".gate.toml": "[checks]\nenabled = 'rules'\n"})
    assert "wrong type" in assert_one_line_error(gate("check", cwd=repo.path))


def test_missing_policy_file(repo: Repo, tmp_path: Path) -> None:
    line = assert_one_line_error(
        gate("check", "--policy", str(tmp_path / "nope.toml"), cwd=repo.path)
    )
    assert "cannot read policy" in line


def test_usage_errors_are_one_line(repo: Repo) -> None:
    assert_one_line_error(gate(cwd=repo.path))
    assert_one_line_error(gate("check", "--jobs", "0", cwd=repo.path))
    assert_one_line_error(gate("check", "--head", "HEAD", "--staged", cwd=repo.path))
    assert "unknown check 'nope'" in assert_one_line_error(
        gate("check", "--only", "nope", cwd=repo.path)
    )


def test_not_a_repository(tmp_path: Path) -> None:
    assert "not inside a git repository" in assert_one_line_error(gate("check", cwd=tmp_path))


def test_without_git_the_gate_cannot_run(repo: Repo) -> None:
    result = gate("check", cwd=repo.path, env={"PATH": str(repo.path / "empty-bin")})
    assert "`git` is not installed" in assert_one_line_error(result, code=3)


@pytest.mark.docker
def test_config_edit_is_judged_by_the_base_policy_and_reported(repo: Repo) -> None:
    repo.commit({".gate.toml": "[checks]\nenabled = ['rules', 'bandit']\n"})
    repo.write(
        {
            ".gate.toml": "[checks]\nenabled = ['rules']\nrequired = ['rules']\n",
            "app/run.py": INSECURE,
        }
    )
    verdict = statement(gate("check", "--format", "json", cwd=repo.path))
    predicate = verdict["predicate"]
    assert predicate["verificationResult"] == "FAILED"
    assert [c["id"] for c in predicate["checks"]] == ["rules", "bandit"]
    rules = {(f["rule_id"], f["path"]) for f in predicate["findings"]}
    assert ("B602", "app/run.py") in rules
    assert ("GATE403", ".gate.toml") in rules
    assert predicate["policy"]["uri"].endswith("#.gate.toml")


@pytest.mark.docker
def test_a_tool_error_fails_the_verdict(repo: Repo) -> None:
    # The project's mypy config names a plugin that is nowhere: mypy stops with exit 2.
    repo.commit({"mypy.ini": "[mypy]\nplugins = no_such_mypy_plugin\n"})
    repo.write({"app/fine.py": "def double(x: int) -> int:\n    return 2 * x\n"})
    result = gate("check", "--only", "static", "--format", "json", cwd=repo.path)
    assert result.returncode == 1
    predicate = statement(result)["predicate"]
    checks = {c["id"]: c for c in predicate["checks"]}
    assert checks["mypy"]["status"] == "errored"
    assert "mypy exited with 2" in checks["mypy"]["reason"]
    assert any(r.startswith("check mypy errored") for r in predicate["reasons"])


@pytest.mark.docker
def test_unparsable_code_is_a_finding_not_a_tool_error(repo: Repo) -> None:
    repo.write({"app/broken.py": "def broken(:\n    pass\n"})
    result = gate("check", "--only", "static", "--format", "json", cwd=repo.path)
    assert result.returncode == 1
    predicate = statement(result)["predicate"]
    checks = {c["id"]: c for c in predicate["checks"]}
    assert {c["status"] for c in checks.values()} <= {"completed", "skipped"}
    assert checks["bandit"]["reason"].startswith("not read: app/broken.py (Python 3.11")
    assert predicate["reasons"][0].startswith("app/broken.py:1: rules:syntax Python 3.11")


@pytest.mark.docker
def test_only_and_skip_narrow_the_run_and_say_so(repo: Repo) -> None:
    repo.write({"app/run.py": INSECURE})
    result = gate("check", "--skip", "bandit", "--format", "json", cwd=repo.path)
    predicate = statement(result)["predicate"]
    assert [c["id"] for c in predicate["checks"]] == [
        "rules", "semgrep", "mypy", "tests", "coverage", "properties"
    ]  # fmt: skip
    assert predicate["notes"] == ["partial run: bandit not run"]
    assert "MERGEGATE_POLICY_COMPLETE" not in predicate["verifiedLevels"]
    only = statement(gate("check", "--only", "security", "--format", "json", cwd=repo.path))
    assert {c["id"] for c in only["predicate"]["checks"]} == {"rules", "semgrep", "bandit"}


@pytest.mark.docker
def test_out_dir_holds_the_verdict_and_raw_outputs(repo: Repo, tmp_path: Path) -> None:
    repo.write({"app/run.py": INSECURE})
    out = tmp_path / "out"
    result = gate("check", "--out", str(out), "--format", "json", cwd=repo.path)
    assert result.returncode == 1
    assert json.loads((out / "verdict.json").read_text()) == statement(result)
    assert (out / "report.md").read_text().startswith("## ❌ mergegate: FAILED")
    assert json.loads((out / "report.sarif").read_text())["version"] == "2.1.0"
    assert '<span class="FAILED" id="verdict">FAILED</span>' in (out / "report.html").read_text()
    import jsonschema

    from gate.resources import resource

    schema = json.loads(resource("reports", "verdict.schema.json").read_text("utf-8"))
    jsonschema.validate(statement(result), schema, cls=jsonschema.Draft202012Validator)
    attestations = statement(result)["predicate"]["inputAttestations"]
    bandit = next(a for a in attestations if a["uri"] == "checks/bandit.out")
    raw = (out / "checks" / "bandit.out").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == bandit["digest"]["sha256"]
    assert not [p for p in out.rglob(".*")], "temporary files left in the out dir"


@pytest.mark.docker
def test_demo() -> None:
    result = gate("demo", cwd=Path.cwd())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED main..benign" in result.stdout
    assert "FAILED main..insecure" in result.stdout
