"""SARIF 2.1.0, validated against the official schema where the shared copy is present."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from gate.findings import Finding, Severity
from gate.formats import sarif
from gate.policy.interface import Judged
from gate.policy.model import Action
from gate.verdict import CheckResult

from ..test_verdict import make_verdict

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def a_verdict():
    warn = Finding("tests", "not-run", Severity.HIGH, None, "tests/t.py", None, None,
                   "required test was skipped | really", "e" * 32)  # fmt: skip
    errored = CheckResult("coverage", "errored", "no data", 0.1, "7.6", {}, None)
    base = make_verdict()
    return dataclasses.replace(
        base,
        findings=(*base.findings, Judged(warn, Action.WARN, "waived")),
        checks=(*base.checks, errored),
    )


def test_results_rules_and_locations() -> None:
    log = json.loads(sarif.render(a_verdict(), keyids=["k" * 64]))
    (run,) = log["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["bandit:B602", "tests:not-run"]
    shell, skipped = run["results"]
    assert shell["level"] == "error"
    assert shell["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.py", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "endLine": 3},
    }
    assert shell["partialFingerprints"] == {"mergegate/v1": "f" * 32}
    assert "external/cwe/cwe-78" in run["tool"]["driver"]["rules"][0]["properties"]["tags"]
    assert skipped["level"] == "warning"
    assert "region" not in skipped["locations"][0]["physicalLocation"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["properties"]["verdict"] == "FAILED"


def test_the_log_is_valid_sarif() -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"the shared SARIF 2.1.0 schema is not at {SCHEMA}")
    import jsonschema

    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.validate(json.loads(sarif.render(a_verdict())), schema)
    jsonschema.validate(json.loads(sarif.render(make_verdict("PASSED"))), schema)
