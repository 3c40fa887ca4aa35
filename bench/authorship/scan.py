"""Signs of AI authorship in a real repository's whole history: how many commits show
one, of which kinds, every identity and marker seen (to read by eye: each should be an
agent), the commits whose signs are markers alone, and the commits that name an agent
without showing a sign (to read for misses: most are humans writing about agents).

    python bench/authorship/scan.py PATH_TO_A_CLONE [--all-refs]

Histories come from clones (the tool that fetched them is not needed to run this);
results are in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from gate import authorship
from gate.authorship import Evidence
from gate.policy import loader

AGENT_WORDS = re.compile(r"copilot|claude|codex|cursor|devin|jules|aider|openhands|sweep", re.I)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--all-refs", action="store_true", help="every branch, not only HEAD's")
    args = parser.parse_args()
    known = loader.build(loader.default_data(), "default").authorship
    commits = authorship.commits(args.repo, "--all" if args.all_refs else "HEAD")
    seen: collections.Counter[str] = collections.Counter()
    kinds: collections.Counter[str] = collections.Counter()
    flagged, markers_only, unflagged_mentions = 0, [], []
    for commit in commits:
        signals = authorship.detect(known, [commit], Evidence())
        if signals:
            flagged += 1
            kinds.update(s.kind for s in signals)
            seen.update(f"{s.kind}:{s.value}" for s in signals)
            if all(s.kind == "marker" for s in signals):
                markers_only.append(commit)
        elif AGENT_WORDS.search(" ".join([*commit.author, *commit.committer, commit.message])):
            unflagged_mentions.append(commit)
    print(f"{len(commits)} commits, {flagged} with a sign; by kind: {dict(kinds)}")
    for value, count in seen.most_common():
        print(f"  {count:5d}  {value}")
    print(f"{len(markers_only)} commits whose only signs are markers:")
    for commit in markers_only[:20]:
        print(f"  {commit.sha[:10]} {commit.author[0]} | {commit.message.splitlines()[0][:80]}")
    print(f"{len(unflagged_mentions)} commits that name an agent and show no sign, e.g.:")
    for commit in unflagged_mentions[:20]:
        print(f"  {commit.sha[:10]} {commit.author[0]} | {commit.message.splitlines()[0][:80]}")


if __name__ == "__main__":
    main()
