"""GATE406: a password, token or key is written in the source."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst
import libcst.matchers as m

from gate.findings import Severity
from gate.rules.interface import CstRule, Example, RuleSettings
from gate.rules.nodes import argument, assigned, string_value, target_names

_SECRET_NAME = re.compile(
    r"(?:^|_)(?:pass(?:word|wd)?|secret(?:_?key)?|token|api_?key|access_?key|private_?key"
    r"|auth|authorization|credential)s?$"
)
_PLACEHOLDER = re.compile(
    r"<.*>|.*\$\{.*\}.*|\{.*\}|%\(.*\)s|x{3,}.*|\*{3,}.*|your[-_ ].*[-_ ]here"
    r"|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+"  # the name of an environment variable
    r"|(?:/|\./|~/).*|https?://[^@]*",  # a path, a URL without a user
    re.IGNORECASE | re.DOTALL,
)
# What a value compared with a literal must be named to be a password check: narrower
# than _SECRET_NAME, since a parser's `token` or a scheme's `auth` is compared with
# literals all the time.
_CHECKED_NAME = re.compile(
    r"(?:^|_)(?:pass(?:word|wd|phrase)?|pwd|pw|secret(?:_?key)?|api_?key|access_?key)$"
)
_SCHEME = re.compile(r"^(?:Bearer|Basic|Token)\s+", re.IGNORECASE)
_SHAPES = {
    "AWS access key id": re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Z0-9])"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b|\bgithub_pat_\w{82}\b"),
    "Slack token": re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}"),
    "Stripe live key": re.compile(r"\b[sr]k_live_[A-Za-z0-9]{24,}\b"),
    # scheme://user:password@host, unless the password is a placeholder
    "URL with a password": re.compile(
        r"\b[a-z][a-z0-9+.-]*://[^\s/:@]+:(?![$<{%*])(?!(?:pass(?:word|wd)?|pwd|pw|secret|x+)@)"
        r"[^\s/@]+@",
        re.IGNORECASE,
    ),
}


def _snake(name: str) -> str:
    """``githubToken`` -> ``github_token``, ``DB_PASSWD`` -> ``db_passwd``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def is_secret_name(name: str) -> bool:
    """``password``, ``DB_PASSWD``, ``githubToken``, ``SECRET_KEY``, ``api_keys`` ..."""
    return bool(_SECRET_NAME.search(_snake(name)))


def _compared_name(node: cst.BaseExpression) -> str | None:
    """The name of a compared value that holds a password (``password``,
    ``form.passwd``, ``data["api_key"]``), if it is one."""
    names = target_names(node)
    if len(names) != 1:
        return None
    return names[0] if _CHECKED_NAME.search(_snake(names[0])) else None


def _checked_literal(value: str) -> bool:
    """A literal a password is checked against: not empty, one word, not a placeholder."""
    return (
        len(value) >= 3
        and not any(c.isspace() for c in value)
        and not _PLACEHOLDER.fullmatch(value)
    )


def looks_like_secret(value: str) -> bool:
    """A value long enough to be a credential that is not a placeholder, prose, a
    path, or the name of a field (``"access_token"``); an HTTP authorisation scheme
    (``"Bearer ..."``) does not count."""
    value = _SCHEME.sub("", value, count=1)
    return (
        len(value) >= 8
        and not any(c.isspace() for c in value)
        and not _PLACEHOLDER.fullmatch(value)
        and not (value.isidentifier() and is_secret_name(value))
    )


