"""Markdown for pull-request comments and job summaries."""

from __future__ import annotations

import dataclasses
import re

from gate.findings import Finding, Severity
from gate.formats import markdown
from gate.policy.interface import Judged
from gate.policy.model import Action

from ..test_verdict import make_verdict


def test_the_first_line_names_the_verdict() -> None:
    assert markdown.render(make_verdict()).splitlines()[0] == "## ❌ mergegate: FAILED"
    assert markdown.render(make_verdict("PASSED")).splitlines()[0] == "## ✅ mergegate: PASSED"


def test_findings_and_checks_are_tables_that_cannot_be_broken() -> None:
    odd = Finding("rules", "GATE999", Severity.LOW, None, "a|b.py", 1, 1,
                  "a | pipe\nand <script>", "0" * 32)  # fmt: skip
    verdict = dataclasses.replace(
        make_verdict(), findings=(*make_verdict().findings, Judged(odd, Action.WARN, "r"))
    )
    out = markdown.render(verdict, keyids=["k" * 64])
    assert "**Blocking (1)**" in out and "**Warnings (1)**" in out
    assert "| `a.py:3` | `bandit:B602` | high | shell |" in out
    assert "a \\| pipe and &lt;script&gt;" in out
    assert "| bandit | completed | 0.2s |  |" in out
    assert "Signed by key `kkkkkkkkkkkkkkkk`." in out


def test_a_size_limit_leaves_findings_out_and_counts_them() -> None:
    from .test_sarif import many

    verdict = dataclasses.replace(make_verdict(), findings=many(5000))
    whole = markdown.render(verdict)
    assert len(whole.encode()) > 200_000
    cut = markdown.render(verdict, max_bytes=200_000)
    assert len(cut.encode()) <= 200_000
    assert cut.startswith("## ❌ mergegate: FAILED")
    assert "more left out" in cut
    shown = cut.count("| `src/m")
    left = sum(int(n) for n in re.findall(r"_(\d+) more left out", cut))
    assert shown + left == 5000 and shown > 1000
    assert "| check | status |" in cut  # the checks table is never cut
