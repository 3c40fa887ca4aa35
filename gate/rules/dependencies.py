"""What a repository depends on, read from its manifests and lock files (pyproject,
requirements files, setup.cfg, Pipfile, poetry.lock, uv.lock, Pipfile.lock), and what it
is itself (its first-party modules): the supply-chain rules judge imports and new
dependencies against it."""

from __future__ import annotations

import configparser
import json
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
REQUIREMENTS = re.compile(r"(^|/)(requirements[^/]*\.(txt|in)|requirements/[^/]+\.(txt|in))$")
MANIFESTS = ("pyproject.toml", "setup.cfg", "Pipfile")
LOCKS = ("poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock")


def normalize(name: str) -> str:
    """PEP 503 normal form of a distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(line: str) -> str | None:
    """The distribution a requirement line names (None for options, URLs, comments)."""
    text = line.split("#", 1)[0].strip()
    if not text or text.startswith(("-", "git+", "http:", "https:", "file:", ".", "/")):
        return None
    match = _NAME.match(text)
    return normalize(match.group(1)) if match else None


@dataclass(frozen=True)
class Declared:
    """The distributions one tree declares, and the files that declare them."""

    names: frozenset[str] = frozenset()
    """Normalised distribution names from manifests and requirement files."""
    locked: frozenset[str] = frozenset()
    """Normalised names pinned in lock files."""
    files: tuple[str, ...] = ()
    """The manifests and lock files read."""


@dataclass(frozen=True)
class DependencyIndex:
    """The base revision's and the change's declared dependencies, and the shipped data."""

    base: Declared
    """What the base revision declares (what imports are judged against)."""
    head: Declared
    """What the changed tree declares."""
    first_party: frozenset[str]
    """Top-level module names of the repository itself."""
    import_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Import name -> normalised distributions providing it, where they differ."""
    well_known: frozenset[str] = frozenset()
    """Normalised names of well-known distributions (the shipped index)."""

    def providers(self, module: str) -> tuple[str, ...]:
        """The distributions that may provide the top-level module of ``module``."""
        top = module.split(".")[0]
        return (*self.import_names.get(top, ()), normalize(top))

    def is_known(self, module: str) -> bool:
        """Whether ``module`` is stdlib, first-party, or declared by the base or the change."""
        top = module.split(".")[0]
        if top in sys.stdlib_module_names or top in self.first_party or top == "__future__":
            return True
        declared = self.base.names | self.base.locked | self.head.names
        return any(name in declared for name in self.providers(module))


def read_tree(root: Path) -> Declared:
    """The dependencies declared under ``root`` (top level, and requirements/ folders)."""
    names: set[str] = set()
    locked: set[str] = set()
    files: list[str] = []
    candidates = [p for p in root.glob("*") if p.is_file()]
    candidates += [p for p in root.glob("requirements/*") if p.is_file()]
    for path in sorted(candidates):
        rel = path.relative_to(root).as_posix()
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if rel in MANIFESTS or REQUIREMENTS.search(rel):
            found = set(_manifest(rel, text))
            names |= found
        elif rel in LOCKS:
            locked |= set(_lock(rel, text))
        else:
            continue
        files.append(rel)
    return Declared(frozenset(names), frozenset(locked), tuple(files))


def declared_in(name: str, text: str) -> Iterator[str]:
    """The distributions the manifest or requirements file ``name`` declares."""
    return _manifest(name, text)


def _manifest(name: str, text: str) -> Iterator[str]:
    try:
        if name == "pyproject.toml":
            yield from _pyproject(tomllib.loads(text))
        elif name == "Pipfile":
            data = tomllib.loads(text)
            for table in ("packages", "dev-packages"):
                yield from (normalize(k) for k in data.get(table, {}))
        elif name == "setup.cfg":
            parser = configparser.ConfigParser()
            parser.read_string(text)
            yield from _lines(parser.get("options", "install_requires", fallback=""))
            if parser.has_section("options.extras_require"):
                for _, value in parser.items("options.extras_require"):
                    yield from _lines(value)
        else:
            yield from _lines(text)
    except (tomllib.TOMLDecodeError, configparser.Error):
        return


def _pyproject(data: dict[str, Any]) -> Iterator[str]:
    project = data.get("project", {})
    yield from _specs(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        yield from _specs(extra)
    for group in data.get("dependency-groups", {}).values():
        yield from _specs(g for g in group if isinstance(g, str))
    poetry = data.get("tool", {}).get("poetry", {})
    yield from (normalize(k) for k in poetry.get("dependencies", {}) if k != "python")
    yield from (normalize(k) for k in poetry.get("dev-dependencies", {}))
    for group in poetry.get("group", {}).values():
        yield from (normalize(k) for k in group.get("dependencies", {}))


def _specs(specs: Iterable[Any]) -> Iterator[str]:
    for spec in specs:
        if isinstance(spec, str) and (name := requirement_name(spec)):
            yield name


def _lines(text: str) -> Iterator[str]:
    return _specs(text.splitlines())


def _lock(name: str, text: str) -> Iterator[str]:
    try:
        if name == "Pipfile.lock":
            data = json.loads(text)
            for table in ("default", "develop"):
                yield from (normalize(k) for k in data.get(table, {}))
        else:
            for package in tomllib.loads(text).get("package", []):
                if isinstance(package, dict) and "name" in package:
                    yield normalize(str(package["name"]))
    except (ValueError, tomllib.TOMLDecodeError):
        return


def first_party(root: Path) -> frozenset[str]:
    """Top-level modules of the repository: packages and modules at its root and in src/."""
    names: set[str] = set()
    for folder in (root, root / "src"):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if entry.is_file() and entry.suffix == ".py":
                names.add(entry.stem)
            elif (
                entry.is_dir()
                and not entry.name.startswith(".")
                and (any(entry.glob("*.py")) or (entry / "__init__.py").exists())
            ):
                names.add(entry.name)
    return frozenset(names)


def edit_distance_one(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )  # fmt: skip
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
