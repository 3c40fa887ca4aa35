"""The ``mypy`` check: the changed files of both trees type-checked in the sandbox as the
project runs mypy (the base revision's settings and scope, third-party types from the
repository's test environment); only the errors the change introduces count."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from gate import syntax
from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.protocol import MypyRequest, MypyResult, ToolRun
from gate.checks.sandboxed import ask, package_version
from gate.checks.scanned import Targets
from gate.checks.suite import plan
from gate.findings import Finding, Severity, code_at, fingerprint, introduced
from gate.workspace import read_text

TOOL = "mypy"
_ERROR = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+): error: (?P<message>.*?)(?:  \[(?P<code>[a-z0-9-]+)\])?$"
)


class MypyCheck:
    """Two mypy runs in one sandbox: the base files, then the changed ones."""

    id = "mypy"

    def tool_version(self) -> str | None:
        return package_version("mypy")

    def run(self, context: CheckContext) -> Outcome:
        targets = Targets.of(context)
        trees = targets.trees.values()
        head = [path for tree, path in trees if tree == "head"]
        base = [path for tree, path in trees if tree == "base"]
        if not head:
            return Skipped(targets.left_out or "no changed Python files")
        files = len(head)
        # New files may be held to --strict (policy); the others keep the base's settings.
        new = {f.path for f in context.change.files if f.old_path is None}
        strict = [p for p in head if p in new] if context.policy.mypy_strict_new_files else []
        head = [p for p in head if p not in strict]
        request = MypyRequest(
            config=base_config(context.workspace.base),
            base=tuple(base),
            head=tuple(head),
            strict=tuple(strict),
            unsuppressed=added_ignores(context, [*head, *strict]),
        )
        # Third-party types from the test environment; without one, imports stay untyped.
        built = plan.environment(context)
        deps = None if isinstance(built, Errored) else built.path
        done = ask(context, "mypy", request, MypyResult, dependencies=deps)
        if isinstance(done, Errored):
            return done
        runs, raw = done
        changed = (*request.head, *request.strict)
        checked = [p for p in changed if p not in runs.left_out]
        left_out = {p: why for p, why in runs.left_out.items() if p in changed}
        if not checked:
            return Skipped(f"no changed file is type-checked: {_left_out(left_out)}")
        head_errors = _parse(runs.head, "head", context)
        strict_errors = _parse(runs.strict, "head", context)
        base_errors = _parse(runs.base, "base", context)
        if isinstance(head_errors, str):
            return Errored(head_errors, raw)
        if isinstance(base_errors, str):
            return Errored(base_errors, raw)
        if isinstance(strict_errors, str):
            return Errored(strict_errors, raw)
        head_errors += strict_errors
        hidden = _hidden(runs, request, base_errors, context)
        if isinstance(hidden, str):
            return Errored(hidden, raw)
        notes = [targets.left_out] if targets.left_out else []
        if isinstance(built, Errored):
            notes.append(f"imports typed as Any (no test environment: {built.reason})")
        if left_out:
            notes.append(f"not type-checked: {_left_out(left_out)}")
        return Completed(
            tuple(introduced(head_errors, base_errors) + hidden),
            {
                "files": float(len(checked)),
                "left_out": float(files - len(checked)),
                "errors": float(len(head_errors)),
                "hidden": float(len(hidden)),
            },
            raw=raw,
            detail="; ".join(notes) or None,
        )


def _left_out(left_out: dict[str, str]) -> str:
    """The files mypy was not to check, grouped by why."""
    by_why: dict[str, list[str]] = {}
    for path, why in sorted(left_out.items()):
        by_why.setdefault(why, []).append(path)
    return "; ".join(f"{', '.join(paths)} ({why})" for why, paths in by_why.items())


_IGNORE = re.compile(r"#\s*type:\s*ignore\b")
HIDDEN = "hidden-by-ignore"


def added_ignores(context: CheckContext, paths: list[str]) -> dict[str, dict[int, int]]:
    """The ``# type: ignore`` comments on lines the change adds, by file: line -> the
    column the comment starts at (read with ``tokenize``, so strings do not count)."""
    added = {f.path: f.added_lines for f in context.change.files if f.exists_after}
    found: dict[str, dict[int, int]] = {}
    for path in paths:
        lines = added.get(path)
        text = read_text(context.workspace.head / path) if lines else None
        if not lines or text is None:
            continue
        comments = {
            c.line: c.column
            for c in syntax.comments(text)
            if c.line in lines and _IGNORE.match(c.text)
        }
        if comments:
            found[path] = comments
    return found


def _hidden(
    runs: MypyResult, request: MypyRequest, base_errors: list[Finding], context: CheckContext
) -> list[Finding] | str:
    """The errors the change's ignore comments hide that the base does not have: each a
    finding on the comment's line, or anywhere in a file the change ignores whole."""
    hidden: list[Finding] = []
    whole = whole_file_ignores(context, request)
    for run in (runs.unsuppressed, runs.unsuppressed_strict):
        if run is None:
            continue
        errors = _parse(run, "head", context, seen=request)
        if isinstance(errors, str):
            return errors.replace("head files", "changed files without their ignore comments")
        at = [
            e for e in errors if e.path in whole or e.line in request.unsuppressed.get(e.path, {})
        ]
        for error in introduced(at, base_errors):
            what = "a file-wide `# type: ignore`" if error.path in whole else "a `# type: ignore`"
            message = f"{what} the change adds hides a new error: {error.message}"
            key = fingerprint(TOOL, HIDDEN, error.fingerprint)
            hidden.append(replace(error, rule_id=HIDDEN, message=message, fingerprint=key))
    return hidden


