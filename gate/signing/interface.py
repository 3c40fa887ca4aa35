"""What a signer is, and the one error every verification failure raises."""

from __future__ import annotations

from typing import ClassVar, Protocol

from gate.errors import GateError


class VerificationError(GateError):
    """An envelope, a signature, a subject or a policy that does not check out: exit 1.

    Verification raises this; it never returns a bool that a caller could forget.
    """

    exit_code: ClassVar[int] = 1


class Signer(Protocol):
    """Something that signs bytes with a private key."""

    @property
    def keyid(self) -> str:
        """Hex sha256 of the public key's DER SubjectPublicKeyInfo."""
        ...

    def sign(self, data: bytes) -> bytes:
        """The raw signature of ``data``."""
        ...
