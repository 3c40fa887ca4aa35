"""The ``tests`` check: the repository's pytest suite in the sandbox, judged like
SWE-bench's PASS_TO_PASS. Every test that passes on the base revision is required, and
must still pass, in its base form, against the changed code."""

from __future__ import annotations

import ast
import re

from gate import syntax
from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.protocol import Case, GuardKind, GuardRecord, RunResult
from gate.checks.sandboxed import package_version
from gate.checks.suite import plan
from gate.findings import Finding, Severity, fingerprint
from gate.workspace import read_text

TOOL = "tests"
FAILED = "failed"
NOT_RUN = "not-run"
EXPECTATION_CHANGED = "expectation-changed"
NOT_REQUIRED = "not-required"
ENVIRONMENT = "environment"
TAMPERING = "runner-tampering"
# pytest's exit codes whose JUnit report can be trusted to list every test case:
# all passed, some failed, interrupted by collection errors, none collected.
_USABLE_EXITS = (0, 1, 2, 5)
_BAD = ("failed", "error")
_EXCEPTION = re.compile(r"^[\w.]+(Error|Exception)\b")


def cases_of(run: RunResult | None, name: str) -> dict[str, Case] | str:
    """The test cases of one run; a string saying why the run cannot be trusted."""
    if run is None:
        return f"the suite runner gave no {name} run"
    if run.exit not in _USABLE_EXITS or run.cases is None:
        return f"pytest exited with {run.exit} on the {name} tree: {cause(run.output)}"
    cases = {c.id: c for c in run.cases}
    failing = any(c.outcome in _BAD for c in cases.values())
    # The exit code and the report must tell the same story: a report that claims every
    # test passed while pytest failed (or the reverse) was not written by pytest alone.
    expected = {0: not failing, 1: failing, 2: failing, 5: not cases}
    if not expected[run.exit]:
        return f"pytest's exit code {run.exit} contradicts its JUnit report on the {name} tree"
    return cases


def cause(output: str) -> str:
    """The line of pytest's output that says what went wrong: the first error line
    (``ERROR: ...``, ``E   ...``, an exception), else the last line."""
    lines = [x.strip() for x in output.strip().splitlines() if x.strip()]
    errors = [x for x in lines if x.startswith("E ")] or [
        x for x in lines if x.startswith(("ERROR", "INTERNAL")) or _EXCEPTION.match(x)
    ]
    return (errors[0].removeprefix("E ").strip() if errors else (lines or ["no output"])[-1])[:300]


class TestsCheck:
    """Up to three pytest runs in one sandbox job: base, existing tests, the change's."""

    id = "tests"

    def tool_version(self) -> str | None:
        return package_version("pytest")

    def run(self, context: CheckContext) -> Outcome:
        change = context.change
        if change.is_empty:
            return Skipped("the change is empty")
        shared = plan.suite(context)
        if isinstance(shared, Errored):
            return shared
        tampered = tampering(shared.result.runs)
        if tampered:  # nothing else the runs say can be trusted
            return Completed(tuple(tampered), {"tampering": float(len(tampered))}, shared.raw)
        results: dict[str, dict[str, Case]] = {}
        for run in shared.result.runs:
            cases = cases_of(run, run.name)
            if isinstance(cases, str):
                return Errored(cases, shared.raw)
            results[run.name] = cases
        base, existing = results.get("base"), results.get("existing")
        if base is None or existing is None:
            return Errored("the suite runner gave no base or existing run", shared.raw)
        head = plan.changed_tree_cases(context, shared, results)
        if base and not any(c.outcome == "passed" for c in base.values()):
            # Nothing could be required: judging against nothing would pass anything.
            first = next(iter(base.values()))
            return Errored(
                f"no test of the base revision passes in the sandbox ({first.id}: "
                f"{first.message or first.outcome}); declare what the tests need in the "
                "base revision's test dependencies, or fix the base",
                shared.raw,
            )
        if not base and not head:
            return Skipped("the repository has no tests that pytest collects")
        edited = edited_tests(context, [i for i, c in base.items() if c.outcome == "passed"])
        findings = judge(base, existing, head, edited)
        required = [c for c in base.values() if c.outcome == "passed"]
        notes = not_required(base) + [_note(n) for n in shared.notes]
        return Completed(
            tuple(findings + notes),
            {
                "required": float(len(required)),
                "tests": float(len(head)),
                "failed": float(sum(1 for f in findings if f.rule_id != NOT_RUN)),
                "not_run": float(sum(1 for f in findings if f.rule_id == NOT_RUN)),
                "base_failing": float(sum(1 for c in base.values() if c.outcome in _BAD)),
                "seed": float(plan.seed(change)),
                **{f"seconds_{r.name}": r.seconds for r in shared.result.runs},
            },
            raw=shared.raw,
        )


