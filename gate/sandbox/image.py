"""Builds and finds the sandbox image of each CPython (``gate.sandbox.pythons``), tagged
with a content hash of its inputs so that an unchanged image is reused. Two recipes:
offline (debootstrap of the Python's Debian suite + a host wheelhouse for that Python +
``docker import``) and dockerfile (from a Python base image, for registry users).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from gate import __version__, process
from gate.errors import GateUnavailableError
from gate.process import ProcessError
from gate.resources import resource
from gate.sandbox.interface import WORKSPACE, SandboxUnavailableError
from gate.sandbox.pythons import DEFAULT, PYTHONS, SandboxPython

REPOSITORY = "mergegate-sandbox"
TOOLS_REPOSITORY = "mergegate-tools"
# python3-venv: every test run gets a virtual environment of the base Python; gcc, g++,
# make and python3-dev: the compiler a project's C extension is built with when its run
# installs it (by its own build backend, in the sandbox, with no network), and ccache,
# which lets the runs of one job reuse what an earlier one compiled; git, less and
# procps: programs that test suites commonly call.
PACKAGES = "python3,python3-venv,python3-dev,gcc,g++,make,libc6-dev,ccache,git,less,procps"
HOSTS = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
"""/etc/hosts of the root: loopback resolves in every sandbox (docker writes its own)."""
# The image runs the analysis tools mergegate depends on, at the versions installed here.
TOOLS = (
    *("libcst", "bandit[sarif]", "semgrep", "mypy", "ruff"),
    *("hypothesis[cli]", "coverage", "pytest", "unidiff", "pydantic", "packaging"),
    *("pyproject-hooks", "installer"),
)

Progress = Callable[[str], object]


class ImageBuildError(GateUnavailableError):
    """The sandbox image could not be built."""


@dataclass(frozen=True)
class ImagePlan:
    """What the image is made of, and the tags that name it."""

    requirements: str
    """requirements.txt for the tools, pinned."""
    tools_tag: str
    """Tag of the image with the tools (offline recipe)."""
    tag: str
    """Tag of the final image."""
    python: SandboxPython
    """The CPython it runs."""


def requirements() -> str:
    """The tools pinned to the versions installed alongside mergegate."""
    lines = []
    for spec in TOOLS:
        name = spec.split("[")[0]
        try:
            lines.append(f"{spec}=={metadata.version(name)}")
        except metadata.PackageNotFoundError as exc:
            raise ImageBuildError(f"{name} is not installed; reinstall mergegate") from exc
    return "\n".join(lines) + "\n"


def gate_sources() -> Iterator[tuple[str, Path]]:
    """mergegate's own Python files (relative name, path), in a stable order."""
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".typed") and "__pycache__" not in path.parts:
            yield path.relative_to(root).as_posix(), path


def plan(recipe: str = "offline", python: SandboxPython = PYTHONS[DEFAULT]) -> ImagePlan:
    """The tags the image of ``python`` would have, computed from its inputs."""
    reqs = requirements()
    recipe_text = resource("sandboxes", _dockerfile(recipe)).read_text("utf-8")
    tools = _hash(f"{python.suite}|{PACKAGES}|{HOSTS}|{python.version}|{WORKSPACE}|{reqs}")
    gate = hashlib.sha256()
    for name, path in gate_sources():
        gate.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    final = _hash(f"{recipe}|{recipe_text}|{tools}|{gate.hexdigest()}")
    return ImagePlan(reqs, f"{TOOLS_REPOSITORY}:{tools}", f"{REPOSITORY}:{final}", python)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _dockerfile(recipe: str) -> str:
    return "offline.Dockerfile" if recipe == "offline" else "Dockerfile"


def has_image(client: Any, tag: str) -> bool:
    """Whether the engine has ``tag``."""
    import docker.errors

    try:
        client.images.get(tag)
    except docker.errors.ImageNotFound:
        return False
    return True


def build(client: Any, recipe: str, cache: Path, progress: Progress, python: SandboxPython) -> str:
    """Build the image of ``python`` unless it exists; return its tag."""
    if recipe not in ("offline", "dockerfile"):
        raise ImageBuildError(f"unknown recipe {recipe!r}", hint="use offline or dockerfile")
    p = plan(recipe, python)
    if has_image(client, p.tag):
        progress(f"image {p.tag} is up to date")
        return p.tag
    with tempfile.TemporaryDirectory(prefix="mergegate-image-") as tmp:
        context = Path(tmp) / "context"
        context.mkdir()
        _copy_gate(context / "gate")
        (context / "requirements.txt").write_text(p.requirements)
        buildargs = {"GATE_SITE": python.site}
        if recipe == "offline":
            if not has_image(client, p.tools_tag):
                _build_tools(client, p, cache, Path(tmp), progress)
            buildargs["TOOLS_IMAGE"] = p.tools_tag
        else:
            buildargs["PYTHON_IMAGE"] = python.base_image
        shutil.copy(str(resource("sandboxes", _dockerfile(recipe))), context / "Dockerfile")
        progress(f"building {p.tag}")
        _docker_build(client, context, p.tag, buildargs, network=recipe != "offline")
    progress(f"built {p.tag}")
    return p.tag


