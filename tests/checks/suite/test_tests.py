"""The tests check, with the real pytest, on the calc fixture, in the sandbox."""

from __future__ import annotations

import functools

import pytest

from gate.checks.interface import Completed, Errored, Skipped
from gate.checks.protocol import Case, GuardRecord, RunName, RunResult, SuiteResult
from gate.checks.suite.tests import TestsCheck, cases_of, judge, tampered, tampering

from ...conftest import Repo

pytestmark = pytest.mark.docker

FORCE_PASS = (
    "import pytest\n\n\n@pytest.hookimpl(hookwrapper=True)\n"
    "def pytest_runtest_makereport(item, call):\n"
    "    outcome = yield\n    outcome.get_result().outcome = 'passed'\n"
)


@pytest.fixture
def run_tests(run_check):
    return functools.partial(run_check, TestsCheck())


def edit(repo: Repo, **edits):
    """The repository's files with ``edits`` (path with / as __) applied to their text."""
    out = {}
    for key, fn in edits.items():
        path = key.replace("__", "/") + ".py"
        out[path] = fn((repo.path / path).read_text())
    return out


NOTES = ("not-required", "environment")


def found(outcome) -> set[tuple[str, str]]:
    """The findings (rule, test id), notes aside."""
    assert isinstance(outcome, Completed), outcome
    return {
        (f.rule_id, f.message.split(" ", 1)[0]) for f in outcome.findings if f.rule_id not in NOTES
    }


def broken(repo: Repo) -> dict[str, str]:
    return edit(repo, calc__ops=lambda s: s.replace("return a + b", "return a - b"))


FORGE = (
    "import os, sys\n\n"
    "FORGED = b'{\"runs\": {}}\\ntests/test_ops.py::test_add PASSED\\n'\n\n\n"
    "def test_forge():\n"
    "    print('tests/test_ops.py::test_add PASSED')\n"
    "    sys.__stdout__.write('=== 4 passed in 0.01s ===\\n')\n"
    "    for pid in os.listdir('/proc'):\n"
    "        if pid.isdigit():\n"
    "            for fd in ('1', '2'):\n"
    "                try:\n"
    "                    with open(f'/proc/{pid}/fd/{fd}', 'wb') as out:\n"
    "                        out.write(FORGED)\n"
    "                except OSError:\n"
    "                    pass\n"
)


def test_a_green_change_passes(calc: Repo, run_tests) -> None:
    outcome = run_tests(calc, {"calc/ops.py": (calc.path / "calc/ops.py").read_text() + "\n"})
    assert found(outcome) == set()
    assert outcome.metrics["required"] == 4


def test_a_change_that_breaks_a_function_fails(calc: Repo, run_tests) -> None:
    assert found(run_tests(calc, broken(calc))) == {
        ("failed", "tests/test_ops.py::test_add"),
        ("failed", "tests/test_properties.py::test_add_commutes"),
    }


def test_the_shrunk_failing_example_is_in_the_message(calc: Repo, run_tests) -> None:
    outcome = run_tests(calc, broken(calc))
    (prop,) = [f for f in outcome.findings if "commutes" in f.message]
    assert "test_add_commutes(a=0, b=1)" in prop.message


def test_deleting_the_failing_test_still_fails(calc: Repo, run_tests) -> None:
    tests = (calc.path / "tests/test_ops.py").read_text()
    without = tests.replace("def test_add():\n    assert add(2, 3) == 5\n", "")
    outcome = run_tests(calc, {**broken(calc), "tests/test_ops.py": without,
                               "tests/test_properties.py": None})  # fmt: skip
    assert ("failed", "tests/test_ops.py::test_add") in found(outcome)
    assert ("failed", "tests/test_properties.py::test_add_commutes") in found(outcome)


@pytest.mark.parametrize("marker", ["@pytest.mark.skip", "@pytest.mark.xfail"])
def test_skipping_the_failing_test_still_fails(calc: Repo, run_tests, marker: str) -> None:
    tests = (calc.path / "tests/test_ops.py").read_text()
    marked = "import pytest\n" + tests.replace("def test_add", f"{marker}\ndef test_add")
    outcome = run_tests(calc, {**broken(calc), "tests/test_ops.py": marked})
    assert ("failed", "tests/test_ops.py::test_add") in found(outcome)


def test_a_conftest_that_forces_passes_still_fails(calc: Repo, run_tests) -> None:
    forced = {"tests/conftest.py": FORCE_PASS, "conftest.py": FORCE_PASS}
    outcome = run_tests(calc, {**broken(calc), **forced})
    # Failed, not "expectation changed": forcing passes edits no test.
    assert ("failed", "tests/test_ops.py::test_add") in found(outcome)


@pytest.mark.parametrize("kind", ["docker", "bwrap"])
def test_a_test_that_forges_passed_lines_does_not_fool_the_gate(calc: Repo, kind: str) -> None:
    from gate import change as intake
    from gate.checks.interface import CheckContext
    from gate.policy import loader
    from gate.workspace import Workspace

    from ...conftest import open_or_skip

    calc.write({**broken(calc), "tests/test_forge.py": FORGE})
    change = intake.from_worktree(calc.path)
    box = open_or_skip(kind)
    try:
        with Workspace(change) as ws:
            policy = loader.load(calc.path, change.base)
            outcome = TestsCheck().run(CheckContext(change, ws, policy, box))
    finally:
        box.close()
    # Completed (the runner's output was not tampered with) and failing.
    assert ("failed", "tests/test_ops.py::test_add") in found(outcome)


