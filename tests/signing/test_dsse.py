from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.signing import dsse, keys
from gate.signing.interface import VerificationError

SIGNER = keys.generate()
OTHER = keys.generate("ecdsa-p256")
PAYLOAD = b'{"_type":"https://in-toto.io/Statement/v1"}'
ENVELOPE = dsse.sign(PAYLOAD, SIGNER).to_json()


def test_pae_matches_the_spec_example() -> None:
    assert dsse.pae("http://example.com/HelloWorld", b"hello world") == (
        b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
    )


def test_round_trip_and_countersignature() -> None:
    envelope = dsse.parse(ENVELOPE).signed_by(OTHER)
    again = dsse.parse(envelope.to_json())
    assert again == envelope
    assert again.verify([SIGNER.public, OTHER.public]) == [SIGNER.keyid, OTHER.keyid]
    with pytest.raises(VerificationError, match="already signed"):
        again.signed_by(OTHER)


def test_unknown_key() -> None:
    with pytest.raises(VerificationError, match="no signature by key"):
        dsse.parse(ENVELOPE).verify([OTHER.public])


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda e: {**e, "extra": 1}, "unknown fields"),
        (lambda e: {k: v for k, v in e.items() if k != "payloadType"}, "lacks payloadType"),
        (lambda e: {**e, "signatures": []}, "no signatures"),
        (lambda e: {**e, "payload": e["payload"].rstrip("=")}, "base64"),
        (lambda e: {**e, "payload": e["payload"].replace("+", "-")}, "base64"),
        (lambda e: {**e, "signatures": [{**e["signatures"][0], "x": 1}]}, "unknown fields"),
        (lambda e: {**e, "signatures": e["signatures"] * 2}, "repeats a key id"),
    ],
)
def test_strict_parsing(mutate, message: str) -> None:
    raw = json.loads(ENVELOPE)
    raw["payload"] = base64.b64encode(b"\xfb\xef\xbea").decode()  # "++++YQ=="
    with pytest.raises(VerificationError, match=message):
        dsse.parse(json.dumps(mutate(raw)))


def test_truncated() -> None:
    with pytest.raises(VerificationError, match="not JSON"):
        dsse.parse(ENVELOPE[: len(ENVELOPE) // 2])


@settings(max_examples=300, deadline=None)
@given(position=st.integers(0, len(ENVELOPE) - 1), delta=st.integers(1, 255))
def test_any_flipped_byte_fails(position: int, delta: int) -> None:
    data = bytearray(ENVELOPE.encode())
    data[position] = (data[position] + delta) % 256
    with pytest.raises(VerificationError):
        dsse.parse(bytes(data)).verify([SIGNER.public])


@settings(max_examples=100, deadline=None)
@given(position=st.integers(0, len(PAYLOAD) - 1), delta=st.integers(1, 255))
def test_any_flipped_payload_byte_fails(position: int, delta: int) -> None:
    raw = json.loads(ENVELOPE)
    payload = bytearray(PAYLOAD)
    payload[position] = (payload[position] + delta) % 256
    raw["payload"] = base64.b64encode(bytes(payload)).decode()
    with pytest.raises(VerificationError, match="invalid"):
        dsse.parse(json.dumps(raw)).verify([SIGNER.public])
