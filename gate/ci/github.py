"""GitHub Actions: the change a ``pull_request`` or ``push`` event names, the job
summary and step outputs, and the one pull-request comment the gate keeps up to date.

The event payload's fields are GitHub's documented ones; only those read here are
modelled, and a payload without them is bad input, not a crash.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from gate.authorship import Evidence
from gate.change import git, resolve_revision
from gate.ci.interface import Described, Environ, Judgement
from gate.errors import BadInputError, GateError
from gate.formats import markdown
from gate.process import ProcessError

SUMMARY_LIMIT = 1_000_000
"""Bytes of the job summary: GitHub drops a step's summary above 1 MiB whole."""
COMMENT_LIMIT = 60_000
"""Bytes of the pull-request comment: GitHub refuses a body above 65,536 characters."""
OUTPUTS = ("result", "ai-authored", "ai-signals", "verdict", "sarif")
"""The step outputs ``gate ci`` sets (and the action passes on)."""
MARKER = "<!-- mergegate:pull-request-comment -->"
"""The hidden line that finds the gate's own comment again."""
_NO_COMMIT = "0" * 40


class _Account(BaseModel):
    login: str


class _Ref(BaseModel):
    sha: str
    ref: str = ""


class _Label(BaseModel):
    name: str


class _PullRequest(BaseModel):
    number: int
    user: _Account
    base: _Ref
    head: _Ref
    title: str = ""
    body: str | None = None
    labels: list[_Label] = []


class _PullRequestEvent(BaseModel):
    pull_request: _PullRequest
    sender: _Account | None = None


class _PushEvent(BaseModel):
    before: str
    after: str
    ref: str = ""
    sender: _Account | None = None


class _Comment(BaseModel):
    id: int
    body: str | None = None
    user: _Account | None = None


class GitHub:
    """GitHub Actions (``GITHUB_ACTIONS=true``)."""

    name = "github"

    def detected(self, environ: Environ) -> bool:
        return environ.get("GITHUB_ACTIONS") == "true"

    def describe(self, environ: Environ, repo: Path) -> Described:
        event = environ.get("GITHUB_EVENT_NAME", "")
        payload = _payload(environ)
        try:
            if event in ("pull_request", "pull_request_target"):
                return _pull_request(_PullRequestEvent.model_validate(payload), event, repo)
            if event == "push":
                return _push(_PushEvent.model_validate(payload), repo)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise BadInputError(f"the {event} event payload lacks {where}: {first['msg']}") from exc
        raise BadInputError(
            f"gate ci judges pull_request and push events, not {event or 'an unnamed event'}",
            hint="run it `on: pull_request` or `on: push`, or use gate check --base --head",
        )

    def out_dir(self, environ: Environ) -> Path:
        return Path(environ.get("RUNNER_TEMP") or ".") / "mergegate"

    def publish(self, environ: Environ, judgement: Judgement, keyids: Sequence[str]) -> None:
        summary = environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(report(judgement, keyids, SUMMARY_LIMIT))
        values = (
            judgement.result,
            "true" if judgement.signals else "false",
            json.dumps([str(s) for s in judgement.signals]),
            str(judgement.envelope or ""),
            str(judgement.sarif or ""),
        )
        self.outputs(environ, dict(zip(OUTPUTS, values, strict=True)))

    def could_not_judge(self, environ: Environ, message: str) -> None:
        summary = environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(
                    f"## ❌ mergegate could not judge this change\n\n{_escaped(message)}\n"
                )

    def outputs(self, environ: Environ, values: Mapping[str, str]) -> None:
        path = environ.get("GITHUB_OUTPUT")
        if not path:
            return
        # The delimiter form takes any value safely (as @actions/core writes it).
        with open(path, "a", encoding="utf-8") as handle:
            for name, value in values.items():
                delimiter = f"ghadelimiter_{uuid.uuid4()}"
                handle.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")


