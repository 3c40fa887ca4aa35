"""The HTML report, rendered by a real headless browser (Debian's chromium)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gate.findings import Finding, Severity
from gate.formats import html
from gate.policy.interface import Judged
from gate.policy.model import Action

from ..test_verdict import make_verdict

HOSTILE = "<script>document.title='owned'</script><img src=x onerror=alert(1)>"


def hostile_verdict():
    odd = Finding("rules", "GATE999", Severity.LOW, None, "a<b>.py", 1, 1, HOSTILE, "0" * 32)
    base = make_verdict()
    return dataclasses.replace(base, findings=(*base.findings, Judged(odd, Action.WARN, "r")))


def browser() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("GATE_REQUIRE_BROWSER"):
            pytest.fail("no chromium, and the test command requires the browser tests")
        pytest.skip("no chromium: the browser test of the HTML report is skipped")
    return found


def dump_dom(page: Path, *extra: str) -> str:
    done = subprocess.run(
        [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={page.parent / 'profile'}", *extra, "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_every_value_is_escaped() -> None:
    out = html.render(hostile_verdict(), keyids=["k" * 64])
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert "kkkk" in out


def test_the_browser_renders_the_verdict_and_runs_nothing(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html.render(hostile_verdict(), keyids=["k" * 64]), "utf-8")
    dom = dump_dom(page)
    assert '<span class="FAILED" id="verdict">FAILED</span>' in dom
    assert dom.count('<tr class="finding">') == 2
    assert dom.count('<tr class="check">') == 2
    assert "<title>mergegate: FAILED main..x</title>" in dom  # the script did not run
    assert "<script" not in dom and "<img" not in dom
    screenshot = tmp_path / "report.png"
    subprocess.run(
        [browser(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={screenshot}",
         "--window-size=1200,900", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert screenshot.stat().st_size > 10_000  # a page was drawn, not a blank