_GUARDED: dict[GuardKind, str] = {
    "result-file": "was denied a runner's file",
    "ctypes": "was denied ctypes",
    "gc": "was denied the garbage collector's objects",
    "code": "was denied replacing the code of the test runner",
    "runner-changed": "changed the test runner's own code during the run",
    "log": "left the runner's guard without a trustworthy log",
}


def tampering(runs: tuple[RunResult, ...]) -> list[Finding]:
    """A blocking finding for each thing the code under test did to the runner, as the
    guard in the pytest process denied or saw it (once, whichever runs saw it). The
    base revision is trusted: a change to pytest's code that its own run makes too (a
    plugin the project is, a library that patches pytest) is the project's, not the
    change's."""
    excused = {r.detail for r in _guard_of(runs, "base") if r.kind == "runner-changed"}
    seen: dict[tuple[str, str, str | None], GuardRecord] = {}
    for run in runs:
        for record in run.guard if run.name != "base" else ():
            if not (record.kind == "runner-changed" and record.detail in excused):
                seen.setdefault((record.kind, record.detail, record.where), record)
    findings = []
    for record in seen.values():
        path, _, line = (record.where or ".:").rpartition(":")
        number = int(line) if line.isdigit() else None
        findings.append(
            Finding(
                tool=TOOL,
                rule_id=TAMPERING,
                severity=Severity.HIGH,
                cwe=None,
                path=path or ".",
                line=number,
                end_line=number,
                message=f"the code under test {_GUARDED[record.kind]}: {record.detail}",
                fingerprint=fingerprint(TOOL, TAMPERING, record.kind, record.detail),
            )
        )
    return findings


def tampered(runs: tuple[RunResult, ...]) -> str | None:
    """Why the runs cannot be trusted for another check (the ``tests`` check reports each
    thing the guard saw), or None."""
    found = tampering(runs)
    return f"the runs of the tests were tampered with: {found[0].message}" if found else None


def _guard_of(runs: tuple[RunResult, ...], name: str) -> tuple[GuardRecord, ...]:
    return next((r.guard for r in runs if r.name == name), ())


def not_required(base: dict[str, Case]) -> list[Finding]:
    """The tests that fail on the base revision as it is, in the sandbox (a program or
    a service they need is missing, or they fail upstream too): not required, and said
    so, a finding per file."""
    by_file: dict[str, list[Case]] = {}
    for case in base.values():
        if case.outcome in _BAD:
            by_file.setdefault(case.file or case.id.split("::", 1)[0] or ".", []).append(case)
    findings = []
    for path, cases in sorted(by_file.items()):
        names = ", ".join(c.id.split("::", 1)[-1] for c in cases[:3])
        more = f" and {len(cases) - 3} more" if len(cases) > 3 else ""
        message = (
            f"{len(cases)} test(s) fail on the base revision in the sandbox, so they are not "
            f"required: {names}{more} ({cases[0].message[:200]})"
        )
        findings.append(Finding.note(TOOL, NOT_REQUIRED, path, message, line=cases[0].line))
    return findings


def _note(text: str) -> Finding:
    """Something about the environment the tests ran in."""
    return Finding.note(TOOL, ENVIRONMENT, ".", text)


