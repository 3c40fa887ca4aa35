"""In the sandbox: ``python -P -m gate.sandbox.launch MODULE ARGS...`` runs ``python -m
MODULE ARGS...`` in the repository's tree, with

- the repository's dependency environment (``MERGEGATE_DEPS``) appended to ``sys.path``,
  after the sandbox's own tools, so that no dependency replaces the pytest, coverage or
  hypothesis that judge it;
- the policy's hypothesis example budget (``MERGEGATE_MAX_EXAMPLES``), when given;
- the gate's own modules forgotten first, so that a repository with a package named
  ``gate`` (mergegate judging itself) imports its own code, not the sandbox's;
- the tools imported before the repository's folder goes on ``sys.path``, so that a
  ``pytest.py`` (or ``coverage/``, ``hypothesis/``) the change adds cannot stand in for
  them and report passes of its own.
"""

from __future__ import annotations

import importlib
import os
import runpy
import sys

TOOLS = ("pytest", "_pytest", "pluggy", "coverage", "hypothesis")


def prepare() -> None:
    """Set up ``sys.path`` and hypothesis as described above."""
    for tool in TOOLS:
        importlib.import_module(tool)
    sys.path.insert(0, os.getcwd())
    if os.path.isdir("src"):  # a src layout, whose package is not installed here
        sys.path.insert(1, os.path.abspath("src"))
    deps = os.environ.get("MERGEGATE_DEPS")
    if deps and os.path.isdir(deps):
        sys.path.append(deps)
    budget = os.environ.get("MERGEGATE_MAX_EXAMPLES")
    if budget:
        from hypothesis import settings

        settings.register_profile(
            "mergegate", max_examples=int(budget), database=None, print_blob=False
        )
        settings.load_profile("mergegate")


def forget_gate() -> None:
    """Drop the gate's modules from the import cache (their objects stay usable)."""
    for name in [m for m in sys.modules if m == "gate" or m.startswith("gate.")]:
        del sys.modules[name]


def main() -> None:
    module, *rest = sys.argv[1:]
    prepare()
    forget_gate()
    sys.argv = [module, *rest]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
