"""What a format is: a pure function from a verdict to text."""

from __future__ import annotations

from typing import Protocol

from gate.verdict import Verdict


class Renderer(Protocol):
    """Turns a verdict into text; performs no I/O."""

    def __call__(self, verdict: Verdict, *, signed: bool = False) -> str: ...
