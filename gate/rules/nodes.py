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


def source(node: cst.CSTNode) -> str:
    """The code of ``node`` as written."""
    return cst.Module(body=[]).code_for_node(node)


def string_value(node: cst.BaseExpression) -> str | None:
    """The text of a string literal (implicit concatenation included); None for
    anything else, f-strings and bytes included."""
    if isinstance(node, cst.SimpleString | cst.ConcatenatedString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def leading_text(node: cst.BaseExpression) -> str | None:
    """The fixed text a string starts with: a literal's whole text, an f-string's text
    before its first ``{...}``; None if not a string."""
    if isinstance(node, cst.FormattedString):
        text = ""
        for part in node.parts:
            if not isinstance(part, cst.FormattedStringText):
                break
            text += part.value
        return text
    if isinstance(node, cst.ConcatenatedString):
        left = leading_text(node.left)
        if left is None or not isinstance(node.left, cst.SimpleString):
            return left
        right = leading_text(node.right)
        return left + (right or "")
    return string_value(node)


def has_expressions(node: cst.BaseExpression) -> bool:
    """Whether a string is an f-string with at least one ``{...}`` part."""
    if isinstance(node, cst.FormattedString):
        return any(isinstance(p, cst.FormattedStringExpression) for p in node.parts)
    if isinstance(node, cst.ConcatenatedString):
        return has_expressions(node.left) or has_expressions(node.right)
    return False


def keyword_value(call: cst.Call, keyword: str) -> cst.BaseExpression | None:
    """The expression passed as ``keyword=`` (not through ``**kwargs``)."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    return None


def target_names(target: cst.BaseExpression) -> list[str]:
    """The names an assignment target binds or sets: ``x``, ``obj.x``, ``d["x"]``, and
    each item of a tuple or list target."""
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, cst.Attribute):
        return [target.attr.value]
    if isinstance(target, cst.Subscript) and len(target.slice) == 1:
        index = target.slice[0].slice
        key = string_value(index.value) if isinstance(index, cst.Index) else None
        return [key] if key is not None else []
    if isinstance(target, cst.Tuple | cst.List):
        return [n for e in target.elements for n in target_names(e.value)]
    return []


def assigned(node: cst.Assign | cst.AnnAssign) -> list[str]:
    """The names an assignment statement sets (see :func:`target_names`)."""
    if isinstance(node, cst.AnnAssign):
        return target_names(node.target)
    return [n for t in node.targets for n in target_names(t.target)]


def references(node: cst.CSTNode) -> list[cst.Name | cst.Attribute]:
    """Every name and attribute in ``node``, outermost first."""
    found: list[cst.Name | cst.Attribute] = []

    class Collect(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            found.append(n)

        def visit_Attribute(self, n: cst.Attribute) -> None:
            found.append(n)

    node.visit(Collect())
    return found
