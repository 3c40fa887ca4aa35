"""A soak: many gate runs, two or more at a time, over a mix of benign and hostile changes
to the ``calc`` fixture, with one run killed (SIGKILL) every few runs. At the end: the
containers, processes and temporary folders left over, and whether identical changes got
identical verdicts.

    .venv/bin/python bench/soak.py --runs 200 --jobs 2 --kill-every 5 [--sandbox docker]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.adversarial.catalogue import BASES, CATALOGUE  # noqa: E402

CALC = ROOT / "tests" / "fixtures" / "calc"
GIT = ["git", "-c", "user.name=soak", "-c", "user.email=soak@example.invalid"]


@dataclass
class Outcome:
    """One run."""

    change: str
    killed: bool
    exit: int
    seconds: float
    verdict: str
    """PASSED, FAILED, or what the run ended with instead."""
    blocking: list[str]


def changes(only: str) -> dict[str, dict[str, str | None]]:
    """The changes of the soak, by name: benign ones and the hostile catalogue's that
    the checks of ``only`` can stop (the endless loop left out: it takes the whole time
    limit)."""
    ops = (CALC / "calc" / "ops.py").read_text()
    found: dict[str, dict[str, str | None]] = {
        "benign-comment": {
            "calc/ops.py": ops.replace('"""Arithmetic helpers."""', '"""Arithmetic."""')
        },
        "benign-tested": {
            "calc/ops.py": ops + "\n\ndef double(x: int) -> int:\n    return 2 * x\n",
            "tests/test_double.py": "from calc.ops import double\n\n\ndef test_double():\n"
            "    assert double(2) == 4\n",
        },
        "bug": {"calc/ops.py": ops.replace("return a + b", "return a - b")},
    }
    for case in CATALOGUE:
        if case.slow or not case.checks() <= set(only.split(",")):
            continue
        found[case.name] = dict(case.files(CALC))
    return found


def repository(root: Path, name: str, files: dict[str, str | None]) -> Path:
    """The fixture as one commit (plus the base a hostile change relies on), with the
    change in its working tree."""
    path = root / name
    shutil.copytree(CALC, path)
    subprocess.run([*GIT, "init", "--quiet"], cwd=path, check=True)
    extra = next((c for c in CATALOGUE if c.name == name and c.name in BASES), None)
    if extra is not None:
        write(path, BASES[extra.name](path))
    subprocess.run([*GIT, "add", "--all"], cwd=path, check=True)
    subprocess.run([*GIT, "commit", "--quiet", "-m", "base"], cwd=path, check=True)
    write(path, files)
    return path


def write(path: Path, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        target = path / name
        if text is None:
            target.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)


def judge(
    repo: Path, name: str, kill_after: float | None, args: list[str], env: dict[str, str]
) -> Outcome:
    out = repo / f".out-{threading.get_ident()}-{time.monotonic_ns()}"
    argv = [sys.executable, "-m", "gate", "check", "--out", str(out), *args]
    start = time.monotonic()
    proc = subprocess.Popen(
        argv, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    killed = False
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        killed = True
    _, err = proc.communicate()
    seconds = time.monotonic() - start
    verdict, blocking = "killed" if killed else f"exit {proc.returncode}", []
    verdict_file = out / "verdict.json"
    if not killed and verdict_file.is_file():
        data = json.loads(verdict_file.read_text())
        verdict = data["predicate"]["verificationResult"]
        blocking = sorted(
            f"{f['tool']}:{f['rule_id']}@{f['path']}"
            for f in data["predicate"].get("findings", [])
            if f.get("action") == "block"
        )
    elif not killed:  # no verdict: what the run said instead
        said = err.decode(errors="replace").strip().splitlines()
        verdict += ": " + (said[-1] if said else "nothing")
    shutil.rmtree(out, ignore_errors=True)
    return Outcome(name, killed, proc.returncode, seconds, verdict, blocking)


def leftovers(scratch: Path) -> dict[str, int]:
    """What the runs left: containers of the gate, its runner processes, temporary folders."""
    containers = subprocess.run(
        ["docker", "ps", "--all", "--quiet", "--filter", "label=mergegate"],
        capture_output=True, text=True,
    ).stdout.split()  # fmt: skip
    processes = subprocess.run(
        ["pgrep", "-f", "gate.sandbox.runner"], capture_output=True, text=True
    ).stdout.split()
    return {
        "containers": len(containers),
        "processes": len(processes),
        "temporary folders": len(list(scratch.iterdir())),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--kill-every", type=int, default=5)
    parser.add_argument("--sandbox", default="docker")
    parser.add_argument("--only", default="rules,mypy,tests")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    rng = random.Random(options.seed)  # noqa: S311 (a reproducible plan, not a secret)
    work = Path(tempfile.mkdtemp(prefix="soak-"))
    scratch = work / "tmp"
    scratch.mkdir()
    scratch.chmod(0o755)
    env = {**os.environ, "TMPDIR": str(scratch)}
    try:
        repos = {
            name: repository(work, name, files) for name, files in changes(options.only).items()
        }
        plan = [
            (
                rng.choice(sorted(repos)),
                rng.uniform(1.0, 8.0) if i % options.kill_every == 0 else None,
            )
            for i in range(1, options.runs + 1)
        ]
        args = ["--sandbox", options.sandbox, "--only", options.only]
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=options.jobs) as pool:
            done = list(pool.map(lambda p: judge(repos[p[0]], p[0], p[1], args, env), plan))
        wall = time.monotonic() - started
        before = leftovers(scratch)
        subprocess.run([sys.executable, "-m", "gate", "sandbox", "prune"], env=env,
                       capture_output=True, check=False)  # fmt: skip
        after = leftovers(scratch)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    verdicts: dict[str, Counter[str]] = defaultdict(Counter)
    for outcome in done:
        if not outcome.killed:
            verdicts[outcome.change][f"{outcome.verdict} {' '.join(outcome.blocking)}"] += 1
    differing = {name: dict(c) for name, c in verdicts.items() if len(c) > 1}
    report = {
        "runs": len(done),
        "killed": sum(o.killed for o in done),
        "wall_seconds": round(wall, 1),
        "leftovers_before_prune": before,
        "leftovers_after_prune": after,
        "verdicts": {name: dict(c) for name, c in sorted(verdicts.items())},
        "differing": differing,
        "outcomes": [asdict(o) for o in done],
    }
    if options.json:
        options.json.write_text(json.dumps(report, indent=1))
    print(json.dumps({k: v for k, v in report.items() if k != "outcomes"}, indent=1))
    clean = not any(after.values()) and not differing
    return 0 if clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
