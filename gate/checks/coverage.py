"""The ``coverage`` check: the change's test suite run under coverage.py (branch) in the
sandbox, and the share of the changed executable lines that the tests ran, like
diff-cover. No data, or a changed file the data does not cover, fails closed."""

from __future__ import annotations

import ast
import json
from pathlib import PurePosixPath

from gate.checks import testplan
from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.sandboxed import package_version
from gate.checks.tests import cases_of
from gate.findings import Finding, Severity, fingerprint
from gate.rules.interface import matches
from gate.workspace import read_text

TOOL = "coverage"


class CoverageCheck:
    """One pytest run under ``coverage run --branch``; the host does the arithmetic."""

    id = "coverage"

    def tool_version(self) -> str | None:
        return package_version("coverage")

    def run(self, context: CheckContext) -> Outcome:
        change, policy = context.change, context.policy
        changed = {
            f.path: f.added_lines
            for f in change.files
            if f.exists_after and not f.binary and f.path.endswith(".py")
            and not matches(f.path, policy.test_paths) and f.added_lines
        }  # fmt: skip
        if not changed:
            return Skipped("no changed lines of code outside the tests")
        spec = testplan.head_run(change)
        spec["changed"] = sorted(changed)
        # Measure the folder of every changed file as well as the root: coverage.py only
        # looks for never-imported files in sub-folders that are packages.
        spec["sources"] = sorted({str(PurePosixPath(p).parent) for p in changed} - {"."})
        request = {"seed": testplan.seed(change), "run": spec}
        result = testplan.run_suite(context, "coverage", request)
        if isinstance(result, Errored):
            return result
        try:
            answer = json.loads(result.stdout)
            cases = cases_of(answer, "changed")
            data = answer["coverage"]
            omitted = [str(p) for p in answer["omitted"]]
        except (ValueError, KeyError, TypeError) as exc:
            return Errored(f"the coverage runner printed no result that could be read: {exc}")
        if isinstance(cases, str):
            return Errored(cases, result.stdout)
        if isinstance(data, str):
            return Errored(data, result.stdout)
        for path in omitted:  # the base's settings leave it out on purpose
            del changed[path]
        if not changed:
            return Skipped("the changed files are omitted by the base's coverage settings")
        for path, lines in changed.items():
            changed[path] = first_lines(read_text(context.workspace.head / path) or "", lines)
        return measure(changed, data, result.stdout)


def measure(
    changed: dict[str, frozenset[int]], data: dict[str, dict[str, list[int]]], raw: bytes
) -> Outcome:
    """Coverage of the changed executable lines, with a finding per file left short."""
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
        executed = set(data[path]["executed"]) & lines
        missing = set(data[path]["missing"]) & lines
        coverable += len(executed) + len(missing)
        covered += len(executed)
        if missing:
            spans = _spans(sorted(missing))
            findings.append(Finding(
                TOOL, "uncovered", Severity.LOW, None, path, min(missing), max(missing),
                f"{len(missing)} changed line(s) no test runs: {spans}",
                fingerprint(TOOL, "uncovered", path, spans),
            ))  # fmt: skip
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
        tree = ast.parse(source)
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


def _spans(lines: list[int]) -> str:
    """``3-5, 9`` for lines 3, 4, 5 and 9."""
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1][1] = line
        else:
            spans.append([line, line])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)
