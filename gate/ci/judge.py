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
from gate.ci import PROVIDERS, github
from gate.ci.interface import Described, Environ, Judgement, Provider, Record
from gate.errors import BadInputError, GateError
from gate.output import write_atomic, write_out_dir
from gate.pipeline import Request
from gate.policy import loader
from gate.policy.model import Policy
from gate.signing import keys
from gate.signing.dsse import parse
from gate.signing.verify import read_verdict

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
    """Judge the change the CI event names, write the files and publish the result; a
    gate that cannot judge it says why in the summary too, then raises."""
    provider = provider_for(environ)
    try:
        return _judge(provider, options, environ, say)
    except GateError as exc:
        provider.could_not_judge(environ, exc.diagnostics())
        raise


def _judge(provider: Provider, options: Options, environ: Environ, say: Say) -> Judgement:
    repo = find_repository(options.path or github.workspace(environ))
    described = provider.describe(environ, repo)
    out = options.out or provider.out_dir(environ)
    say(f"gate: {described.event}: {described.base[:12]}..{described.head[:12]}")
    signer = keys.load_private(options.key, keys.passphrase_from_env()) if options.key else None
    judgement: Judgement
    if options.ai_only and not _signals(options, repo, described):
        why = (
            "No sign of AI authorship, and only AI-authored changes are judged here "
            "(`ai-only`). Signs are easy to strip: a change that hides them is not judged."
        )
        judgement = Judgement("SKIPPED", (), out, skipped=why)
    else:
        request = Request(
            path=repo,
            base=described.base,
            head=described.head,
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
        ephemeral = signer is None
        signer = signer or keys.generate()
        signed = api.check(request, signer)
        verdict = signed.verdict
        write_out_dir(out, signed.run, signed.envelope.to_json(), [signed.keyid])
        write_atomic(out / "verdict.pub", signer.public_pem)
        judgement = Judgement(
            "PASSED" if verdict.passed else "FAILED",
            verdict.ai_signals or (),
            out,
            verdict=verdict,
            ephemeral_key=ephemeral,
        )
    record = Record(
        provider=provider.name,
        event=described.event,
        number=described.number,
        base=described.base,
        head=described.head,
        result=judgement.result,
        ai_authored=bool(judgement.signals),
        signals=[str(s) for s in judgement.signals],
    )
    write_atomic(out / "ci.json", (record.model_dump_json(indent=2) + "\n").encode())
    keyids = [signer.keyid] if signer and judgement.verdict else []
    provider.publish(environ, judgement, keyids)
    if options.comment and described.number is not None:
        _comment(environ, described.number, judgement, keyids, say)
    return judgement


def publish(folder: Path, environ: Environ, say: Say) -> Judgement:
    """Post the comment for what another job judged (its files in ``folder``), after
    checking that they speak of the pull request's current head: a fork's job could
    have written anything there, so nothing in it is run, and the comment is rendered
    afresh from the verdict."""
    try:
        record = Record.model_validate_json((folder / "ci.json").read_bytes())
    except (OSError, ValidationError) as exc:
        raise BadInputError(f"{folder}/ci.json is missing or not gate ci's record") from exc
    if record.number is None:
        raise BadInputError(f"{folder}/ci.json names no pull request: nothing to comment on")
    if record.head != github.triggering_head(environ):
        raise BadInputError("the artifact speaks of another commit than the run it came from")
    if github.head_of(environ, record.number) != record.head:
        raise BadInputError(
            f"pull request {record.number}'s head is no longer {record.head[:12]}: "
            "not commenting with an old or foreign result"
        )
    judgement = Judgement(record.result, (), folder, skipped="Not judged (see the job).")
    keyids: list[str] = []
    if record.result != "SKIPPED":
        try:
            envelope = parse((folder / "verdict.dsse.json").read_bytes())
        except OSError as exc:
            raise BadInputError(f"{folder}/verdict.dsse.json: {exc.strerror or exc}") from exc
        verdict = read_verdict(envelope)
        if verdict.head_commit != record.head or verdict.result != record.result:
            raise BadInputError("the verdict does not match ci.json's head and result")
        keyids = [s.keyid for s in envelope.signatures]
        judgement = Judgement(
            record.result, verdict.ai_signals or (), folder, verdict=verdict, ephemeral_key=True
        )
    provider = provider_for(environ)
    provider.publish(environ, judgement, keyids)
    # Where code scanning files the SARIF: the pull request's head, not this run's commit.
    provider.outputs(
        environ,
        {
            "head": record.head,
            "number": str(record.number),
            "ref": f"refs/pull/{record.number}/head",
        },
    )
    _comment(environ, record.number, judgement, keyids, say)
    return judgement


def prepare(options: Options, environ: Environ, say: Say) -> dict[str, str]:
    """What the CI job must make ready before ``judge``: the CPython the change will be
    judged on and the tag of its sandbox image (to restore from a cache, or build),
    written to the CI system's outputs too."""
    from gate.sandbox import environment, image, pythons

    provider = provider_for(environ)
    repo = find_repository(options.path or github.workspace(environ))
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
    return loader.load(repo, described.base)


def _signals(options: Options, repo: Path, described: Described) -> bool:
    policy = _policy(options, repo, described)
    commits = authorship.commits(repo, described.base, described.head)
    return bool(authorship.detect(policy.authorship, commits, described.evidence))


def _comment(
    environ: Environ, number: int, judgement: Judgement, keyids: Sequence[str], say: Say
) -> None:
    body = github.report(judgement, keyids, github.COMMENT_LIMIT)
    try:
        done = github.comment(environ, number, body)
    except GateError as exc:  # the verdict stands without its comment
        say(f"::warning title=mergegate::the pull request comment was not written: {exc}")
        return
    say(f"gate: pull request comment {done}")
