"""What the guard costs a real suite: pytest through the gate's launcher with the guard
(the audit hook and the watch) and without it, side by side in this process tree,
interleaved, median of several runs, on a project's tests from its sdist.

    .venv/bin/python bench/guard_overhead.py [--project more-itertools] [--runs 5]

The project must need nothing beyond the standard library and pytest (more-itertools,
toolz, idna do); its sdist comes from the real-project benchmark's cache (or the index).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "realworld"))

from realworld import checkout

from gate.checks.suite import launch

PROJECTS = Path(__file__).parent / "realworld" / "projects.toml"


def once(root: Path, tests: str, untrusted: str, guarded: bool) -> tuple[float, str]:
    """One pytest run of the suite; its wall-clock seconds and pytest's last line."""
    with tempfile.TemporaryDirectory() as work:
        env = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
        if guarded:
            spec = {
                "log": f"{work}/guard.jsonl",
                "nonce": "bench",
                "protected": work,
                "open": [str(root)],
                "repository": str(root),
                "untrusted": [str(root / untrusted)],
            }
            env[launch.GUARD] = json.dumps(spec)
        argv = [sys.executable, "-P", launch.__file__, "pytest", "-q", "-p", "no:cacheprovider"]
        argv += ["-p", "no:randomly", tests, f"--junitxml={work}/junit.xml"]
        start = time.monotonic()
        done = subprocess.run(argv, cwd=root, env=env, capture_output=True, text=True)
        seconds = time.monotonic() - start
    return seconds, (done.stdout.strip().splitlines() or ["no output"])[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", default="more-itertools")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    projects = {p["name"]: p for p in tomllib.loads(PROJECTS.read_text())["project"]}
    project = projects[args.project]
    with tempfile.TemporaryDirectory() as tmp:
        root = checkout(project, Path(tmp))
        times: dict[bool, list[float]] = {False: [], True: []}
        last = ""
        for _ in range(args.runs):
            for guarded in (False, True):
                seconds, last = once(root, project["tests"], project["module"], guarded)
                times[guarded].append(seconds)
    plain, guarded = statistics.median(times[False]), statistics.median(times[True])
    print(f"{args.project}: {last}")
    print(f"without the guard {plain:.2f} s, with it {guarded:.2f} s: {guarded / plain:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
