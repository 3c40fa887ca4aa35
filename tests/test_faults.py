"""Faults from outside the change: the engine gone, a container killed mid-check, a full
disk (a damaged cache entry: ``sandbox/test_environment.py``). Each ends in its
documented exit code with one line, never a PASSED verdict, and leaves no half-written
file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gate.errors import GateUnavailableError
from gate.sandbox import environment, image, runs

from .conftest import Repo
from .sandbox.test_environment import make_wheel

GATE = [sys.executable, "-m", "gate"]


def gate(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*GATE, *args], cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True,
        text=True, timeout=600,
    )  # fmt: skip


def one_line(stderr: str) -> str:
    """The message a failed command ends with (after any progress lines): one line, no
    traceback."""
    assert "Traceback" not in stderr, stderr
    return [x for x in stderr.splitlines() if x.strip()][-1]


def test_no_engine_is_exit_3_in_one_line(calc: Repo, tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    calc.write({"calc/ops.py": "\n" + (calc.path / "calc/ops.py").read_text()})
    env = {"DOCKER_HOST": f"unix://{tmp_path}/no-engine.sock", "TMPDIR": str(scratch)}
    done = gate("check", "--sandbox", "docker", cwd=calc.path, env=env)
    assert done.returncode == 3
    assert "no Docker engine answers" in one_line(done.stderr)
    assert list(scratch.iterdir()) == []


@pytest.mark.docker
@pytest.mark.slow
def test_a_container_killed_mid_check_fails_the_verdict(calc: Repo, tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    scratch.chmod(0o755)
    endless = (calc.path / "calc/ops.py").read_text().replace("return a + b", "while True: pass")
    calc.write({"calc/ops.py": endless})
    proc = subprocess.Popen(
        [*GATE, "check", "--sandbox", "docker", "--only", "tests"], cwd=calc.path,
        env={**os.environ, "TMPDIR": str(scratch)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    killed = False
    for _ in range(600):  # until the suite's container runs: then kill it from outside
        mine = _containers_of(proc.pid)
        if mine:
            subprocess.run(["docker", "kill", *mine], capture_output=True)
            killed = True
            break
        time.sleep(0.1)
    out, err = proc.communicate(timeout=600)
    assert killed, "the suite's container never started"
    assert proc.returncode == 1, err
    assert "FAILED" in out
    assert "Traceback" not in err
    assert list(scratch.iterdir()) == []


def _run_of(container: str) -> str:
    return subprocess.run(
        ["docker", "inspect", "--format", f'{{{{index .Config.Labels "{runs.RUN_LABEL}"}}}}',
         container],
        capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


@pytest.fixture
def full_disk(tmp_path: Path):
    """A 64 KiB file system, full once a little is written (root only)."""
    mount = tmp_path / "full"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)])
    if made.returncode != 0:
        pytest.skip("this machine cannot mount a tmpfs")
    (mount / "filler").write_bytes(b"x" * (56 * 1024))
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_for_out_is_exit_2_and_no_half_file(calc: Repo, full_disk: Path) -> None:
    calc.write({"calc/ops.py": "\n" + (calc.path / "calc/ops.py").read_text()})
    out = full_disk / "verdict"
    done = gate("check", "--only", "rules", "--out", str(out), cwd=calc.path)
    assert done.returncode == 2, done.stderr
    assert "cannot write to" in one_line(done.stderr)
    written = [p.name for p in out.rglob("*")] if out.exists() else []
    assert not [name for name in written if name.startswith(".")], written  # no temporary
    assert "verdict.dsse.json" not in written or (out / "verdict.dsse.json").stat().st_size > 0


def test_a_full_cache_disk_says_so_and_leaves_no_half_environment(
    full_disk: Path, tmp_path: Path
) -> None:
    wheelhouse = tmp_path / "wheels"
    wheelhouse.mkdir()
    make_wheel(wheelhouse, source="DATA = " + repr("x" * 200_000) + "\n")
    want = environment.Wanted(("mergegate-test-tinydep==1.0",))
    with pytest.raises(GateUnavailableError) as raised:
        environment.ensure(want, cache=full_disk, offline=True, wheelhouse=wheelhouse)
    assert "no space left on device to build the test environment" in str(raised.value)
    assert "--cache-dir" in raised.value.hint
    envs = full_disk / "envs"
    assert [p.name for p in envs.iterdir() if p.is_dir()] == [], "a half-built environment"


@pytest.fixture
def open_cache() -> Iterator[Path]:
    """A cache folder the sandbox's unprivileged user can read (pytest's are private)."""
    folder = Path(tempfile.mkdtemp(prefix="mergegate-cache-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.slow
def test_a_tool_missing_from_the_sandbox_errs_its_check(calc: Repo, open_cache: Path) -> None:
    """A root with bandit removed (a hard-linked copy: the real one is untouched)."""
    real = image.rootfs_path(image.plan(), image.cache_dir())
    if real is None:
        pytest.skip("the bwrap root is not built (gate sandbox build)")
    cache = open_cache
    (cache / "rootfs").mkdir()
    subprocess.run(["cp", "-al", str(real), str(cache / "rootfs")], check=True)
    shutil.rmtree(cache / "rootfs" / real.name / "opt/gate/lib/python3.11/site-packages/bandit")
    calc.write({"calc/ops.py": "\n" + (calc.path / "calc/ops.py").read_text()})
    env = {"GATE_CACHE_DIR": str(cache)}
    done = gate("check", "--sandbox", "bwrap", "--only", "rules,bandit", cwd=calc.path, env=env)
    assert done.returncode == 1, done.stderr
    assert "bandit errored" in done.stdout
    assert "No module named bandit" in done.stdout
    assert "Traceback" not in done.stderr
    assert (real / "opt/gate/lib/python3.11/site-packages/bandit").is_dir()


# A stand-in for the engine's socket that forwards to the real one, until it is killed:
# to the gate, the engine then stops answering (the real one, and other runs, go on).
PROXY = """\
import asyncio, os, sys

