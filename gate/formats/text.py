"""The readable summary printed by ``gate check``, rendered with rich."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from gate.policy.model import Action
from gate.verdict import Verdict

_STATUS_STYLE = {"completed": "green", "skipped": "yellow", "errored": "bold red"}


def render(
    verdict: Verdict, *, keyids: Sequence[str] = (), color: bool = False, width: int = 100
) -> str:
    """Verdict, reasons, findings and checks, as text (ANSI colours when ``color``)."""
    console = Console(
        record=True,
        width=width,
        force_terminal=color,
        no_color=not color,
        file=io.StringIO(),
        highlight=False,
        soft_wrap=True,
    )
    style = "bold green" if verdict.passed else "bold red"
    console.print(
        Text(verdict.result, style=style),
        Text(f" {verdict.change_label}"),
        Text(f"  sha256:{verdict.subject_digest[:16]}", style="dim"),
        sep="",
    )
    for reason in verdict.reasons:
        console.print(Text("  ✗ ", style="red"), Text(reason), sep="")
    blocking = [j for j in verdict.findings if j.action is Action.BLOCK]
    warnings = [j for j in verdict.findings if j.action is Action.WARN]
    if warnings:
        console.print(f"\nWarnings ({len(warnings)}):")
        for j in warnings:
            f = j.finding
            console.print(
                Text("  ! ", style="yellow"),
                Text(
                    f"{f.path}:{f.line or 1}  {f.tool}:{f.rule_id} [{f.severity.value}] {f.message}"
                ),
                sep="",
            )
    table = Table(title=None, box=None, pad_edge=False, show_header=True, header_style="bold")
    for column in ("check", "status", "findings", "time", "detail"):
        table.add_column(column)
    for c in verdict.checks:
        count = sum(1 for j in verdict.findings if j.finding.tool == c.id)
        table.add_row(
            c.id,
            Text(c.status, style=_STATUS_STYLE.get(c.status, "")),
            str(count) if c.status == "completed" else "-",
            f"{c.duration:.1f}s",
            c.reason or "",
        )
    console.print()
    console.print(table)
    console.print(
        f"\n{len(blocking)} blocking, {len(warnings)} warning(s); "
        f"policy {verdict.policy_uri} (sha256:{verdict.policy_digest[:12]})"
    )
    if verdict.sandbox == "none":
        console.print(Text("the tools ran WITHOUT a sandbox (--unsafe-no-sandbox)", style="red"))
    else:
        on = f", Python {verdict.python} ({verdict.python_reason})" if verdict.python else ""
        console.print(Text(f"the tools ran in the {verdict.sandbox} sandbox{on}", style="dim"))
    for note in verdict.notes:
        console.print(Text(f"note: {note}", style="dim"))
    if keyids:
        console.print(Text(f"signed by key {', '.join(k[:16] for k in keyids)}", style="dim"))
    else:
        console.print(Text("note: this verdict is not signed", style="dim"))
    return console.export_text(styles=color)
