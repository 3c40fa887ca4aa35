from __future__ import annotations

import pytest

from gate import change
from gate.change import FileStatus
from gate.errors import ChangeError, UnsafePathError

from .conftest import Repo

RENAME_BINARY_SYMLINK = b"""\
diff --git a/a.py b/c.py
similarity index 90%
rename from a.py
rename to c.py
index 1111111..2222222 100644
--- a/a.py
+++ b/c.py
@@ -1,2 +1,2 @@
 x
-y
+z
diff --git a/img.png b/img.png
new file mode 100644
index 0000000..e69de29
Binary files /dev/null and b/img.png differ
diff --git a/link b/link
new file mode 120000
index 0000000..1234567
--- /dev/null
+++ b/link
@@ -0,0 +1 @@
+/etc/passwd
\\ No newline at end of file
diff --git a/old.py b/old.py
deleted file mode 100644
index 1234567..0000000
--- a/old.py
+++ /dev/null
@@ -1 +0,0 @@
-gone
"""


def test_parse_files_knows_renames_binaries_symlinks_and_deletions() -> None:
    files = change.parse_files(RENAME_BINARY_SYMLINK, "x")
    renamed, binary, link, deleted = files
    assert (renamed.path, renamed.old_path, renamed.status) == ("c.py", "a.py", FileStatus.RENAMED)
    assert renamed.added_lines == {2} and renamed.removed_lines == {2}
    assert binary.binary and binary.status is FileStatus.ADDED and binary.old_path is None
    assert link.symlink and link.added_lines == {1}
    assert deleted.status is FileStatus.DELETED and deleted.path == "old.py"
    assert not deleted.exists_after


@pytest.mark.parametrize(
    "path",
    ["../outside.py", "a/../../etc/passwd", "/etc/passwd", ".git/hooks/pre-commit", "x\\..\\y"],
)
def test_paths_escaping_the_tree_are_refused(path: str) -> None:
    diff = f"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n@@ -1 +1 @@\n-a\n+b\n"
    with pytest.raises(UnsafePathError, match="escapes the repository tree"):
        change.parse_files(diff.encode(), "p")


def test_a_removed_line_that_looks_like_a_header_is_not_a_path() -> None:
    diff = b"diff --git a/q.sql b/q.sql\n--- a/q.sql\n+++ b/q.sql\n@@ -1,2 +1 @@\n--- ../x\n ok\n"
    (file,) = change.parse_files(diff, "p")
    assert file.removed_lines == {1}


def test_text_without_a_diff_is_malformed(repo: Repo) -> None:
    with pytest.raises(ChangeError, match="no unified diff"):
        change.from_patch(repo.path, b"hello world\n", base=None, label="x.diff")


def test_a_broken_hunk_is_malformed(repo: Repo) -> None:
    bad = b"--- a/app/tool.py\n+++ b/app/tool.py\n@@ -1,3 +1,3 @@\n+only one line\n@@ nonsense\n"
    with pytest.raises(ChangeError, match="malformed diff"):
        change.from_patch(repo.path, bad, base=None, label="x.diff")


def test_unknown_revision(repo: Repo) -> None:
    with pytest.raises(ChangeError, match="unknown revision 'nope'"):
        change.from_revisions(repo.path, "HEAD", "nope")
    with pytest.raises(ChangeError, match="unknown revision"):
        change.resolve_revision(repo.path, "--output=/tmp/x")


def test_git_range_and_its_diff_file_have_the_same_digest(repo: Repo) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    head = repo.commit({"app/new.py": "x = 1\n", "app/tool.py": None})
    from_git = change.from_revisions(repo.path, base, head)
    preamble = b"From: an agent\nSubject: [PATCH] tidy\n\n"
    from_file = change.from_patch(repo.path, preamble + repo.diff(base, head), base=base, label="f")
    assert from_git.digest == from_file.digest
    assert from_git.head == head and from_file.head is None
    statuses = {f.path: f.status for f in from_git.files}
    assert statuses == {"app/new.py": FileStatus.ADDED, "app/tool.py": FileStatus.DELETED}


def test_worktree_includes_untracked_files_and_leaves_the_index_alone(repo: Repo) -> None:
    repo.write({"app/tool.py": "x = 2\n", "app/untracked.py": "y = 3\n"})
    before = repo.git("status", "--porcelain")
    worktree = change.from_worktree(repo.path)
    assert {f.path for f in worktree.files} == {"app/tool.py", "app/untracked.py"}
    assert repo.git("status", "--porcelain") == before
    assert change.from_index(repo.path).is_empty


def test_staged_sees_only_the_index(repo: Repo) -> None:
    repo.write({"app/tool.py": "x = 2\n", "app/other.py": "z = 1\n"})
    repo.git("add", "app/tool.py")
    staged = change.from_index(repo.path)
    assert [f.path for f in staged.files] == ["app/tool.py"]
    assert staged.file("app/tool.py") is not None
    assert 1 in staged.files[0].added_lines


def test_outside_a_repository(tmp_path) -> None:
    from gate.errors import BadInputError

    with pytest.raises(BadInputError, match="not inside a git repository"):
        change.find_repository(tmp_path)
