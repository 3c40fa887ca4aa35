"""In the sandbox, run by the test environment's own Python (never the tools' Python):
``python -P launch.py [--lib DIR] pytest ARGS...`` or ``... -m MODULE ARGS...``.

Standard library only: the tools' packages are not on this interpreter's path. It
- names pytest's plugins explicitly (``-p``), from the test environment's installed
  distributions only, read before the repository's folder joins ``sys.path`` and with
  autoloading off, so that a ``*.dist-info`` folder in the repository cannot register a
  plugin of its own; plugins are imported by pytest itself (never before it), so that
  its assertion rewriting sees them;
- imports pytest before the repository's folder goes on ``sys.path``, so that a
  ``pytest.py`` the change adds cannot stand in for it, and adds that folder (and
  ``src/`` where the project could not be installed) as ``python -m pytest`` would;
- measures coverage through coverage.py's API when ``MERGEGATE_COVERAGE`` asks for it,
  combining parallel data files, and writes coverage.py's JSON report;
- loads a hypothesis profile with the policy's example budget (``MERGEGATE_MAX_EXAMPLES``);
- takes and ignores pytest-cov's options where the environment lacks pytest-cov;
- under pytest, installs the guard (``guard.py``: an audit hook and a watch over pytest's
  own code) before anything else, when ``MERGEGATE_GUARD`` asks for it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import runpy
import sys
from importlib import metadata
from types import ModuleType
from typing import Any

SITE = "MERGEGATE_SITE"
"""The test environment's site-packages, where pytest's plugins may come from."""
COVERAGE = "MERGEGATE_COVERAGE"
"""JSON: ``data`` (data file), ``report`` (JSON report file), ``sources`` (folders)."""
MAX_EXAMPLES = "MERGEGATE_MAX_EXAMPLES"
"""hypothesis's ``max_examples`` for every test, from the policy."""
NARROW = "MERGEGATE_NARROW"
"""A JSON file: ``collected`` (a file to write every collected test's id to), and either
``select`` and ``known`` (test ids: only those in ``select`` or not in ``known`` run) or
``files`` (test modules: only their tests run)."""
GUARD = "MERGEGATE_GUARD"
"""JSON: the guard's settings (see ``guard.Guard``); absent: no guard."""
EXTRA_PATHS = "MERGEGATE_PATHS"
"""Folders of the tree to put on ``sys.path`` (``os.pathsep``-separated), e.g. ``src``."""


def plugins(site: str | None = None) -> list[str]:
    """The modules of the ``pytest11`` entry points of the test environment at ``site``
    (default: ``MERGEGATE_SITE``), and only of it: the repository is not searched."""
    site = site or os.environ.get(SITE)
    if not site:
        return []
    found = set()
    for dist in metadata.distributions(path=[site]):
        for entry in dist.entry_points:
            if entry.group == "pytest11":
                found.add(entry.value.split(":")[0].strip())
    return sorted(found)


def repository_paths() -> list[str]:
    """The tree's root (as ``python -m pytest`` adds it) and the folders asked for."""
    root = os.getcwd()
    extra = [os.path.join(root, p) for p in os.environ.get(EXTRA_PATHS, "").split(os.pathsep) if p]
    return [root, *extra]


def late_paths(saved: dict[str, str | None]) -> object:
    """A plugin of the launcher: once pytest has imported its plugins, the repository
    joins ``sys.path``, the environment is as it was, and the hypothesis budget is set."""
    import pytest

    narrow_file = os.environ.pop(NARROW, None)
    narrow = None
    if narrow_file:
        with open(narrow_file, encoding="utf-8") as handle:
            narrow = json.load(handle)
    files = set(narrow.get("files", ())) if narrow is not None else set()
    root = os.getcwd()

    class LatePaths:
        @pytest.hookimpl(tryfirst=True)
        def pytest_load_initial_conftests(self) -> None:
            for path in reversed(repository_paths()):
                if path not in sys.path:
                    sys.path.insert(0, path)
            # Tests that start pytest themselves see the environment as it was.
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            budget(os.environ.get(MAX_EXAMPLES))

        @pytest.hookimpl(tryfirst=True)
        def pytest_ignore_collect(self, collection_path: Any) -> bool | None:
            # Only the test modules asked for are collected at all (importing every
            # other module only to deselect its tests took most of a small run); the
            # folders, their conftests and packages are collected as ever.
            if narrow is None or "files" not in narrow or collection_path.is_dir():
                return None
            if collection_path.name in ("conftest.py", "__init__.py"):
                return None
            relative = os.path.relpath(collection_path, root).replace(os.sep, "/")
            return relative not in files or None

        @pytest.hookimpl(trylast=True)
        def pytest_collection_modifyitems(self, config: Any, items: list[Any]) -> None:
            if narrow is None:
                return
            with open(narrow["collected"], "w", encoding="utf-8") as out:
                json.dump([item.nodeid for item in items], out)
            if "files" in narrow:
                kept = {i.nodeid for i in items if i.nodeid.split("::", 1)[0] in files}
            else:
                select, known = set(narrow["select"]), set(narrow["known"])
                kept = {i.nodeid for i in items if i.nodeid in select or i.nodeid not in known}
            keep = [i for i in items if i.nodeid in kept]
            dropped = [i for i in items if i.nodeid not in kept]
            if dropped:
                config.hook.pytest_deselected(items=dropped)
                items[:] = keep

    return LatePaths()


