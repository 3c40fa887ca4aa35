"""GATE107: the ``random`` module makes a value used as a secret."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.bindings import BindingRule
from gate.rules.interface import Example, RuleSettings
from gate.rules.nodes import assigned, source, string_value, target_names

_METHODS = {"random", "randint", "choice", "choices", "getrandbits", "randrange", "sample"}
_METHODS |= {"uniform", "randbytes", "shuffle"}
_RANDOM = {f"random.{m}" for m in _METHODS} | {f"random.Random.{m}" for m in _METHODS}
_RANDOM_CLASS = {"random.Random"}
_SECRET_WORDS = {"token", "password", "passwd", "pwd", "passphrase", "secret", "key", "apikey"}
_SECRET_WORDS |= {"nonce", "salt", "otp", "session", "reset", "csrf"}
# "code" alone is too common (status_code); these make it a one-time code.
_CODE_WORDS = {"verification", "verify", "confirm", "confirmation", "auth", "login", "access"}
_CODE_WORDS |= {"security", "invite", "activation", "mfa", "sms", "email", "recovery"}
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _words(name: str) -> set[str]:
    words = {w.lower() for w in _WORD.findall(name)}
    return words | {w.removesuffix("s") for w in words}


def is_secret_name(name: str, function: str = "") -> bool:
    """Whether an identifier names a secret: ``reset_token``, ``apiKey``, ``make_otp``,
    and ``code`` in a function whose name says what kind (``send_login_code``)."""
    words = _words(name)
    return bool(words & _SECRET_WORDS) or (
        "code" in words and bool((words | _words(function)) & _CODE_WORDS)
    )


class _Returned(cst.CSTVisitor):
    """The names a function's own ``return`` statements mention."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self._depth = 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        self._depth += 1

    def leave_Return(self, original_node: cst.Return) -> None:
        self._depth -= 1

    def visit_Name(self, node: cst.Name) -> None:
        if self._depth:
            self.names.add(node.value)


class InsecureRandom(BindingRule):
    """A value from the ``random`` module is used as a token, password, key or nonce.

    ``random`` is a Mersenne Twister: fast and fine for simulations, but predictable.
    Anyone who sees some of its output (624 32-bit values, or fewer with a known
    seed) can compute every value before and after it, so reset tokens, session ids,
    passwords, one-time codes, salts and keys drawn from it can be guessed. The rule
    reports ``random`` and ``numpy.random`` calls (and methods of a ``random.Random()``)
    whose result is assigned to, passed as, or put under a key with a secret's name,
    or returned from or built for the return value of a function with one. Use the
    ``secrets`` module (``secrets.token_urlsafe()``, ``secrets.choice``,
    ``secrets.randbelow``) or ``random.SystemRandom``. Test files are not checked.
    """

    ID = "GATE107"
    MESSAGE = "a secret is made with the predictable random module"
    SEVERITY = Severity.MEDIUM
    CWE = 338
    VALID: ClassVar = [
        "import secrets\ntoken = secrets.token_urlsafe(32)",
        "import random\ndelay = random.uniform(0.5, 1.5)",
        "import random\nrandom.shuffle(deck)\nstatus_code = random.choice([200, 503])",
        "import random\nordered = sorted(items, key=lambda _: random.random())",
        "import random\ntoken = random.SystemRandom().choice(alphabet)",
        "import random\ndef rotate_keys():\n    jitter = random.random()\n    sleep(jitter)",
        Example(code="import random\npassword = random.choice(words)", path="tests/test_x.py"),
        Example(
            code="import random\ntoken = random.getrandbits(64)\nx = 1\n",
            base="import random\ntoken = random.getrandbits(64)\n",
        ),
    ]
    INVALID: ClassVar = [
        "import random\nreset_token = ''.join(random.choice(alphabet) for _ in range(32))",
        "from random import randint as r\nverification_code = r(100000, 999999)",
        "import random as rnd\nuser.apiKey = hex(rnd.getrandbits(128))",
        "import random\nsession = create(session_id=random.randrange(10**12))",
        "import random\ndef make_password(n):\n    return ''.join(random.choices(CHARS, k=n))",
        (
            "import random\ndef new_salt():\n    chars = [random.choice(HEX) for _ in range(16)]\n"
            "    return ''.join(chars)"
        ),
        "import random\nrng = random.Random()\nnonce = rng.randbytes(12)",
        "import random\nconfig = {'secret': str(random.random())}",
        "import random\ndef send_login_code(phone):\n    code = random.randint(0, 999999)",
        "import numpy as np\ninvite_codes = np.random.randint(0, 10**8, size=50)",
    ]

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._active = not settings.is_test_file(path)
        self._functions: list[tuple[str, set[str]]] = []
        self._contexts: list[list[str]] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        returned = _Returned()
        node.body.visit(returned)
        self._functions.append((node.name.value, returned.names))

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(original_node)
        self._functions.pop()

    def _function_name(self, names: set[str] | None = None) -> list[str]:
        """The enclosing function's name if it names a secret (and, given ``names``,
        one of them is what it returns)."""
        if not self._functions:
            return []
        function, returned = self._functions[-1]
        if not is_secret_name(function) or (names is not None and not names & returned):
            return []
        return [f"{function}()"]

    def visit_Assign(self, node: cst.Assign) -> None:
        names = assigned(node)
        self._contexts.append(names + self._function_name(set(names)))

    def leave_Assign(self, original_node: cst.Assign) -> None:
        super().leave_Assign(original_node)
        self._contexts.pop()

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        names = assigned(node)
        self._contexts.append(names + self._function_name(set(names)))

    def leave_AnnAssign(self, original_node: cst.AnnAssign) -> None:
        super().leave_AnnAssign(original_node)
        self._contexts.pop()

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        names = target_names(node.target)
        self._contexts.append(names + self._function_name(set(names)))

    def leave_AugAssign(self, original_node: cst.AugAssign) -> None:
        super().leave_AugAssign(original_node)
        self._contexts.pop()

    def visit_Return(self, node: cst.Return) -> None:
        self._contexts.append(self._function_name())

    def leave_Return(self, original_node: cst.Return) -> None:
        self._contexts.pop()

    def visit_Arg(self, node: cst.Arg) -> None:
        keyword = node.keyword.value if node.keyword is not None else None
        # key= is a sort or lookup key (sorted(xs, key=lambda _: random.random())).
        self._contexts.append([keyword] if keyword is not None and keyword != "key" else [])

    def leave_Arg(self, original_node: cst.Arg) -> None:
        self._contexts.pop()

    def visit_DictElement(self, node: cst.DictElement) -> None:
        key = string_value(node.key)
        self._contexts.append([key] if key is not None else [])

    def leave_DictElement(self, original_node: cst.DictElement) -> None:
        self._contexts.pop()

    def visit_Call(self, node: cst.Call) -> None:
        if not self._active or not self._is_random(node.func):
            return
        function = self._functions[-1][0] if self._functions else ""
        secret = next((n for c in self._contexts for n in c if is_secret_name(n, function)), None)
        if secret is not None:
            message = f"`{secret}` is made with the predictable random module: use secrets"
            self.report(node, message, key=f"{source(node)} -> {secret}")

    def _is_random(self, func: cst.BaseExpression) -> bool:
        names = self.qualified_names(func)
        if names & _RANDOM or any(n.startswith("numpy.random.") for n in names):
            return True
        if not isinstance(func, cst.Attribute) or f"random.{func.attr.value}" not in _RANDOM:
            return False
        instance = self.bound_value(func.value)
        return isinstance(instance, cst.Call) and bool(
            self.qualified_names(instance.func) & _RANDOM_CLASS
        )
