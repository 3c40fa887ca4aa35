"""False blocks on real commits: how often the gate's security checks block the recent
commits of popular projects, next to bandit alone and semgrep's open rules on the same ones.

    PYTHONPATH=WORKTREE .venv/bin/python bench/accuracy/commits.py \
        --history GIT_DIR [--history GIT_DIR ...] [--per-project 30] \
        [--semgrep-rules SEMGREP_RULES_GIT_DIR] [--json OUT.json]
    .venv/bin/python bench/accuracy/commits.py --render OUT.json    # tables for RESULTS.md

From each history, the newest non-merge commits of HEAD's first-parent line that add or
modify a .py file (a commit touching more than 60 .py files, or without its parent, is
skipped and listed). Each is judged against its first parent three ways:

- the gate as users run it, `gate check --base PARENT --head COMMIT --only security`
  (rules, semgrep, bandit in the sandbox, default policy) in a throwaway clone: a commit
  is blocked when a finding's action is block; an errored check is counted apart;
- bandit alone, the naive way (`bandit -q -f json` on the commit's changed .py files, no
  config): flagged by an issue of medium severity or above on a line the commit adds;
- semgrep with the open semgrep-rules' python/ folder (its test files dropped): flagged
  by an ERROR or WARNING finding on an added line. Semgrep spends some 45 s loading those
  rules whatever it scans, so the changed files of a project's commits are scanned in one
  run (semgrep's open engine judges each file alone: the result is the same) and its time
  is shared among them.

Every result is cached in the JSON: run again with the same `--json` to resume; a commit
is judged again only by a tool whose version (for the gate, a digest of its sources)
changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import gate
from gate.pipeline import Request, run
from gate.policy.model import Action
from gate.verdict import Verdict

Record = dict[str, Any]

PER_PROJECT = 30
MAX_PY_FILES = 60
"""A commit touching more .py files is skipped: a reformat or a vendoring, not a review."""
SEMGREP_BATCH = 100
"""Commits whose files one semgrep run scans."""
BANDIT_FLAGS = {"MEDIUM", "HIGH"}
SEMGREP_FLAGS = {"ERROR", "WARNING"}
SEMGREP = Path(sys.executable).with_name("semgrep")
SEMGREP_ENV = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
TARGET_PCT = 2.0
"""The project's target: at most this share of real commits blocked by findings."""


@dataclass(frozen=True)
class Commit:
    """One commit to judge, against its first parent."""

    project: str
    """``owner/name``."""
    gitdir: Path
    """The git directory it was read from."""
    sha: str
    """The commit."""
    parent: str
    """Its first parent."""
    subject: str
    """The first line of its message."""
    py_files: tuple[str, ...]
    """The .py files it adds or modifies, as paths in the commit."""


# --- git ------------------------------------------------------------------------------


def git(gitdir: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", f"--git-dir={gitdir}", "-c", "core.quotePath=false", *args],
        check=True,
        capture_output=True,
        text=True,
        errors="replace",
    )
    return done.stdout


def show(gitdir: Path, sha: str, path: str) -> bytes:
    """The file's bytes as in the commit."""
    argv = ["git", f"--git-dir={gitdir}", "show", f"{sha}:{path}"]
    return subprocess.run(argv, check=True, capture_output=True).stdout


def has_commit(gitdir: Path, sha: str) -> bool:
    done = subprocess.run(
        ["git", f"--git-dir={gitdir}", "cat-file", "-e", f"{sha}^{{commit}}"], capture_output=True
    )
    return done.returncode == 0


def first_parent_history(gitdir: Path) -> Iterator[tuple[str, list[str]]]:
    """(commit, parents) along HEAD's first-parent line, merges left out, newest first."""
    argv = [
        "git",
        f"--git-dir={gitdir}",
        "rev-list",
        "--first-parent",
        "--no-merges",
        "--parents",
        "HEAD",
    ]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                sha, *parents = line.split()
                yield sha, parents
        finally:
            proc.kill()


