"""File rules on what examples cannot express: deletions, renames, parse failures."""

from __future__ import annotations

import pytest

from gate.findings import fingerprint
from gate.rules.gate301_test_deleted import DeletedTest
from gate.rules.gate302_test_skipped import SkippedTest
from gate.rules.gate401_security_suppression import SecuritySuppression
from gate.rules.gate403_protected_path import EditedTestConfig, ProtectedPathEdited
from gate.rules.gate405_symlink_escape import SymlinkEscape, escapes
from gate.rules.interface import Example, FileVersions, RuleSettings
from gate.rules.runner import TOOL, lint, visit
from gate.rules.testing import EXAMPLE_SETTINGS, run_example

SETTINGS = RuleSettings()
TESTS = (
    "import pytest\n\n"
    "def test_a():\n    assert a()\n\n"
    "class TestB:\n    def test_c(self):\n        assert c()\n"
)


def test_a_deleted_test_file_reports_each_test_at_its_old_path() -> None:
    file = FileVersions(path="tests/test_ab.py", old_path="tests/test_ab.py", base=TESTS, head=None)
    hits = list(DeletedTest(SETTINGS).check(file))
    assert [(h.key, h.path, h.line, h.end_line) for h in hits] == [
        ("test_a", "tests/test_ab.py", None, None),
        ("TestB.test_c", "tests/test_ab.py", None, None),
    ]
    assert hits[1].message.startswith("test `tests/test_ab.py::TestB::test_c` deleted")


def test_a_renamed_test_file_compares_tests_by_name() -> None:
    head = TESTS.replace("def test_a():\n    assert a()\n", "")
    file = FileVersions(
        path="tests/test_new.py", old_path="tests/test_old.py", base=TESTS, head=head
    )
    hits = list(DeletedTest(SETTINGS).check(file))
    assert [(h.key, h.path) for h in hits] == [("test_a", None)]


def test_a_test_file_renamed_out_of_the_test_globs_deletes_its_tests() -> None:
    file = FileVersions(path="src/helpers.py", old_path="tests/test_ab.py", base=TESTS, head=TESTS)
    assert [h.key for h in DeletedTest(SETTINGS).check(file)] == ["test_a", "TestB.test_c"]


@pytest.mark.parametrize(("base", "head"), [(TESTS, "def test_a(:\n"), ("def test_a(:\n", "")])
def test_an_unparsable_version_reports_no_deleted_test(base: str, head: str) -> None:
    file = FileVersions(path="tests/test_x.py", old_path="tests/test_x.py", base=base, head=head)
    assert list(DeletedTest(SETTINGS).check(file)) == []


def test_an_emptied_test_is_reported_at_its_def_line() -> None:
    head = TESTS.replace("        assert c()\n", "        pass\n")
    head = head.replace("class TestB:\n", "class TestB:\n    @pytest.mark.slow\n")
    file = FileVersions(path="tests/test_ab.py", old_path="tests/test_ab.py", base=TESTS, head=head)
    [hit] = DeletedTest(SETTINGS).check(file)
    assert (hit.line, hit.key) == (8, "TestB.test_c emptied")
    assert head.splitlines()[7].strip() == "def test_c(self):"


def test_the_same_skip_on_two_tests_is_two_findings() -> None:
    code = (
        "import pytest\n\nskip = pytest.mark.skip(reason='x')\n\n"
        "@pytest.mark.skip\ndef test_a():\n    pass\n\n@pytest.mark.skip\ndef test_b():\n    pass\n"
    )
    findings = run_example(SkippedTest, Example(code=code, path="tests/test_s.py"))
    assert [f.line for f in findings] == [3, 5, 9]
    assert len({f.fingerprint for f in findings}) == 3


