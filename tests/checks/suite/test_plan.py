"""Which pytest runs the suite job asks for, read from real changes to the calc fixture
(nothing runs: the plan is the host's)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from gate import change
from gate.checks.interface import CheckContext, RunOptions
from gate.checks.protocol import Case, RunResult, SuiteRequest, SuiteResult
from gate.checks.suite import plan
from gate.checks.suite.plan import Suite
from gate.policy import loader
from gate.workspace import Workspace

from ...conftest import Repo

SIGN = "\n\ndef sign(x):\n    return 1 if x > 0 else -1\n"
SIGN_TEST = "from calc.ops import sign\n\n\ndef test_sign():\n    assert sign(5) == 1\n"


@contextmanager
def context_of(
    repo: Repo, files: Mapping[str, str | None], checks: frozenset[str] = frozenset()
) -> Iterator[CheckContext]:
    repo.write(files)
    c = change.from_worktree(repo.path)
    with Workspace(c) as ws:
        policy = loader.load(repo.path, c.base)
        yield CheckContext(c, ws, policy, None, RunOptions(checks=checks))  # type: ignore[arg-type]


def shape(context: CheckContext) -> list[tuple[str, tuple[str, ...] | None, bool]]:
    """Each run: its name, the test modules it is narrowed to, whether it measures coverage."""
    return [(r.name, r.files, r.coverage is not None) for r in plan.runs(context)]


def with_sign(calc: Repo) -> dict[str, str | None]:
    return {"calc/ops.py": (calc.path / "calc/ops.py").read_text() + SIGN}


def test_a_new_test_module_runs_alone_and_coverage_joins_the_existing_run(calc: Repo) -> None:
    with context_of(calc, {**with_sign(calc), "tests/test_sign.py": SIGN_TEST}) as context:
        assert shape(context) == [
            ("existing", None, True),
            ("base", None, False),
            ("head", ("tests/test_sign.py",), True),
        ]


def test_a_change_to_code_only_runs_no_head(calc: Repo) -> None:
    with context_of(calc, with_sign(calc)) as context:
        assert shape(context) == [("existing", None, True), ("base", None, False)]


def test_a_conftest_edit_runs_the_whole_head_tree(calc: Repo) -> None:
    files = {**with_sign(calc), "tests/test_sign.py": SIGN_TEST, "tests/conftest.py": "X = 1\n"}
    with context_of(calc, files) as context:
        assert shape(context) == [
            ("existing", None, False),
            ("base", None, False),
            ("head", None, True),
        ]


def test_a_helper_beside_the_tests_runs_the_whole_head_tree(calc: Repo) -> None:
    with context_of(calc, {"tests/helpers.py": "X = 1\n"}) as context:
        assert [r.files for r in plan.runs(context) if r.name == "head"] == [None]


def test_a_test_module_another_test_imports_runs_the_whole_head_tree(calc: Repo) -> None:
    calc.commit({
        "tests/test_base.py": "class Base:\n    value = 1\n",
        "tests/test_child.py": "from tests.test_base import Base\n\n\n"
        "class TestChild(Base):\n    def test_value(self):\n        assert self.value == 1\n",
    })  # fmt: skip
    with context_of(calc, {"tests/test_base.py": "class Base:\n    value = 2\n"}) as context:
        assert [r.files for r in plan.runs(context) if r.name == "head"] == [None]


def test_deleting_a_test_module_needs_no_head_run(calc: Repo) -> None:
    with context_of(calc, {"tests/test_ops.py": None}) as context:
        assert [r.name for r in plan.runs(context)] == ["existing", "base"]


def test_coverage_alone_is_one_run_of_the_whole_changed_tree(calc: Repo) -> None:
    files = {**with_sign(calc), "tests/test_sign.py": SIGN_TEST}
    with context_of(calc, files, checks=frozenset({"coverage"})) as context:
        assert shape(context) == [("head", None, True)]


def case(test_id: str, outcome: str = "passed") -> Case:
    return Case(id=test_id, file=test_id.split("::")[0], line=1, outcome=outcome)  # type: ignore[arg-type]


def test_the_changed_tree_takes_untouched_modules_from_the_existing_run(calc: Repo) -> None:
    files = {**with_sign(calc), "tests/test_sign.py": SIGN_TEST}
    with context_of(calc, files) as context:
        request = SuiteRequest(seed=1, runs=plan.runs(context))
        suite = Suite(SuiteResult(runs=()), request, b"", ())
        existing = {c.id: c for c in (case("tests/test_ops.py::test_add", "failed"),)}
        head = {c.id: c for c in (case("tests/test_sign.py::test_sign"),)}
        tree = plan.changed_tree_cases(context, suite, {"existing": existing, "head": head})
        assert {i: c.outcome for i, c in tree.items()} == {
            "tests/test_ops.py::test_add": "failed",
            "tests/test_sign.py::test_sign": "passed",
        }


def test_a_whole_head_run_is_the_changed_tree(calc: Repo) -> None:
    with context_of(calc, {"tests/conftest.py": "X = 1\n"}) as context:
        request = SuiteRequest(seed=1, runs=plan.runs(context))
        suite = Suite(
            SuiteResult(runs=(RunResult(name="head", exit=0, output="", cases=()),)),
            request,
            b"",
            (),
        )
        existing = {"tests/test_ops.py::test_add": case("tests/test_ops.py::test_add")}
        assert plan.changed_tree_cases(context, suite, {"existing": existing, "head": {}}) == {}


def test_the_guard_watches_the_changes_code_only(calc: Repo) -> None:
    files = {**with_sign(calc), "tests/test_sign.py": SIGN_TEST, "calc/new.py": "X = 1\n"}
    with context_of(calc, files) as context:
        untrusted = {r.name: r.untrusted for r in plan.runs(context)}
    # The base revision is trusted; the change's tests can only forge their own results.
    assert untrusted == {
        "existing": ("calc/new.py", "calc/ops.py"),
        "base": (),
        "head": ("calc/new.py", "calc/ops.py"),
    }


def test_the_runners_own_package_is_not_watched_in_its_own_repository(calc: Repo) -> None:
    calc.commit({"src/pluggy/_callers.py": "X = 1\n"})
    files = {"src/pluggy/_callers.py": "X = 2\n", "src/pluggy/_new.py": "Y = 1\n"}
    with context_of(calc, files) as context:
        (existing, _) = plan.runs(context)
    assert existing.untrusted == ("src/pluggy/_new.py",)
    assert plan.is_runner_code("_pytest/main.py")
    assert not plan.is_runner_code("calc/pytest_helpers.py")
