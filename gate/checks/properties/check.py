"""The ``properties`` check: hypothesis in the sandbox. The repository's own hypothesis
tests run with a fixed, recorded seed and the policy's example budget; the ghostwriter's
properties for the changed public, annotated functions run with the same; a function
that kept its signature is compared with its base form. Failing examples are shrunk."""

from __future__ import annotations

from gate.checks.interface import CheckContext, Completed, Errored, Outcome, Skipped
from gate.checks.protocol import (
    Case,
    GeneratedFile,
    PropertiesRequest,
    PropertiesResult,
    PropertyFailure,
)
from gate.checks.sandboxed import package_version
from gate.checks.suite import plan
from gate.checks.suite.tests import cases_of, cause, tampered
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
    """One sandbox job: the generated properties, and two pytest runs (``-m hypothesis``)
    of the repository's own hypothesis tests unless the tests check runs them."""

    id = "properties"

    def tool_version(self) -> str | None:
        return package_version("hypothesis")

    def run(self, context: CheckContext) -> Outcome:
        change, policy = context.change, context.policy
        if change.is_empty:
            return Skipped("the change is empty")
        files = tuple(
            GeneratedFile(path=f.path, old_path=f.old_path, added=tuple(sorted(f.added_lines)))
            for f in change.files
            if f.exists_after and f.path.endswith(".py") and not f.binary
            and not matches(f.path, policy.test_paths) and (f.added_lines or f.removed_lines)
        )  # fmt: skip
        own = ("-m", "hypothesis")
        # The repository's own hypothesis tests run in the tests check's suite, with the
        # same seed and budget, when that check runs too: not a second time here.
        separate = "tests" not in context.options.checks
        runs = (
            plan.head_run(change).model_copy(update={"args": own}),
            plan.base_run().model_copy(update={"args": own, "narrow": "head"}),
        )
        suite = plan.suite_request(context, runs if separate else ())
        request = PropertiesRequest(suite=suite, tree=plan.head_run(change), files=files)
        done = plan.run_job(context, "properties", request, PropertiesResult)
        if isinstance(done, Errored):
            return done
        answer, raw = done
        why = tampered(answer.suite.runs)
        if why is not None:
            return Errored(why, raw)
        base = cases_of(answer.suite.get("base"), "base") if separate else {}
        head = cases_of(answer.suite.get("head"), "changed") if separate else {}
        if isinstance(base, str) or isinstance(head, str):
            return Errored(str(base if isinstance(base, str) else head), raw)
        generated = answer.generated
        installed = "" if answer.install is None else f" ({answer.install})"
        if generated is None:
            return Errored(
                f"the generated properties exited with {answer.exit}: "
                f"{cause(answer.output)}{installed}",
                raw,
            )
        if not head and not generated.tested:
            why = "; ".join(generated.notes[:3]) or "no public, annotated function changed"
            own_tests = "no hypothesis tests" if separate else "the tests check runs its tests"
            return Skipped(
                f"nothing to test: {own_tests}, and no property written ({why}){installed}"
            )
        findings = own_findings(base, head) + [generated_finding(f) for f in generated.failures]
        findings += [_note(n) for n in generated.notes]
        if answer.install is not None:
            findings.append(Finding.note(TOOL, "environment", ".", answer.install))
        return Completed(
            tuple(findings),
            {
                "seed": float(suite.seed),
                "max_examples": float(policy.max_examples),
                "own_tests": float(len(head)),
                "generated": float(generated.tested),
                "generated_failures": float(len(generated.failures)),
                "untestable": float(len(generated.notes)),
            },
            raw=raw,
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


def generated_finding(failure: PropertyFailure) -> Finding:
    """A generated property's failure as a finding, its rule by what was raised."""
    error, kind, function = failure.error, failure.property, failure.function
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
    example = f"; {failure.example}" if failure.example else ""
    detail = f": {failure.message}" if failure.message else ""
    severity = Severity.HIGH if rule == "crash" else Severity.LOW
    return Finding(
        TOOL, rule, severity, None, failure.path, failure.line, failure.line,
        f"{function} {what} ({kind} property){detail}{example}",
        fingerprint(TOOL, rule, function, kind, error),
    )  # fmt: skip


def _note(text: str) -> Finding:
    """A function or file no property could be written or run for."""
    path = text.split(":", 1)[0]
    return Finding.note(TOOL, "untestable", path if path.endswith(".py") else ".", text)
