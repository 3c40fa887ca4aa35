"""The typed list of every built-in rule, in id order."""

from __future__ import annotations

from gate.rules.gate101_dynamic_code import DynamicCodeExecution
from gate.rules.gate102_shell_injection import ShellInjection
from gate.rules.gate103_unsafe_deserialisation import UnsafeDeserialisation
from gate.rules.gate104_archive_extraction import ArchiveExtraction
from gate.rules.gate105_insecure_temp_file import InsecureTempFile
from gate.rules.gate106_weak_crypto import WeakCrypto
from gate.rules.gate107_insecure_random import InsecureRandom
from gate.rules.gate108_tls_verification_off import TlsVerificationOff
from gate.rules.gate109_jwt_unverified import JwtUnverified
from gate.rules.gate110_bind_all_interfaces import BindAllInterfaces
from gate.rules.gate111_debug_mode import DebugMode
from gate.rules.gate112_sql_injection import SqlInjection
from gate.rules.gate113_xml_external_entities import XmlExternalEntities
from gate.rules.gate114_exception_swallowed import SwallowedException
from gate.rules.gate115_stub_left import StubLeftBehind
from gate.rules.gate116_permissive_file_mode import PermissiveFileMode
from gate.rules.gate117_regex_backtracking import RegexBacktracking
from gate.rules.gate118_hostname_regex import HostnameRegex
from gate.rules.gate119_overly_large_range import OverlyLargeRange
from gate.rules.gate201_undeclared_import import UndeclaredImport
from gate.rules.gate202_unverified_dependency import UnverifiedDependency
from gate.rules.gate301_test_deleted import DeletedTest
from gate.rules.gate302_test_skipped import SkippedTest
from gate.rules.gate303_tautological_assertion import TautologicalAssertion
from gate.rules.gate304_assertions_removed import AssertionsRemoved
from gate.rules.gate305_expected_value_edited import ExpectedValueEdited
from gate.rules.gate306_outcome_hook import OutcomeHook
from gate.rules.gate307_runner_internals import RunnerInternals
from gate.rules.gate308_behaviour_removed import BehaviourRemoved
from gate.rules.gate401_security_suppression import SecuritySuppression
from gate.rules.gate402_lint_suppression import LintSuppression
from gate.rules.gate403_protected_path import EditedTestConfig, ProtectedPathEdited
from gate.rules.gate405_symlink_escape import SymlinkEscape
from gate.rules.gate406_hardcoded_credential import HardcodedCredential
from gate.rules.gate407_private_key import PrivateKeyCommitted
from gate.rules.gate408_confusable_identifier import ConfusableIdentifier
from gate.rules.interface import Rule

RULES: tuple[type[Rule], ...] = (
    DynamicCodeExecution,
    ShellInjection,
    UnsafeDeserialisation,
    ArchiveExtraction,
    InsecureTempFile,
    WeakCrypto,
    InsecureRandom,
    TlsVerificationOff,
    JwtUnverified,
    BindAllInterfaces,
    DebugMode,
    SqlInjection,
    XmlExternalEntities,
    SwallowedException,
    StubLeftBehind,
    PermissiveFileMode,
    RegexBacktracking,
    HostnameRegex,
    OverlyLargeRange,
    UndeclaredImport,
    UnverifiedDependency,
    DeletedTest,
    SkippedTest,
    TautologicalAssertion,
    AssertionsRemoved,
    ExpectedValueEdited,
    OutcomeHook,
    RunnerInternals,
    BehaviourRemoved,
    SecuritySuppression,
    LintSuppression,
    ProtectedPathEdited,
    EditedTestConfig,
    SymlinkEscape,
    HardcodedCredential,
    PrivateKeyCommitted,
    ConfusableIdentifier,
)


def by_id() -> dict[str, type[Rule]]:
    """The catalogue keyed by rule id."""
    return {rule.ID: rule for rule in RULES}
