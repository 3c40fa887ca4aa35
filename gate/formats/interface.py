"""What a format is: a pure function from a verdict to text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from gate.verdict import Verdict


class Renderer(Protocol):
    """Turns a verdict into text; performs no I/O."""

    def __call__(self, verdict: Verdict, *, keyids: Sequence[str] = ()) -> str:
        """Render; ``keyids`` are the keys whose signatures were verified."""
        ...
