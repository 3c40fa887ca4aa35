"""Choosing a sandbox, and what happens when none is available."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("args", "cache", "message"),
    [
        (["--sandbox", "docker"], None, "no Docker engine answers"),
        ([], "empty", "no sandbox is available"),
    ],
)
def test_no_sandbox_is_exit_3(
    tmp_path: Path, args: list[str], cache: str | None, message: str
) -> None:
    from ..conftest import GIT

    repo = tmp_path / "r"
    repo.mkdir()
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    (repo / "a.py").write_text("x = 1\n")
    subprocess.run([*GIT, "add", "."], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", "c"], cwd=repo, check=True)
    (repo / "a.py").write_text("x = 2\n")
    env = {**os.environ, "DOCKER_HOST": f"unix://{tmp_path}/no-engine.sock"}
    if cache:
        env["GATE_CACHE_DIR"] = str(tmp_path / cache)  # no bwrap root there
    done = subprocess.run(
        [sys.executable, "-m", "gate", "check", *args],
        cwd=repo, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert message in done.stderr and "Traceback" not in done.stderr
