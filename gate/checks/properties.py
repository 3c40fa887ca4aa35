"""The ``properties`` check: hypothesis in the sandbox. The repository's own hypothesis
tests run with a fixed, recorded seed and the policy's example budget; the ghostwriter's
properties for the changed public, annotated functions run with the same; a function
that kept its signature is compared with its base form. Failing examples are shrunk."""

from __future__ import annotations

import json
from typing import Any

from gate.checks import testplan
from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.sandboxed import package_version
from gate.checks.tests import Case, cases_of
from gate.findings import Finding, Severity, fingerprint
from gate.rules.interface import matches

TOOL = "properties"
# Exceptions that signal a bug (DESIGN); ValueError or TypeError from input validation,
# and any other exception, are reported without blocking.
BUGS = frozenset({
    "IndexError", "KeyError", "AttributeError", "ZeroDivisionError", "RecursionError",
    "UnboundLocalError", "AssertionError", "Timeout",
})  # fmt: skip
VALIDATION = frozenset({"ValueError", "TypeError"})


class PropertiesCheck:
    """One sandbox job: two pytest runs (``-m hypothesis``) and the generated properties."""

    id = "properties"

    def tool_version(self) -> str | None:
        return package_version("hypothesis")

    def run(self, context: CheckContext) -> Outcome:
        change, policy = context.change, context.policy
        if change.is_empty:
            return Skipped("the change is empty")
        seed = testplan.seed(change)
        own = {"args": ["-m", "hypothesis"],
               "env": {"MERGEGATE_MAX_EXAMPLES": str(policy.max_examples)}}  # fmt: skip
        files = [
            {"path": f.path, "old_path": f.old_path, "added": sorted(f.added_lines)}
            for f in change.files
            if f.exists_after and f.path.endswith(".py") and not f.binary
            and not matches(f.path, policy.test_paths) and (f.added_lines or f.removed_lines)
        ]  # fmt: skip
        request = {
            "seed": seed,
            "max_examples": policy.max_examples,
            "runs": [{**testplan.base_run(), **own}, {**testplan.head_run(change), **own}],
            "generated": {"tree": testplan.head_run(change), "files": files},
        }
        result = testplan.run_suite(context, "properties", request)
        if isinstance(result, Errored):
            return result
        try:
            answer = json.loads(result.stdout)
            base = cases_of(answer["runs"]["base"], "base")
            head = cases_of(answer["runs"]["head"], "changed")
            generated = answer["generated"]
            if isinstance(base, str) or isinstance(head, str):
                return Errored(str(base if isinstance(base, str) else head), result.stdout)
            if "result" not in generated:
                tail = str(generated["output"]).strip().splitlines()[-1:] or ["no output"]
                return Errored(
                    f"the generated properties exited with {generated['exit']}: {tail[0]}",
                    result.stdout,
                )
            failures = generated["result"]["failures"]
            notes = generated["result"]["notes"]
            findings = own_findings(base, head) + [generated_finding(f) for f in failures]
        except (ValueError, KeyError, TypeError) as exc:
            return Errored(f"the properties runner printed no result that could be read: {exc}")
        if not head and not files:
            return Skipped("no hypothesis tests and no changed code to write properties for")
        return Completed(
            tuple(findings),
            {
                "seed": float(seed),
                "max_examples": float(policy.max_examples),
                "own_tests": float(len(head)),
                "generated_failures": float(len(failures)),
                "untestable": float(len(notes)),
            },
            raw=result.stdout,
        )


def own_findings(base: dict[str, Case], head: dict[str, Case]) -> list[Finding]:
    """The repository's hypothesis tests that fail on the change and did not on the base."""
    out = []
    for test_id, case in head.items():
        before = base.get(test_id)
        if case.outcome in ("failed", "error") and not (
            before and before.outcome in ("failed", "error")
        ):
            out.append(Finding(
                TOOL, "failed", Severity.HIGH, None, case.file or ".", case.line, case.line,
                f"{test_id} fails with seed and budget of the policy: {case.message}",
                fingerprint(TOOL, "failed", test_id),
            ))  # fmt: skip
    return out


def generated_finding(failure: dict[str, Any]) -> Finding:
    """A generated property's failure as a finding, its rule by what was raised."""
    error, kind, function = failure["error"], failure["property"], failure["function"]
    if kind == "differential":
        rule, what = "behaviour-changed", "behaves differently from its base form"
    elif error == "untestable":
        rule, what = "untestable", "could not be tested"
    elif error in BUGS:
        rule, what = "crash", f"raises {error}" if error != "Timeout" else "runs past its time"
    elif error in VALIDATION:
        rule, what = "rejected-input", f"raises {error} (input validation?)"
    else:
        rule, what = "exception", f"raises {error}"
    example = f"; {failure['example']}" if failure.get("example") else ""
    detail = f": {failure['message']}" if failure.get("message") else ""
    severity = Severity.HIGH if rule == "crash" else Severity.LOW
    return Finding(
        TOOL, rule, severity, None, failure["path"], failure["line"], failure["line"],
        f"{function} {what} ({kind} property){detail}{example}",
        fingerprint(TOOL, rule, function, kind, error),
    )  # fmt: skip