source, target = sys.argv[1], sys.argv[2]


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except Exception:
        pass
    finally:
        writer.close()


async def serve(reader, writer):
    upstream_reader, upstream_writer = await asyncio.open_unix_connection(target)
    await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))


async def main():
    server = await asyncio.start_unix_server(serve, source)
    async with server:
        await server.serve_forever()


asyncio.run(main())
"""


@pytest.mark.docker
@pytest.mark.slow
def test_an_engine_that_stops_answering_mid_check_fails_at_once(calc: Repo, tmp_path: Path) -> None:
    socket_path = tmp_path / "engine.sock"
    proxy = subprocess.Popen(
        [sys.executable, "-c", PROXY, str(socket_path), "/var/run/docker.sock"]
    )
    try:
        for _ in range(100):
            if socket_path.exists():
                break
            time.sleep(0.05)
        endless = (calc.path / "calc/ops.py").read_text().replace("return a + b", "while 1: pass")
        calc.write({"calc/ops.py": endless})
        env = {"DOCKER_HOST": f"unix://{socket_path}", "GATE_TIMEOUT": "300"}
        run = subprocess.Popen(
            [*GATE, "check", "--sandbox", "docker", "--only", "tests"], cwd=calc.path,
            env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert _until_running(run.pid), "the suite's container never started"
        proxy.kill()
        started = time.monotonic()
        out, err = run.communicate(timeout=120)
    finally:
        proxy.kill()
    assert time.monotonic() - started < 60  # not the run's time limit of 300 s
    assert run.returncode == 1, err
    assert "the sandbox's engine stopped answering" in out
    assert "Traceback" not in err
    # The engine never heard the end of the run's container: the next sweep removes it.
    subprocess.run([*GATE, "sandbox", "prune"], cwd=calc.path, capture_output=True, check=True)
    assert not _containers_of(run.pid)


def _until_running(pid: int) -> bool:
    for _ in range(600):
        if _containers_of(pid):
            return True
        time.sleep(0.1)
    return False


def _containers_of(pid: int) -> list[str]:
    listed = subprocess.run(
        ["docker", "ps", "--all", "--quiet", "--filter", f"label={runs.RUN_LABEL}"],
        capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    return [c for c in listed if _run_of(c).split(":")[1:2] == [str(pid)]]
