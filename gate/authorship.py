"""Signs that a change was written by an AI agent: its commits' authors, committers,
co-author trailers and messages, and what a CI event says (the pull request's author,
branch and labels). Each sign can only make the gate stricter: all are easy to forge or
strip, so none lets a change skip the gate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from gate.change import git

SignalKind = Literal["author", "committer", "co-author", "marker", "branch", "label"]
"""Where a sign was seen."""


@dataclass(frozen=True)
class Signal:
    """One sign of AI authorship."""

    kind: SignalKind
    """Where it was seen."""
    value: str
    """What was seen (a login, an address, a branch, a label, a marker)."""
    where: str
    """Which commit or which part of the event, in words."""

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Signal:
        """A sign read back from a verdict (ValueError if it is not one)."""
        if set(raw) != {"kind", "value", "where"}:
            raise ValueError(f"not a sign of AI authorship: {raw!r}")
        kind, value, where = raw["kind"], raw["value"], raw["where"]
        if kind not in get_args(SignalKind) or not isinstance(value, str):
            raise ValueError(f"not a sign of AI authorship: {raw!r}")
        return cls(kind, value, str(where))


@dataclass(frozen=True)
class Known:
    """What counts as a sign: the policy's ``[authorship]`` table."""

    bots: frozenset[str]
    """Account logins of coding agents, lower case, without ``[bot]``."""
    addresses: frozenset[str]
    """E-mail addresses agents author or co-author commits with, lower case."""
    markers: tuple[str, ...]
    """Text agents put in commit messages or pull-request bodies, lower case."""
    branch_prefixes: tuple[str, ...]
    """Branch name prefixes agents open pull requests from."""
    labels: frozenset[str]
    """Pull-request labels that say an agent wrote it, lower case."""

    @classmethod
    def none(cls) -> Known:
        """Nothing counts as a sign."""
        return cls(frozenset(), frozenset(), (), (), frozenset())

    @classmethod
    def from_policy(cls, table: Mapping[str, Any]) -> Known:
        """From ``[authorship]`` of the policy's data (lists of strings, checked there)."""

        def items(key: str) -> list[str]:
            return [str(v).strip().lower() for v in table.get(key, []) if str(v).strip()]

        return cls(
            bots=frozenset(_login(v) for v in items("bots")),
            addresses=frozenset(items("addresses")),
            markers=tuple(items("markers")),
            branch_prefixes=tuple(items("branch_prefixes")),
            labels=frozenset(items("labels")),
        )


@dataclass(frozen=True)
class Evidence:
    """What a CI event says about a change besides its commits."""

    accounts: tuple[tuple[str, str], ...] = ()
    """``(login, where)`` of the accounts that opened or pushed it."""
    branch: str | None = None
    """The branch it comes from."""
    labels: tuple[str, ...] = ()
    """The pull request's labels."""
    texts: tuple[tuple[str, str], ...] = ()
    """``(text, where)``: the pull request's title and body."""


@dataclass(frozen=True)
class Commit:
    """The parts of a commit that can carry a sign."""

    sha: str
    """The commit's id."""
    author: tuple[str, str]
    """Name and address of its author."""
    committer: tuple[str, str]
    """Name and address of its committer."""
    message: str
    """Its whole message, trailers included."""


def detect(known: Known, commits: Iterable[Commit], evidence: Evidence) -> tuple[Signal, ...]:
    """Every sign of AI authorship, each once, in the order found."""
    found: dict[tuple[str, str], Signal] = {}

    def add(kind: SignalKind, value: str, where: str) -> None:
        found.setdefault((kind, value.lower()), Signal(kind, value, where))

    for login, where in evidence.accounts:
        if _login(login) in known.bots:
            add("author", login, where)
    if evidence.branch and evidence.branch.lower().startswith(known.branch_prefixes):
        add("branch", evidence.branch, "the pull request's branch")
    for label in evidence.labels:
        if label.lower() in known.labels:
            add("label", label, "the pull request's labels")
    for text, where in evidence.texts:
        for marker in _markers(known, text):
            add("marker", marker, where)
    for commit in commits:
        where = f"commit {commit.sha[:12]}"
        if _is_agent(known, *commit.author):
            add("author", _person(*commit.author), where)
        if _is_agent(known, *commit.committer):
            add("committer", _person(*commit.committer), where)
        for name, address in _trailers(commit.message):
            if _is_agent(known, name, address):
                add("co-author", _person(name, address), where)
        for marker in _markers(known, commit.message):
            add("marker", marker, where)
    return tuple(found.values())


def commits(repo: Path, *revisions: str) -> list[Commit]:
    """The commits ``git log`` lists for ``revisions`` (``base..head``, ``--all``),
    newest first."""
    out = git(repo, "log", "--format=%H%x00%an%x00%ae%x00%cn%x00%ce%x00%B%x1e", *revisions)
    found = []
    for record in out.decode("utf-8", "replace").split("\x1e"):
        fields = record.strip("\n").split("\x00")
        if len(fields) == 6:
            sha, an, ae, cn, ce, message = fields
            found.append(Commit(sha, (an, ae), (cn, ce), message))
    return found


# A GitHub no-reply address names the account: 12345+login@users.noreply.github.com.
_NOREPLY = re.compile(r"^(?:\d+\+)?(?P<login>[^@]+)@users\.noreply\.github\.com$", re.I)
_TRAILER = re.compile(r"^co-authored-by:\s*(?P<name>.*?)\s*<(?P<address>[^>]*)>\s*$", re.I | re.M)


def _login(name: str) -> str:
    """A login compared as GitHub shows it in either form: lower case, no ``[bot]``."""
    name = name.strip().lower()
    return name.removesuffix("[bot]")


def _is_agent(known: Known, name: str, address: str) -> bool:
    address = address.strip().lower()
    if address in known.addresses:
        return True
    noreply = _NOREPLY.match(address)
    if noreply and _login(noreply["login"]) in known.bots:
        return True
    # A bot account's commits carry its login as the name ("copilot-swe-agent[bot]").
    return name.strip().lower().endswith("[bot]") and _login(name) in known.bots


def _person(name: str, address: str) -> str:
    return f"{name} <{address}>"


def _trailers(message: str) -> Sequence[tuple[str, str]]:
    return [(m["name"], m["address"]) for m in _TRAILER.finditer(message)]


def _markers(known: Known, text: str) -> list[str]:
    lowered = text.lower()
    return [marker for marker in known.markers if marker in lowered]
