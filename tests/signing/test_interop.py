"""Envelopes interoperate with independent DSSE implementations: securesystemslib, a
plain recomputation of the PAE with the cryptography primitives, and openssl."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from securesystemslib.dsse import Envelope as SslibEnvelope
from securesystemslib.signer import CryptoSigner, SSlibKey

from gate.signing import dsse, keys
from gate.verdict import canonical_json

from ..test_verdict import make_verdict

PAYLOAD = canonical_json(make_verdict("PASSED").statement())


def _plain_pae(payload_type: str, payload: bytes) -> bytes:
    # Written from the DSSE spec, independently of gate.signing.dsse.pae.
    return b" ".join(
        [
            b"DSSEv1",
            str(len(payload_type)).encode(),
            payload_type.encode(),
            str(len(payload)).encode(),
            payload,
        ]
    )


@pytest.fixture(params=keys.ALGORITHMS)
def signer(request: pytest.FixtureRequest) -> keys.KeySigner:
    return keys.generate(request.param)


def test_securesystemslib_verifies_ours(signer: keys.KeySigner) -> None:
    envelope = SslibEnvelope.from_dict(json.loads(dsse.sign(PAYLOAD, signer).to_json()))
    key = SSlibKey.from_crypto(signer.public, keyid=signer.keyid)
    verified = envelope.verify([key], 1)
    assert list(verified) == [signer.keyid]
    assert envelope.payload == PAYLOAD


def test_plain_recomputation_verifies_ours(signer: keys.KeySigner) -> None:
    raw = json.loads(dsse.sign(PAYLOAD, signer).to_json())
    payload = base64.b64decode(raw["payload"])
    sig = base64.b64decode(raw["signatures"][0]["sig"])
    message = _plain_pae(raw["payloadType"], payload)
    if isinstance(signer.public, ed25519.Ed25519PublicKey):
        signer.public.verify(sig, message)
    else:
        signer.public.verify(sig, message, ec.ECDSA(hashes.SHA256()))


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_openssl_verifies_ours(signer: keys.KeySigner, tmp_path: Path) -> None:
    raw = json.loads(dsse.sign(PAYLOAD, signer).to_json())
    (tmp_path / "pae.bin").write_bytes(
        _plain_pae(raw["payloadType"], base64.b64decode(raw["payload"]))
    )
    (tmp_path / "sig.bin").write_bytes(base64.b64decode(raw["signatures"][0]["sig"]))
    (tmp_path / "pub.pem").write_bytes(
        signer.public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    if isinstance(signer.public, ed25519.Ed25519PublicKey):
        argv = [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            "pub.pem",
            "-rawin",
            "-in",
            "pae.bin",
            "-sigfile",
            "sig.bin",
        ]
    else:
        argv = [
            "openssl",
            "dgst",
            "-sha256",
            "-verify",
            "pub.pem",
            "-signature",
            "sig.bin",
            "pae.bin",
        ]
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0
    assert "Verified" in done.stdout + done.stderr
    (tmp_path / "pae.bin").write_bytes(b"tampered")
    assert subprocess.run(argv, cwd=tmp_path, capture_output=True).returncode != 0


def test_gate_verify_accepts_a_securesystemslib_envelope(
    signer: keys.KeySigner, tmp_path: Path
) -> None:
    sslib_signer = CryptoSigner(
        signer.private, SSlibKey.from_crypto(signer.public, keyid=signer.keyid)
    )
    envelope = SslibEnvelope(PAYLOAD, dsse.PAYLOAD_TYPE, {})
    envelope.sign(sslib_signer)
    (tmp_path / "v.dsse.json").write_text(json.dumps(envelope.to_dict()))
    (tmp_path / "pub.pem").write_bytes(
        signer.public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    done = subprocess.run(
        [sys.executable, "-m", "gate", "verify", "v.dsse.json", "--key", "pub.pem"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "verified: PASSED" in done.stdout
