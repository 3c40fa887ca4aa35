"""GATE407: a private key is committed."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from typing import ClassVar

from gate.findings import Severity
from gate.rules.interface import Example, FileRule, FileVersions, Hit

# Written in two parts so that this file does not match itself.
_BEGIN = "-----" + "BEGIN"
_HEADER = re.compile(
    re.escape(_BEGIN) + r" (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----"
)
# The key itself: a long run of base64 soon after the header (not a mere mention).
_BODY = re.compile(r"[A-Za-z0-9+/=]{40,}")
_WINDOW = 300
_PEM = _BEGIN + " RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA7bq98v5Nc1vZk2Qp3xY0mLhTnU8eRfWcKaGd\\n"


def private_keys(text: str) -> Iterator[tuple[int, str, str]]:
    """``(line, header, key)`` for each private key in ``text``; ``key`` identifies the
    key without holding it (a digest of its first line)."""
    for found in _HEADER.finditer(text):
        body = _BODY.search(text, found.end(), found.end() + _WINDOW)
        if body is None:
            continue
        digest = hashlib.sha256(body.group().encode()).hexdigest()[:16]
        line = text.count("\n", 0, found.start()) + 1
        yield line, found.group().strip("-"), f"{found.group()} {digest}"


class PrivateKeyCommitted(FileRule):
    """A private key is committed: a PEM or OpenSSH ``BEGIN ... PRIVATE KEY`` block.

    A private key in the repository (in a Python string, a ``.pem`` or ``id_rsa``
    file, a config file) belongs to everyone who can read the repository, its forks
    and its history: they can impersonate the service, sign as it or decrypt its
    traffic, and deleting the file later does not take it back. The rule reads every
    text file the change touches. Revoke and replace the key, then load it at run time
    from a secret store or a file outside the repository; tests can generate a
    throwaway key.
    """

    ID = "GATE407"
    MESSAGE = "a private key is committed"
    SEVERITY = Severity.CRITICAL
    CWE = 321
    VALID: ClassVar = [
        "if pem.startswith('" + _BEGIN + " PRIVATE KEY-----'):\n    load(pem)",
        "PUBLIC = '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'",
        Example(code="Use the key in `" + _BEGIN + " PRIVATE KEY-----` form.\n", path="README.md"),
        (
            "from cryptography.hazmat.primitives.asymmetric import ed25519\n"
            "key = ed25519.Ed25519PrivateKey.generate()"
        ),
        Example(code=f"KEY = '{_PEM}'\nx = 1\n", base=f"KEY = '{_PEM}'\n"),
    ]
    INVALID: ClassVar = [
        f"KEY = '{_PEM}'",
        Example(code=_PEM.replace("\\n", "\n") + "...\n", path="deploy/id_rsa"),
        Example(
            code="ssh:\n  key: |\n    "
            + _BEGIN
            + " OPENSSH PRIVATE KEY-----\n"
            + "    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n",
            path="config/deploy.yaml",
        ),
        'KEY = """'
        + _BEGIN
        + ' EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5owhQsTU\n"""',
        Example(
            code=f"A = 1\nKEY = '{_PEM}'\n",
            base="A = 1\n",
            path="src/app/keys.py",
        ),
    ]

    def check(self, file: FileVersions) -> Iterator[Hit]:
        if file.head is None:
            return
        old = Counter(key for _, _, key in private_keys(file.base or ""))
        for line, header, key in private_keys(file.head):
            if old[key] > 0:
                old[key] -= 1
                continue
            yield Hit(line=line, end_line=line, message=f"{self.MESSAGE}: {header}", key=key)
