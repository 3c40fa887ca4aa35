"""GATE109: a JWT is decoded without checking its signature."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example
from gate.rules.nodes import is_false_literal, keyword_value, string_value

_DECODE = {
    *(f"jwt.{name}" for name in ("decode", "decode_complete")),
    *(f"jwt.api_jwt.{name}" for name in ("decode", "decode_complete")),
    *(f"jwt.PyJWT.{name}" for name in ("decode", "decode_complete")),
    "jose.jwt.decode",
}
# Reads the claims without any check: whatever the token says.
_UNVERIFIED_CLAIMS = {"jose.jwt.get_unverified_claims"}


def _names_none(node: cst.BaseExpression | None) -> bool:
    """Whether an ``algorithms=`` value lists the ``none`` algorithm."""
    if node is None:
        return False
    if isinstance(node, cst.List | cst.Tuple | cst.Set):
        return any(_names_none(element.value) for element in node.elements)
    text = string_value(node)
    return text is not None and text.lower() == "none"


class JwtUnverified(CstRule):
    """A JSON Web Token is decoded without verifying its signature.

    A JWT's claims (who the user is, what they may do, when the token expires) are
    only as good as its signature: with verification off, or the ``none`` algorithm
    accepted, anyone can write a token claiming to be any user. The rule reports
    ``jwt.decode(..., verify=False)`` (PyJWT 1), ``options={"verify_signature":
    False}`` (PyJWT 2, python-jose) wherever the options are written,
    ``algorithms=["none"]`` and python-jose's ``get_unverified_claims``. Decode with
    the key and an explicit list of the expected algorithms (``jwt.decode(token, key,
    algorithms=["RS256"])``); to read a header before choosing the key, use
    ``jwt.get_unverified_header`` and then verify.
    """

    ID = "GATE109"
    MESSAGE = "a JWT is decoded without verifying its signature"
    SEVERITY = Severity.HIGH
    CWE = 347
    VALID: ClassVar = [
        "import jwt\nclaims = jwt.decode(token, key, algorithms=['HS256'])",
        "import jwt\nkid = jwt.get_unverified_header(token)['kid']",
        "import jwt\nclaims = jwt.decode(t, k, algorithms=['RS256'], options={'require': ['exp']})",
        "from jose import jwt\nclaims = jwt.decode(t, k, options={'verify_signature': True})",
        "claims = serializer.decode(blob, verify=False)",
        Example(
            code="import jwt\nc = jwt.decode(t, verify=False)\nx = 1\n",
            base="import jwt\nc = jwt.decode(t, verify=False)\n",
        ),
    ]
    INVALID: ClassVar = [
        "import jwt\nclaims = jwt.decode(token, verify=False)",
        "import jwt\nclaims = jwt.decode(token, options={'verify_signature': False})",
        "from jose import jwt as j\nc = j.decode(t, k, options={'verify_signature': False})",
        (
            "import jwt\nOPTIONS = {'verify_signature': False, 'verify_exp': True}\n"
            "c = jwt.decode(t, options=OPTIONS)"
        ),
        "from jwt import decode as d\nclaims = d(token, key, algorithms=['HS256', 'none'])",
        "import jwt\nclaims = jwt.decode(token, None, algorithms='NONE')",
        "from jose import jwt\nrole = jwt.get_unverified_claims(token)['role']",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        if names & _UNVERIFIED_CLAIMS:
            self.report(node, f"{self.MESSAGE}: get_unverified_claims")
        if not names & _DECODE:
            return
        verify = keyword_value(node, "verify")
        if verify is not None and is_false_literal(verify):
            self.report(node, f"{self.MESSAGE}: verify=False")
        elif _names_none(keyword_value(node, "algorithms")):
            self.report(node, f"{self.MESSAGE}: the 'none' algorithm is accepted")

    def visit_DictElement(self, node: cst.DictElement) -> None:
        if string_value(node.key) == "verify_signature" and is_false_literal(node.value):
            self.report(node, f"{self.MESSAGE}: verify_signature is False")

    def visit_Arg(self, node: cst.Arg) -> None:
        keyword = node.keyword.value if node.keyword is not None else None
        if keyword == "verify_signature" and is_false_literal(node.value):
            self.report(node, f"{self.MESSAGE}: verify_signature is False")
