"""The ``semgrep`` check: mergegate's own rule pack (policies/semgrep, from the installed
package, never from the change) over the changed Python files of both trees, offline
(``--disable-version-check --metrics=off``) and with ``--disable-nosem``."""

from __future__ import annotations

import json
import re
from importlib import metadata
from typing import Any

from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.sandboxed import run_tool
from gate.checks.scanned import Targets
from gate.findings import Finding, Severity, introduced
from gate.resources import resource

TOOL = "semgrep"
RULES_DIR = "semgrep-rules"
# Without these semgrep waits about 98 s per run for a version check it cannot make.
OFFLINE = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off",
           "XDG_CONFIG_HOME": "/tmp", "XDG_CACHE_HOME": "/tmp"}  # fmt: skip
_SEVERITY = {"ERROR": Severity.HIGH, "WARNING": Severity.MEDIUM, "INFO": Severity.LOW}


class SemgrepCheck:
    """One semgrep process reads the base and the changed copy of every changed file."""

    id = "semgrep"

    def tool_version(self) -> str | None:
        try:
            return metadata.version("semgrep")
        except metadata.PackageNotFoundError:
            return None

    def run(self, context: CheckContext) -> Outcome:
        targets = Targets.of(context)
        if not targets.any_changed:
            return Skipped("no changed Python files")
        rules = _copy_rules(context)
        if not rules:
            return Errored("the semgrep rule pack is empty or missing from this installation")
        argv = [
            "semgrep",
            "scan",
            "--config",
            f"requests/{RULES_DIR}",
            "--json",
            "--quiet",
            "--disable-version-check",
            "--metrics=off",
            "--disable-nosem",
            "--no-git-ignore",
            "--jobs",
            "1",
            "--timeout",
            "30",
            "--",
            *targets.names,
        ]
        result = run_tool(context, argv, ok=(0, 1), env=OFFLINE)
        if isinstance(result, Errored):
            return result
        try:
            findings = _findings(json.loads(result.stdout), targets)
        except (ValueError, KeyError, TypeError) as exc:
            detail = (result.error_text.splitlines() or [str(exc)])[-1]
            return Errored(
                f"semgrep printed no report that could be read: {detail}",
                result.stdout + result.stderr,
            )
        if isinstance(findings, str):
            return Errored(findings, result.stdout)
        return Completed(
            tuple(introduced(findings["head"], findings["base"])),
            {"files": float(len(targets.trees)), "rules": float(rules)},
            raw=result.stdout,
        )


def _copy_rules(context: CheckContext) -> int:
    """Copy the rule pack's YAML files into the workspace; return how many rules."""
    count = 0
    folder = resource("policies", "semgrep")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            text = entry.read_text("utf-8")
            count += len(re.findall(r"^\s*- id:", text, re.MULTILINE))
            context.workspace.write_request(f"{RULES_DIR}/{entry.name}", text.encode())
    return count


def _findings(report: dict[str, Any], targets: Targets) -> dict[str, list[Finding]] | str:
    """Findings by tree, or why the report cannot be trusted."""
    errors = [e.get("message", str(e)).strip().splitlines()[0] for e in report["errors"]
              if e.get("level", "error") == "error"]  # fmt: skip
    if errors:
        return "semgrep failed: " + "; ".join(errors)
    missing = targets.missing(set(report["paths"]["scanned"]))
    if missing:
        return f"semgrep did not read {', '.join(missing)}"
    out: dict[str, list[Finding]] = {"head": [], "base": []}
    for item in report["results"]:
        extra = item["extra"]
        meta = extra.get("metadata", {})
        severity = meta.get("mergegate-severity")
        tree, finding = targets.finding(
            item["path"],
            TOOL,
            _rule_id(item["check_id"]),
            Severity.parse(severity)
            if severity
            else _SEVERITY.get(extra["severity"], Severity.LOW),
            _cwe(meta.get("cwe")),
            (item["start"]["line"], item["end"]["line"]),
            " ".join(str(extra["message"]).split()),
        )
        out[tree].append(finding)
    return out


def _rule_id(check_id: str) -> str:
    """``requests.semgrep-rules.mergegate.x`` -> ``mergegate.x`` (drop the folder prefix)."""
    index = check_id.find("mergegate.")
    return check_id[index:] if index >= 0 else check_id


def _cwe(value: Any) -> int | None:
    first = value[0] if isinstance(value, list) and value else value
    match = re.match(r"\s*CWE-(\d+)", str(first)) if first else None
    return int(match.group(1)) if match else None