class HardcodedCredential(CstRule):
    """A password, token or API key is written in the source code.

    Anything committed is read by everyone with access to the repository, its
    forks, backups and CI logs, and stays in the history after it is deleted. Outside
    test files, the rule reports a string literal of 8 or more characters assigned,
    passed as a keyword or default, or put under a dictionary key whose name says it
    is a credential (``password``, ``secret``, ``token``, ``api_key``, ``access_key``,
    ``auth`` ...), or passed as the password of ``login(user, password)``; obvious
    placeholders (``"<token>"``, ``"${TOKEN}"``, ``"xxxx"``, ``"your-key-here"``) do
    not count. In test files too, it reports strings shaped like AWS, GitHub, Slack
    or Stripe keys, and URLs with a password (``postgresql://app:pw@db/app``). A value
    named as a password or key that is checked against a literal (``password ==
    "admin123"``, ``hmac.compare_digest(api_key, "...")``) is a hard-coded password too,
    whatever its length. The finding never shows the value. Revoke the credential, then
    read it at run time from the environment or a secret manager
    (``os.environ["API_KEY"]``).
    """

    ID = "GATE406"
    MESSAGE = "a credential is hard-coded"
    SEVERITY = Severity.HIGH
    CWE = 798
    VALID: ClassVar = [
        "import os\nPASSWORD = os.environ['DB_PASSWORD']",
        "api_key = '<your-api-key>'\nsecret = '${APP_SECRET}'\ntoken = 'xxxxxxxxxxxx'",
        "TOKEN_URL = 'https://auth.example.com/token'\nACCESS_TOKEN = 'access_token'",
        "password_help = 'at least 8 characters'\nauth = connect(token=os.getenv('TOKEN'))",
        "SA_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'\npassword = ''",
        "DATABASE_URL = 'postgresql://app:${DB_PASSWORD}@db:5432/app'\nclient.login(user, pw)",
        "if token == 'EOF':\n    pass\nif auth == 'basic' or password == '':\n    pass",
        "ok = password == confirm and hmac.compare_digest(api_key, stored_key)",
        "if password == '<password>' or secret != 'xxxxxxxx':\n    pass",
        '"""Connect with a URL like ``https://username:password@host:80/path``."""',
        Example(code="client = Client(password='hunter2hunter2')\n", path="tests/test_client.py"),
        Example(
            code="SECRET_KEY = 'django-insecure-0123456789'\nDEBUG = False\n",
            base="SECRET_KEY = 'django-insecure-0123456789'\n",
        ),
    ]
    INVALID: ClassVar = [
        "SECRET_KEY = 'django-insecure-k3y!s0m3th1ng'",
        "db_password = 'changeme'",
        "conn = connect(host='db', user='app', password='s3cr3t-pa55')",
        "settings = {'api_key': 'sk-test-0123456789abcdef'}",
        "class Config:\n    githubToken: str = 'abcdef0123456789'",
        "def login(user, passwd='letmein123'):\n    ...",
        "import smtplib\nwith smtplib.SMTP_SSL(host) as s:\n    s.login('ops', 'h8Dk2!vPq7sLmW3e')",
        "HEADERS = {'Authorization': 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig'}",
        "def check(user, password):\n    return user == 'admin' and password == 'admin123'",
        "if request.form['password'] != 'hunter2':\n    abort(403)",
        "import hmac\nok = hmac.compare_digest(self.apiKey, 'k-2f9a61c0d3')",
        # The shapes are split so that this file does not hold one.
        "DATABASE_URL = 'postgresql://app:" + "T4m!9rQwZx2L@db.internal:5432/events'",
        "aws = {'id': 'AKIA" + "IOSFODNN7ABCDEFG'}",
        Example(
            code="GH = 'ghp" + "_0123456789abcdefghijABCDEFGHIJ012345'\n",
            path="tests/test_api.py",
        ),
    ]

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._by_name = not settings.is_test_file(path)
        self._done: set[cst.CSTNode] = set()

    def _check(self, name: str, value: cst.BaseExpression | None) -> None:
        if not self._by_name or value is None or not is_secret_name(name):
            return
        text = string_value(value)
        if text is None or not looks_like_secret(text):
            return
        self._done.update(m.findall(value, m.SimpleString()))
        message = f"{self.MESSAGE}: `{name}` is set to a {len(text)}-character string literal"
        self.report(value, message, key=f"{name} = <{len(text)} characters>")

    def visit_Assign(self, node: cst.Assign) -> None:
        for name in assigned(node):
            self._check(name, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        for name in assigned(node):
            self._check(name, node.value)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._check(node.keyword.value, node.value)

    def visit_Call(self, node: cst.Call) -> None:
        # smtplib, ftplib, imaplib, poplib: login(user, password)
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "login":
            password = argument(node, 1, None)
            if password is not None and not password.star:
                self._check("password", password.value)
        # hmac.compare_digest(password, "..."), secrets.compare_digest
        if isinstance(func, cst.Attribute | cst.Name) and (
            (func.attr if isinstance(func, cst.Attribute) else func).value == "compare_digest"
        ):
            first, second = argument(node, 0, "a"), argument(node, 1, "b")
            if first is not None and second is not None:
                self._check_compared(first.value, second.value)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        left = node.left
        for target in node.comparisons:
            if isinstance(target.operator, cst.Equal | cst.NotEqual):
                self._check_compared(left, target.comparator)
            left = target.comparator

    def _check_compared(self, one: cst.BaseExpression, other: cst.BaseExpression) -> None:
        """``password == "..."`` either way round."""
        for value, literal in ((one, other), (other, one)):
            name = _compared_name(value)
            text = string_value(literal) if name is not None else None
            if self._by_name and name and text is not None and _checked_literal(text):
                self._done.update(m.findall(literal, m.SimpleString()))
                message = f"{self.MESSAGE}: `{name}` is checked against a string literal"
                self.report(literal, message, key=f"{name} == <{len(text)} characters>")
                return

    def visit_Param(self, node: cst.Param) -> None:
        self._check(node.name.value, node.default)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        key = string_value(node.key)
        if key is not None:
            self._check(key, node.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if node not in self._done and isinstance(value, str):
            self._check_shapes(node, value)

    def visit_FormattedStringText(self, node: cst.FormattedStringText) -> None:
        self._check_shapes(node, node.value)

    def _check_shapes(self, node: cst.CSTNode, text: str) -> None:
        for kind, shape in _SHAPES.items():
            found = shape.search(text)
            if found is not None:
                match = found.group()
                shown = match.split("//")[0] + "//" if "://" in match else match[:4]
                message = f"{self.MESSAGE}: {kind} ({shown}...) in a string literal"
                self.report(node, message, key=f"{kind} {found.group()}")
                return
