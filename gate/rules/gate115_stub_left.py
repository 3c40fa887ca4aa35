"""GATE115: new code leaves a stub: an empty function, or a TODO comment."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.comments import CommentRule
from gate.rules.interface import Example, RuleSettings

_ABSTRACT_BASES = {"abc.ABC", "typing.Protocol", "typing_extensions.Protocol"}
_ABSTRACT_META = {"abc.ABCMeta"}
_EXEMPT_DECORATORS = {
    *(f"abc.{name}" for name in ("abstractmethod", "abstractproperty", "abstractclassmethod")),
    "abc.abstractstaticmethod",
    "typing.overload",
    "typing_extensions.overload",
}
_NOT_IMPLEMENTED = {"builtins.NotImplementedError"}


def _statements(body: cst.BaseSuite) -> list[cst.BaseSmallStatement | cst.BaseStatement]:
    """A function's statements, one-line ones split, its docstring dropped."""
    if isinstance(body, cst.SimpleStatementSuite):
        statements: list[cst.BaseSmallStatement | cst.BaseStatement] = list(body.body)
    else:
        statements = []
        for line in body.body:
            if isinstance(line, cst.SimpleStatementLine):
                statements.extend(line.body)
            else:
                statements.append(line)
    first = statements[0] if statements else None
    if isinstance(first, cst.Expr) and isinstance(
        first.value, cst.SimpleString | cst.ConcatenatedString
    ):
        statements = statements[1:]
    return statements


class StubLeftBehind(CommentRule):
    """New code leaves a stub behind: an empty function body, or a TODO comment.

    A function whose body is only ``pass``, ``...`` or ``raise NotImplementedError``
    does nothing, yet callers (and reviewers) take it for working code; a ``TODO``,
    ``FIXME`` or ``XXX`` comment marks work the change itself says is unfinished.
    Generated changes often leave both when a task is bigger than the output. Finish
    the function or leave it out of the change, and track remaining work in the issue
    tracker. Abstract methods (``@abstractmethod``, the methods of ``abc.ABC`` and
    ``Protocol`` classes), ``@overload`` signatures, ``.pyi`` stubs and test files are
    not reported.
    """

    ID = "GATE115"
    MESSAGE = "a stub is left in new code"
    SEVERITY = Severity.LOW
    CWE = None
    PATTERN = re.compile(r"\b(?:TODO|FIXME|XXX)\b")
    VALID: ClassVar = [
        "def area(r):\n    '''Circle area.'''\n    return 3.14159 * r * r",
        (
            "import abc\n\nclass Store(abc.ABC):\n    @abc.abstractmethod\n"
            "    def get(self, key):\n        raise NotImplementedError"
        ),
        "from typing import Protocol\n\nclass Reader(Protocol):\n    def read(self) -> bytes: ...",
        (
            "from typing import overload\n\n@overload\ndef f(x: int) -> int: ...\n"
            "@overload\ndef f(x: str) -> str: ...\ndef f(x):\n    return x"
        ),
        Example(code="def f(x: int) -> int: ...\n", path="pkg/mod.pyi"),
        Example(code="def helper():\n    pass  # TODO\n", path="tests/test_x.py"),
        "# todo lists are stored per user\nLABEL = 'TODO'",
        Example(
            code="def later():\n    pass\n\nx = 1\n",
            base="def later():\n    pass\n",
        ),
    ]
    INVALID: ClassVar = [
        "def send_email(to, body):\n    pass",
        "def refund(order):\n    '''Refund an order.'''\n    raise NotImplementedError('later')",
        "class Client:\n    def retry(self):\n        ...",
        "class Base:\n    def run(self):\n        raise NotImplementedError",
        "def parse(text):\n    # TODO: handle quoted fields\n    return text.split(',')",
        "x = compute()  # FIXME wrong for negative numbers",
    ]

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._active = not settings.is_test_file(path) and not path.endswith(".pyi")
        # For each enclosing class (True when abstract) or function (None).
        self._scopes: list[bool | None] = []
        self._names: list[str] = []

    def visit_Comment(self, node: cst.Comment) -> None:
        if self._active and self.PATTERN.search(node.value):
            self.report(
                node,
                message=f"a comment marks unfinished work: {node.value}",
                key=f"{node.value} @ {self.line_of(node)}",
            )

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._names.append(node.name.value)
        abstract = any(
            self.qualified_names(
                base.value.value if isinstance(base.value, cst.Subscript) else base.value
            )
            & _ABSTRACT_BASES
            for base in node.bases
        ) or any(
            k.keyword is not None
            and k.keyword.value == "metaclass"
            and self.qualified_names(k.value) & _ABSTRACT_META
            for k in node.keywords
        )
        self._scopes.append(abstract)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._scopes.pop()
        self._names.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._names.append(node.name.value)
        abstract = bool(self._scopes) and self._scopes[-1] is True
        self._scopes.append(None)
        if not self._active or abstract:
            return
        if any(self.qualified_names(d.decorator) & _EXEMPT_DECORATORS for d in node.decorators):
            return
        what = self._stub(node)
        if what is not None:
            name = ".".join(self._names)
            self.report(node, f"{self.MESSAGE}: `{name}` only {what}", key=f"stub {name}")

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._scopes.pop()
        self._names.pop()

    def _stub(self, node: cst.FunctionDef) -> str | None:
        """What a stub's body does ("passes", "raises NotImplementedError"), or None."""
        statements = _statements(node.body)
        if not statements:
            return None
        raises = False
        for statement in statements:
            if isinstance(statement, cst.Pass):
                continue
            if isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Ellipsis):
                continue
            if isinstance(statement, cst.Raise) and statement.exc is not None:
                exc = statement.exc.func if isinstance(statement.exc, cst.Call) else statement.exc
                if self.qualified_names(exc) & _NOT_IMPLEMENTED:
                    raises = True
                    continue
            return None
        return "raises NotImplementedError" if raises else "passes"
