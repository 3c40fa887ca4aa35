"""GATE106: a broken hash or cipher, or the ECB mode, is used."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example
from gate.rules.nodes import argument, is_false_literal, string_value

_WEAK_HASHES = {"md4", "md5", "sha1", "sha-1"}
_HASH_CONSTRUCTORS = {"hashlib.md5", "hashlib.sha1"}
_HASH_NEW = {"hashlib.new"}
_WEAK_CIPHERS = {
    f"{package}.Cipher.{cipher}.new"
    for package in ("Crypto", "Cryptodome")
    for cipher in ("DES", "DES3", "ARC2", "ARC4", "Blowfish")
}
_WEAK_ALGORITHMS = (".algorithms.TripleDES", ".algorithms.ARC4", ".algorithms.Blowfish")
_ECB = (".modes.ECB", ".MODE_ECB")


def _for_security(call: cst.Call) -> bool:
    """Whether a hashlib call is not marked ``usedforsecurity=False``."""
    flag = argument(call, None, "usedforsecurity")
    return flag is None or not (flag.star or is_false_literal(flag.value))


class WeakCrypto(CstRule):
    """A broken hash (MD5, SHA-1) or cipher (DES, 3DES, RC4, Blowfish), or ECB mode.

    MD5 and SHA-1 have practical collision attacks, so they cannot protect passwords,
    signatures or integrity checks; DES, triple DES, RC2, RC4 and Blowfish have keys or
    blocks small enough to break, and ECB mode encrypts equal blocks to equal
    ciphertext, leaking the plaintext's structure. Use SHA-256 or better
    (``hashlib.sha256``, or ``hashlib.scrypt``/argon2/bcrypt for passwords) and an
    authenticated cipher (AES-GCM, ChaCha20-Poly1305, or Fernet). Where MD5 or SHA-1
    is needed for a non-security purpose (a cache key, a legacy checksum), say so with
    ``hashlib.md5(data, usedforsecurity=False)``.
    """

    ID = "GATE106"
    MESSAGE = "a broken hash or cipher is used"
    SEVERITY = Severity.MEDIUM
    CWE = 327
    VALID: ClassVar = [
        "import hashlib\ndigest = hashlib.sha256(data).hexdigest()",
        "import hashlib\netag = hashlib.md5(body, usedforsecurity=False).hexdigest()",
        "import hashlib\nh = hashlib.new('sha512', data)",
        "import hashlib\nh = hashlib.new(algorithm_name)",
        "from Crypto.Cipher import AES\ncipher = AES.new(key, AES.MODE_GCM)",
        (
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n"
            "c = Cipher(algorithms.AES(key), modes.GCM(iv))"
        ),
        "def md5(text):\n    return text\nmd5('x')",
        Example(
            code="import hashlib\nh = hashlib.md5(x)\ny = 2\n",
            base="import hashlib\nh = hashlib.md5(x)\n",
        ),
    ]
    INVALID: ClassVar = [
        "import hashlib\ndigest = hashlib.md5(password.encode()).hexdigest()",
        "from hashlib import sha1 as s\nsig = s(secret + body).digest()",
        "import hashlib\nh = hashlib.new('MD5', data)",
        "import hashlib\nh = hashlib.sha1(data, usedforsecurity=True)",
        "from Crypto.Cipher import DES\nc = DES.new(key, DES.MODE_CBC, iv)",
        "from Cryptodome.Cipher import ARC4 as rc4\nc = rc4.new(key)",
        "from Crypto.Cipher import AES\nc = AES.new(key, AES.MODE_ECB)",
        (
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n"
            "c = Cipher(algorithms.TripleDES(key), modes.CBC(iv))"
        ),
        (
            "from cryptography.hazmat.primitives.ciphers.modes import ECB\n"
            "from cryptography.hazmat.primitives.ciphers import Cipher, algorithms\n"
            "c = Cipher(algorithms.AES(key), ECB())"
        ),
    ]

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        if names & _HASH_CONSTRUCTORS:
            if _for_security(node):
                self.report(node, f"{self.MESSAGE}: {sorted(names & _HASH_CONSTRUCTORS)[0]}")
        elif names & _HASH_NEW:
            name = argument(node, 0, "name")
            text = string_value(name.value) if name is not None and not name.star else None
            if text is not None and text.lower() in _WEAK_HASHES and _for_security(node):
                self.report(node, f"{self.MESSAGE}: hashlib.new({text!r})")
        elif names & _WEAK_CIPHERS or any(
            n.startswith("cryptography.") and n.endswith(_WEAK_ALGORITHMS) for n in names
        ):
            self.report(node, f"{self.MESSAGE}: {min(names)}")

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._check_ecb(node)

    def visit_Name(self, node: cst.Name) -> None:
        self._check_ecb(node)

    def _check_ecb(self, node: cst.BaseExpression) -> None:
        for name in self.qualified_names(node):
            if name.startswith(("cryptography.", "Crypto.", "Cryptodome.")) and name.endswith(_ECB):
                self.report(node, f"{self.MESSAGE}: ECB mode")
                return
