"""GATE119: a character range of a regular expression that spans more than it seems to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.gate117_regex_backtracking import literal_pattern, sequences, shown, sre
from gate.rules.interface import CstRule, Example

_RE = "import re\n"
_KINDS = (str.isdigit, str.isupper, str.islower)


class OverlyLargeRange(CstRule):
    """A ``[x-y]`` range of a pattern goes from a letter or digit of one kind to one of
    another, and so takes the punctuation between them in ASCII.

    ``[A-z]`` is not "any letter": it also takes ``[ \\ ] ^ _`` and the backtick;
    ``[a-fA-f]`` the same, ``[0-z]`` and ``[7-F]`` also ``: ; < = > ? @``. In a pattern
    that validates input, the extra characters pass: a backslash, a quote, a bracket.
    Write each range within one kind (``A-Z``, ``a-z``, ``0-9``). Ranges between
    punctuation (``[!-~]``, ``[@-~]`` in ANSI escapes, ``[\\x20-\\x7e]``) are taken as
    meant.
    """

    ID = "GATE119"
    MESSAGE = "A range in this regular expression spans letters or digits of two kinds"
    SEVERITY = Severity.MEDIUM
    CWE = 20
    VALID: ClassVar = [
        _RE + r"re.compile(r'^[A-Za-z0-9_.-]+$')",
        _RE + r"re.compile(r'[!-~]')",
        _RE + r"re.compile(r'^[\x00-\x7F]*$')",
        _RE + r"re.compile(r'\x1b\[[0-?]*[ -/]*[@-~]')",
        _RE + r"re.compile(r'[\x20-\x28\x2a-\x3a]')",
        _RE + r"re.compile(r'[\w.+-]+@[\w-]+\.[\w.-]+')",
        _RE + "re.compile(pattern)",
    ]
    INVALID: ClassVar = [
        _RE + r"re.compile(r'[A-z]+')",
        _RE + r"re.match(r'^[0-9a-fA-f]{32}$', token)",
        _RE + r"re.compile(r'[7-F]')",
        _RE + r"re.fullmatch(r'(?:[_0-z]+\.)+', name)",
        Example(code=_RE + r"NAME = re.compile(r'^[A-z][-_A-z0-9]*\Z')"),
    ]

    def visit_Call(self, node: cst.Call) -> None:
        found = literal_pattern(node, self.qualified_names(node.func))
        if found is not None and any(_too_large(r) for r in _ranges(list(found[1].data))):
            self.report(node, f"{self.MESSAGE}: `{shown(found[0])}`")


def _ranges(items: list[Any]) -> Iterator[tuple[int, int]]:
    """The ``(first, last)`` code points of every range in ``items``' classes, nested
    ones included."""
    for sequence in sequences(items):
        for op, av in sequence:
            if op is sre.IN:
                yield from (tuple(x) for kind, x in av if kind is sre.RANGE)


def _too_large(span: tuple[int, int]) -> bool:
    """A range whose ends are letters or digits of two kinds (digit, upper or lower
    case)."""
    first, last = chr(span[0]), chr(span[1])
    kinds = [next((k for k in _KINDS if k(c)), None) for c in (first, last)]
    ascii_ends = first.isascii() and last.isascii()
    return ascii_ends and None not in kinds and kinds[0] is not kinds[1]
