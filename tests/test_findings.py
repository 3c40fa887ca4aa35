from __future__ import annotations

from gate.findings import Finding, Severity, code_at, fingerprint, introduced


def _finding(line: int, code: str, path: str = "a.py") -> Finding:
    return Finding(
        "bandit",
        "B602",
        Severity.HIGH,
        78,
        path,
        line,
        line,
        "shell",
        fingerprint("bandit", "B602", code),
    )


def test_fingerprint_ignores_lines_and_indentation_but_not_code() -> None:
    assert fingerprint("t", "R", "call(x,  y)") == fingerprint("t", "R", "  call(x, y)")
    assert fingerprint("t", "R", "call(x)") != fingerprint("t", "R", "call(y)")
    assert fingerprint("t", "R1", "call(x)") != fingerprint("t", "R2", "call(x)")


def test_introduced_counts_multiplicity() -> None:
    base = [_finding(3, "os.system(cmd)")]
    moved = [_finding(10, "os.system(cmd)", "b.py")]
    assert introduced(moved, base) == []
    doubled = [_finding(3, "os.system(cmd)"), _finding(9, "os.system(cmd)")]
    assert [f.line for f in introduced(doubled, base)] == [9]


def test_code_at() -> None:
    assert code_at("a\nb\nc\n", 2, 3) == "b\nc"
    assert code_at("a\n", None) == ""


def test_severity_order() -> None:
    assert Severity.LOW < Severity.MEDIUM < Severity.HIGH < Severity.CRITICAL
    assert Severity.parse(" High ") is Severity.HIGH
