from __future__ import annotations

import os

import pytest

from gate import change
from gate.errors import ChangeError, UnsafePathError
from gate.workspace import Workspace, read_text

from .conftest import Repo


def test_base_and_head_trees(repo: Repo, no_leftovers) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    head = repo.commit({"app/tool.py": "changed = True\n", "docs/new.md": "hi\n"})
    c = change.from_revisions(repo.path, base, head)
    with Workspace(c) as ws:
        assert (ws.head / "app/tool.py").read_text() == "changed = True\n"
        assert "subprocess" in (ws.base / "app/tool.py").read_text()
        assert read_text(ws.head / "docs/new.md") == "hi\n"
        assert read_text(ws.base / "docs/new.md") is None
        assert not (ws.head / ".git").exists()
    assert not ws.root.exists()


def test_removed_when_interrupted(repo: Repo, no_leftovers) -> None:
    c = change.from_worktree(repo.path)
    with pytest.raises(KeyboardInterrupt), Workspace(c) as ws:
        root = ws.root
        raise KeyboardInterrupt
    assert not root.exists()


def test_a_patch_that_does_not_apply(repo: Repo, no_leftovers) -> None:
    patch = b"--- a/app/tool.py\n+++ b/app/tool.py\n@@ -1 +1 @@\n-import json\n+import os\n"
    c = change.from_patch(repo.path, patch, base=None, label="x.diff")
    with pytest.raises(ChangeError, match=r"x\.diff does not apply"), Workspace(c):
        pass


def test_writing_through_a_committed_symlink_is_refused(repo: Repo, no_leftovers) -> None:
    os.symlink("/tmp", repo.path / "escape")
    repo.commit()
    patch = b"--- /dev/null\n+++ b/escape/owned.txt\n@@ -0,0 +1 @@\n+owned\n"
    c = change.from_patch(repo.path, patch, base=None, label="x.diff")
    with pytest.raises(UnsafePathError, match="through the symbolic link"), Workspace(c):
        pass
    assert not os.path.exists("/tmp/owned.txt")
