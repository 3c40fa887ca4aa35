"""Five small real projects of the benchmark (bench/realworld), from their sdists at
pinned versions: a setup.py-only module, a src layout with an optional C extension and
filterwarnings=error, a poetry project that pins pytest 7, a project that requires
Python 3.12 and writes PEP 695 generics (judged on the 3.13 sandbox), and one that is a C
extension with no Python fallback (compiled in the sandbox by each run). A benign tested change
passes; a bug with the tests untouched fails by the tests check; and so does the bug
with its failing test skipped or its expected value edited. Skipped loudly where no
package index answers (the sdists and the test environments come from it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "realworld" / "realworld.py"
CASES = {
    "six": "benign,bug,skip,expectation",
    "markupsafe": "benign,bug,deselect",
    "tomlkit": "benign,bug,xfail,expectation",
    "idkit": "benign,bug,skip",
    "xxhash": "benign,bug",
}
PYTHON = {"idkit": "3.13"}
"""The CPython a project must be judged on, where it needs a newer one than the default."""

# A project's cases are several whole gate runs, after its test environment is built.
pytestmark = [pytest.mark.docker, pytest.mark.slow, pytest.mark.timeout(1500)]


@pytest.mark.parametrize("project", sorted(CASES))
def test_a_real_project(project: str, tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(BENCH), "--project", project, "--case", CASES[project],
         "--json", str(out), "--no-timing", "--gate", str(Path(sys.executable).parent / "gate")],
        capture_output=True, text=True, timeout=1500, env={**os.environ, "GATE_JOBS": "2"},
    )  # fmt: skip
    if "could not download the sdist" in done.stderr:
        pytest.skip(f"no package index: {done.stderr.strip().splitlines()[-1]}")
    assert done.returncode == 0, done.stderr[-3000:]
    cases = {c["case"]: c for c in json.loads(out.read_text())["cases"]}
    benign = cases["benign"]
    assert benign["verdict"] == "PASSED", benign
    if project in PYTHON:
        assert benign["python"] == PYTHON[project], benign
    assert all(status.startswith(("completed", "skipped")) for status in benign["checks"].values())
    for name in CASES[project].split(",")[1:]:
        case = cases[name]
        assert case["verdict"] == "FAILED", case
        assert case["tests_blocked"], f"{name}: not failed by the tests check: {case}"