def _copy_gate(target: Path) -> None:
    for name, path in gate_sources():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / name)


def _docker_build(
    client: Any, context: Path, tag: str, buildargs: dict[str, str], network: bool
) -> None:
    import docker.errors

    try:
        client.images.build(
            path=str(context),
            tag=tag,
            buildargs=buildargs,
            rm=True,
            forcerm=True,
            network_mode=None if network else "none",
            labels={"mergegate": "1", "mergegate.version": __version__},
        )
    except docker.errors.BuildError as exc:
        log = "".join(str(c.get("stream", "")) for c in exc.build_log).strip().splitlines()
        raise ImageBuildError(f"docker build of {tag} failed: {(log or [exc.msg])[-1]}") from exc
    except docker.errors.APIError as exc:
        raise ImageBuildError(f"docker build of {tag} failed: {exc.explanation}") from exc


def rootfs_path(p: ImagePlan, cache: Path) -> Path | None:
    """The built tools root in ``cache``, if there is one."""
    target = cache / "rootfs" / p.tools_tag.split(":")[1]
    mount_points = (target / WORKSPACE[1:], target / "opt" / "gate" / p.python.site / "gate")
    return target if all(m.is_dir() for m in mount_points) else None


def tools_rootfs(p: ImagePlan, cache: Path, progress: Progress) -> Path:
    """The Debian root with the tools in /opt/gate, built once and kept in the cache.

    The docker recipe imports it; the bwrap sandbox mounts it read-only as its root.
    """
    target = rootfs_path(p, cache)
    if target is not None:
        return target
    target = cache / "rootfs" / p.tools_tag.split(":")[1]
    if os.geteuid() != 0:
        raise ImageBuildError(
            "the offline sandbox recipe needs root (debootstrap, chroot)",
            hint="run `sudo gate sandbox build`, or `gate sandbox build --recipe dockerfile` "
            "where a registry is reachable",
        )
    if shutil.which("debootstrap") is None:
        raise ImageBuildError(
            "debootstrap is not installed",
            hint="apt-get install debootstrap, or use --recipe dockerfile",
        )
    wheelhouse = _wheelhouse(p, cache, progress)
    rootfs = target.with_name(target.name + ".partial")
    shutil.rmtree(rootfs, ignore_errors=True)
    rootfs.parent.mkdir(parents=True, exist_ok=True)
    mirror = debian_mirror()
    suite = p.python.suite
    progress(f"debootstrap {suite} (Python {p.python.version}) from {mirror} (about a minute)")
    # A suite newer than this debootstrap knows is bootstrapped as sid is.
    script = [] if (SCRIPTS / suite).exists() else [str(SCRIPTS / "sid")]
    debootstrap = ["debootstrap", "--variant=minbase", f"--include={PACKAGES}"]
    _run([*debootstrap, suite, str(rootfs), mirror, *script], "debootstrap")
    progress("installing the tools into the root from the wheelhouse")
    inside = rootfs / "tmp" / "wheelhouse"
    shutil.copytree(wheelhouse, inside)
    _run(["chroot", str(rootfs), "python3", "-m", "venv", "/opt/gate"], "python3 -m venv")
    _run(
        ["chroot", str(rootfs), "/opt/gate/bin/pip", "install", "--quiet", "--no-index",
         "--no-cache-dir", "--find-links", "/tmp/wheelhouse", "-r",
         "/tmp/wheelhouse/requirements.txt"],
        "pip install (in the root)",
    )  # fmt: skip
    shutil.rmtree(inside)
    (rootfs / "etc" / "hosts").write_text(HOSTS, "utf-8")
    # Where bwrap mounts the workspace and mergegate's own package over the read-only root.
    (rootfs / WORKSPACE[1:]).mkdir()
    (rootfs / "opt" / "gate" / p.python.site / "gate").mkdir()
    for leftover in ("var/cache/apt/archives", "var/lib/apt/lists"):
        shutil.rmtree(rootfs / leftover, ignore_errors=True)
    # Readable by the unprivileged user the bwrap sandbox runs as.
    for folder in (cache, cache / "rootfs", rootfs):
        folder.chmod(0o755)
    rootfs.rename(target)
    return target


