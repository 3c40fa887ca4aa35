"""The repository's test environment: what the base revision declares for its tests,
plus the gate's runner where the project has none, installed from wheels into a cached
folder keyed by that list, built by `gate check` itself when it is missing."""

from __future__ import annotations

import base64
import functools
import hashlib
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from gate.checks.interface import Completed, Errored
from gate.checks.suite.tests import TestsCheck
from gate.declared import read_tree
from gate.sandbox import environment
from gate.sandbox.pythons import PYTHONS

from ..conftest import Repo


def make_wheel(
    folder: Path,
    name: str = "mergegate_test_tinydep",
    module: str = "tinydep",
    source: str = "def double(x):\n    return 2 * x\n",
    extra: dict[str, str] | None = None,
    requires: tuple[str, ...] = (),
) -> Path:
    """A real, minimal pure-Python wheel (PEP 427), written by hand: no index needed;
    ``extra``: more files in it, by path; ``requires``: its Requires-Dist lines."""
    version = "1.0"
    needs = "".join(f"Requires-Dist: {r}\n" for r in requires)
    files = {
        f"{module}.py": source,
        **(extra or {}),
        f"{name}-{version}.dist-info/METADATA": (
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n{needs}"
        ),
        f"{name}-{version}.dist-info/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
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


# A name no index has: its tests can only run where a wheelhouse provides it.
DEP = "mergegate-test-tinydep"
PYPROJECT = f'[project]\nname = "calc"\nversion = "0.1.0"\ndependencies = ["{DEP}>=1"]\n'
USES_DEP = "import tinydep\n\n\ndef test_double():\n    assert tinydep.double(2) == 4\n"


@pytest.fixture
def with_dependency(calc: Repo, shared_tmp: Path) -> Path:
    """calc declaring and using the dependency; a wheelhouse holding it."""
    calc.commit({"pyproject.toml": PYPROJECT, "tests/test_dep.py": USES_DEP})
    wheelhouse = shared_tmp / "wheels"
    wheelhouse.mkdir()
    make_wheel(wheelhouse)
    return wheelhouse


def test_what_a_tree_declares_for_its_tests(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "proj"\ndependencies = ["requests>=2"]\n'
        "[project.optional-dependencies]\n"
        'test = ["pytest<8", "proj[extra]"]\nextra = ["idna"]\ndocs = ["sphinx"]\n'
        'toxonly = ["freezegun"]\n'
        '[dependency-groups]\ndev = [{include-group = "lint"}, "pytest-xdist"]\nlint = ["ruff"]\n'
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
    )
    (tmp_path / "requirements-dev.txt").write_text("mock \\\n  >=5\n-e .\n")
    (tmp_path / "requirements").mkdir()
    (tmp_path / "requirements" / "docs.txt").write_text("furo\n")
    (tmp_path / "tox.ini").write_text("[testenv]\nextras = toxonly\ndeps = pytest-mock\n")
    found = read_tree(tmp_path)
    wanted, constraints, left_out = found.for_tests()
    assert wanted == sorted([
        "requests>=2", "pytest<8", "idna", "freezegun", "pytest-xdist", "ruff", "mock>=5",
        "pytest-mock",
    ])  # fmt: skip
    assert constraints == []
    assert left_out == []
    assert "sphinx" not in wanted and "furo" not in wanted
    assert {"sphinx", "furo", "requests"} <= found.names


def test_a_tox_section_other_environments_refer_to_is_read(tmp_path: Path) -> None:
    # scrapy's layout: the test requirements in a section of their own, substituted
    (tmp_path / "tox.ini").write_text(
        "[test-requirements]\ndeps =\n    pexpect >= 4.8.0\n"
        "    sybil >= 1.3.0  # https://example.invalid/issue\n\n"
        "[testenv]\ndeps =\n    {[test-requirements]deps}\n    pytest-timeout\n"
    )
    found = read_tree(tmp_path)
    assert found.for_tests()[0] == ["pexpect>=4.8.0", "pytest-timeout", "sybil>=1.3.0"]
    assert {"pexpect", "sybil"} <= found.names


def test_setup_py_is_read_without_running_it(tmp_path: Path) -> None:
    (tmp_path / "setup.py").write_text(
        "import os\nfrom setuptools import setup\n"
        "BASE = ['six>=1.10']\n"
        "os.system('touch ran')\n"
        "setup(name='old', install_requires=BASE + ['idna'],\n"
        "      extras_require={'test': ['pytest'], 'docs': ['sphinx']},\n"
        "      tests_require=['mock'])\n"
    )
    found = read_tree(tmp_path)
    assert found.project == "old"
    assert found.for_tests()[0] == ["idna", "mock", "pytest", "six>=1.10"]
    assert not (tmp_path / "ran").exists()


def test_the_runner_is_added_only_where_the_project_has_none(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "p"\n[project.optional-dependencies]\ntests = ["pytest<8"]\n'
    )
    want = environment.wanted(read_tree(tmp_path))
    assert "pytest<8" in want.requirements
    assert f"coverage=={metadata.version('coverage')}" in want.requirements
    assert f"hypothesis=={metadata.version('hypothesis')}" in want.requirements
    assert not any(r.startswith("pytest==") for r in want.requirements)
    assert "setuptools" in want.requirements  # pip's default backend installs the project


def test_the_key_comes_from_the_revision_not_the_working_tree(calc: Repo) -> None:
    def key() -> str:
        return environment.wanted(environment.declared_at(calc.path, "HEAD")).key

    calc.commit({"pyproject.toml": PYPROJECT})
    before = key()
    (calc.path / "pyproject.toml").write_text(PYPROJECT.replace("tinydep", "otherdep"))
    assert key() == before
    calc.commit({"requirements.txt": "idna\n"})
    assert key() != before


def test_paths_urls_and_options_are_never_installed(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text(
        "requests==2.0 --hash=sha256:abc\n-e .\n./local\npkg @ git+https://x/y\n"
        "--index-url https://example.invalid\nattrs[tests]>=22; python_version>'3'\n# c\n"
    )
    wanted, _, left_out = read_tree(tmp_path).for_tests()
    assert wanted == ['attrs[tests]>=22; python_version > "3"', "requests==2.0"]
    assert left_out == ["./local", "pkg @ git+https://x/y"]


@pytest.mark.docker
def test_gate_check_builds_the_environment_and_the_tests_use_it(
    calc: Repo, with_dependency: Path, run_check
) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "gate", "sandbox", "deps", "--wheelhouse", str(with_dependency)],
        cwd=calc.path, capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    run_tests = functools.partial(run_check, TestsCheck())
    outcome = run_tests(calc, {"calc/ops.py": (calc.path / "calc/ops.py").read_text() + "\n"})
    assert isinstance(outcome, Completed), outcome
    assert [f for f in outcome.findings if f.rule_id != "not-required"] == []
    assert outcome.metrics["required"] == 5  # test_double passed on the base: it ran
    again = subprocess.run(
        [sys.executable, "-m", "gate", "sandbox", "deps", "--wheelhouse", str(with_dependency)],
        cwd=calc.path, capture_output=True, text=True,
    )  # fmt: skip
    assert "building" not in again.stderr


def test_offline_a_missing_package_is_one_clear_line(calc: Repo, with_dependency: Path) -> None:
    for wheel in with_dependency.iterdir():
        wheel.unlink()
    # An environment of its own (the cache may hold the one other tests build).
    calc.commit({"pyproject.toml": PYPROJECT.replace(">=1", ">=1,!=0.1")})
    done = subprocess.run(
        [sys.executable, "-m", "gate", "sandbox", "deps", "--offline",
         "--wheelhouse", str(with_dependency)],
        cwd=calc.path, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 3, done.stderr
    assert "--offline forbids the index" in done.stderr
    assert DEP in done.stderr
    assert "Traceback" not in done.stderr
    envs = Path(environment.location("x")).parent
    staging = [p for p in envs.iterdir() if p.is_dir() and "." in p.name]  # KEY.random
    assert staging == [], "a half-built environment was left"


@pytest.mark.docker
def test_a_package_no_index_has_is_left_out_by_name(calc: Repo, run_check) -> None:
    pyproject = PYPROJECT.replace(">=1", ">=1,!=0.2")
    calc.commit({"pyproject.toml": pyproject, "tests/test_dep.py": USES_DEP})
    ops = (calc.path / "calc/ops.py").read_text()
    outcome = run_check(TestsCheck(), calc, {"calc/ops.py": "\n" + ops})
    assert isinstance(outcome, Completed | Errored), outcome
    assert isinstance(outcome, Completed), outcome.reason
    notes = {f.rule_id: f.message for f in outcome.findings}
    assert DEP in notes["environment"] and "no wheel" in notes["environment"]
    assert "tests/test_dep.py" in {f.path for f in outcome.findings if f.rule_id == "not-required"}
    assert outcome.metrics["required"] == 4


def test_the_project_itself_is_never_in_its_environment(shared_tmp: Path) -> None:
    from gate.sandbox.image import wheelhouse_path

    tools = wheelhouse_path()
    if tools is None:
        pytest.skip("the tools' wheelhouse is not built (gate sandbox build)")
    pytest_pin = f"pytest=={metadata.version('pytest')}"
    # pytest needs iniconfig: a project named iniconfig must test its own tree, not that.
    want = environment.Wanted((pytest_pin,), project="iniconfig")
    built = environment.ensure(want, cache=shared_tmp, offline=True, wheelhouse=tools)
    site = next((built.path / "lib").glob("python*/site-packages"))
    assert (site / "pytest").is_dir()
    assert not list(site.glob("iniconfig*")), "the released iniconfig would stand in"


def test_a_damaged_environment_is_built_again(calc: Repo, with_dependency: Path) -> None:
    backend = (
        '\n[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
    )
    calc.commit({"pyproject.toml": PYPROJECT.replace(">=1", ">=1,!=0.3") + backend})
    args = ("sandbox", "deps", "--offline", "--wheelhouse", str(with_dependency))
    first = _gate(*args, cwd=calc.path)
    assert first.returncode == 0, first.stderr
    want = environment.wanted(environment.declared_at(calc.path, "HEAD"))
    target = environment.location(want.key)
    (target / "environment.json").write_text("{not json")
    again = _gate(*args, cwd=calc.path)
    assert again.returncode == 0, again.stderr
    assert "damaged" in again.stderr
    assert environment.load(target) is not None


def _gate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gate", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.mark.parametrize(("python", "wanted"), [("3.13", "newer"), ("3.11", "older")])
def test_another_pythons_environment_gets_that_pythons_dependencies(
    tmp_path: Path, python: str, wanted: str
) -> None:
    # pip --python-version alone would evaluate the markers for the Python running pip.
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    requires = ('mergegate_test_newer; python_version >= "3.13"',
                'mergegate_test_older; python_version < "3.13"')  # fmt: skip
    make_wheel(wheels, name="mergegate_test_top", module="top", requires=requires)
    for side in ("newer", "older"):
        make_wheel(wheels, name=f"mergegate_test_{side}", module=side)
    done = subprocess.run(
        [*environment.pip_for(PYTHONS[python]), "download", "--quiet", "--no-index",
         "--find-links", str(wheels), "--only-binary", ":all:", "--dest", str(tmp_path / "got"),
         "mergegate_test_top"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    got = sorted(p.name.split("-")[0] for p in (tmp_path / "got").iterdir())
    assert got == [f"mergegate_test_{wanted}", "mergegate_test_top"]
