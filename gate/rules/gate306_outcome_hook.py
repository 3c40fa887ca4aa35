"""GATE306: code that can change what the test run reports (a pytest hook)."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example

# pytest hooks whose implementation can turn a failure into a pass, a skip or nothing:
# by rewriting reports or statuses, not running a test's body, dropping tests from the
# collection, or changing the session's exit status.
OUTCOME_HOOKS = frozenset(
    {
        "pytest_runtest_makereport",
        "pytest_report_teststatus",
        "pytest_runtest_logreport",
        "pytest_runtest_protocol",
        "pytest_runtest_call",
        "pytest_runtest_setup",
        "pytest_runtest_teardown",
        "pytest_pyfunc_call",
        "pytest_collection_modifyitems",
        "pytest_collection",
        "pytest_collect_file",
        "pytest_pycollect_makemodule",
        "pytest_pycollect_makeitem",
        "pytest_ignore_collect",
        "pytest_itemcollected",
        "pytest_collectreport",
        "pytest_make_collect_report",
        "pytest_deselected",
        "pytest_sessionfinish",
        "pytest_runtestloop",
        "pytest_generate_tests",
    }
)


class OutcomeHook(CstRule):
    """The change adds a pytest hook that can change what the test run reports.

    A ``conftest.py``, a plugin or any module pytest loads can implement hooks such as
    ``pytest_runtest_makereport`` (rewrite a failure as a pass or a skip),
    ``pytest_report_teststatus``, ``pytest_pyfunc_call`` (never run a test's body),
    ``pytest_collection_modifyitems`` (drop tests) or ``pytest_sessionfinish`` (change
    the exit status). Nothing fails on the day such a hook lands, so it goes unnoticed,
    and from then on it can hide any failure. The gate runs the existing tests with the
    base revision's conftests, but a hook in the changed code or in a new conftest still
    reaches the change's own tests and the project's CI. Every new hook of this kind
    needs a human's approval; where it is meant (async support, markers), say why in
    the pull request.
    """

    ID = "GATE306"
    MESSAGE = "a pytest hook that can change test outcomes is added: needs human approval"
    SEVERITY = Severity.HIGH
    CWE = None
    VALID: ClassVar = [
        "def pytest_addoption(parser):\n    parser.addoption('--slow', action='store_true')",
        "def pytest_configure(config):\n    config.addinivalue_line('markers', 'slow')",
        "def makereport(item):\n    return item",
        Example(
            code="def pytest_collection_modifyitems(items):\n    items.sort(key=str)\n\nX = 1\n",
            base="def pytest_collection_modifyitems(items):\n    items.sort(key=str)\n",
            path="conftest.py",
        ),
    ]
    INVALID: ClassVar = [
        Example(
            code="import pytest\n\n\n@pytest.hookimpl(hookwrapper=True)\n"
            "def pytest_runtest_makereport(item, call):\n"
            "    outcome = yield\n    report = outcome.get_result()\n"
            "    if report.failed:\n        report.outcome = 'skipped'\n",
            path="conftest.py",
        ),
        "def pytest_report_teststatus(report, config):\n    return 'passed', '.', 'PASSED'",
        "class Plugin:\n    def pytest_pyfunc_call(self, pyfuncitem):\n        return True",
        "def pytest_collection_modifyitems(items):\n    items[:] = items[:1]",
        "def pytest_sessionfinish(session, exitstatus):\n    session.exitstatus = 0",
        "pytest_runtest_logreport = _quiet",
        "async def pytest_runtest_call(item):\n    pass",
    ]

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if node.name.value in OUTCOME_HOOKS:
            self.report(node.name, key=node.name.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        if isinstance(node.target, cst.Name) and node.target.value in OUTCOME_HOOKS:
            self.report(node.target, key=node.target.value)
