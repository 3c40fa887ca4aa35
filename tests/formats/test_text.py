from __future__ import annotations

from gate.formats import json as json_format
from gate.formats import text

from ..test_verdict import make_verdict


def test_text_names_the_verdict_reasons_and_checks() -> None:
    out = text.render(make_verdict())
    assert out.startswith("FAILED main..x")
    assert "a.py:3: bandit:B602 shell" in out
    assert "bandit" in out and "completed" in out and "skipped" in out
    assert "not signed" in out
    assert "\x1b[" not in out


def test_color_only_when_asked() -> None:
    assert "\x1b[" in text.render(make_verdict(), color=True)


def test_json_is_the_statement() -> None:
    import json

    verdict = make_verdict("PASSED")
    assert json.loads(json_format.render(verdict)) == verdict.statement()
