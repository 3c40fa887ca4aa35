"""In the sandbox: mypy over the changed files of each tree, as the project runs it.

- The settings are the base revision's config file (or none), never the change's.
- Its scope too: a changed file outside the config's ``files`` or matched by its
  ``exclude`` is not type-checked (the project's own mypy never checks it), and a module
  with a stub beside it is not either (mypy reads the stub); the answer says which.
- Third-party types come from the repository's test environment (mounted at
  ``MERGEGATE_DEPS``): mypy looks for installed packages through a virtual environment
  that sees it and nothing else (never the gate's tools), and the config's plugins are
  imported from it where the tools lack them. Imports that resolve nowhere are ignored:
  undeclared ones are the rules check's business.
- Errors are read from mypy's JSON output, one object a line.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from gate.checks.protocol import MypyRequest, MypyResult, ToolRun
from gate.checks.suite.inside import SCRATCH, RunEnvironment, site_of

OPTIONS = (
    *("--output=json", "--no-error-summary", "--hide-error-context"),
    *("--no-color-output", "--no-pretty", "--follow-imports=silent"),
    "--ignore-missing-imports",
)
"""mypy's options on every run: errors as JSON, in the given files only."""
# Appends the test environment to mypy's own path (after the tools), for plugins.
_MAIN = (
    "import sys; sys.path.append(sys.argv.pop(1)); "
    "from mypy.__main__ import console_entry; console_entry()"
)


def run(request: MypyRequest) -> MypyResult:
    """Type-check the named files of each tree, from the tree's own root. The files in
    which the change adds ``# type: ignore`` comments are checked once more in a copy of
    the changed tree without them, so that the host can tell what they hide."""
    config = str(Path(request.config).resolve()) if request.config else ""
    left_out = scope(config, request)
    head = [f for f in request.head if f not in left_out]
    strict = [f for f in request.strict if f not in left_out]
    base = [f for f in request.base if f not in left_out]
    bare = unsuppressed_tree(request) if request.unsuppressed else None
    plan: list[tuple[str, Sequence[str], str, bool]] = [
        ("base", base, "base", False),
        ("head", head, "head", False),
        ("strict", strict, "head", True),
    ]
    if bare is not None:
        again = [f for f in head if f in request.unsuppressed]
        again_strict = [f for f in strict if f in request.unsuppressed]
        plan += [
            ("unsuppressed", again, bare, False),
            ("unsuppressed_strict", again_strict, bare, True),
        ]
    runs: dict[str, ToolRun] = {}
    with _searched() as (python, deps_site):
        for name, files, cwd, is_strict in plan:
            if not files:
                runs[name] = ToolRun(exit=0, stdout="", stderr="")
                continue
            launcher = ["-c", _MAIN, deps_site] if deps_site else ["-m", "mypy"]
            where = [f"--python-executable={python}"] if python else ["--no-site-packages"]
            argv = [
                sys.executable,
                *launcher,
                f"--config-file={config}",
                *where,
                *OPTIONS,
                f"--cache-dir=/tmp/mypy-cache-{name}",
                *(["--strict"] if is_strict else []),
                "--",
                *files,
            ]
            done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
            runs[name] = ToolRun(exit=done.returncode, stdout=done.stdout, stderr=done.stderr)
    return MypyResult(**runs, left_out=left_out)


