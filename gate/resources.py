"""Finds the data the package ships (policies/, sandboxes/, reports/), whether it is
installed from a wheel (``gate/_resources/``) or run from a source checkout.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from gate.errors import GateUnavailableError

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Traversable:
    """The shipped file or folder ``parts`` (e.g. ``"policies", "default.toml"``)."""
    installed = resources.files("gate").joinpath("_resources", *parts)
    if installed.is_file() or installed.is_dir():
        return installed
    checkout = _SOURCE_ROOT.joinpath(*parts)
    if checkout.exists():
        return checkout
    raise GateUnavailableError(
        f"mergegate's data file {'/'.join(parts)} is missing from this installation",
        hint="reinstall mergegate",
    )
