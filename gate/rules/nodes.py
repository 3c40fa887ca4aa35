"""Small helpers over libcst nodes that several rules share."""

from __future__ import annotations

import libcst as cst


def is_literal_string(node: cst.BaseExpression) -> bool:
    """A string fixed in the source: no f-string parts, no names."""
    if isinstance(node, cst.SimpleString):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return is_literal_string(node.left) and is_literal_string(node.right)
    return False


def is_false_literal(node: cst.BaseExpression) -> bool:
    """``False``, ``None`` or ``0`` written as such."""
    if isinstance(node, cst.Name):
        return node.value in {"False", "None"}
    return isinstance(node, cst.Integer) and node.evaluated_value == 0


def is_true_literal(node: cst.BaseExpression) -> bool:
    """``True`` written as such."""
    return isinstance(node, cst.Name) and node.value == "True"


def argument(call: cst.Call, position: int | None, keyword: str | None) -> cst.Arg | None:
    """The argument passed as ``keyword=``, or as the ``position``-th positional one.

    A ``*args`` or ``**kwargs`` that could hold it is returned instead, so that callers
    can tell "absent" (None) from "unknown" (a starred :class:`cst.Arg`).
    """
    positional = 0
    starred: cst.Arg | None = None
    for arg in call.args:
        if arg.keyword is not None:
            if arg.keyword.value == keyword:
                return arg
        elif arg.star == "**":
            starred = starred or arg
        elif arg.star == "*":
            if position is not None and positional <= position:
                starred = starred or arg
        else:
            if positional == position and starred is None:
                return arg
            positional += 1
    return starred
