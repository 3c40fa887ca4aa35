"""The whole gate, stage by stage: change, policy, workspace, checks, policy
evaluation, verdict. Signing and rendering happen in the caller.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import assert_never
from urllib.parse import urlsplit, urlunsplit

from gate import __version__, authorship
from gate import change as intake
from gate.authorship import Evidence
from gate.change import Change, git
from gate.checks import registry
from gate.checks.interface import (
    Check,
    CheckContext,
    Completed,
    Deadline,
    Errored,
    Outcome,
    RunOptions,
    Skipped,
    Slots,
)
from gate.checks.suite.tests import NOT_REQUIRED
from gate.errors import BadInputError
from gate.findings import Finding
from gate.policy import loader
from gate.policy.conditions import conditions, judge
from gate.policy.interface import Results
from gate.policy.model import Policy
from gate.process import ProcessError
from gate.sandbox import environment, pythons, runs
from gate.sandbox.select import open_sandbox
from gate.verdict import CheckResult, Verdict, digest, levels
from gate.workspace import Workspace


@dataclass(frozen=True)
class Request:
    """What to judge and how; the library form of ``gate check``'s arguments."""

    path: Path = Path()
    """A path inside the repository."""
    base: str | None = None
    """Base revision (default HEAD)."""
    head: str | None = None
    """Changed revision, for a commit range."""
    staged: bool = False
    """Judge the index instead of the working tree."""
    patch: bytes | None = None
    """A unified diff to judge, applying to ``base``."""
    patch_label: str = "patch"
    """How to name the patch in messages."""
    policy_file: Path | None = None
    """A policy file to use instead of the repository's config."""
    only: Sequence[str] = ()
    """Check ids or groups to run (default: what the policy enables)."""
    skip: Sequence[str] = ()
    """Check ids or groups not to run."""
    jobs: int | None = None
    """How many sandboxed commands run at once (default: the number of cores)."""
    sandbox: str = "auto"
    """Which sandbox runs the tools: ``auto`` (docker, then bwrap), ``docker`` or ``bwrap``."""
    unsafe_no_sandbox: bool = False
    """Run the tools on the host (recorded, and failed by the default policy)."""
    offline: bool = False
    """Never reach a package index: the test environment must be in the cache."""
    cache: Path | None = None
    """The cache folder (default: ``GATE_CACHE_DIR`` or the user's cache dir)."""
    progress: Callable[[str], object] = field(default=lambda _: None, compare=False)
    """Called with a line on what a long step is doing (building the test environment)."""
    policy_base: str | None = None
    """The revision whose policy judges the change (default: ``base``); for a pull
    request, its target branch as it is now, not the older commit it branched from."""
    evidence: Evidence = field(default_factory=Evidence)
    """What a CI event says of the change's authorship (its commits are read anyway)."""


@dataclass(frozen=True)
class Run:
    """A finished run: the verdict, and the raw tool outputs it digests."""

    verdict: Verdict
    """The decision."""
    outputs: Mapping[str, bytes] = field(default_factory=dict)
    """Each check's raw output, by check id (kept under ``--out``)."""


