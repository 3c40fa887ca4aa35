"""Python source parsed on the host, one parse at a time: the checks run in threads, and
CPython 3.11 can fail a parse that runs while another thread parses ("SystemError: AST
constructor recursion depth mismatch", seen when the tests and coverage checks read the
changed files at the same moment)."""

from __future__ import annotations

import ast
import io
import sys
import threading
import tokenize
from typing import NamedTuple

_LOCK = threading.Lock()


def parse(source: str) -> ast.Module:
    """``ast.parse(source)``, never at the same time as another parse of the gate's."""
    with _LOCK:
        return ast.parse(source)


def parses(source: str, version: tuple[int, int]) -> bool:
    """Whether Python ``version`` can parse ``source``, as far as this Python can tell: a
    newer version's grammar is unknown here, so for it only what this one parses is
    known to parse, and the rest is taken as parsing (the sandbox's Python decides)."""
    try:
        with _LOCK:
            ast.parse(source, feature_version=min(version, sys.version_info[:2]))
    except (SyntaxError, ValueError):
        return version > sys.version_info[:2]
    return True


class Comment(NamedTuple):
    """A ``#`` comment of a source: where it starts, and its text."""

    line: int
    column: int
    text: str


def comments(source: str) -> list[Comment]:
    """The comments of ``source``, read with ``tokenize`` (a ``#`` in a string is none);
    where the source stops being Python, those before it."""
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                found.append(Comment(token.start[0], token.start[1], token.string))
    except (tokenize.TokenError, SyntaxError):
        pass
    return found
