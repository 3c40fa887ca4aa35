"""What a rule is: an id, a message, a severity, a CWE, a docstring that is its doc page,
and VALID/INVALID examples that the test suite runs.

Two kinds: :class:`CstRule` visits the changed Python file with libcst metadata (its
findings are then compared with the base file's, so only new ones count), and
:class:`FileRule` compares the base and changed versions of any file directly.
"""

from __future__ import annotations

import fnmatch
import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import ClassVar

import libcst as cst
from libcst.metadata import CodeRange, PositionProvider, QualifiedNameProvider

from gate.findings import Severity
from gate.rules.dependencies import DependencyIndex


@dataclass(frozen=True)
class Example:
    """A rule example: a file after the change, and optionally before it."""

    code: str
    """The file's text after the change."""
    base: str | None = None
    """The file's text before the change; None for a new file."""
    path: str = "example.py"
    """Where the file lives in the repository. A path ending in ``@symlink`` (the
    suffix is dropped) makes the file a symbolic link after the change, whose target
    is ``code``."""
    also: tuple[Example, ...] = ()
    """Other files the same change touches (their findings are not the example's)."""


@dataclass(frozen=True)
class RuleSettings:
    """What rules take from the policy."""

    protected_block: tuple[str, ...] = ()
    """Globs of paths whose edit blocks (gate config, CI workflows)."""
    protected_warn: tuple[str, ...] = ()
    """Globs of paths whose edit warns (test configuration)."""
    test_globs: tuple[str, ...] = ("test_*.py", "*_test.py", "tests/**/*.py", "conftest.py")
    """Globs that make a file a test file."""
    dependencies: DependencyIndex | None = None
    """What the repository declares and is (for the supply-chain rules); None: unknown."""

    def is_test_file(self, path: str) -> bool:
        """Whether ``path`` is a test file by these globs."""
        return matches(path, self.test_globs)


def matches(path: str, globs: Iterable[str]) -> bool:
    """Whether ``path`` matches one of ``globs``: by its name, or by its whole path."""
    name = PurePosixPath(path).name
    return any(fnmatch.fnmatchcase(name, g) or _match_path(path, g) for g in globs)


def _match_path(path: str, pattern: str) -> bool:
    if "/" not in pattern:
        return False
    # `dir/**/x` also matches `dir/x`, as in gitignore.
    return fnmatch.fnmatchcase(path, pattern) or fnmatch.fnmatchcase(
        path, pattern.replace("/**/", "/")
    )


@dataclass(frozen=True)
class Hit:
    """One place a rule reports, before it becomes a Finding."""

    line: int | None
    """First line, 1-based; None for the whole file."""
    end_line: int | None
    """Last line."""
    message: str
    """What is wrong here."""
    key: str
    """What identifies the spot without its line number (for the fingerprint)."""
    path: str | None = None
    """The path reported, when not the file's own (e.g. a deleted file's old path)."""


class Rule:
    """Metadata every rule carries; the docstring is the rule's documentation."""

    ID: ClassVar[str]
    """Stable id: GATE1xx execution, GATE2xx supply chain, GATE3xx test integrity,
    GATE4xx secrets and configuration."""
    MESSAGE: ClassVar[str]
    """One-line description of what is wrong."""
    SEVERITY: ClassVar[Severity]
    """Default severity of its findings."""
    CWE: ClassVar[int | None] = None
    """CWE number, where one applies."""
    VALID: ClassVar[Sequence[Example | str]] = ()
    """Changes the rule must not report."""
    INVALID: ClassVar[Sequence[Example | str]] = ()
    """Changes the rule must report."""

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation, from its docstring."""
        return inspect.getdoc(cls) or cls.MESSAGE

    @classmethod
    def summary(cls) -> str:
        """The first line of the documentation."""
        return cls.doc().splitlines()[0]


class CstRule(Rule, cst.BatchableCSTVisitor):
    """A rule that visits one Python module with libcst metadata.

    Subclasses call :meth:`report` on the nodes they object to.
    """

    METADATA_DEPENDENCIES: ClassVar[tuple[type[cst.metadata.BaseMetadataProvider[object]], ...]] = (
        PositionProvider,
        QualifiedNameProvider,
    )

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__()
        self.settings = settings
        self.path = path
        self.hits: list[Hit] = []

    def report(self, node: cst.CSTNode, message: str | None = None, key: str | None = None) -> None:
        """Report ``node``; ``key`` defaults to the node's own code."""
        position = self.get_metadata(PositionProvider, node)
        assert isinstance(position, CodeRange)
        self.hits.append(
            Hit(
                line=position.start.line,
                end_line=position.end.line,
                message=message or self.MESSAGE,
                key=key if key is not None else _node_code(node),
            )
        )

    def qualified_names(self, node: cst.CSTNode) -> set[str]:
        """The fully qualified names ``node`` may refer to (aliases resolved)."""
        names = self.get_metadata(QualifiedNameProvider, node, set())
        return {q.name for q in names}


def _node_code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


@dataclass(frozen=True)
class FileVersions:
    """One changed file, before and after the change."""

    path: str
    """Path after the change (before it, for a deletion)."""
    old_path: str | None
    """Path before the change; None for a new file."""
    base: str | None
    """Text before; None if new, binary or not a regular file."""
    head: str | None
    """Text after; None if deleted, binary or not a regular file."""
    symlink_target: str | None = None
    """Where the file points after the change, if it is a symbolic link."""


class FileRule(Rule):
    """A rule that compares the base and changed versions of one file."""

    def __init__(self, settings: RuleSettings) -> None:
        self.settings = settings

    def prepare(self, files: Sequence[FileVersions]) -> None:
        """Look at the whole change once, before :meth:`check` sees its files one by one
        (a test that leaves one file may arrive in another)."""

    def check(self, file: FileVersions) -> Iterable[Hit]:
        """The hits for ``file``; only what the change introduces."""
        raise NotImplementedError