@contextlib.contextmanager
def _searched() -> Iterator[tuple[str | None, str | None]]:
    """The Python whose packages mypy types imports from (a virtual environment that
    sees only the test environment) and that environment's site-packages; (None, None)
    when no test environment is mounted."""
    deps = os.environ.get("MERGEGATE_DEPS")
    if not deps:
        yield None, None
        return
    work = Path(tempfile.mkdtemp(prefix="mypy-", dir=SCRATCH))
    try:
        yield RunEnvironment(work).python, str(site_of(deps))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def scope(config: str, request: MypyRequest) -> dict[str, str]:
    """The changed files mypy is not to check, with why: outside what the config names
    (``files``, read by mypy's own parser with globs expanded in the file's own tree, so
    that a new file a glob takes in is in; ``packages``; ``modules``), matched by its
    ``exclude``, or shadowed by a stub."""
    left_out: dict[str, str] = {}
    for tree, paths in (("base", request.base), ("head", (*request.head, *request.strict))):
        named, excludes = _settings(config, tree) if config else ({}, [])
        for path in paths:
            why = _outside(path, named, excludes) or _stubbed(Path(tree), path)
            if why is not None:
                left_out[path] = why
    return left_out


def _settings(config: str, tree: str) -> tuple[dict[str, list[str]], list[str]]:
    """What the config names to check in ``tree`` (``files``, ``packages``, ``modules``:
    those it sets) and its ``exclude`` patterns."""
    from mypy.config_parser import parse_config_file
    from mypy.options import Options

    options = Options()
    here = os.getcwd()
    os.chdir(tree)  # ``files`` globs are expanded from the current folder
    try:
        parse_config_file(options, lambda: None, config, io.StringIO(), io.StringIO())
    finally:
        os.chdir(here)
    named = {"files": options.files, "packages": options.packages, "modules": options.modules}
    return {k: list(v) for k, v in named.items() if v is not None}, list(options.exclude)


def _outside(path: str, named: dict[str, list[str]], excludes: list[str]) -> str | None:
    if named and not any(_names(path, key, values) for key, values in named.items()):
        what = ", ".join(f"`{key}` ({_few(values)})" for key, values in named.items())
        return f"outside the project's mypy {what}"
    for pattern in excludes:
        with contextlib.suppress(re.error):
            if re.search(pattern, path):
                return f"matched by the project's mypy `exclude` ({pattern})"
    return None


def _few(values: list[str], most: int = 3) -> str:
    """``values`` for a message: the first few (a glob may have expanded to many)."""
    more = f" and {len(values) - most} more" if len(values) > most else ""
    return ", ".join(values[:most]) + more


def _names(path: str, key: str, values: list[str]) -> bool:
    """Whether the ``files``, ``packages`` or ``modules`` ``values`` take in ``path``."""
    if key == "files":
        roots = [PurePosixPath(os.path.normpath(v)).as_posix() for v in values]
        return any(path == r or r == "." or path.startswith(r.rstrip("/") + "/") for r in roots)
    parts = list(PurePosixPath(path).with_suffix("").parts)
    if parts[-1:] == ["__init__"]:
        parts = parts[:-1]
    modules = {".".join(parts), ".".join(parts[1:]) if parts[:1] == ["src"] else ""} - {""}
    if key == "packages":
        return any(m == v or m.startswith(v + ".") for m in modules for v in values)
    return bool(modules & set(values))


def _stubbed(tree: Path, path: str) -> str | None:
    if path.endswith(".py") and (tree / (path + "i")).is_file():
        return f"mypy reads the stub beside it ({PurePosixPath(path).name}i)"
    return None


def _not_python(folder: str, names: list[str]) -> set[str]:
    """The names of a folder that are neither folders nor files mypy reads."""
    keep = (".py", ".pyi", "py.typed")
    return {n for n in names if not n.endswith(keep) and not os.path.isdir(os.path.join(folder, n))}


def unsuppressed_tree(request: MypyRequest) -> str:
    """A scratch copy of the changed tree with the change's ignore comments cut off."""
    root = Path(tempfile.mkdtemp(prefix="unsuppressed-", dir=SCRATCH)) / "tree"
    # Only what mypy reads: the Python files (the settings are the base's, by path).
    shutil.copytree("head", root, symlinks=True, ignore=_not_python)
    for path in request.unsuppressed:
        target = root / path
        if target.is_symlink() or not target.is_file():
            continue
        target.write_text(request.without_ignores(path, target.read_text("utf-8")), "utf-8")
    return str(root)
