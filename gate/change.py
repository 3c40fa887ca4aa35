"""Change intake: one model for every source of a change (diff file, stdin, git).

Every change is reduced to a unified diff against a base commit. The diff is parsed with
``unidiff``; its sha256 is the verdict's subject.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePosixPath

from unidiff.errors import UnidiffParseError
from unidiff.patch import PatchedFile, PatchSet

from gate import process
from gate.errors import BadInputError, ChangeError, UnsafePathError
from gate.process import ProcessError

# Fixed options so that the same change always yields the same bytes, whatever the
# user's git configuration says about prefixes, colours, renames or external differs.
_GIT_CONFIG = (
    "-c", "core.quotepath=off",
    "-c", "diff.noprefix=false",
    "-c", "diff.mnemonicPrefix=false",
    "-c", "diff.relative=false",
    "-c", "diff.external=",
)  # fmt: skip
_DIFF_OPTIONS = (
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--full-index",
    "--binary",
    "--find-renames",
    "--src-prefix=a/",
    "--dst-prefix=b/",
)
_FILE_HEADER = re.compile(rb"^(diff --git |--- )", re.MULTILINE)


class FileStatus(Enum):
    """How a change treats one file."""

    ADDED = "added"
    MODIFIED = "modified"
    DELETED = "deleted"
    RENAMED = "renamed"


@dataclass(frozen=True)
class ChangedFile:
    """One file that the change touches."""

    path: str
    """Repository-relative path after the change (before it, for a deletion)."""
    old_path: str | None
    """Path in the base revision; None for an added file."""
    status: FileStatus
    """Added, modified, deleted or renamed."""
    added_lines: frozenset[int]
    """Line numbers (in the changed file) of the lines the change adds."""
    removed_lines: frozenset[int]
    """Line numbers (in the base file) of the lines the change removes."""
    binary: bool
    """True for a binary file (no line information)."""
    symlink: bool
    """True when the file after the change is a symbolic link."""

    @property
    def exists_after(self) -> bool:
        """Whether the file is present once the change is applied."""
        return self.status is not FileStatus.DELETED


class SourceKind(Enum):
    """Where a change came from."""

    PATCH = "patch"
    REVISIONS = "revisions"
    STAGED = "staged"
    WORKTREE = "worktree"


@dataclass(frozen=True)
class Change:
    """A change to judge: a canonical unified diff against a base commit."""

    repo: Path
    """Top level of the repository the change applies to."""
    base: str
    """Full commit id of the base revision."""
    head: str | None
    """Full commit id of the changed revision, when the change is a commit range."""
    source: SourceKind
    """Which intake produced it."""
    label: str
    """How the user named the change (a file name, a range), for messages."""
    diff: bytes
    """The canonical diff: the input from its first file header on, byte for byte."""
    files: tuple[ChangedFile, ...]
    """Every file the diff touches, in diff order."""

    @property
    def digest(self) -> str:
        """Hex sha256 of the canonical diff: the verdict's subject."""
        return hashlib.sha256(self.diff).hexdigest()

    @property
    def is_empty(self) -> bool:
        """True when nothing changes."""
        return not self.files

    def file(self, path: str) -> ChangedFile | None:
        """The changed file at ``path`` (after the change), if any."""
        return next((f for f in self.files if f.path == path), None)