def run(request: Request) -> Run:
    """Judge one change. Raises GateError for bad input; tool failures fail the verdict."""
    repo = intake.find_repository(request.path)
    change = read_change(repo, request)
    policy = loader.load(repo, request.policy_base or change.base, request.policy_file)
    signals = authorship.detect(policy.authorship, commits_of(change), request.evidence)
    if signals:  # an AI's change is judged by the strict profile, whatever the config says
        policy = loader.tightened(policy)
    checks, notes = select(policy, request.only, request.skip)
    if signals:
        notes.append(f"AI-authored by {len(signals)} sign(s): {', '.join(map(str, signals))}")
    started = datetime.now(UTC)
    runs.sweep_folders()  # what runs killed before they could clean up left behind
    found = environment.declared_at(repo, change.base)
    chosen = pythons.choose(found, policy.python)
    with Workspace(change) as workspace:
        sandbox = open_sandbox(
            request.sandbox, unsafe_no_sandbox=request.unsafe_no_sandbox, python=chosen.python
        )
        with closing(sandbox):
            options = RunOptions(
                checks=frozenset(c.id for c in checks),
                offline=request.offline,
                cache=request.cache,
                progress=request.progress,
            )
            context = CheckContext(
                change,
                workspace,
                policy,
                sandbox,
                options,
                deadline=Deadline(policy.timeout),
                slots=Slots(request.jobs),
                python=chosen.python,
                declared=found,
            )
            timed = run_checks(checks, context)
    outcomes = {check_id: outcome for check_id, (outcome, _) in timed.items()}
    tests = outcomes.get("tests")
    tests_ran = isinstance(tests, Completed)
    unrequired = frozenset(
        f.path
        for f in (tests.findings if isinstance(tests, Completed) else ())
        if f.rule_id == NOT_REQUIRED
    )
    judged = sorted(
        (
            judge(f, policy, started.date(), tests_ran=tests_ran, unrequired=unrequired)
            for f in findings_of(outcomes)
        ),
        key=lambda j: j.finding.sort_key(),
    )
    reasons = conditions(policy).failures(Results(outcomes, judged, sandbox.name))
    result = "FAILED" if reasons else "PASSED"
    verdict = Verdict(
        result=result,
        subject_digest=change.digest,
        head_commit=change.head,
        change_label=change.label,
        files=tuple(f.path for f in change.files),
        resource_uri=resource_uri(change),
        policy_uri=policy.uri,
        policy_digest=policy.digest,
        time_verified=started,
        versions=versions(checks),
        levels=levels(result, list(outcomes), policy.enabled, registry.GROUPS),
        checks=tuple(_record(c, *timed[c.id]) for c in checks),
        findings=tuple(judged),
        reasons=tuple(reasons),
        notes=tuple(notes),
        sandbox=sandbox.name,
        python=chosen.python.version if sandbox.name != "none" else _host_python(),
        python_reason=chosen.why if sandbox.name != "none" else "the host's (no sandbox)",
        ai_signals=signals,
    )
    return Run(verdict, {cid: raw for cid, (o, _) in timed.items() if (raw := _raw(o))})


def read_change(repo: Path, request: Request) -> Change:
    """The change from whichever source the request names."""
    if request.patch is not None:
        if request.head or request.staged:
            raise BadInputError("--patch cannot be combined with --head or --staged")
        return intake.from_patch(repo, request.patch, base=request.base, label=request.patch_label)
    if request.head is not None:
        if request.staged:
            raise BadInputError("--head cannot be combined with --staged")
        return intake.from_revisions(repo, request.base or "HEAD", request.head)
    if request.staged:
        return intake.from_index(repo, request.base)
    return intake.from_worktree(repo, request.base)


def commits_of(change: Change) -> list[authorship.Commit]:
    """The commits of a commit range (none for a diff, the index or the working tree)."""
    if change.head is None:
        return []
    return authorship.commits(change.repo, f"{change.base}..{change.head}")


def select(
    policy: Policy, only: Sequence[str], skip: Sequence[str]
) -> tuple[list[Check], list[str]]:
    """The checks to run, and notes on what the command line left out."""
    available = registry.available()
    known = set(available) | set(policy.enabled)
    chosen = registry.expand(only, known) if only else set(policy.enabled)
    chosen -= registry.expand(skip, known)
    if not chosen:
        raise BadInputError("no checks left to run after --only/--skip")
    order = list(policy.enabled) + sorted(set(available) - set(policy.enabled))
    checks = [available.get(cid) or Unavailable(cid) for cid in order if cid in chosen]
    left_out = [cid for cid in policy.enabled if cid not in chosen]
    notes = [f"partial run: {', '.join(left_out)} not run"] if left_out else []
    return checks, notes


class Unavailable:
    """A check the policy asks for that this installation does not have."""

    def __init__(self, check_id: str) -> None:
        self.id = check_id

    def tool_version(self) -> str | None:
        return None

    def run(self, context: CheckContext) -> Outcome:
        return Errored(f"check {self.id!r} is not available in this installation")


