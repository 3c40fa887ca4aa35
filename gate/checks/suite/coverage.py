"""The ``coverage`` check: the change's tests run under coverage.py (lines, by
``sys.monitoring`` from Python 3.12) in the suite's shared sandbox job, and the share of
the changed executable lines that they ran, like diff-cover. No data, or a changed file
the data does not cover, fails closed; no tests at all, or no coverable changed lines,
is Skipped with that reason. A
``# pragma: no cover`` the change adds does not take its lines out: they count as not
run (the base's own exclusions stand)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from gate import syntax
from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.protocol import FileLines
from gate.checks.sandboxed import package_version
from gate.checks.scanned import not_read, parses
from gate.checks.suite import plan
from gate.checks.suite.tests import cases_of, tampered
from gate.findings import Finding, Severity, fingerprint
from gate.workspace import read_text

TOOL = "coverage"
PRAGMA = re.compile(r"#\s*(pragma|PRAGMA)[:\s]?\s*(no|NO)\s*(cover|COVER)")
"""coverage.py's default exclusion comment."""


class CoverageCheck:
    """The change's tests under coverage.py in the suite's shared job; the host does the
    arithmetic."""

    id = "coverage"

    def tool_version(self) -> str | None:
        return package_version("coverage")

    def run(self, context: CheckContext) -> Outcome:
        changed = plan.changed_code(context)
        if not changed:
            return Skipped("no changed lines of code outside the tests")
        # Code the sandbox's Python cannot parse runs nowhere: the rules check says so.
        python = context.python
        unparsable = [p for p in changed if not parses(context.workspace.head / p, python)]
        for path in unparsable:
            changed.pop(path)
        if not changed:
            return Skipped(not_read(unparsable, python) or "")
        shared = plan.suite(context)
        if isinstance(shared, Errored):
            return shared
        why = tampered(shared.result.runs)
        if why is not None:
            return Errored(why, shared.raw)
        measured = [(r, r.coverage) for r in shared.result.runs if r.coverage is not None]
        if not measured:
            return Errored("the suite runner measured no coverage", shared.raw)
        any_cases = False
        for run, data in measured:
            cases = cases_of(run, run.name)
            if isinstance(cases, str):
                return Errored(cases, shared.raw)
            if data.files is None and cases:
                return Errored(f"coverage.py measured nothing: {data.error}", shared.raw)
            any_cases = any_cases or bool(cases)
            for path in data.omitted:  # the base's settings leave it out on purpose
                changed.pop(path, None)
        if not any_cases:
            return Skipped("the repository has no tests that pytest collects")
        if not changed:
            return Skipped("the changed files are omitted by the base's coverage settings")
        pragmas = {}
        for path, lines in changed.items():
            source = read_text(context.workspace.head / path) or ""
            changed[path] = first_lines(source, lines)
            pragmas[path] = pragma_blocks(source, lines)
        lines_run = union(data.files for _, data in measured)
        outcome = measure(changed, lines_run, shared.raw, pragmas)
        if isinstance(outcome, Completed) and unparsable:
            return replace(outcome, detail=not_read(unparsable, python))
        return outcome


def union(measured: Iterable[Mapping[str, FileLines] | None]) -> dict[str, FileLines]:
    """The lines of several runs over the same code: executed in any of them, else
    missing in one."""
    executed: dict[str, set[int]] = {}
    missing: dict[str, set[int]] = {}
    excluded: dict[str, set[int]] = {}
    for files in measured:
        for path, lines in (files or {}).items():
            executed.setdefault(path, set()).update(lines.executed)
            missing.setdefault(path, set()).update(lines.missing)
            excluded.setdefault(path, set()).update(lines.excluded)
    return {
        path: FileLines(
            executed=tuple(sorted(ran)),
            missing=tuple(sorted(missing[path] - ran)),
            excluded=tuple(sorted(excluded[path] - ran)),
        )
        for path, ran in executed.items()
    }


def measure(
    changed: dict[str, frozenset[int]],
    data: Mapping[str, FileLines],
    raw: bytes,
    pragmas: Mapping[str, frozenset[int]] | None = None,
) -> Outcome:
    """Coverage of the changed executable lines, with a finding per file left short; the
    changed lines a ``# pragma: no cover`` of the change's (``pragmas``) takes out count
    as not run."""
    unmapped = sorted(p for p in changed if p not in data)
    if unmapped:
        return Errored(
            "no coverage data for changed file(s) " + ", ".join(unmapped)
            + " (not importable from the repository root, or omitted by its coverage settings)",
            raw,
        )  # fmt: skip
    coverable = covered = 0
    findings = []
    for path, lines in sorted(changed.items()):
        executed = set(data[path].executed) & lines
        hidden = set(data[path].excluded) & lines & (pragmas or {}).get(path, frozenset())
        missing = (set(data[path].missing) & lines) | hidden
        coverable += len(executed) + len(missing)
        covered += len(executed)
        if missing:
            spans = _spans(sorted(missing))
            why = (
                f" ({len(hidden)} behind a `# pragma: no cover` the change adds)" if hidden else ""
            )
            findings.append(
                Finding(
                    tool=TOOL,
                    rule_id="uncovered",
                    severity=Severity.LOW,
                    cwe=None,
                    path=path,
                    line=min(missing),
                    end_line=max(missing),
                    message=f"{len(missing)} changed line(s) no test runs: {spans}"
                    + (why if hidden else ""),
                    fingerprint=fingerprint(TOOL, "uncovered", path, spans),
                )
            )
    if coverable == 0:
        return Skipped("no coverable lines among the changed lines (declarations, comments)")
    return Completed(
        tuple(findings),
        {
            "changed_lines": float(coverable),
            "covered_lines": float(covered),
            "changed_lines_percent": round(100.0 * covered / coverable, 2),
        },
        raw=raw,
    )


def first_lines(source: str, lines: frozenset[int]) -> frozenset[int]:
    """Each line mapped to the first line of its statement (coverage.py reports a
    statement of several lines by its first): a change to the arguments of a call on its
    third line is a change to that call."""
    try:
        tree = syntax.parse(source)
    except (SyntaxError, ValueError):
        return lines
    first: dict[int, int] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
            last = body[0].lineno - 1  # a compound statement: its header only
        else:
            last = node.end_lineno or node.lineno
        for line in range(node.lineno + 1, last + 1):
            first.setdefault(line, node.lineno)
    return frozenset(first.get(line, line) for line in lines)


def pragma_blocks(source: str, added: frozenset[int]) -> frozenset[int]:
    """The lines a ``# pragma: no cover`` on one of the ``added`` lines takes out: its
    line, and the whole statement when it opens one (``def``, ``if`` ...), as coverage.py
    excludes it. Comments are read with tokenize (never a string), statements with ast."""
    marked = {c.line for c in syntax.comments(source) if c.line in added and PRAGMA.search(c.text)}
    try:
        tree = syntax.parse(source)
    except (SyntaxError, ValueError):
        return frozenset(marked)
    lines = set(marked)
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.lineno in marked:
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return frozenset(lines)


def _spans(lines: list[int]) -> str:
    """``3-5, 9`` for lines 3, 4, 5 and 9."""
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1][1] = line
        else:
            spans.append([line, line])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)
