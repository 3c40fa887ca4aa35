"""The repository's dependency environment: built from a wheelhouse, keyed by the hash
of the base revision's dependency files, mounted read-only into the test sandboxes."""

from __future__ import annotations

import base64
import functools
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from gate.checks.interface import Completed, Errored
from gate.checks.tests import TestsCheck
from gate.sandbox import environment

from ..conftest import Repo


def make_wheel(folder: Path, name: str = "tinydep", version: str = "1.0") -> Path:
    """A real, minimal pure-Python wheel (PEP 427), written by hand: no index needed."""
    files = {
        f"{name}.py": "def double(x):\n    return 2 * x\n",
        f"{name}-{version}.dist-info/METADATA":
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{name}-{version}.dist-info/WHEEL":
            "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }  # fmt: skip
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=")
        record.append(f"{path},sha256={digest.decode()},{len(text.encode())}")
    record_path = f"{name}-{version}.dist-info/RECORD"
    files[record_path] = "\n".join([*record, f"{record_path},,"]) + "\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


PYPROJECT = '[project]\nname = "calc"\nversion = "0.1.0"\ndependencies = ["tinydep>=1"]\n'
USES_DEP = "import tinydep\n\n\ndef test_double():\n    assert tinydep.double(2) == 4\n"


@pytest.fixture
def with_dependency(calc: Repo, shared_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """calc declaring and using ``tinydep``; a wheelhouse holding it; a fresh cache."""
    calc.commit({"pyproject.toml": PYPROJECT, "tests/test_dep.py": USES_DEP})
    wheelhouse = shared_tmp / "wheels"
    wheelhouse.mkdir()
    make_wheel(wheelhouse)
    monkeypatch.setenv("GATE_CACHE_DIR", str(shared_tmp / "cache"))
    return wheelhouse


def test_what_a_tree_declares(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\ndependencies = ["requests>=2"]\n'
        '[project.optional-dependencies]\ntest = ["pytest"]\n'
    )
    (tmp_path / "requirements-dev.txt").write_text("ruff\n")
    (tmp_path / "notes.txt").write_text("not a requirements file\n")
    wanted = environment.declared(tmp_path)
    assert wanted.requirements == ("requests>=2", "pytest")
    assert sorted(wanted.files) == ["pyproject.toml", "requirements-dev.txt"]
    assert wanted.needed
    key = wanted.key
    (tmp_path / "requirements-dev.txt").write_text("ruff\nmypy\n")
    assert environment.declared(tmp_path).key != key


def test_only_the_sandboxes_own_tools_need_no_environment(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\ndependencies = ["pytest>=8"]\n')
    assert not environment.declared(tmp_path).needed
    assert environment.find(environment.declared(tmp_path)) is None


def test_hashed_continuations_and_the_project_itself() -> None:
    lines = ["requests==2.31.0 \\", "    --hash=sha256:abc", "urllib3==2.0.0", "calc[test]"]
    assert environment.by_name(lines, print, "calc") == ["requests==2.31.0", "urllib3==2.0.0"]


def test_the_key_comes_from_the_revision_not_the_working_tree(calc: Repo) -> None:
    calc.commit({"pyproject.toml": PYPROJECT})
    key = environment.declared_at(calc.path, "HEAD").key
    (calc.path / "pyproject.toml").write_text(PYPROJECT.replace("tinydep", "otherdep"))
    assert environment.declared_at(calc.path, "HEAD").key == key
    calc.commit({"requirements.txt": "tinydep\n"})
    assert environment.declared_at(calc.path, "HEAD").key != key


def test_paths_urls_and_options_are_never_installed() -> None:
    left_out: list[str] = []
    kept = environment.by_name(
        ["requests==2.0 --hash=sha256:abc", "-e .", "./local", "pkg @ git+https://x/y",
         "--index-url https://example.invalid", "attrs[tests]>=22; python_version>'3'",
         "# comment"],
        left_out.append,
    )  # fmt: skip
    assert kept == ["requests==2.0", "attrs[tests]>=22; python_version>'3'"]
    assert len(left_out) == 4


@pytest.mark.docker
def test_tests_fail_closed_until_the_environment_is_built_then_use_it(
    calc: Repo, with_dependency: Path, run_check
) -> None:
    run_tests = functools.partial(run_check, TestsCheck())
    change = {"calc/ops.py": (calc.path / "calc/ops.py").read_text() + "\n"}
    missing = run_tests(calc, change)
    assert isinstance(missing, Errored)
    assert "run `gate sandbox deps`" in missing.reason

    built = subprocess.run(
        [sys.executable, "-m", "gate", "sandbox", "deps", "--wheelhouse", str(with_dependency)],
        cwd=calc.path, capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert "ready" in built.stderr

    outcome = run_tests(calc, change)
    assert isinstance(outcome, Completed), outcome
    assert outcome.findings == ()
    assert outcome.metrics["required"] == 5  # test_double passed on the base: it ran

    again = subprocess.run(
        [sys.executable, "-m", "gate", "sandbox", "deps", "--wheelhouse", str(with_dependency)],
        cwd=calc.path, capture_output=True, text=True,
    )  # fmt: skip
    assert "up to date" in again.stderr


def test_a_missing_wheel_is_one_clear_line(calc: Repo, with_dependency: Path) -> None:
    for wheel in with_dependency.iterdir():
        wheel.unlink()
    done = subprocess.run(
        [sys.executable, "-m", "gate", "sandbox", "deps", "--wheelhouse", str(with_dependency)],
        cwd=calc.path, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2
    assert "pip could not install the dependencies" in done.stderr
    assert "Traceback" not in done.stderr
    cache = Path(environment.location("x")).parent
    assert not cache.exists() or not any(cache.iterdir()), "a half-built environment was left"
