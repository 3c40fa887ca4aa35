"""The ``bandit`` check: bandit over the changed Python files of both trees, with
``--ignore-nosec``, keeping only the findings the change introduces.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path
from typing import Any

from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.sandboxed import run_tool
from gate.findings import Finding, Severity, code_at, fingerprint, introduced
from gate.rules.interface import matches
from gate.rules.runner import is_python

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
        change, workspace = context.change, context.workspace
        targets: dict[str, tuple[str, str]] = {}  # argv path -> (tree, repo path)
        for f in change.files:
            if f.exists_after and is_python(f.path) and not f.binary and not f.symlink:
                targets[f"head/{f.path}"] = ("head", f.path)
            if f.old_path and is_python(f.old_path) and (workspace.base / f.old_path).is_file():
                targets[f"base/{f.old_path}"] = ("base", f.old_path)
        if not any(tree == "head" for tree, _ in targets.values()):
            return Skipped("no changed Python files")
        argv = ["python", "-m", "bandit", "--format", "json", "--quiet", "--ignore-nosec"]
        result = run_tool(context, [*argv, *targets], ok=(0, 1))
        if isinstance(result, Errored):
            return result
        try:
            report = json.loads(result.stdout)
            findings = _findings(report, targets, workspace.root, context)
        except (ValueError, KeyError, TypeError) as exc:
            detail = (result.error_text.splitlines() or [str(exc)])[-1]
            return Errored(
                f"bandit printed no report that could be read: {detail}",
                result.stdout + result.stderr,
            )
        if isinstance(findings, Errored):
            return Errored(findings.reason, result.stdout)
        head, base = findings
        return Completed(
            tuple(introduced(head, base)), {"files": float(len(targets))}, raw=result.stdout
        )


def _findings(
    report: dict[str, Any],
    targets: dict[str, tuple[str, str]],
    root: Path,
    context: CheckContext,
) -> tuple[list[Finding], list[Finding]] | Errored:
    errors = [
        f"{_strip(e['filename'])}: {e['reason']}"
        for e in report["errors"]
        if targets.get(_strip(e["filename"]), ("",))[0] == "head"
    ]
    if errors:
        return Errored("bandit could not read " + "; ".join(errors))
    seen = {_strip(name) for name in report["metrics"] if name != "_totals"}
    missing = sorted(t for t in targets if t not in seen)
    if missing:
        return Errored(f"bandit did not read {', '.join(missing)}")
    ignore_in_tests = context.policy.bandit_ignore_in_tests
    sources: dict[str, str] = {}
    out: dict[str, list[Finding]] = {"head": [], "base": []}
    for item in report["results"]:
        name = _strip(item["filename"])
        tree, path = targets[name]
        if item["test_id"] in ignore_in_tests and matches(path, context.policy.test_paths):
            continue
        if name not in sources:
            sources[name] = (root / name).read_text("utf-8", "replace")
        lines = item.get("line_range") or [item["line_number"]]
        start, end = min(lines), max(lines)
        out[tree].append(
            Finding(
                tool=TOOL,
                rule_id=item["test_id"],
                severity=_severity(item["issue_severity"], item["issue_confidence"]),
                cwe=(item.get("issue_cwe") or {}).get("id"),
                path=path,
                line=start,
                end_line=end,
                message=item["issue_text"],
                fingerprint=fingerprint(TOOL, item["test_id"], code_at(sources[name], start, end)),
            )
        )
    return out["head"], out["base"]


def _strip(name: str) -> str:
    return name.removeprefix("./")


def _severity(severity: str, confidence: str) -> Severity:
    """Bandit's severity, one step lower when bandit itself is not confident."""
    level = Severity.parse(severity)
    if confidence.upper() == "LOW" and level > Severity.LOW:
        return list(Severity)[level.rank - 1]
    return level
