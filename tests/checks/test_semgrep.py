"""The semgrep check, with the real semgrep and the shipped rule pack, in the sandbox."""

from __future__ import annotations

import functools

import pytest

from gate.checks.interface import Completed, Skipped
from gate.checks.scanned import Targets
from gate.checks.semgrep import SemgrepCheck, _cwe, _findings, _rule_id

from ..conftest import Repo

SHELL = """import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args["host"]
    return subprocess.check_output("ping -c 1 " + host, shell=True)
"""


@pytest.fixture
def run_semgrep(run_check):
    return functools.partial(run_check, SemgrepCheck())


@pytest.mark.docker
def test_request_data_into_a_shell_is_found(repo: Repo, run_semgrep) -> None:
    outcome = run_semgrep(repo, {"app/web.py": SHELL})
    assert isinstance(outcome, Completed), outcome
    found = [f for f in outcome.findings if f.cwe == 78]
    assert found, outcome.findings
    assert all(f.path == "app/web.py" and f.rule_id.startswith("mergegate.") for f in found)
    assert any(f.line == 11 for f in found)
    assert outcome.metrics["rules"] >= 40
    # semgrep's open engine names only the sink of a taint rule: the message adds the source
    taint = [f for f in found if f.rule_id == "mergegate.command-injection"]
    assert taint and all(
        f.message.endswith('The data comes from `request.args["host"]`.') for f in taint
    ), taint


@pytest.mark.docker
def test_nosemgrep_does_not_hide_it(repo: Repo, run_semgrep) -> None:
    hidden = SHELL.replace("shell=True)", "shell=True)  # nosemgrep")
    outcome = run_semgrep(repo, {"app/web.py": hidden})
    assert isinstance(outcome, Completed)
    assert any(f.cwe == 78 for f in outcome.findings)


@pytest.mark.docker
def test_existing_findings_are_not_new(repo: Repo, run_semgrep) -> None:
    repo.commit({"app/web.py": SHELL})
    moved = SHELL.replace("app = Flask(__name__)\n", 'app = Flask(__name__)\nVERSION = "1"\n')
    outcome = run_semgrep(repo, {"app/web.py": moved})
    assert isinstance(outcome, Completed)
    assert outcome.findings == ()


def test_a_report_that_misses_a_target_or_has_errors_fails_closed(tmp_path) -> None:
    targets = Targets(tmp_path, {"head/a.py": ("head", "a.py"), "base/a.py": ("base", "a.py")})
    report = {"errors": [], "paths": {"scanned": ["head/a.py"]}, "results": []}
    assert _findings(report, targets) == "semgrep did not read base/a.py"
    report["paths"]["scanned"].append("base/a.py")
    assert _findings(report, targets) == {"head": [], "base": []}
    report["errors"] = [{"level": "error", "message": "Invalid rule schema\n  at rules[0]"}]
    assert _findings(report, targets) == "semgrep failed: Invalid rule schema at rules[0]"
    # Its first line alone says nothing: the reason follows.
    killed = "Error while running rules: \n\n   The engine was killed.\n\n   The most common..."
    report["errors"] = [{"level": "error", "message": killed}]
    assert _findings(report, targets) == (
        "semgrep failed: Error while running rules: The engine was killed."
    )
    # A rule that ran out of time on a file left it half scanned, whatever the level says.
    timeout = {"level": "warn", "type": "Timeout", "message": "Timeout when running x on a.py"}
    report["errors"] = [timeout]
    assert _findings(report, targets) == "semgrep failed: Timeout when running x on a.py"
    report["errors"] = [{"level": "warn", "type": ["PartialParsing", []], "message": "p"}]
    assert _findings(report, targets) == {"head": [], "base": []}


@pytest.mark.docker
def test_no_python_files_is_skipped(repo: Repo, run_semgrep) -> None:
    assert isinstance(run_semgrep(repo, {"docs/x.md": "hi\n"}), Skipped)


def test_ids_and_cwes() -> None:
    assert _rule_id("requests.semgrep-rules.mergegate.flask-sqli") == "mergegate.flask-sqli"
    assert _cwe(["CWE-89: Improper Neutralization"]) == 89
    assert _cwe(None) is None