def test_an_edited_expectation_needs_human_approval(calc: Repo, run_tests) -> None:
    assert found(run_tests(calc, expectation_change(calc))) == {
        ("expectation-changed", "tests/test_ops.py::test_add"),
    }


def test_a_new_failing_test_fails(calc: Repo, run_tests) -> None:
    new = "def test_new():\n    assert 1 + 1 == 3\n"
    assert found(run_tests(calc, {"tests/test_new.py": new})) == {
        ("failed", "tests/test_new.py::test_new"),
    }


def test_a_test_already_failing_on_the_base_is_not_the_changes(calc: Repo, run_tests) -> None:
    calc.commit({"tests/test_old.py": "def test_old():\n    assert False\n"})
    ops = (calc.path / "calc/ops.py").read_text()
    outcome = run_tests(calc, {"calc/ops.py": "\n" + ops})
    assert found(outcome) == set()
    (note,) = [f for f in outcome.findings if f.rule_id == "not-required"]
    assert note.path == "tests/test_old.py"
    assert "test_old" in note.message


def test_an_import_error_fails_the_required_tests(calc: Repo, run_tests) -> None:
    outcome = run_tests(calc, {"calc/ops.py": "raise ImportError('gone')\n"})
    # The module that no longer imports is a failure; each test in it was not run.
    assert found(outcome) >= {
        ("failed", "tests/test_ops.py"),
        ("not-run", "tests/test_ops.py::test_add"),
    }


def test_a_repository_without_tests_is_skipped(repo: Repo, run_tests) -> None:
    repo.commit({"tests/test_tool.py": None})
    assert isinstance(run_tests(repo, {"app/x.py": "X = 1\n"}), Skipped)


def test_a_suite_that_hangs_is_killed(calc: Repo, run_tests, monkeypatch) -> None:
    monkeypatch.setenv("GATE_TIMEOUT", "5")
    hang = "import time\n\n\ndef test_hang():\n    time.sleep(60)\n"
    outcome = run_tests(calc, {"tests/test_hang.py": hang})
    assert isinstance(outcome, Errored)
    assert "time limit of 5 s" in outcome.reason


def test_a_report_that_contradicts_the_exit_code_is_not_trusted() -> None:
    passed = Case(id="t::a", file="t.py", line=1, outcome="passed")
    run = RunResult(name="head", exit=1, output="", cases=(passed,))
    assert "contradicts" in cases_of(run, "head")
    usage = RunResult(name="base", exit=4, output="ERROR: usage\nmore", cases=None)
    assert "pytest exited with 4 on the x tree: ERROR: usage" in cases_of(usage, "x")


def test_judge_reports_a_required_test_that_vanished() -> None:
    base = {"t::a": Case(id="t::a", file="t.py", line=1, outcome="passed")}
    (finding,) = judge(base, {}, {}, set())
    assert finding.rule_id == "not-run"


def expectation_change(calc: Repo) -> dict[str, str]:
    return edit(
        calc,
        calc__ops=lambda s: s.replace("return a + b", "return a + b + 1"),
        tests__test_ops=lambda s: s.replace("== 5", "== 6"),
    )


@pytest.mark.parametrize(
    ("policy", "result"),
    [
        ("", "FAILED"),
        ('profile = "relaxed"\n', "PASSED"),
        (
            '[[waivers]]\nrule = "tests:expectation-changed"\npath = "tests/test_ops.py"\n'
            'reason = "add() now counts from one, agreed in review"\nexpires = 2099-01-01\n',
            "PASSED",
        ),
    ],
)
def test_an_expectation_change_blocks_unless_relaxed_or_waived(
    calc: Repo, tmp_path, policy: str, result: str
) -> None:
    from gate.pipeline import Request, run

    calc.write(expectation_change(calc))
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text("version = 1\n" + policy)
    verdict = run(Request(calc.path, only=("tests",), policy_file=policy_file)).verdict
    assert verdict.result == result
    (judged,) = [j for j in verdict.findings if j.finding.tool == "tests"]
    assert "expectation changed, needs human approval" in judged.finding.message


def test_a_pytest_module_in_the_change_cannot_stand_in_for_pytest(calc: Repo, run_tests) -> None:
    fake = (
        "import sys\n\n\ndef main(*args, **kwargs):\n"
        "    for arg in sys.argv:\n"
        "        if arg.startswith('--junitxml='):\n"
        "            open(arg.split('=', 1)[1], 'w').write('<testsuites><testsuite>'\n"
        '                \'<testcase classname="tests.test_ops" name="test_add" '
        'file="tests/test_ops.py" line="3"/></testsuite></testsuites>\')\n'
        "    return 0\n\n\nconsole_main = main\n\n"
        "if __name__ == '__main__':\n    sys.exit(main())\n"
    )
    outcome = run_tests(calc, {**broken(calc), "pytest.py": fake})
    assert ("failed", "tests/test_ops.py::test_add") in found(outcome)


