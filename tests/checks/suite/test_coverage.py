"""The coverage check, with the real coverage.py, on the calc fixture, in the sandbox."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from gate.checks.interface import Completed, Errored, Skipped
from gate.checks.protocol import FileLines
from gate.checks.suite.coverage import CoverageCheck, first_lines, measure, pragma_blocks
from gate.pipeline import Request, run

from ...conftest import Repo

SIGN = (
    "\n\ndef sign(x: int) -> int:\n"
    "    if x > 0:\n"
    "        return 1\n"
    "    if x < 0:\n"
    "        return -1\n"
    "    return 0\n"
)
SIGN_TEST = "from calc.ops import sign\n\n\ndef test_sign():\n    assert sign(5) == 1\n"


@pytest.fixture
def run_coverage(run_check):
    return functools.partial(run_check, CoverageCheck())


def half_covered(calc: Repo) -> dict[str, str]:
    """Six new lines, of which the test runs three (def, first if, first return)."""
    ops = (calc.path / "calc/ops.py").read_text()
    return {"calc/ops.py": ops + SIGN, "tests/test_sign.py": SIGN_TEST}


@pytest.mark.docker
def test_the_share_of_changed_lines_is_measured(calc: Repo, run_coverage) -> None:
    outcome = run_coverage(calc, half_covered(calc))
    assert isinstance(outcome, Completed), outcome
    assert outcome.metrics["changed_lines"] == 6
    assert outcome.metrics["changed_lines_percent"] == 50
    (uncovered,) = outcome.findings
    assert uncovered.message == "3 changed line(s) no test runs: 21-23"


@pytest.mark.docker
def test_a_pragma_the_change_adds_takes_no_line_out(calc: Repo, run_coverage) -> None:
    files = half_covered(calc)
    files["calc/ops.py"] = files["calc/ops.py"].replace(
        "    if x < 0:\n", "    if x < 0:  # pragma: no cover\n"
    )
    outcome = run_coverage(calc, files)
    assert isinstance(outcome, Completed), outcome
    assert outcome.metrics["changed_lines_percent"] == 50  # as without the pragma
    (uncovered,) = outcome.findings
    assert uncovered.message == (
        "3 changed line(s) no test runs: 21-23 (2 behind a `# pragma: no cover` the change adds)"
    )


@pytest.mark.docker
def test_the_bases_own_pragma_stands(calc: Repo, run_coverage) -> None:
    ops = (calc.path / "calc/ops.py").read_text()
    calc.commit({"calc/ops.py": ops + "\n\ndef debug():  # pragma: no cover\n    return 1\n"})
    changed = (calc.path / "calc/ops.py").read_text().replace("return 1", "return 2")
    outcome = run_coverage(calc, {"calc/ops.py": changed})
    assert isinstance(outcome, Skipped), outcome  # its one changed line is excluded by the base


def test_the_lines_a_pragma_takes_out() -> None:
    source = (
        "def f(x):  # pragma: no cover\n"
        "    return x\n"
        "\n"
        "y = 1  # pragma: no cover\n"
        "z = '# pragma: no cover'\n"
        "w = 2  # pragma: no cover\n"
    )
    # Only on the change's lines (6 is the base's), never in a string (5).
    assert pragma_blocks(source, frozenset({1, 2, 4, 5})) == {1, 2, 4}


@pytest.mark.docker
@pytest.mark.parametrize(("threshold", "result"), [(80, "FAILED"), (40, "PASSED")])
def test_the_policy_threshold_decides(
    calc: Repo, tmp_path: Path, threshold: int, result: str
) -> None:
    calc.write(half_covered(calc))
    policy = tmp_path / "policy.toml"
    policy.write_text(f"[coverage]\nthreshold = {threshold}\n")
    verdict = run(Request(calc.path, only=("coverage",), policy_file=policy)).verdict
    assert verdict.result == result
    if result == "FAILED":
        assert verdict.reasons == (
            "condition coverage.changed_lines_percent >= 80 not met: changed_lines_percent is 50",
        )


@pytest.mark.docker
def test_a_script_outside_any_package_is_measured(calc: Repo, run_coverage) -> None:
    outcome = run_coverage(calc, {"scripts/tool.py": "def main() -> None:\n    print(1)\n"})
    assert isinstance(outcome, Completed), outcome
    assert outcome.metrics["changed_lines_percent"] == 0


@pytest.mark.docker
def test_a_file_the_base_settings_omit_is_left_out(calc: Repo, run_coverage) -> None:
    calc.commit({".coveragerc": "[run]\nomit = calc/ops.py\n"})
    ops = (calc.path / "calc/ops.py").read_text()
    outcome = run_coverage(calc, {"calc/ops.py": ops + SIGN})
    assert isinstance(outcome, Skipped)
    assert "omitted by the base's coverage settings" in outcome.reason


def test_a_file_without_data_errs() -> None:
    outcome = measure({"calc/ops.py": frozenset({3})}, {}, b"")
    assert isinstance(outcome, Errored)
    assert "no coverage data for changed file(s) calc/ops.py" in outcome.reason


def test_continuation_lines_count_as_their_statement() -> None:
    source = "x = call(\n    1,\n    2,\n)\nif (a and\n        b):\n    pass\n"
    assert first_lines(source, frozenset({2, 3, 6, 7})) == {1, 5, 7}


@pytest.mark.docker
def test_a_change_to_tests_only_is_skipped(calc: Repo, run_coverage) -> None:
    outcome = run_coverage(calc, {"tests/test_sign.py": "def test_x():\n    pass\n"})
    assert isinstance(outcome, Skipped)
    assert "no changed lines of code" in outcome.reason


def test_no_coverable_lines_is_not_full_coverage() -> None:
    data = {"calc/ops.py": FileLines(executed=(1,), missing=())}
    outcome = measure({"calc/ops.py": frozenset({3, 4})}, data, b"")
    assert isinstance(outcome, Skipped)
    assert "no coverable lines" in outcome.reason
