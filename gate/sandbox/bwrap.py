"""The sandbox for machines with no Docker engine: bubblewrap over the same Debian root
the image is made of, mounted read-only. New user, pid, network, IPC and UTS namespaces,
no capabilities, no new privileges, an unprivileged user (root drops to ``nobody`` before
bwrap starts), rlimits for processes and memory, a sized tmpfs, an output cap and a
wall-clock timeout that kills the whole sandbox.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

from gate.sandbox import runs
from gate.sandbox.image import gate_sources
from gate.sandbox.interface import (
    DEPENDENCIES,
    WORKSPACE,
    Job,
    KilledBy,
    Limits,
    Result,
    SandboxUnavailableError,
)
from gate.sandbox.pythons import DEFAULT, PYTHONS, SandboxPython

NOBODY = "65534"
ENV = {
    "PATH": "/opt/gate/bin:/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
    "PYTHONDONTWRITEBYTECODE": "1",
    "SEMGREP_ENABLE_VERSION_CHECK": "0",
    "SEMGREP_SEND_METRICS": "off",
}


def available() -> str | None:
    """Why bwrap cannot be used here, or None when it can."""
    if shutil.which("bwrap") is None:
        return "bubblewrap is not installed (apt-get install bubblewrap)"
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        return "setpriv is not installed (util-linux), needed to drop root before bwrap"
    return None


class BwrapSandbox:
    """Runs each job in a fresh bubblewrap sandbox over ``rootfs`` (the root of
    ``python``'s image)."""

    name = "bwrap"

    def __init__(self, rootfs: Path, python: SandboxPython = PYTHONS[DEFAULT]) -> None:
        reason = available()
        if reason is not None:
            raise SandboxUnavailableError(reason)
        self.rootfs = rootfs
        self.python = python
        self._running: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._closed = False
        # mergegate's own runners, copied where the unprivileged user can read them.
        self.runtime = runs.mark(Path(tempfile.mkdtemp(prefix="mergegate-runtime-")))
        self.runtime.chmod(0o755)
        for name, path in gate_sources():
            target = self.runtime / "gate" / name
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
            shutil.copyfile(path, target)

    def close(self) -> None:
        """Kill the sandboxes still running (after Ctrl-C) and remove the runtime copy."""
        with self._lock:
            self._closed = True
            running = list(self._running)
        for proc in running:
            _kill(proc)
        shutil.rmtree(self.runtime, ignore_errors=True)

    def command(self, job: Job) -> list[str]:
        """The full command line for ``job``."""
        limits = job.limits
        drop = (["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
                if os.geteuid() == 0 else [])  # fmt: skip
        # --unshare-all gives it its own pid namespace: the runner may end every process
        # a test left behind.
        variables = {**ENV, "MERGEGATE_PID_NAMESPACE": "1", **job.environment}
        env = [arg for key, value in variables.items()
               for arg in ("--setenv", key, value)]  # fmt: skip
        deps = (["--ro-bind", str(job.dependencies), DEPENDENCIES]
                if job.dependencies is not None else [])  # fmt: skip
        return [
            *drop, "bwrap", "--unshare-all", "--die-with-parent", "--new-session",
            "--cap-drop", "ALL", "--clearenv", *env,
            "--ro-bind", str(self.rootfs), "/",
            "--ro-bind", str(self.runtime / "gate"), f"/opt/gate/{self.python.site}/gate",
            "--ro-bind", str(job.workspace), WORKSPACE, *deps,
            "--proc", "/proc", "--dev", "/dev",
            "--size", str(limits.tmpfs_mb * 2**20), "--tmpfs", "/tmp",
            "--uid", "10001", "--gid", "10001", "--chdir", WORKSPACE,
            "--", "/usr/bin/prlimit", f"--nproc={limits.pids}",
            f"--data={limits.memory_mb * 2**20}", f"--stack={stack_limit(limits)}",
            "--", *job.argv,
        ]  # fmt: skip

    def run(self, job: Job) -> Result:
        start = time.monotonic()
        proc = subprocess.Popen(self.command(job), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True,
                                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")})  # fmt: skip
        with self._lock:
            if self._closed:  # interrupted while the sandbox was starting
                _kill(proc)
                proc.wait()
                return Result(137, b"", b"", 0.0, killed_by="interrupt")
            self._running.add(proc)
        try:
            return self._wait(proc, job, start)
        finally:
            with self._lock:
                self._running.discard(proc)

    def _wait(self, proc: subprocess.Popen[bytes], job: Job, start: float) -> Result:
        out = _Output(job.limits.output_bytes, proc)
        readers = [
            threading.Thread(target=out.read, args=(stream, buf), daemon=True)
            for stream, buf in ((proc.stdout, out.stdout), (proc.stderr, out.stderr))
        ]
        for reader in readers:
            reader.start()
        killed_by: KilledBy | None = None
        try:
            exit_code = proc.wait(timeout=job.timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            exit_code = proc.wait()
            killed_by = "timeout"
        for reader in readers:
            reader.join(timeout=10)
        if out.capped:
            killed_by = "output"
        return Result(
            exit_code=137 if killed_by else exit_code,
            stdout=bytes(out.stdout),
            stderr=bytes(out.stderr),
            duration=time.monotonic() - start,
            timed_out=killed_by == "timeout",
            killed_by=killed_by,
        )


class _Output:
    """Both streams under one cap; past it, the sandbox is killed and the rest dropped."""

    def __init__(self, cap: int, proc: subprocess.Popen[bytes]) -> None:
        self.cap = cap
        self.proc = proc
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.capped = False
        self.lock = threading.Lock()

    def read(self, stream: IO[bytes] | None, target: bytearray) -> None:
        assert stream is not None
        while chunk := stream.read1(65536):  # type: ignore[attr-defined]
            with self.lock:
                if self.capped:
                    continue
                room = self.cap - len(self.stdout) - len(self.stderr)
                target.extend(chunk[: max(room, 0)])
                if len(chunk) > room:
                    self.capped = True
                    _kill(self.proc)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


STACK_MB = 8
"""The stack a command starts with (the usual default)."""


def stack_limit(limits: Limits) -> str:
    """prlimit's ``--stack`` value: the usual soft limit, and a hard limit of a quarter of
    the memory (512 MiB at most). The memory limit here is on the data segment, which
    counts the address space reserved for every thread's stack, touched or not; a
    program that raises its stack limit to the hard one (semgrep's engine asks for 1 GB)
    and then starts threads would reserve gigabytes it never uses and be refused memory
    far below the limit."""
    hard = min(512, limits.memory_mb // 4) * 2**20
    return f"{min(STACK_MB * 2**20, hard)}:{hard}"
