"""GATE202: a new dependency that is neither locked nor well known, or a likely typosquat."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import ClassVar

from gate.findings import Severity
from gate.rules.dependencies import MANIFESTS, REQUIREMENTS, declared_in, edit_distance_one
from gate.rules.interface import Example, FileRule, FileVersions, Hit


class UnverifiedDependency(FileRule):
    """A dependency the change adds that cannot be verified offline.

    A new dependency is accepted when the change also pins it in the repository's lock
    file, or when it is among the well-known packages mergegate ships (the most
    downloaded projects of the package index), and in both cases only if its name is not
    one edit away from a well-known name it is not itself (``reqeusts``, ``python-dateutils``
    are how typosquats look). Anything else needs a human to check that the package
    exists, is the one meant, and is trustworthy: approve it with a waiver, or lock it.
    """

    ID = "GATE202"
    MESSAGE = "new dependency that is neither locked nor well known: needs human approval"
    SEVERITY = Severity.HIGH
    CWE = 1357
    VALID: ClassVar = [
        Example(code="requests>=2\nflask\n", base="flask\n", path="requirements.txt"),
        Example(code='[project]\ndependencies = ["pyyaml", "httpx"]\n',
                base='[project]\ndependencies = ["httpx"]\n', path="pyproject.toml"),
        Example(code="flask\nleftpadx==1.0\n", base="flask\n", path="requirements.txt"),
        Example(code="# tools\nflask\n", base="flask\n", path="requirements-dev.txt"),
        Example(code="[options]\ninstall_requires =\n    requests\n", path="setup.cfg"),
    ]  # fmt: skip
    INVALID: ClassVar = [
        Example(code="reqeusts\n", base="", path="requirements.txt"),
        Example(code='[project]\ndependencies = ["fastjsonschema-validator-pro"]\n',
                base='[project]\ndependencies = []\n', path="pyproject.toml"),
        Example(code="flask\npython-dateutils\n", base="flask\n", path="requirements.txt"),
        Example(code='[tool.poetry.dependencies]\npython = "^3.11"\nnumpyy = "*"\n',
                path="pyproject.toml"),
    ]  # fmt: skip

    def check(self, file: FileVersions) -> Iterator[Hit]:
        index = self.settings.dependencies
        name = PurePosixPath(file.path).name
        if index is None or file.head is None:
            return
        if name not in MANIFESTS and not REQUIREMENTS.search(file.path):
            return
        before = set(declared_in(name, file.base or "")) if file.base is not None else set()
        for dist in sorted(set(declared_in(name, file.head)) - before):
            reason = self._problem(dist)
            if reason:
                yield Hit(
                    None,
                    None,
                    f"new dependency `{dist}` in {file.path}: {reason}",
                    key=f"{file.path}:{dist}",
                )

    def _problem(self, dist: str) -> str | None:
        index = self.settings.dependencies
        assert index is not None
        if dist not in index.well_known:
            near = next((w for w in sorted(index.well_known) if edit_distance_one(dist, w)), None)
            if near is not None and len(dist) >= 4:
                return f"one edit away from the well-known `{near}`: a possible typosquat"
        if dist in index.well_known or dist in index.head.locked:
            return None
        return "neither in the lock file nor among well-known packages; needs human approval"
