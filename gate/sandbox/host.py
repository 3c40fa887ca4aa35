"""``--unsafe-no-sandbox``: runs commands on the host, in the workspace. Recorded in the
verdict and failed by the default policy; for debugging the gate, never for judging."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from gate.sandbox.interface import Job, KilledBy, Result


class UnsafeHostSandbox:
    """No isolation at all: only the timeout and the output cap hold."""

    name = "none"

    def close(self) -> None:
        """Nothing to release: each command is waited for (or killed) by its job."""

    def run(self, job: Job) -> Result:
        env = {
            **os.environ,
            **job.env,
            **({"MERGEGATE_DEPS": str(job.dependencies)} if job.dependencies else {}),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
        # Never here: the runner would end every process of the user (kill -1).
        env.pop("MERGEGATE_PID_NAMESPACE", None)
        start = time.monotonic()
        proc = subprocess.Popen(list(job.argv), cwd=job.workspace, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)  # fmt: skip
        killed_by: KilledBy | None = None
        try:
            stdout, stderr = proc.communicate(timeout=job.timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            stdout, stderr = proc.communicate()
            killed_by = "timeout"
        cap = job.limits.output_bytes
        if len(stdout) + len(stderr) > cap:
            killed_by = killed_by or "output"
        return Result(
            exit_code=proc.returncode if killed_by is None else 137,
            stdout=stdout[:cap],
            stderr=stderr[: max(cap - len(stdout), 0)],
            duration=time.monotonic() - start,
            timed_out=killed_by == "timeout",
            killed_by=killed_by,
        )
