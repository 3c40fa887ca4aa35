"""The throwaway trees a change is judged in: the base revision, and the base with the
change applied by ``git apply``. Both are removed on every exit path, Ctrl-C included.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path, PurePosixPath
from types import TracebackType

from gate.change import Change, git
from gate.errors import ChangeError, UnsafePathError
from gate.process import ProcessError
from gate.sandbox import runs


def read_text(path: Path) -> str | None:
    """The UTF-8 text of a regular file; None if absent, a symlink, or not UTF-8."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None


class Workspace:
    """Two sibling trees under one temporary folder: ``base`` and ``head``.

    Use as a context manager; the folder is gone when the ``with`` block ends.
    """

    def __init__(self, change: Change) -> None:
        self.change = change
        self.root = runs.mark(Path(tempfile.mkdtemp(prefix="mergegate-")))
        # The sandbox user (not the owner) must be able to read the mounted trees.
        self.root.chmod(0o755)
        self.base = self.root / "base"
        self.head = self.root / "head"

    def __enter__(self) -> Workspace:
        try:
            self._checkout_base()
            self._refuse_symlinked_parents()
            shutil.copytree(self.base, self.head, symlinks=True)
            self._apply()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Remove every file the workspace wrote."""
        shutil.rmtree(self.root, ignore_errors=True)

    def write_request(self, name: str, data: bytes) -> str:
        """Write a request for an in-sandbox runner; return its workspace-relative path."""
        target = self.root / "requests" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return f"requests/{name}"

    def _checkout_base(self) -> None:
        # A private index keeps the user's own index and working tree untouched.
        env = {"GIT_INDEX_FILE": str(self.root / "index")}
        repo = self.change.repo
        git(repo, "read-tree", self.change.base, env=env)
        git(repo, "checkout-index", "--all", "--force", f"--prefix={self.base}/", env=env)
        self.base.mkdir(exist_ok=True)
        (self.root / "index").unlink()

    def _refuse_symlinked_parents(self) -> None:
        for changed in self.change.files:
            for name in (changed.path, changed.old_path):
                if name is None:
                    continue
                for parent in PurePosixPath(name).parents:
                    if str(parent) != "." and (self.base / parent).is_symlink():
                        raise UnsafePathError(
                            f"{self.change.label}: refusing to write {name!r} "
                            f"through the symbolic link {str(parent)!r}"
                        )

    def _apply(self) -> None:
        if self.change.is_empty:
            return
        try:
            git(
                self.head,
                "apply",
                "--binary",
                "--whitespace=nowarn",
                "-",
                stdin=self.change.diff,
                # Keep git from finding a repository above the temporary folder: the
                # patch must apply to this tree and nowhere else.
                env={"GIT_CEILING_DIRECTORIES": str(self.root)},
            )
        except ProcessError as exc:
            reason = exc.result.error_text.splitlines()
            detail = reason[0].removeprefix("error: ") if reason else "git apply failed"
            raise ChangeError(
                f"{self.change.label} does not apply to {self.change.base[:12]}: {detail}",
                hint="check that the diff was made against this revision (--base REV)",
            ) from exc
