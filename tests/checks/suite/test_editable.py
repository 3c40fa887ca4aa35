"""The project installed editable into a run's environment by its own build backend
(real setuptools and hatchling from this environment, as the test environment holds
them in the sandbox), without pip: importable from the tree, its metadata and console
scripts there, and a build that fails says why."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gate.checks.suite import editable
from gate.checks.suite.inside import RunEnvironment

HATCH = """[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "tally"
version = "1.2.3"

[project.scripts]
tally = "tally:main"
"""
SETUP_PY = """from setuptools import setup

setup(name="tally", version="0.4", packages=["tally"])
"""


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RunEnvironment:
    # This environment stands for the test environment the sandbox mounts.
    monkeypatch.setenv("MERGEGATE_DEPS", sys.prefix)
    return RunEnvironment(tmp_path)


def project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def python(environment: RunEnvironment, code: str) -> str:
    done = subprocess.run(
        [environment.python, "-c", code],
        env=environment.variables(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_a_hatch_project_is_installed_with_its_script(tmp_path, environment) -> None:
    root = project(
        tmp_path / "tree",
        {"pyproject.toml": HATCH, "tally/__init__.py": "def main():\n    print('counted')\n"},
    )
    assert environment.install(root, tmp_path / "install.log") is None
    code = "import importlib.metadata as m, tally; print(m.version('tally'), tally.__file__)"
    assert python(environment, code) == f"1.2.3 {root / 'tally' / '__init__.py'}"
    script = Path(environment.prefix) / "bin" / "tally"
    assert script.read_text().startswith(f"#!{environment.python}")
    done = subprocess.run([script], env=environment.variables(), capture_output=True, text=True)
    assert done.stdout == "counted\n"
    read = "import importlib.metadata as m; print(m.distribution('tally').read_text(%r))"
    assert '"editable": true' in python(environment, read % "direct_url.json")


def test_a_setup_py_alone_is_built_by_setuptools_legacy_backend(tmp_path, environment) -> None:
    root = project(tmp_path / "tree", {"setup.py": SETUP_PY, "tally/__init__.py": ""})
    assert editable.build_of(root) == editable.Build(editable.LEGACY)
    assert environment.install(root, tmp_path / "install.log") is None
    assert python(environment, "import importlib.metadata as m; print(m.version('tally'))") == "0.4"


def test_a_failing_build_says_why(tmp_path, environment) -> None:
    broken = SETUP_PY.replace("packages=[", "packages=['missing', ")
    root = project(tmp_path / "tree", {"setup.py": broken, "tally/__init__.py": ""})
    why = environment.install(root, tmp_path / "install.log")
    assert why is not None
    assert why.startswith("the project could not be installed")
    assert "missing" in why


def test_a_backend_the_environment_lacks_is_named(tmp_path, environment) -> None:
    text = HATCH.replace("hatchling.build", "no_such_backend.build")
    root = project(tmp_path / "tree", {"pyproject.toml": text, "tally/__init__.py": ""})
    why = environment.install(root, tmp_path / "install.log")
    assert why is not None
    assert "no_such_backend.build is missing" in why
    assert "No module named 'no_such_backend'" in why


@pytest.mark.parametrize(
    ("files", "build"),
    [
        ({}, None),
        ({"pyproject.toml": "[tool.ruff]\nline-length = 99\n"}, None),
        ({"pyproject.toml": "not toml ["}, None),
        ({"pyproject.toml": "[project]\nname = 'x'\n"}, editable.Build(editable.LEGACY)),
        (
            {"pyproject.toml": "[build-system]\nbuild-backend = 'own'\nbackend-path = ['.']\n"},
            editable.Build("own", (".",)),
        ),
    ],
)
def test_how_a_tree_is_built(tmp_path, files, build) -> None:
    assert editable.build_of(project(tmp_path, files)) == build
