"""What the supply-chain rules judge imports and new dependencies against: what the base
and the changed trees declare (``gate.declared``), what the repository is itself (its
first-party modules), and the shipped index of well-known packages."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gate.declared import (
    LOCKS,
    MANIFESTS,
    REQUIREMENTS,
    Declared,
    declared_in,
    normalize,
    read_tree,
    requirement_name,
)

__all__ = [
    "LOCKS", "MANIFESTS", "REQUIREMENTS", "Declared", "DependencyIndex", "declared_in",
    "edit_distance_one", "first_party", "normalize", "read_tree", "requirement_name",
]  # fmt: skip


NEWER_STDLIB = frozenset({"annotationlib", "compression"})
"""Top-level standard library modules of Pythons newer than the one the rules run on
(3.14's), which a project may import where it runs on them."""


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
        """The distributions that may provide the top-level module of ``module``, and, for
        a namespace package's module (``backports.zstd``, ``zope.interface``), the
        distribution named after its first two parts."""
        parts = module.split(".")
        top = parts[0]
        namespace = (normalize(".".join(parts[:2])),) if len(parts) > 1 else ()
        return (*self.import_names.get(top, ()), normalize(top), *namespace)

    def is_known(self, module: str) -> bool:
        """Whether ``module`` is stdlib (of any Python this version of the gate knows),
        first-party, or declared by the base or the change."""
        top = module.split(".")[0]
        stdlib = top in sys.stdlib_module_names or top in NEWER_STDLIB
        if stdlib or top in self.first_party or top == "__future__":
            return True
        declared = self.base.names | self.base.locked | self.head.names
        return any(name in declared for name in self.providers(module))


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
