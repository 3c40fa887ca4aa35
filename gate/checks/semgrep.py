"""The ``semgrep`` check: mergegate's own rule pack (policies/semgrep, from the installed
package, never from the change) over the changed Python files of both trees, offline
(``--disable-version-check --metrics=off``) and with ``--disable-nosem``."""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from gate.checks.interface import CheckContext, Errored
from gate.checks.scanned import ScannerCheck, Targets
from gate.findings import Finding, Severity
from gate.resources import resource
from gate.rules.bindings import Span, origins_at

TOOL = "semgrep"
RULES_DIR = "semgrep-rules"
# Without these semgrep waits about 98 s per run for a version check it cannot make.
OFFLINE = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off",
           "XDG_CONFIG_HOME": "/tmp", "XDG_CACHE_HOME": "/tmp"}  # fmt: skip
_SEVERITY = {"ERROR": Severity.HIGH, "WARNING": Severity.MEDIUM, "INFO": Severity.LOW}


class SemgrepCheck(ScannerCheck):
    """One semgrep process reads the base and the changed copy of every changed file."""

    id = "semgrep"
    package = "semgrep"
    env = OFFLINE
    # 2: semgrep met errors (a rule timed out on a file, a file it could not parse); its
    # JSON report says which, and the check errs with that, not with a bare exit code.
    ok_codes = (0, 1, 2)

    def argv(self, context: CheckContext, targets: Targets) -> list[str] | Errored:
        if not _copy_rules(context):
            return Errored("the semgrep rule pack is empty or missing from this installation")
        return ["semgrep", "scan", "--config", f"requests/{RULES_DIR}", "--json", "--quiet",
                "--disable-version-check", "--metrics=off", "--disable-nosem",
                "--no-git-ignore", "--jobs", "1", "--timeout", "30", "--",
                *targets.names]  # fmt: skip

    def parse(
        self, report: dict[str, Any], targets: Targets, context: CheckContext
    ) -> dict[str, list[Finding]] | str:
        return _findings(report, targets)

    def metrics(self, context: CheckContext) -> dict[str, float]:
        return {"rules": float(_count_rules())}


def _rule_files() -> list[tuple[str, str]]:
    """The rule pack's YAML files (name, text), from the installed package."""
    folder = resource("policies", "semgrep")
    return [(e.name, e.read_text("utf-8")) for e in sorted(folder.iterdir(), key=lambda e: e.name)
            if e.name.endswith((".yaml", ".yml"))]  # fmt: skip


def _count_rules(files: list[tuple[str, str]] | None = None) -> int:
    texts = [text for _, text in (files if files is not None else _rule_files())]
    return sum(len(re.findall(r"^\s*- id:", text, re.MULTILINE)) for text in texts)


def _copy_rules(context: CheckContext) -> int:
    """Copy the rule pack into the workspace; return how many rules it holds."""
    files = _rule_files()
    for name, text in files:
        context.workspace.write_request(f"{RULES_DIR}/{name}", text.encode())
    return _count_rules(files)


def _findings(report: dict[str, Any], targets: Targets) -> dict[str, list[Finding]] | str:
    """Findings by tree, or why the report cannot be trusted."""
    errors = [
        _said(e) for e in report["errors"] if e.get("level", "error") == "error" or _incomplete(e)
    ]
    if errors:
        return "semgrep failed: " + "; ".join(errors)
    missing = targets.missing(set(report["paths"]["scanned"]))
    if missing:
        return f"semgrep did not read {', '.join(missing)}"
    out: dict[str, list[Finding]] = {"head": [], "base": []}
    origins = _origins(report["results"], targets)
    for item in report["results"]:
        extra = item["extra"]
        meta = extra.get("metadata", {})
        severity = meta.get("mergegate-severity")
        message = " ".join(str(extra["message"]).split())
        came = origins.get((item["path"], *_span(item)))
        if came:
            message += f" The data comes {came}."
        tree, finding = targets.finding(
            item["path"],
            TOOL,
            _rule_id(item["check_id"]),
            Severity.parse(severity)
            if severity
            else _SEVERITY.get(extra["severity"], Severity.LOW),
            _cwe(meta.get("cwe")),
            (item["start"]["line"], item["end"]["line"]),
            message,
        )
        out[tree].append(finding)
    return out


def _span(item: dict[str, Any]) -> Span:
    start, end = item["start"], item["end"]
    return (start["line"], start["col"], end["line"], end["col"])


def _origins(results: list[dict[str, Any]], targets: Targets) -> dict[tuple[str, *Span], str]:
    """Where the data of each taint rule's finding comes from (semgrep's open engine
    reports only the sink), by file and span."""
    spans: dict[str, list[Span]] = {}
    for item in results:
        if _rule_id(item["check_id"]) in _taint_rules():
            spans.setdefault(item["path"], []).append(_span(item))
    return {
        (path, *span): said
        for path, wanted in spans.items()
        for span, said in origins_at(targets.text(path), wanted).items()
    }


@functools.cache
def _taint_rules() -> frozenset[str]:
    """The ids of the pack's taint rules, whose findings are where the data arrives."""
    return frozenset(
        rule["id"]
        for _, text in _rule_files()
        for rule in (yaml.safe_load(text) or {}).get("rules", [])
        if rule.get("mode") == "taint"
    )


def _said(error: dict[str, Any]) -> str:
    """What a semgrep error says, on one line: its first two lines that say something
    (the first is often only "Error while running rules:")."""
    lines = [" ".join(x.split()) for x in str(error.get("message", error)).splitlines()]
    return " ".join([x for x in lines if x][:2])[:300]


def _incomplete(error: dict[str, Any]) -> bool:
    """An error after which a file was not fully scanned (a rule's time or memory limit),
    whatever level semgrep gives it."""
    kind = error.get("type")
    name = kind[0] if isinstance(kind, list) and kind else kind
    return name in {"Timeout", "OutOfMemory", "StackOverflow", "Fatal error"}


def _rule_id(check_id: str) -> str:
    """``requests.semgrep-rules.mergegate.x`` -> ``mergegate.x`` (drop the folder prefix)."""
    index = check_id.find("mergegate.")
    return check_id[index:] if index >= 0 else check_id


def _cwe(value: Any) -> int | None:
    first = value[0] if isinstance(value, list) and value else value
    match = re.match(r"\s*CWE-(\d+)", str(first)) if first else None
    return int(match.group(1)) if match else None
