"""Chooses the sandbox: ``docker``, ``bwrap``, or ``auto`` (docker, then bwrap), or the
host with ``--unsafe-no-sandbox``."""

from __future__ import annotations

from gate.sandbox import docker as docker_backend
from gate.sandbox.bwrap import BwrapSandbox
from gate.sandbox.host import UnsafeHostSandbox
from gate.sandbox.image import cache_dir, plan, require_image, rootfs_path
from gate.sandbox.interface import Sandbox, SandboxUnavailableError

KINDS = ("auto", "docker", "bwrap")


def open_sandbox(kind: str = "auto", *, unsafe_no_sandbox: bool = False) -> Sandbox:
    """A ready sandbox (leftovers of crashed runs swept); exit 3 when none is available."""
    if unsafe_no_sandbox:
        return UnsafeHostSandbox()
    if kind == "docker":
        return _docker()
    if kind == "bwrap":
        return _bwrap()
    if kind != "auto":
        raise SandboxUnavailableError(
            f"unknown sandbox {kind!r}", hint=f"choose from {', '.join(KINDS)}"
        )
    reasons = []
    for opener in (_docker, _bwrap):
        try:
            return opener()
        except SandboxUnavailableError as exc:
            reasons.append(exc.diagnostics())
    raise SandboxUnavailableError(
        "no sandbox is available: " + "; ".join(reasons),
        hint="start a Docker engine, or install bubblewrap and run `gate sandbox build`; "
        "--unsafe-no-sandbox runs the tools on the host, and the verdict fails",
    )


def _docker() -> Sandbox:
    client = docker_backend.connect()
    docker_backend.sweep(client)
    return docker_backend.DockerSandbox(client, require_image(client))


def _bwrap() -> Sandbox:
    rootfs = rootfs_path(plan("offline"), cache_dir())
    if rootfs is None:
        raise SandboxUnavailableError(
            "the bwrap sandbox root is not built", hint="run `gate sandbox build` as root"
        )
    return BwrapSandbox(rootfs)
