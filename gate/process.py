"""The one wrapper through which the gate runs every external command.

It records argv, exit code, output and duration, and raises :class:`ProcessError`
carrying all of them, so that a failing tool is always explained.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from gate.errors import GateUnavailableError, ToolError


@dataclass(frozen=True)
class ProcessResult:
    """What one external command did."""

    argv: tuple[str, ...]
    """The command as run."""
    exit_code: int
    """Its exit status (negative: killed by that signal)."""
    stdout: bytes
    """Everything it wrote to standard output."""
    stderr: bytes
    """Everything it wrote to standard error."""
    duration: float
    """Wall-clock seconds."""

    @property
    def text(self) -> str:
        """Standard output decoded as UTF-8 (undecodable bytes replaced)."""
        return self.stdout.decode("utf-8", "replace")

    @property
    def error_text(self) -> str:
        """Standard error decoded as UTF-8, stripped."""
        return self.stderr.decode("utf-8", "replace").strip()


class ProcessError(ToolError):
    """An external command exited with a status its caller did not accept."""

    def __init__(self, result: ProcessResult, message: str | None = None) -> None:
        detail = result.error_text.splitlines()[-1:] or result.text.strip().splitlines()[-1:]
        tail = f": {detail[0]}" if detail else ""
        super().__init__(
            message or f"`{' '.join(result.argv[:3])}` exited with {result.exit_code}{tail}"
        )
        self.result = result


def run(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    stdin: bytes | None = None,
    timeout: float | None = None,
    ok: Sequence[int] = (0,),
) -> ProcessResult:
    """Run ``argv`` and return its result; raise unless its exit code is in ``ok``.

    ``env`` is added to a copy of the gate's own environment.
    """
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    start = time.monotonic()
    try:
        completed = subprocess.run(
            list(argv),
            cwd=cwd,
            env=full_env,
            input=stdin,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as exc:
        raise GateUnavailableError(
            f"`{argv[0]}` is not installed or not on PATH",
            hint="install it, or reinstall mergegate in a fresh virtual environment",
        ) from exc
    except subprocess.TimeoutExpired as exc:
        result = ProcessResult(
            tuple(argv), -9, exc.stdout or b"", exc.stderr or b"", time.monotonic() - start
        )
        raise ProcessError(result, f"`{argv[0]}` timed out after {timeout:.0f} s") from exc
    result = ProcessResult(
        tuple(argv),
        completed.returncode,
        completed.stdout,
        completed.stderr,
        time.monotonic() - start,
    )
    if result.exit_code not in ok:
        raise ProcessError(result)
    return result