def test_a_conftest_and_a_blank_line_in_the_test_file_change_no_expectation(
    calc: Repo, run_tests
) -> None:
    tests = (calc.path / "tests/test_ops.py").read_text()
    change = {**broken(calc), "tests/conftest.py": FORCE_PASS, "tests/test_ops.py": tests + "\n"}
    assert ("failed", "tests/test_ops.py::test_add") in found(run_tests(calc, change))


def test_test_helpers_and_data_are_restored_for_the_existing_tests(calc: Repo, run_tests) -> None:
    calc.commit({
        "tests/data/expected.txt": "5\n",
        "tests/test_data.py": "from pathlib import Path\n\nfrom calc.ops import add\n\n\n"
        "def test_from_data():\n"
        "    want = int((Path(__file__).parent / 'data/expected.txt').read_text())\n"
        "    assert add(2, 3) == want\n",
    })  # fmt: skip
    change = {**broken(calc), "tests/data/expected.txt": "-1\n"}
    assert ("failed", "tests/test_data.py::test_from_data") in found(run_tests(calc, change))


def test_a_module_the_base_cannot_collect_is_a_note(calc: Repo, run_tests) -> None:
    calc.commit({"tests/test_needs.py": "import notinstalled\n\n\ndef test_x():\n    pass\n"})
    outcome = run_tests(calc, broken(calc))
    assert isinstance(outcome, Completed), outcome
    notes = [f for f in outcome.findings if f.rule_id == "not-required"]
    assert [f.path for f in notes] == ["tests/test_needs.py"]
    assert "notinstalled" in notes[0].message
    assert ("failed", "tests/test_ops.py::test_add") in found(outcome)


def test_a_base_whose_every_test_fails_errs_with_the_cause(calc: Repo, run_tests) -> None:
    calc.commit({"tests/conftest.py": "import notinstalled\n"})
    outcome = run_tests(calc, broken(calc))
    assert isinstance(outcome, Errored)
    assert "pytest exited with 4 on the existing tree" in outcome.reason
    assert "No module named 'notinstalled'" in outcome.reason


def test_a_plugin_the_change_registers_is_not_loaded(calc: Repo, run_tests) -> None:
    change = {
        **broken(calc),
        "evilplugin.py": FORCE_PASS,
        "evil-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n",
        "evil-1.0.dist-info/entry_points.txt": "[pytest11]\nevil = evilplugin\n",
        "pytest.toml": "[pytest]\naddopts = []\n",
    }
    assert ("failed", "tests/test_ops.py::test_add") in found(run_tests(calc, change))


def head_ids(outcome) -> set[str]:
    """The test ids of the ``head`` run, as the runner answered."""
    result = SuiteResult.model_validate_json(outcome.raw)
    head = result.get("head")
    assert head is not None and head.cases is not None
    return {c.id for c in head.cases}


def test_a_new_test_module_runs_alone_and_the_others_are_still_judged(
    calc: Repo, run_tests
) -> None:
    new = "from calc.ops import add\n\n\ndef test_new():\n    assert add(0, 0) == 0\n"
    outcome = run_tests(calc, {**broken(calc), "tests/test_new.py": new})
    assert ("failed", "tests/test_ops.py::test_add") in found(outcome)
    assert head_ids(outcome) == {"tests/test_new.py::test_new"}


def test_a_new_module_without_tests_runs_the_whole_head_tree(calc: Repo, run_tests) -> None:
    outcome = run_tests(calc, {"tests/test_empty.py": "X = 1\n"})
    assert found(outcome) == set()
    assert "tests/test_ops.py::test_add" in head_ids(outcome)


def _guarded(name: RunName, *records: GuardRecord) -> RunResult:
    return RunResult(name=name, exit=0, output="", cases=(), guard=records)


CHANGED = GuardRecord(kind="runner-changed", detail="_pytest.reports.TestReport.failed changed")
DENIED = GuardRecord(kind="gc", detail="gc.get_objects called", where="calc/ops.py:7")


def test_what_the_guard_saw_blocks_once_with_its_place() -> None:
    runs = (_guarded("existing", DENIED, CHANGED), _guarded("head", DENIED))
    findings = tampering(runs)
    assert [(f.rule_id, f.path, f.line) for f in findings] == [
        ("runner-tampering", "calc/ops.py", 7),
        ("runner-tampering", ".", None),
    ]
    assert "was denied the garbage collector's objects: gc.get_objects" in findings[0].message
    assert tampered(runs) == (
        "the runs of the tests were tampered with: the code under test was denied the "
        "garbage collector's objects: gc.get_objects called"
    )


def test_what_the_base_does_to_pytest_itself_is_the_projects() -> None:
    # A project that is a pytest plugin changes pytest's classes in every run.
    runs = (_guarded("existing", CHANGED), _guarded("base", CHANGED, DENIED))
    assert tampering(runs) == []
    assert tampered(runs) is None
