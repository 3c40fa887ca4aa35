"""Whether the security checks stay as fast: the gate's static checks (``only=["security"]``:
rules, semgrep, bandit) on one real commit against its parent, with two versions of the
gate run side by side, interleaved, and their medians compared.

    .venv/bin/python bench/accuracy/static_speed.py --history GIT_DIR --commit SHA \
        --version OLD_REV --version NEW_REV [--runs 3]

Each version is this repository at a revision, checked out into a temporary worktree and
put first on PYTHONPATH of its own process (the same interpreter and tools); the commit is
cloned once. Per run it prints the wall time of the whole pipeline and of each check.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# Run in a child process with the version's checkout first on sys.path.
CHILD = """
import json, sys, time
from pathlib import Path
from typing import Any
from gate.pipeline import Request, run
clone, parent, head = sys.argv[1:4]
start = time.perf_counter()
result = run(Request(path=Path(clone), base=parent, head=head, only=["security"]))
total = time.perf_counter() - start
checks = {c.id: round(c.duration, 1) for c in result.verdict.checks}
print(json.dumps({"total": total, "checks": checks, "result": result.verdict.result}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=Path, required=True, help="a project's git directory")
    parser.add_argument("--commit", required=True, help="the commit judged against its parent")
    parser.add_argument("--version", action="append", required=True, help="a revision of the gate")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="static-speed-") as scratch:
        base = Path(scratch)
        clone = base / "clone"
        subprocess.run(["git", "clone", "-q", str(args.history), str(clone)], check=True)
        subprocess.run(["git", "checkout", "-q", "--detach", args.commit], cwd=clone, check=True)
        parent = subprocess.run(
            ["git", "rev-parse", f"{args.commit}^"],
            cwd=clone,
            check=True,
            text=True,
            capture_output=True,
        ).stdout.strip()
        trees: dict[str, Path] = {}
        for version in args.version:
            tree = base / f"gate-{len(trees)}"
            subprocess.run(
                ["git", "worktree", "add", "-q", "--detach", str(tree), version],
                cwd=ROOT,
                check=True,
            )
            trees[version] = tree
        try:
            times: dict[str, list[dict[str, Any]]] = {v: [] for v in args.version}
            for number in range(args.runs):
                for version, tree in trees.items():
                    env = {**os.environ, "PYTHONPATH": str(tree)}
                    done = subprocess.run(
                        [sys.executable, "-c", CHILD, str(clone), parent, args.commit],
                        env=env,
                        check=True,
                        text=True,
                        capture_output=True,
                    )
                    record = json.loads(done.stdout.strip().splitlines()[-1])
                    times[version].append(record)
                    print(f"run {number + 1} {version}: {record['total']:.1f} s {record['checks']}")
        finally:
            for tree in trees.values():
                subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT)
    for version, records in times.items():
        total = statistics.median(float(r["total"]) for r in records)
        print(f"{version}: median {total:.1f} s over {len(records)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
