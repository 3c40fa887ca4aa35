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


def test_one_run_per_check_with_its_own_category() -> None:
    log = json.loads(sarif.render(a_verdict(), keyids=["k" * 64]))
    runs = {run["automationDetails"]["id"]: run for run in log["runs"]}
    # every check that ran has a run (so code scanning closes its old alerts when it
    # finds nothing), then the tools with findings but no check of their own
    assert list(runs) == ["mergegate/bandit/", "mergegate/rules/", "mergegate/coverage/",
                          "mergegate/tests/"]  # fmt: skip
    bandit = runs["mergegate/bandit/"]
    assert [r["id"] for r in bandit["tool"]["driver"]["rules"]] == ["bandit:B602"]
    (shell,) = bandit["results"]
    assert shell["level"] == "error"
    assert shell["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a.py", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "endLine": 3},
    }
    assert shell["partialFingerprints"] == {"mergegate/v1": "f" * 32}
    assert "external/cwe/cwe-78" in bandit["tool"]["driver"]["rules"][0]["properties"]["tags"]
    assert bandit["invocations"][0]["executionSuccessful"] is True
    assert bandit["properties"]["verdict"] == "FAILED"
    assert runs["mergegate/rules/"]["results"] == []
    (skipped,) = runs["mergegate/tests/"]["results"]
    assert skipped["level"] == "warning"
    assert "region" not in skipped["locations"][0]["physicalLocation"]
    assert runs["mergegate/tests/"]["properties"]["status"] == "not run"
    assert runs["mergegate/coverage/"]["invocations"][0]["executionSuccessful"] is False


def many(count: int, tool: str = "semgrep") -> tuple[Judged, ...]:
    return tuple(
        Judged(
            Finding(tool, f"r{i % 7}", Severity.LOW if i % 2 else Severity.HIGH, None,
                    f"src/m{i}.py", i + 1, i + 1, f"finding {i} " + "x" * 80, f"{i:032x}"),
            Action.WARN if i % 3 else Action.BLOCK,
            "severity",
        )
        for i in range(count)
    )  # fmt: skip


def test_a_run_keeps_github_s_5000_results_blocking_and_severe_first() -> None:
    verdict = dataclasses.replace(a_verdict(), findings=many(6000))
    log = json.loads(sarif.render(verdict))
    (run,) = [r for r in log["runs"] if r["automationDetails"]["id"] == "mergegate/semgrep/"]
    assert len(run["results"]) == sarif.MAX_RESULTS
    assert run["properties"]["resultsLeftOut"] == 1000
    levels = [r["level"] for r in run["results"]]
    assert levels == sorted(levels)  # every "error" (blocking) before any "warning"
    assert levels.count("error") == 2000


def test_the_log_is_valid_sarif() -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"the shared SARIF 2.1.0 schema is not at {SCHEMA}")
    import jsonschema

    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.validate(json.loads(sarif.render(a_verdict())), schema)
    jsonschema.validate(json.loads(sarif.render(make_verdict("PASSED"))), schema)