def py_changes(gitdir: Path, parent: str, sha: str) -> tuple[list[str], int]:
    """The .py files the commit adds or modifies, and how many .py paths it touches."""
    out = git(gitdir, "diff-tree", "-r", "-M", "--name-status", "-z", parent, sha)
    fields = out.split("\0")
    changed, touched, i = [], 0, 0
    while i < len(fields) - 1:
        status = fields[i]
        paths = fields[i + 1 : i + 3] if status[0] in "RC" else fields[i + 1 : i + 2]
        i += 1 + len(paths)
        if not any(p.endswith(".py") for p in paths):
            continue
        touched += 1
        edited = status[0] in "AM" or (status[0] in "RC" and status[1:] != "100")
        if edited and paths[-1].endswith(".py"):
            changed.append(paths[-1])
    return changed, touched


def added_lines(gitdir: Path, parent: str, sha: str) -> dict[str, set[int]]:
    """The line numbers each .py file has added or changed in the commit."""
    out = git(gitdir, "diff", "-U0", "-M", "--no-color", "--no-ext-diff", parent, sha, "--", "*.py")
    lines: dict[str, set[int]] = {}
    current: str | None = None
    for line in out.splitlines():
        if line.startswith("+++ "):
            current = line[6:] if line.startswith("+++ b/") else None
        elif current and (match := HUNK.match(line)):
            start, count = int(match[1]), int(match[2] or 1)
            lines.setdefault(current, set()).update(range(start, start + count))
    return lines


def missing_blobs(gitdir: Path, *revisions: str) -> list[str]:
    """Paths in the revisions' trees whose contents the git directory lacks (a snapshot
    may leave its largest files out): neither a checkout nor the gate can read them."""
    paths: dict[str, str] = {}
    for revision in revisions:
        for entry in git(gitdir, "ls-tree", "-r", "-z", revision).split("\0"):
            meta, _, path = entry.partition("\t")
            if meta.split(" ")[1:2] == ["blob"]:
                paths.setdefault(meta.split(" ")[2], path)
    done = subprocess.run(
        ["git", f"--git-dir={gitdir}", "cat-file", "--batch-check"],
        input="\n".join(paths) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted(paths[line.split()[0]] for line in done.stdout.splitlines() if " missing" in line)


def select(gitdir: Path, project: str, limit: int) -> tuple[list[Commit], list[Record]]:
    """The newest ``limit`` commits to judge, and those skipped on the way."""
    chosen: list[Commit] = []
    skipped: list[Record] = []
    for sha, parents in first_parent_history(gitdir):
        if len(chosen) == limit:
            break
        subject = git(gitdir, "log", "-1", "--format=%s", sha).strip()
        if not parents or not has_commit(gitdir, parents[0]):
            skipped.append({"sha": sha, "subject": subject, "why": "parent missing"})
            continue
        changed, touched = py_changes(gitdir, parents[0], sha)
        if not changed:
            continue
        if touched > MAX_PY_FILES:
            skipped.append({"sha": sha, "subject": subject, "why": f"{touched} .py files"})
            continue
        if missing := missing_blobs(gitdir, sha, parents[0]):
            why = f"{len(missing)} file(s) missing from the mirror: {missing[0]}"
            skipped.append({"sha": sha, "subject": subject, "why": why})
            continue
        chosen.append(Commit(project, gitdir, sha, parents[0], subject, tuple(changed)))
    return chosen, skipped


def project_name(gitdir: Path) -> str:
    """``owner/name`` from a ``.../owner+name/repo`` (or ``owner+name.git``) directory."""
    named = gitdir.parent if gitdir.name == ".git" else gitdir
    named = named.parent if named.name == "repo" else named
    return named.name.removesuffix(".git").replace("+", "/")


# --- the three judges ----------------------------------------------------------------


def gate_version() -> str:
    """The gate's version and a digest of what decides its verdicts: the package that
    imports as ``gate`` and, from a source checkout, the policies (default policy, semgrep
    pack) and the sandbox definition beside it (a wheel ships them inside the package)."""
    package = Path(gate.__file__).parent
    digest = hashlib.sha256()
    for root in (package, package.parent / "policies", package.parent / "sandboxes"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(package.parent).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return f"{gate.__version__}+{digest.hexdigest()[:12]}"


def judge_gate(clone: Path, commit: Commit, version: str) -> Record:
    """The gate's security checks on the commit, as ``gate check --only security``."""
    subprocess.run(
        ["git", "checkout", "-q", "--force", "--detach", commit.sha], cwd=clone, check=True
    )
    subprocess.run(["git", "clean", "-q", "-fdx"], cwd=clone, check=True)
    start = time.perf_counter()
    request = Request(path=clone, base=commit.parent, head=commit.sha, only=["security"])
    try:
        verdict = run(request).verdict
    except Exception as exc:  # the gate could not judge it: fail closed, counted as errored
        message = f"{type(exc).__name__}: {exc}"
        return {
            "version": version,
            "verdict": "ERROR",
            "checks": {},
            "errored": [{"check": "gate", "message": message}],
            "blocking": [],
            "warnings": 0,
            "reasons": [],
            "ai_signals": [],
            "seconds": time.perf_counter() - start,
        }
    return {"version": version, **verdict_record(verdict), "seconds": time.perf_counter() - start}


def verdict_record(verdict: Verdict) -> Record:
    """What the verdict says: each check's status, errored checks, blocking findings."""
    return {
        "verdict": verdict.result,
        "checks": {c.id: {"status": c.status, "reason": c.reason} for c in verdict.checks},
        "errored": [
            {"check": c.id, "message": c.reason or ""}
            for c in verdict.checks
            if c.status == "errored"
        ],
        "blocking": [
            {
                "check": j.finding.tool,
                "rule": j.finding.rule_id,
                "path": j.finding.path,
                "line": j.finding.line,
                "message": j.finding.message,
                "why": j.reason,
            }
            for j in verdict.findings
            if j.action is Action.BLOCK
        ],
        "warnings": sum(j.action is Action.WARN for j in verdict.findings),
        "reasons": list(verdict.reasons),
        "ai_signals": [str(s) for s in verdict.ai_signals or ()],
    }


def bandit_version() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "bandit", "--version"], capture_output=True, text=True, check=True
    )
    return done.stdout.split()[1]


