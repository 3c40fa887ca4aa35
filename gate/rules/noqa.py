"""In the sandbox: the errors a ``# noqa`` the change adds hides. ruff runs over the base
and the changed version of each file with such a comment, ignoring every ``noqa``, for
the codes the comment names (or, for a bare ``# noqa``, every code of ``DEFECTS``);
an error on a line where the change added the comment, which the base does not have on
the same code, is hidden by the change (``rules:hidden-by-noqa``).

Only codes that name a defect are judged (``DEFECTS``): a ``# noqa: F401`` on a
re-export, ``E402`` after a ``sys.path`` edit or ``E501`` on a long line are common on
purpose, and bandit runs anyway, blind to ``noqa``. GATE402 warns on every suppression
the change adds.
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable

from gate import syntax
from gate.findings import Finding, Severity, fingerprint
from gate.rules.interface import FileVersions

TOOL = "rules"
RULE = "hidden-by-noqa"
DEFECTS = ("E722", "E9", "F63", "F7", "F82", "F811", "F601", "F602", "PLE")
"""The codes (and code families) whose finding is a defect, never a choice: a bare
``except:``, a syntax error, ``is`` against a literal, an assert on a tuple, ``return``
outside a function, an undefined name, a redefinition, a repeated dict key, pylint's
errors."""
_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.I)
_TIMEOUT = 60


def added_noqa(base: str | None, head: str) -> dict[int, frozenset[str] | None]:
    """The lines of ``head`` (1-based) the change adds with a ``# noqa`` comment: the codes
    it names, or None for a bare one. Comments are found by tokenize, never in strings."""
    before = (base or "").splitlines()
    after = head.splitlines()
    added: set[int] = set()
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, _, _, j1, j2 in matcher.get_opcodes():
        if tag in ("insert", "replace"):
            added.update(range(j1 + 1, j2 + 1))
    found: dict[int, frozenset[str] | None] = {}
    for line, _, comment in syntax.comments(head):
        match = _NOQA.search(comment)
        if line in added and match is not None:
            codes = match.group("codes")
            found[line] = frozenset(re.split(r"[\s,]+", codes.upper())) if codes else None
    return found


def is_error(code: str) -> bool:
    """Whether ``code`` names a defect (``F821``, not ``F401``, ``FBT001``)."""
    return any(re.fullmatch(f"{family}[0-9]*", code) for family in DEFECTS)


def known_codes() -> frozenset[str]:
    """Every rule code this ruff knows."""
    done = _ruff(["rule", "--all", "--output-format", "json"], None)
    return frozenset(rule["code"] for rule in json.loads(done))


def hidden(files: Iterable[FileVersions], known: frozenset[str] | None = None) -> list[Finding]:
    """A finding for each error a ``# noqa`` the change adds hides and the base lacks."""
    findings: list[Finding] = []
    for f in files:
        if f.head is None or not f.path.endswith(".py") or f.symlink_target is not None:
            continue
        comments = added_noqa(f.base, f.head)
        if not comments:
            continue
        known = known if known is not None else known_codes()
        named = {c for codes in comments.values() if codes for c in codes}
        select = sorted({c for c in named if c in known and is_error(c)})
        if any(codes is None for codes in comments.values()):
            select = sorted({*select, *DEFECTS})
        if not select:
            continue
        now = _check(f.path, f.head, select)
        before = Counter((code, text) for code, text, _, _ in _check(f.path, f.base or "", select))
        lines = f.head.splitlines()
        for code, text, line, message in now:
            codes = comments.get(line, frozenset())
            if line not in comments or (codes is not None and code not in codes):
                continue
            if before[(code, text)] > 0:  # the base has it on the same code: not the change's
                before[(code, text)] -= 1
                continue
            findings.append(_finding(f.path, line, code, message, lines[line - 1]))
    return findings


def _check(path: str, text: str, select: list[str]) -> list[tuple[str, str, int, str]]:
    """ruff's findings on ``text`` ignoring every noqa: code, the line's code, line, message."""
    argv = ["check", "--isolated", "--ignore-noqa", "--no-cache", "--exit-zero"]
    argv += ["--output-format", "json", "--select", ",".join(select), "--stdin-filename", path]
    lines = text.splitlines()
    out = []
    for item in json.loads(_ruff([*argv, "-"], text)):
        row = int(item["location"]["row"])
        source = lines[row - 1] if 0 < row <= len(lines) else ""
        out.append((str(item["code"]), _code_part(source), row, str(item["message"])))
    return out


def _code_part(line: str) -> str:
    """A line without its comment and surrounding blanks: how base and head are matched."""
    return line.split("#", 1)[0].strip()


def _ruff(argv: list[str], stdin: str | None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=_TIMEOUT,
    )
    if done.returncode != 0:
        cause = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"ruff exited with {done.returncode}: {cause}")
    return done.stdout


def _finding(path: str, line: int, code: str, message: str, source: str) -> Finding:
    message = f"the `# noqa` the change adds hides a new error: {code} {message}"
    key = fingerprint(TOOL, RULE, code, _code_part(source))
    return Finding.at(TOOL, RULE, Severity.HIGH, path, line, message, key)
