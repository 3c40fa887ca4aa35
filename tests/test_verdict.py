from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

from gate.authorship import Signal
from gate.findings import Finding, Severity
from gate.policy.interface import Judged
from gate.policy.model import Action
from gate.verdict import CheckResult, Verdict, canonical_json, levels

GROUPS = {"security": ("rules", "bandit"), "static": ("rules", "bandit", "mypy")}


def make_verdict(result: str = "FAILED") -> Verdict:
    finding = Finding("bandit", "B602", Severity.HIGH, 78, "a.py", 3, 3, "shell", "f" * 32)
    return Verdict(
        result=result,
        subject_digest="a" * 64,
        head_commit="b" * 40,
        change_label="main..x",
        files=("a.py",),
        resource_uri="git+https://example.invalid/r@" + "b" * 40,
        policy_uri="pkg:pypi/mergegate@0.1.0#policies/default.toml",
        policy_digest="c" * 64,
        time_verified=datetime(2026, 11, 25, 13, 0, 5, tzinfo=UTC),
        versions={"mergegate": "0.1.0", "bandit": "1.9"},
        levels=("FAILED",),
        checks=(
            CheckResult("bandit", "completed", None, 0.25, "1.9", {"files": 1.0}, "d" * 64),
            CheckResult("rules", "skipped", "nothing", 0.0, "0.1.0", {}, None),
        ),
        findings=(Judged(finding, Action.BLOCK, "severity"),),
        reasons=("a.py:3: bandit:B602 shell",),
        notes=(),
        sandbox="docker",
    )


def test_statement_is_an_in_toto_vsa() -> None:
    s = make_verdict().statement()
    assert s["_type"] == "https://in-toto.io/Statement/v1"
    assert s["predicateType"] == "https://slsa.dev/verification_summary/v1"
    assert s["subject"] == [
        {"name": "change.diff", "digest": {"sha256": "a" * 64}},
        {"name": "commit", "digest": {"gitCommit": "b" * 40}},
    ]
    p = s["predicate"]
    assert p["timeVerified"] == "2026-11-25T13:00:05Z"
    assert p["policy"]["digest"] == {"sha256": "c" * 64}
    assert p["inputAttestations"] == [{"uri": "checks/bandit.out", "digest": {"sha256": "d" * 64}}]
    assert p["verificationResult"] == "FAILED"
    finding = p["findings"][0]
    assert {
        k: finding[k]
        for k in ("tool", "rule_id", "severity", "cwe", "path", "line", "end_line", "action")
    } == {
        "tool": "bandit",
        "rule_id": "B602",
        "severity": "high",
        "cwe": 78,
        "path": "a.py",
        "line": 3,
        "end_line": 3,
        "action": "block",
    }


def test_round_trip_through_json() -> None:
    verdict = make_verdict()
    again = Verdict.from_statement(json.loads(canonical_json(verdict.statement())))
    assert again == verdict


def test_levels() -> None:
    assert levels("FAILED", ["rules"], ["rules"], GROUPS) == ("FAILED",)
    assert levels("PASSED", ["rules", "bandit"], ["rules", "bandit"], GROUPS) == (
        "MERGEGATE_POLICY_COMPLETE",
        "MERGEGATE_SECURITY",
    )
    assert levels("PASSED", ["rules"], ["rules", "bandit"], GROUPS) == ()


def test_canonical_json_is_sorted_and_compact() -> None:
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'.encode()


def test_the_signs_of_ai_authorship_round_trip() -> None:
    signals = (
        Signal("author", "Copilot", "the pull request's author"),
        Signal("co-author", "Claude <noreply@anthropic.com>", "commit 0123456789ab"),
    )
    verdict = dataclasses.replace(make_verdict(), ai_signals=signals)
    authorship = verdict.statement()["predicate"]["authorship"]
    assert authorship["ai"] is True
    assert authorship["signals"][1] == {
        "kind": "co-author",
        "value": "Claude <noreply@anthropic.com>",
        "where": "commit 0123456789ab",
    }
    assert Verdict.from_statement(verdict.statement()) == verdict
    older = make_verdict()  # a verdict from before the gate looked for signs
    assert "authorship" not in older.statement()["predicate"]
    assert Verdict.from_statement(older.statement()).ai_signals is None


def test_statement_matches_the_shipped_schema() -> None:
    import jsonschema

    from gate.resources import resource

    schema = json.loads(resource("reports", "verdict.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(make_verdict().statement())
    signals = (Signal("label", "ai-generated", "the pull request's labels"),)
    validator.validate(dataclasses.replace(make_verdict(), ai_signals=signals).statement())
    validator.validate(dataclasses.replace(make_verdict(), ai_signals=()).statement())
    broken = make_verdict().statement()
    broken["predicate"]["verificationResult"] = "MAYBE"
    assert not validator.is_valid(broken)
