from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from gate import catalogue

ROOT = Path(__file__).resolve().parent.parent


def test_catalogue_lists_every_tool_with_unique_ids() -> None:
    entries = catalogue.entries()
    tools = {e.tool for e in entries}
    assert tools == {"rules", "semgrep", "bandit"}
    assert len({(e.tool, e.id) for e in entries}) == len(entries)
    assert sum(e.tool == "rules" for e in entries) >= 30
    assert sum(e.tool == "semgrep" for e in entries) >= 40
    assert all(e.summary for e in entries)


def test_rule_reference_is_generated_and_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text() == catalogue.markdown(), (
        "docs/rules.md is stale: regenerate it with `gate rules --markdown > docs/rules.md`"
    )


def test_gate_rules_json() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gate", "rules", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = json.loads(done.stdout)
    assert {"id", "tool", "severity", "cwe", "summary"} <= set(rows[0])
    assert any(r["id"] == "GATE102" and r["cwe"] == 78 for r in rows)
