"""SARIF 2.1.0 for code scanning (GitHub, GitLab, IDEs): one run per check, whose
driver is mergegate and whose category names the check, one rule per ``tool:rule`` that
has findings, one result per finding with a repository-relative location and the
line-free fingerprint."""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from typing import Any

from gate import __version__
from gate.findings import Severity
from gate.policy.interface import Judged
from gate.policy.model import Action
from gate.verdict import CheckResult, Verdict

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# GitHub ranks security alerts by this number (0.1 to 10).
_SECURITY_SEVERITY = {
    Severity.LOW: "3.0",
    Severity.MEDIUM: "5.5",
    Severity.HIGH: "8.0",
    Severity.CRITICAL: "9.5",
}


MAX_RESULTS = 5_000
"""Results per run: GitHub code scanning keeps only the first 5,000 of a run."""
MAX_GZIPPED = 10 * 2**20
"""Bytes of the gzipped log GitHub accepts in one upload."""


def render(verdict: Verdict, *, keyids: Sequence[str] = ()) -> str:
    """The verdict's findings as a SARIF log (indented JSON): one run per check, each
    with its own category (``mergegate/<check>/``), so that code scanning closes a
    check's old alerts when it finds nothing; blocking and severe findings first, at
    most :data:`MAX_RESULTS` a run, and the log within :data:`MAX_GZIPPED`."""
    limit = MAX_RESULTS
    while True:
        text = json.dumps(_log(verdict, keyids, limit), indent=2) + "\n"
        if limit == 0 or len(gzip.compress(text.encode(), compresslevel=6)) <= MAX_GZIPPED:
            return text
        limit //= 2


def _log(verdict: Verdict, keyids: Sequence[str], limit: int) -> dict[str, Any]:
    tools = [c.id for c in verdict.checks]
    tools += sorted({j.finding.tool for j in verdict.findings} - set(tools))
    status = {c.id: c for c in verdict.checks}
    runs = []
    for tool in tools:
        chosen = sorted(
            (j for j in verdict.findings if j.finding.tool == tool),
            key=lambda j: (j.action is not Action.BLOCK, -j.finding.severity.rank),
        )
        runs.append(_run(verdict, tool, chosen[:limit], len(chosen), status.get(tool), keyids))
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": runs}


def _run(
    verdict: Verdict,
    tool: str,
    chosen: Sequence[Judged],
    total: int,
    check: CheckResult | None,
    keyids: Sequence[str],
) -> dict[str, Any]:
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for judged in chosen:
        f = judged.finding
        rule_id = f"{f.tool}:{f.rule_id}"
        if rule_id not in rules:
            tags = [f.tool, *([f"external/cwe/cwe-{f.cwe}"] if f.cwe else [])]
            rules[rule_id] = {
                "id": rule_id,
                "name": rule_id,
                "shortDescription": {"text": f"{f.tool} {f.rule_id}"},
                "properties": {
                    "tags": tags,
                    "security-severity": _SECURITY_SEVERITY[f.severity],
                },
            }
        location: dict[str, Any] = {"artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"}}
        if f.line is not None:
            location["region"] = {"startLine": f.line, "endLine": f.end_line or f.line}
        results.append(
            {
                "ruleId": rule_id,
                "ruleIndex": list(rules).index(rule_id),
                "level": "error" if judged.action is Action.BLOCK else "warning",
                "message": {"text": f.message},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {"mergegate/v1": f.fingerprint},
                "properties": {
                    "tool": f.tool,
                    "severity": f.severity.value,
                    "cwe": f.cwe,
                    "action": judged.action.value,
                    "reason": judged.reason,
                },
            }
        )
    notifications = []
    if check is not None and check.status == "errored":
        text = f"check {check.id} errored: {check.reason}"
        notifications.append({"level": "error", "message": {"text": text}})
    properties: dict[str, Any] = {
        "check": tool,
        "status": check.status if check else "not run",
        "verdict": verdict.result,
        "subject": {"sha256": verdict.subject_digest},
        "reasons": list(verdict.reasons),
        "signedBy": list(keyids),
    }
    if total > len(chosen):
        properties["resultsLeftOut"] = total - len(chosen)
    return {
        "tool": {
            "driver": {
                "name": "mergegate",
                "version": __version__,
                "informationUri": "https://pypi.org/project/mergegate/",
                "rules": list(rules.values()),
            }
        },
        "automationDetails": {"id": f"mergegate/{tool}/"},
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "results": results,
        "properties": properties,
    }
