"""The flow of ``gate ci``: read what the CI system describes, judge it with the whole
gate (unless ``ai_only`` finds no sign of AI), sign, write the files, and hand the result
back (summary, outputs, comment). ``publish`` is the second half alone, for a privileged
job that posts what an unprivileged one judged (a fork's pull request).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from gate import api, authorship
from gate.change import find_repository
from gate.ci import PROVIDERS
from gate.ci.interface import (
    Described,
    Environ,
    Judgement,
    KeyStatus,
    Provider,
    Record,
    Render,
)
from gate.ci.report import report
from gate.errors import BadInputError, GateError
from gate.formats import sarif
from gate.output import write_atomic, write_out_dir
from gate.pipeline import Request
from gate.policy import loader
from gate.policy.model import Policy
from gate.signing import keys
from gate.signing.dsse import parse
from gate.signing.interface import VerificationError
from gate.signing.verify import read_verdict, verify
from gate.verdict import Verdict

Say = Callable[[str], object]


@dataclass(frozen=True)
class Options:
    """``gate ci``'s arguments."""

    path: Path | None = None
    """A path inside the repository (default: the CI system's checkout)."""
    policy_file: Path | None = None
    """A policy file instead of the repository's config."""
    only: Sequence[str] = ()
    """Check ids or groups to run."""
    skip: Sequence[str] = ()
    """Check ids or groups not to run."""
    ai_only: bool = False
    """Judge only changes that show a sign of AI authorship (the others are SKIPPED)."""
    comment: bool = False
    """Write the pull request's comment (the token needs ``pull-requests: write``)."""
    out: Path | None = None
    """Where the files go (default: the CI system's temporary folder)."""
    key: Path | None = None
    """The private key that signs (default: a key made for this run only)."""
    jobs: int | None = None
    """Sandboxed commands at once."""
    sandbox: str = "auto"
    """Which sandbox runs the tools."""
    offline: bool = False
    """Never reach a package index."""
    cache: Path | None = None
    """The cache folder."""
    progress: Say = field(default=lambda _: None, compare=False)
    """Called with a line on what a long step is doing."""


def provider_for(environ: Environ) -> Provider:
    """The CI system the gate runs in."""
    for provider in PROVIDERS.values():
        if provider.detected(environ):
            return provider
    raise BadInputError(
        "gate ci runs inside a CI system it knows, and none was found",
        hint=f"known: {', '.join(PROVIDERS)} (GitHub Actions sets GITHUB_ACTIONS=true); "
        "elsewhere use gate check --base --head",
    )


def judge(options: Options, environ: Environ, say: Say) -> Judgement:
    """Judge the change the CI event names, write the files and publish the result. A
    gate that cannot judge it publishes that (ERROR, with why: the summary, the
    outputs, the comment, so that no earlier result stands for the new head), then
    raises."""
    provider = provider_for(environ)
    out = options.out or provider.out_dir(environ)
    described: Described | None = None
    try:
        repo = find_repository(options.path or provider.workspace(environ))
        described = provider.describe(environ, repo)
        say(f"gate: {described.event}: {described.base[:12]}..{described.head[:12]}")
        judgement = _judge(options, repo, out, described)
    except GateError as exc:
        failed = _error(described, provider.number(environ), exc)
        _hand_back(provider, environ, out, described, failed, options.comment, say)
        raise
    _hand_back(provider, environ, out, described, judgement, options.comment, say)
    return judgement


def _judge(options: Options, repo: Path, out: Path, described: Described) -> Judgement:
    signer = keys.load_private(options.key, keys.passphrase_from_env()) if options.key else None
    if options.ai_only and not _signals(options, repo, described):
        why = (
            "No sign of AI authorship, and only AI-authored changes are judged here "
            "(`ai-only`). Signs are easy to strip: a change that hides them is not judged."
        )
        return Judgement("SKIPPED", described.head, reason=why, number=described.number)
    request = Request(
        path=repo,
        base=described.base,
        head=described.head,
        policy_base=described.policy_base,
        policy_file=options.policy_file,
        only=options.only,
        skip=options.skip,
        jobs=options.jobs,
        sandbox=options.sandbox,
        offline=options.offline,
        cache=options.cache,
        progress=options.progress,
        evidence=described.evidence,
    )
    key: KeyStatus = "given" if signer else "ephemeral"
    signer = signer or keys.generate()
    signed = api.check(request, signer)
    write_out_dir(out, signed.run, signed.envelope.to_json(), [signed.keyid])
    write_atomic(out / "verdict.pub", signer.public_pem)
    judgement = Judgement(
        "PASSED" if signed.verdict.passed else "FAILED",
        described.head,
        signals=signed.verdict.ai_signals or (),
        verdict=signed.verdict,
        envelope=out / "verdict.dsse.json",
        sarif=out / "report.sarif",
        key=key,
        keyids=(signed.keyid,),
        number=described.number,
    )
    return judgement


