"""``gate sandbox build|check|prune``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import platformdirs

from gate.sandbox import docker as docker_backend
from gate.sandbox import image


def cache_dir(given: Path | None) -> Path:
    """``--cache-dir``/``GATE_CACHE_DIR``, else the user's cache dir."""
    return given or Path(platformdirs.user_cache_dir("mergegate"))


def run(action: str, recipe: str | None, cache: Path | None, write: Callable[[str], object]) -> int:
    """Do ``action``; 0 on success (``check``: 0 only when everything is in place)."""
    client = docker_backend.connect()
    if action == "build":
        chosen = recipe or ("offline" if shutil.which("debootstrap") else "dockerfile")
        tag = image.build(client, chosen, cache_dir(cache), lambda m: write(f"sandbox: {m}\n"))
        write(f"{tag}\n")
        return 0
    if action == "prune":
        removed = docker_backend.sweep(client)
        write(f"removed {len(removed)} leftover container(s) of dead runs\n")
        return 0
    version = client.version()
    write(f"engine: Docker {version.get('Version', '?')} (API {version.get('ApiVersion', '?')})\n")
    ok = False
    for name in ("offline", "dockerfile"):
        tag = image.plan(name).tag
        present = image.has_image(client, tag)
        ok = ok or present
        write(f"image ({name} recipe): {tag} {'present' if present else 'not built'}\n")
    if not ok:
        write("run `gate sandbox build` to build the image\n")
    return 0 if ok else 3
