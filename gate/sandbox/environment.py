"""The dependency environment of the repository under test: the packages its base
revision declares, installed from wheels into a cached folder keyed by the hash of its
dependency files, and mounted read-only into every sandbox that runs the code, after the
sandbox's own packages on ``sys.path`` (``gate.sandbox.launch``).

``gate sandbox deps`` builds it, with the package index or offline from a wheelhouse.
Only wheels are installed (``--only-binary :all:``): installing a wheel runs no code of
the package, so the build runs nothing from the repository or its dependencies.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gate import process
from gate.errors import GateError
from gate.process import ProcessError
from gate.sandbox.image import PYTHON_SITE, cache_dir

SANDBOX_PYTHON = re.search(r"python(\d+\.\d+)", PYTHON_SITE)[1]  # type: ignore[index]
# The sandbox brings these itself (the gate's own tools): not a reason for an environment.
PROVIDED = frozenset({"pytest", "hypothesis", "coverage"})
_REQUIREMENTS = re.compile(r"^(requirements|constraints)[\w.-]*\.txt$|^requirements/[\w.-]+\.txt$")
# A requirement by name from an index: name, extras, versions, markers (and hashes).
# Paths, URLs, editables and pip options are left out: they would build source code.
_BY_NAME = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[\w,\s.-]*\])?\s*([<>=!~][^@;]*)?(;[^@]*)?$"
)


class DependencyEnvironmentError(GateError):
    """The dependency environment cannot be built or is missing."""


@dataclass(frozen=True)
class Declared:
    """What a tree declares, and the files it declares it in."""

    files: dict[str, bytes]
    """Dependency files by repository-relative path, with their content."""
    requirements: tuple[str, ...]
    """Requirement strings from pyproject.toml (dependencies, extras, groups)."""
    project: str | None = None
    """The project's own normalised name, from pyproject.toml."""

    @property
    def key(self) -> str:
        """The environment's cache key: the dependency files and the sandbox's Python."""
        digest = hashlib.sha256(f"python{SANDBOX_PYTHON}\0".encode())
        for path in sorted(self.files):
            digest.update(f"{path}\0".encode() + self.files[path] + b"\0")
        return digest.hexdigest()[:16]

    @property
    def needed(self) -> bool:
        """Whether anything is declared beyond what the sandbox already has."""
        names = {_name(r) for r in self.requirements}
        return any(n not in PROVIDED for n in names) or any(
            _REQUIREMENTS.match(p) and p.startswith("requirements") for p in self.files
        )


