"""SARIF 2.1.0 for code scanning (GitHub, GitLab, IDEs): one run whose driver is
mergegate, one rule per ``tool:rule`` that has findings, one result per finding with a
repository-relative location and the line-free fingerprint."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from gate import __version__
from gate.findings import Severity
from gate.policy.model import Action
from gate.verdict import Verdict

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# GitHub ranks security alerts by this number (0.1 to 10).
_SECURITY_SEVERITY = {
    Severity.LOW: "3.0",
    Severity.MEDIUM: "5.5",
    Severity.HIGH: "8.0",
    Severity.CRITICAL: "9.5",
}


def render(verdict: Verdict, *, keyids: Sequence[str] = ()) -> str:
    """The verdict's findings as a SARIF log (indented JSON)."""
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for judged in verdict.findings:
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
        results.append({
            "ruleId": rule_id,
            "ruleIndex": list(rules).index(rule_id),
            "level": "error" if judged.action is Action.BLOCK else "warning",
            "message": {"text": f.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {"mergegate/v1": f.fingerprint},
            "properties": {
                "tool": f.tool, "severity": f.severity.value, "cwe": f.cwe,
                "action": judged.action.value, "reason": judged.reason,
            },
        })  # fmt: skip
    notifications = [
        {"level": "error", "message": {"text": f"check {c.id} errored: {c.reason}"}}
        for c in verdict.checks
        if c.status == "errored"
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mergegate", "version": __version__,
                "informationUri": "https://pypi.org/project/mergegate/",
                "rules": list(rules.values()),
            }},
            "invocations": [{
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
            "properties": {
                "verdict": verdict.result,
                "subject": {"sha256": verdict.subject_digest},
                "reasons": list(verdict.reasons),
                "signedBy": list(keyids),
            },
        }],
    }  # fmt: skip
    return json.dumps(log, indent=2) + "\n"
