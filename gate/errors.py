"""One error root for everything the gate reports to its user.

Each subclass says what went wrong in one line and, through ``diagnostics()``, how to
fix it. The CLI catches only :class:`GateError` and maps it to an exit code.
"""

from __future__ import annotations

from typing import ClassVar


class GateError(Exception):
    """Root of every error the gate raises on purpose."""

    exit_code: ClassVar[int] = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def diagnostics(self) -> str:
        """One line for the user: what is wrong and, where known, how to fix it."""
        text = " ".join(self.message.split())
        return f"{text} ({self.hint})" if self.hint else text


class BadInputError(GateError):
    """The user gave something the gate cannot judge: exit 2."""


class ChangeError(BadInputError):
    """A malformed diff, a patch that does not apply, an unknown revision."""


class UnsafePathError(ChangeError):
    """A diff names a path that escapes the repository tree."""


class PolicyError(BadInputError):
    """A policy file that is missing, unreadable, empty or malformed."""


class KeyFileError(BadInputError):
    """A key that is missing, unreadable or of the wrong kind."""


class GateUnavailableError(GateError):
    """The gate itself cannot run here (no git, no sandbox): exit 3."""

    exit_code = 3


class ToolError(GateError):
    """An external tool failed; inside the pipeline this becomes an Errored outcome."""

    exit_code = 3
