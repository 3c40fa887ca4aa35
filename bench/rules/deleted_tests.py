"""Tests deleted on real commits: how many the change's version of their file lacks
(what GATE301 reported before it matched moves), and how many GATE301 and GATE308
report now, with every one listed for reading.

    python bench/rules/deleted_tests.py PATH_TO_A_CLONE [--limit N]

Each commit of HEAD's first-parent history is judged against its parent, as a pull
request's squashed commit would be. Results are in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gate.change import git
from gate.process import ProcessError
from gate.rules.gate301_test_deleted import DeletedTest
from gate.rules.gate308_behaviour_removed import BehaviourRemoved
from gate.rules.interface import FileVersions, RuleSettings
from gate.rules.runner import lint
from gate.rules.testdefs import deleted_tests

SETTINGS = RuleSettings()


def show(repo: Path, revision: str, path: str) -> str | None:
    try:
        return git(repo, "show", f"{revision}:{path}").decode("utf-8", "replace")
    except ProcessError:  # not there at that revision
        return None


def changed_files(repo: Path, parent: str, commit: str) -> list[FileVersions]:
    out = git(repo, "diff", "--name-status", "-M", parent, commit).decode()
    files = []
    for line in out.splitlines():
        status, *paths = line.split("\t")
        if not any(p.endswith(".py") for p in paths):
            continue
        if status.startswith("R"):
            old, new = paths
        elif status == "A":
            old, new = None, paths[0]
        else:
            old, new = paths[0], paths[0]
        files.append(
            FileVersions(
                path=new,
                old_path=old,
                base=show(repo, parent, old) if old else None,
                head=None if status == "D" else show(repo, commit, new),
            )
        )
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    commits = (
        git(
            args.repo,
            "rev-list",
            "--first-parent",
            "--no-merges",
            f"--max-count={args.limit}",
            "HEAD",
        )
        .decode()
        .split()
    )
    touched = deleted = 0
    reported: dict[str, list[str]] = {"GATE301": [], "GATE308": []}
    for commit in commits:
        parents = git(args.repo, "rev-list", "--parents", "-n1", commit).decode().split()[1:]
        if not parents:
            continue
        files = changed_files(args.repo, parents[0], commit)
        gone = [g for f in files for g in deleted_tests(f, SETTINGS)]
        if not gone:
            continue
        touched += 1
        deleted += len(gone)
        subject = git(args.repo, "log", "-1", "--format=%s", commit).decode().strip()
        for finding in lint(files, SETTINGS, [DeletedTest, BehaviourRemoved]).findings:
            reported[finding.rule_id].append(f"{commit[:10]} {finding.message} | {subject[:60]}")
    print(f"{len(commits)} commits; {touched} delete tests ({deleted} tests);")
    print(f"GATE301 reports {len(reported['GATE301'])}, GATE308 {len(reported['GATE308'])}")
    for rule, lines in reported.items():
        for line in lines:
            print(f"  {rule} {line}")


if __name__ == "__main__":
    main()
