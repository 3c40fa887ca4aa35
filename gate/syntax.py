"""Python source parsed on the host, one parse at a time: the checks run in threads, and
CPython 3.11 can fail a parse that runs while another thread parses ("SystemError: AST
constructor recursion depth mismatch", seen when the tests and coverage checks read the
changed files at the same moment)."""

from __future__ import annotations

import ast
import threading

_LOCK = threading.Lock()


def parse(source: str) -> ast.Module:
    """``ast.parse(source)``, never at the same time as another parse of the gate's."""
    with _LOCK:
        return ast.parse(source)
