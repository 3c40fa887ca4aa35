"""``.pre-commit-hooks.yaml``, run by the real pre-commit (``try-repo``) in a scratch
repository: the static checks of the staged change pass or block the commit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Repo
from .test_cli import HARMLESS, HARMLESS_TEST, INSECURE

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.docker


def try_repo(repo: Repo, tmp_path: Path, hook: str = "mergegate-system"):
    if not (ROOT / ".git").exists():
        pytest.skip("the hook's repository must be a git checkout for pre-commit try-repo")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--verbose"],
        cwd=repo.path, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_the_hook_blocks_an_insecure_staged_change(repo: Repo, tmp_path: Path) -> None:
    repo.write({"app/run.py": INSECURE})
    repo.git("add", "app/run.py")
    done = try_repo(repo, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAILED" in done.stdout
    assert "GATE102" in done.stdout


def test_the_hook_passes_a_harmless_staged_change(repo: Repo, tmp_path: Path) -> None:
    repo.write({"app/add.py": HARMLESS, "tests/test_add.py": HARMLESS_TEST,
                "app/run.py": INSECURE})  # fmt: skip
    repo.git("add", "app/add.py", "tests/test_add.py")  # the insecure file is not staged
    done = try_repo(repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "PASSED" in done.stdout
