"""The pipeline with a check that runs code from the change: what the sandbox's limits do
to the verdict, and what running without a sandbox does."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.checks import registry
from gate.checks.interface import CheckContext, Completed, Errored, Outcome
from gate.checks.sandboxed import run_tool
from gate.pipeline import Request, run

from .conftest import Repo, open_or_skip
from .sandbox.hostile import HOSTILE


class RunsTheChange:
    """Runs head/hostile.py from the change, as the dynamic checks run its tests."""

    id = "hostile"

    def tool_version(self) -> str | None:
        return None

    def run(self, context: CheckContext) -> Outcome:
        result = run_tool(context, ["python", "head/hostile.py"])
        if isinstance(result, Errored):
            return result
        return Completed((), raw=result.stdout)


@pytest.fixture
def policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(registry, "BUILTIN", {**registry.BUILTIN, "hostile": RunsTheChange()})
    file = tmp_path / "policy.toml"
    file.write_text(
        "[checks]\nenabled = ['hostile']\nrequired = ['hostile']\n"
        "[limits]\ntimeout = 5\nmemory_mb = 256\noutput_mb = 1\n"
    )
    return file


@pytest.mark.parametrize("kind", ["docker", "bwrap"])
@pytest.mark.parametrize(
    ("program", "reason"),
    [
        ("loop_forever", "time limit of 5 s reached"),
        ("print_1g", "output limit of 1 MiB reached"),
    ],
)
def test_a_killed_check_fails_the_verdict_naming_the_limit(
    repo: Repo, policy: Path, program: str, reason: str, kind: str
) -> None:
    open_or_skip(kind).close()
    repo.write({"hostile.py": HOSTILE[program]})
    verdict = run(Request(path=repo.path, policy_file=policy, sandbox=kind)).verdict
    assert verdict.result == "FAILED"
    assert verdict.reasons == (f"check hostile errored: python was killed: {reason}",)
    assert verdict.sandbox == kind


@pytest.mark.docker
def test_memory_hog_fails_the_verdict(repo: Repo, policy: Path) -> None:
    repo.write({"hostile.py": HOSTILE["allocate_4g"]})
    verdict = run(Request(path=repo.path, policy_file=policy)).verdict
    assert verdict.result == "FAILED"
    (reason,) = verdict.reasons
    assert "memory limit of 256 MiB reached" in reason or "MemoryError" in reason


def test_without_a_sandbox_the_default_policy_fails(repo: Repo, policy: Path) -> None:
    repo.write({"hostile.py": "print('hello')\n"})
    verdict = run(Request(path=repo.path, policy_file=policy, unsafe_no_sandbox=True)).verdict
    assert verdict.result == "FAILED"
    assert verdict.sandbox == "none"
    assert verdict.reasons == ("the checks ran without a sandbox (--unsafe-no-sandbox)",)
    assert verdict.statement()["predicate"]["sandbox"] == "none"


@pytest.mark.docker
def test_code_the_sandboxs_python_cannot_parse_is_one_blocking_finding(repo: Repo) -> None:
    # An unclosed bracket (or syntax newer than the sandbox's Python): every check that
    # reads the file says it left it out, none errs, and the rules check names the line.
    tool = (repo.path / "app/tool.py").read_text()
    repo.write({"app/tool.py": tool + "\n\ndef broken(:\n    pass\n"})
    verdict = run(Request(path=repo.path, skip=("properties",))).verdict
    assert verdict.result == "FAILED"
    assert verdict.reasons[0].startswith("app/tool.py:8: rules:syntax Python 3.")
    statuses = {c.id: c.status for c in verdict.checks}
    assert "errored" not in statuses.values(), verdict.checks
    for check in verdict.checks:
        if check.id in ("semgrep", "bandit", "mypy", "coverage"):
            assert (check.reason or "").startswith("not read: app/tool.py"), check
