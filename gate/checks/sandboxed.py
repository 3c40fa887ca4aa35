"""How a check runs its tool: in the context's sandbox, with the policy's limits, a
limit that killed the tool or an unexpected exit code becoming an Errored outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from gate.checks.interface import CheckContext, Deadline, Errored
from gate.checks.protocol import Model
from gate.sandbox.interface import Job, Result


def run_tool(
    context: CheckContext,
    argv: Sequence[str],
    ok: Sequence[int] = (0,),
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
    dependencies: Path | None = None,
) -> Result | Errored:
    """Run ``argv`` in the workspace inside the sandbox (within the policy's time limit
    per check, unless ``timeout`` names another)."""
    policy = context.policy
    limit = timeout or policy.timeout
    deadline = context.deadline
    with context.slots.turn():  # the time left is counted from the command's turn
        left = limit if deadline is None else deadline.left()
        if left <= 0 and deadline is not None:
            return Errored(f"{_tool(argv)} did not start: {run_limit(deadline)}")
        # Within a second of its own limit, a command keeps its own (and its own wording).
        bounded = left < limit - 1
        job = Job(
            argv=argv,
            workspace=context.workspace.root,
            timeout=left if bounded else limit,
            limits=policy.limits,
            env=dict(env or {}),
            dependencies=dependencies,
        )
        result = context.sandbox.run(job)
    raw = result.stdout + result.stderr
    if result.killed_by is not None:
        reason = killed_reason(result, job)
        if result.killed_by == "timeout" and deadline is not None and bounded:
            reason = run_limit(deadline)
        return Errored(f"{_tool(argv)} was killed: {reason}", raw)
    if result.exit_code not in ok:
        detail = (result.error_text.splitlines() or ["no error output"])[-1]
        return Errored(f"{_tool(argv)} exited with {result.exit_code}: {detail}", raw)
    return result


M = TypeVar("M", bound=Model)


def ask(
    context: CheckContext,
    runner: str,
    request: Model,
    answer: type[M],
    timeout: float | None = None,
    dependencies: Path | None = None,
) -> tuple[M, bytes] | Errored:
    """Send ``request`` to the in-sandbox runner ``runner`` (``gate.sandbox.runner``) and
    read its answer as ``answer``; the answer and the raw output, or why there is none."""
    path = context.workspace.write_request(f"{runner}.json", request.model_dump_json().encode())
    result = run_tool(
        context,
        ["python", "-m", "gate.sandbox.runner", runner, path],
        timeout=timeout,
        dependencies=dependencies,
    )
    if isinstance(result, Errored):
        return result
    try:
        return answer.model_validate_json(result.stdout), result.stdout
    except ValueError as exc:
        return Errored(
            f"the {runner} runner printed no answer that could be read: {exc}", result.stdout
        )


def package_version(package: str) -> str | None:
    """The installed version of the tool a check runs (the same one the image holds)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def run_limit(deadline: Deadline) -> str:
    """The run's time limit, reached, in words."""
    return f"the run's time limit of {deadline.seconds:g} s reached (timed out)"


def killed_reason(result: Result, job: Job) -> str:
    """Which limit killed the command, in words."""
    match result.killed_by:
        case "timeout":
            return f"time limit of {job.timeout:g} s reached"
        case "memory":
            return f"memory limit of {job.limits.memory_mb} MiB reached"
        case "output":
            return f"output limit of {job.limits.output_bytes // 2**20} MiB reached"
        case "interrupt":
            return "the run was interrupted"
        case "engine":
            return "the sandbox's engine stopped answering (is it running? `docker info`)"
        case None:
            raise ValueError("the command was not killed")


def _tool(argv: Sequence[str]) -> str:
    return argv[2] if len(argv) > 2 and argv[1] == "-m" else argv[0]
