"""Per-check sandbox overhead: the same tool run on the host, in a throwaway Docker
container and in a bubblewrap sandbox, side by side in this process tree, median of
several interleaved runs.

    .venv/bin/python bench/sandbox_overhead.py [--runs 9]

Needs the sandboxes built (`gate sandbox build`); a sandbox that is not there is left out.
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

from gate.errors import GateError
from gate.sandbox.interface import Job
from gate.sandbox.select import open_sandbox

SAMPLE = """import subprocess


def run(cmd: str) -> int:
    return subprocess.call(cmd, shell=True)


def total(xs: list[int]) -> int:
    return sum(x * 2 for x in xs)
"""

COMMANDS = {
    "python -c pass": ["python", "-c", "pass"],
    "bandit (5 files)": ["python", "-m", "bandit", "-q", "-f", "json", "--ignore-nosec",
                         *(f"head/m{i}.py" for i in range(5))],
    "rules runner (5 files)": ["python", "-m", "gate.sandbox.runner", "rules",
                               "requests/rules.json"],
}  # fmt: skip


def workspace(root: Path) -> Path:
    (root / "head").mkdir()
    (root / "base").mkdir()
    (root / "requests").mkdir()
    for i in range(5):
        (root / "head" / f"m{i}.py").write_text(SAMPLE)
    files = ", ".join(
        f'{{"path": "m{i}.py", "old_path": null, "symlink": false, "deleted": false}}'
        for i in range(5)
    )
    (root / "requests" / "rules.json").write_text(
        '{"settings": {"protected_block": [], "protected_warn": [], "test_globs": []}, '
        f'"files": [{files}]}}'
    )
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return root


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    sandboxes = {}
    for kind in ("docker", "bwrap"):
        try:
            sandboxes[kind] = open_sandbox(kind)
        except GateError as exc:
            print(f"({kind} left out: {exc.diagnostics()})")
    python = str(Path(sys.executable))
    tmp = Path(tempfile.mkdtemp(prefix="mergegate-bench-", dir="/tmp"))
    try:
        ws = workspace(tmp)
        print(
            f"{'command':<24} {'sandbox':<8} {'host s':>8} {'boxed s':>8} "
            f"{'overhead s':>11} {'ratio':>6}"
        )
        for name, argv in COMMANDS.items():
            host_argv = [python, *argv[1:]]
            host: list[float] = []
            boxed: dict[str, list[float]] = {kind: [] for kind in sandboxes}
            for _ in range(args.runs):  # interleaved, so that drift hits all alike
                host.append(
                    timed(lambda a=host_argv: subprocess.run(a, cwd=ws, capture_output=True))
                )
                for kind, sandbox in sandboxes.items():
                    boxed[kind].append(timed(lambda a=argv, s=sandbox: s.run(Job(a, ws, 120))))
            h = statistics.median(host)
            for kind, times in boxed.items():
                b = statistics.median(times)
                print(f"{name:<24} {kind:<8} {h:>8.3f} {b:>8.3f} {b - h:>11.3f} {b / h:>6.2f}")
    finally:
        shutil.rmtree(tmp)
        for sandbox in sandboxes.values():
            sandbox.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
