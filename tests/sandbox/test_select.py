"""Choosing a sandbox, and what happens when none is available."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_engine_not_answering_is_exit_3(tmp_path: Path) -> None:
    from ..conftest import GIT

    repo = tmp_path / "r"
    repo.mkdir()
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    (repo / "a.py").write_text("x = 1\n")
    subprocess.run([*GIT, "add", "."], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", "c"], cwd=repo, check=True)
    (repo / "a.py").write_text("x = 2\n")
    env = {**os.environ, "DOCKER_HOST": f"unix://{tmp_path}/no-engine.sock"}
    done = subprocess.run(
        [sys.executable, "-m", "gate", "check"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert done.returncode == 3, done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "no Docker engine answers" in done.stderr and "Traceback" not in done.stderr
