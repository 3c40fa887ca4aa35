"""The typed list of every built-in rule, in id order."""

from __future__ import annotations

from gate.rules.gate101_dynamic_code import DynamicCodeExecution
from gate.rules.gate102_shell_injection import ShellInjection
from gate.rules.gate103_unsafe_deserialisation import UnsafeDeserialisation
from gate.rules.gate301_test_deleted import DeletedTest
from gate.rules.gate302_test_skipped import SkippedTest
from gate.rules.gate401_security_suppression import SecuritySuppression
from gate.rules.gate402_lint_suppression import LintSuppression
from gate.rules.gate403_protected_path import EditedTestConfig, ProtectedPathEdited
from gate.rules.gate405_symlink_escape import SymlinkEscape
from gate.rules.interface import Rule

RULES: tuple[type[Rule], ...] = (
    DynamicCodeExecution,
    ShellInjection,
    UnsafeDeserialisation,
    DeletedTest,
    SkippedTest,
    SecuritySuppression,
    LintSuppression,
    ProtectedPathEdited,
    EditedTestConfig,
    SymlinkEscape,
)


def by_id() -> dict[str, type[Rule]]:
    """The catalogue keyed by rule id."""
    return {rule.ID: rule for rule in RULES}
