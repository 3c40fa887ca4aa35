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
from gate.ci.report import report
from gate.errors import BadInputError
from gate.formats import markdown

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


def test_a_push_is_before_to_after_and_a_new_branch_all_it_adds(repo: Repo, tmp_path: Path) -> None:
    before = repo.git("rev-parse", "HEAD").strip()
    repo.commit({"app/x.py": "x = 1\n"})
    after = repo.commit({"app/x.py": "x = 2\n"})
    push = {"ref": "refs/heads/main", "before": before, "after": after, "sender": {"login": "a"}}
    described = github.GitHub().describe(event(tmp_path, "push", push), repo.path)
    assert (described.base, described.head, described.evidence.branch) == (before, after, "main")
    assert described.policy_base == before
    # A new branch: every commit it adds to the default branch, not only its last.
    repo.git("checkout", "-q", "-b", "topic")
    repo.commit({"app/y.py": "y = 1\n"})
    tip = repo.commit({"app/y.py": "y = 2\n"})
    new_branch = {
        **push,
        "ref": "refs/heads/topic",
        "before": "0" * 40,
        "after": tip,
        "repository": {"default_branch": "main"},
    }
    described = github.GitHub().describe(event(tmp_path, "push", new_branch), repo.path)
    assert (described.base, described.head) == (after, tip)
    with pytest.raises(BadInputError, match="deleted a branch"):
        github.GitHub().describe(event(tmp_path, "push", {**push, "after": "0" * 40}), repo.path)


def test_a_pull_request_is_judged_by_its_target_branch_s_policy_as_it_is_now(
    repo: Repo, tmp_path: Path
) -> None:
    # Branching from an old commit must not bring back the policy it had then.
    repo.commit({".gate.toml": 'profile = "relaxed"\n'}, "relaxed, once")
    old = repo.git("rev-parse", "HEAD").strip()
    tip = repo.commit({".gate.toml": 'profile = "default"\n'}, "strict since")
    repo.git("checkout", "-q", "-b", "old-fork", old)
    head = repo.commit({"app/x.py": "x = 1\n"})
    environ = event(tmp_path, "pull_request", pull_request(tip, head))
    described = github.GitHub().describe(environ, repo.path)
    assert (described.base, described.policy_base) == (old, tip)


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("issue_comment", {}, "judges pull_request and push events, not issue_comment"),
        ("pull_request", {"pull_request": {"number": 1}}, "lacks pull_request.user"),
        (
            "push",
            {"ref": "refs/heads/x", "before": "1" * 40, "after": "2" * 40},
            "pushed commit 222222222222 is not in",
        ),
        (
            "push",
            {"ref": "refs/tags/v1", "before": "1" * 40, "after": "2" * 40},
            "pushes to branches, not to refs/tags/v1",
        ),
        ("pull_request_target", {}, "does not judge pull_request_target"),
    ],
)
def test_events_it_cannot_judge_are_bad_input(
    repo: Repo, tmp_path: Path, name: str, payload: dict[str, object], message: str
) -> None:
    with pytest.raises(BadInputError, match=message) as raised:
        github.GitHub().describe(event(tmp_path, name, payload), repo.path)
    if "not in" in message:
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
    judged = Judgement(
        "FAILED",
        "b" * 40,
        signals=signals,
        verdict=verdict,
        envelope=tmp_path / "out" / "verdict.dsse.json",
        sarif=tmp_path / "out" / "report.sarif",
        key="ephemeral",
        keyids=("k" * 64,),
        number=7,
    )
    environ = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    github.GitHub().publish(environ, judged, lambda limit: report(judged, limit))
    assert outputs(output) == {
        "result": "FAILED",
        "ai-authored": "true",
        "ai-signals": '["branch:codex/x"]',
        "verdict": str(tmp_path / "out" / "verdict.dsse.json"),
        "sarif": str(tmp_path / "out" / "report.sarif"),
        "head": "b" * 40,
        "ref": "refs/pull/7/head",
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
    judged = Judgement("FAILED", "b" * 40, verdict=verdict)
    summary = tmp_path / "summary.md"
    github.GitHub().publish(
        {"GITHUB_STEP_SUMMARY": str(summary)}, judged, lambda limit: report(judged, limit)
    )
    size = summary.stat().st_size
    assert 900_000 < size <= github.SUMMARY_LIMIT < 2**20
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
        assert "none was edited" in github.comment(state.environ(), 7, "a")
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
        "## ❌ mergegate could not judge this change\n\n"
        + markdown.text(line.removeprefix("gate: "))
        + "\n"
    )


def test_untrusted_text_cannot_mark_up_the_report() -> None:
    hostile = "see [this](https://evil.example) <img src=x> @maintainers **now**"
    signals = (Signal("label", "ai-generated", hostile),)
    verdict = dataclasses.replace(make_verdict(), ai_signals=signals, notes=(hostile,))
    for judged in (
        Judgement("FAILED", "b" * 40, signals=signals, verdict=verdict),
        Judgement("ERROR", "b" * 40, reason=hostile),
    ):
        text = report(judged, 60_000)
        assert "](" not in text and "<img" not in text and "**now**" not in text
        assert "@maintainers" not in text  # no mention: a zero-width space follows the @
