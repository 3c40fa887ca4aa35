"""A self-contained HTML report for auditors: one file, no script, no outside resource
(its Content-Security-Policy forbids both), every value escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from string import Template

from gate.policy.model import Action
from gate.resources import resource
from gate.verdict import Verdict


def render(verdict: Verdict, *, keyids: Sequence[str] = ()) -> str:
    """The verdict as an HTML page (the template is ``reports/report.html``)."""
    template = Template(resource("reports", "report.html").read_text("utf-8"))
    return template.substitute(
        result=escape(verdict.result),
        label=escape(verdict.change_label),
        digest=escape(verdict.subject_digest),
        resource=escape(verdict.resource_uri),
        policy=escape(verdict.policy_uri),
        policy_digest=escape(verdict.policy_digest[:16]),
        time=escape(verdict.time_verified.isoformat()),
        levels=escape(", ".join(verdict.levels)),
        sandbox=escape(
            verdict.sandbox
            + (f", Python {verdict.python} ({verdict.python_reason})" if verdict.python else "")
        ),
        keyids=escape(", ".join(keyids)) or '<span class="none">not signed</span>',
        reasons=_list(verdict.reasons, "reasons", "nothing failed"),
        findings=_findings(verdict),
        checks=_checks(verdict),
        notes=_list(verdict.notes, "notes", "") if verdict.notes else "",
    )


def _list(items: Sequence[str], css: str, empty: str) -> str:
    if not items:
        return f'<p class="none">{escape(empty)}</p>'
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="{css}">{rows}</ul>'


def _findings(verdict: Verdict) -> str:
    if not verdict.findings:
        return '<p class="none">no findings</p>'
    rows = []
    for j in verdict.findings:
        f = j.finding
        action = "block" if j.action is Action.BLOCK else "warn"
        cwe = f"CWE-{f.cwe}" if f.cwe else ""
        rows.append(
            f'<tr class="finding"><td class="{action}">{action}</td>'
            f"<td><code>{escape(f.path)}:{f.line or 1}</code></td>"
            f"<td><code>{escape(f.tool)}:{escape(f.rule_id)}</code></td>"
            f"<td>{escape(f.severity.value)}</td><td>{cwe}</td>"
            f"<td>{escape(f.message)}<br><small>{escape(j.reason)}</small></td></tr>"
        )
    head = "<tr><th>action</th><th>where</th><th>rule</th><th>severity</th><th>CWE</th>"
    return f"<table>{head}<th>message</th></tr>{''.join(rows)}</table>"


def _checks(verdict: Verdict) -> str:
    rows = []
    for c in verdict.checks:
        metrics = ", ".join(f"{k} {v:g}" for k, v in sorted(c.metrics.items()))
        rows.append(
            f'<tr class="check"><td>{escape(c.id)}</td>'
            f'<td class="{escape(c.status)}">{escape(c.status)}</td>'
            f"<td>{c.duration:.1f} s</td><td>{escape(c.tool_version or '')}</td>"
            f"<td>{escape(c.reason or metrics)}</td></tr>"
        )
    head = "<tr><th>check</th><th>status</th><th>time</th><th>version</th><th>detail</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"