def whole_file_ignores(context: CheckContext, request: MypyRequest) -> set[str]:
    """The files in which the change adds a ``# type: ignore`` before the first
    statement: mypy then ignores the whole module."""
    found = set()
    for path, lines in request.unsuppressed.items():
        try:
            tree = syntax.parse(read_text(context.workspace.head / path) or "")
        except (SyntaxError, ValueError):
            continue
        first = tree.body[0].lineno if tree.body else None
        if any(first is None or line < first for line in lines):
            found.add(path)
    return found


def base_config(base: Path) -> str | None:
    """The base revision's mypy configuration file, as mypy would find it."""
    for name in ("mypy.ini", ".mypy.ini"):
        if (base / name).is_file():
            return f"base/{name}"
    text = read_text(base / "pyproject.toml")
    if text is not None:
        try:
            if "mypy" in tomllib.loads(text).get("tool", {}):
                return "base/pyproject.toml"
        except tomllib.TOMLDecodeError:
            pass
    setup = read_text(base / "setup.cfg")
    if setup is not None and re.search(r"^\[mypy", setup, re.MULTILINE):
        return "base/setup.cfg"
    return None


class MypyError(BaseModel):
    """One line of mypy's JSON output (``--output=json``)."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int
    message: str
    code: str | None = None
    severity: str = "error"
    """``error`` or ``note`` (what mypy adds to an error, or ``reveal_type``)."""


def errors(stdout: str) -> list[MypyError]:
    """mypy's errors (not its notes): from its JSON lines, or from the text it prints
    where a line is not JSON (a mypy that has no JSON output, or text around it)."""
    found = []
    for line in stdout.splitlines():
        if line.startswith("{"):
            try:
                found.append(MypyError.model_validate_json(line))
            except ValidationError:
                continue
        elif (match := _ERROR.match(line)) is not None:
            found.append(
                MypyError(
                    file=match["path"],
                    line=int(match["line"]),
                    message=match["message"],
                    code=match["code"],
                )
            )
    return [e for e in found if e.severity == "error"]


def _parse(
    run: ToolRun, tree: str, context: CheckContext, seen: MypyRequest | None = None
) -> list[Finding] | str:
    """mypy's errors as findings; a crash or a usage error is a reason to fail closed.
    ``seen``: the files were checked without the change's ignore comments, as this
    request cut them (the fingerprints read the lines as mypy saw them)."""
    exit_code = run.exit
    if exit_code not in (0, 1):
        detail = (run.stderr.strip().splitlines() or ["no error output"])[-1]
        return f"mypy exited with {exit_code} on the {tree} files: {detail}"
    root = context.workspace.base if tree == "base" else context.workspace.head
    findings = []
    sources: dict[str, str] = {}
    for error in errors(run.stdout):
        path, number, code = error.file, error.line, error.code or "error"
        if path not in sources:
            text = read_text(root / path) or ""
            sources[path] = seen.without_ignores(path, text) if seen else text
        # Line numbers inside messages ("defined on line 5") move with the code: drop them.
        message = re.sub(r"line \d+", "line N", error.message)
        findings.append(Finding(
            TOOL, code, Severity.MEDIUM, None, path, number, number, error.message,
            fingerprint(TOOL, code, message, code_at(sources[path], number)),
        ))  # fmt: skip
    if exit_code == 1 and not findings:
        return f"mypy reported errors on the {tree} files that could not be read"
    return findings
