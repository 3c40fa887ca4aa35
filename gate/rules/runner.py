"""Runs the rule catalogue over a change: CST rules on both trees (only new findings
count), file rules on each base/head pair. Errors are values: one unparsable file
never stops the run, but it is reported.
"""

from __future__ import annotations

import ast
import contextlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from gate.findings import Finding, Severity, fingerprint, introduced
from gate.rules.interface import CstRule, FileRule, FileVersions, Hit, Rule, RuleSettings

TOOL = "rules"


@dataclass(frozen=True)
class LintResult:
    """What the rules found, and the files they could not read."""

    findings: tuple[Finding, ...]
    """New findings, in path and line order."""
    errors: tuple[str, ...]
    """One line per changed file that could not be parsed."""


def is_python(path: str) -> bool:
    """Whether the rules parse ``path`` as Python."""
    return path.endswith((".py", ".pyi"))


def lint(
    files: Sequence[FileVersions], settings: RuleSettings, rules: Sequence[type[Rule]]
) -> LintResult:
    """Run ``rules`` over ``files``; keep the findings the change introduces."""
    cst_rules = [r for r in rules if issubclass(r, CstRule)]
    file_rules = [r(settings) for r in rules if issubclass(r, FileRule)]
    for rule in file_rules:
        rule.prepare(files)
    head: list[Finding] = []
    base: list[Finding] = []
    found: list[Finding] = []
    errors: list[str] = []
    for file in files:
        for rule in file_rules:
            found.extend(_finding(rule, file.path, hit) for hit in rule.check(file))
        if not is_python(file.path):
            continue
        if file.head is not None and file.path.endswith(".py"):
            broken = unparsable(file.head, file.path)
            if broken is not None:
                found.append(broken)
                continue
        if file.head is not None:
            try:
                head.extend(visit(cst_rules, settings, file.path, file.head))
            except cst.ParserSyntaxError as exc:
                errors.append(f"{file.path}:{exc.raw_line}: cannot parse: {exc.message}")
            except cst.CSTValidationError as exc:
                errors.append(f"{file.path}: cannot parse: {exc}")
        if file.base is not None and file.old_path is not None:
            # An unparsable base has no findings to subtract.
            with contextlib.suppress(cst.ParserSyntaxError, cst.CSTValidationError):
                base.extend(visit(cst_rules, settings, file.old_path, file.base))
    found.extend(introduced(head, base))
    return LintResult(tuple(sorted(found, key=Finding.sort_key)), tuple(errors))


SYNTAX = "syntax"
PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"


def unparsable(source: str, path: str) -> Finding | None:
    """A finding where this Python (the sandbox's, the one the project's tests and the
    tools run on) cannot parse the changed file: no tool can judge it."""
    try:
        compile(source, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        message = f"Python {PYTHON} cannot parse this file: {exc.msg}"
        key = fingerprint(TOOL, SYNTAX, path, exc.msg)
        return Finding.at(TOOL, SYNTAX, Severity.HIGH, path, exc.lineno or 1, message, key)
    except ValueError:  # null bytes: not Python source at all
        return None
    return None


def visit(
    rules: Sequence[type[CstRule]], settings: RuleSettings, path: str, source: str
) -> list[Finding]:
    """All findings of ``rules`` in one module (no base comparison)."""
    module = cst.parse_module(source)
    wrapper = cst.MetadataWrapper(module, unsafe_skip_copy=True)
    visitors = [rule(settings, path) for rule in rules]
    wrapper.visit_batched(visitors)
    return [_finding(v, path, hit) for v in visitors for hit in v.hits]


def _finding(rule: Rule, path: str, hit: Hit) -> Finding:
    return Finding(
        tool=TOOL,
        rule_id=rule.ID,
        severity=rule.SEVERITY,
        cwe=rule.CWE,
        path=hit.path or path,
        line=hit.line,
        end_line=hit.end_line if hit.end_line is not None else hit.line,
        message=hit.message,
        fingerprint=fingerprint(TOOL, rule.ID, hit.key),
    )
