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
  them and report passes of its own;
- pytest's plugins named explicitly (``-p``) from the sandbox's tools and the
  dependency environment, with autoloading off, so that a ``*.dist-info`` folder in the
  repository cannot register a plugin of its own.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import runpy
import sys

TOOLS = ("pytest", "_pytest", "pluggy", "coverage", "hypothesis")


def prepare() -> None:
    """Set up ``sys.path``, pytest's plugins and hypothesis as described above."""
    deps = os.environ.get("MERGEGATE_DEPS")
    if deps and os.path.isdir(deps):
        sys.path.append(deps)
    for tool in TOOLS:
        importlib.import_module(tool)
    plugins = pytest_plugins()
    for plugin in plugins:
        with contextlib.suppress(Exception):  # a broken plugin errs in pytest, clearly
            importlib.import_module(plugin)
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    named = " ".join(f"-p {p}" for p in plugins)
    os.environ["PYTEST_ADDOPTS"] = f"{os.environ.get('PYTEST_ADDOPTS', '')} {named}".strip()
    sys.path.insert(0, os.getcwd())
    if os.path.isdir("src"):  # a src layout, whose package is not installed here
        sys.path.insert(1, os.path.abspath("src"))
    budget = os.environ.get("MERGEGATE_MAX_EXAMPLES")
    if budget:
        from hypothesis import settings

        settings.register_profile(
            "mergegate", max_examples=int(budget), database=None, print_blob=False
        )
        settings.load_profile("mergegate")


def pytest_plugins() -> list[str]:
    """The modules of the ``pytest11`` entry points installed on ``sys.path`` as it is
    before the repository joins it."""
    from importlib import metadata

    modules = {entry.value.split(":")[0] for entry in metadata.entry_points(group="pytest11")}
    return sorted(modules)


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
