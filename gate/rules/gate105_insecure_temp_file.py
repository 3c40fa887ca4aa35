"""GATE105: a temporary file name is made with ``tempfile.mktemp``."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example

_MKTEMP = {"tempfile.mktemp"}


class InsecureTempFile(CstRule):
    """A temporary file name is made with ``tempfile.mktemp``: a race to create it.

    ``mktemp`` only returns a name that did not exist when it was called. Between that
    moment and the moment the program opens it, another process on the machine can
    create the file, or a symbolic link to a file of its choosing, under that name, and
    the program then writes into it (CWE-377). Python has deprecated it since 2.3.
    Create the file and get its name in one step: ``tempfile.mkstemp()``,
    ``tempfile.NamedTemporaryFile()``, or a directory with ``tempfile.mkdtemp()`` or
    ``tempfile.TemporaryDirectory()``.
    """

    ID = "GATE105"
    MESSAGE = "tempfile.mktemp: the file name can be taken before the file is created"
    SEVERITY = Severity.MEDIUM
    CWE = 377
    VALID: ClassVar = [
        "import tempfile\nfd, path = tempfile.mkstemp(suffix='.json')",
        "import tempfile\nwith tempfile.NamedTemporaryFile('w') as f:\n    f.write(data)",
        "from tempfile import mkdtemp as md\nroot = md()",
        "def mktemp():\n    return '/tmp/x'\npath = mktemp()",
        "class Fs:\n    def make(self):\n        return self.tempfile.mktemp()",
        Example(
            code="import tempfile\np = tempfile.mktemp()\nq = 1\n",
            base="import tempfile\np = tempfile.mktemp()\n",
        ),
    ]
    INVALID: ClassVar = [
        "import tempfile\npath = tempfile.mktemp()",
        "import tempfile\nopen(tempfile.mktemp(suffix='.txt'), 'w').write(data)",
        "from tempfile import mktemp\nname = mktemp(dir='/tmp')",
        "from tempfile import mktemp as temp_name\nout = temp_name()",
        "import tempfile as tf\ndef f():\n    return tf.mktemp(prefix='job')",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        if self.qualified_names(node.func) & _MKTEMP:
            self.report(node)
