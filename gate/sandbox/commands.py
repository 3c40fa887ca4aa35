"""``gate sandbox build|check|prune|deps``."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gate.sandbox import bwrap, environment, image, pythons, runs
from gate.sandbox import docker as docker_backend
from gate.sandbox.interface import SandboxUnavailableError
from gate.sandbox.pythons import DEFAULT, PYTHONS, PythonVersion, SandboxPython

Write = Callable[[str], object]


def run(
    action: str, recipe: str | None, cache: Path | None, write: Write, python: SandboxPython
) -> int:
    """Do ``action``; 0 on success (``check``: 0 only when a sandbox of the default
    Python is ready)."""
    client = _engine()
    folder = image.cache_dir(cache)
    if action == "build":
        return _build(client, recipe, folder, write, python)
    if action == "prune":
        folders = runs.sweep_folders()
        if client is None:
            no_engine = "no Docker engine answers: no containers to prune"
            write(f"removed {len(folders)} temporary folder(s) of dead runs; {no_engine}\n")
            return 0
        removed = docker_backend.sweep(client)
        write(
            f"removed {len(removed)} leftover container(s) and {len(folders)} temporary "
            "folder(s) of dead runs\n"
        )
        return 0
    return _check(client, folder, write)


def deps(
    path: Path,
    base: str,
    wheelhouse: Path | None,
    cache: Path | None,
    write: Write,
    offline: bool = False,
    python: PythonVersion | None = None,
) -> int:
    """Prebuild the test environment of ``base`` of the repository at ``path`` for the
    Python ``gate check`` would choose, or ``python`` (``gate check`` builds a missing one
    itself)."""
    from gate.change import find_repository
    from gate.errors import BadInputError
    from gate.policy import loader

    if wheelhouse is not None and not wheelhouse.is_dir():
        raise BadInputError(f"--wheelhouse {wheelhouse}: no such folder")
    repo = find_repository(path)
    found = environment.declared_at(repo, base)
    chosen = pythons.choose(found, python or loader.load(repo, base).python)
    write(f"deps: Python {chosen.python.version} ({chosen.why})\n")
    wanted = environment.wanted(found, chosen.python)
    built = environment.ensure(
        wanted,
        cache=cache,
        offline=offline,
        wheelhouse=wheelhouse,
        progress=lambda m: write(f"deps: {m}\n"),
    )
    for note in built.notes:
        write(f"deps: {note}\n")
    write(f"deps: {built.path}\n")
    return 0


def _engine() -> Any | None:
    try:
        return docker_backend.connect()
    except SandboxUnavailableError:
        return None


def _build(
    client: Any | None, recipe: str | None, cache: Path, write: Write, python: SandboxPython
) -> int:
    offline_possible = shutil.which("debootstrap") is not None and os.geteuid() == 0
    chosen = recipe or ("offline" if offline_possible else "dockerfile")

    def progress(message: str) -> None:
        write(f"sandbox: {message}\n")

    built = False
    if client is not None:
        progress(f"image {image.build(client, chosen, cache, progress, python)} ready")
        built = True
    if chosen == "offline" and bwrap.available() is None:
        root = image.tools_rootfs(image.plan("offline", python), cache, progress)
        progress(f"bwrap root {root} ready")
        built = True
    if not built:
        raise SandboxUnavailableError(
            "nothing to build for: no Docker engine answers and bubblewrap is not usable",
            hint="start a Docker engine, or install bubblewrap and debootstrap (as root)",
        )
    return 0


def _check(client: Any | None, cache: Path, write: Write) -> int:
    ready = False
    if client is None:
        write("docker: no engine answers\n")
    else:
        version = client.version()
        write(f"docker: engine {version.get('Version', '?')} (API {version.get('ApiVersion')})\n")
        for python in PYTHONS.values():
            for name in ("offline", "dockerfile"):
                tag = image.plan(name, python).tag
                present = image.has_image(client, tag)
                ready = ready or (present and python.version == DEFAULT)
                state = "present" if present else "not built"
                write(f"docker: Python {python.version} image ({name} recipe) {tag} {state}\n")
    reason = bwrap.available()
    if reason is not None:
        write(f"bwrap: {reason}\n")
    for python in PYTHONS.values() if reason is None else ():
        rootfs = image.rootfs_path(image.plan("offline", python), cache)
        write(f"bwrap: Python {python.version} root {rootfs if rootfs else 'not built'}\n")
        ready = ready or (rootfs is not None and python.version == DEFAULT)
    if not ready:
        write("run `gate sandbox build` to make a sandbox\n")
    return 0 if ready else 3
