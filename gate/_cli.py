"""The ``gate`` command: parses arguments, calls the library, renders, and maps errors
to exit codes (0 PASSED, 1 FAILED, 2 bad input, 3 the gate could not run, 130 ^C).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import NoReturn

from gate import __version__, api
from gate import _cli_audit as audit
from gate.errors import BadInputError, GateError
from gate.formats import RENDERERS
from gate.formats import json as json_format
from gate.formats import text as text_format
from gate.output import write_out_dir
from gate.pipeline import Request
from gate.sandbox.pythons import DEFAULT, PYTHONS, VERSIONS
from gate.sandbox.select import KINDS
from gate.signing import keys
from gate.signing.keys import KeySigner, signer_for

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE, EXIT_UNAVAILABLE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"gate: {message} (see `{self.prog} --help`)\n")


class _Command(_Parser):
    """A subcommand's parser: options and positionals mix in any order, as users type
    them (``gate verify ENVELOPE --key PUB PATH --base A --head B``)."""

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixing:  # argparse's intermixed parse calls back in here
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"GATE_{name}", default)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gate",
        description="A verification and security gate for "
        "AI-generated code: judge a change, emit a pass/fail verdict.",
    )
    parser.add_argument("--version", action="version", version=f"mergegate {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Command)

    check = sub.add_parser("check", help="judge a change and print the verdict")
    check.add_argument("--base", metavar="REV", help="base revision (default: HEAD)")
    source = check.add_mutually_exclusive_group()
    source.add_argument("--head", metavar="REV", help="judge the commits from --base to REV")
    source.add_argument("--staged", action="store_true", help="judge the staged changes")
    source.add_argument(
        "--patch", metavar="FILE", help="judge a unified diff from FILE (- for standard input)"
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "markdown", "html"),
        default=_env("FORMAT", "text"),
        help="what to print on standard output [GATE_FORMAT]",
    )
    check.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="run the tools on the host; recorded in the verdict and failed by the default policy",
    )
    _judging_options(
        check,
        path_default="the current directory",
        out_default="none: nothing is written",
        key_default="your key, created on first use",
    )
    _cache_options(check)
    check.set_defaults(func=cmd_check)

    ci = sub.add_parser(
        "ci",
        help="judge the change a CI event describes (GitHub Actions: pull_request, push), "
        "write the summary, outputs and comment",
    )
    _judging_options(
        ci,
        path_default="the CI system's checkout",
        out_default="$RUNNER_TEMP/mergegate",
        key_default="a key made for this run only, its public half in the out dir",
    )
    ci.add_argument(
        "--ai-only",
        action="store_true",
        default=_env("AI_ONLY", "") not in ("", "0", "false"),
        help="judge only changes that show a sign of AI authorship; the others are "
        "SKIPPED (signs are easy to strip) [GATE_AI_ONLY=1]",
    )
    ci.add_argument(
        "--comment",
        action="store_true",
        help="write (or edit) the gate's one comment on the pull request (GITHUB_TOKEN "
        "with pull-requests: write)",
    )
    mode = ci.add_mutually_exclusive_group()
    mode.add_argument(
        "--prepare",
        action="store_true",
        help="only say (as outputs) the Python the change will be judged on and its image tag",
    )
    mode.add_argument(
        "--publish",
        metavar="DIR",
        type=Path,
        help="only publish what another job judged (its --out folder, downloaded): the "
        "summary, the comment and a fresh SARIF, for a workflow_run job",
    )
    ci.add_argument(
        "--trust",
        metavar="PUBKEY",
        type=Path,
        action="append",
        default=[],
        help="--publish: a public key whose signature makes the published verdict "
        "verified (without one it is shown as unverified)",
    )
    _cache_options(ci)
    ci.set_defaults(func=cmd_ci)

    sandbox = sub.add_parser(
        "sandbox",
        help="build, check or prune the sandbox; deps: prebuild a repository's test "
        "environment (gate check builds a missing one itself)",
    )
    sandbox.add_argument("action", choices=("build", "check", "prune", "deps"))
    sandbox.add_argument(
        "path", nargs="?", type=Path, default=Path(),
        help="deps: a path inside the repository (default: the current directory)",
    )  # fmt: skip
    sandbox.add_argument(
        "--base", default="HEAD",
        help="deps: the revision whose dependency files are read (default HEAD)",
    )  # fmt: skip
    sandbox.add_argument(
        "--wheelhouse",
        type=Path,
        default=None,
        help="deps: wheels to install from as well as the index (only these and the "
        "cache with --offline)",
    )
    sandbox.add_argument(
        "--recipe",
        choices=("offline", "dockerfile"),
        default=None,
        help="how to build the image (default: offline where debootstrap "
        "and root are available, else dockerfile)",
    )
    sandbox.add_argument(
        "--python",
        choices=VERSIONS,
        default=None,
        help=f"build: the CPython whose image to build (default {DEFAULT}); deps: the "
        "one to build for (default: the one gate check chooses for the repository)",
    )
    _cache_options(sandbox)
    sandbox.set_defaults(func=cmd_sandbox)

    audit.add_parsers(sub)

    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--json", action="store_true", help="as JSON")
    rules.add_argument(
        "--markdown",
        action="store_true",
        help="the rule reference, generated from the rules' docstrings",
    )
    rules.set_defaults(func=cmd_rules)

    demo = sub.add_parser("demo", help="judge a benign and an insecure change to a sample repo")
    demo.set_defaults(func=cmd_demo)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _judging_options(
    parser: argparse.ArgumentParser, *, path_default: str, out_default: str, key_default: str
) -> None:
    """The arguments of every command that judges a change: the repository, the policy,
    the checks, the sandbox, the key, the out dir."""
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        type=Path,
        help=f"a path inside the repository (default: {path_default})",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=_env("OUT"),
        help="write the signed verdict, verdict.json, the reports and the raw tool outputs "
        f"to DIR (default: {out_default}) [GATE_OUT]",
    )
    parser.add_argument(
        "--policy",
        metavar="FILE",
        type=Path,
        default=_env("POLICY"),
        help="policy file overlaid on the default, instead of the "
        "repository's config [GATE_POLICY]",
    )
    parser.add_argument(
        "--only",
        metavar="IDS",
        action="append",
        default=[],
        help="run only these checks or groups (comma-separated)",
    )
    parser.add_argument(
        "--skip",
        metavar="IDS",
        action="append",
        default=[],
        help="do not run these checks or groups (comma-separated)",
    )
    parser.add_argument(
        "--sandbox",
        choices=KINDS,
        default=_env("SANDBOX", "auto"),
        help="where the tools run (default: auto, the first available) [GATE_SANDBOX]",
    )
    parser.add_argument(
        "--key",
        metavar="FILE",
        type=Path,
        default=_env("KEY"),
        help=f"private key that signs the verdict (default: {key_default}) [GATE_KEY]",
    )
    parser.add_argument(
        "--jobs",
        metavar="N",
        type=_positive_int,
        default=_env("JOBS"),
        help="tools run at once in the sandbox (default: the number of cores) [GATE_JOBS]",
    )


def _cache_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--offline",
        action="store_true",
        default=_env("OFFLINE", "") not in ("", "0"),
        help="never reach a package index: the repository's test environment must be "
        "cached already (or come from --wheelhouse) [GATE_OFFLINE=1]",
    )
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=Path,
        default=_env("CACHE_DIR"),
        help="where the wheelhouse, the images' roots and the test environments are kept "
        "[GATE_CACHE_DIR]",
    )


def cmd_check(args: argparse.Namespace) -> int:
    patch, label = None, "patch"
    if args.patch is not None:
        patch, label = _read_patch(args.patch)
    if args.format not in RENDERERS:
        raise BadInputError(f"unknown format {args.format!r}", hint=f"use {', '.join(RENDERERS)}")
    request = Request(
        path=args.path or Path(),
        base=args.base,
        head=args.head,
        staged=args.staged,
        patch=patch,
        patch_label=label,
        policy_file=args.policy,
        only=args.only,
        skip=args.skip,
        jobs=int(args.jobs) if args.jobs else None,
        sandbox=args.sandbox,
        unsafe_no_sandbox=args.unsafe_no_sandbox,
        offline=args.offline,
        cache=args.cache_dir,
        progress=lambda line: sys.stderr.write(f"gate: {line}\n"),
    )
    # A named key is read first, so a bad one fails fast; the user's own key is created
    # (with a message) only once there is a verdict to sign.
    signed = api.check(
        request, _Signer(signer_for(args.key, sys.stderr.write) if args.key else None)
    )
    result = signed.run
    if args.out is not None:
        write_out_dir(args.out, result, signed.envelope.to_json(), [signed.keyid])
    if args.format == "text":
        sys.stdout.write(
            text_format.render(result.verdict, keyids=[signed.keyid], color=sys.stdout.isatty())
        )
    elif args.format == "json":  # the statement itself, exactly as verdict.json
        sys.stdout.write(json_format.render(result.verdict))
    else:
        sys.stdout.write(RENDERERS[args.format](result.verdict, keyids=[signed.keyid]))
    return EXIT_PASSED if result.verdict.passed else EXIT_FAILED


class _Signer:
    """The named key, or the user's own, created (with a message) only once there is a
    verdict to sign."""

    def __init__(self, named: KeySigner | None) -> None:
        self._signer = named

    def _key(self) -> KeySigner:
        if self._signer is None:
            self._signer = signer_for(None, sys.stderr.write)
        return self._signer

    @property
    def keyid(self) -> str:
        return self._key().keyid

    def sign(self, data: bytes) -> bytes:
        return self._key().sign(data)


def _read_patch(name: str) -> tuple[bytes, str]:
    if name == "-":
        return sys.stdin.buffer.read(), "standard input"
    try:
        return Path(name).read_bytes(), name
    except OSError as exc:
        raise BadInputError(f"cannot read patch {name}: {exc.strerror or exc}") from exc


def cmd_ci(args: argparse.Namespace) -> int:
    from gate.ci import judge

    def say(line: str) -> None:
        sys.stderr.write(f"{line}\n")

    environ = dict(os.environ)
    if args.publish is not None:
        if args.comment or args.ai_only or args.only or args.skip:
            raise BadInputError("--publish takes no --comment, --ai-only, --only or --skip")
        trusted = [keys.load_public(path) for path in args.trust]
        judgement = judge.publish(args.publish, environ, say, trusted)
        return EXIT_FAILED if judgement.result == "FAILED" else EXIT_PASSED
    if args.trust:
        raise BadInputError("--trust goes with --publish")
    options = judge.Options(
        path=args.path,
        policy_file=args.policy,
        only=args.only,
        skip=args.skip,
        ai_only=args.ai_only,
        comment=args.comment,
        out=args.out,
        key=args.key,
        jobs=int(args.jobs) if args.jobs else None,
        sandbox=args.sandbox,
        offline=args.offline,
        cache=args.cache_dir,
        progress=lambda line: say(f"gate: {line}"),
    )
    if args.prepare:
        judge.prepare(options, environ, say)
        return EXIT_PASSED
    judgement = judge.judge(options, environ, say)
    if judgement.verdict is None:
        sys.stdout.write(f"mergegate: {judgement.result}: {judgement.reason}\n")
        return EXIT_PASSED
    sys.stdout.write(
        text_format.render(judgement.verdict, keyids=judgement.keyids, color=sys.stdout.isatty())
    )
    return EXIT_PASSED if judgement.verdict.passed else EXIT_FAILED


def cmd_sandbox(args: argparse.Namespace) -> int:
    from gate.sandbox import commands

    if args.action == "deps":
        return commands.deps(
            args.path,
            args.base,
            args.wheelhouse,
            args.cache_dir,
            sys.stderr.write,
            offline=args.offline,
            python=args.python,
        )
    python = PYTHONS[args.python or DEFAULT]
    return commands.run(args.action, args.recipe, args.cache_dir, sys.stderr.write, python)


def cmd_rules(args: argparse.Namespace) -> int:
    from gate import catalogue

    if args.markdown:
        sys.stdout.write(catalogue.markdown())
        return 0
    entries = catalogue.entries()
    if args.json:
        sys.stdout.write(json.dumps([e.to_json() for e in entries], indent=2) + "\n")
        return 0
    for e in entries:
        cwe = f"CWE-{e.cwe}" if e.cwe else "-"
        sys.stdout.write(f"{e.id:<46} {e.tool:<8} {e.severity:<8} {cwe:<9} {e.summary}\n")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from gate.demo import run_demo

    return run_demo(sys.stdout.write)


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gate`` console script."""
    signal.signal(signal.SIGTERM, _on_sigterm)  # clean up workspaces as on ^C
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except GateError as exc:
        sys.stderr.write(f"gate: {exc.diagnostics()}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("gate: interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as exc:  # the gate's own bug: one line, and the trace on request
        if os.environ.get("GATE_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(
            f"gate: internal error: {type(exc).__name__}: {exc} "
            "(set GATE_DEBUG=1 for the traceback)\n"
        )
        return EXIT_UNAVAILABLE


if __name__ == "__main__":
    raise SystemExit(main())
