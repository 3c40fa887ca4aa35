"""Verifying a signed verdict offline: signatures, payload and predicate types, the
subject (the change judged), the policy, the levels, and the result itself."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gate.signing.dsse import PAYLOAD_TYPE, Envelope, parse
from gate.signing.interface import VerificationError
from gate.signing.keys import PublicKey
from gate.verdict import PREDICATE_TYPE, STATEMENT_TYPE, Verdict


@dataclass(frozen=True)
class Verified:
    """An envelope that checked out."""

    verdict: Verdict
    """The verdict it carries."""
    keyids: tuple[str, ...]
    """The key ids whose signatures verified."""
    envelope: Envelope
    """The envelope itself."""


def read_verdict(envelope: Envelope) -> Verdict:
    """The verdict in an envelope's payload (types checked, signature NOT checked)."""
    if envelope.payload_type != PAYLOAD_TYPE:
        raise VerificationError(
            f"the payload type is {envelope.payload_type!r}, not {PAYLOAD_TYPE!r}"
        )
    try:
        statement: Any = json.loads(envelope.payload)
    except ValueError as exc:
        raise VerificationError("the payload is not JSON") from exc
    if not isinstance(statement, dict) or statement.get("_type") != STATEMENT_TYPE:
        raise VerificationError("the payload is not an in-toto Statement v1")
    if statement.get("predicateType") != PREDICATE_TYPE:
        raise VerificationError(
            f"the predicate type is {statement.get('predicateType')!r}, not {PREDICATE_TYPE!r}"
        )
    try:
        return Verdict.from_statement(statement)
    except (KeyError, ValueError, TypeError, IndexError) as exc:
        raise VerificationError(f"the verification summary is malformed: {exc!r}") from exc


def verify(
    envelope_text: str | bytes,
    keys: Sequence[PublicKey],
    *,
    subject_digest: str | None = None,
    policy_digest: str | None = None,
    require_levels: Sequence[str] = (),
    allow_failed: bool = False,
) -> Verified:
    """Check everything; raise VerificationError at the first thing that is wrong."""
    envelope = parse(envelope_text)
    keyids = envelope.verify(keys)
    verdict = read_verdict(envelope)
    if subject_digest is not None and verdict.subject_digest != subject_digest:
        raise VerificationError(
            f"the verdict judged change sha256:{verdict.subject_digest[:16]}, "
            f"not the change given (sha256:{subject_digest[:16]})"
        )
    if policy_digest is not None and verdict.policy_digest != policy_digest:
        raise VerificationError(
            f"the verdict was made under policy sha256:{verdict.policy_digest[:16]}, "
            f"not the policy given (sha256:{policy_digest[:16]})"
        )
    missing = [level for level in require_levels if level not in verdict.levels]
    if missing:
        have = ", ".join(verdict.levels) or "none"
        raise VerificationError(f"the verdict does not reach {', '.join(missing)} (it has {have})")
    if not verdict.passed and not allow_failed:
        raise VerificationError("the signature is valid, but the verdict is FAILED")
    return Verified(verdict, tuple(keyids), envelope)
