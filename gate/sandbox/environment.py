"""The repository's test environment: what its base revision declares for running its
tests (runtime dependencies, the extras, groups and requirement files meant for tests,
the build backend to install the project with), plus pytest, coverage.py and hypothesis
where the project has none, installed from wheels into a cached folder keyed by that list.
It is mounted read-only into the sandboxes that run the code, and it is all their
Python sees: the gate's own tools live in another environment and never mix with it.

``gate check`` builds a missing one itself (``gate sandbox deps`` only prebuilds it).
Only wheels are installed (``--only-binary :all:``): installing a wheel runs no code of
the package, so the build runs nothing from the repository or its dependencies. A
package without a wheel is left out by name (with what needs it); its tests then fail
on the base too and are not required. ``--offline`` installs from the cache only.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from gate import declared, process
from gate.declared import Declared, normalize, parse
from gate.errors import GateUnavailableError
from gate.process import ProcessError
from gate.sandbox.image import cache_dir, wheelhouse_path
from gate.sandbox.pythons import DEFAULT, PYTHONS, SandboxPython

FORMAT = 2  # bumped when the layout of an environment changes
RUNNER = ("pytest", "coverage", "hypothesis")
"""What the gate runs the tests with, where the project declares none of its own."""
_MISSING = re.compile(r"No matching distribution found for ([A-Za-z0-9][A-Za-z0-9._-]*)")
_ROUNDS = 8

Progress = Callable[[str], object]


class DependencyEnvironmentError(GateUnavailableError):
    """The test environment cannot be built (exit 3, with the fix)."""


@dataclass(frozen=True)
class Wanted:
    """What a revision's tests need installed."""

    requirements: tuple[str, ...]
    """Requirement strings (declared, then the runner's where the project has none)."""
    constraints: tuple[str, ...] = ()
    """Constraint lines (constraints files)."""
    left_out: tuple[str, ...] = ()
    """Declared lines no index can provide (URLs, paths, editables)."""
    project: str | None = None
    """The project's own normalised name: never in the environment (each run installs it
    from its own tree), even where a dependency pulls a released copy in."""
    python: SandboxPython = PYTHONS[DEFAULT]
    """The sandbox's Python it is for."""

    @property
    def key(self) -> str:
        """The environment's cache key: what is installed, for which Python."""
        text = json.dumps(
            [FORMAT, self.python.version, self.requirements, self.constraints, self.project]
        )
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Environment:
    """A built test environment."""

    path: Path
    """The folder (mounted read-only into the sandbox)."""
    key: str
    """Its cache key."""
    dropped: tuple[str, ...] = ()
    """Declared packages that could not be installed (no wheel), with the reason."""
    left_out: tuple[str, ...] = ()
    """Declared lines no index can provide."""

    @property
    def notes(self) -> tuple[str, ...]:
        """What the checks should say about the environment."""
        return tuple(
            [f"not installed: {d}" for d in self.dropped]
            + [f"left out (not a package of an index): {x}" for x in self.left_out]
        )


EDITABLE_NEEDS = {"hatchling": "editables"}
"""What a build backend asks for to build an editable wheel, beyond its own requirements
(its ``get_requires_for_build_editable``, which would run the project's code to ask)."""


def wanted(found: Declared, python: SandboxPython = PYTHONS[DEFAULT]) -> Wanted:
    """What the tests of a tree that declares ``found`` need, on ``python``."""
    requirements, constraints, left_out = found.for_tests()
    build = [str(r) for line in found.build if (r := parse(line)) is not None]
    if not found.build and (found.project or {"setup.py", "setup.cfg"} & set(found.files)):
        # pip's fallback backend for a project that names none
        build = ["setuptools", "wheel"]
    builds = {normalize(r.name) for line in build if (r := parse(line)) is not None}
    build += [extra for backend, extra in EDITABLE_NEEDS.items() if backend in builds]
    requirements = sorted(set(requirements) | set(build))
    names = {normalize(r.name) for line in requirements if (r := parse(line)) is not None}
    for tool in RUNNER:
        if tool not in names:
            requirements.append(f"{tool}=={metadata.version(tool)}")
    return Wanted(tuple(requirements), tuple(constraints), tuple(left_out), found.project, python)


