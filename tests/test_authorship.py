"""Signs of AI authorship, from commits as git records them and from a CI event."""

from __future__ import annotations

from gate import authorship
from gate.authorship import Commit, Evidence, Known
from gate.policy import loader

from .conftest import Repo

KNOWN = loader.build(loader.default_data(), "default").authorship


def commit(author=("Ann", "ann@example.com"), committer=None, message="Fix it") -> Commit:
    return Commit("a" * 40, author, committer or author, message)


def signs(*commits: Commit, evidence: Evidence | None = None) -> list[str]:
    return [str(s) for s in authorship.detect(KNOWN, commits, evidence or Evidence())]


def test_a_human_s_commit_shows_no_sign() -> None:
    assert signs(commit(message="Fix the parser\n\nSigned-off-by: Ann <ann@example.com>")) == []


def test_agent_accounts_as_authors_and_committers() -> None:
    copilot = ("copilot-swe-agent[bot]", "198982749+Copilot@users.noreply.github.com")
    assert signs(commit(author=copilot)) == [
        "author:copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>",
        "committer:copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>",
    ]
    # a bot's no-reply address names it, whatever the name says; case does not matter
    devin = ("Devin", "158243242+DEVIN-AI-INTEGRATION[bot]@users.noreply.github.com")
    assert signs(commit(committer=devin)) == [f"committer:Devin <{devin[1]}>"]


def test_co_author_trailers_with_known_addresses() -> None:
    message = (
        "Add the parser\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\n"
        "Co-Authored-By: Claude <noreply@anthropic.com>\n"
        "Co-authored-by: Bob <bob@example.com>\n"
    )
    assert signs(commit(message=message)) == [
        "co-author:Claude <noreply@anthropic.com>",
        "marker:generated with [claude code]",
    ]
    # A human named Claude is not an agent: the address decides.
    assert signs(commit(message="x\n\nCo-authored-by: Claude Monet <cm@example.com>")) == []
    cursor = "Co-authored-by: Cursor Agent <cursoragent@cursor.com>"
    assert signs(commit(message=f"x\n\n{cursor}")) == [
        "co-author:Cursor Agent <cursoragent@cursor.com>"
    ]


def test_the_event_s_author_branch_and_labels() -> None:
    evidence = Evidence(
        accounts=(("Copilot", "the pull request's author"), ("ann", "the event's sender")),
        branch="copilot/fix-the-parser",
        labels=("bug", "AI-Generated"),
        texts=(("Fix the parser", "title"),),
    )
    found = authorship.detect(KNOWN, [], evidence)
    assert [str(s) for s in found] == [
        "author:Copilot",
        "branch:copilot/fix-the-parser",
        "label:AI-Generated",
    ]
    assert found[0].where == "the pull request's author"
    assert signs(evidence=Evidence(accounts=(("claude[bot]", "author"),))) == ["author:claude[bot]"]


def test_signs_seen_in_real_histories() -> None:
    # From bench/authorship/scan.py over real repositories (bench/RESULTS.md).
    codex = "Tidy\n\nCo-authored-by: Codex <noreply@openai.com>"
    autofix = (
        "Fix code scanning alert no. 1\n\nCo-authored-by: Copilot Autofix powered by AI "
        "<62310815+github-advanced-security[bot]@users.noreply.github.com>"
    )
    copilot = ("Copilot", "223556219+Copilot@users.noreply.github.com")
    assert signs(commit(message=codex)) == ["co-author:Codex <noreply@openai.com>"]
    assert signs(commit(message=autofix)) == ["marker:copilot autofix"]
    assert signs(commit(author=copilot)) == [
        f"author:Copilot <{copilot[1]}>",
        f"committer:Copilot <{copilot[1]}>",
    ]


def test_dependabot_and_renovate_are_not_ai() -> None:
    for login in ("dependabot[bot]", "renovate[bot]"):
        bot = (login, f"49699333+{login}@users.noreply.github.com")
        evidence = Evidence(accounts=((login, "author"),), branch=f"{login[:-5]}/pip/x-1.2")
        assert signs(commit(author=bot), evidence=evidence) == []


def test_a_repository_adds_signs_and_cannot_take_the_shipped_ones_away() -> None:
    overlay = {"authorship": {"bots": ["our-agent"], "branch_prefixes": []}}
    known = loader.build(loader.merge(loader.default_data(), overlay), "x").authorship
    assert {"our-agent", "copilot-swe-agent"} <= known.bots
    assert "copilot/" in known.branch_prefixes
    assert Known.none().bots == frozenset()


def test_an_ai_change_is_judged_by_the_default_profile() -> None:
    relaxed = loader.build({**loader.default_data(), "profile": "relaxed"}, "x")
    tight = loader.tightened(relaxed)
    assert (relaxed.profile, tight.profile) == ("relaxed", "default")
    assert relaxed.actions["GATE305"].value == "warn" and tight.actions["GATE305"].value == "block"
    assert tight.digest != relaxed.digest  # the verdict names the policy it applied
    default = loader.build(loader.default_data(), "x")
    assert loader.tightened(default) is default


def test_commits_of_a_range(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    repo.write({"app/x.py": "x = 1\n"})
    repo.git("add", "--all")
    repo.git(
        "-c",
        "user.name=sweep-ai[bot]",
        "-c",
        "user.email=sweep@example.com",
        "commit",
        "-q",
        "-m",
        "Sweep: add x\n\nCo-authored-by: aider (gpt) <noreply@aider.chat>",
    )
    head = repo.commit({"app/y.py": "y = 1\n"}, "by hand")
    found = authorship.commits(repo.path, f"{base}..{head}")
    assert [c.message.splitlines()[0] for c in found] == ["by hand", "Sweep: add x"]
    assert [str(s) for s in authorship.detect(KNOWN, found, Evidence())] == [
        "author:sweep-ai[bot] <sweep@example.com>",
        "committer:sweep-ai[bot] <sweep@example.com>",
        "co-author:aider (gpt) <noreply@aider.chat>",
    ]