def run_checks(checks: Sequence[Check], context: CheckContext) -> dict[str, tuple[Outcome, float]]:
    """Run the checks concurrently; an exception inside a check makes it Errored.

    Every check has its own thread; the sandboxed commands take turns by the context's
    ``slots``, first come first served, and the checks that run the suite come first:
    they take longest, and the others fit around them.

    On Ctrl-C (or SIGTERM) the sandbox stops every job still running, so that the
    interrupt does not wait for them.
    """
    pool = ThreadPoolExecutor(max_workers=max(1, len(checks)), thread_name_prefix="gate-check")
    overrun = False
    first = registry.GROUPS["dynamic"]
    ordered = sorted(checks, key=lambda c: c.id not in first)
    try:
        futures = {c.id: pool.submit(_timed, c, context) for c in ordered}
        pending = set(futures.values())
        while pending:
            # Wake up often: a signal the kernel hands to a worker thread only sets a
            # flag, and the main thread must run to raise it (SIGTERM as KeyboardInterrupt).
            _, pending = wait(pending, timeout=0.25)
            deadline = context.deadline
            if pending and deadline is not None and deadline.left() < -OVERRUN_GRACE:
                # A check stuck outside its sandboxed commands: stop every job, and
                # give up on what has not ended, rather than overrun the time limit.
                overrun = True
                context.sandbox.close()
                _, pending = wait(pending, timeout=OVERRUN_GRACE)
                break
        return {cid: _result(future, context) for cid, future in futures.items()}
    except BaseException:
        context.sandbox.close()
        raise
    finally:
        pool.shutdown(wait=not overrun, cancel_futures=True)


OVERRUN_GRACE = 10.0
"""Seconds a check may run past the run's time limit before the run gives up on it."""


def _result(future: Future[tuple[Outcome, float]], context: CheckContext) -> tuple[Outcome, float]:
    if future.done():
        return future.result()
    limit = context.deadline.seconds if context.deadline else 0
    return Errored(f"did not end within the run's time limit of {limit:g} s (timed out)"), limit


def _timed(check: Check, context: CheckContext) -> tuple[Outcome, float]:
    """The check's outcome, and the seconds it took, less its waits for a turn."""
    start, waited = time.monotonic(), context.slots.waited()
    try:
        outcome = check.run(context)
    except Exception as exc:  # fail closed: a crashing check is an errored check
        outcome = Errored(f"{type(exc).__name__}: {exc}")
    return outcome, time.monotonic() - start - (context.slots.waited() - waited)


def findings_of(outcomes: Mapping[str, Outcome]) -> list[Finding]:
    """Every finding of the completed checks."""
    return [f for o in outcomes.values() if isinstance(o, Completed) for f in o.findings]


def versions(checks: Sequence[Check]) -> dict[str, str]:
    """The gate's version and the tool version of every check that has one."""
    out = {"mergegate": __version__}
    for check in checks:
        version = check.tool_version()
        if version and check.id != "rules":
            out[check.id] = version
    return out


def _host_python() -> str:
    return f"{sys.version_info[0]}.{sys.version_info[1]}"


def resource_uri(change: Change) -> str:
    """``git+<repository>@<revision>``, with any credentials removed from the URL."""
    revision = change.head or change.base
    try:
        remote = git(change.repo, "config", "--get", "remote.origin.url").decode().strip()
    except ProcessError:
        remote = ""
    if "://" in remote:
        parts = urlsplit(remote)
        remote = urlunsplit(parts._replace(netloc=parts.hostname or ""))
    return f"git+{remote or change.repo.resolve().as_uri()}@{revision}"


def _raw(outcome: Outcome) -> bytes:
    match outcome:
        case Completed(raw=raw) | Errored(raw=raw):
            return raw
        case Skipped():
            return b""
        case _:
            assert_never(outcome)


def _record(check: Check, outcome: Outcome, duration: float) -> CheckResult:
    match outcome:
        case Completed(metrics=metrics, detail=reason):
            status = "completed"
        case Skipped(reason=reason):
            status, metrics = "skipped", {}
        case Errored(reason=reason):
            status, metrics = "errored", {}
        case _:
            assert_never(outcome)
    raw = _raw(outcome)
    return CheckResult(
        id=check.id,
        status=status,
        reason=reason,
        duration=duration,
        tool_version=check.tool_version(),
        metrics=dict(metrics),
        output_digest=digest(raw) if raw else None,
    )
