"""The ``bandit`` check: bandit over the changed Python files of both trees, with
``--ignore-nosec``, keeping only the findings the change introduces.
"""

from __future__ import annotations

from typing import Any

from gate.checks.interface import CheckContext
from gate.checks.scanned import ScannerCheck, Targets
from gate.findings import Finding, Severity
from gate.rules.interface import matches

TOOL = "bandit"


class BanditCheck(ScannerCheck):
    """One bandit process reads the base and the changed copy of every changed file."""

    id = "bandit"
    package = "bandit"

    def argv(self, context: CheckContext, targets: Targets) -> list[str]:
        return ["python", "-m", "bandit", "--format", "json", "--quiet", "--ignore-nosec",
                *targets.names]  # fmt: skip

    def parse(
        self, report: dict[str, Any], targets: Targets, context: CheckContext
    ) -> dict[str, list[Finding]] | str:
        return _findings(report, targets, context)


def _findings(
    report: dict[str, Any], targets: Targets, context: CheckContext
) -> dict[str, list[Finding]] | str:
    """Findings by tree, or why the report cannot be trusted."""
    errors = [
        f"{e['filename'].removeprefix('./')}: {e['reason']}"
        for e in report["errors"]
        if targets.trees.get(e["filename"].removeprefix("./"), ("",))[0] == "head"
    ]
    if errors:
        return "bandit could not read " + "; ".join(errors)
    missing = targets.missing({name for name in report["metrics"] if name != "_totals"})
    if missing:
        return f"bandit did not read {', '.join(missing)}"
    policy = context.policy
    out: dict[str, list[Finding]] = {"head": [], "base": []}
    for item in report["results"]:
        lines = item.get("line_range") or [item["line_number"]]
        tree, finding = targets.finding(
            item["filename"],
            TOOL,
            item["test_id"],
            _severity(item["issue_severity"], item["issue_confidence"]),
            (item.get("issue_cwe") or {}).get("id"),
            (min(lines), max(lines)),
            item["issue_text"],
        )
        if finding.rule_id in policy.bandit_ignore_in_tests and matches(
            finding.path, policy.test_paths
        ):
            continue
        out[tree].append(finding)
    return out


def _severity(severity: str, confidence: str) -> Severity:
    """Bandit's severity, one step lower when bandit itself is not confident."""
    level = Severity.parse(severity)
    if confidence.upper() == "LOW" and level > Severity.LOW:
        return list(Severity)[level.rank - 1]
    return level
