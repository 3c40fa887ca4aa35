"""Chooses the sandbox: ``docker``, or ``auto`` (the first that works), or the host
with ``--unsafe-no-sandbox``."""

from __future__ import annotations

from gate.sandbox import docker as docker_backend
from gate.sandbox.host import UnsafeHostSandbox
from gate.sandbox.image import require_image
from gate.sandbox.interface import Sandbox, SandboxUnavailableError

KINDS = ("auto", "docker")


def open_sandbox(kind: str = "auto", *, unsafe_no_sandbox: bool = False) -> Sandbox:
    """A ready sandbox, leftovers of crashed runs swept; exit 3 when none is available."""
    if unsafe_no_sandbox:
        return UnsafeHostSandbox()
    if kind not in KINDS:
        raise SandboxUnavailableError(
            f"unknown sandbox {kind!r}", hint=f"choose from {', '.join(KINDS)}"
        )
    client = docker_backend.connect()
    docker_backend.sweep(client)
    return docker_backend.DockerSandbox(client, require_image(client))
