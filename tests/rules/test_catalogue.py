"""Every rule's VALID and INVALID examples, as tests."""

from __future__ import annotations

import pytest

from gate.rules.catalogue import RULES
from gate.rules.interface import Rule
from gate.rules.testing import as_example, run_example

VALID = [(rule, ex) for rule in RULES for ex in rule.VALID]
INVALID = [(rule, ex) for rule in RULES for ex in rule.INVALID]


def _id(value: object) -> str:
    if isinstance(value, type):
        return value.ID  # type: ignore[attr-defined]
    example = as_example(value)  # type: ignore[arg-type]
    return (example.code.splitlines() or [f"{example.path} deleted"])[0][:40]


@pytest.mark.parametrize(("rule", "example"), VALID, ids=_id)
def test_valid_example_is_not_reported(rule: type[Rule], example: object) -> None:
    assert run_example(rule, example) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(("rule", "example"), INVALID, ids=_id)
def test_invalid_example_is_reported(rule: type[Rule], example: object) -> None:
    findings = run_example(rule, example)  # type: ignore[arg-type]
    assert findings, f"{rule.ID} missed: {as_example(example).code!r}"  # type: ignore[arg-type]
    assert all(f.severity == rule.SEVERITY and f.cwe == rule.CWE for f in findings)


def test_every_rule_is_documented_and_exemplified() -> None:
    ids = [rule.ID for rule in RULES]
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    for rule in RULES:
        assert rule.ID.startswith("GATE")
        assert len(rule.ID) == 7
        assert rule.doc() != rule.MESSAGE, f"{rule.ID} needs a docstring"
        assert rule.VALID, f"{rule.ID} needs VALID examples"
        assert rule.INVALID, f"{rule.ID} needs INVALID examples"
