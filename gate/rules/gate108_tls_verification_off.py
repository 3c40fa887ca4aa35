"""GATE108: TLS certificate or host name verification is turned off."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example, RuleSettings
from gate.rules.nodes import keyword_value, references, source, string_value, target_names

# Calls that take verify= on any receiver (a requests.Session, an httpx.Client ...).
_HTTP_METHODS = {"get", "post", "put", "patch", "delete", "head", "options", "request"}
_HTTP_METHODS |= {"send", "stream"}
_CLIENTS = ("requests.", "httpx.", "aiohttp.")
# requests and httpx take verify=, aiohttp ssl= (verify_ssl= before 3.0).
_FLAGS = ("verify", "ssl", "verify_ssl")
_UNVERIFIED = {"ssl._create_unverified_context", "ssl._create_stdlib_context"}
_CERT_NONE = {"ssl.CERT_NONE", "ssl.VerifyMode.CERT_NONE"}
_DISABLE_WARNINGS = {"urllib3.disable_warnings", "requests.packages.urllib3.disable_warnings"}


# Names of a caller's option to skip verification (``verify``, ``insecure``, ``verify_ssl``).
_OPTION = re.compile(r"verif|insecure|ssl|tls|cert|hostname", re.IGNORECASE)


def _is_false(node: cst.BaseExpression | None) -> bool:
    """``False`` or ``0`` written as such (``verify=None`` means the default)."""
    return (isinstance(node, cst.Name) and node.value == "False") or (
        isinstance(node, cst.Integer) and node.evaluated_value == 0
    )


def _is_cert_none_text(node: cst.BaseExpression | None) -> bool:
    return node is not None and string_value(node) in ("CERT_NONE", "NONE")


class TlsVerificationOff(CstRule):
    """TLS certificate or host name verification is turned off.

    Without verification, HTTPS still encrypts, but to whoever answers: anyone on the
    network path (a proxy, a Wi-Fi access point, a compromised router) can present
    their own certificate and read or change the traffic, credentials included. The
    rule reports ``verify=False`` on ``requests``/``httpx`` calls and clients,
    ``ssl=False`` on ``aiohttp`` ones, ``session.verify = False``,
    ``ssl._create_unverified_context``, ``ssl.CERT_NONE`` (outside a comparison),
    ``check_hostname = False``, ``cert_reqs="CERT_NONE"`` and
    ``urllib3.disable_warnings()``, which hides the warning that verification is off.
    For an internal or self-signed certificate, pass its CA bundle instead
    (``verify="/path/to/ca.pem"``, ``ssl.create_default_context(cafile=...)``).

    Not reported: turning verification off inside the branch of an ``if`` that tests
    the caller's own option for it, a parameter of the enclosing function or an
    attribute of ``self`` named like ``verify``, ``insecure`` or ``verify_ssl``
    (``if not verify: ctx.check_hostname = False``), as clients implement
    ``verify=False``; the choice is then the caller's, where the rule looks for it.
    Nor ``ssl.CERT_NONE`` as a mapping's key (a table that translates the constant).
    """

    ID = "GATE108"
    MESSAGE = "TLS certificate verification is turned off"
    SEVERITY = Severity.HIGH
    CWE = 295
    VALID: ClassVar = [
        "import requests\nr = requests.get(url, timeout=5)",
        "import requests\nr = requests.post(url, json=body, verify='/etc/ssl/internal-ca.pem')",
        "import ssl\nctx = ssl.create_default_context(cafile=ca)\nctx.check_hostname = True",
        "import ssl\nif ctx.verify_mode == ssl.CERT_NONE:\n    raise ValueError('unverified')",
        "import jwt\nclaims = serializer.loads(data, verify=False)",
        "import urllib3\nurllib3.disable_warnings(urllib3.exceptions.SubjectAltNameWarning)",
        "import ssl\nTO_OPENSSL = {ssl.CERT_NONE: 0, ssl.CERT_REQUIRED: 3}",
        Example(
            code="import requests\nrequests.get(u, verify=False)\nprint(1)\n",
            base="import requests\nrequests.get(u, verify=False)\n",
        ),
        (
            "import ssl\ndef connect(host, verify=True):\n"
            "    ctx = ssl.create_default_context()\n    if not verify:\n"
            "        ctx.check_hostname = False\n        ctx.verify_mode = ssl.CERT_NONE\n"
            "    return ctx"
        ),
        (
            "import requests\nclass Client:\n    def get(self, url):\n"
            "        if self.insecure:\n            return requests.get(url, verify=False)\n"
            "        return requests.get(url)"
        ),
    ]
    INVALID: ClassVar = [
        "import requests\nr = requests.get(url, verify=False)",
        "import httpx as h\nclient = h.Client(verify=False)",
        "import requests\ns = requests.Session()\ns.verify = False",
        "def fetch(session, url):\n    return session.post(url, data=d, verify=False)",
        "async def f(session, url):\n    async with session.get(url, ssl=False) as r:\n        ...",
        "import ssl\nctx = ssl._create_unverified_context()",
        "import ssl\nssl._create_default_https_context = ssl._create_unverified_context",
        "from ssl import CERT_NONE\nctx.verify_mode = CERT_NONE",
        "import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = False",
        "import urllib3\nhttp = urllib3.PoolManager(cert_reqs='CERT_NONE')",
        "import urllib3\nurllib3.disable_warnings()",
        (
            "from urllib3.exceptions import InsecureRequestWarning\nimport urllib3 as u\n"
            "u.disable_warnings(InsecureRequestWarning)"
        ),
        (  # an environment variable is not the caller's option
            "import os, requests\ndef get(url):\n    if os.environ.get('INSECURE'):\n"
            "        return requests.get(url, verify=False)"
        ),
        (  # nor a module-wide switch
            "import requests\nINSECURE = True\ndef get(url):\n    if INSECURE:\n"
            "        return requests.get(url, verify=False)"
        ),
    ]

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._comparisons = 0
        self._params: list[set[str]] = [set()]  # of each enclosing function
        self._options = 0  # enclosing ifs that test the caller's option
        self._keys: set[int] = set()  # ids of nodes that are a mapping's keys

    def report(self, node: cst.CSTNode, message: str | None = None, key: str | None = None) -> None:
        if not self._options:
            super().report(node, message, key)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        params = node.params
        every = [*params.posonly_params, *params.params, *params.kwonly_params]
        self._params.append({p.name.value for p in every})

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._params.pop()

    def visit_If(self, node: cst.If) -> None:
        self._options += self._tests_option(node.test)

    def leave_If(self, original_node: cst.If) -> None:
        self._options -= self._tests_option(original_node.test)

    def _tests_option(self, test: cst.BaseExpression) -> bool:
        """Whether ``test`` reads the caller's option: a parameter, or ``self.<name>``."""
        for node in references(test):
            if isinstance(node, cst.Name) and node.value in self._params[-1]:
                name = node.value
            elif (
                isinstance(node, cst.Attribute)
                and isinstance(node.value, cst.Name)
                and node.value.value in ("self", "cls")
            ):
                name = node.attr.value
            else:
                continue
            if _OPTION.search(name):
                return True
        return False

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        http = any(n.startswith(_CLIENTS) for n in names) or (
            isinstance(node.func, cst.Attribute) and node.func.attr.value in _HTTP_METHODS
        )
        flag = next((k for k in _FLAGS if _is_false(keyword_value(node, k))), None)
        if http and flag is not None:
            self.report(node, f"{self.MESSAGE}: {flag}=False")
        elif _is_cert_none_text(keyword_value(node, "cert_reqs")):
            self.report(node, f"{self.MESSAGE}: cert_reqs='CERT_NONE'")
        elif names & _DISABLE_WARNINGS and self._hides_insecure_warning(node):
            self.report(node, "the warning that TLS verification is off is silenced")

    def _hides_insecure_warning(self, call: cst.Call) -> bool:
        """``disable_warnings()`` (all of them) or of ``InsecureRequestWarning``."""
        if not call.args:
            return True
        names = self.qualified_names(call.args[0].value)
        return any(n.endswith("InsecureRequestWarning") for n in names)

    def visit_Assign(self, node: cst.Assign) -> None:
        if not _is_false(node.value):
            return
        for target in node.targets:
            names = target_names(target.target)
            if "check_hostname" in names or (
                isinstance(target.target, cst.Attribute) and "verify" in names
            ):
                self.report(node, f"{self.MESSAGE}: {source(target.target)} = False")

    def visit_Comparison(self, node: cst.Comparison) -> None:
        self._comparisons += 1

    def leave_Comparison(self, original_node: cst.Comparison) -> None:
        self._comparisons -= 1

    def visit_DictElement(self, node: cst.DictElement) -> None:
        # {ssl.CERT_NONE: ...} translates the constant; it sets nothing.
        self._keys.add(id(node.key))

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._check_reference(node)

    def visit_Name(self, node: cst.Name) -> None:
        self._check_reference(node)

    def _check_reference(self, node: cst.BaseExpression) -> None:
        names = self.qualified_names(node)
        if names & _UNVERIFIED:
            self.report(node, f"{self.MESSAGE}: {min(names & _UNVERIFIED)}")
        elif names & _CERT_NONE and not self._comparisons and id(node) not in self._keys:
            self.report(node, f"{self.MESSAGE}: ssl.CERT_NONE")
