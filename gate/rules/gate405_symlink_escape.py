"""GATE405: a symbolic link that points outside the repository."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import ClassVar

from gate.findings import Severity
from gate.rules.interface import Example, FileRule, FileVersions, Hit


def escapes(link: str, target: str) -> bool:
    """Whether ``target``, read from the directory of ``link`` (both relative to the
    repository root), is absolute or climbs above the root at any point."""
    if PurePosixPath(target).is_absolute():
        return True
    depth = len(PurePosixPath(link).parent.parts)
    for part in PurePosixPath(target).parts:
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part != ".":
            depth += 1
    return False


class SymlinkEscape(FileRule):
    """A symbolic link points outside the repository.

    Tools that read the checkout (the gate's own checks, the test suite, builds and
    packagers) follow links, so a link to ``/etc/passwd``, ``~/.ssh`` or
    ``../../secrets`` makes them read, or write, files outside the code under review,
    and a link made absolute works differently on every machine. Keep links relative
    and inside the repository, or copy the file in.
    """

    ID = "GATE405"
    MESSAGE = "a symbolic link points outside the repository"
    SEVERITY = Severity.HIGH
    CWE = 59
    VALID: ClassVar = [
        Example(code="../shared/config.py", path="pkg/config.py@symlink"),
        Example(code="README.md", path="docs/README.md@symlink"),
        Example(code="sub/../other/./file.txt", path="link.txt@symlink"),
        Example(code="../../c/d", path="a/b/link@symlink"),
        "x = 1\n",
    ]
    INVALID: ClassVar = [
        Example(code="/etc/passwd", path="passwd@symlink"),
        Example(code="../../etc/passwd", path="config/passwd@symlink"),
        Example(code="..", path="parent@symlink"),
        Example(code="a/../../repo/secret", path="secret@symlink"),
        Example(code="../../../../home/user/.ssh/id_rsa", path="a/b/c/key@symlink"),
    ]

    def check(self, file: FileVersions) -> Iterator[Hit]:
        target = file.symlink_target
        if target is None or not target or not escapes(file.path, target):
            return
        yield Hit(
            line=None,
            end_line=None,
            message=f"{self.MESSAGE}: {file.path} -> {target}",
            key=f"{file.path} -> {target}",
        )
