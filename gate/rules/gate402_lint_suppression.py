"""GATE402: a comment that silences a linter, the type checker or coverage."""

from __future__ import annotations

import re
from typing import ClassVar

from gate.findings import Severity
from gate.rules.comments import CommentRule
from gate.rules.interface import Example

_SUPPRESSIONS = (
    r"\bnoqa\b",  # flake8 and ruff, per line or (after "ruff:"/"flake8:") per file
    r"\btype:\s*ignore\b",  # mypy, pyright
    r"\bpragma:?\s*no\s*cover\b",  # coverage.py
    r"\bpylint:\s*disable",  # pylint (also disable-next)
    r"\bpyright:\s*ignore\b",  # pyright
    r"\bmypy:\s*(?:ignore-errors|disable-error-code)",  # mypy inline configuration
)


class LintSuppression(CommentRule):
    """A comment silences a linter, the type checker or coverage.

    ``# noqa``, ``# type: ignore``, ``# pyright: ignore``, ``# pylint: disable`` and
    ``# pragma: no cover`` hide a warning instead of addressing it; in generated code
    they are often how a real type error or an untested branch gets past review. This
    rule warns so a reviewer sees each new one. Fix the reported problem where you can;
    where the suppression is right, name the exact code (``# type: ignore[attr-defined]``,
    ``# noqa: E501``) and say why in the same comment.
    """

    ID = "GATE402"
    MESSAGE = "a linter, type check or coverage is silenced by a comment"
    SEVERITY = Severity.LOW
    CWE = None
    PATTERN = re.compile("|".join(_SUPPRESSIONS), re.IGNORECASE)
    VALID: ClassVar = [
        "x = compute()  # cached for the next call",
        "values = []  # type: list[int]",
        'HELP = "append # noqa to silence flake8"',
        "# pylint: enable=unused-import\nimport os",
        Example(
            code="import os  # noqa: F401\nimport sys\n",
            base="import os  # noqa: F401\n",
        ),
    ]
    INVALID: ClassVar = [
        "import os  # noqa",
        "import os  # noqa: F401",
        "value: int = load()  # type: ignore",
        "value: int = load()  # type: ignore[assignment]",
        "if debug:  # pragma: no cover\n    dump()",
        "def f():  # pylint: disable=too-many-branches\n    pass",
        "x = y.z  # pyright: ignore[reportAttributeAccessIssue]",
        "# mypy: ignore-errors\nx = 1",
    ]
