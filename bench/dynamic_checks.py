"""What running the change costs: the ``tests`` check against the naive ways of running
the same suite, and the whole gate with its checks run concurrently against one at a
time. Side by side in this process tree, interleaved, median of several runs.

    .venv/bin/python bench/dynamic_checks.py [--runs 5] [--sandbox docker]

The repository is the ``calc`` fixture (tests/fixtures/calc) with a change that breaks
``add``. Needs the sandbox built (`gate sandbox build`).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gate import change as intake
from gate.checks.interface import CheckContext, Completed
from gate.checks.suite.tests import TestsCheck
from gate.pipeline import Request, run
from gate.policy import loader
from gate.sandbox.interface import Job
from gate.sandbox.select import open_sandbox
from gate.workspace import Workspace

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "calc"
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
       "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"]  # fmt: skip


def repository(root: Path) -> Path:
    """The calc fixture committed, with a change to ``add`` in the working tree."""
    repo = root / "calc"
    shutil.copytree(FIXTURE, repo)
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", "base"], cwd=repo, check=True)
    ops = repo / "calc" / "ops.py"
    ops.write_text(ops.read_text().replace("return a + b", "return a - b"))
    return repo


def median_seconds(func: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sandbox", default="docker")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="mergegate-bench-", dir="/tmp"))
    root.chmod(0o755)
    try:
        repo = repository(root)
        change = intake.from_worktree(repo)
        policy = loader.load(repo, change.base)
        sandbox = open_sandbox(args.sandbox)
        with Workspace(change) as ws:
            context = CheckContext(change, ws, policy, sandbox)

            def host_once() -> None:  # the unsafe baseline: the change's tests on the host
                copy = root / "host"
                shutil.rmtree(copy, ignore_errors=True)
                shutil.copytree(ws.head, copy)
                subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                               cwd=copy, capture_output=True, check=False)  # fmt: skip

            def naive_sandboxed() -> None:  # one fresh container per run, pytest as is
                for tree in ("base", "head"):
                    job = Job(["sh", "-c", f"cp -r {tree} /tmp/t && cd /tmp/t && "
                               "python -m pytest -q -p no:cacheprovider"],
                              ws.root, policy.tests_timeout, policy.limits)  # fmt: skip
                    sandbox.run(job)

            def gate_tests() -> None:
                outcome = TestsCheck().run(context)
                assert isinstance(outcome, Completed), outcome

            ways = {"pytest on the host, once (unsafe)": host_once,
                    "naive: a container per run (base, head)": naive_sandboxed,
                    "gate: tests check (base, existing; JUnit)": gate_tests}  # fmt: skip
            samples: dict[str, list[float]] = {name: [] for name in ways}
            for _ in range(args.runs):  # interleaved, so drift hits every way alike
                for name, func in ways.items():
                    samples[name] += median_seconds(func, 1)
        sandbox.close()

        def whole(jobs: int) -> None:
            run(Request(repo, jobs=jobs, sandbox=args.sandbox))

        whole_ways = {"gate check, checks one at a time (--jobs 1)": lambda: whole(1),
                      "gate check, concurrent (--jobs 2)": lambda: whole(2)}  # fmt: skip
        for name in whole_ways:
            samples[name] = []
        for _ in range(args.runs):
            for name, func in whole_ways.items():
                samples[name] += median_seconds(func, 1)
    finally:
        shutil.rmtree(root, ignore_errors=True)

    print(f"sandbox: {args.sandbox}; median of {args.runs} interleaved runs\n")
    print("| way | median s | min s |")
    print("| --- | ---: | ---: |")
    for name, times in samples.items():
        print(f"| {name} | {statistics.median(times):.2f} | {min(times):.2f} |")
    gate = statistics.median(samples["gate: tests check (base, existing; JUnit)"])
    naive = statistics.median(samples["naive: a container per run (base, head)"])
    one = statistics.median(samples["gate check, checks one at a time (--jobs 1)"])
    two = statistics.median(samples["gate check, concurrent (--jobs 2)"])
    print(f"\ntests check / naive container per run: {gate / naive:.2f}")
    print(f"whole gate, concurrent / one at a time: {two / one:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
