"""Hostile code inside the sandbox is contained: each test runs a real container (docker)
or a real bubblewrap sandbox (bwrap)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gate.sandbox import docker as docker_backend
from gate.sandbox import runs
from gate.sandbox.interface import Job, Limits

from ..conftest import open_or_skip
from .hostile import HOSTILE

SMALL = Limits(memory_mb=256, pids=64, output_bytes=1024 * 1024, tmpfs_mb=16)


@pytest.fixture(params=["docker", "bwrap"])
def box(request: pytest.FixtureRequest):
    if request.param == "docker":
        yield request.getfixturevalue("sandbox")
        return
    sandbox = open_or_skip("bwrap")
    yield sandbox
    sandbox.close()


def run_hostile(sandbox, workspace: Path, name: str, timeout: float = 20):
    (workspace / "head").mkdir(mode=0o755)
    (workspace / "hostile.py").write_text(HOSTILE[name])
    (workspace / "hostile.py").chmod(0o644)
    before = set(os.listdir("/tmp"))
    result = sandbox.run(Job(["python", "hostile.py"], workspace, timeout, SMALL))
    assert b"ESCAPED" not in result.stdout, result.stdout[-2000:]
    assert not (workspace / "owned").exists() and not Path("/owned").exists()
    assert "scratch" not in set(os.listdir("/tmp")) - before
    if sandbox.name == "docker":
        assert our_containers(sandbox) == [], "a container was left behind"
    return result


def our_containers(sandbox) -> list[str]:
    found = sandbox.client.containers.list(
        all=True, filters={"label": f"{runs.RUN_LABEL}={sandbox.run_id}"}
    )
    return [c.name for c in found]


@pytest.mark.parametrize("name", ["socket_loopback", "socket_public"])
def test_no_network(box, shared_tmp: Path, name: str) -> None:
    result = run_hostile(box, shared_tmp, name)
    assert b"blocked" in result.stdout and result.exit_code == 0


def test_no_writes_outside_tmp(box, shared_tmp: Path) -> None:
    result = run_hostile(box, shared_tmp, "write_outside_tmp")
    assert result.stdout.count(b"blocked") == 5 and b"tmp ok" in result.stdout


def test_no_host_secrets_and_not_root(box, shared_tmp: Path) -> None:
    result = run_hostile(box, shared_tmp, "read_secrets")
    assert result.stdout.count(b"blocked") == 4
    assert b"uid 10001" in result.stdout


def test_fork_bomb_is_capped(box, shared_tmp: Path) -> None:
    result = run_hostile(box, shared_tmp, "fork_bomb")
    assert b"fork refused" in result.stdout


def test_memory_limit_kills(box, shared_tmp: Path) -> None:
    result = run_hostile(box, shared_tmp, "allocate_4g")
    assert result.exit_code != 0
    assert result.killed_by in ("memory", None)  # killed by the OOM killer or MemoryError
    assert result.killed_by == "memory" or b"MemoryError" in result.stderr


def test_endless_loop_times_out(box, shared_tmp: Path) -> None:
    start = time.monotonic()
    result = run_hostile(box, shared_tmp, "loop_forever", timeout=3)
    assert result.timed_out and result.killed_by == "timeout"
    assert time.monotonic() - start < 30


def test_output_flood_is_cut(box, shared_tmp: Path) -> None:
    result = run_hostile(box, shared_tmp, "print_1g")
    assert result.killed_by == "output"
    assert len(result.stdout) + len(result.stderr) <= SMALL.output_bytes


@pytest.mark.docker
def test_sweep_removes_only_dead_runs(sandbox) -> None:
    client = sandbox.client
    dead = client.containers.create(
        sandbox.image, ["true"], labels=runs.labels(f"{os.uname().nodename}:999999:1")
    )
    alive = client.containers.create(
        sandbox.image, ["true"], labels=runs.labels(runs.current_run_id())
    )
    foreign = client.containers.create(sandbox.image, ["true"], labels={"other": "1"})
    try:
        removed = docker_backend.sweep(client)
        assert dead.name in removed
        names = {c.name for c in client.containers.list(all=True)}
        assert alive.name in names and foreign.name in names and dead.name not in names
    finally:
        for c in (alive, foreign):
            c.remove(force=True)


KILLED_RUN = """
import sys
from pathlib import Path
from gate.sandbox.interface import Job
from gate.sandbox.select import open_sandbox

sandbox = open_sandbox("docker")
ws = Path(sys.argv[1])
print(sandbox.run_id, flush=True)
sandbox.run(Job(["python", "-c", "import time; time.sleep(600)"], ws, 600))
"""


@pytest.mark.docker
def test_sigkill_leaves_containers_that_the_next_run_removes(sandbox, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    ws.chmod(0o755)
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, str(ws)], stdout=subprocess.PIPE, text=True
    )
    run_id = proc.stdout.readline().strip()
    label = {"label": f"{runs.RUN_LABEL}={run_id}"}
    for _ in range(100):
        if sandbox.client.containers.list(filters=label):
            break
        time.sleep(0.2)
    assert sandbox.client.containers.list(filters=label), "the container never started"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert sandbox.client.containers.list(all=True, filters=label), "nothing was left to sweep"
    subprocess.run(
        [sys.executable, "-m", "gate", "sandbox", "prune"], check=True, capture_output=True
    )
    assert sandbox.client.containers.list(all=True, filters=label) == []


RAISES_ITS_STACK = """import resource, threading
soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
size = 10**9 if hard == resource.RLIM_INFINITY else hard
resource.setrlimit(resource.RLIMIT_STACK, (size, hard))
threading.stack_size(size)  # each thread reserves what the limit now allows
started = threading.Barrier(4, timeout=20)
threads = [threading.Thread(target=started.wait) for _ in range(3)]
try:
    for thread in threads:
        thread.start()
    started.wait()
    print("three threads ran")
finally:
    started.abort()
"""


def test_reserved_stacks_are_not_taken_for_memory_used(box, shared_tmp: Path) -> None:
    # semgrep's engine raises its stack limit as far as it may, then starts threads:
    # gigabytes reserved, a few megabytes used. It must run under the default limits.
    (shared_tmp / "stacks.py").write_text(RAISES_ITS_STACK)
    (shared_tmp / "stacks.py").chmod(0o644)
    result = box.run(Job(["python", "stacks.py"], shared_tmp, 60, Limits()))
    assert result.exit_code == 0, result.stderr[-2000:]
    assert b"three threads ran" in result.stdout
