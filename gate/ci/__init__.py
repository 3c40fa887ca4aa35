"""``gate ci``: judge the change a CI system describes and hand the result back to it.

Each CI system is a :class:`~gate.ci.interface.Provider`; :data:`PROVIDERS` lists them.
"""

from __future__ import annotations

from gate.ci.github import GitHub
from gate.ci.interface import Provider

PROVIDERS: dict[str, Provider] = {"github": GitHub()}
"""The CI systems ``gate ci`` knows, by name."""
