"""The ``bandit`` check: bandit over the changed Python files of both trees, with
``--ignore-nosec``, keeping only the findings the change introduces.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.sandboxed import run_tool
from gate.checks.scanned import Targets
from gate.findings import Finding, Severity, introduced
from gate.rules.interface import matches

TOOL = "bandit"


class BanditCheck:
    """One bandit process reads the base and the changed copy of every changed file."""

    id = "bandit"

    def tool_version(self) -> str | None:
        try:
            return metadata.version("bandit")
        except metadata.PackageNotFoundError:
            return None

    def run(self, context: CheckContext) -> Outcome:
        targets = Targets.of(context)
        if not targets.any_changed:
            return Skipped("no changed Python files")
        argv = ["python", "-m", "bandit", "--format", "json", "--quiet", "--ignore-nosec"]
        result = run_tool(context, [*argv, *targets.names], ok=(0, 1))
        if isinstance(result, Errored):
            return result
        try:
            findings = _findings(json.loads(result.stdout), targets, context)
        except (ValueError, KeyError, TypeError) as exc:
            detail = (result.error_text.splitlines() or [str(exc)])[-1]
            return Errored(
                f"bandit printed no report that could be read: {detail}",
                result.stdout + result.stderr,
            )
        if isinstance(findings, str):
            return Errored(findings, result.stdout)
        return Completed(
            tuple(introduced(findings["head"], findings["base"])),
            {"files": float(len(targets.trees))},
            raw=result.stdout,
        )


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