def report(judgement: Judgement, keyids: Sequence[str], limit: int) -> str:
    """The Markdown of the summary or comment, at most ``limit`` bytes."""
    lines = [
        _authorship_line(judgement),
        *(
            ["> Signed with a key made for this run only (no `signing-key` given): the "
             "signature shows the files were not altered since, not who made them.", ""]
            if judgement.ephemeral_key
            else []
        ),
    ]  # fmt: skip
    preface = "\n".join(lines) + "\n"
    if judgement.verdict is None:
        return f"## mergegate: SKIPPED\n\n{preface}{judgement.skipped}\n"
    body = markdown.render(
        judgement.verdict, keyids=keyids, max_bytes=limit - len(preface.encode()) - 1
    )
    head, _, rest = body.partition("\n\n")
    return f"{head}\n\n{preface}\n{rest}"


def _escaped(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _authorship_line(judgement: Judgement) -> str:
    if not judgement.signals:
        return "No sign of AI authorship was seen (the default profile applies all the same)."
    seen = ", ".join(f"`{markdown.code(str(s))}` ({s.where})" for s in judgement.signals)
    return f"**AI-authored**: {seen}. Judged by the default profile."


def _payload(environ: Environ) -> Any:
    path = environ.get("GITHUB_EVENT_PATH")
    if not path:
        raise BadInputError("GITHUB_EVENT_PATH is not set", hint="gate ci runs inside a workflow")
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(f"cannot read the event payload {path}: {exc}") from exc


def _pull_request(payload: _PullRequestEvent, event: str, repo: Path) -> Described:
    pr = payload.pull_request
    head = _commit(repo, pr.head.sha, "the pull request's head")
    tip = _commit(repo, pr.base.sha, "the pull request's base")
    try:  # the pull request's own change: from where it left its base (GitHub's diff)
        base = git(repo, "merge-base", tip, head).decode().strip()
    except ProcessError as exc:
        raise BadInputError(
            f"the pull request's head {head[:12]} has no common history with its base",
            hint="check out with fetch-depth: 0",
        ) from exc
    accounts = [(pr.user.login, "the pull request's author")]
    if payload.sender is not None:
        accounts.append((payload.sender.login, "the event's sender"))
    evidence = Evidence(
        accounts=tuple(accounts),
        branch=pr.head.ref or None,
        labels=tuple(label.name for label in pr.labels),
        texts=(
            (pr.title, "the pull request's title"),
            (pr.body or "", "the pull request's description"),
        ),
    )
    return Described("github", event, base, head, evidence, number=pr.number)


def _push(payload: _PushEvent, repo: Path) -> Described:
    if payload.after == _NO_COMMIT:
        raise BadInputError("the push deleted a branch: nothing to judge")
    head = _commit(repo, payload.after, "the pushed commit")
    if payload.before == _NO_COMMIT:  # a new branch: its last commit against its parent
        base = _commit(repo, f"{head}^", "the parent of the pushed commit")
    else:
        base = _commit(repo, payload.before, "the commit before the push")
    accounts = ((payload.sender.login, "the event's sender"),) if payload.sender else ()
    branch = payload.ref.removeprefix("refs/heads/") or None
    return Described("github", "push", base, head, Evidence(accounts=accounts, branch=branch))


def _commit(repo: Path, revision: str, what: str) -> str:
    try:
        return resolve_revision(repo, revision)
    except GateError as exc:
        raise BadInputError(
            f"{what} {revision[:12]} is not in the checkout",
            hint="check out with fetch-depth: 0 (actions/checkout) so both ends are there",
        ) from exc


class CommentError(GateError):
    """The pull-request comment could not be written (the verdict stands)."""


def comment(environ: Environ, number: int, body: str) -> str:
    """Write ``body`` as the gate's one comment on pull request ``number``: edit the
    comment that carries :data:`MARKER` and was written by this token's own identity,
    else add one. Returns ``created`` or ``updated``."""
    api = _Api(environ)
    repository = environ.get("GITHUB_REPOSITORY", "")
    if "/" not in repository:
        raise CommentError("GITHUB_REPOSITORY is not set")
    text = f"{MARKER}\n{body}"
    me = api.login()
    if me is not None:  # never edit a comment someone else wrote, marker or not
        for existing in api.comments(repository, number):
            if existing.user and existing.user.login == me and MARKER in (existing.body or ""):
                api.call("PATCH", f"/repos/{repository}/issues/comments/{existing.id}", text)
                return "updated"
    api.call("POST", f"/repos/{repository}/issues/{number}/comments", text)
    return "created"


class _WorkflowRun(BaseModel):
    head_sha: str


class _WorkflowRunEvent(BaseModel):
    workflow_run: _WorkflowRun


def triggering_head(environ: Environ) -> str:
    """The head commit of the run a ``workflow_run`` event follows (GitHub's word,
    unlike anything in that run's artifact)."""
    if environ.get("GITHUB_EVENT_NAME") != "workflow_run":
        raise BadInputError("gate ci --publish runs on a workflow_run event")
    try:
        return _WorkflowRunEvent.model_validate(_payload(environ)).workflow_run.head_sha
    except ValidationError as exc:
        raise BadInputError("the workflow_run event payload lacks workflow_run.head_sha") from exc


def head_of(environ: Environ, number: int) -> str:
    """The head commit of pull request ``number``, as GitHub has it now."""
    repository = environ.get("GITHUB_REPOSITORY", "")
    found = _Api(environ).call("GET", f"/repos/{repository}/pulls/{number}")
    try:
        return _PullRequest.model_validate(found).head.sha
    except ValidationError as exc:
        raise CommentError(f"GitHub's answer for pull request {number} is not one") from exc


class _Api:
    """The few REST and GraphQL calls the comment needs, with the workflow's token."""

    def __init__(self, environ: Environ) -> None:
        self.token = environ.get("GITHUB_TOKEN") or environ.get("GH_TOKEN") or ""
        if not self.token:
            raise CommentError("no GITHUB_TOKEN to write the comment with")
        self.rest = environ.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
        self.graphql = environ.get("GITHUB_GRAPHQL_URL", f"{self.rest}/graphql")
        for url in (self.rest, self.graphql):
            if not url.startswith(("https://", "http://")):
                raise CommentError(f"the API's address {url!r} is not an http(s) URL")

    def login(self) -> str | None:
        """The token's own login (``github-actions[bot]`` for the workflow's token):
        GraphQL's viewer answers for an installation token, where REST's /user does not."""
        try:
            found = self._send("POST", self.graphql, {"query": "query { viewer { login } }"})
            login = found["data"]["viewer"]["login"]
        except (CommentError, KeyError, TypeError):
            return None
        return login if isinstance(login, str) else None

    def comments(self, repository: str, number: int) -> list[_Comment]:
        found: list[_Comment] = []
        for page in range(1, 100):
            batch = self.call(
                "GET", f"/repos/{repository}/issues/{number}/comments?per_page=100&page={page}"
            )
            if not isinstance(batch, list):
                raise CommentError("GitHub's list of comments is not a list")
            found += [_Comment.model_validate(c) for c in batch]
            if len(batch) < 100:
                break
        return found

    def call(self, method: str, path: str, body: str | None = None) -> Any:
        return self._send(method, self.rest + path, None if body is None else {"body": body})

    def _send(self, method: str, url: str, data: dict[str, Any] | None) -> Any:
        request = urllib.request.Request(  # noqa: S310 (an http(s) URL, checked above)
            url,
            method=method,
            data=None if data is None else json.dumps(data).encode(),
            headers={
                "Authorization": f"Bearer {self.token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": "mergegate",
                "Content-Type": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
                text = answer.read()
        except urllib.error.HTTPError as exc:
            raise CommentError(f"{method} {url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise CommentError(f"{method} {url}: {exc}") from exc
        return json.loads(text) if text else None


def workspace(environ: Environ) -> Path:
    """The checkout's folder (``GITHUB_WORKSPACE``), else the current one."""
    return Path(environ.get("GITHUB_WORKSPACE") or os.getcwd())
