"""``gate ci`` end to end, as a GitHub runner starts it: a real process with the
environment variables and event payload GitHub documents, on scratch repositories, with
the real sandbox; the comment goes to a local server that answers as GitHub's API."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gate.ci import github

from ..conftest import Repo
from ..test_cli import HARMLESS, HARMLESS_TEST, INSECURE
from .github_api import FakeGitHub, serving
from .test_github import outputs

COPILOT = [
    "-c",
    "user.name=copilot-swe-agent[bot]",
    "-c",
    "user.email=198982749+Copilot@users.noreply.github.com",
]


class Runner:
    """The files and variables of one job step."""

    def __init__(self, tmp_path: Path, repo: Repo) -> None:
        self.tmp, self.repo = tmp_path, repo
        self.summary, self.output = tmp_path / "summary.md", tmp_path / "output"
        (tmp_path / "runner").mkdir()

    def environ(self, name: str, payload: dict[str, object]) -> dict[str, str]:
        path = self.tmp / "event.json"
        path.write_text(json.dumps(payload))
        for f in (self.summary, self.output):
            f.write_text("")
        return {
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": name,
            "GITHUB_EVENT_PATH": str(path),
            "GITHUB_WORKSPACE": str(self.repo.path),
            "RUNNER_TEMP": str(self.tmp / "runner"),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "GITHUB_OUTPUT": str(self.output),
        }

    def gate(self, environ: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
        import os

        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "GATE_"))}
        return subprocess.run(
            [sys.executable, "-m", "gate", *args],
            cwd=self.repo.path,
            env={**env, **environ},
            capture_output=True,
            text=True,
            timeout=300,
        )

    @property
    def out(self) -> Path:
        return self.tmp / "runner" / "mergegate"


def pull_request(repo: Repo, head: str, author: str, branch: str, **more: object) -> dict:
    base = repo.git("rev-parse", "main").strip()
    pr = {
        "number": 7,
        "title": "A change",
        "body": "",
        "labels": [],
        "user": {"login": author},
        "base": {"sha": base, "ref": "main"},
        "head": {"sha": head, "ref": branch},
        **more,
    }
    return {"action": "opened", "number": 7, "pull_request": pr, "sender": {"login": author}}


def branch(repo: Repo, name: str, files: dict[str, str], *identity: str) -> str:
    repo.git("checkout", "-q", "-b", name)
    repo.write(files)
    repo.git("add", "--all")
    repo.git(*identity, "commit", "-q", "-m", "A change")
    head = repo.git("rev-parse", "HEAD").strip()
    repo.git("checkout", "-q", "main")
    return head


@pytest.mark.docker
def test_an_ai_authored_insecure_change_fails(repo: Repo, tmp_path: Path) -> None:
    runner = Runner(tmp_path, repo)
    head = branch(repo, "copilot/run-commands", {"app/run.py": INSECURE}, *COPILOT)
    environ = runner.environ(
        "pull_request", pull_request(repo, head, "Copilot", "copilot/run-commands")
    )
    result = runner.gate(environ, "ci")
    assert result.returncode == 1, result.stdout + result.stderr
    found = outputs(runner.output)
    assert (found["result"], found["ai-authored"]) == ("FAILED", "true")
    assert {"author:Copilot", "branch:copilot/run-commands"} <= set(json.loads(found["ai-signals"]))
    assert found["verdict"] == str(runner.out / "verdict.dsse.json")
    assert json.loads(Path(found["sarif"]).read_text())["version"] == "2.1.0"
    summary = runner.summary.read_text()
    assert summary.startswith("## ❌ mergegate: FAILED") and "**AI-authored**" in summary
    assert "app/run.py:6" in summary
    statement = json.loads((runner.out / "verdict.json").read_text())
    kinds = {s["kind"] for s in statement["predicate"]["authorship"]["signals"]}
    assert kinds == {"author", "committer", "branch"}
    record = json.loads((runner.out / "ci.json").read_text())
    assert (record["number"], record["head"], record["result"]) == (7, head, "FAILED")
    # The auditor's side, in the order the README shows it.
    base = repo.git("rev-parse", "main").strip()
    audit = runner.gate(
        {},
        "verify",
        found["verdict"],
        "--key",
        str(runner.out / "verdict.pub"),
        str(repo.path),
        "--base",
        base,
        "--head",
        head,
        "--allow-failed",
    )
    assert audit.returncode == 0, audit.stdout + audit.stderr


@pytest.mark.docker
def test_a_human_s_harmless_change_passes(repo: Repo, tmp_path: Path) -> None:
    runner = Runner(tmp_path, repo)
    head = branch(repo, "add", {"app/add.py": HARMLESS, "tests/test_add.py": HARMLESS_TEST})
    result = runner.gate(
        runner.environ("pull_request", pull_request(repo, head, "ann", "add")), "ci"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert outputs(runner.output) == {
        "result": "PASSED",
        "ai-authored": "false",
        "ai-signals": "[]",
        "verdict": str(runner.out / "verdict.dsse.json"),
        "sarif": str(runner.out / "report.sarif"),
        "head": head,
        "ref": "refs/pull/7/head",
    }
    statement = json.loads((runner.out / "verdict.json").read_text())
    assert statement["predicate"]["authorship"] == {"ai": False, "signals": []}
    assert "MERGEGATE_POLICY_COMPLETE" in statement["predicate"]["verifiedLevels"]
    assert "No sign of AI authorship" in runner.summary.read_text()


EDITED_EXPECTATION = {"tests/test_add.py": HARMLESS_TEST.replace("== 5", "== 6")}


@pytest.mark.docker
def test_a_forged_branch_prefix_only_tightens(repo: Repo, tmp_path: Path) -> None:
    # A repository that relaxes the test-expectation rule for its human authors.
    repo.commit(
        {
            ".gate.toml": 'profile = "relaxed"\n',
            "app/add.py": HARMLESS,
            "tests/test_add.py": HARMLESS_TEST,
        }
    )
    runner = Runner(tmp_path, repo)
    human = branch(repo, "tidy", EDITED_EXPECTATION)
    result = runner.gate(
        runner.environ("pull_request", pull_request(repo, human, "ann", "tidy")),
        "ci",
        "--only",
        "rules",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "GATE305" in result.stdout  # a warning under the relaxed profile
    forged = branch(repo, "claude/tidy", EDITED_EXPECTATION)
    payload = pull_request(repo, forged, "ann", "claude/tidy")
    result = runner.gate(runner.environ("pull_request", payload), "ci", "--only", "rules")
    assert result.returncode == 1, result.stdout + result.stderr
    assert outputs(runner.output)["ai-signals"] == '["branch:claude/tidy"]'
    assert "rules:GATE305" in runner.summary.read_text().split("**Warnings")[0]


@pytest.mark.docker
def test_ai_only_skips_a_change_with_no_sign_and_judges_one_with_a_sign(
    repo: Repo, tmp_path: Path
) -> None:
    runner = Runner(tmp_path, repo)
    head = branch(repo, "run", {"app/run.py": INSECURE})
    environ = runner.environ("pull_request", pull_request(repo, head, "ann", "run"))
    result = runner.gate(environ, "ci", "--ai-only", "--only", "rules")
    assert result.returncode == 0, result.stdout + result.stderr
    assert outputs(runner.output)["result"] == "SKIPPED"
    assert outputs(runner.output)["verdict"] == ""
    assert "mergegate: SKIPPED" in runner.summary.read_text()
    labelled = pull_request(repo, head, "ann", "run", labels=[{"name": "ai-generated"}])
    result = runner.gate(
        runner.environ("pull_request", labelled), "ci", "--ai-only", "--only", "rules"
    )
    assert result.returncode == 1, result.stdout + result.stderr


@pytest.mark.docker
def test_one_comment_follows_the_pull_request_even_when_it_cannot_be_judged(
    repo: Repo, tmp_path: Path
) -> None:
    runner = Runner(tmp_path, repo)
    head = branch(repo, "run", {"app/run.py": INSECURE})
    with serving(FakeGitHub()) as api:
        environ = {
            **runner.environ("pull_request", pull_request(repo, head, "ann", "run")),
            **api.environ(),
        }
        for _ in range(2):
            result = runner.gate(environ, "ci", "--only", "rules", "--comment")
            assert result.returncode == 1, result.stdout + result.stderr
            assert "comment" in result.stderr
        (comment,) = api.comments
        assert comment["body"].startswith(f"{github.MARKER}\n## ❌ mergegate: FAILED")
        # A new head the gate cannot judge: the old result must not stand for it.
        gone = pull_request(repo, "e" * 40, "ann", "run")
        result = runner.gate(
            {**runner.environ("pull_request", gone), **api.environ()}, "ci", "--comment"
        )
        assert result.returncode == 2, result.stdout + result.stderr
        (comment,) = api.comments
        assert "could not judge" in comment["body"] and "FAILED" not in comment["body"]
        assert outputs(runner.output)["result"] == "ERROR"


def workflow_run(runner: Runner, head: str) -> dict[str, str]:
    return runner.environ("workflow_run", {"workflow_run": {"head_sha": head, "id": 1}})


@pytest.mark.docker
def test_publishing_a_fork_s_artifact_trusts_nothing_in_it(repo: Repo, tmp_path: Path) -> None:
    runner = Runner(tmp_path, repo)
    head = branch(repo, "run", {"app/run.py": INSECURE})
    judged = runner.gate(
        runner.environ("pull_request", pull_request(repo, head, "ann", "run")),
        "ci",
        "--only",
        "rules",
    )
    assert judged.returncode == 1, judged.stdout + judged.stderr
    artifact = runner.out
    # The fork's run could write anything: here, SARIF that hides its finding.
    forged_sarif = json.loads((artifact / "report.sarif").read_text())
    for run in forged_sarif["runs"]:
        run["results"] = []
    (artifact / "report.sarif").write_text(json.dumps(forged_sarif))
    with serving(FakeGitHub(heads={7: head})) as api:
        environ = {**workflow_run(runner, head), **api.environ()}
        result = runner.gate(environ, "ci", "--publish", str(artifact))
        assert result.returncode == 1, result.stdout + result.stderr
        found = outputs(runner.output)
        assert (found["head"], found["ref"]) == (head, "refs/pull/7/head")
        published = Path(found["sarif"])
        assert artifact not in published.parents  # rendered afresh from the verdict
        results = [r for run in json.loads(published.read_text())["runs"] for r in run["results"]]
        assert [r["ruleId"] for r in results if r["level"] == "error"] == ["rules:GATE102"]
        (comment,) = api.comments
        assert "**Unverified**" in comment["body"] and "Signed by key" not in comment["body"]

        # An artifact of another commit than the run's, or a head that moved since.
        result = runner.gate(
            {**workflow_run(runner, "c" * 40), **api.environ()}, "ci", "--publish", str(artifact)
        )
        assert result.returncode == 2 and "another commit" in result.stderr
        environ = {**workflow_run(runner, head), **api.environ()}  # the run's own head again
        api.heads[7] = "f" * 40
        result = runner.gate(environ, "ci", "--publish", str(artifact))
        assert result.returncode == 2 and "no longer" in result.stderr
        api.heads[7] = head
        # A record that claims another result than its verdict.
        record = json.loads((artifact / "ci.json").read_text())
        (artifact / "ci.json").write_text(json.dumps({**record, "result": "PASSED"}))
        result = runner.gate(environ, "ci", "--publish", str(artifact))
        assert result.returncode == 2 and "does not match" in result.stderr
        assert len(api.comments) == 1


@pytest.mark.docker
def test_a_verdict_signed_by_the_repository_s_key_is_published_as_verified(
    repo: Repo, tmp_path: Path
) -> None:
    from gate.signing import keys

    keys.write_pair(tmp_path / "keys", keys.generate())
    runner = Runner(tmp_path, repo)
    head = branch(repo, "run", {"app/run.py": INSECURE})
    payload = pull_request(repo, head, "ann", "run")
    key = str(tmp_path / "keys" / "gate.key")
    judged = runner.gate(
        runner.environ("pull_request", payload), "ci", "--only", "rules", "--key", key
    )
    assert judged.returncode == 1, judged.stdout + judged.stderr
    with serving(FakeGitHub(heads={7: head})) as api:
        environ = {**workflow_run(runner, head), **api.environ()}
        trusted = str(tmp_path / "keys" / "gate.pub")
        result = runner.gate(environ, "ci", "--publish", str(runner.out), "--trust", trusted)
        assert result.returncode == 1, result.stdout + result.stderr
        (comment,) = api.comments
        assert "Unverified" not in comment["body"] and "Signed by key" in comment["body"]


def test_prepare_names_the_python_and_the_image_to_restore(repo: Repo, tmp_path: Path) -> None:
    from gate.sandbox import image, pythons

    runner = Runner(tmp_path, repo)
    repo.commit({"pyproject.toml": '[project]\nname = "app"\nrequires-python = ">=3.12"\n'})
    head = branch(repo, "py313", {"app/x.py": "x = 1\n"})
    payload = pull_request(repo, head, "ann", "py313")
    result = runner.gate(runner.environ("pull_request", payload), "ci", "--prepare")
    assert result.returncode == 0, result.stdout + result.stderr
    found = outputs(runner.output)
    assert found["python"] == "3.13"  # the base revision's requires-python decides
    assert found["image"] == image.plan("dockerfile", pythons.PYTHONS["3.13"]).tag
    assert found["head"] == head and not runner.out.exists()


@pytest.mark.docker
def test_a_push_is_judged_from_before_to_after(repo: Repo, tmp_path: Path) -> None:
    runner = Runner(tmp_path, repo)
    before = repo.git("rev-parse", "HEAD").strip()
    repo.commit({"app/add.py": HARMLESS}, "add")
    after = repo.commit({"tests/test_add.py": HARMLESS_TEST}, "test add")
    push = {"ref": "refs/heads/main", "before": before, "after": after, "sender": {"login": "ann"}}
    result = runner.gate(runner.environ("push", push), "ci", "--only", "static")
    assert result.returncode == 0, result.stdout + result.stderr
    found = outputs(runner.output)
    assert (found["result"], found["ai-authored"]) == ("PASSED", "false")
    statement = json.loads((runner.out / "verdict.json").read_text())
    assert statement["subject"][1]["digest"]["gitCommit"] == after
    assert json.loads((runner.out / "ci.json").read_text())["base"] == before
