"""The verdict: an in-toto Statement v1 whose predicate is a SLSA Verification Summary
Attestation v1, plus the checks and findings for humans. Round-trips through JSON so
that a stored verdict renders exactly as a fresh one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from gate.authorship import Signal
from gate.findings import Finding
from gate.policy.interface import Judged
from gate.policy.model import Action

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1"
VERIFIER_ID = "pkg:pypi/mergegate"
PASSED, FAILED = "PASSED", "FAILED"


@dataclass(frozen=True)
class CheckResult:
    """How one check went."""

    id: str
    """The check's id."""
    status: str
    """``completed``, ``skipped`` or ``errored``."""
    reason: str | None
    """Why it was skipped or errored."""
    duration: float
    """Wall-clock seconds."""
    tool_version: str | None
    """Version of the tool behind it."""
    metrics: Mapping[str, float]
    """Numbers it reported."""
    output_digest: str | None
    """Hex sha256 of the tool's raw output, when it printed any."""


@dataclass(frozen=True)
class Verdict:
    """Everything a verdict says; ``statement()`` is its signed form."""

    result: str
    """PASSED or FAILED."""
    subject_digest: str
    """Hex sha256 of the canonical diff."""
    head_commit: str | None
    """The changed commit, when the change is a commit range."""
    change_label: str
    """How the change was named (a file, a range)."""
    files: tuple[str, ...]
    """The paths the change touches."""
    resource_uri: str
    """The repository and revision judged."""
    policy_uri: str
    """Where the policy came from."""
    policy_digest: str
    """Hex sha256 of the effective policy."""
    time_verified: datetime
    """When the gate decided (UTC)."""
    versions: Mapping[str, str]
    """The gate's version and every tool's."""
    levels: tuple[str, ...]
    """What was verified (our own level names), or ``FAILED``."""
    checks: tuple[CheckResult, ...]
    """Every check that was selected, in order."""
    findings: tuple[Judged, ...]
    """Every finding the change introduces, with its action."""
    reasons: tuple[str, ...]
    """Why the verdict failed; empty when it passed."""
    notes: tuple[str, ...]
    """What the reader should know (a partial run, no signature)."""
    sandbox: str
    """Where the tools ran: ``docker``, ``bwrap`` or ``none``."""
    python: str | None = None
    """The CPython the change was judged on (``3.X``)."""
    python_reason: str | None = None
    """Why that one, in words."""
    ai_signals: tuple[Signal, ...] | None = None
    """The signs of AI authorship seen (None: not looked for, in an older verdict)."""

    @property
    def ai_authored(self) -> bool:
        """Whether any sign of AI authorship was seen."""
        return bool(self.ai_signals)

    @property
    def passed(self) -> bool:
        """Whether the verdict is PASSED."""
        return self.result == PASSED

    def statement(self) -> dict[str, Any]:
        """The in-toto Statement v1 with its VSA predicate."""
        subject: list[dict[str, Any]] = [
            {"name": "change.diff", "digest": {"sha256": self.subject_digest}}
        ]
        if self.head_commit:
            subject.append({"name": "commit", "digest": {"gitCommit": self.head_commit}})
        return {
            "_type": STATEMENT_TYPE,
            "subject": subject,
            "predicateType": PREDICATE_TYPE,
            "predicate": {
                "verifier": {"id": VERIFIER_ID, "version": dict(self.versions)},
                "timeVerified": self.time_verified.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "resourceUri": self.resource_uri,
                "policy": {"uri": self.policy_uri, "digest": {"sha256": self.policy_digest}},
                "inputAttestations": [
                    {"uri": f"checks/{c.id}.out", "digest": {"sha256": c.output_digest}}
                    for c in self.checks
                    if c.output_digest
                ],
                "verificationResult": self.result,
                "verifiedLevels": list(self.levels),
                "change": {"label": self.change_label, "files": list(self.files)},
                "checks": [_check_json(c) for c in self.checks],
                "findings": [_finding_json(j) for j in self.findings],
                "reasons": list(self.reasons),
                "notes": list(self.notes),
                "sandbox": self.sandbox,
                **(
                    {"python": {"version": self.python, "reason": self.python_reason or ""}}
                    if self.python
                    else {}
                ),
                **(
                    {
                        "authorship": {
                            "ai": self.ai_authored,
                            "signals": [asdict(signal) for signal in self.ai_signals],
                        }
                    }
                    if self.ai_signals is not None
                    else {}
                ),
            },
        }

    @classmethod
    def from_statement(cls, statement: Mapping[str, Any]) -> Verdict:
        """A verdict read back from its statement (KeyError/ValueError if malformed)."""
        if statement["_type"] != STATEMENT_TYPE or statement["predicateType"] != PREDICATE_TYPE:
            raise ValueError("not a mergegate verification summary")
        p = statement["predicate"]
        commits = [
            s["digest"]["gitCommit"] for s in statement["subject"] if "gitCommit" in s["digest"]
        ]
        return cls(
            result=p["verificationResult"],
            subject_digest=statement["subject"][0]["digest"]["sha256"],
            head_commit=commits[0] if commits else None,
            change_label=p["change"]["label"],
            files=tuple(p["change"]["files"]),
            resource_uri=p["resourceUri"],
            policy_uri=p["policy"]["uri"],
            policy_digest=p["policy"]["digest"]["sha256"],
            time_verified=datetime.strptime(p["timeVerified"], "%Y-%m-%dT%H:%M:%SZ").replace(
                tzinfo=UTC
            ),
            versions=dict(p["verifier"]["version"]),
            levels=tuple(p["verifiedLevels"]),
            checks=tuple(CheckResult(**c) for c in p["checks"]),
            findings=tuple(_judged(f) for f in p["findings"]),
            reasons=tuple(p["reasons"]),
            notes=tuple(p["notes"]),
            sandbox=p["sandbox"],
            python=p["python"]["version"] if "python" in p else None,
            python_reason=p["python"]["reason"] if "python" in p else None,
            ai_signals=(
                tuple(Signal.from_json(s) for s in p["authorship"]["signals"])
                if "authorship" in p
                else None
            ),
        )


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: the bytes that are digested and signed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def readable_json(value: Any) -> str:
    """The same JSON, indented for people."""
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def digest(data: bytes) -> str:
    """Hex sha256."""
    return hashlib.sha256(data).hexdigest()


