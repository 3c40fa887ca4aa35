"""Runs side by side on one engine and one cache: each sweeps only what dead runs left,
and a run killed among them disturbs none of the others."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gate.sandbox import runs

from ..conftest import FIXTURES, Repo


def test_the_folders_of_dead_runs_are_swept_and_no_others(tmp_path: Path) -> None:
    dead = tmp_path / "mergegate-dead"
    alive = tmp_path / "mergegate-alive"
    unmarked = tmp_path / "mergegate-unmarked"
    for folder in (dead, alive, unmarked):
        folder.mkdir()
    (dead / runs.MARK).write_text(f"{os.uname().nodename}:999999:1")
    runs.mark(alive)
    assert runs.sweep_folders(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mergegate-alive", "mergegate-unmarked"]


def _calc(root: Path, broken: bool) -> Path:
    path = root / f"calc-{'broken' if broken else 'green'}-{len(list(root.iterdir()))}"
    shutil.copytree(FIXTURES / "calc", path)
    repo = Repo(path)
    repo.git("init", "--quiet")
    repo.commit(message="base")
    ops = (path / "calc/ops.py").read_text()
    change = ops.replace("return a + b", "return a - b") if broken else ops + "\n"
    repo.write({"calc/ops.py": change})
    return path


def _labelled(run_id: str | None = None) -> list[str]:
    label = runs.LABEL if run_id is None else f"{runs.RUN_LABEL}={run_id}"
    done = subprocess.run(
        ["docker", "ps", "--all", "--quiet", "--filter", f"label={label}"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.split()


@pytest.mark.docker
@pytest.mark.slow
def test_eight_runs_at_once_with_one_killed(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    scratch.chmod(0o755)
    env = {**os.environ, "TMPDIR": str(scratch)}
    repos = tmp_path / "repos"
    repos.mkdir()
    broken = [i % 2 == 0 for i in range(8)]
    paths = [_calc(repos, b) for b in broken]
    argv = [sys.executable, "-m", "gate", "check", "--only", "rules,tests", "--sandbox", "docker"]
    procs = [
        subprocess.Popen(argv, cwd=p, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for p in paths
    ]
    victim = procs[3]
    victim_id = None
    for _ in range(300):  # until the victim has a container of its own running
        ids = [c for c in _labelled() if c]
        marks = [m.read_text() for m in scratch.glob(f"mergegate-*/{runs.MARK}")]
        victim_id = next((m for m in marks if f":{victim.pid}:" in m), None)
        if victim_id and _labelled(victim_id) and ids:
            break
        time.sleep(0.1)
    assert victim_id, "the run to kill never started a container"
    victim.send_signal(signal.SIGKILL)
    codes = []
    for proc in procs:
        _, err = proc.communicate(timeout=900)
        codes.append((proc.returncode, err.decode()[-300:]))
    for i, (code, err) in enumerate(codes):
        if procs[i] is victim:
            assert code == -signal.SIGKILL
            continue
        assert code == (1 if broken[i] else 0), (i, code, err)
        assert "internal error" not in err
    # What the killed run left is removed by the next run's sweep, and nothing else is left.
    subprocess.run([*argv[:3], "sandbox", "prune"], env=env, check=True, capture_output=True)
    assert _labelled(victim_id) == []
    assert list(scratch.iterdir()) == []
