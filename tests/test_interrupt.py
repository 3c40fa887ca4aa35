"""Ctrl-C and SIGTERM during a run: the gate stops its sandboxed jobs at once, removes its
workspace, and exits 130, leaving nothing behind (a real process, a real signal)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import Repo, open_or_skip

SLOW_RUN = """
import sys
from gate.checks import registry
from gate.checks.interface import Completed, Errored
from gate.checks.sandboxed import run_tool


class Slow:
    id = "slow"

    def tool_version(self):
        return None

    def run(self, context):
        # Spelled in two parts, so that only the sandboxed job's command line matches.
        result = run_tool(context, ["python", "-c", "import time; time.sleep(" + "120)"])
        return result if isinstance(result, Errored) else Completed(())


registry.BUILTIN = {**registry.BUILTIN, "slow": Slow()}
from gate._cli import main

sys.exit(main(sys.argv[1:]))
"""


def _running_jobs(kind: str, pid: int) -> list[str]:
    if kind == "docker":
        import docker

        client = docker.from_env()
        return [
            c.name
            for c in client.containers.list(all=True, filters={"label": "mergegate"})
            if f":{pid}:" in c.labels.get("mergegate.run", "")
        ]
    done = subprocess.run(["pgrep", "-f", "time.sleep\\(120\\)"], capture_output=True, text=True)
    return done.stdout.split()


@pytest.mark.parametrize("kind", ["docker", "bwrap"])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_cleans_up(repo: Repo, shared_tmp: Path, kind: str, signum: int) -> None:
    open_or_skip(kind).close()
    repo.write({"app/new.py": "x = 1\n"})
    env = {**os.environ, "TMPDIR": str(shared_tmp)}
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN, "check", "--only", "slow", "--sandbox", kind],
        cwd=repo.path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not _running_jobs(kind, proc.pid):
            assert time.monotonic() < deadline, "the slow job never started"
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.2)
        assert any(shared_tmp.iterdir()), "no workspace while the check runs"
        started = time.monotonic()
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert time.monotonic() - started < 30
    assert stderr.strip().splitlines()[-1] == "gate: interrupted"
    assert "Traceback" not in stderr
    assert list(shared_tmp.iterdir()) == [], "the workspace was left behind"
    assert _running_jobs(kind, proc.pid) == [], "a sandboxed job was left running"
