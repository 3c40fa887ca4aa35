"""Key pairs: Ed25519 (default) or ECDSA P-256 (for cosign users), PEM files, key ids.

The private key is PKCS#8 PEM, mode 0600, encrypted only when a passphrase is given; the
public key is SubjectPublicKeyInfo PEM. A key id is the hex sha256 of the public key's DER.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from gate.errors import KeyFileError
from gate.output import write_atomic
from gate.signing.interface import VerificationError

PRIVATE_NAME, PUBLIC_NAME = "gate.key", "gate.pub"
ALGORITHMS = ("ed25519", "ecdsa-p256")

PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey
PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey


def keyid(public: PublicKey) -> str:
    """Hex sha256 of the DER SubjectPublicKeyInfo."""
    der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


@dataclass(frozen=True)
class KeySigner:
    """Signs with a private key held in memory."""

    private: PrivateKey
    """The private key."""

    @property
    def public(self) -> PublicKey:
        """Its public key."""
        return self.private.public_key()

    @property
    def keyid(self) -> str:
        return keyid(self.public)

    @property
    def public_pem(self) -> bytes:
        """Its public key as PEM (``BEGIN PUBLIC KEY``)."""
        return self.public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, data: bytes) -> bytes:
        if isinstance(self.private, ed25519.Ed25519PrivateKey):
            return self.private.sign(data)
        return self.private.sign(data, ec.ECDSA(hashes.SHA256()))


def verify_signature(public: PublicKey, signature: bytes, data: bytes) -> None:
    """Raise VerificationError unless ``signature`` is ``public``'s over ``data``."""
    try:
        if isinstance(public, ed25519.Ed25519PublicKey):
            public.verify(signature, data)
        else:
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature as exc:
        raise VerificationError(f"the signature by key {keyid(public)[:16]} is invalid") from exc


def generate(algorithm: str = "ed25519") -> KeySigner:
    """A new key pair."""
    if algorithm == "ed25519":
        return KeySigner(ed25519.Ed25519PrivateKey.generate())
    if algorithm == "ecdsa-p256":
        return KeySigner(ec.generate_private_key(ec.SECP256R1()))
    raise KeyFileError(
        f"unknown key algorithm {algorithm!r}", hint=f"use {' or '.join(ALGORITHMS)}"
    )


def write_pair(directory: Path, signer: KeySigner, passphrase: bytes | None = None) -> Path:
    """Write ``gate.key`` (0600) and ``gate.pub`` into ``directory``; refuse to overwrite."""
    private_path, public_path = directory / PRIVATE_NAME, directory / PUBLIC_NAME
    for path in (private_path, public_path):
        if path.exists():
            raise KeyFileError(f"{path} already exists; refusing to overwrite a key")
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase) if passphrase
        else serialization.NoEncryption()
    )  # fmt: skip
    private_pem = signer.private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    public_pem = signer.public_pem
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(private_path, private_pem, mode=0o600)
        write_atomic(public_path, public_pem, mode=0o644)
    except OSError as exc:
        raise KeyFileError(f"cannot write keys to {directory}: {exc.strerror or exc}") from exc
    return private_path


def load_private(path: Path, passphrase: bytes | None = None) -> KeySigner:
    """The signer for the private key file at ``path``."""
    data = _read(path)
    try:
        key = serialization.load_pem_private_key(data, password=passphrase)
    except TypeError as exc:
        raise KeyFileError(
            f"{path} is encrypted" if passphrase is None else f"{path} is not encrypted",
            hint="set GATE_KEY_PASSPHRASE" if passphrase is None else None,
        ) from exc
    except ValueError as exc:
        raise KeyFileError(f"{path} is not a PEM private key (or the passphrase is wrong)") from exc
    if not isinstance(key, ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey) or (
        isinstance(key, ec.EllipticCurvePrivateKey) and not isinstance(key.curve, ec.SECP256R1)
    ):
        raise KeyFileError(f"{path}: only Ed25519 and ECDSA P-256 keys are supported")
    return KeySigner(key)


def load_public(path: Path) -> PublicKey:
    """The public key in the PEM file at ``path`` (a private key file gives its public)."""
    data = _read(path)
    if b"PRIVATE KEY" in data:
        return load_private(path).public
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError as exc:
        raise KeyFileError(f"{path} is not a PEM public key") from exc
    if not isinstance(key, ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey) or (
        isinstance(key, ec.EllipticCurvePublicKey) and not isinstance(key.curve, ec.SECP256R1)
    ):
        raise KeyFileError(f"{path}: only Ed25519 and ECDSA P-256 keys are supported")
    return key


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KeyFileError(f"cannot read key {path}: {exc.strerror or exc}") from exc


def passphrase_from_env() -> bytes | None:
    """``GATE_KEY_PASSPHRASE``, when set."""
    value = os.environ.get("GATE_KEY_PASSPHRASE")
    return value.encode() if value else None


def default_dir() -> Path:
    """Where the user's own key lives: the user's config dir (XDG on Linux)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("mergegate"))


def signer_for(path: Path | None, announce: Callable[[str], object]) -> KeySigner:
    """The signer of ``path``, else of the user's key, created on first use."""
    if path is not None:
        return load_private(path, passphrase_from_env())
    directory = default_dir()
    private = directory / PRIVATE_NAME
    if not private.exists():
        write_pair(directory, generate())
        announce(
            f"gate: created your signing key {private} (public key {directory / PUBLIC_NAME}); "
            "verdicts are signed with it unless --key or GATE_KEY names another\n"
        )
    return load_private(private, passphrase_from_env())