def _build_tools(client: Any, p: ImagePlan, cache: Path, tmp: Path, progress: Progress) -> None:
    rootfs = tools_rootfs(p, cache, progress)
    progress(f"importing the root as {p.tools_tag}")
    archive = tmp / "rootfs.tar"
    _run(["tar", "--numeric-owner", "-C", str(rootfs), "-cf", str(archive), "."], "tar")
    repository, tag = p.tools_tag.split(":")
    try:
        with archive.open("rb") as data:
            client.api.import_image_from_data(data, repository=repository, tag=tag)
    except Exception as exc:  # the engine's reason, whatever its type
        raise ImageBuildError(f"docker import failed: {exc}") from exc
    finally:
        archive.unlink(missing_ok=True)


def _wheelhouse(p: ImagePlan, cache: Path, progress: Progress) -> Path:
    folder = _wheelhouse_folder(cache, p.requirements, p.python)
    if (folder / "requirements.txt").exists():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    (partial / "req.in").write_text(p.requirements)
    if p.python.info == sys.version_info[:2]:
        progress("building the tool wheelhouse on the host (pip wheel)")
        argv = [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(partial)]
    else:  # another Python: the wheels made for it (and its markers), never built here
        from gate.sandbox.environment import pip_for

        progress(f"downloading the tool wheelhouse for Python {p.python.version} (pip download)")
        download = ["download", "--quiet", "--only-binary", ":all:", "--dest", str(partial)]
        argv = [*pip_for(p.python), *download]
    _run([*argv, "-r", str(partial / "req.in")], "pip (the tool wheelhouse)")
    (partial / "req.in").rename(partial / "requirements.txt")
    partial.rename(folder)
    return folder


def _wheelhouse_folder(cache: Path, reqs: str, python: SandboxPython) -> Path:
    return (
        cache / "wheelhouse" / _hash(reqs + ("" if python.version == DEFAULT else python.version))
    )


def wheelhouse_path(
    cache: Path | None = None, python: SandboxPython = PYTHONS[DEFAULT]
) -> Path | None:
    """The tools' wheelhouse for ``python`` once built (pytest, coverage.py and hypothesis
    among them, at the gate's versions): test environments may install from it without
    an index."""
    folder = _wheelhouse_folder(cache_dir(cache), requirements(), python)
    return folder if (folder / "requirements.txt").exists() else None


def cache_dir(given: Path | None = None) -> Path:
    """``--cache-dir``/``GATE_CACHE_DIR``; else, for root, /var/cache/mergegate (readable by
    the unprivileged sandbox user), and the user's cache dir for everyone else."""
    if given is not None:
        return given
    if os.environ.get("GATE_CACHE_DIR"):
        return Path(os.environ["GATE_CACHE_DIR"])
    if os.geteuid() == 0:
        return Path("/var/cache/mergegate")
    import platformdirs

    return Path(platformdirs.user_cache_dir("mergegate"))


SCRIPTS = Path("/usr/share/debootstrap/scripts")


def debian_mirror() -> str:
    """The Debian mirror apt uses here (GATE_DEBIAN_MIRROR overrides)."""
    if os.environ.get("GATE_DEBIAN_MIRROR"):
        return os.environ["GATE_DEBIAN_MIRROR"]
    sources = [Path("/etc/apt/sources.list"), *sorted(Path("/etc/apt/sources.list.d").glob("*"))]
    for path in sources:
        try:
            text = path.read_text()
        except OSError:
            continue
        for uri in re.findall(r"^URIs:\s*(\S+)", text, re.MULTILINE) + re.findall(
            r"^deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+\S+", text, re.MULTILINE
        ):
            if "security" not in uri:
                return str(uri)
    return "http://deb.debian.org/debian"


def _run(argv: list[str], what: str) -> None:
    try:
        process.run(argv, timeout=1800)
    except ProcessError as exc:
        raise ImageBuildError(f"{what} failed: {exc.message}") from exc


def require_image(client: Any, python: SandboxPython = PYTHONS[DEFAULT]) -> str:
    """The tag of a built sandbox image of ``python``, or exit 3 saying how to build one."""
    for recipe in ("offline", "dockerfile"):
        tag = plan(recipe, python).tag
        if has_image(client, tag):
            return tag
    raise SandboxUnavailableError(
        f"the sandbox image of Python {python.version} for this version of mergegate is not built",
        hint=f"run `{python.build_command}`: a few minutes, once",
    )
