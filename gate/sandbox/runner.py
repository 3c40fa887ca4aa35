"""The gate's own tool runners, run inside the sandbox: ``python -m gate.sandbox.runner
NAME REQUEST`` reads a request (``gate.checks.protocol``) from the read-only workspace
and prints the answer on stdout. The code under review is never imported here: the
checks that run it start it in child processes, under the test environment's Python.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from gate.checks.mypy import inside as mypy_inside
from gate.checks.properties import inside as properties_inside
from gate.checks.protocol import (
    MypyRequest,
    PropertiesRequest,
    RulesRequest,
    RulesResult,
    SuiteRequest,
)
from gate.checks.suite import inside
from gate.rules import noqa
from gate.rules.catalogue import RULES
from gate.rules.dependencies import DependencyIndex, first_party, read_tree
from gate.rules.interface import FileVersions, RuleSettings
from gate.rules.runner import lint
from gate.workspace import read_text


def rules(request: RulesRequest) -> RulesResult:
    """Run the rule catalogue over the files the request names, and ruff over those in
    which the change adds a ``# noqa`` (what it hides)."""
    settings = RuleSettings(
        protected_block=request.settings.protected_block,
        protected_warn=request.settings.protected_warn,
        test_globs=request.settings.test_globs,
        dependencies=_dependencies(request),
    )
    files = []
    for f in request.files:
        head = Path("head") / f.path
        target = os.readlink(head) if f.symlink and head.is_symlink() else None
        files.append(
            FileVersions(
                path=f.path,
                old_path=f.old_path,
                base=read_text(Path("base") / f.old_path) if f.old_path else None,
                head=None if f.deleted else read_text(head),
                symlink_target=target,
            )
        )
    result = lint(files, settings, RULES)
    try:
        hidden = noqa.hidden(files)
    except (RuntimeError, ValueError, OSError, subprocess.SubprocessError) as exc:
        return RulesResult(findings=tuple(result.findings), errors=(*result.errors, str(exc)))
    return RulesResult(findings=(*result.findings, *hidden), errors=tuple(result.errors))


def _dependencies(request: RulesRequest) -> DependencyIndex:
    """What the base and changed trees declare, with the shipped data the host sent."""
    well_known = Path(request.well_known_file).read_text("utf-8").splitlines()
    return DependencyIndex(
        base=read_tree(Path("base")),
        head=read_tree(Path("head")),
        first_party=first_party(Path("base")) | first_party(Path("head")),
        import_names=request.import_names,
        well_known=frozenset(w for w in well_known if w and not w.startswith("#")),
    )


def suite(text: str) -> str:
    """The pytest runs of the ``tests`` and ``coverage`` checks."""
    return inside.run(SuiteRequest.model_validate_json(text)).model_dump_json()


def properties(text: str) -> str:
    """The repository's hypothesis tests and the generated properties."""
    request = PropertiesRequest.model_validate_json(text)
    return properties_inside.run(request).model_dump_json()


RUNNERS: dict[str, Callable[[str], str]] = {
    "rules": lambda text: rules(RulesRequest.model_validate_json(text)).model_dump_json(),
    "mypy": lambda text: mypy_inside.run(MypyRequest.model_validate_json(text)).model_dump_json(),
    "suite": suite,
    "properties": properties,
}


def protect() -> None:
    """Make this process non-dumpable: its /proc entries (fd/1 above all) then belong to
    root, so that the code under test, running as the same user in a child process,
    cannot open the runner's standard output and print a result of its own."""
    import ctypes

    pr_set_dumpable = 4
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(pr_set_dumpable, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


def main(argv: list[str]) -> int:
    name, request_path = argv
    protect()
    sys.stdout.write(RUNNERS[name](Path(request_path).read_text("utf-8")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
