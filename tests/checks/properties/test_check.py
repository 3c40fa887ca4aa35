"""The properties check, with the real hypothesis and its ghostwriter, in the sandbox."""

from __future__ import annotations

import functools

import pytest

from gate.checks.interface import Completed
from gate.checks.properties.check import PropertiesCheck, generated_finding
from gate.checks.protocol import PropertyFailure

from ...conftest import Repo

MEAN_GUARD = '    if not values:\n        raise ValueError("the mean of no values")\n'


@pytest.fixture
def run_properties(run_check):
    return functools.partial(run_check, PropertiesCheck())


def findings(outcome) -> dict[str, list[str]]:
    assert isinstance(outcome, Completed), outcome
    out: dict[str, list[str]] = {}
    for f in outcome.findings:
        out.setdefault(f.rule_id, []).append(f.message)
    return out


def ops(calc: Repo) -> str:
    return (calc.path / "calc/ops.py").read_text()


@pytest.mark.docker
def test_a_crash_on_a_typed_input_is_caught_with_the_shrunk_example(
    calc: Repo, run_properties
) -> None:
    outcome = run_properties(calc, {"calc/ops.py": ops(calc).replace(MEAN_GUARD, "")})
    found = findings(outcome)
    (crash,) = found["crash"]
    assert crash.startswith("calc.ops.mean raises ZeroDivisionError (fuzz property)")
    assert crash.endswith("test_fuzz_mean(values=[])")
    assert outcome.metrics["seed"] > 0


@pytest.mark.docker
def test_the_same_change_gets_the_same_seed_and_result(calc: Repo, run_properties) -> None:
    change = {"calc/ops.py": ops(calc).replace(MEAN_GUARD, "")}
    first, second = run_properties(calc, change), run_properties(calc, change)
    assert first.metrics["seed"] == second.metrics["seed"]
    assert first.findings == second.findings


@pytest.mark.docker
def test_a_new_function_gets_properties(calc: Repo, run_properties) -> None:
    new = ops(calc) + "\n\ndef first(items: list[int]) -> int:\n    return items[0]\n"
    assert findings(run_properties(calc, {"calc/ops.py": new}))["crash"] == [
        "calc.ops.first raises IndexError (fuzz property): list index out of range; "
        "Failing test case: test_fuzz_first(items=[])"
    ]


@pytest.mark.docker
def test_input_validation_is_reported_not_blocking(calc: Repo, run_properties) -> None:
    new = ops(calc) + (
        "\n\ndef ratio(a: int, b: int) -> float:\n"
        "    if b == 0:\n        raise ValueError('b must not be zero')\n    return a / b\n"
    )
    found = findings(run_properties(calc, {"calc/ops.py": new}))
    assert "crash" not in found
    assert found["rejected-input"][0].startswith("calc.ops.ratio raises ValueError")


@pytest.mark.docker
def test_a_changed_behaviour_is_found_by_the_differential(calc: Repo, run_properties) -> None:
    new = ops(calc).replace("return max(low, min(value, high))", "return min(value, high)")
    (changed,) = findings(run_properties(calc, {"calc/ops.py": new}))["behaviour-changed"]
    assert changed.startswith("calc.ops.clamp behaves differently from its base form")


@pytest.mark.docker
def test_idempotence_is_checked_where_the_name_suggests_it(calc: Repo, run_properties) -> None:
    new = ops(calc) + "\n\ndef normalize(text: str) -> str:\n    return text.strip() + '!'\n"
    found = findings(run_properties(calc, {"calc/ops.py": new}))
    assert any("(idempotent property)" in m for m in found["crash"])


@pytest.mark.docker
def test_the_repositorys_hypothesis_test_runs_with_the_policy_seed(
    calc: Repo, run_properties
) -> None:
    new = ops(calc).replace("return a + b", "return a + b if a < 1000 else b - a")
    found = findings(run_properties(calc, {"calc/ops.py": new}))
    (failed,) = found["failed"]
    assert failed.startswith("tests/test_properties.py::test_add_commutes fails")
    assert "Failing test case: test_add_commutes(a=" in failed


@pytest.mark.docker
def test_untyped_functions_are_left_alone(calc: Repo, run_properties) -> None:
    new = ops(calc) + "\n\ndef first(items):\n    return items[0]\n"
    assert findings(run_properties(calc, {"calc/ops.py": new})) == {}


def test_timeouts_are_crashes_and_validation_is_not() -> None:
    base = {"path": "m.py", "line": 1, "function": "m.f", "property": "fuzz", "message": ""}

    def rule(error: str) -> str:
        return generated_finding(PropertyFailure(**base, error=error)).rule_id

    assert rule("Timeout") == "crash"
    assert rule("TypeError") == "rejected-input"
    assert rule("OSError") == "exception"


@pytest.mark.docker
def test_the_verdict_names_the_crash_and_its_example(calc: Repo) -> None:
    from gate.pipeline import Request, run

    calc.write({"calc/ops.py": ops(calc).replace(MEAN_GUARD, "")})
    verdict = run(Request(calc.path, only=("properties",))).verdict
    assert verdict.result == "FAILED"
    (reason,) = verdict.reasons
    assert reason.startswith("calc/ops.py:8: properties:crash calc.ops.mean raises")
    assert reason.endswith("test_fuzz_mean(values=[])")
    (record,) = verdict.checks
    assert record.metrics["seed"] > 0


@pytest.mark.docker
def test_a_function_that_cannot_be_read_is_a_note_not_an_error(calc: Repo, run_properties) -> None:
    new = ops(calc).replace('"""Arithmetic helpers."""', '"""Arithmetic helpers."""\n\n'
        'from __future__ import annotations\n\nfrom typing import TYPE_CHECKING\n\n'
        'if TYPE_CHECKING:\n    from decimal import Decimal\n') + (
        "\n\ndef half(x: Decimal) -> Decimal:\n    return x / 2\n"
    )  # fmt: skip
    outcome = run_properties(calc, {"calc/ops.py": new})
    assert isinstance(outcome, Completed), outcome
    assert outcome.metrics["untestable"] >= 1


@pytest.mark.docker
def test_a_project_that_cannot_be_installed_is_said_so(calc: Repo, run_properties) -> None:
    # The build backend is nowhere: the properties still run from the tree, with a note.
    pyproject = (calc.path / "pyproject.toml").read_text()
    backend = '[build-system]\nrequires = []\nbuild-backend = "calc_build_backend"\n\n'
    calc.commit({"pyproject.toml": backend + pyproject})
    outcome = run_properties(calc, {"calc/ops.py": ops(calc).replace(MEAN_GUARD, "")})
    found = findings(outcome)
    assert found["crash"]
    (note,) = found["environment"]
    assert note.startswith("the project could not be installed")
    assert "calc_build_backend is missing" in note