class CoverageOptions:
    """pytest-cov's options, taken and ignored where the environment lacks pytest-cov: a
    project's ``addopts = --cov ...`` then still runs (the gate measures coverage itself)
    instead of ending in a usage error."""

    def pytest_addoption(self, parser: Any) -> None:
        group = parser.getgroup("cov", "coverage (pytest-cov is not installed: ignored)")
        group.addoption("--cov", action="append", nargs="?", const=True, default=[])
        for flag in ("--no-cov", "--no-cov-on-fail", "--cov-append", "--cov-branch"):
            group.addoption(flag, action="store_true")
        for option in ("--cov-report", "--cov-config", "--cov-fail-under"):
            group.addoption(option, action="append", default=[])
        for option in ("--cov-precision", "--cov-context"):
            group.addoption(option)


def budget(value: str | None) -> None:
    """Register and load a hypothesis profile with the policy's example budget."""
    if not value or ("hypothesis" not in sys.modules and not _has("hypothesis")):
        return
    from hypothesis import settings

    settings.register_profile("mergegate", max_examples=int(value), database=None, print_blob=False)
    settings.load_profile("mergegate")


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def guard_module() -> ModuleType:
    """``guard.py`` beside this file, loaded from its path and kept out of
    ``sys.modules``: no module of the repository can stand in for it, and no code can
    look it up by name."""
    spec = importlib.util.spec_from_file_location(
        "mergegate_guard", os.path.join(os.path.dirname(os.path.abspath(__file__)), "guard.py")
    )
    if spec is None or spec.loader is None:
        raise ImportError("guard.py is missing beside launch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_pytest(args: list[str]) -> int:
    """pytest with the environment's plugins, under coverage.py when asked, guarded when
    asked (the guard's last record is written once pytest is done)."""
    guard = None
    wanted = os.environ.pop(GUARD, None)
    if wanted:
        module = guard_module()
        guard = module.install(json.loads(wanted))
    try:
        return _run_pytest(args, [] if guard is None else [module.pytest_plugin(guard)])
    finally:
        if guard is not None:
            guard.end()


def _run_pytest(args: list[str], extra: list[object]) -> int:
    import pytest

    found = plugins()
    named = [arg for plugin in found for arg in ("-p", plugin)]
    if "pytest_cov.plugin" not in found:
        extra = [*extra, CoverageOptions()]
    saved = {k: os.environ.get(k) for k in ("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "PYTEST_ADDOPTS")}
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    os.environ.pop("PYTEST_ADDOPTS", None)  # only the gate's arguments and the project's
    if COVERAGE not in os.environ:
        return int(pytest.main([*named, *args], plugins=[late_paths(saved), *extra]))
    import coverage

    spec: dict[str, Any] = json.loads(os.environ[COVERAGE])
    root = os.getcwd()
    cov = coverage.Coverage(
        data_file=spec["data"],
        branch=False,  # the check reads lines, and lines alone can be measured cheaply
        source=[os.path.join(root, s) for s in spec["sources"]],
        config_file=True,  # the tree's settings, which are the base revision's
    )
    if sys.version_info >= (3, 12):
        # sys.monitoring: code outside the measured files runs at full speed (the C
        # tracer sees every call); coverage.py falls back by itself where it cannot.
        cov.set_option("run:core", "sysmon")
    cov.start()
    try:
        code = int(pytest.main([*named, *args], plugins=[late_paths(saved), *extra]))
    finally:
        cov.stop()
        cov.save()
    if cov.config.parallel:
        cov.combine(data_paths=[os.path.dirname(spec["data"])], keep=False)
        cov.save()
    try:
        cov.json_report(outfile=spec["report"], ignore_errors=True)
    except coverage.CoverageException as exc:  # "No data to report." among others
        with open(spec["report"] + ".error", "w", encoding="utf-8") as out:
            out.write(f"{type(exc).__name__}: {exc}")
    return code


def main(argv: list[str]) -> int:
    if argv[:1] == ["--lib"]:  # the gate's own package, for the properties writer
        sys.path.append(argv[1])
        argv = argv[2:]
    if argv[:1] == ["-m"]:
        for path in reversed(repository_paths()):
            sys.path.insert(0, path)
        budget(os.environ.get(MAX_EXAMPLES))
        sys.argv = argv[1:]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        return 0
    if argv[:1] != ["pytest"]:
        raise SystemExit("usage: launch.py [--lib DIR] pytest ARGS... | -m MODULE ARGS...")
    return run_pytest(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
