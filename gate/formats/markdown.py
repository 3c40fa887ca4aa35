"""Markdown for a pull-request comment or a job summary. Its first line names the
verdict; then what failed, the findings that block and warn, and the checks."""

from __future__ import annotations

from collections.abc import Sequence

from gate.policy.model import Action
from gate.verdict import Verdict


def render(verdict: Verdict, *, keyids: Sequence[str] = ()) -> str:
    """The verdict as GitHub-flavoured Markdown."""
    mark = "✅" if verdict.passed else "❌"
    lines = [
        f"## {mark} mergegate: {verdict.result}",
        "",
        f"`{_code(verdict.change_label)}` · change `sha256:{verdict.subject_digest[:16]}` · "
        f"{verdict.sandbox} sandbox" + (f", Python {verdict.python}" if verdict.python else ""),
        "",
    ]
    if verdict.reasons:
        lines += ["**Why it failed**", ""]
        lines += [f"- {_text(reason)}" for reason in verdict.reasons]
        lines.append("")
    for action, title in ((Action.BLOCK, "Blocking"), (Action.WARN, "Warnings")):
        chosen = [j for j in verdict.findings if j.action is action]
        if not chosen:
            continue
        lines += [f"**{title} ({len(chosen)})**", "",
                  "| where | rule | severity | message |", "| --- | --- | --- | --- |"]  # fmt: skip
        for j in chosen:
            f = j.finding
            lines.append(
                f"| `{_code(f.path)}:{f.line or 1}` | `{f.tool}:{f.rule_id}` | "
                f"{f.severity.value} | {_cell(f.message)} |"
            )
        lines.append("")
    lines += ["| check | status | time | detail |", "| --- | --- | ---: | --- |"]
    for c in verdict.checks:
        lines.append(f"| {c.id} | {c.status} | {c.duration:.1f}s | {_cell(c.reason or '')} |")
    lines.append("")
    lines.append(f"Policy `{_code(verdict.policy_uri)}` (sha256:{verdict.policy_digest[:12]}).")
    lines += [f"Note: {_text(note)}" for note in verdict.notes]
    if keyids:
        lines.append(f"Signed by key `{', '.join(k[:16] for k in keyids)}`.")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a table cell: no pipes, no line breaks, no HTML."""
    return _text(text).replace("|", "\\|").replace("\n", " ")


def _text(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str) -> str:
    """Text safe inside a code span in a table cell."""
    return text.replace("`", "'").replace("|", "\\|")
