"""Recall and false-positive rate of the gate's security checks, of bandit alone and of
semgrep's open rules, per CWE, on labelled code nobody on this project wrote: CodeQL's
Python security query tests (github/codeql, MIT), copied into data/codeql.

    .venv/bin/python bench/accuracy/labelled.py --label     # (re)write data/codeql/labels.json
    .venv/bin/python bench/accuracy/labelled.py [--semgrep-rules DIR] [--json OUT] [--markdown]

(`PYTHONPATH=WORKTREE` in front judges with the gate of another checkout; DIR is the python/
folder of semgrep-rules, e.g. from `git --git-dir=MIRROR archive HEAD python | tar -x`.)

The unit is a function or method (a nested def belongs to its outermost def), plus the
module-level code of each file. A unit is insecure when it holds a line CodeQL's test marks
as a true alert of its folder's query: an inline expectation (`$ Alert`, `$ MISSING: Alert`,
`$ result=BAD`; `$ SPURIOUS: ...` is safe), or, in the tests without inline expectations, a
row of the folder's `.expected` that matches the file as stored, or a `NOT OK`/`BAD` comment;
every other unit of the folder is safe. A scanner flags a unit when one of its findings
whose CWE is the unit's, or related to it (RELATED), lands in it: the labels speak of the
folder's weakness only, so a finding of another (a Flask app's debug mode in a NoSQL
test) counts neither as a catch nor as a false positive, and is listed apart. The gate
runs as users run it (the security checks, default policy, in the sandbox) on a throwaway
repository whose head commit adds the files, and counts what the verdict blocks on;
bandit (medium severity and above) and semgrep with semgrep-rules' python/ folder (ERROR
and WARNING) run on the host over the same files.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tokenize
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data" / "codeql"
LABELS = DATA / "labels.json"
MODULE = "<module>"
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
       "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"]  # fmt: skip
# Folders copied but not scored, and why.
UNSCORED = {
    "CWE-020-ExternalAPIs": "an audit query (untrusted data reaching any third-party API), "
    "not a weakness: its alerts flag hmac.new and unknown libraries",
    "CWE-915-AttributePollution": "no inline expectations and no .expected file in the "
    "stored snapshot: nothing says which lines are alerts",
}
# Folders whose name carries no CWE number: the CWE CodeQL tags the query with.
CWE_OF_FOLDER = {"CVE-2018-1281": 200}  # py/bind-socket-all-network-interfaces
RULES = (
    "Unit: each def not inside another def (methods too), from its first decorator to its "
    "end; the rest of a file is its <module> unit. A file with inline expectations: a line "
    "is a true alert when its `$` comment has `result=BAD` outside `SPURIOUS:`, or, without "
    "result= tags, an `Alert` tag outside `SPURIOUS:` (after `MISSING:` too) not followed "
    "by a `# OK`/`# GOOD` note. A file without them: lines whose comment starts NOT OK, NOT "
    "GOOD, BAD, UNSAFE or INSECURE (a comment on a line of its own speaks for the next "
    "line of code), plus the lines of its folder's .expected #select rows when every row "
    "for the file matches it as stored (line in range, named node at its columns), except "
    "lines whose comment starts OK/GOOD/SAFE/FP (alerts CodeQL's test records as wrong). "
    "A unit is insecure when a true-alert line is inside it."
)
MAX_FILES_PER_RUN = 60  # one gate run over all files may pass the run's 300 s limit
SEMGREP_ENV = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}

# Comment keywords of the older tests, at the start of a comment ("# NOT OK -- ...").
_BAD = re.compile(r"(not ok|not good|bad|unsafe|insecure)\b", re.IGNORECASE)
_GOOD = re.compile(r"(ok|good|safe|secure|fp)\b", re.IGNORECASE)
_ALERT_TAG = re.compile(r"Alert(\[[^\]]*\])?(=\S*)?$")
_LOCATION = re.compile(r"^(?P<file>.+):(?P<l1>\d+):(?P<c1>\d+):(?P<l2>\d+):(?P<c2>\d+)$")
_NAMED_NODE = re.compile(r"^(?:ControlFlowNode for|SSA variable) (?P<name>[A-Za-z_]\w*)$")
# What CodeQL names an unnamed expression's node ("ControlFlowNode for Subscript").
_NODE_KINDS = {"Attribute", "Subscript", "BinaryExpr", "Dict", "List", "Tuple", "Set",
               "Fstring", "JoinedStr", "StringLiteral", "Str", "Bytes", "Compare", "IfExp",
               "ListComp", "DictComp", "SetComp", "GeneratorExp", "UnaryExpr", "BoolExpr",
               "Starred", "Await", "ImportMember", "ImportExpr", "IntegerLiteral"}  # fmt: skip
Row = tuple[int, int, int, int, str]  # a .expected alert: line, column, end line, column, node
_NON_CODE = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
             tokenize.DEDENT, tokenize.ENDMARKER}  # fmt: skip


@dataclass(frozen=True)
class Unit:
    """One labelled function, method or module body."""

    file: str
    """Path under data/codeql, e.g. ``CWE-078-CommandInjection/command_injection.py``."""
    name: str
    """``Class.method``, ``function`` or ``<module>``."""
    start: int
    """First line (a def's first decorator); 1 for the module body."""
    end: int
    """Last line."""
    cwe: int
    """The CWE of the file's folder."""
    insecure: bool
    """Whether a true alert of the folder's query lies inside."""
    lines: tuple[int, ...]
    """The true-alert lines inside it."""
    basis: str
    """Where the label comes from: ``inline``, ``expected``, ``comments`` (or both) or
    ``none`` (no alert marked in the file)."""

    @property
    def key(self) -> str:
        return f"{self.file}:{self.name}:{self.start}"


RELATED: tuple[frozenset[int], ...] = tuple(
    frozenset(group)
    for group in (
        {20, 601, 918, 1333, 185},  # incomplete URL/host checks: what they guard
        {22, 23, 36, 73, 59},  # path traversal
        {77, 78, 88},  # command injection
        {79, 80, 116},  # cross-site scripting, output encoding
        {89, 564},  # SQL injection
        {74, 94, 95, 1336},  # code and template injection
        {93, 113},  # header injection
        {93, 117},  # log injection
        {200, 605, 1327},  # a server bound to every interface (CVE-2018-1281)
        {200, 209, 497},  # information exposure through errors
        {215, 489},  # debug mode
        {285, 287, 306, 862, 863},  # missing authentication or authorisation
        {295, 297},  # certificate validation
        {312, 315, 359, 532},  # cleartext storage and logging
        {326, 327, 328, 757, 780, 916, 1204},  # weak cryptography
        {377, 378, 379},  # insecure temporary files
        {611, 776, 827},  # XML entities
        {614, 1004, 1275},  # cookie flags
        {730, 1333, 185, 625},  # regular expressions: ReDoS, injection
        {732, 276},  # permissions
        {259, 260, 321, 798},  # hard-coded credentials
        {346, 942},  # CORS
    )
)
"""CWEs that count for each other: a finding counts for a unit when its CWE is the unit's,
or in one of these groups with it (each group is one weakness as the scanners name it)."""


def related(unit_cwe: int, cwes: Iterable[int]) -> bool:
    """Whether a finding of ``cwes`` speaks of the weakness a unit of ``unit_cwe`` has."""
    return any(cwe == unit_cwe or any(unit_cwe in g and cwe in g for g in RELATED) for cwe in cwes)


def cwes_in(value: object) -> list[int]:
    """The CWE numbers in a scanner's metadata (``"CWE-79: ..."``, ``[...]``, ``79``)."""
    return [int(n) for n in re.findall(r"(?:CWE-)?(\d+)", json.dumps(value))]


@dataclass
class Flags:
    """What one scanner did over all units."""

    flagged: dict[str, list[str]] = field(default_factory=dict)
    """Unit key -> the rule ids that flagged it."""
    warned: dict[str, list[str]] = field(default_factory=dict)
    """Unit key -> the rule ids that only warned there (the gate's findings below the bar)."""
    other: dict[str, list[str]] = field(default_factory=dict)
    """Unit key -> the rule ids that flagged it for a weakness unrelated to its CWE (a
    Flask app's debug mode in a NoSQL test): not counted either way, since the labels
    speak only of the folder's CWE."""
    seconds: float = 0.0
    """Wall-clock seconds the scanner took."""
    problems: list[str] = field(default_factory=list)
    """Errored checks, files it could not read, findings on no line: said, not dropped."""


# Labelling ------------------------------------------------------------------------------


def folder_cwe(folder: str) -> int | None:
    """The CWE number a CodeQL test folder is about, from its name."""
    match = re.match(r"CWE-(\d+)", folder)
    return int(match.group(1)) if match else CWE_OF_FOLDER.get(folder)


def spans(tree: ast.Module) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of every def not inside another def."""
    found: list[tuple[str, int, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                found.append((prefix + child.name, first, child.end_lineno or child.lineno))
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.stmt | ast.excepthandler | ast.match_case):
                visit(child, prefix)

    visit(tree, "")
    return found


def comments(text: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each comment; a comment on a line of its own is given the line of
    the code it stands above."""
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    code_lines = {t.start[0] for t in tokens if t.type not in _NON_CODE}
    for token in tokens:
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        if not token.line[: token.start[1]].strip():
            line = min((n for n in code_lines if n > line), default=line)
        yield line, token.string


def expectation(comment: str) -> tuple[bool | None, bool]:
    """(truth, is an expectation) of an inline-expectation comment: True for a true alert,
    False for a line the test says is safe, None when it says nothing of alerts."""
    if "$" not in comment:
        return None, False
    tags, _, note = comment.split("$", 1)[1].partition("#")
    sections: dict[str, list[str]] = {"expected": [], "SPURIOUS": [], "MISSING": []}
    current = "expected"
    for word in tags.split():
        if word.rstrip(":") in ("SPURIOUS", "MISSING") and word.endswith(":"):
            current = word.rstrip(":")
        else:
            sections[current].append(word)
    result = {s for s, words in sections.items() for w in words if w == "result=BAD"}
    if result or any(w == "result=OK" for ws in sections.values() for w in ws):
        return bool(result - {"SPURIOUS"}), True
    alert = {s for s, words in sections.items() for w in words if _ALERT_TAG.match(w)}
    if not alert:
        return None, False
    said_safe = keyword(note) is False  # "$ Alert # GOOD": an alert the test calls wrong
    return bool(alert - {"SPURIOUS"}) and not said_safe, True


def keyword(comment: str) -> bool | None:
    """True for a comment that starts NOT OK / BAD, False for OK / GOOD, else None."""
    text = comment.lstrip("#/ \t")
    if _BAD.match(text):
        return True
    return False if _GOOD.match(text) else None


def expected_rows(folder: Path) -> dict[str, list[Row]]:
    """Alert locations in the ``#select`` rows of a folder's .expected files, by file."""
    rows: dict[str, list[Row]] = {}
    for path in sorted(folder.rglob("*.expected")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if "#select" in lines:
            lines = lines[lines.index("#select") + 1 :]
        for line in lines:
            if not line.startswith("| "):
                break
            columns = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            match = _LOCATION.match(columns[0])
            if match is None:
                continue
            name = (path.parent / match["file"]).relative_to(folder).as_posix()
            rows.setdefault(name, []).append(
                (int(match["l1"]), int(match["c1"]), int(match["l2"]), int(match["c2"]),
                 columns[1])
            )  # fmt: skip
    return rows


def matches(row: Row, source: list[str]) -> bool:
    """Whether a .expected row points at this version of the file."""
    l1, c1, l2, c2, element = row
    if l1 > len(source) or c1 > len(source[l1 - 1]) + 1:
        return False
    named = _NAMED_NODE.match(element)
    if named is None or named["name"] in _NODE_KINDS or l1 != l2:
        return True
    return source[l1 - 1][c1 - 1 : c2] == named["name"]


def alert_lines(text: str, rows: list[Row], notes: list[str], file: str) -> tuple[set[int], str]:
    """The true-alert lines of one file, and what they come from."""
    inline: set[int] = set()
    has_inline = False
    bad: set[int] = set()
    good: set[int] = set()
    for line, comment in comments(text):
        truth, marked = expectation(comment)
        has_inline |= marked
        if truth:
            inline.add(line)
        said = keyword(comment)
        if said is not None:
            (bad if said else good).add(line)
    if has_inline:
        return inline, "inline"
    source = text.splitlines()
    if rows and not all(matches(row, source) for row in rows):
        notes.append(f"{file}: its .expected rows are of another version of the file; unused")
        rows = []
    listed = {row[0] for row in rows} - good
    basis = "+".join(b for b, used in (("expected", listed), ("comments", bad)) if used)
    return bad | listed, basis or "none"


def label_file(path: Path, rows: list[Row], notes: list[str]) -> list[Unit]:
    """The units of one test file with their labels."""
    file = path.relative_to(DATA).as_posix()
    cwe = folder_cwe(file.split("/")[0])
    assert cwe is not None
    text = path.read_text(encoding="utf-8")
    lines, basis = alert_lines(text, rows, notes, file)
    defs = spans(ast.parse(text))
    units = []
    for name, first, last in defs:
        inside = tuple(sorted(n for n in lines if first <= n <= last))
        units.append(Unit(file, name, first, last, cwe, bool(inside), inside, basis))
    in_defs = {n for _, first, last in defs for n in range(first, last + 1)}
    top = tuple(sorted(n for n in lines if n not in in_defs))
    total = len(text.splitlines())
    units.append(Unit(file, MODULE, 1, total, cwe, bool(top), top, basis))
    return units


def label() -> dict[str, object]:
    """Label every unit of every scored folder; the content of labels.json."""
    units: list[Unit] = []
    notes: list[str] = []
    skipped: dict[str, str] = {}
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir()):
        reason = skip_reason(folder.name)
        if reason:
            skipped[folder.name] = reason
            continue
        rows = expected_rows(folder)
        for path in sorted(folder.rglob("*.py")):
            try:
                ast.parse(path.read_text(encoding="utf-8"))
            except SyntaxError as error:
                skipped[path.relative_to(DATA).as_posix()] = f"not Python 3.11: {error}"
                continue
            name = path.relative_to(folder).as_posix()
            units += label_file(path, rows.get(name, []), notes)
    return {
        "source": "github/codeql python/ql/test/query-tests/Security (MIT); see SOURCE.md",
        "rules": RULES,
        "skipped": skipped,
        "notes": notes,
        "units": [asdict(u) for u in units],
    }


def skip_reason(folder: str) -> str | None:
    """Why a folder is not scored, or None."""
    if folder.endswith("-py2"):
        return "Python 2 only"
    if folder_cwe(folder) is None:
        return "no CWE in its name"
    return UNSCORED.get(folder)


def load_units() -> list[Unit]:
    """The units of labels.json, checked against a fresh labelling."""
    if not LABELS.exists():
        raise SystemExit(f"no {LABELS.relative_to(ROOT.parent.parent)}: run with --label first")
    stored = json.loads(LABELS.read_text())
    if stored != json.loads(json.dumps(label())):
        raise SystemExit("labels.json differs from the data: run with --label and review the diff")
    return [Unit(**{**u, "lines": tuple(u["lines"])}) for u in stored["units"]]


# Scanning -------------------------------------------------------------------------------


def unit_at(units_by_file: dict[str, list[Unit]], file: str, line: int | None) -> Unit | None:
    """The unit a finding's line falls in (a def before the module body)."""
    if line is None:
        return None
    candidates = units_by_file.get(file, [])
    for unit in candidates:
        if unit.name != MODULE and unit.start <= line <= unit.end:
            return unit
    return next((u for u in candidates if u.name == MODULE), None)


def record(flags: Flags, by_file: dict[str, list[Unit]], file: str, line: int | None,
           rule: str, tool: str, cwes: list[int], *, warn: bool = False) -> None:  # fmt: skip
    """Count one finding against the unit it falls in, or say why it cannot be: as a flag
    where its CWE is related to the unit's, else as another weakness."""
    unit = unit_at(by_file, file, line)
    if unit is None:
        flags.problems.append(f"{tool}: {rule} on {file}:{line} is in no labelled unit")
        return
    kept = flags.warned if warn else flags.flagged if related(unit.cwe, cwes) else flags.other
    rules = kept.setdefault(unit.key, [])
    if rule not in rules:
        rules.append(rule)


def make_tree(files: Iterable[str], into: Path) -> Path:
    """A plain copy of the labelled files, each under its CodeQL folder."""
    for file in files:
        (into / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DATA / file, into / file)
    return into


def chunks(files: Sequence[str], size: int) -> list[list[str]]:
    """Runs of whole folders, each of at most ``size`` files where a folder allows."""
    runs: list[list[str]] = [[]]
    for folder in dict.fromkeys(f.split("/")[0] for f in files):
        members = [f for f in files if f.split("/")[0] == folder]
        if runs[-1] and len(runs[-1]) + len(members) > size:
            runs.append([])
        runs[-1].extend(members)
    return runs


def gate_repo(files: Sequence[str], repo: Path) -> str:
    """A repository whose base has only a README and whose head adds the files."""
    repo.mkdir()
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    (repo / "README.md").write_text("labelled samples\n")
    subprocess.run([*GIT, "add", "."], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", "base"], cwd=repo, check=True)
    base = subprocess.run([*GIT, "rev-parse", "HEAD"], cwd=repo, check=True,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    make_tree(files, repo)
    subprocess.run([*GIT, "add", "."], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-qm", "add the samples"], cwd=repo, check=True)
    return base


def gate_flags(units: list[Unit], tmp: Path) -> Flags:
    """Units the gate blocks on, over runs of at most MAX_FILES_PER_RUN files."""
    from gate.pipeline import Request, run
    from gate.policy.model import Action

    flags = Flags()
    by_file = group(units)
    for number, files in enumerate(chunks(sorted(by_file), MAX_FILES_PER_RUN)):
        repo = tmp / f"gate-{number}"
        base = gate_repo(files, repo)
        start = time.perf_counter()
        verdict = run(Request(path=repo, base=base, head="HEAD", only=["security"])).verdict
        flags.seconds += time.perf_counter() - start
        for check in verdict.checks:
            if check.status != "completed":
                flags.problems.append(
                    f"gate run {number}: {check.id} {check.status}: {check.reason}"
                )
        for judged in verdict.findings:
            finding = judged.finding
            rule = f"{finding.tool}:{finding.rule_id}"
            warn = judged.action is not Action.BLOCK
            cwes = [finding.cwe] if finding.cwe is not None else []
            record(flags, by_file, finding.path, finding.line, rule, "gate", cwes, warn=warn)
        done = f"{len(files)} files, {verdict.result}, sandbox {verdict.sandbox}"
        print(f"gate run {number}: {done}, python {verdict.python}", file=sys.stderr)
    return flags


def bandit_flags(units: list[Unit], tree: Path) -> Flags:
    """Units bandit alone reports an issue of medium severity or above in."""
    flags = Flags()
    by_file = group(units)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "bandit", "-q", "-f", "json", *sorted(by_file)],
                          cwd=tree, capture_output=True, text=True)  # fmt: skip
    flags.seconds = time.perf_counter() - start
    report = json.loads(done.stdout)
    for error in report.get("errors", []):
        flags.problems.append(f"bandit: {error.get('filename')}: {error.get('reason')}")
    for issue in report["results"]:
        if issue["issue_severity"] in ("MEDIUM", "HIGH", "CRITICAL"):
            file = Path(issue["filename"]).as_posix().removeprefix("./")
            cwes = cwes_in(issue.get("issue_cwe", {}).get("id"))
            record(flags, by_file, file, issue["line_number"], issue["test_id"], "bandit", cwes)
    return flags


def rule_files(rules: Path, into: Path) -> int:
    """Copy semgrep-rules' rule YAML (no tests, no other YAML) into ``into``; count them."""
    count = 0
    for path in sorted(rules.rglob("*.y*ml")):
        if ".test." in path.name or path.suffix not in (".yaml", ".yml"):
            continue
        if not re.search(r"(?m)^rules\s*:", path.read_text(encoding="utf-8")):
            continue
        target = into / path.relative_to(rules)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
        count += 1
    return count


def semgrep_flags(units: list[Unit], tree: Path, rules: Path, tmp: Path) -> Flags:
    """Units semgrep's open rules report an ERROR or WARNING finding in."""
    flags = Flags()
    by_file = group(units)
    config = tmp / "semgrep-rules"
    count = rule_files(rules, config)
    print(f"semgrep: {count} rule files from {rules}", file=sys.stderr)
    semgrep = Path(sys.executable).with_name("semgrep")
    argv = [str(semgrep), "scan", "--config", str(config), "--json", "--quiet", "--metrics=off",
            "--disable-version-check", "--no-git-ignore", "--", *sorted(by_file)]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=tree, capture_output=True, text=True,
                          env={**os.environ, **SEMGREP_ENV})  # fmt: skip
    flags.seconds = time.perf_counter() - start
    if not done.stdout.strip():
        raise SystemExit(f"semgrep printed nothing (exit {done.returncode}): {done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    for error in report.get("errors", []):
        flags.problems.append(f"semgrep: {error.get('path', '')} {error.get('message', '')[:200]}")
    scanned = set(report.get("paths", {}).get("scanned", []))
    flags.problems += [f"semgrep: {f} not scanned" for f in sorted(set(by_file) - scanned)]
    for result in report["results"]:
        if result["extra"].get("severity") in ("ERROR", "WARNING", "CRITICAL", "HIGH", "MEDIUM"):
            rule = result["check_id"].rsplit(".", 1)[-1]
            cwes = cwes_in(result["extra"].get("metadata", {}).get("cwe"))
            line = result["start"]["line"]
            record(flags, by_file, result["path"], line, rule, "semgrep", cwes)
    return flags


def group(units: Iterable[Unit]) -> dict[str, list[Unit]]:
    """Units by file."""
    by_file: dict[str, list[Unit]] = {}
    for unit in units:
        by_file.setdefault(unit.file, []).append(unit)
    return by_file


# Reporting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """One scanner on one set of units."""

    caught: int
    """Insecure units flagged."""
    insecure: int
    """Insecure units."""
    false: int
    """Safe units flagged."""
    safe: int
    """Safe units."""

    def cells(self) -> tuple[str, str]:
        recall = f"{self.caught}/{self.insecure} ({_pct(self.caught, self.insecure)})"
        fp_rate = f"{self.false}/{self.safe} ({_pct(self.false, self.safe)})"
        return recall, fp_rate


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "n/a"


def score(units: Sequence[Unit], flags: Flags) -> Score:
    """Recall and false positives of one scanner over ``units``."""
    insecure = [u for u in units if u.insecure]
    safe = [u for u in units if not u.insecure]
    return Score(
        caught=sum(u.key in flags.flagged for u in insecure),
        insecure=len(insecure),
        false=sum(u.key in flags.flagged for u in safe),
        safe=len(safe),
    )


def by_cwe(units: Sequence[Unit]) -> dict[int, list[Unit]]:
    """Units by CWE, in CWE order."""
    grouped: dict[int, list[Unit]] = {}
    for unit in sorted(units, key=lambda u: u.cwe):
        grouped.setdefault(unit.cwe, []).append(unit)
    return grouped


def table(units: Sequence[Unit], results: dict[str, Flags]) -> list[str]:
    """The per-CWE table in Markdown: units, then recall and false positives per scanner."""
    tools = list(results)
    head = ["CWE", "files", "insecure", "safe"]
    for tool in tools:
        head += [f"{tool} recall", f"{tool} false pos."]
    rows = [_row(head), _row(["---"] * len(head))]
    for cwe, members in [*by_cwe(units).items(), (0, list(units))]:
        insecure = sum(u.insecure for u in members)
        files = len({u.file for u in members})
        name = f"CWE-{cwe}" if cwe else "**all**"
        first = [name, str(files), str(insecure), str(len(members) - insecure)]
        for tool in tools:
            first += score(members, results[tool]).cells()
        rows.append(_row(first))
    return rows


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def errors_of(units: Sequence[Unit], flags: Flags) -> dict[int, dict[str, list[str]]]:
    """Per CWE, the insecure units a scanner missed and the safe units it flagged."""
    found: dict[int, dict[str, list[str]]] = {}
    for cwe, members in by_cwe(units).items():
        missed = [
            f"`{u.file}:{u.name}`" + _warned(flags, u)
            for u in members
            if u.insecure and u.key not in flags.flagged
        ]
        false = [f"`{u.file}:{u.name}` ({', '.join(flags.flagged[u.key])})"
                 for u in members if not u.insecure and u.key in flags.flagged]  # fmt: skip
        if missed or false:
            found[cwe] = {"missed": missed, "false_positives": false}
    return found


def _warned(flags: Flags, unit: Unit) -> str:
    """`` (warned: rule, ...)`` when the scanner only warned in the unit."""
    rules = flags.warned.get(unit.key)
    return f" (warned: {', '.join(rules)})" if rules else ""


def report(units: Sequence[Unit], results: dict[str, Flags], markdown: bool) -> str:
    """The text the command prints."""
    lines = table(units, results) if markdown else _plain(units, results)
    lines += ["", "Seconds: " + ", ".join(f"{t} {f.seconds:.1f}" for t, f in results.items())]
    for tool, flags in results.items():
        for problem in flags.problems:
            lines.append(f"PROBLEM ({tool}): {problem}")
    lines += ["", "Units flagged only for a weakness of another CWE (not counted either way):"]
    for tool, flags in results.items():
        kinds = {u.key: u.insecure for u in units}
        on_safe = sum(not kinds[k] for k in flags.other if k not in flags.flagged)
        on_insecure = sum(kinds[k] for k in flags.other if k not in flags.flagged)
        lines.append(f"- {tool}: {on_safe} safe and {on_insecure} insecure units")
    if "gate" in results:
        lines += ["", "Gate, per CWE: missed insecure units and flagged safe units (rules)", ""]
        for cwe, errors in errors_of(units, results["gate"]).items():
            lines.append(f"- CWE-{cwe}")
            lines += [f"  - missed {m}" for m in errors["missed"]]
            lines += [f"  - flagged safe {f}" for f in errors["false_positives"]]
    return "\n".join(lines)


def _plain(units: Sequence[Unit], results: dict[str, Flags]) -> list[str]:
    width = max(len(t) for t in results)
    lines = []
    for cwe, members in [*by_cwe(units).items(), (0, list(units))]:
        name = f"CWE-{cwe}" if cwe else "all"
        insecure, safe = sum(u.insecure for u in members), sum(not u.insecure for u in members)
        lines.append(f"{name}: {insecure} insecure, {safe} safe units")
        for tool, flags in results.items():
            recall, fp_rate = score(members, flags).cells()
            lines.append(f"  {tool:<{width}}  recall {recall:<16} false pos. {fp_rate}")
    return lines


# Command --------------------------------------------------------------------------------


def scan(units: list[Unit], rules: Path | None) -> dict[str, Flags]:
    """Run every scanner over the units' files."""
    results: dict[str, Flags] = {}
    tmp = Path(tempfile.mkdtemp(prefix="mergegate-labelled-", dir="/tmp"))
    try:
        tree = make_tree(sorted({u.file for u in units}), tmp / "tree")
        results["gate"] = gate_flags(units, tmp)
        results["bandit"] = bandit_flags(units, tree)
        if rules is None:
            print("\n*** NO --semgrep-rules: the semgrep column is SKIPPED ***\n", file=sys.stderr)
        else:
            results["semgrep"] = semgrep_flags(units, tree, rules, tmp)
    finally:
        shutil.rmtree(tmp)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--label", action="store_true", help="(re)write data/codeql/labels.json")
    parser.add_argument("--semgrep-rules", type=Path, help="semgrep-rules' python/ folder")
    parser.add_argument("--json", type=Path, help="write the units, flags and scores here")
    parser.add_argument("--markdown", action="store_true", help="print tables for RESULTS.md")
    args = parser.parse_args(argv)
    if args.label:
        labels = label()
        LABELS.write_text(json.dumps(labels, indent=1) + "\n")
        units = labels["units"]
        assert isinstance(units, list)
        print(f"{len(units)} units, {sum(u['insecure'] for u in units)} insecure -> {LABELS}")
        return 0
    if args.semgrep_rules is not None and not args.semgrep_rules.is_dir():
        raise SystemExit(f"--semgrep-rules {args.semgrep_rules}: not a folder")
    units = load_units()
    results = scan(units, args.semgrep_rules)
    print(report(units, results, args.markdown))
    if args.json:
        args.json.write_text(json.dumps(_as_json(units, results), indent=1) + "\n")
    return 0


def _as_json(units: Sequence[Unit], results: dict[str, Flags]) -> dict[str, object]:
    return {
        "units": [asdict(u) | {"key": u.key} for u in units],
        "scanners": {
            tool: {
                "seconds": flags.seconds,
                "problems": flags.problems,
                "flagged": flags.flagged,
                "warned": flags.warned,
                "other": flags.other,
                "by_cwe": {str(c): asdict(score(m, flags)) for c, m in by_cwe(units).items()},
                "all": asdict(score(units, flags)),
                "errors": errors_of(units, flags),
            }
            for tool, flags in results.items()
        },
    }


if __name__ == "__main__":
    raise SystemExit(main())