def _name(requirement: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return re.sub(r"[-_.]+", "-", match[1]).lower() if match else requirement


def declared(tree: Path) -> Declared:
    """The dependency files of a tree (its base revision, in practice) and what they say."""
    files: dict[str, bytes] = {}
    requirements: list[str] = []
    name = None
    pyproject = tree / "pyproject.toml"
    if pyproject.is_file() and not pyproject.is_symlink():
        files["pyproject.toml"] = pyproject.read_bytes()
        try:
            data = tomllib.loads(files["pyproject.toml"].decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            data = {}
        project = data.get("project", {})
        if isinstance(project.get("name"), str):
            name = _name(project["name"])
        requirements += _strings(project.get("dependencies", []))
        for extra in project.get("optional-dependencies", {}).values():
            requirements += _strings(extra)
        for group in data.get("dependency-groups", {}).values():
            requirements += _strings(group)
    for path in sorted([*tree.glob("*.txt"), *tree.glob("requirements/*.txt")]):
        relative = path.relative_to(tree).as_posix()
        if _REQUIREMENTS.match(relative) and path.is_file() and not path.is_symlink():
            files[relative] = path.read_bytes()
    return Declared(files, tuple(requirements), name)


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def declared_at(repo: Path, revision: str) -> Declared:
    """What ``revision`` of ``repo`` declares, read from git's own blobs (no checkout
    filters, symbolic links left out): the same key for ``gate sandbox deps`` and for
    every check, whatever the working tree holds."""
    from gate.change import git, resolve_revision

    commit = resolve_revision(repo, revision)
    listing = git(repo, "ls-tree", "-r", "-z", commit).decode("utf-8", "surrogateescape")
    with tempfile.TemporaryDirectory(prefix="mergegate-deps-") as folder:
        tree = Path(folder)
        for entry in filter(None, listing.split("\0")):
            meta, name = entry.split("\t", 1)
            mode, kind, blob = meta.split()
            if kind != "blob" or mode == "120000":
                continue
            if name == "pyproject.toml" or _REQUIREMENTS.match(name):
                target = tree / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(git(repo, "cat-file", "blob", blob))
        return declared(tree)


def location(key: str, cache: Path | None = None) -> Path:
    """Where the environment of ``key`` lives once built."""
    return cache_dir(cache) / "envs" / key


def find(wanted: Declared, cache: Path | None = None) -> Path | str | None:
    """The built environment for what a revision declares; None when it needs none; a
    reason when it needs one that is not built (the checks that run code then fail
    closed)."""
    if not wanted.needed:
        return None
    path = location(wanted.key, cache)
    if (path / ".complete").is_file():
        return path
    return (
        f"the repository's declared dependencies are not installed for the sandbox "
        f"(environment {wanted.key}): run `gate sandbox deps`"
    )


def build(
    wanted: Declared,
    wheelhouse: Path | None,
    cache: Path | None,
    progress: Callable[[str], object],
) -> Path:
    """Install what a revision declares into its cached environment; return the folder."""
    target = location(wanted.key, cache)
    if (target / ".complete").is_file():
        progress(f"environment {wanted.key} is up to date")
        return target
    if not wanted.needed:
        raise DependencyEnvironmentError(
            "the repository declares no dependencies: nothing to build"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{wanted.key}.", dir=target.parent))
    try:
        with tempfile.TemporaryDirectory(prefix="mergegate-deps-") as scratch:
            argv = _pip_argv(wanted, Path(scratch), staging, wheelhouse, progress)
            progress(f"installing the dependencies of environment {wanted.key}")
            try:
                process.run(argv, cwd=Path(scratch))
            except ProcessError as exc:
                lines = exc.result.error_text.splitlines()
                detail = next((x for x in reversed(lines) if x.startswith("ERROR")), "")
                raise DependencyEnvironmentError(
                    f"pip could not install the dependencies: {detail or 'see pip output'}",
                    hint="every dependency needs a wheel for the sandbox's Python "
                    f"{SANDBOX_PYTHON}; build missing ones with `pip wheel PKG -w DIR` and "
                    "pass --wheelhouse DIR",
                ) from exc
        _readable(staging)
        (staging / ".complete").write_text(wanted.key + "\n", "utf-8")
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    progress(f"environment {wanted.key} ready")
    return target


def _pip_argv(
    wanted: Declared,
    scratch: Path,
    target: Path,
    wheelhouse: Path | None,
    progress: Callable[[str], object],
) -> list[str]:
    argv = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "--no-warn-script-location", "--only-binary", ":all:", "--no-compile",
            "--target", str(target)]  # fmt: skip
    if wheelhouse is not None:
        argv += ["--no-index", "--find-links", str(wheelhouse.resolve())]
    if f"{sys.version_info[0]}.{sys.version_info[1]}" != SANDBOX_PYTHON:
        argv += ["--python-version", SANDBOX_PYTHON, "--implementation", "cp",
                 "--platform", f"manylinux2014_{os.uname().machine}"]  # fmt: skip
    for path, content in wanted.files.items():
        if PurePosixPath(path).name != "pyproject.toml":
            copy = scratch / path
            copy.parent.mkdir(parents=True, exist_ok=True)
            text = content.decode("utf-8", "replace").splitlines()
            kept = by_name(text, progress, wanted.project)
            copy.write_text("\n".join(kept) + "\n", "utf-8")
            argv += ["--constraint" if path.startswith("constraints") else "--requirement",
                     str(copy)]  # fmt: skip
    wanted_names = by_name(wanted.requirements, progress, wanted.project)
    return argv + [r for r in wanted_names if _name(r) not in PROVIDED]


def by_name(
    lines: Iterable[str], progress: Callable[[str], object], project: str | None = None
) -> list[str]:
    """The requirements that name a package of the index; the others are reported. The
    project itself (``myproj[test]`` in its own extras) is not a package to install."""
    kept = []
    for raw in _joined(lines):
        line = re.sub(r"(^|\s)#.*$", "", raw)
        line = re.sub(r"\s+--hash[= ]\S+", "", line).strip()
        if not line:
            continue
        if project is not None and _name(line) == project:
            continue
        if _BY_NAME.match(line):
            kept.append(line)
        else:
            progress(f"left out (not a package of the index): {line}")
    return kept


def _joined(lines: Iterable[str]) -> Iterator[str]:
    """Requirement lines with backslash continuations joined, as pip reads them."""
    pending = ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        yield pending + line
        pending = ""
    if pending:
        yield pending


def _readable(root: Path) -> None:
    """The unprivileged sandbox user must read every file of the environment."""
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, 0o755)  # noqa: S103 - read by the sandbox's unprivileged user
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, 0o644 if not os.access(path, os.X_OK) else 0o755)
