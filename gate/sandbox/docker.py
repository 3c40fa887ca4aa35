"""The default sandbox: a throwaway Docker container per command, through the docker
SDK. No network, read-only root, tmpfs scratch, no capabilities, no new privileges, a
non-root user, pids/memory/CPU limits, an output cap and a wall-clock timeout that kills.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

from gate.sandbox import runs
from gate.sandbox.interface import (
    DEPENDENCIES,
    WORKSPACE,
    Job,
    KilledBy,
    Result,
    SandboxUnavailableError,
)

USER = "10001:10001"
_ENGINE_HINT = (
    "start the Docker engine (e.g. `sudo dockerd &` or `sudo systemctl start docker`), "
    "or use --sandbox bwrap where bubblewrap is installed"
)


def connect() -> Any:
    """A docker client that has answered a ping, or exit 3 saying how to get one."""
    try:
        import docker
        import docker.errors
    except ImportError as exc:  # pragma: no cover - a dependency of mergegate
        raise SandboxUnavailableError("the docker SDK is not installed") from exc
    try:
        client = docker.from_env(timeout=30)
        client.ping()
    except Exception as exc:  # every way of not reaching the engine means the same here
        raise SandboxUnavailableError("no Docker engine answers", hint=_ENGINE_HINT) from exc
    return client


class DockerSandbox:
    """Runs each job in a fresh container of the sandbox image, removed afterwards."""

    name = "docker"

    def __init__(self, client: Any, image: str, run_id: str | None = None) -> None:
        self.client = client
        self.image = image
        self.run_id = run_id or runs.current_run_id()
        self._running: set[Any] = set()
        self._lock = threading.Lock()
        self._closed = False

    def close(self) -> None:
        """Remove the containers of jobs still running (after Ctrl-C)."""
        with self._lock:
            self._closed = True
            running = list(self._running)
        for container in running:
            _remove(container)

    def run(self, job: Job) -> Result:
        limits = job.limits
        container = self.client.containers.create(
            self.image,
            list(job.argv),
            user=USER,
            working_dir=WORKSPACE,
            # Its own pid namespace: the runner may end every process a test left behind.
            environment={"HOME": "/tmp", "MERGEGATE_PID_NAMESPACE": "1", **job.environment},
            # Only the loopback interface. (network_disabled would also drop /etc/hosts,
            # and with it `localhost`, which tests with a local server need.)
            network_mode="none",
            read_only=True,
            # exec: a C extension the run compiles into its scratch tree is mapped from
            # there (Docker's tmpfs is noexec unless told otherwise).
            tmpfs={"/tmp": f"rw,exec,nosuid,nodev,size={limits.tmpfs_mb}m,mode=1777"},
            cap_drop=["ALL"],
            security_opt=["no-new-privileges"],
            pids_limit=limits.pids,
            mem_limit=f"{limits.memory_mb}m",
            memswap_limit=f"{limits.memory_mb}m",
            nano_cpus=int(limits.cpus * 1e9),
            volumes=_volumes(job),
            labels=runs.labels(self.run_id),
            log_config={
                "type": "json-file",
                "config": {"max-size": str(limits.output_bytes), "max-file": "1"},
            },
            detach=True,
        )
        with self._lock:
            if self._closed:  # interrupted while the container was being made
                _remove(container)
                return Result(137, b"", b"", 0.0, killed_by="interrupt")
            self._running.add(container)
        try:
            return self._run(container, job)
        finally:
            _remove(container)
            with self._lock:
                self._running.discard(container)

    def _run(self, container: Any, job: Job) -> Result:
        from docker.utils.socket import frames_iter

        # A raw attach socket, so that it can be closed: a reader that stops reading
        # (at the output cap) would otherwise leave the engine blocked on the stream.
        sock = self.client.api.attach_socket(
            container.id, params={"stdout": 1, "stderr": 1, "stream": 1, "logs": 1}
        )
        out = _Collector(job.limits.output_bytes, container)
        reader = threading.Thread(target=out.read, args=(frames_iter(sock, False),), daemon=True)
        start = time.monotonic()
        container.start()
        reader.start()
        exit_code, killed_by = self._wait(container, start + job.timeout)
        duration = time.monotonic() - start
        reader.join(timeout=10)
        _close(sock)
        if out.capped:
            killed_by = "output"
        elif killed_by is None and _oom_killed(container):
            killed_by = "memory"
        return Result(
            exit_code=exit_code,
            stdout=bytes(out.stdout),
            stderr=bytes(out.stderr),
            duration=duration,
            timed_out=killed_by == "timeout",
            killed_by=killed_by,
        )

    def _wait(self, container: Any, deadline: float) -> tuple[int, KilledBy | None]:
        """Wait for the container in short slices, so that a timeout or close() (Ctrl-C)
        ends the wait even if the engine lost a removal racing with the start, and an
        engine that stops answering ends it at once."""
        import docker.errors

        while True:
            slice_ = max(0.1, min(1.0, deadline - time.monotonic()))
            try:
                return int(container.wait(timeout=slice_).get("StatusCode", -1)), None
            except docker.errors.NotFound:
                return 137, "interrupt"
            except Exception as exc:  # a slice ran out (requests raises its own types)
                if self._closed or time.monotonic() >= deadline:
                    _kill(container)
                    return 137, "interrupt" if self._closed else "timeout"
                if not _ran_out(exc) and not self._answers():
                    return 137, "engine"  # its container is swept when the engine is back

    def _answers(self) -> bool:
        """Whether the engine still answers a ping."""
        try:
            return bool(self.client.ping())
        except Exception:
            return False


def _ran_out(exc: Exception) -> bool:
    """Whether a wait ended because its slice ran out (requests says so in its own ways:
    a Timeout, or a ConnectionError that read timed out)."""
    import requests

    return isinstance(exc, requests.exceptions.Timeout) or "timed out" in str(exc).lower()


def _volumes(job: Job) -> dict[str, dict[str, str]]:
    volumes = {str(job.workspace): {"bind": WORKSPACE, "mode": "ro"}}
    if job.dependencies is not None:
        volumes[str(job.dependencies)] = {"bind": DEPENDENCIES, "mode": "ro"}
    return volumes


class _Collector:
    """Reads the attach frames, killing the container past the output cap."""

    def __init__(self, cap: int, container: Any) -> None:
        self.cap = cap
        self.container = container
        self.stdout = bytearray()
        self.stderr = bytearray()
        self.capped = False

    def read(self, frames: Iterator[tuple[int, bytes]]) -> None:
        # Past the cap, keep draining (and dropping) the stream: the engine cannot finish
        # killing a container whose output nobody reads.
        with contextlib.suppress(Exception):  # the stream ends when the socket closes
            for stream, chunk in frames:
                if self.capped:
                    continue
                room = self.cap - len(self.stdout) - len(self.stderr)
                (self.stderr if stream == 2 else self.stdout).extend(chunk[: max(room, 0)])
                if len(chunk) > room:
                    self.capped = True
                    threading.Thread(target=_kill, args=(self.container,), daemon=True).start()


def _close(sock: Any) -> None:
    with contextlib.suppress(Exception):
        getattr(sock, "_sock", sock).close()
    with contextlib.suppress(Exception):
        sock.close()


def _kill(container: Any) -> None:
    with contextlib.suppress(Exception):  # already stopped
        container.kill()


def _oom_killed(container: Any) -> bool:
    try:
        container.reload()
        return bool(container.attrs["State"].get("OOMKilled"))
    except Exception:
        return False


def _remove(container: Any) -> None:
    with contextlib.suppress(Exception):  # if it fails, the next run's sweep removes it
        container.remove(force=True)


def sweep(client: Any) -> list[str]:
    """Remove the containers of dead runs (by label only); return their names.

    Read from the engine's list alone (no inspection of each container, which races
    with other runs' containers ending), and a container already gone is no error:
    any number of runs may sweep at once."""
    import docker.errors

    removed: list[str] = []
    try:
        listed = client.api.containers(all=True, filters={"label": runs.LABEL})
    except docker.errors.NotFound:
        return removed
    for entry in listed:
        labels = entry.get("Labels") or {}
        if not runs.is_dead(labels.get(runs.RUN_LABEL, "")):
            continue
        try:
            client.api.remove_container(entry["Id"], force=True)
        except docker.errors.NotFound:
            continue  # another run swept it first
        except docker.errors.APIError:
            continue  # being removed already; the next sweep sees it gone
        names = entry.get("Names") or [entry["Id"][:12]]
        removed.append(names[0].lstrip("/"))
    return removed
