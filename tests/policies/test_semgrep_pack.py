"""mergegate's semgrep rule pack (policies/semgrep): its own tests pass, every rule
carries the metadata the gate reads, and every rule is exercised by a test case."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "policies" / "semgrep"
SEMGREP = Path(sys.executable).with_name("semgrep")

SEVERITY_LEVEL = {"critical": "ERROR", "high": "ERROR", "medium": "WARNING", "low": "INFO"}
CWE = re.compile(r"^CWE-\d+: \S")
OWASP = re.compile(r"^A(0[1-9]|10):2021 - \S")
OWN_SOURCES = {
    "mergegate.exception-exposed",
    "mergegate.nosql-injection",
    "mergegate.header-injection",
    "mergegate.ssrf-path",
    "mergegate.secret-logged",
    "mergegate.password-fast-hash",
    "mergegate.insecure-random-cookie",
}
"""Taint rules with sources of their own: a caught exception's text, a query document the
client shapes, what a raw HTTP or WSGI server hands its handler, a URL of a fixed host that
request data extends, a value named as a secret or a password, what the random module
makes."""
ANNOTATION = re.compile(r"^\s*#\s*(ruleid|ok):\s*(.+)$")


def _pack_files() -> list[Path]:
    return sorted(PACK.glob("*.yaml"))


def _documents() -> dict[str, dict[str, Any]]:
    return {path.name: yaml.safe_load(path.read_text("utf-8")) for path in _pack_files()}


def _rules() -> list[dict[str, Any]]:
    return [rule for doc in _documents().values() for rule in doc["rules"]]


def _annotations(kind: str) -> set[str]:
    """Rule ids named in ``# ruleid:`` (or ``# ok:``) lines of the pack's test files."""
    ids: set[str] = set()
    for path in sorted(PACK.glob("*.py")):
        for line in path.read_text("utf-8").splitlines():
            match = ANNOTATION.match(line)
            if match and match.group(1) == kind:
                ids.update(part.strip() for part in match.group(2).split(","))
    return ids


@pytest.mark.slow
def test_semgrep_test_run_passes() -> None:
    assert SEMGREP.exists(), f"semgrep is not installed next to {sys.executable}"
    env = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0"}
    done = subprocess.run(
        [str(SEMGREP), "--test", "--disable-version-check", "--metrics=off", "policies/semgrep"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    summary = re.search(r"(\d+)/(\d+): ✓ All tests passed", output)
    assert summary, output
    passed, total = int(summary.group(1)), int(summary.group(2))
    assert passed == total == len(_rules()), output


def test_every_rule_has_an_id_message_and_metadata() -> None:
    rules = _rules()
    assert len(rules) >= 40
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for rule in rules:
        rule_id = rule["id"]
        assert rule_id.startswith("mergegate."), rule_id
        assert rule["languages"] == ["python"], rule_id
        assert isinstance(rule.get("message"), str), rule_id
        assert len(rule["message"].split()) >= 10, rule_id
        meta = rule.get("metadata") or {}
        assert meta.get("category") == "security", rule_id
        assert meta.get("confidence") in {"HIGH", "MEDIUM", "LOW"}, rule_id
        level = meta.get("mergegate-severity")
        assert level in SEVERITY_LEVEL, rule_id
        assert rule["severity"] == SEVERITY_LEVEL[level], rule_id
        cwe, owasp = meta.get("cwe"), meta.get("owasp")
        assert isinstance(cwe, list) and cwe, rule_id
        assert all(CWE.match(entry) for entry in cwe), (rule_id, cwe)
        assert isinstance(owasp, list) and owasp, rule_id
        assert all(OWASP.match(entry) for entry in owasp), (rule_id, owasp)
        if rule.get("mode") == "taint":
            assert rule.get("pattern-sources") and rule.get("pattern-sinks"), rule_id


def test_the_request_sources_are_the_same_in_every_file() -> None:
    """The taint sources are repeated per file (YAML anchors stay inside one file)."""
    blocks = {
        name: doc["x-request-sources"]
        for name, doc in _documents().items()
        if "x-request-sources" in doc
    }
    assert len(blocks) >= 2
    first = next(iter(blocks.values()))
    assert all(block == first for block in blocks.values()), sorted(blocks)
    for rule in _rules():
        if rule.get("mode") == "taint" and rule["id"] not in OWN_SOURCES:
            assert rule["pattern-sources"] == first, rule["id"]


def test_the_constrained_values_are_the_same_in_every_file_and_every_taint_rule() -> None:
    """Typed route parameters and names checked against literals sanitise every rule
    that takes the request sources, with the same block in each file."""
    documents = [doc for doc in _documents().values() if "x-request-sources" in doc]
    blocks = [doc["x-constrained-values"] for doc in documents]
    assert len(blocks) >= 2 and all(block == blocks[0] for block in blocks)
    for rule in _rules():
        if rule.get("pattern-sources") == documents[0]["x-request-sources"]:
            assert blocks[0] in rule.get("pattern-sanitizers", []), rule["id"]


def test_every_rule_is_exercised_by_the_test_files() -> None:
    for path in _pack_files():
        assert path.with_suffix(".py").is_file(), f"{path.name} has no test file"
    ids = {rule["id"] for rule in _rules()}
    ruleid = _annotations("ruleid")
    assert ids - ruleid == set(), "rules without a '# ruleid:' case"
    assert ids - _annotations("ok") == set(), "rules without an '# ok:' case"
    assert ruleid - ids == set(), "annotations that name no rule"
