"""A built wheel carries the policies, sandboxes and reports, and works without the
source tree (not only as an editable install)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("mergegate-*.whl")
    return built


def test_wheel_ships_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "gate/_resources/policies/default.toml" in names
    assert "gate/py.typed" in names
    assert any(n.startswith("gate/_resources/sandboxes/") for n in names)
    assert "gate/_resources/reports/report.html" in names


def test_installed_wheel_finds_its_policy(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import gate, gate.resources as r;"
        "assert gate.__file__.startswith(sys.argv[1]), gate.__file__;"
        "print(r.resource('policies', 'default.toml'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip().startswith(str(site / "gate" / "_resources"))
