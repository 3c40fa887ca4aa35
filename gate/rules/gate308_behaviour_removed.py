"""GATE308: a test deleted together with the code it tested: behaviour removed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from gate.findings import Severity
from gate.rules.interface import Example, FileRule, FileVersions, Hit
from gate.rules.testdefs import Moves, deleted_tests, node_id


class BehaviourRemoved(FileRule):
    """A test is deleted together with code it calls that the change removes.

    Removing a feature takes its tests with it, and that is not test tampering; but it
    changes what the software does for everyone who relied on it, which is a
    decision for a human, not for a coding agent to take on the way to a green build.
    The finding names the test and the definition that went with it. Approve it with a
    waiver that says why the behaviour goes (the relaxed profile, for changes known to
    be human-authored, warns instead). A test deleted while the code it tests stays is
    GATE301.
    """

    ID = "GATE308"
    MESSAGE = "behaviour removed with its tests: needs approval"
    SEVERITY = Severity.MEDIUM
    CWE = None
    VALID: ClassVar = [
        Example(  # the code stays: GATE301's business
            code="def test_a():\n    assert f()\n",
            base="def test_a():\n    assert f()\n\ndef test_b():\n    assert g()\n",
            path="tests/test_f.py",
        ),
        Example(  # the code goes, but its test moves to another file
            code="",
            base="from m import legacy_add\n\ndef test_add():\n    assert legacy_add(1, 2) == 3\n",
            path="tests/test_add.py",
            also=(
                Example(code="", base="def legacy_add(a, b):\n    return a + b\n", path="m.py"),
                Example(
                    code="def test_legacy_add():\n    assert legacy_add(1, 2) == 3\n",
                    path="tests/test_legacy.py",
                ),
            ),
        ),
        Example(  # the code moves to another module: its test's deletion is GATE301's
            code="",
            base="from m import legacy_add\n\ndef test_add():\n    assert legacy_add(1, 2) == 3\n",
            path="tests/test_add.py",
            also=(
                Example(code="", base="def legacy_add(a, b):\n    return a + b\n", path="m.py"),
                Example(code="def legacy_add(a, b):\n    return a + b\n", path="n.py"),
            ),
        ),
    ]
    INVALID: ClassVar = [
        Example(
            code="from m import f\n\ndef test_f():\n    assert f()\n",
            base=(
                "from m import f, legacy_add\n\ndef test_f():\n    assert f()\n\n"
                "def test_legacy_add():\n    assert legacy_add(1, 2) == 3\n"
            ),
            path="tests/test_m.py",
            also=(
                Example(
                    code="def f():\n    return 1\n",
                    base="def f():\n    return 1\n\ndef legacy_add(a, b):\n    return a + b\n",
                    path="src/m.py",
                ),
            ),
        ),
    ]

    def prepare(self, files: Sequence[FileVersions]) -> None:
        self.moves = Moves.of(files, self.settings)

    def check(self, file: FileVersions) -> Iterator[Hit]:
        moves = getattr(self, "moves", None) or Moves.of([file], self.settings)
        for gone in deleted_tests(file, self.settings):
            removed = None if moves.moved(gone.test) else moves.removed_with(gone.test)
            if removed is None:
                continue
            name, where = removed
            yield Hit(
                line=None,
                end_line=None,
                message=f"test `{node_id(gone.path, gone.name)}` deleted together with "
                f"`{name}` ({where}), which it tested: behaviour removed, needs approval",
                key=f"{gone.name} with {name}",
                path=gone.path if file.head is None else None,
            )
