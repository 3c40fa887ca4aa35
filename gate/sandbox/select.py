"""Chooses the sandbox: ``docker``, ``bwrap``, or ``auto`` (docker, then bwrap), or the
host with ``--unsafe-no-sandbox``."""

from __future__ import annotations

from gate.sandbox import docker as docker_backend
from gate.sandbox.bwrap import BwrapSandbox
from gate.sandbox.host import UnsafeHostSandbox
from gate.sandbox.image import cache_dir, plan, require_image, rootfs_path
from gate.sandbox.interface import Sandbox, SandboxUnavailableError
from gate.sandbox.pythons import DEFAULT, PYTHONS, SandboxPython

KINDS = ("auto", "docker", "bwrap")


def open_sandbox(
    kind: str = "auto",
    *,
    unsafe_no_sandbox: bool = False,
    python: SandboxPython = PYTHONS[DEFAULT],
) -> Sandbox:
    """A ready sandbox of ``python`` (leftovers of crashed runs swept); exit 3 when none
    is available."""
    if unsafe_no_sandbox:
        return UnsafeHostSandbox()
    if kind == "docker":
        return _docker(python)
    if kind == "bwrap":
        return _bwrap(python)
    if kind != "auto":
        raise SandboxUnavailableError(
            f"unknown sandbox {kind!r}", hint=f"choose from {', '.join(KINDS)}"
        )
    reasons = []
    for opener in (_docker, _bwrap):
        try:
            return opener(python)
        except SandboxUnavailableError as exc:
            reasons.append(exc.diagnostics())
    raise SandboxUnavailableError(
        "no sandbox is available: " + "; ".join(reasons),
        hint="start a Docker engine, or install bubblewrap and run `gate sandbox build`; "
        "--unsafe-no-sandbox runs the tools on the host, and the verdict fails",
    )


def _docker(python: SandboxPython) -> Sandbox:
    client = docker_backend.connect()
    docker_backend.sweep(client)
    return docker_backend.DockerSandbox(client, require_image(client, python))


def _bwrap(python: SandboxPython) -> Sandbox:
    rootfs = rootfs_path(plan("offline", python), cache_dir())
    if rootfs is None:
        raise SandboxUnavailableError(
            f"the bwrap sandbox root of Python {python.version} is not built",
            hint=f"run `{python.build_command}` as root",
        )
    return BwrapSandbox(rootfs, python)