def declared_at(repo: Path, revision: str) -> Declared:
    """What ``revision`` of ``repo`` declares, read from git's own blobs (no checkout
    filters, symbolic links left out), whatever the working tree holds."""
    from gate.change import git, resolve_revision

    commit = resolve_revision(repo, revision)
    listing = git(repo, "ls-tree", "-r", "-z", commit).decode("utf-8", "surrogateescape")
    texts: dict[str, str] = {}
    for entry in filter(None, listing.split("\0")):
        meta, name = entry.split("\t", 1)
        mode, kind, blob = meta.split()
        if kind == "blob" and mode != "120000" and declared.is_declaring(name):
            with contextlib.suppress(UnicodeDecodeError):
                texts[name] = git(repo, "cat-file", "blob", blob).decode("utf-8")
    return declared.from_texts(texts)


def location(key: str, cache: Path | None = None) -> Path:
    """Where the environment of ``key`` lives once built."""
    return cache_dir(cache) / "envs" / key


def load(path: Path) -> Environment | None:
    """A complete environment at ``path``, or None."""
    try:
        manifest = json.loads((path / "environment.json").read_text("utf-8"))
        return Environment(path, manifest["key"], tuple(manifest["dropped"]),
                           tuple(manifest["left_out"]))  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return None


def ensure(
    want: Wanted,
    *,
    cache: Path | None = None,
    offline: bool = False,
    wheelhouse: Path | None = None,
    progress: Progress = lambda _: None,
) -> Environment:
    """The built environment for ``want``, built first if it is missing (one builder at
    a time per environment, whatever the number of gate runs)."""
    target = location(want.key, cache)
    found = load(target)
    if found is not None:
        return found
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target.parent / f"{want.key}.lock"):
        found = load(target)
        if found is not None:
            return found
        if target.exists():  # a corrupt or half-removed entry: built again from scratch
            progress(f"the cached test environment {want.key} is damaged: building it again")
            shutil.rmtree(target)
        return _build(want, target, cache, offline, wheelhouse, progress)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build(
    want: Wanted,
    target: Path,
    cache: Path | None,
    offline: bool,
    wheelhouse: Path | None,
    progress: Progress,
) -> Environment:
    staging = Path(tempfile.mkdtemp(prefix=f"{want.key}.", dir=target.parent))
    try:
        progress(f"building the test environment {want.key} ({len(want.requirements)} "
                 f"requirements{', offline' if offline else ''})")  # fmt: skip
        installer = _Installer(want, staging, cache, offline, wheelhouse)
        dropped = installer.install(progress)
        _without_project(staging / want.python.site, want.project)
        _scripts(staging, want.python)
        _readable(staging)
        manifest = {"key": want.key, "requirements": list(want.requirements),
                    "dropped": dropped, "left_out": list(want.left_out)}  # fmt: skip
        (staging / "environment.json").write_text(json.dumps(manifest, indent=1), "utf-8")
        staging.chmod(0o755)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    progress(f"test environment {want.key} ready")
    return Environment(target, want.key, tuple(dropped), want.left_out)