def test_a_skip_in_a_test_file_that_was_renamed_from_a_non_test_file_is_new() -> None:
    code = "import pytest\n\n@pytest.mark.skip\ndef test_a():\n    pass\n"
    file = FileVersions(path="tests/test_a.py", old_path="scratch.py", base=code, head=code)
    result = lint([file], SETTINGS, [SkippedTest])
    assert [f.line for f in result.findings] == [3]


def test_a_suppression_moved_with_its_line_is_not_new() -> None:
    base = "import os\n\nos.system(cmd)  # nosec\n"
    head = "import os\nimport sys\n\n\nos.system(cmd)  # nosec\n"
    assert run_example(SecuritySuppression, Example(code=head, base=base)) == []


def test_a_suppression_moved_to_another_line_is_new() -> None:
    base = "import os\n\nos.system(cmd)  # nosec\nos.system(other)\n"
    head = "import os\n\nos.system(cmd)\nos.system(other)  # nosec\n"
    assert [f.line for f in run_example(SecuritySuppression, Example(code=head, base=base))] == [4]


@pytest.mark.parametrize(
    "file",
    [
        FileVersions(path=".gate.toml", old_path=".gate.toml", base="version = 1\n", head=None),
        FileVersions(path="ci.yml", old_path=".github/workflows/ci.yml", base="x", head="x"),
        FileVersions(path=".github/workflows/ci.yml", old_path=None, base=None, head=None),
        FileVersions(
            path="policies/p.toml", old_path="policies/p.toml", base=None, head=None
        ),  # binary on both sides: cannot be compared, so changed
    ],
)
def test_protected_paths_report_deletions_renames_and_binaries(file: FileVersions) -> None:
    [hit] = ProtectedPathEdited(EXAMPLE_SETTINGS).check(file)
    assert hit.line is None
    assert list(EditedTestConfig(EXAMPLE_SETTINGS).check(file)) == []


def test_a_deleted_pyproject_with_a_gate_table_is_reported() -> None:
    base = "[tool.gate]\nprofile = 'default'\n\n[tool.pytest.ini_options]\naddopts = '-q'\n"
    file = FileVersions(path="pyproject.toml", old_path="pyproject.toml", base=base, head=None)
    assert [h.key for h in ProtectedPathEdited(EXAMPLE_SETTINGS).check(file)] == [
        "pyproject.toml [tool.gate]"
    ]
    assert [h.key for h in EditedTestConfig(EXAMPLE_SETTINGS).check(file)] == [
        "pyproject.toml [tool.pytest]"
    ]


def test_an_unparsable_head_pyproject_is_reported_once() -> None:
    file = FileVersions(
        path="pyproject.toml", old_path="pyproject.toml", base="[tool.mypy]\n", head="[tool.mypy"
    )
    [hit] = ProtectedPathEdited(EXAMPLE_SETTINGS).check(file)
    assert "could not be parsed" in hit.message
    assert list(EditedTestConfig(EXAMPLE_SETTINGS).check(file)) == []


@pytest.mark.parametrize(
    ("link", "target", "escaping"),
    [
        ("a/b", "../c", False),
        ("a/b", "../../c", True),
        ("b", "./c/../d", False),
        ("b", "/abs", True),
        ("a/b", "c/../../../a/x", True),
    ],
)
def test_escapes(link: str, target: str, escaping: bool) -> None:
    assert escapes(link, target) is escaping


def test_a_symlink_example_is_a_link_whose_target_is_the_code() -> None:
    [finding] = run_example(SymlinkEscape, Example(code="/etc/passwd", path="lib/x.py@symlink"))
    assert finding.path == "lib/x.py"
    assert finding.message.endswith("lib/x.py -> /etc/passwd")


def test_a_form_feed_does_not_shift_the_line_a_suppression_is_keyed_by() -> None:
    source = "import os\n\x0c\nos.system(a)  # nosec\n"
    [finding] = visit([SecuritySuppression], SETTINGS, "m.py", source)
    assert finding.line == 3
    assert finding.fingerprint == fingerprint(TOOL, "GATE401", "# nosec @ os.system(a)  # nosec")
