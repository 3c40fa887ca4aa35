"""DSSE envelopes (https://github.com/secure-systems-lab/dsse): pre-authentication
encoding, signing, and a strict parser that refuses unknown or missing fields and
non-canonical base64.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gate.signing.interface import Signer, VerificationError
from gate.signing.keys import PublicKey, keyid, verify_signature
from gate.verdict import Verdict, canonical_json

PAYLOAD_TYPE = "application/vnd.in-toto+json"


def pae(payload_type: str, payload: bytes) -> bytes:
    """DSSEv1 pre-authentication encoding of a payload and its type."""
    kind = payload_type.encode()
    return b"DSSEv1 %d %b %d %b" % (len(kind), kind, len(payload), payload)


@dataclass(frozen=True)
class Signature:
    """One signature over the PAE."""

    keyid: str
    """Hex sha256 of the signer's public key (DER SubjectPublicKeyInfo)."""
    sig: bytes
    """The raw signature."""


@dataclass(frozen=True)
class Envelope:
    """A DSSE envelope."""

    payload: bytes
    """The signed bytes (the canonical statement)."""
    payload_type: str
    """Its media type."""
    signatures: tuple[Signature, ...]
    """At least one."""

    def to_json(self) -> str:
        """The envelope as compact JSON: with no insignificant byte, a change to any
        single byte of the file changes what it says, and fails verification."""
        return json.dumps(
            {
                "payload": _b64(self.payload),
                "payloadType": self.payload_type,
                "signatures": [{"keyid": s.keyid, "sig": _b64(s.sig)} for s in self.signatures],
            },
            separators=(",", ":"),
        )

    def signed_by(self, signer: Signer) -> Envelope:
        """This envelope with one more signature (a countersignature)."""
        if any(s.keyid == signer.keyid for s in self.signatures):
            raise VerificationError(f"the envelope is already signed by key {signer.keyid[:16]}")
        sig = Signature(signer.keyid, signer.sign(pae(self.payload_type, self.payload)))
        return Envelope(self.payload, self.payload_type, (*self.signatures, sig))

    def verify(self, keys: Sequence[PublicKey]) -> list[str]:
        """Raise unless a signature verifies with each of ``keys``; return their key ids.

        A signature whose key id names a given key but does not verify is an error, as is
        a key that signed nothing here.
        """
        if not keys:
            raise VerificationError("no public key given to verify with")
        message = pae(self.payload_type, self.payload)
        by_id = {s.keyid: s for s in self.signatures}
        verified = []
        for key in keys:
            kid = keyid(key)
            signature = by_id.get(kid)
            if signature is None:
                known = ", ".join(s.keyid[:16] for s in self.signatures)
                raise VerificationError(
                    f"the envelope has no signature by key {kid[:16]} (it is signed by {known})"
                )
            verify_signature(key, signature.sig, message)
            verified.append(kid)
        return verified


def sign(payload: bytes, signer: Signer, payload_type: str = PAYLOAD_TYPE) -> Envelope:
    """A new envelope over ``payload`` with one signature."""
    return Envelope(payload, payload_type, ()).signed_by(signer)


def sign_verdict(verdict: Verdict, signer: Signer) -> Envelope:
    """The verdict's canonical statement in an envelope signed by ``signer``."""
    return sign(canonical_json(verdict.statement()), signer)


def parse(text: str | bytes, name: str = "envelope") -> Envelope:
    """A strictly parsed envelope; VerificationError on anything unexpected."""
    try:
        raw = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise VerificationError(f"{name} is not JSON: {exc}") from exc
    _fields(raw, {"payload", "payloadType", "signatures"}, name)
    if not isinstance(raw["payloadType"], str):
        raise VerificationError(f"{name}: payloadType must be a string")
    signatures = raw["signatures"]
    if not isinstance(signatures, list) or not signatures:
        raise VerificationError(f"{name} has no signatures")
    parsed = []
    for item in signatures:
        _fields(item, {"keyid", "sig"}, f"{name} signature")
        if not isinstance(item["keyid"], str) or len(item["keyid"]) != 64:
            raise VerificationError(f"{name}: a signature's keyid is not a sha256 hex digest")
        parsed.append(Signature(item["keyid"], _unb64(item["sig"], f"{name} signature")))
    if len({s.keyid for s in parsed}) != len(parsed):
        raise VerificationError(f"{name} repeats a key id")
    return Envelope(_unb64(raw["payload"], f"{name} payload"), raw["payloadType"], tuple(parsed))


def _fields(raw: Any, expected: set[str], name: str) -> None:
    if not isinstance(raw, Mapping):
        raise VerificationError(f"{name} is not a JSON object")
    missing, unknown = expected - set(raw), set(raw) - expected
    if missing:
        raise VerificationError(f"{name} lacks {', '.join(sorted(missing))}")
    if unknown:
        raise VerificationError(f"{name} has unknown fields: {', '.join(sorted(unknown))}")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(value: Any, name: str) -> bytes:
    if not isinstance(value, str):
        raise VerificationError(f"{name} is not a base64 string")
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise VerificationError(f"{name} is not valid base64") from exc
    if _b64(data) != value:
        raise VerificationError(f"{name} is not canonical base64")
    return data
