"""What the code under test sees in the sandbox: its own environment (never the gate's
tools), the project installed, loopback and the programs suites commonly call, only the
plugins its environment installs, and the base run narrowed to what did not pass."""

from __future__ import annotations

import functools

import pytest

from gate.checks.interface import Completed
from gate.checks.suite.tests import TestsCheck

from ...conftest import Repo

pytestmark = pytest.mark.docker

SEES = """import importlib.metadata
import importlib.util
import shutil
import socket
import subprocess
import sys


def test_the_gates_tools_are_not_importable():
    for tool in ("bandit", "semgrep", "libcst", "mypy", "pydantic", "docker", "gate"):
        assert importlib.util.find_spec(tool) is None, tool


def test_the_project_is_installed():
    assert importlib.metadata.version("calc") == "0.1.0"


def test_localhost_resolves_and_serves():
    server = socket.create_server(("localhost", 0))
    port = server.getsockname()[1]
    with socket.create_connection(("localhost", port), timeout=5):
        pass
    server.close()


def test_programs_suites_call():
    for program in ("git", "less", "ps"):
        assert shutil.which(program), program
    assert subprocess.run(["git", "--version"], check=True).returncode == 0


def test_a_subprocess_gets_the_same_environment():
    code = "import calc.ops, importlib.util; assert importlib.util.find_spec('bandit') is None"
    subprocess.run([sys.executable, "-c", code], check=True)
"""


@pytest.fixture
def run_tests(run_check):
    return functools.partial(run_check, TestsCheck())


def test_the_code_under_test_sees_its_own_environment(calc: Repo, run_tests) -> None:
    calc.commit({"tests/test_sees.py": SEES})
    ops = (calc.path / "calc/ops.py").read_text()
    outcome = run_tests(calc, {"calc/ops.py": ops + "\n"})
    assert isinstance(outcome, Completed), outcome
    # Every test of the base passed in the sandbox: none is left out as not required.
    assert [f.message for f in outcome.findings] == []
    assert outcome.metrics["required"] == 9


def test_a_package_named_like_a_tool_dependency_is_the_repositorys(calc: Repo, run_tests) -> None:
    # semgrep needs click: the repository's own click must be the one its tests import.
    calc.commit({
        "click/__init__.py": "def double(x):\n    return 2 * x\n",
        "tests/test_click.py": "from click import double\n\n\n"
        "def test_double():\n    assert double(2) == 4\n",
    })  # fmt: skip
    outcome = run_tests(calc, {"click/__init__.py": "def double(x):\n    return 2 * x + 1\n"})
    assert isinstance(outcome, Completed), outcome
    failed, note = sorted(outcome.findings, key=lambda f: f.rule_id, reverse=True)
    assert failed.rule_id == "failed"
    assert "tests/test_click.py::test_double" in failed.message
    # setuptools will not install two top-level packages it finds by itself: said why.
    assert note.rule_id == "environment"
    assert "Multiple top-level packages discovered" in note.message


def test_filterwarnings_error_is_no_trouble_for_the_gates_runner(calc: Repo, run_tests) -> None:
    pyproject = (calc.path / "pyproject.toml").read_text()
    calc.commit({"pyproject.toml": pyproject + 'filterwarnings = ["error"]\n'})
    ops = (calc.path / "calc/ops.py").read_text()
    outcome = run_tests(calc, {"calc/ops.py": ops.replace("return a + b", "return a - b")})
    assert isinstance(outcome, Completed), outcome
    assert "tests/test_ops.py::test_add" in {f.message.split(" ")[0] for f in outcome.findings}
    assert not [f for f in outcome.findings if f.rule_id == "not-required"]


def test_coverage_options_without_pytest_cov_are_ignored(calc: Repo, run_tests) -> None:
    # The project's CI installs pytest-cov from elsewhere; its addopts must not end the
    # run in a usage error (the gate measures coverage itself).
    pyproject = (calc.path / "pyproject.toml").read_text()
    addopts = 'addopts = "--cov=calc --cov-report=term-missing --cov-branch"\n'
    calc.commit({"pyproject.toml": pyproject + addopts})
    ops = (calc.path / "calc/ops.py").read_text()
    outcome = run_tests(calc, {"calc/ops.py": ops.replace("return a + b", "return a - b")})
    assert isinstance(outcome, Completed), outcome
    assert "tests/test_ops.py::test_add" in {f.message.split(" ")[0] for f in outcome.findings}
    assert outcome.metrics["required"] > 0


FAST_C = """#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *twice(PyObject *self, PyObject *arg) {
    return PyNumber_Add(arg, arg);
}

static PyMethodDef methods[] = {{"twice", twice, METH_O, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "calc._fast", NULL, -1, methods};

PyMODINIT_FUNC PyInit__fast(void) { return PyModule_Create(&module); }
"""
CACHED = """import os
import subprocess


def test_the_second_build_came_from_the_cache():
    env = {**os.environ, "CCACHE_DIR": "/tmp/mergegate-ccache"}
    out = subprocess.run(["ccache", "--print-stats"], env=env, capture_output=True, text=True)
    stats = dict(line.split("\\t") for line in out.stdout.splitlines() if "\\t" in line)
    assert int(stats["direct_cache_hit"]) + int(stats["preprocessed_cache_hit"]) >= 1, stats
"""


def test_the_changes_runs_share_what_the_first_compiled(calc: Repo, run_tests) -> None:
    # The existing tests' run compiles the extension; the change's own tests' run finds
    # it in the job's compiler cache (its test reads ccache's counters in the sandbox).
    calc.commit({
        "setup.py": 'from setuptools import Extension, setup\n\n'
        'setup(ext_modules=[Extension("calc._fast", ["calc/_fast.c"])])\n',
        "calc/_fast.c": FAST_C,
        "tests/test_fast.py": "from calc._fast import twice\n\n\n"
        "def test_twice():\n    assert twice(21) == 42\n",
    })  # fmt: skip
    outcome = run_tests(calc, {"tests/test_cached.py": CACHED})
    assert isinstance(outcome, Completed), outcome
    assert [f.message for f in outcome.findings] == []
    # The change's own test ran, in its own run after the existing tests' one, and passed.
    assert outcome.metrics["tests"] == outcome.metrics["required"] + 1
    assert outcome.metrics["failed"] == 0
