"""Shared fixtures: small real git repositories built by a helper."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

GIT = [
    "git",
    "-c", "user.name=test", "-c", "user.email=test@example.invalid",
    "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false",
    "-c", "init.defaultBranch=main",
]  # fmt: skip


class Repo:
    """A scratch git repository with helpers to write files and commit them."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def git(self, *args: str, stdin: bytes | None = None) -> str:
        done = subprocess.run(
            [*GIT, *args], cwd=self.path, input=stdin, capture_output=True, check=True
        )
        return done.stdout.decode()

    def write(self, files: Mapping[str, str | None]) -> None:
        """Write each file; None deletes it."""
        for name, text in files.items():
            target = self.path / name
            if text is None:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)

    def commit(self, files: Mapping[str, str | None] | None = None, message: str = "c") -> str:
        if files:
            self.write(files)
        self.git("add", "--all")
        self.git("commit", "--quiet", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def diff(self, base: str, head: str) -> bytes:
        return subprocess.run(
            [*GIT, "diff", "--binary", "--full-index", base, head],
            cwd=self.path, capture_output=True, check=True,
        ).stdout  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository with one commit: a small package and its test."""
    path = tmp_path / "repo"
    path.mkdir()
    r = Repo(path)
    r.git("init", "--quiet")
    r.commit(
        {
            "app/__init__.py": "",
            "app/tool.py": "import subprocess\n\n\ndef run(args):\n"
            "    return subprocess.run(args, check=True)\n",
            "tests/test_tool.py": "from app.tool import run\n\n\ndef test_run():\n    assert run\n",
        },
        "base",
    )
    return r


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def calc(tmp_path: Path) -> Repo:
    """A repository with one commit: the ``calc`` fixture package, its pytest suite and
    its hypothesis test."""
    import shutil

    path = tmp_path / "calc"
    shutil.copytree(FIXTURES / "calc", path)
    r = Repo(path)
    r.git("init", "--quiet")
    r.commit(message="base")
    return r


def open_or_skip(kind: str, python: str | None = None):
    """A sandbox of ``kind`` (of the default Python, or ``python``), or a loud skip; a
    failure where GATE_REQUIRE_SANDBOXES names it (the project's test command sets it for
    what the machine can run)."""
    from gate.errors import GateError
    from gate.sandbox.pythons import DEFAULT, PYTHONS
    from gate.sandbox.select import open_sandbox

    try:
        return open_sandbox(kind, python=PYTHONS[python or DEFAULT])  # type: ignore[index]
    except GateError as exc:
        message = f"no {kind} sandbox: {exc.diagnostics()}"
        if kind in os.environ.get("GATE_REQUIRE_SANDBOXES", "").split(","):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def sandbox():
    """A ready Docker sandbox (engine up, image built)."""
    box = open_or_skip("docker")
    yield box
    box.close()


@pytest.fixture
def run_check(sandbox):
    """Run one check, in the Docker sandbox, on the working-tree change ``files`` make."""
    from gate import change
    from gate.checks.interface import CheckContext
    from gate.policy import loader
    from gate.workspace import Workspace

    def run(check, repo: Repo, files: Mapping[str, str | None]):
        repo.write(files)
        c = change.from_worktree(repo.path)
        with Workspace(c) as ws:
            return check.run(CheckContext(c, ws, loader.load(repo.path, c.base), sandbox))

    return run


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder in the system's /tmp that the bwrap sandbox's unprivileged user can reach."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="mergegate-test-", dir="/tmp"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The user's signing key is created on first use: keep it out of the real home.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("GATE_KEY", raising=False)


@pytest.fixture(autouse=True)
def _docker_marker(request: pytest.FixtureRequest) -> None:
    # Tests marked `docker` need the engine and the image: skip them loudly without.
    if request.node.get_closest_marker("docker"):
        request.getfixturevalue("sandbox")


@pytest.fixture
def no_leftovers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point TMPDIR at a fresh folder and assert the test leaves nothing in it."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    yield scratch
    assert list(scratch.iterdir()) == [], "temporary files were left behind"
