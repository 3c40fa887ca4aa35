"""GATE302: a test is skipped or marked as expected to fail."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import Example, RuleSettings
from gate.rules.testscope import TestFileRule

# Decorators, marks and calls that skip a test or let it fail.
_SKIPS = {
    "pytest.mark.skip",
    "pytest.mark.skipif",
    "pytest.mark.xfail",
    "pytest.skip",
    "pytest.xfail",
    "_pytest.outcomes.skip",
    "_pytest.outcomes.xfail",
    *(
        f"{module}.{name}"
        for module in ("unittest", "unittest.case")
        for name in ("skip", "skipIf", "skipUnless", "expectedFailure", "SkipTest")
    ),
}

_SKIPPED_A = "import pytest\n\n@pytest.mark.skip(reason='flaky')\ndef test_a():\n    assert a()\n"


def _is_self_skip_test(node: cst.BaseExpression) -> bool:
    """``self.skipTest``: unittest's skip, reached through the test case itself."""
    return (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == "self"
        and node.attr.value == "skipTest"
    )


class SkippedTest(TestFileRule):
    """A test is skipped, or marked as expected to fail, in a test file.

    ``@pytest.mark.skip``, ``skipif``, ``xfail``, ``pytest.skip()``, ``pytestmark =
    pytest.mark.skip``, ``@unittest.skip``, ``skipIf``, ``skipUnless``,
    ``expectedFailure`` and ``self.skipTest()`` all let the suite pass without the test
    passing: for a generated change, a quiet way to make a failing test go away. Fix
    the code or the test instead. A test that cannot run in some environment can use
    ``pytest.importorskip`` (not reported); a real exception needs a reviewer's waiver.
    """

    ID = "GATE302"
    MESSAGE = "a test is skipped or marked as expected to fail"
    SEVERITY = Severity.HIGH
    CWE = None
    VALID: ClassVar = [
        Example(
            code=(
                "import pytest\n\n@pytest.mark.parametrize('x', [1, 2])\n"
                "def test_x(x):\n    assert x\n"
            ),
            path="tests/test_x.py",
        ),
        Example(
            code="import pytest\n\nnp = pytest.importorskip('numpy')\n",
            path="tests/test_numeric.py",
        ),
        Example(
            code="import pytest\n\n@pytest.mark.skip\ndef test_x():\n    assert x\n",
            path="src/pkg/plugin.py",
        ),
        Example(
            code="def skip(reason):\n    return reason\n\ndef test_x():\n    skip('no')\n",
            path="tests/test_x.py",
        ),
        Example(
            code=(
                "import pytest\n\n@pytest.mark.slow\ndef test_x():\n"
                "    with pytest.raises(ValueError):\n        parse('')\n"
            ),
            path="tests/test_x.py",
        ),
        Example(
            code=(
                "import pytest\n\n@pytest.mark.skip(reason='flaky')\n"
                "def test_a():\n    assert a()\n\ndef test_b():\n    assert b()\n"
            ),
            base=_SKIPPED_A,
            path="tests/test_ab.py",
        ),
    ]
    INVALID: ClassVar = [
        Example(
            code="import pytest\n\n@pytest.mark.skip\ndef test_a():\n    assert a()\n",
            path="tests/test_a.py",
        ),
        Example(
            code=(
                "import sys\nfrom pytest import mark as m\n\n"
                "@m.skipif(sys.platform == 'linux', reason='fails')\n"
                "def test_a():\n    assert a()\n"
            ),
            path="tests/test_a.py",
        ),
        Example(
            code=(
                "import unittest as ut\n\nclass TestX(ut.TestCase):\n"
                "    @ut.expectedFailure\n    def test_y(self):\n        self.assertTrue(y())\n"
            ),
            path="tests/test_x.py",
        ),
        Example(
            code="from unittest import skip\n\n@skip('later')\nclass TestX:\n    pass\n",
            path="test_x.py",
        ),
        Example(
            code="import pytest\n\ndef test_a():\n    pytest.skip('broken')\n    assert a()\n",
            path="tests/test_a.py",
        ),
        Example(
            code="import pytest\n\npytestmark = pytest.mark.skip(reason='flaky')\n",
            path="tests/test_a.py",
        ),
        Example(
            code="import pytest\n\npytestmark = [pytest.mark.xfail(strict=False)]\n",
            path="tests/test_a.py",
        ),
        Example(
            code=(
                "import pytest\n\n@pytest.mark.parametrize('x', [1, pytest.param(2, "
                "marks=pytest.mark.xfail)])\ndef test_x(x):\n    assert f(x)\n"
            ),
            path="tests/test_x.py",
        ),
        Example(
            code=(
                "import unittest\n\nclass T(unittest.TestCase):\n"
                "    def test_y(self):\n        self.skipTest('later')\n"
            ),
            path="tests/test_t.py",
        ),
        Example(
            code=(
                "import pytest\n\n@pytest.mark.skip(reason='flaky')\ndef test_a():\n"
                "    assert a()\n\n@pytest.mark.skip(reason='flaky')\ndef test_b():\n"
                "    assert b()\n"
            ),
            base=_SKIPPED_A,
            path="tests/test_ab.py",
        ),
    ]

    def __init__(self, settings: RuleSettings, path: str) -> None:
        super().__init__(settings, path)
        self._seen: set[cst.CSTNode] = set()

    def visit_Call(self, node: cst.Call) -> None:
        self._check(node, node.func)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._check(node, node)

    def visit_Name(self, node: cst.Name) -> None:
        self._check(node, node)

    def _check(self, node: cst.BaseExpression, target: cst.BaseExpression) -> None:
        """Report ``node`` if ``target`` (itself, or the function it calls) skips.

        A reported call's function, and a decorator's parts, are not reported again.
        """
        if not self.active or node in self._seen:
            return
        self._seen.add(target)
        if not (
            self.qualified_names(target) & _SKIPS
            or (isinstance(node, cst.Call) and _is_self_skip_test(target))
        ):
            return
        code = cst.Module(body=[]).code_for_node(node)
        scope = self.scope
        shown = " ".join(code.split())
        if len(shown) > 80:
            shown = shown[:77] + "..."
        self.report(node, message=f"{self.MESSAGE}: `{shown}` in {scope}", key=f"{code} @ {scope}")
