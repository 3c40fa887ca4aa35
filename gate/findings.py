"""One normalised shape for what every tool reports, and the filter that keeps only
what the change introduces.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import total_ordering
from typing import Any


@total_ordering
class Severity(Enum):
    """How bad a finding is, in bandit's and SARIF's four steps."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for low up to 3 for critical."""
        return list(Severity).index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    @classmethod
    def parse(cls, text: str) -> Severity:
        """The severity named ``text`` (any case); ValueError otherwise."""
        return cls(text.strip().lower())


@dataclass(frozen=True)
class Finding:
    """One thing a tool reports about the changed code."""

    tool: str
    """The tool that found it: ``rules``, ``bandit``, ``semgrep`` ..."""
    rule_id: str
    """The tool's own stable id for the rule (GATE101, B602 ...)."""
    severity: Severity
    """How bad it is."""
    cwe: int | None
    """The CWE number where one applies."""
    path: str
    """Repository-relative path, in the changed tree."""
    line: int | None
    """First line (1-based) in the changed file; None for a whole-file finding."""
    end_line: int | None
    """Last line; equal to ``line`` for one-line findings."""
    message: str
    """What is wrong, in one sentence."""
    fingerprint: str
    """Line-free identity: a moved line keeps it, so base and head can be compared."""

    def sort_key(self) -> tuple[str, int, str]:
        """Order by path, line, rule."""
        return (self.path, self.line or 0, self.rule_id)

    @classmethod
    def at(
        cls,
        tool: str,
        rule_id: str,
        severity: Severity,
        path: str,
        line: int | None,
        message: str,
        key: str,
    ) -> Finding:
        """A finding on one line (or a whole file, ``line`` None), with no CWE."""
        return cls(
            tool=tool,
            rule_id=rule_id,
            severity=severity,
            cwe=None,
            path=path,
            line=line,
            end_line=line,
            message=message,
            fingerprint=key,
        )

    @classmethod
    def note(
        cls, tool: str, rule_id: str, path: str, message: str, line: int | None = None
    ) -> Finding:
        """A low-severity finding that informs (the policy warns on it), fingerprinted by
        its rule, path and message."""
        key = fingerprint(tool, rule_id, path, message)
        return cls.at(tool, rule_id, Severity.LOW, path, line, message, key)

    def to_json(self) -> dict[str, Any]:
        """The finding as JSON data (the verdict's and the sandbox runner's shape)."""
        return {
            "tool": self.tool,
            "rule_id": self.rule_id,
            "severity": self.severity.value,
            "cwe": self.cwe,
            "path": self.path,
            "line": self.line,
            "end_line": self.end_line,
            "message": self.message,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Finding:
        """The finding from :meth:`to_json` data (KeyError/ValueError if malformed)."""
        return cls(
            tool=str(raw["tool"]),
            rule_id=str(raw["rule_id"]),
            severity=Severity.parse(raw["severity"]),
            cwe=None if raw["cwe"] is None else int(raw["cwe"]),
            path=str(raw["path"]),
            line=None if raw["line"] is None else int(raw["line"]),
            end_line=None if raw["end_line"] is None else int(raw["end_line"]),
            message=str(raw["message"]),
            fingerprint=str(raw["fingerprint"]),
        )


def fingerprint(tool: str, rule_id: str, *parts: str) -> str:
    """A stable id from the rule and whatever identifies the spot without its line.

    Whitespace inside each part is folded, so re-indented code keeps its fingerprint.
    The path is left out on purpose: code moved to another file is the same finding.
    """
    text = "\0".join([tool, rule_id, *(" ".join(p.split()) for p in parts)])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def code_at(source: str, line: int | None, end_line: int | None = None) -> str:
    """The source text of the given lines, for a fingerprint."""
    if line is None:
        return ""
    # Only newlines end lines here, as for libcst and bandit (not form feeds).
    lines = source.split("\n")
    return "\n".join(lines[line - 1 : (end_line or line)])


def introduced(head: Iterable[Finding], base: Iterable[Finding]) -> list[Finding]:
    """The findings of ``head`` that ``base`` does not have, counted by fingerprint.

    Multiplicity counts: a change that duplicates an insecure line adds one finding.
    """
    remaining = Counter(f.fingerprint for f in base)
    new: list[Finding] = []
    for finding in sorted(head, key=Finding.sort_key):
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
        else:
            new.append(finding)
    return new


def by_severity(findings: Sequence[Finding]) -> dict[Severity, int]:
    """How many findings of each severity."""
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in Severity}