class _Installer:
    """pip, wheels only, into the environment's site-packages; packages without a wheel
    are dropped by name, with the requirement that needed them, and pip runs again."""

    def __init__(
        self, want: Wanted, staging: Path, cache: Path | None, offline: bool,
        wheelhouse: Path | None,
    ) -> None:  # fmt: skip
        self.want = want
        self.staging = staging
        self.site = staging / want.python.site
        self.scratch = Path(tempfile.mkdtemp(prefix="mergegate-deps-"))
        self.offline = offline
        tools = wheelhouse_path(cache, want.python)
        self.links = [p for p in (wheelhouse, tools) if p is not None]

    def install(self, progress: Progress) -> list[str]:
        requirements = list(self.want.requirements)
        dropped: list[str] = []
        try:
            for _ in range(_ROUNDS):
                try:
                    self._pip(requirements)
                    return dropped
                except ProcessError as exc:
                    output = exc.result.error_text
                    missing = _MISSING.search(output)
                    if missing is None or self.offline:  # offline: maybe just not cached
                        raise self._failure(output) from exc
                    name = normalize(missing[1])
                    culprits = self._needing(requirements, name)
                    if not culprits:
                        raise self._failure(output) from exc
                    for culprit in culprits:
                        requirements.remove(culprit)
                        why = "no wheel" if normalize(_name(culprit)) == name else (
                            f"needs {name}, which has no wheel")  # fmt: skip
                        python = self.want.python.version
                        dropped.append(f"{culprit} ({why} for Python {python})")
                        progress(f"left out {culprit}: {why}")
                    shutil.rmtree(self.site, ignore_errors=True)
            raise DependencyEnvironmentError("too many packages without a wheel")
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def _needing(self, requirements: list[str], name: str) -> list[str]:
        """The requirements that need the package ``name`` (itself, or through others)."""
        direct = [r for r in requirements if normalize(_name(r)) == name]
        if direct:
            return direct
        culprits = []
        for requirement in requirements:
            try:
                self._pip([requirement], dry_run=True)
            except ProcessError as exc:
                missing = _MISSING.search(exc.result.error_text)
                if missing is not None and normalize(missing[1]) == name:
                    culprits.append(requirement)
        return culprits

    def _pip(self, requirements: list[str], dry_run: bool = False) -> None:
        listing = self.scratch / "requirements.txt"
        listing.write_text("\n".join(requirements) + "\n", "utf-8")
        argv = [*pip_for(self.want.python), "install", "--quiet", "--disable-pip-version-check",
                "--no-warn-script-location", "--no-warn-conflicts", "--only-binary", ":all:",
                "--no-compile", "--no-input", "--requirement", str(listing)]  # fmt: skip
        argv += ["--dry-run", "--ignore-installed"] if dry_run else ["--target", str(self.site)]
        if self.want.constraints:
            constraints = self.scratch / "constraints.txt"
            constraints.write_text("\n".join(self.want.constraints) + "\n", "utf-8")
            argv += ["--constraint", str(constraints)]
        for folder in self.links:
            argv += ["--find-links", str(folder.resolve())]
        if self.offline:
            argv.append("--no-index")
        process.run(argv, cwd=self.scratch, timeout=1800)

    def _failure(self, output: str) -> DependencyEnvironmentError:
        if "No space left on device" in output:
            return DependencyEnvironmentError(
                f"no space left on device to build the test environment in {self.staging.parent} "
                "(or in the temporary folder)",
                hint="free some space there, or point --cache-dir (GATE_CACHE_DIR) at a disk "
                "with room",
            )
        lines = [x for x in output.splitlines() if x.startswith("ERROR")] or output.splitlines()
        detail = (lines or ["see pip's output"])[-1].removeprefix("ERROR: ")
        if self.offline:
            return DependencyEnvironmentError(
                f"the test environment is not in the cache and --offline forbids the index: "
                f"{detail}",
                hint="run `gate sandbox deps` (or `gate check`) once without --offline / "
                "GATE_OFFLINE, or pass --wheelhouse DIR with the wheels",
            )
        return DependencyEnvironmentError(
            f"pip could not build the test environment: {detail}",
            hint="every dependency needs a wheel for the sandbox's Python "
            f"{self.want.python.version}; build missing ones with `pip wheel PKG -w DIR` and pass "
            "`gate sandbox deps --wheelhouse DIR`",
        )


def pip_for(python: SandboxPython) -> list[str]:
    """The command that runs pip for ``python``: this Python's pip, or, for another
    Python, pip with that Python's wheels and environment markers (``cross_pip``)."""
    if sys.version_info[:2] == python.info:
        return [sys.executable, "-m", "pip"]
    return [sys.executable, "-m", "gate.sandbox.cross_pip", python.version]


def _without_project(site: Path, project: str | None) -> None:
    """Remove the project's own distribution where a dependency pulled a released copy
    in (pytest needs iniconfig and pluggy): the runs install the project from the tree
    under test, and the released copy must not stand in for it."""
    if project is None:
        return
    for dist in metadata.distributions(path=[str(site)]):
        if normalize(dist.metadata["Name"] or "") != project:
            continue
        for file in dist.files or []:
            path = (site / file).resolve()
            if path.is_relative_to(site.resolve()) and path.is_file():
                path.unlink()
        for folder in sorted(site.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()


def _name(requirement: str) -> str:
    parsed = parse(requirement)
    return parsed.name if parsed is not None else requirement


def _scripts(prefix: Path, python: SandboxPython) -> None:
    """The console scripts pip wrote beside the packages, moved to ``bin/`` and made to
    run with whatever ``python`` the sandbox puts first on PATH (the run's environment)."""
    source = prefix / python.site / "bin"
    if not source.is_dir():
        return
    target = prefix / "bin"
    source.rename(target)
    for script in target.iterdir():
        if script.is_file() and not script.is_symlink():
            data = script.read_bytes()
            if data.startswith(b"#!") and b"python" in data.split(b"\n", 1)[0]:
                rest = data.split(b"\n", 1)[1] if b"\n" in data else b""
                script.write_bytes(b"#!/usr/bin/env python\n" + rest)


def _readable(root: Path) -> None:
    """The unprivileged sandbox user must read every file of the environment."""
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, 0o755)  # noqa: S103 - read by the sandbox's unprivileged user
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, 0o644 if not os.access(path, os.X_OK) else 0o755)
