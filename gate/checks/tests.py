"""The ``tests`` check: the repository's pytest suite in the sandbox, judged like
SWE-bench's PASS_TO_PASS. Every test that passes on the base revision is required, and
must still pass, in its base form, against the changed code."""

from __future__ import annotations

import ast
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gate.checks import testplan
from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.sandboxed import package_version
from gate.findings import Finding, Severity, fingerprint
from gate.workspace import read_text

TOOL = "tests"
FAILED = "failed"
NOT_RUN = "not-run"
EXPECTATION_CHANGED = "expectation-changed"
# pytest's exit codes whose JUnit report can be trusted to list every test case:
# all passed, some failed, interrupted by collection errors, none collected.
_USABLE_EXITS = (0, 1, 2, 5)
_BAD = ("failed", "error")


@dataclass(frozen=True)
class Case:
    """One test case of one run, as pytest's JUnit report gives it."""

    id: str
    """``path::Class::name``."""
    file: str
    """Repository-relative test file ('' when pytest gives none)."""
    line: int | None
    """Line of the test function."""
    outcome: str
    """passed, failed, error, skipped or xfailed."""
    message: str
    """The failure or skip message."""
    collection: bool = False
    """A test module that pytest could not collect (not a test)."""


def cases_of(run: Mapping[str, Any], name: str) -> dict[str, Case] | str:
    """The test cases of one run; a string saying why the run cannot be trusted."""
    exit_code = run["exit"]
    raw = run["cases"]
    if exit_code not in _USABLE_EXITS or raw is None:
        tail = str(run["output"]).strip().splitlines()[-1:] or ["no output"]
        return f"pytest exited with {exit_code} on the {name} tree: {tail[0]}"
    cases = {c["id"]: Case(c["id"], c["file"], c["line"], c["outcome"], c["message"],
                           bool(c.get("collection")))
             for c in raw}  # fmt: skip
    failing = any(c.outcome in _BAD for c in cases.values())
    # The exit code and the report must tell the same story: a report that claims every
    # test passed while pytest failed (or the reverse) was not written by pytest alone.
    expected = {0: not failing, 1: failing, 2: failing, 5: not cases}
    if not expected[exit_code]:
        return f"pytest's exit code {exit_code} contradicts its JUnit report on the {name} tree"
    return cases


class TestsCheck:
    """Up to three pytest runs in one sandbox job: base, existing tests, the change's."""

    id = "tests"

    def tool_version(self) -> str | None:
        return package_version("pytest")

    def run(self, context: CheckContext) -> Outcome:
        change, policy = context.change, context.policy
        if change.is_empty:
            return Skipped("the change is empty")
        runs = [testplan.base_run(), testplan.existing_run(change, policy.test_paths)]
        if testplan.touches_tests(change, policy.test_paths):
            runs.append(testplan.head_run(change))
        seed = testplan.seed(change)
        request = {"seed": seed, "runs": runs}
        result = testplan.run_suite(context, "tests", request)
        if isinstance(result, Errored):
            return result
        results: dict[str, dict[str, Case]] = {}
        try:
            answer = json.loads(result.stdout)["runs"]
            for name in answer:
                cases = cases_of(answer[name], name)
                if isinstance(cases, str):
                    return Errored(cases, result.stdout)
                results[name] = cases
            base, existing = results["base"], results["existing"]
        except (ValueError, KeyError, TypeError) as exc:
            return Errored(f"the tests runner printed no result that could be read: {exc}")
        head = results.get("head", existing)
        broken = sorted(c.id for c in base.values() if c.collection)
        if broken:
            # Its tests cannot be required if they cannot even be collected: fail closed.
            return Errored(
                f"the base revision's tests cannot all be collected ({', '.join(broken)}: "
                f"{base[broken[0]].message}); declare what they import and run "
                "`gate sandbox deps`, or fix the base",
                result.stdout,
            )
        if not base and not head:
            return Skipped("the repository has no tests that pytest collects")
        edited = edited_tests(context, [i for i, c in base.items() if c.outcome == "passed"])
        findings = judge(base, existing, head, edited)
        required = [c for c in base.values() if c.outcome == "passed"]
        return Completed(
            tuple(findings),
            {
                "required": float(len(required)),
                "tests": float(len(head)),
                "failed": float(sum(1 for f in findings if f.rule_id != NOT_RUN)),
                "not_run": float(sum(1 for f in findings if f.rule_id == NOT_RUN)),
                "seed": float(seed),
            },
            raw=result.stdout,
        )


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
        return (ast.parse(texts[0] or ""), ast.parse(texts[1] or ""))
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
