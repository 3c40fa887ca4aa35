"""GitHub Actions: the change a ``pull_request`` or ``push`` event names, the job
summary and step outputs, the one pull-request comment the gate keeps up to date, and
the checks a ``workflow_run`` job makes before it publishes another run's artifact.

The event payload's fields are GitHub's documented ones; only those read here are
modelled, and a payload without them is bad input, not a crash.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from gate.authorship import Evidence
from gate.change import git, resolve_revision
from gate.ci.interface import Described, Environ, Judgement, ProviderName, Record, Render
from gate.errors import BadInputError, GateError
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


class _Repository(BaseModel):
    default_branch: str = ""


class _PushEvent(BaseModel):
    before: str
    after: str
    ref: str = ""
    sender: _Account | None = None
    repository: _Repository = _Repository()


class _WorkflowRun(BaseModel):
    head_sha: str


class _WorkflowRunEvent(BaseModel):
    workflow_run: _WorkflowRun


class _Comment(BaseModel):
    id: int
    body: str | None = None
    user: _Account | None = None


class GitHub:
    """GitHub Actions (``GITHUB_ACTIONS=true``)."""

    name: ProviderName = "github"

    def detected(self, environ: Environ) -> bool:
        return environ.get("GITHUB_ACTIONS") == "true"

    def workspace(self, environ: Environ) -> Path:
        return Path(environ.get("GITHUB_WORKSPACE") or os.getcwd())

    def out_dir(self, environ: Environ) -> Path:
        return Path(environ.get("RUNNER_TEMP") or ".") / "mergegate"

    def describe(self, environ: Environ, repo: Path) -> Described:
        event = environ.get("GITHUB_EVENT_NAME", "")
        if event == "pull_request_target":
            raise BadInputError(
                "gate ci does not judge pull_request_target events: that workflow holds "
                "secrets and write access while it reads the pull request",
                hint="run it on: pull_request (see examples/github/)",
            )
        payload = _payload(environ)
        try:
            if event == "pull_request":
                return _pull_request(_PullRequestEvent.model_validate(payload), repo)
            if event == "push":
                return _push(_PushEvent.model_validate(payload), repo)
        except ValidationError as exc:
            raise BadInputError(f"the {event} event payload {_first(exc)}") from exc
        raise BadInputError(
            f"gate ci judges pull_request and push events, not {event or 'an unnamed event'}",
            hint="run it on: pull_request or on: push, or use gate check --base --head",
        )

    def number(self, environ: Environ) -> int | None:
        if environ.get("GITHUB_EVENT_NAME") != "pull_request":
            return None
        try:
            return _PullRequestEvent.model_validate(_payload(environ)).pull_request.number
        except (BadInputError, ValidationError):
            return None

    def outputs(self, environ: Environ, values: Mapping[str, str]) -> None:
        path = environ.get("GITHUB_OUTPUT")
        if not path:
            return
        # The delimiter form takes any value safely (as @actions/core writes it).
        with open(path, "a", encoding="utf-8") as handle:
            for name, value in values.items():
                delimiter = f"ghadelimiter_{uuid.uuid4()}"
                handle.write(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")

    def publish(self, environ: Environ, judgement: Judgement, render: Render) -> None:
        summary = environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(render(SUMMARY_LIMIT))
        values = (
            judgement.result,
            "true" if judgement.signals else "false",
            json.dumps([str(s) for s in judgement.signals]),
            str(judgement.envelope or ""),
            str(judgement.sarif or ""),
        )
        self.outputs(environ, dict(zip(OUTPUTS, values, strict=True)))
        if judgement.number is not None and judgement.head:  # where code scanning files it
            pull = {"head": judgement.head, "ref": f"refs/pull/{judgement.number}/head"}
            self.outputs(environ, pull)

    def comment(self, environ: Environ, number: int, render: Render) -> str:
        return comment(environ, number, render(COMMENT_LIMIT))

    def check_artifact(self, environ: Environ, record: Record) -> None:
        if environ.get("GITHUB_EVENT_NAME") != "workflow_run":
            raise BadInputError("gate ci --publish runs on a workflow_run event")
        try:
            run = _WorkflowRunEvent.model_validate(_payload(environ)).workflow_run
        except ValidationError as exc:
            raise BadInputError(f"the workflow_run event payload {_first(exc)}") from exc
        if record.head != run.head_sha:
            raise BadInputError(
                "the artifact speaks of another commit than the run it came from "
                f"({record.head[:12]}, not {run.head_sha[:12]})"
            )
        if record.number is None:
            raise BadInputError("the artifact names no pull request: nothing to publish")
        current = head_of(environ, record.number)
        if current != record.head:
            raise BadInputError(
                f"pull request {record.number}'s head is no longer {record.head[:12]} "
                f"but {current[:12]}: not publishing an old or foreign result"
            )


def _first(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"lacks {'.'.join(str(p) for p in first['loc'])}: {first['msg']}"


def _payload(environ: Environ) -> Any:
    path = environ.get("GITHUB_EVENT_PATH")
    if not path:
        raise BadInputError("GITHUB_EVENT_PATH is not set", hint="gate ci runs inside a workflow")
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInputError(f"cannot read the event payload {path}: {exc}") from exc


def _pull_request(payload: _PullRequestEvent, repo: Path) -> Described:
    pr = payload.pull_request
    head = _commit(repo, pr.head.sha, "the pull request's head")
    tip = _commit(repo, pr.base.sha, "the pull request's base")
    base = _merge_base(repo, tip, head)
    if base is None:
        raise BadInputError(
            f"the pull request's head {head[:12]} has no common history with its base",
            hint="check out with fetch-depth: 0",
        )
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
    # The change is what the pull request adds since it left its base (GitHub's own
    # diff); the policy is the target branch's as it is now.
    return Described("github", "pull_request", base, head, tip, evidence, number=pr.number)


def _push(payload: _PushEvent, repo: Path) -> Described:
    if not payload.ref.startswith("refs/heads/"):
        raise BadInputError(f"gate ci judges pushes to branches, not to {payload.ref or '?'}")
    if payload.after == _NO_COMMIT:
        raise BadInputError("the push deleted a branch: nothing to judge")
    head = _commit(repo, payload.after, "the pushed commit")
    if payload.before != _NO_COMMIT:
        base = _commit(repo, payload.before, "the commit before the push")
    else:  # a new branch: everything it adds to the default branch
        base = _new_branch_base(repo, head, payload.repository.default_branch)
    accounts = ((payload.sender.login, "the event's sender"),) if payload.sender else ()
    evidence = Evidence(accounts=accounts, branch=payload.ref.removeprefix("refs/heads/"))
    return Described("github", "push", base, head, base, evidence)


def _new_branch_base(repo: Path, head: str, default: str) -> str:
    for ref in (f"refs/remotes/origin/{default}", f"refs/heads/{default}"):
        try:
            tip = resolve_revision(repo, ref) if default else None
        except GateError:
            continue
        base = _merge_base(repo, tip, head) if tip else None
        if base is not None and base != head:
            return base
    try:  # no default branch to compare with: the last commit against its parent
        return resolve_revision(repo, f"{head}^")
    except GateError as exc:
        raise BadInputError(
            f"the pushed commit {head[:12]} has no parent and the default branch "
            f"{default or '?'} is not in the checkout: nothing to compare it with",
            hint="check out with fetch-depth: 0",
        ) from exc


def _merge_base(repo: Path, one: str, other: str) -> str | None:
    try:
        return git(repo, "merge-base", one, other).decode().strip() or None
    except ProcessError:
        return None


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
    else add one. Says what it did."""
    api = _Api(environ)
    repository = _repository(environ)
    text = f"{MARKER}\n{body}"
    me = api.login()
    if me is None:  # never edit a comment someone else wrote, marker or not
        api.call("POST", f"/repos/{repository}/issues/{number}/comments", text)
        return "created (the token's own login is unknown, so none was edited)"
    for existing in api.comments(repository, number):
        if existing.user and existing.user.login == me and MARKER in (existing.body or ""):
            api.call("PATCH", f"/repos/{repository}/issues/comments/{existing.id}", text)
            return "updated"
    api.call("POST", f"/repos/{repository}/issues/{number}/comments", text)
    return "created"


def head_of(environ: Environ, number: int) -> str:
    """The head commit of pull request ``number``, as GitHub has it now."""
    found = _Api(environ).call("GET", f"/repos/{_repository(environ)}/pulls/{number}")
    try:
        return _PullRequest.model_validate(found).head.sha
    except ValidationError as exc:
        raise CommentError(f"GitHub's answer for pull request {number} is not one") from exc


def _repository(environ: Environ) -> str:
    repository = environ.get("GITHUB_REPOSITORY", "")
    if repository.count("/") != 1:
        raise CommentError("GITHUB_REPOSITORY is not set (owner/name)")
    return repository


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
            try:
                found += [_Comment.model_validate(c) for c in batch]
            except ValidationError as exc:
                raise CommentError("GitHub's list of comments is not one") from exc
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
            return json.loads(text) if text else None
        except urllib.error.HTTPError as exc:
            raise CommentError(f"{method} {url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise CommentError(f"{method} {url}: {exc}") from exc
        except ValueError as exc:  # JSON that is not
            raise CommentError(f"{method} {url}: the answer is not JSON") from exc
