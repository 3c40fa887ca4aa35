"""Markdown for a pull-request comment or a job summary. Its first line names the
verdict; then what failed, the findings that block and warn, and the checks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gate.policy.interface import Judged
from gate.policy.model import Action
from gate.verdict import Verdict


def render(verdict: Verdict, *, keyids: Sequence[str] = (), max_bytes: int | None = None) -> str:
    """The verdict as GitHub-flavoured Markdown; with ``max_bytes``, findings are left
    out from the last (warnings before blocking findings) until it fits, and counted."""
    findings = [
        (title, [j for j in verdict.findings if j.action is action])
        for action, title in ((Action.BLOCK, "Blocking"), (Action.WARN, "Warnings"))
    ]
    total = sum(len(chosen) for _, chosen in findings)
    text = _render(verdict, keyids, findings, total)
    if max_bytes is None or len(text.encode()) <= max_bytes:
        return text
    low, high = 0, total  # the most findings that fit, by bisection
    while low < high:
        middle = (low + high + 1) // 2
        if len(_render(verdict, keyids, findings, middle).encode()) <= max_bytes:
            low = middle
        else:
            high = middle - 1
    return _render(verdict, keyids, findings, low)


def _render(
    verdict: Verdict,
    keyids: Sequence[str],
    findings: Sequence[tuple[str, Sequence[Judged]]],
    shown: int,
) -> str:
    mark = "✅" if verdict.passed else "❌"
    lines = [
        f"## {mark} mergegate: {verdict.result}",
        "",
        f"`{code(verdict.change_label)}` · change `sha256:{verdict.subject_digest[:16]}` · "
        f"{text(verdict.sandbox)} sandbox"
        + (f", Python {text(verdict.python)}" if verdict.python else ""),
        "",
    ]
    if verdict.reasons:
        lines += ["**Why it failed**", ""]
        lines += [f"- {text(reason)}" for reason in verdict.reasons]
        lines.append("")
    left = shown
    for title, chosen in findings:
        if not chosen:
            continue
        lines += [f"**{title} ({len(chosen)})**", ""]
        if left:
            lines += ["| where | rule | severity | message |", "| --- | --- | --- | --- |"]
        for j in chosen[:left]:
            f = j.finding
            lines.append(
                f"| `{code(f.path)}:{f.line or 1}` | `{code(f.tool)}:{code(f.rule_id)}` | "
                f"{f.severity.value} | {_cell(f.message)} |"
            )
        if len(chosen) > left:
            more = len(chosen) - left
            lines.append(f"\n_{more} more left out: the SARIF report and verdict.json list all._")
        left = max(0, left - len(chosen))
        lines.append("")
    lines += ["| check | status | time | detail |", "| --- | --- | ---: | --- |"]
    for c in verdict.checks:
        lines.append(
            f"| {_cell(c.id)} | {_cell(c.status)} | {c.duration:.1f}s | {_cell(c.reason or '')} |"
        )
    lines.append("")
    lines.append(
        f"Policy `{code(verdict.policy_uri)}` (sha256:{code(verdict.policy_digest[:12])})."
    )
    lines += [f"Note: {text(note)}" for note in verdict.notes]
    if keyids:
        lines.append(f"Signed by key `{code(', '.join(k[:16] for k in keyids))}`.")
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    """Text safe inside a table cell: no line breaks either."""
    return text(value).replace("\n", " ")


_MARKUP = re.compile(r"([\\`*_\[\]()!#|~])")


def text(value: str) -> str:
    """Plain text, shown as written: no HTML, no Markdown markup or links, no @mention
    (verdicts carry messages from tools and, published from a fork's run, its text)."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKUP.sub(r"\\\1", value).replace("@", "@\u200b")


def code(value: str) -> str:
    """Text safe inside a code span in a table cell."""
    return value.replace("`", "'").replace("|", "\\|").replace("\n", " ")
