"""GATE201: an import of a package the repository does not declare (hallucinated?)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example

_OPTIONAL = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
# What the gate's sandbox runs the tests with: a test file may import it undeclared.
_TEST_RUNNER = {"pytest", "_pytest", "hypothesis", "coverage"}


class UndeclaredImport(CstRule):
    """An import of a module that is neither standard library, first-party, nor a
    declared dependency.

    Coding agents invent packages that sound right (``import fastjsonschema_validator``),
    and attackers register such names on the package index with malicious code
    ("slopsquatting"). An import is judged against the dependencies the base revision
    declares (pyproject, requirements files, setup.cfg, Pipfile, and lock files), the
    dependencies the change itself declares (judged in turn by GATE202), the standard
    library and the repository's own modules; known import-name/distribution-name
    mismatches (``yaml``/PyYAML, ``jwt``/PyJWT, ``Crypto``/pycryptodome ...) are shipped
    as data, and a namespace package's module (``backports.zstd``) is its own
    distribution's; the standard library is that of every Python up to 3.14. Imports
    guarded by ``except ImportError`` are optional and not reported, nor are pytest,
    hypothesis and coverage in test files (the sandbox runs the tests with them). A
    repository that declares no dependencies at all is not judged. Declare the dependency
    (and lock it), or remove the import.
    """

    ID = "GATE201"
    MESSAGE = "import of a package that is not declared: hallucinated or undeclared dependency"
    SEVERITY = Severity.HIGH
    CWE = 1357
    VALID: ClassVar = [
        "import os\nimport json.decoder\nfrom collections import abc\n",
        "import requests\nimport yaml\nfrom jwt import decode\n",
        "from app.models import User\nfrom . import views\nimport app\n",
        "try:\n    import ujson as json\nexcept ImportError:\n    import json\n",
        "from __future__ import annotations\nimport typing_extensions\n",
        Example(code="import leftpadx\n", base="import leftpadx\n"),
        "from backports import zstd\nimport backports.zstd\n",
        "import sys\nif sys.version_info >= (3, 14):\n    from compression import zstd\n",
        Example(code="import pytest\nfrom hypothesis import given\n", path="tests/test_x.py"),
    ]
    INVALID: ClassVar = [
        "import leftpadx\n",
        "import pytest\n",
        "from fastjsonschema_validator import validate\n",
        "import requests_oauth3.client as oauth\n",
        "import flask\n",
        "def f():\n    import huggingface_utils_pro\n",
        "from backports import lzma_plus\n",
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._optional_depth = 0

    def visit_Try(self, node: cst.Try) -> None:
        if any(_catches_import_error(h) for h in node.handlers):
            self._optional_depth += 1

    def leave_Try(self, original_node: cst.Try) -> None:
        if any(_catches_import_error(h) for h in original_node.handlers):
            self._optional_depth -= 1

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._judge(node, _dotted(alias.name))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None:
            return
        module = _dotted(node.module)
        # `from backports import zstd` imports the module backports.zstd, of its own
        # distribution when backports is a namespace package.
        names = node.names if isinstance(node.names, Sequence) else ()
        self._judge(
            node,
            module,
            [f"{module}.{alias.name.value}" for alias in names if isinstance(alias.name, cst.Name)],
        )

    def _judge(self, node: cst.CSTNode, module: str, submodules: Sequence[str] = ()) -> None:
        index = self.settings.dependencies
        if index is None or not index.base.files or self._optional_depth:
            return
        if index.is_known(module) or (submodules and all(map(index.is_known, submodules))):
            return
        top = module.split(".")[0]
        if top in _TEST_RUNNER and self.settings.is_test_file(self.path):
            return
        where = ", ".join(index.base.files)
        self.report(
            node,
            f"`{top}` is not in the standard library, this repository or its declared "
            f"dependencies ({where}): a hallucinated or undeclared package",
        )


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _catches_import_error(handler: cst.ExceptHandler) -> bool:
    kinds = handler.type
    if kinds is None:
        return True
    names = kinds.elements if isinstance(kinds, cst.Tuple) else [kinds]
    for element in names:
        value = element.value if isinstance(element, cst.Element) else element
        if isinstance(value, cst.Name) and value.value in _OPTIONAL:
            return True
    return False
