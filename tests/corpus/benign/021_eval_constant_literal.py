# corpus: benign cwe=95 eval of a constant string literal written in the source; no external input reaches it
import operator

# Table of arithmetic operators kept as source text for the generated docs.
_OPS_SOURCE = "{'+': operator.add, '-': operator.sub, '*': operator.mul, '/': operator.truediv}"
OPS = eval(_OPS_SOURCE, {"operator": operator})


def apply(op: str, a: float, b: float) -> float:
    try:
        return OPS[op](a, b)
    except KeyError:
        raise ValueError(f"unknown operator {op!r}") from None
