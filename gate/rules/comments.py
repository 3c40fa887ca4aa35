"""What the comment rules share: find comments by pattern, key them by their line."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider

from gate.rules.interface import CstRule, RuleSettings


class CommentRule(CstRule):
    """A rule that reports comments matching :attr:`PATTERN`.

    The key of a finding is the comment plus the code of the line it sits on, so the
    same suppression on the same code is the same finding wherever it moves, and the
    one comment added to a different line is a new one.
    """

    PATTERN: ClassVar[re.Pattern[str]]
    """What makes a comment a finding (searched anywhere in the comment's text)."""

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._lines: list[str] = []

    def visit_Module(self, node: cst.Module) -> None:
        # Lines as libcst counts them: str.splitlines would also split at form feeds.
        self._lines = node.code.split("\n")

    def visit_Comment(self, node: cst.Comment) -> None:
        if self.PATTERN.search(node.value):
            self.report(
                node,
                message=f"{self.MESSAGE}: {node.value}",
                key=f"{node.value} @ {self.line_of(node)}",
            )

    def line_of(self, node: cst.CSTNode) -> str:
        """The source text of the line ``node`` starts on."""
        position = self.get_metadata(PositionProvider, node)
        assert isinstance(position, CodeRange)
        index = position.start.line - 1
        return self._lines[index] if 0 <= index < len(self._lines) else ""
