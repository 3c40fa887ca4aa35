"""Recall and false-positive rate of the gate's security checks against bandit alone, on
the labelled corpus in tests/corpus (insecure and benign snippets, one weakness each).

    .venv/bin/python bench/corpus.py

The gate runs as users run it (`gate check --only security`, default policy, in the
sandbox) on a change that adds every snippet of a set; a snippet counts as flagged when
the verdict has a blocking finding in it. Bandit alone runs the naive way, on the host,
and flags a snippet when it reports an issue of medium severity or above.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from gate.pipeline import Request, run
from gate.policy.model import Action

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
HEADER = re.compile(r"^# corpus: (insecure|benign) cwe=(\d+)")
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
       "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"]  # fmt: skip


def load() -> dict[str, dict[str, int]]:
    """{"insecure"|"benign": {file name: cwe}} from the corpus headers."""
    sets: dict[str, dict[str, int]] = {"insecure": {}, "benign": {}}
    for kind in sets:
        for path in sorted((CORPUS / kind).glob("*.py")):
            match = HEADER.match(path.read_text().splitlines()[0])
            if match is None or match.group(1) != kind:
                raise SystemExit(f"bad corpus header in {path}")
            sets[kind][path.name] = int(match.group(2))
    return sets


def gate_flags(kind: str, names: list[str], tmp: Path) -> tuple[set[str], float]:
    """Names the gate blocks, when a change adds them all to a repository."""
    repo = tmp / kind
    repo.mkdir()
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    (repo / "README.md").write_text("corpus\n")
    subprocess.run([*GIT, "add", "."], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", "base"], cwd=repo, check=True)
    (repo / "corpus").mkdir()
    for name in names:
        shutil.copy(CORPUS / kind / name, repo / "corpus" / name)
    start = time.perf_counter()
    verdict = run(Request(path=repo, only=["security"])).verdict
    elapsed = time.perf_counter() - start
    errored = [c for c in verdict.checks if c.status == "errored"]
    if errored:
        raise SystemExit(f"checks errored: {errored}")
    flagged = {Path(j.finding.path).name for j in verdict.findings if j.action is Action.BLOCK}
    return flagged, elapsed


def bandit_flags(kind: str, names: list[str]) -> tuple[set[str], float]:
    """Names bandit alone reports at medium severity or above."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-f", "json", *names],
        cwd=CORPUS / kind, capture_output=True, text=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    report = json.loads(done.stdout)
    flagged = {
        Path(r["filename"]).name
        for r in report["results"]
        if r["issue_severity"] in ("MEDIUM", "HIGH", "CRITICAL")
    }
    return flagged, elapsed


def main() -> int:
    sets = load()
    results: dict[str, dict[str, set[str]]] = {"gate": {}, "bandit": {}}
    seconds: Counter[str] = Counter()
    tmp = Path(tempfile.mkdtemp(prefix="mergegate-corpus-", dir="/tmp"))
    try:
        for kind, labelled in sets.items():
            names = sorted(labelled)
            results["gate"][kind], took = gate_flags(kind, names, tmp)
            seconds["gate"] += took
            results["bandit"][kind], took = bandit_flags(kind, names)
            seconds["bandit"] += took
    finally:
        shutil.rmtree(tmp)
    insecure, benign = sets["insecure"], sets["benign"]
    print(f"corpus: {len(insecure)} insecure, {len(benign)} benign snippets")
    print(f"{'scanner':<8} {'recall':>8} {'false pos.':>11} {'seconds':>8}")
    for tool, flags in results.items():
        recall = len(flags["insecure"] & set(insecure)) / len(insecure)
        fp_rate = len(flags["benign"] & set(benign)) / len(benign)
        print(f"{tool:<8} {recall:>8.1%} {fp_rate:>11.1%} {seconds[tool]:>8.1f}")
    print("\nrecall by CWE (gate / bandit):")
    for cwe in sorted(set(insecure.values())):
        names = {n for n, c in insecure.items() if c == cwe}
        ours = len(names & results["gate"]["insecure"])
        theirs = len(names & results["bandit"]["insecure"])
        print(f"  CWE-{cwe:<5} {ours:>3}/{len(names):<3} {theirs:>3}/{len(names)}")
    missed = sorted(set(insecure) - results["gate"]["insecure"])
    false = sorted(results["gate"]["benign"] & set(benign))
    print(f"\ngate missed: {', '.join(missed) or 'none'}")
    print(f"gate false positives: {', '.join(false) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
