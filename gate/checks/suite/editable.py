"""In the sandbox: the project installed editable into a run's environment from its
scratch copy, as a PEP 660 front end does it, without pip: the project's own build
backend (from the test environment: no index, no build isolation) builds the editable
wheel in one child process (``pyproject_hooks``), and ``installer`` lays it into the
run's site-packages, with its console scripts.

pip does the same in three processes (its own, then one per backend hook), which on a
small project took three times as long; the gate runs up to three installs per check.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import tomllib
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyproject_hooks
from installer import install
from installer.destinations import SchemeDictionaryDestination
from installer.exceptions import InstallerError
from installer.sources import WheelFile

LEGACY = "setuptools.build_meta:__legacy__"
"""The backend of a project without one (a setup.py alone), as pip's ``--use-pep517``."""


@dataclass(frozen=True)
class Build:
    """How a tree is built: its ``[build-system]``."""

    backend: str
    """The backend's object reference (``module:object``)."""
    backend_path: tuple[str, ...] = ()
    """Folders of the tree the backend is imported from (an in-tree backend)."""


class InstallFailed(Exception):
    """The project could not be installed: why, or None when the build's output says."""

    def __init__(self, cause: str | None = None) -> None:
        super().__init__(cause or "the build failed")
        self.cause = cause


def build_of(root: Path) -> Build | None:
    """How the tree at ``root`` is built; None when it is not a project a build backend
    can install (no setup.py, no pyproject.toml with a project or a build system)."""
    pyproject = root / "pyproject.toml"
    data: dict[str, object] = {}
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            data = {}
    system = data.get("build-system")
    table = system if isinstance(system, dict) else {}
    backend = table.get("build-backend")
    paths = table.get("backend-path")
    if isinstance(backend, str) and backend.strip():
        listed = paths if isinstance(paths, list) else []
        return Build(backend.strip(), tuple(str(p) for p in listed))
    if (root / "setup.py").is_file() or system is not None or "project" in data:
        return Build(LEGACY)
    return None


RunCommand = Callable[[list[str], Path, dict[str, str]], int]
"""Runs one command of the build (``argv``, ``cwd``, ``env``); its exit code."""


def install_editable(
    root: Path,
    build: Build,
    *,
    python: str,
    scheme: Mapping[str, str],
    env: Mapping[str, str],
    run: RunCommand,
) -> None:
    """Build the editable wheel of the tree at ``root`` with ``python`` (the run's
    environment) and install it by ``scheme`` (``purelib``, ``platlib``, ``scripts``,
    ``data``, ``headers``); raises InstallFailed with the cause."""

    def runner(
        cmd: Sequence[str], cwd: str | None = None, extra_environ: Mapping[str, str] | None = None
    ) -> None:
        code = run(list(cmd), Path(cwd or root), {**env, **(extra_environ or {})})
        if code != 0:
            raise subprocess.CalledProcessError(code, list(cmd))

    caller = pyproject_hooks.BuildBackendHookCaller(
        str(root),
        build.backend,
        backend_path=list(build.backend_path) or None,
        runner=runner,
        python_executable=python,
    )
    with tempfile.TemporaryDirectory(prefix="wheel-", dir=root.parent) as wheels:
        try:
            with warnings.catch_warnings():  # the backend's advice, not its failure
                warnings.simplefilter("ignore", pyproject_hooks.BuildBackendWarning)
                name = caller.build_editable(wheels)
        except pyproject_hooks.HookMissing:
            raise InstallFailed(
                f"its build backend {build.backend} cannot install it editable (no PEP 660 hook)"
            ) from None
        except pyproject_hooks.BackendUnavailable as exc:
            last = (exc.traceback.strip().splitlines() or ["it cannot be imported"])[-1]
            raise InstallFailed(f"its build backend {build.backend} is missing: {last}") from None
        except subprocess.CalledProcessError:
            raise InstallFailed() from None
        direct_url = {"url": root.resolve().as_uri(), "dir_info": {"editable": True}}
        destination = SchemeDictionaryDestination(
            dict(scheme), interpreter=python, script_kind="posix"
        )
        try:
            with WheelFile.open(Path(wheels) / name) as wheel:
                install(
                    wheel,
                    destination,
                    additional_metadata={
                        "INSTALLER": b"mergegate\n",
                        "direct_url.json": json.dumps(direct_url).encode(),
                    },
                )
        except (InstallerError, OSError, ValueError) as exc:
            raise InstallFailed(f"its editable wheel could not be installed: {exc}") from None
