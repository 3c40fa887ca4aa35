"""The auditor's commands: ``keygen``, ``sign``, ``verify`` and ``report``."""

from __future__ import annotations

import argparse
import getpass
import hashlib
import sys
from pathlib import Path
from typing import Any

from gate import change as intake
from gate.errors import BadInputError, KeyFileError
from gate.formats import RENDERERS
from gate.formats import text as text_format
from gate.output import write_atomic
from gate.policy import loader
from gate.signing import keys
from gate.signing.dsse import parse
from gate.signing.verify import read_verdict, verify


def add_parsers(sub: Any) -> None:
    """Add the auditor's subcommands to the ``gate`` parser."""
    keygen = sub.add_parser("keygen", help="create a signing key pair")
    keygen.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=None,
        help="folder for gate.key and gate.pub (default: your config dir); "
        "it may exist, but not hold a key",
    )
    keygen.add_argument(
        "--algorithm",
        choices=keys.ALGORITHMS,
        default="ed25519",
        help="ed25519 (default) or ecdsa-p256 (for cosign users)",
    )
    keygen.add_argument(
        "--passphrase",
        action="store_true",
        help="encrypt the private key: from GATE_KEY_PASSPHRASE, or asked on the terminal",
    )
    keygen.set_defaults(func=cmd_keygen)

    sign = sub.add_parser("sign", help="add a signature (a countersignature) to an envelope")
    sign.add_argument("envelope", type=Path)
    sign.add_argument("--key", metavar="FILE", type=Path, required=True, help="private key")
    sign.add_argument(
        "--out", metavar="FILE", type=Path, help="write the envelope here (default: in place)"
    )
    sign.set_defaults(func=cmd_sign)

    check = sub.add_parser("verify", help="verify a signed verdict offline")
    check.add_argument("envelope", type=Path)
    check.add_argument(
        "path", nargs="?", type=Path, help="repository of the change, with --base and --head"
    )
    check.add_argument(
        "--key",
        metavar="PUBKEY",
        type=Path,
        action="append",
        required=True,
        help="public key that must have signed it (repeat for several)",
    )
    check.add_argument("--patch", metavar="FILE", help="the change, as a diff (- for stdin)")
    check.add_argument("--base", metavar="REV")
    check.add_argument("--head", metavar="REV")
    check.add_argument(
        "--policy",
        metavar="FILE",
        type=Path,
        help="the policy file the verdict must have been made under",
    )
    check.add_argument(
        "--require-level",
        metavar="LEVEL",
        action="append",
        default=[],
        help="a level the verdict must reach, e.g. MERGEGATE_POLICY_COMPLETE",
    )
    check.add_argument(
        "--allow-failed",
        action="store_true",
        help="accept a valid envelope whose verdict is FAILED (audit listings)",
    )
    check.set_defaults(func=cmd_verify)

    report = sub.add_parser("report", help="render a stored verdict without re-running")
    report.add_argument("envelope", type=Path)
    report.add_argument("--format", choices=list(RENDERERS), default="text")
    report.add_argument(
        "--key",
        metavar="PUBKEY",
        type=Path,
        action="append",
        default=[],
        help="verify the signature with this key first",
    )
    report.set_defaults(func=cmd_report)


def cmd_keygen(args: argparse.Namespace) -> int:
    directory = args.out or keys.default_dir()
    passphrase = _passphrase() if args.passphrase else None
    private = keys.write_pair(directory, keys.generate(args.algorithm), passphrase)
    public = keys.load_public(directory / keys.PUBLIC_NAME)
    sys.stdout.write(f"{private}\n{directory / keys.PUBLIC_NAME}\nkeyid {keys.keyid(public)}\n")
    return 0


def _passphrase() -> bytes:
    from_env = keys.passphrase_from_env()
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise KeyFileError("no terminal to ask a passphrase on", hint="set GATE_KEY_PASSPHRASE")
    first = getpass.getpass("passphrase: ")
    if not first or first != getpass.getpass("again: "):
        raise KeyFileError("the passphrases are empty or differ")
    return first.encode()


def cmd_sign(args: argparse.Namespace) -> int:
    envelope = parse(_read(args.envelope), str(args.envelope))
    signer = keys.load_private(args.key, keys.passphrase_from_env())
    signed = envelope.signed_by(signer)
    write_atomic(args.out or args.envelope, signed.to_json().encode())
    sys.stdout.write(f"signed by key {signer.keyid}\n")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    public_keys = [keys.load_public(path) for path in args.key]
    verified = verify(
        _read(args.envelope),
        public_keys,
        subject_digest=_subject(args),
        policy_digest=loader.from_file(args.policy).digest if args.policy else None,
        require_levels=args.require_level,
        allow_failed=args.allow_failed,
    )
    sys.stdout.write(text_format.render(verified.verdict, keyids=verified.keyids))
    sys.stdout.write(
        f"verified: {verified.verdict.result}, signed by "
        f"{', '.join(k[:16] for k in verified.keyids)}\n"
    )
    return 0


def _subject(args: argparse.Namespace) -> str | None:
    if args.patch is not None:
        if args.path or args.base or args.head:
            raise BadInputError("give either --patch or PATH --base --head, not both")
        data = sys.stdin.buffer.read() if args.patch == "-" else _read(Path(args.patch))
        return hashlib.sha256(intake.canonical_diff(data, args.patch)).hexdigest()
    if args.base or args.head or args.path:
        if not (args.base and args.head):
            raise BadInputError("give PATH with both --base and --head")
        repo = intake.find_repository(args.path or Path())
        return intake.from_revisions(repo, args.base, args.head).digest
    return None


def cmd_report(args: argparse.Namespace) -> int:
    envelope = parse(_read(args.envelope), str(args.envelope))
    keyids: list[str] = []
    if args.key:
        keyids = envelope.verify([keys.load_public(path) for path in args.key])
    verdict = read_verdict(envelope)
    sys.stdout.write(RENDERERS[args.format](verdict, keyids=keyids))
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