def git(
    repo: Path, *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> bytes:
    """Run git in ``repo`` with the gate's fixed configuration; return stdout."""
    return process.run(["git", *_GIT_CONFIG, *args], cwd=repo, stdin=stdin, env=env).stdout


def find_repository(path: Path) -> Path:
    """The top level of the git repository that contains ``path``."""
    if not path.exists():
        raise BadInputError(f"{path}: no such file or directory")
    directory = path if path.is_dir() else path.parent
    try:
        top = git(directory, "rev-parse", "--show-toplevel").decode().strip()
    except ProcessError as exc:
        raise BadInputError(
            f"{path} is not inside a git repository",
            hint="run `gate check` inside a git checkout or pass its path",
        ) from exc
    return Path(top)


def resolve_revision(repo: Path, revision: str) -> str:
    """The full commit id that ``revision`` names in ``repo``."""
    if revision.startswith("-"):
        raise ChangeError(f"unknown revision {revision!r}")
    try:
        out = git(
            repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
        )
    except ProcessError as exc:
        raise ChangeError(
            f"unknown revision {revision!r} in {repo}",
            hint="name a commit, branch or tag that exists (`git log` lists them)",
        ) from exc
    return out.decode().strip()


def from_patch(repo: Path, patch: bytes, *, base: str | None, label: str) -> Change:
    """A change given as a unified diff, applying to ``base`` (default HEAD)."""
    base_id = resolve_revision(repo, base or "HEAD")
    diff = canonical_diff(patch, label)
    return Change(repo, base_id, None, SourceKind.PATCH, label, diff, parse_files(diff, label))


def canonical_diff(patch: bytes, label: str) -> bytes:
    """The canonical form of a diff: from its first file header on, byte for byte.

    A preamble (a mail header, a commit message from ``git format-patch``) is dropped, so
    the same change has the same digest however it was sent.
    """
    match = _FILE_HEADER.search(patch)
    if match is None:
        raise ChangeError(f"{label}: no unified diff found (expected `diff --git` or `---` lines)")
    return patch[match.start() :]


def from_revisions(repo: Path, base: str, head: str) -> Change:
    """The change from commit ``base`` to commit ``head``."""
    base_id = resolve_revision(repo, base)
    head_id = resolve_revision(repo, head)
    diff = git(repo, "diff", *_DIFF_OPTIONS, base_id, head_id, "--")
    label = f"{base}..{head}"
    return Change(
        repo, base_id, head_id, SourceKind.REVISIONS, label, diff, parse_files(diff, label)
    )


def from_index(repo: Path, base: str | None = None) -> Change:
    """The staged change (the index) against ``base`` (default HEAD)."""
    base_id = resolve_revision(repo, base or "HEAD")
    diff = git(repo, "diff", "--cached", *_DIFF_OPTIONS, base_id, "--")
    return Change(
        repo,
        base_id,
        None,
        SourceKind.STAGED,
        "staged changes",
        diff,
        parse_files(diff, "staged changes"),
    )


def from_worktree(repo: Path, base: str | None = None) -> Change:
    """The working tree, untracked files included, against ``base`` (default HEAD)."""
    base_id = resolve_revision(repo, base or "HEAD")
    with _scratch_index(repo) as env:
        # Staging everything into a throwaway index shows new files too, and leaves
        # the user's own index untouched.
        git(repo, "add", "--all", "--", ".", env=env)
        diff = git(repo, "diff", "--cached", *_DIFF_OPTIONS, base_id, "--", env=env)
    label = "working tree" if base is None else f"working tree against {base}"
    return Change(repo, base_id, None, SourceKind.WORKTREE, label, diff, parse_files(diff, label))


@contextmanager
def _scratch_index(repo: Path) -> Iterator[dict[str, str]]:
    """A private copy of the repository's index, removed afterwards."""
    git_index = Path(git(repo, "rev-parse", "--git-path", "index").decode().strip())
    if not git_index.is_absolute():
        git_index = repo / git_index
    with tempfile.TemporaryDirectory(prefix="mergegate-index-") as tmp:
        index = Path(tmp) / "index"
        if git_index.exists():
            index.write_bytes(git_index.read_bytes())
        yield {"GIT_INDEX_FILE": str(index)}


def parse_files(diff: bytes, label: str) -> tuple[ChangedFile, ...]:
    """The files a canonical diff touches; raise ChangeError on a malformed diff."""
    if not diff.strip():
        return ()
    try:
        patch = PatchSet(diff.decode("utf-8", "surrogateescape"))
    except (UnidiffParseError, ValueError) as exc:
        raise ChangeError(f"{label}: malformed diff: {exc}") from exc
    if not len(patch):
        raise ChangeError(f"{label}: no file changes found in the diff")
    for patched in patch:
        headers = [str(line) for line in (patched.patch_info or [])]
        check_paths([patched.source_file, patched.target_file, *headers], label)
    return tuple(_changed_file(f) for f in patch)


def _changed_file(patched: PatchedFile) -> ChangedFile:
    old = _strip_prefix(patched.source_file)
    new = _strip_prefix(patched.target_file)
    if patched.is_added_file:
        status, old = FileStatus.ADDED, None
    elif patched.is_removed_file:
        status, new = FileStatus.DELETED, old
    elif patched.is_rename:
        status = FileStatus.RENAMED
    else:
        status = FileStatus.MODIFIED
    path = new or patched.path
    added = frozenset(
        line.target_line_no
        for hunk in patched
        for line in hunk
        if line.is_added and line.target_line_no is not None
    )
    removed = frozenset(
        line.source_line_no
        for hunk in patched
        for line in hunk
        if line.is_removed and line.source_line_no is not None
    )
    return ChangedFile(
        path=path,
        old_path=old,
        status=status,
        added_lines=added,
        removed_lines=removed,
        binary=bool(patched.is_binary_file),
        symlink=bool(getattr(patched, "is_symlink", False)) and status is not FileStatus.DELETED,
    )


def _strip_prefix(name: str | None) -> str | None:
    if name is None or name == "/dev/null":
        return None
    return name[2:] if name[:2] in ("a/", "b/") else name


_HEADER_PATHS = re.compile(r"^(?:diff --git |rename from |rename to |copy from |copy to )(.*)$")


def check_paths(names: list[str | None], label: str) -> None:
    """Refuse a diff that names a path outside the repository tree.

    Checked on the diff's own file headers, before ``git apply`` sees them: no absolute
    paths, no ``..`` components, nothing inside ``.git``.
    """
    words: list[str] = []
    for name in names:
        if name is None:
            continue
        match = _HEADER_PATHS.match(name)
        words.extend(match.group(1).split(" ") if match else [name.split("\t")[0]])
    for word in (w.strip().strip('"') for w in words):
        if not word or word == "/dev/null":
            continue
        path = _strip_prefix(word) or ""
        parts = PurePosixPath(path).parts
        if path.startswith("/") or ".." in parts or ".git" in parts or "\\" in path:
            raise UnsafePathError(
                f"{label}: refusing path {path!r} that escapes the repository tree"
            )
