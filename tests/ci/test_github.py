"""GitHub Actions without GitHub: event payloads with the fields GitHub documents, on
scratch repositories; the summary and outputs files as the runner reads them; the
comment against a local server that answers as GitHub's API does."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from gate._cli import main
from gate.authorship import Signal
from gate.ci import github
from gate.ci.interface import Judgement
from gate.errors import BadInputError

from ..conftest import Repo
from ..formats.test_sarif import many
from ..test_verdict import make_verdict
from .github_api import FakeGitHub, serving


def event(tmp_path: Path, name: str, payload: dict[str, object]) -> dict[str, str]:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(payload))
    return {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": str(path)}


def pull_request(base: str, head: str, **more: object) -> dict[str, object]:
    pr = {
        "number": 7,
        "title": "Fix the parser",
        "body": None,
        "labels": [{"name": "bug"}],
        "user": {"login": "ann", "type": "User"},
        "base": {"sha": base, "ref": "main"},
        "head": {"sha": head, "ref": "fix"},
    }
    return {
        "action": "synchronize",
        "number": 7,
        "pull_request": {**pr, **more},
        "sender": {"login": "ann"},
    }


def test_a_pull_request_is_its_head_against_where_it_left_its_base(
    repo: Repo, tmp_path: Path
) -> None:
    fork_point = repo.git("rev-parse", "HEAD").strip()
    repo.git("checkout", "-q", "-b", "fix")
    head = repo.commit({"app/x.py": "x = 1\n"}, "fix")
    repo.git("checkout", "-q", "main")
    moved = repo.commit({"app/y.py": "y = 1\n"}, "meanwhile on main")
    environ = event(tmp_path, "pull_request", pull_request(moved, head))
    described = github.GitHub().describe(environ, repo.path)
    assert (described.base, described.head, described.number) == (fork_point, head, 7)
    assert described.evidence.branch == "fix"
    assert described.evidence.labels == ("bug",)
    assert ("ann", "the pull request's author") in described.evidence.accounts


def test_a_push_is_before_to_after_and_a_new_branch_its_last_commit(
    repo: Repo, tmp_path: Path
) -> None:
    before = repo.git("rev-parse", "HEAD").strip()
    middle = repo.commit({"app/x.py": "x = 1\n"})
    after = repo.commit({"app/x.py": "x = 2\n"})
    push = {"ref": "refs/heads/main", "before": before, "after": after, "sender": {"login": "a"}}
    described = github.GitHub().describe(event(tmp_path, "push", push), repo.path)
    assert (described.base, described.head, described.evidence.branch) == (before, after, "main")
    new_branch = {**push, "before": "0" * 40}
    described = github.GitHub().describe(event(tmp_path, "push", new_branch), repo.path)
    assert (described.base, described.head) == (middle, after)
    with pytest.raises(BadInputError, match="deleted a branch"):
        github.GitHub().describe(event(tmp_path, "push", {**push, "after": "0" * 40}), repo.path)


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("issue_comment", {}, "judges pull_request and push events, not issue_comment"),
        ("pull_request", {"pull_request": {"number": 1}}, "lacks pull_request.user"),
        ("push", {"before": "1" * 40, "after": "2" * 40}, "pushed commit 222222222222 is not in"),
    ],
)
def test_events_it_cannot_judge_are_bad_input(
    repo: Repo, tmp_path: Path, name: str, payload: dict[str, object], message: str
) -> None:
    with pytest.raises(BadInputError, match=message) as raised:
        github.GitHub().describe(event(tmp_path, name, payload), repo.path)
    if name == "push":
        assert "fetch-depth: 0" in raised.value.diagnostics()


def test_gate_ci_outside_ci_is_one_line_and_exit_2(
    repo: Repo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["ci", str(repo.path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none was found" in err


def outputs(path: Path) -> dict[str, str]:
    text = path.read_text()
    return {m[1]: m[3] for m in re.finditer(r"(?m)^([\w-]+)<<(\S+)\n(.*?)\n\2$", text, re.S)}


def test_outputs_and_summary(tmp_path: Path) -> None:
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    summary.write_text("earlier step\n")
    signals = (Signal("branch", "codex/x", "the pull request's branch"),)
    verdict = dataclasses.replace(make_verdict(), ai_signals=signals)
    judged = Judgement("FAILED", signals, tmp_path / "out", verdict=verdict, ephemeral_key=True)
    environ = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    github.GitHub().publish(environ, judged, ["k" * 64])
    assert outputs(output) == {
        "result": "FAILED",
        "ai-authored": "true",
        "ai-signals": '["branch:codex/x"]',
        "verdict": str(tmp_path / "out" / "verdict.dsse.json"),
        "sarif": str(tmp_path / "out" / "report.sarif"),
    }
    text = summary.read_text()
    assert text.startswith("earlier step\n## ❌ mergegate: FAILED")  # appended, never replaced
    assert "**AI-authored**: `branch:codex/x`" in text
    assert "made for this run only" in text


def test_the_summary_of_5000_findings_stays_under_1_mib(tmp_path: Path) -> None:
    wordy = tuple(
        dataclasses.replace(j, finding=dataclasses.replace(j.finding, message="why " * 60))
        for j in many(5000)
    )
    verdict = dataclasses.replace(make_verdict(), findings=wordy)
    judged = Judgement("FAILED", (), tmp_path, verdict=verdict)
    summary = tmp_path / "summary.md"
    github.GitHub().publish({"GITHUB_STEP_SUMMARY": str(summary)}, judged, [])
    size = summary.stat().st_size
    assert 900_000 < size < 2**20
    text = summary.read_text()
    left = sum(int(n) for n in re.findall(r"_(\d+) more left out", text))
    assert left > 0 and text.count("| `src/m") + left == 5000


def test_one_comment_edited_in_place_and_only_its_own(tmp_path: Path) -> None:
    state = FakeGitHub()
    state.comments.append(
        {"id": 1, "body": f"{github.MARKER}\nforged", "user": {"login": "mallory"}}
    )
    with serving(state):
        assert github.comment(state.environ(), 7, "first verdict") == "created"
        assert github.comment(state.environ(), 7, "second verdict") == "updated"
    ours = [c for c in state.comments if c["user"]["login"] == "github-actions[bot]"]
    assert [c["body"] for c in ours] == [f"{github.MARKER}\nsecond verdict"]
    assert state.comments[0]["body"] == f"{github.MARKER}\nforged"  # someone else's: untouched
    assert "PATCH /repos/octo/app/issues/comments/1" not in state.calls


def test_without_its_own_identity_it_adds_a_comment_rather_than_edit_one() -> None:
    state = FakeGitHub(viewer=None)
    with serving(state):
        github.comment(state.environ(), 7, "a")
        github.comment(state.environ(), 7, "b")
    assert [c["body"].split("\n")[1] for c in state.comments] == ["a", "b"]


def test_a_comment_that_cannot_be_written_says_why() -> None:
    state = FakeGitHub()
    with serving(state), pytest.raises(github.CommentError, match="HTTP 401"):
        github.comment({**state.environ(), "GITHUB_TOKEN": "wrong"}, 7, "a")
    with pytest.raises(github.CommentError, match="GITHUB_TOKEN"):
        github.comment({"GITHUB_REPOSITORY": "octo/app"}, 7, "a")


def test_a_gate_that_cannot_judge_says_why_in_the_summary_too(
    repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    push = {"ref": "refs/heads/main", "before": "1" * 40, "after": "2" * 40}
    for name, value in {
        **event(tmp_path, "push", push),
        "GITHUB_STEP_SUMMARY": str(summary),
    }.items():
        monkeypatch.setenv(name, value)
    assert main(["ci", str(repo.path)]) == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith("gate: the pushed commit 222222222222 is not in the checkout")
    assert summary.read_text() == (
        "## ❌ mergegate could not judge this change\n\n" + line.removeprefix("gate: ") + "\n"
    )
