"""The verdict statement itself, as indented JSON (the same as ``verdict.json``)."""

from __future__ import annotations

from collections.abc import Sequence

from gate.verdict import Verdict, readable_json


def render(verdict: Verdict, *, keyids: Sequence[str] = ()) -> str:
    """The in-toto statement, pretty-printed with sorted keys."""
    return readable_json(verdict.statement())