def _check_json(c: CheckResult) -> dict[str, Any]:
    return {
        "id": c.id,
        "status": c.status,
        "reason": c.reason,
        "duration": round(c.duration, 3),
        "tool_version": c.tool_version,
        "metrics": dict(c.metrics),
        "output_digest": c.output_digest,
    }


def _finding_json(j: Judged) -> dict[str, Any]:
    return {**j.finding.to_json(), "action": j.action.value, "action_reason": j.reason}


def _judged(raw: Mapping[str, Any]) -> Judged:
    return Judged(Finding.from_json(raw), Action(raw["action"]), raw["action_reason"])


def levels(
    result: str, ran: Sequence[str], enabled: Sequence[str], groups: Mapping[str, Sequence[str]]
) -> tuple[str, ...]:
    """Our own level names for what a passing run verified (VSA: ``FAILED`` if failed).

    ``MERGEGATE_POLICY_COMPLETE``: every check the policy enables ran.
    ``MERGEGATE_<GROUP>``: every check of that group ran (static, security, dynamic).
    """
    if result != PASSED:
        return (FAILED,)
    done = set(ran)
    out = [f"MERGEGATE_{name.upper()}" for name, ids in sorted(groups.items()) if set(ids) <= done]
    if set(enabled) <= done:
        out.insert(0, "MERGEGATE_POLICY_COMPLETE")
    return tuple(out)