def _error(described: Described | None, number: int | None, exc: GateError) -> Judgement:
    head = described.head if described else None
    return Judgement("ERROR", head, reason=exc.diagnostics(), number=number)


def _hand_back(
    provider: Provider,
    environ: Environ,
    out: Path,
    described: Described | None,
    judgement: Judgement,
    comment: bool,
    say: Say,
) -> None:
    if described is not None:
        record = Record(
            provider=provider.name,
            event=described.event,
            number=described.number,
            base=described.base,
            head=described.head,
            result=judgement.result,
            reason=judgement.reason,
        )
        write_atomic(out / "ci.json", (record.model_dump_json(indent=2) + "\n").encode())
    provider.publish(environ, judgement, _render(judgement))
    if comment and judgement.number is not None:
        _comment(provider, environ, judgement, say)


def publish(
    folder: Path, environ: Environ, say: Say, trusted: Sequence[keys.PublicKey] = ()
) -> Judgement:
    """Publish what another job judged (its ``--out`` folder), for a privileged job
    that runs no code of the change: a fork's run could have written anything into the
    folder, so the CI system first checks that it speaks of the commit the run was for
    and of the pull request's current head; the comment and the SARIF are rendered
    afresh from the verdict, and a signature no ``trusted`` key checks is said to be
    unverified."""
    provider = provider_for(environ)
    try:
        record = Record.model_validate_json((folder / "ci.json").read_bytes())
    except (OSError, ValidationError) as exc:
        raise BadInputError(f"{folder}/ci.json is missing or not gate ci's record") from exc
    provider.check_artifact(environ, record)
    if record.result in ("SKIPPED", "ERROR"):
        judgement = Judgement(
            record.result, record.head, key="unverified", reason=record.reason, number=record.number
        )
    else:
        verdict, keyids = _read(folder / "verdict.dsse.json", trusted)
        if verdict.head_commit != record.head or verdict.result != record.result:
            raise BadInputError("the verdict does not match ci.json's head and result")
        fresh = provider.out_dir(environ).with_name("mergegate-published") / "report.sarif"
        write_atomic(fresh, sarif.render(verdict, keyids=keyids).encode())
        judgement = Judgement(
            record.result,
            record.head,
            signals=verdict.ai_signals or (),
            verdict=verdict,
            envelope=folder / "verdict.dsse.json",
            sarif=fresh,
            key="verified" if keyids else "unverified",
            keyids=tuple(keyids),
            number=record.number,
        )
    provider.publish(environ, judgement, _render(judgement))
    _comment(provider, environ, judgement, say)
    return judgement


def _read(path: Path, trusted: Sequence[keys.PublicKey]) -> tuple[Verdict, Sequence[str]]:
    """The verdict in the envelope at ``path``, and the trusted keys that signed it
    (none when no trusted key did)."""
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise BadInputError(f"{path}: {exc.strerror or exc}") from exc
    if trusted:
        try:
            verified = verify(text, trusted, allow_failed=True)
            return verified.verdict, verified.keyids
        except VerificationError:
            pass  # said as "unverified" where the result is shown
    return read_verdict(parse(text)), ()


def prepare(options: Options, environ: Environ, say: Say) -> dict[str, str]:
    """What the CI job must make ready before ``judge``: the CPython the change will be
    judged on and the tag of its sandbox image (to restore from a cache, or build),
    written to the CI system's outputs too."""
    from gate.sandbox import environment, image, pythons

    provider = provider_for(environ)
    repo = find_repository(options.path or provider.workspace(environ))
    described = provider.describe(environ, repo)
    policy = _policy(options, repo, described)
    chosen = pythons.choose(environment.declared_at(repo, described.base), policy.python)
    values = {
        "python": chosen.python.version,
        "image": image.plan("dockerfile", chosen.python).tag,
        "base": described.base,
        "head": described.head,
    }
    provider.outputs(environ, values)
    say(f"gate: Python {chosen.python.version} ({chosen.why}), image {values['image']}")
    return values


def _policy(options: Options, repo: Path, described: Described) -> Policy:
    if options.policy_file:
        return loader.from_file(options.policy_file)
    return loader.load(repo, described.policy_base)


def _signals(options: Options, repo: Path, described: Described) -> bool:
    policy = _policy(options, repo, described)
    commits = authorship.commits(repo, f"{described.base}..{described.head}")
    return bool(authorship.detect(policy.authorship, commits, described.evidence))


def _render(judgement: Judgement) -> Render:
    return lambda limit: report(judgement, limit)


def _comment(provider: Provider, environ: Environ, judgement: Judgement, say: Say) -> None:
    assert judgement.number is not None
    try:
        done = provider.comment(environ, judgement.number, _render(judgement))
    except GateError as exc:  # the verdict stands without its comment
        say(f"::warning title=mergegate::the pull request comment was not written: {exc}")
        return
    say(f"gate: pull request comment {done}")
