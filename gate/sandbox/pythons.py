"""The CPythons the sandbox runs, each the ``python3`` of a Debian suite the offline
recipe can bootstrap, and the one a repository's change is judged on: pinned by the
policy, else the newest that its base revision's declarations allow.

The declarations (``gate.declared``): ``requires-python`` (and ``python_requires``,
poetry's ``python``) must hold; the versions the project says it runs on (classifiers,
tox environments, ``.python-version``) narrow it to the newest of them the sandbox has,
or, failing that, the nearest above them. A project that declares nothing about its
Python is judged on the default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from gate.declared import Declared

PythonVersion = Literal["3.11", "3.13", "3.14"]
"""A CPython the sandbox can run."""


@dataclass(frozen=True)
class SandboxPython:
    """One CPython of the sandbox, and where it comes from."""

    version: PythonVersion
    """``3.X``."""
    suite: str
    """The Debian suite whose ``python3`` it is (the offline recipe)."""
    base_image: str
    """The Python base image of a registry (the dockerfile recipe)."""
    chosen_by_default: bool = True
    """Whether the gate chooses it by itself (else only when the policy pins it)."""

    @property
    def info(self) -> tuple[int, int]:
        """``(3, X)``, as ``sys.version_info[:2]``."""
        major, minor = self.version.split(".")
        return int(major), int(minor)

    @property
    def build_command(self) -> str:
        """The command that builds its sandbox."""
        flag = "" if self.version == DEFAULT else f" --python {self.version}"
        return f"gate sandbox build{flag}"

    @property
    def site(self) -> str:
        """An environment's site-packages folder, relative to its prefix."""
        return f"lib/python{self.version}/site-packages"


PYTHONS: Mapping[PythonVersion, SandboxPython] = {
    "3.11": SandboxPython("3.11", "bookworm", "python:3.11-slim-bookworm"),
    "3.13": SandboxPython("3.13", "trixie", "python:3.13-slim-trixie"),
    # Debian testing: it moves under us, so only a policy that pins it gets it.
    "3.14": SandboxPython("3.14", "forky", "python:3.14-slim-trixie", chosen_by_default=False),
}
DEFAULT: PythonVersion = "3.11"
"""The Python of a repository that declares nothing about its own."""
VERSIONS: tuple[PythonVersion, ...] = get_args(PythonVersion)


@dataclass(frozen=True)
class Choice:
    """The Python a change is judged on, and why."""

    python: SandboxPython
    """The chosen one."""
    why: str
    """In words, for the verdict."""


def choose(found: Declared, pinned: PythonVersion | None = None) -> Choice:
    """The Python to judge a tree that declares ``found`` on (``pinned``: the policy's)."""
    if pinned is not None:
        return Choice(PYTHONS[pinned], "pinned by the policy")
    offered = [v for v in VERSIONS if PYTHONS[v].chosen_by_default]
    specifiers = _specifiers(found.requires_python)
    claimed = [c for c in found.python_versions if _is_version(c)]
    if not specifiers and not claimed:
        return Choice(PYTHONS[DEFAULT], "the default: the project declares no Python")
    allowed = [v for v in offered if all(Version(f"{v}.0") in s for s in specifiers)]
    said = f"requires-python {', '.join(found.requires_python)}" if specifiers else ""
    if not allowed:
        # None satisfies: the nearest, so that the verdict says what it could do.
        newest_wanted = all(Version("3.99") in s for s in specifiers)
        nearest = offered[-1] if newest_wanted else offered[0]
        return Choice(PYTHONS[nearest], f"the nearest: none offered satisfies {said}")
    if claimed:
        why = "; ".join(filter(None, [said, f"runs on {', '.join(claimed)}"]))
        exact = [v for v in allowed if v in claimed]
        if exact:
            return Choice(PYTHONS[exact[-1]], why)
        # The nearest above what it runs on (a newer Python parses older code).
        oldest = min(Version(c) for c in claimed)
        above = [v for v in allowed if Version(v) >= oldest]
        return Choice(PYTHONS[(above or allowed)[0 if above else -1]], why)
    return Choice(PYTHONS[allowed[-1]], f"the newest that satisfies {said}")


def _specifiers(lines: tuple[str, ...]) -> list[SpecifierSet]:
    out = []
    for line in lines:
        try:
            out.append(SpecifierSet(line))
        except InvalidSpecifier:
            continue  # an unreadable declaration says nothing
    return out


def _is_version(text: str) -> bool:
    major, _, minor = text.partition(".")
    return major == "3" and minor.isdigit()