def edited_tests(context: CheckContext, test_ids: list[str]) -> set[str]:
    """The tests (of ``test_ids``) whose own function the change edits: its code differs
    between the base and the changed file. Read with ``ast``, nothing is run."""
    changed = {f.path for f in context.change.files if f.old_path == f.path}
    trees: dict[str, tuple[ast.Module, ast.Module] | None] = {}
    edited = set()
    for test_id in test_ids:
        path, *names = test_id.split("::")
        if path not in changed or not names:
            continue
        if path not in trees:
            trees[path] = _both_trees(context, path)
        pair = trees[path]
        if pair is None:
            continue
        before, after = (_function(tree, names) for tree in pair)
        if before is not None and after is not None and before != after:
            edited.add(test_id)
    return edited


def _both_trees(context: CheckContext, path: str) -> tuple[ast.Module, ast.Module] | None:
    texts = [read_text(root / path) for root in (context.workspace.base, context.workspace.head)]
    try:
        return (syntax.parse(texts[0] or ""), syntax.parse(texts[1] or ""))
    except (SyntaxError, ValueError):
        return None


def _function(tree: ast.Module, names: list[str]) -> str | None:
    """``ast.dump`` of the function ``Class::name[param]`` in ``tree`` (None if absent)."""
    *classes, name = names
    body: list[ast.stmt] = tree.body
    for cls in classes:
        found = [n for n in body if isinstance(n, ast.ClassDef) and n.name == cls]
        if not found:
            return None
        body = found[0].body
    name = name.split("[", 1)[0]
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            return ast.dump(node)
    return None


def judge(
    base: dict[str, Case], existing: dict[str, Case], head: dict[str, Case], edited: set[str]
) -> list[Finding]:
    """The findings of the three runs.

    - A required test (passed on the base) that fails in its base form against the
      changed code: ``expectation-changed`` when the change edits the test function
      itself and the edited form passes (an edited expectation hid the failure), else
      ``failed``; a conftest.py that forces passes edits no test.
    - A required test skipped, xfailed, deselected or gone: ``not-run``.
    - Any other test that fails in the change's tree and did not already fail on the
      base (a new test, or one the change edited into failing): ``failed``.
    """
    findings, reported = [], set()
    for test_id, was in base.items():
        if was.outcome != "passed":
            continue
        reported.add(test_id)
        now = existing.get(test_id)
        if now is None:
            findings.append(_finding(NOT_RUN, was, "required test was not run (deleted, "
                                     "renamed, deselected or not collected)"))  # fmt: skip
        elif now.outcome in ("skipped", "xfailed"):
            reason = f": {now.message}" if now.message else ""
            findings.append(_finding(NOT_RUN, now, f"required test was {now.outcome}{reason}"))
        elif now.outcome in _BAD:
            if test_id in edited and now_passes(head.get(test_id)):
                findings.append(_finding(
                    EXPECTATION_CHANGED, now, "expectation changed, needs human approval: "
                    f"the base form of the test fails on the changed code ({now.message})",
                ))  # fmt: skip
            else:
                findings.append(_finding(FAILED, now, f"test fails: {now.message}"))
        else:
            reported.discard(test_id)
    for test_id, case in head.items():
        before = base.get(test_id)
        if case.outcome in _BAD and test_id not in reported and not _bad(before):
            findings.append(_finding(FAILED, case, f"test fails: {case.message}"))
    return findings


def now_passes(case: Case | None) -> bool:
    """Whether the change's own form of a test passes."""
    return case is not None and case.outcome == "passed"


def _bad(case: Case | None) -> bool:
    return case is not None and case.outcome in _BAD


def _finding(rule: str, case: Case, message: str) -> Finding:
    return Finding(
        TOOL, rule, Severity.HIGH, None, case.file or case.id.split("::", 1)[0] or ".",
        case.line, case.line, f"{case.id} {message}".strip(),
        fingerprint(TOOL, rule, case.id),
    )  # fmt: skip
