"""The ``coverage`` check: the change's test suite run under coverage.py (branch) in the
sandbox, and the share of the changed executable lines that the tests ran, like
diff-cover. No data, or a changed file the data does not cover, fails closed."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from gate.checks import testplan
from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.sandboxed import package_version
from gate.checks.tests import cases_of
from gate.findings import Finding, Severity, fingerprint
from gate.rules.interface import matches

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
        except (ValueError, KeyError, TypeError) as exc:
            return Errored(f"the coverage runner printed no result that could be read: {exc}")
        if isinstance(cases, str):
            return Errored(cases, result.stdout)
        if isinstance(data, str):
            return Errored(data, result.stdout)
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


def _spans(lines: list[int]) -> str:
    """``3-5, 9`` for lines 3, 4, 5 and 9."""
    spans: list[list[int]] = []
    for line in lines:
        if spans and line == spans[-1][1] + 1:
            spans[-1][1] = line
        else:
            spans.append([line, line])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)
