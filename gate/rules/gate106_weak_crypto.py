"""GATE106: a broken hash or cipher, or the ECB mode, is used."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example, RuleSettings
from gate.rules.nodes import (
    argument,
    is_false_literal,
    references,
    string_value,
    target_names,
)

_WEAK_HASHES = {"md4", "md5", "sha1", "sha-1"}
_HASH_CONSTRUCTORS = {
    "hashlib.md5",
    "hashlib.sha1",
    "cryptography.hazmat.primitives.hashes.MD5",
    "cryptography.hazmat.primitives.hashes.SHA1",
    *(
        f"{package}.Hash.{name}.new"
        for package in ("Crypto", "Cryptodome")
        for name in ("MD2", "MD4", "MD5", "SHA", "SHA1")
    ),
}
_HASH_NEW = {"hashlib.new"}
_WEAK_CIPHERS = {
    f"{package}.Cipher.{cipher}.new"
    for package in ("Crypto", "Cryptodome")
    for cipher in ("DES", "DES3", "ARC2", "ARC4", "Blowfish")
}
_WEAK_ALGORITHMS = (".algorithms.TripleDES", ".algorithms.ARC4", ".algorithms.Blowfish")
_ECB = (".modes.ECB", ".MODE_ECB")
# Where a hash is the digest of an HMAC, whose strength does not rest on collisions:
# HMAC-SHA1 (and HMAC-MD5) stand, and signing libraries default to them.
_HMACS = {"hmac.new", "hmac.HMAC", "hmac.digest", "cryptography.hazmat.primitives.hmac.HMAC"}
# Keywords and names that hold an HMAC's digest (hmac.new's digestmod, itsdangerous's
# digest_method).
_DIGEST_NAME = re.compile(r"^(digestmod|digest_?method|default_digest_method)$", re.IGNORECASE)


def _for_security(call: cst.Call) -> bool:
    """Whether a hashlib call is not marked ``usedforsecurity=False``."""
    flag = argument(call, None, "usedforsecurity")
    return flag is None or not (flag.star or is_false_literal(flag.value))


def _names(node: cst.CSTNode) -> set[str]:
    """The plain names an expression mentions (a function passed as a digest)."""
    return {n.value for n in references(node) if isinstance(n, cst.Name)}


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

    Not reported: a hash that is an HMAC's digest (``hmac.new(key, msg,
    digestmod=...)``, cryptography's ``HMAC(key, hashes.SHA1())``, a function a module
    uses as ``digest_method`` the way signing libraries default to HMAC-SHA1): an HMAC's
    strength does not rest on collisions, and HMAC-SHA1 stands.
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
        "import hashlib, hmac\nmac = hmac.new(key, msg, digestmod=lambda d=b'': hashlib.sha1(d))",
        (
            "import hashlib, hmac\ndef _lazy_sha1(string=b''):\n    return hashlib.sha1(string)\n"
            "class Signer:\n    default_digest_method = staticmethod(_lazy_sha1)\n"
            "    def sign(self, key, value):\n"
            "        return hmac.new(key, value, self.default_digest_method).digest()"
        ),
        (
            "from cryptography.hazmat.primitives import hashes, hmac\n"
            "h = hmac.HMAC(key, hashes.SHA1())"
        ),
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
        "from cryptography.hazmat.primitives import hashes\nd = hashes.Hash(hashes.SHA1())",
        "from Crypto.Hash import MD5\nh = MD5.new(data)",
        (  # a function named like a digest but used to fingerprint, not as an HMAC's
            "import hashlib\ndef _sha1(data):\n    return hashlib.sha1(data)\n"
            "fingerprint = _sha1(cert).hexdigest()"
        ),
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

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._functions: list[str] = []  # enclosing function names, innermost last
        self._digest_args: set[int] = set()  # ids of arguments that are an HMAC's digest
        self._in_digest = 0
        self._digest_functions: set[str] = set()  # functions used as an HMAC's digest
        self._weak_hashes: list[tuple[cst.Call, str, str | None]] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._functions.pop()

    def visit_Arg(self, node: cst.Arg) -> None:
        self._in_digest += id(node) in self._digest_args

    def leave_Arg(self, original_node: cst.Arg) -> None:
        self._in_digest -= id(original_node) in self._digest_args

    def visit_Assign(self, node: cst.Assign) -> None:
        if any(_DIGEST_NAME.match(n) for t in node.targets for n in target_names(t.target)):
            self._digest_functions |= _names(node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None and any(_DIGEST_NAME.match(n) for n in target_names(node.target)):
            self._digest_functions |= _names(node.value)

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        self._note_digests(node, names)
        if names & _HASH_CONSTRUCTORS:
            if _for_security(node):
                self._weak_hash(node, sorted(names & _HASH_CONSTRUCTORS)[0])
        elif names & _HASH_NEW:
            name = argument(node, 0, "name")
            text = string_value(name.value) if name is not None and not name.star else None
            if text is not None and text.lower() in _WEAK_HASHES and _for_security(node):
                self._weak_hash(node, f"hashlib.new({text!r})")
        elif names & _WEAK_CIPHERS or any(
            n.startswith("cryptography.") and n.endswith(_WEAK_ALGORITHMS) for n in names
        ):
            self.report(node, f"{self.MESSAGE}: {min(names)}")

    def _note_digests(self, node: cst.Call, names: set[str]) -> None:
        """The arguments of ``node`` that are an HMAC's digest."""
        digests = [a for a in node.args if a.keyword and _DIGEST_NAME.match(a.keyword.value)]
        if names & _HMACS:
            position = 1 if any(n.startswith("cryptography.") for n in names) else 2
            positional = [a for a in node.args if a.keyword is None and not a.star]
            digests += positional[position : position + 1]
            digests += [a for a in node.args if a.keyword and a.keyword.value == "algorithm"]
        for arg in digests:
            self._digest_args.add(id(arg))
            self._digest_functions |= _names(arg.value)

    def _weak_hash(self, node: cst.Call, what: str) -> None:
        if not self._in_digest:  # decided at the module's end, when every use is known
            self._weak_hashes.append((node, what, self._functions[-1] if self._functions else None))

    def leave_Module(self, original_node: cst.Module) -> None:
        for node, what, function in self._weak_hashes:
            if function is None or function not in self._digest_functions:
                self.report(node, f"{self.MESSAGE}: {what}")

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._check_ecb(node)

    def visit_Name(self, node: cst.Name) -> None:
        self._check_ecb(node)

    def _check_ecb(self, node: cst.BaseExpression) -> None:
        for name in self.qualified_names(node):
            if name.startswith(("cryptography.", "Crypto.", "Cryptodome.")) and name.endswith(_ECB):
                self.report(node, f"{self.MESSAGE}: ECB mode")
                return
