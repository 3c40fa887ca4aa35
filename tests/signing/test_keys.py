from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from gate.errors import KeyFileError
from gate.signing import keys
from gate.signing.interface import VerificationError


@pytest.mark.parametrize("algorithm", keys.ALGORITHMS)
def test_pair_round_trip(tmp_path: Path, algorithm: str) -> None:
    signer = keys.generate(algorithm)
    private = keys.write_pair(tmp_path / "k", signer)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "k").stat().st_mode) & 0o077 == 0
    public_pem = (tmp_path / "k" / keys.PUBLIC_NAME).read_bytes()
    assert public_pem.startswith(b"-----BEGIN PUBLIC KEY-----")
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    loaded = keys.load_private(private)
    public = keys.load_public(tmp_path / "k" / keys.PUBLIC_NAME)
    der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert loaded.keyid == keys.keyid(public) == hashlib.sha256(der).hexdigest()
    keys.verify_signature(public, loaded.sign(b"data"), b"data")
    with pytest.raises(VerificationError):
        keys.verify_signature(public, loaded.sign(b"data"), b"other")


def test_passphrase(tmp_path: Path) -> None:
    private = keys.write_pair(tmp_path, keys.generate(), b"s3cret")
    assert b"ENCRYPTED" in private.read_bytes()
    with pytest.raises(KeyFileError, match="encrypted"):
        keys.load_private(private)
    with pytest.raises(KeyFileError, match="passphrase is wrong"):
        keys.load_private(private, b"wrong")
    assert keys.load_private(private, b"s3cret").keyid


def test_never_overwrites(tmp_path: Path) -> None:
    keys.write_pair(tmp_path, keys.generate())
    with pytest.raises(KeyFileError, match="already exists"):
        keys.write_pair(tmp_path, keys.generate())


def test_bad_key_files(tmp_path: Path) -> None:
    (tmp_path / "junk.pem").write_text("not a key")
    with pytest.raises(KeyFileError):
        keys.load_public(tmp_path / "junk.pem")
    with pytest.raises(KeyFileError, match="cannot read"):
        keys.load_private(tmp_path / "missing.key")


def test_default_key_is_created_once(tmp_path: Path) -> None:
    said: list[str] = []
    first = keys.signer_for(None, said.append)
    second = keys.signer_for(None, said.append)
    assert first.keyid == second.keyid and len(said) == 1
    assert str(tmp_path / "config") in said[0]