def judge_bandit(clone: Path, commit: Commit, version: str) -> Record:
    """Bandit alone on the commit's changed files: medium or above on an added line."""
    added = added_lines(commit.gitdir, commit.parent, commit.sha)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-f", "json", *commit.py_files],
        cwd=clone,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    report = json.loads(done.stdout)
    issues = [
        {
            "rule": r["test_id"],
            "path": os.path.normpath(r["filename"]),
            "line": r["line_number"],
            "severity": r["issue_severity"],
            "message": r["issue_text"],
        }
        for r in report["results"]
        if r["issue_severity"] in BANDIT_FLAGS
        and r["line_number"] in added.get(os.path.normpath(r["filename"]), ())
    ]
    errors = [f"{e['filename']}: {e['reason']}" for e in report.get("errors", [])]
    return {
        "version": version,
        "flagged": bool(issues),
        "issues": issues,
        "errors": errors,
        "seconds": seconds,
    }


def prepare_semgrep_rules(source: Path, into: Path) -> tuple[str, int]:
    """semgrep-rules' python/ folder from its git directory, rule files only; its commit
    and how many rule files."""
    gitdir = source / ".git" if (source / ".git").exists() else source
    sha = git(gitdir, "rev-parse", "HEAD").strip()
    archive = subprocess.run(
        ["git", f"--git-dir={gitdir}", "archive", sha, "python"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    kept = 0
    for path in sorted((into / "python").rglob("*")):
        if not path.is_file():
            continue
        rule_file = path.suffix in (".yaml", ".yml") and ".test." not in path.name
        if rule_file and "fixture" not in path.as_posix() and has_rules_key(path):
            kept += 1
        else:
            path.unlink()
    return sha, kept


def has_rules_key(path: Path) -> bool:
    return any(line.startswith("rules:") for line in path.read_text(errors="replace").splitlines())


def semgrep_version() -> str:
    done = subprocess.run(
        [str(SEMGREP), "--version"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **SEMGREP_ENV},
    )
    return done.stdout.strip()


def judge_semgrep(rules: Path, commits: Sequence[Commit], key: str) -> dict[str, Record]:
    """Semgrep's open rules on each commit's changed files, all scanned in one run."""
    with tempfile.TemporaryDirectory(prefix="mergegate-semgrep-") as tmp:
        owner: dict[str, tuple[Commit, str]] = {}
        for index, commit in enumerate(commits):
            for path in commit.py_files:
                target = Path(tmp) / f"c{index:03d}" / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(show(commit.gitdir, commit.sha, path))
                owner[target.relative_to(tmp).as_posix()] = (commit, path)
        start = time.perf_counter()
        done = subprocess.run(
            [
                str(SEMGREP),
                "scan",
                "--config",
                str(rules),
                "--metrics=off",
                "--disable-version-check",
                "--json",
                "--quiet",
                *owner,
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
            env={**os.environ, **SEMGREP_ENV},
        )
        seconds = time.perf_counter() - start
    if not done.stdout.strip():
        raise SystemExit(f"semgrep printed nothing (exit {done.returncode}): {done.stderr[-500:]}")
    report = json.loads(done.stdout)
    added = {c.sha: added_lines(c.gitdir, c.parent, c.sha) for c in commits}
    out: dict[str, Record] = {
        c.sha: {
            "version": key,
            "flagged": False,
            "findings": [],
            "errors": [],
            "seconds": seconds / len(commits),
        }
        for c in commits
    }
    for result in report["results"]:
        commit, path = owner[result["path"]]
        line, severity = result["start"]["line"], result["extra"]["severity"]
        if severity in SEMGREP_FLAGS and line in added[commit.sha].get(path, ()):
            record = out[commit.sha]
            record["flagged"] = True
            record["findings"].append(
                {
                    "rule": result["check_id"].split(f"{rules.name}.", 1)[-1],
                    "path": path,
                    "line": line,
                    "severity": severity,
                    "message": result["extra"]["message"],
                }
            )
    for error in report.get("errors", []):
        if error.get("path") in owner:
            commit, path = owner[error["path"]]
            out[commit.sha]["errors"].append(f"{path}: {error.get('type')}")
    return out


# --- the run -------------------------------------------------------------------------


def load(path: Path | None) -> Record:
    if path is not None and path.exists():
        data: Record = json.loads(path.read_text())
        return data
    return {"meta": {}, "projects": {}, "commits": {}}


def save(data: Record, path: Path | None) -> None:
    if path is None:
        return
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, indent=1))
    partial.replace(path)


def stale(record: Record, tool: str, version: str) -> bool:
    """Whether the record lacks the tool's result at this version."""
    return bool(record.get(tool, {}).get("version") != version)


def judge_project(
    commits: Sequence[Commit], data: Record, versions: Record, out: Path | None
) -> None:
    """The gate and bandit on every commit not judged yet by their current versions."""
    todo = [
        c
        for c in commits
        if any(stale(data["commits"][c.sha], tool, versions[tool]) for tool in ("gate", "bandit"))
    ]
    if not todo:
        return
    with tempfile.TemporaryDirectory(prefix="mergegate-commits-") as tmp:
        clone = Path(tmp) / "repo"
        subprocess.run(
            ["git", "clone", "-q", "--shared", "--no-checkout", str(todo[0].gitdir), str(clone)],
            check=True,
        )
        for commit in todo:
            record = data["commits"][commit.sha]
            if stale(record, "gate", versions["gate"]):
                record["gate"] = judge_gate(clone, commit, versions["gate"])
            if stale(record, "bandit", versions["bandit"]):
                record["bandit"] = judge_bandit(clone, commit, versions["bandit"])
            save(data, out)
            print(progress(record), file=sys.stderr, flush=True)


def progress(record: Record) -> str:
    found = record["gate"]
    reasons = [f"{b['rule']} {b['path']}:{b['line']}" for b in found["blocking"]]
    reasons += [f"errored {e['check']}" for e in found["errored"]]
    return (
        f"   {record['sha'][:10]} {found['verdict']:<7} {found['seconds']:5.1f}s "
        f"bandit={'F' if record['bandit']['flagged'] else '-'} "
        f"{'; '.join(reasons)[:150]}"
    )


def semgrep_project(
    commits: Sequence[Commit], data: Record, rules: Path, key: str, out: Path | None
) -> None:
    todo = [c for c in commits if stale(data["commits"][c.sha], "semgrep", key)]
    for start in range(0, len(todo), SEMGREP_BATCH):
        batch = todo[start : start + SEMGREP_BATCH]
        for sha, record in judge_semgrep(rules, batch, key).items():
            data["commits"][sha]["semgrep"] = record
        save(data, out)
        flagged = sum(data["commits"][c.sha]["semgrep"]["flagged"] for c in batch)
        print(f"   semgrep: {len(batch)} commits, {flagged} flagged", file=sys.stderr)


def judge_all(args: argparse.Namespace, tmp: Path) -> Record:
    data = load(args.json)
    versions = {"gate": gate_version(), "bandit": bandit_version()}
    rules: Path | None = None
    if args.semgrep_rules is not None and args.semgrep_rules.exists():
        rules = tmp / "semgrep-rules"
        rules.mkdir()
        rules_sha, count = prepare_semgrep_rules(args.semgrep_rules, rules)
        versions["semgrep"] = f"{semgrep_version()} semgrep-rules@{rules_sha[:12]}"
        data["meta"]["semgrep_rules"] = {"commit": rules_sha, "rule_files": count}
    else:
        where = f"at {args.semgrep_rules}" if args.semgrep_rules else "given (--semgrep-rules)"
        print(f"!! NO SEMGREP COLUMN: no semgrep-rules {where}", file=sys.stderr)
    data["meta"] |= {
        "versions": versions,
        "gate_file": gate.__file__,
        "per_project": args.per_project,
        "max_py_files": MAX_PY_FILES,
        "updated": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    print(f"gate {versions['gate']} from {gate.__file__}", file=sys.stderr)
    for gitdir in args.history:
        project = project_name(gitdir)
        commits, skipped = select(gitdir, project, args.per_project)
        print(f"== {project}: {len(commits)} commits, {len(skipped)} skipped", file=sys.stderr)
        data["projects"][project] = {
            "head": git(gitdir, "rev-parse", "HEAD").strip(),
            "commits": [c.sha for c in commits],
            "skipped": skipped,
        }
        for c in commits:
            record = data["commits"].setdefault(c.sha, {})
            record |= {
                "project": project,
                "sha": c.sha,
                "parent": c.parent,
                "subject": c.subject,
                "py_files": list(c.py_files),
            }
        judge_project(commits, data, versions, args.json)
        if rules is not None:
            semgrep_project(commits, data, rules, versions["semgrep"], args.json)
    save(data, args.json)
    return data


# --- rendering -----------------------------------------------------------------------


def pct(count: int, total: int) -> str:
    return f"{count} ({count / total:.1%})" if total else "0"


def summary_row(name: str, records: Sequence[Record]) -> str:
    judged = [r for r in records if "gate" in r]
    blocked = sum(bool(r["gate"]["blocking"]) for r in judged)
    beyond = sum(any(family(b) != TESTS for b in r["gate"]["blocking"]) for r in judged)
    errored = sum(bool(r["gate"]["errored"]) for r in judged)
    bandit = [r for r in records if "bandit" in r]
    semgrep = [r for r in records if "semgrep" in r]
    cells = [
        name,
        str(len(judged)),
        pct(blocked, len(judged)),
        pct(beyond, len(judged)),
        str(errored),
        pct(sum(r["bandit"]["flagged"] for r in bandit), len(bandit)),
        pct(sum(r["semgrep"]["flagged"] for r in semgrep), len(semgrep)) if semgrep else "-",
        pct(sum(semgrep_security(r) for r in semgrep), len(semgrep)) if semgrep else "-",
        f"{sum(r['gate']['seconds'] for r in judged):.0f}",
        f"{sum(r['bandit']['seconds'] for r in bandit):.0f}",
        f"{sum(r['semgrep']['seconds'] for r in semgrep):.0f}" if semgrep else "-",
    ]
    return "| " + " | ".join(cells) + " |"


def semgrep_security(record: Record) -> bool:
    """Whether one of semgrep's flagging findings comes from a rule under ``security``."""
    return any(".security." in f["rule"] for f in record["semgrep"]["findings"])


def shorten(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(data: Record) -> str:
    """Markdown tables for bench/RESULTS.md."""
    meta = data["meta"]
    by_project = {
        p: [data["commits"][s] for s in info["commits"] if s in data["commits"]]
        for p, info in data["projects"].items()
    }
    everything = [r for records in by_project.values() for r in records]
    versions = meta.get("versions", {})
    rules = meta.get("semgrep_rules")
    lines = [
        f'gate {versions.get("gate")} (`only=["security"]`, default policy, sandboxed); '
        f"bandit {versions.get('bandit')} alone (medium or above on an added line); "
        + (
            f"semgrep {versions.get('semgrep')}, python/ ({rules['rule_files']} rule files; "
            "ERROR or WARNING on an added line)."
            if rules
            else "no semgrep column."
        ),
        "",
        "| project | commits | gate blocked | not by test integrity alone | errored "
        "| bandit flagged | semgrep flagged | of which security rules | gate s | bandit s "
        "| semgrep s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(summary_row(p, records) for p, records in by_project.items()),
        summary_row("**all**", everything),
    ]
    blocked = [r for r in everything if r.get("gate", {}).get("blocking")]
    judged = sum("gate" in r for r in everything)
    share = 100 * len(blocked) / judged if judged else 0.0
    lines += ["", f"Blocked by findings: {share:.1f}% of {judged} (target at most {TARGET_PCT}%)."]
    lines += rule_table(blocked)
    lines += [
        "",
        "Commits the gate blocked:",
        "",
        "| project | commit | subject | blocking findings |",
        "|---|---|---|---|",
    ]
    for r in blocked:
        found = "<br>".join(
            cell(f"{b['check']}:{b['rule']} {b['path']}:{b['line']} {shorten(b['message'])}")
            for b in r["gate"]["blocking"]
        )
        lines.append(
            f"| {r['project']} | {r['sha'][:10]} | {cell(shorten(r['subject'], 70))} | {found} |"
        )
    lines += errored_table(everything)
    lines += skipped_table(data)
    return "\n".join(lines)


TESTS = "test integrity"
FAMILIES = {"1": "code", "2": "supply chain", "3": TESTS, "4": "secrets and configuration"}
"""The families of the gate's own rules, by the first digit of GATEnxx."""


def family(blocking: Record) -> str:
    """The family of a blocking finding: bandit's and semgrep's are code findings."""
    rule = str(blocking["rule"])
    if blocking["check"] == "rules" and rule.startswith("GATE"):
        return FAMILIES.get(rule[4:5], "other")
    return "code"


def rule_table(blocked: Sequence[Record]) -> list[str]:
    """Each blocking rule with its family, the commits it blocks and its findings."""
    findings: Counter[str] = Counter()
    commits: Counter[str] = Counter()
    families: dict[str, str] = {}
    for r in blocked:
        rules = [f"{b['check']}:{b['rule']}" for b in r["gate"]["blocking"]]
        families |= {f"{b['check']}:{b['rule']}": family(b) for b in r["gate"]["blocking"]}
        findings.update(rules)
        commits.update(set(rules))
    rows = [
        f"| {rule} | {families[rule]} | {commits[rule]} | {count} |"
        for rule, count in findings.most_common()
    ]
    return ["", "| blocking rule | family | commits | findings |", "|---|---|---|---|", *rows]


def errored_table(records: Sequence[Record]) -> list[str]:
    rows = [
        f"| {r['project']} | {r['sha'][:10]} | {e['check']} | {cell(shorten(e['message']))} |"
        for r in records
        for e in r.get("gate", {}).get("errored", [])
    ]
    if not rows:
        return ["", "No check errored."]
    return [
        "",
        "Errored checks:",
        "",
        "| project | commit | check | message |",
        "|---|---|---|---|",
        *rows,
    ]


def skipped_table(data: Record) -> list[str]:
    rows = [
        f"| {project} | {s['sha'][:10]} | {cell(shorten(s['subject'], 70))} | {s['why']} |"
        for project, info in data["projects"].items()
        for s in info["skipped"]
    ]
    if not rows:
        return ["", "No commit skipped."]
    return ["", "Skipped:", "", "| project | commit | subject | why |", "|---|---|---|---|", *rows]


# --- command line --------------------------------------------------------------------


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--history",
        type=Path,
        action="append",
        default=[],
        help="a project's git directory (repeat)",
    )
    parser.add_argument("--per-project", type=int, default=PER_PROJECT)
    parser.add_argument(
        "--semgrep-rules", type=Path, help="the semgrep-rules repository's git directory"
    )
    parser.add_argument("--json", type=Path, help="results file: written, and resumed from")
    parser.add_argument("--render", type=Path, help="print the tables of a results file")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.render is not None:
        print(render(load(args.render)))
        return 0
    if not args.history:
        raise SystemExit("commits: give --history GIT_DIR (or --render RESULTS.json)")
    with tempfile.TemporaryDirectory(prefix="mergegate-accuracy-") as tmp:
        try:
            data = judge_all(args, Path(tmp))
        except KeyboardInterrupt:
            print("interrupted: run again with the same --json to resume", file=sys.stderr)
            return 130
    judged = [data["commits"][s] for info in data["projects"].values() for s in info["commits"]]
    if len(judged) < 300 or len(data["projects"]) < 10:
        print(f"!! only {len(judged)} commits of {len(data['projects'])} projects", file=sys.stderr)
    print(render(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
