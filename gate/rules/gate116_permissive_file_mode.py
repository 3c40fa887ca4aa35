"""GATE116: a file or folder made writable (or readable, for keys) by everyone."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example
from gate.rules.nodes import argument

_CHMOD = {"os.chmod", "os.fchmod", "os.lchmod", "os.makedirs", "os.mkdir", "os.open"}
_MODE_POSITION = {"os.chmod": 1, "os.fchmod": 1, "os.lchmod": 1, "os.makedirs": 1,
                  "os.mkdir": 1, "os.open": 2}  # fmt: skip


class PermissiveFileMode(CstRule):
    """A permission mode that lets every user of the machine write the file (or, for a
    private key, read it).

    ``os.chmod(path, 0o777)``, ``Path.chmod(0o666)`` or ``os.makedirs(d, mode=0o777)``
    let any local user replace a script, a config or a cache that the program later
    trusts; a world-readable key file gives it away. Grant only what is needed
    (``0o755`` for programs and folders, ``0o644`` for data, ``0o600`` for secrets).
    """

    ID = "GATE116"
    MESSAGE = "file mode writable by every user (or a key readable by every user)"
    SEVERITY = Severity.MEDIUM
    CWE = 732
    VALID: ClassVar = [
        "import os\nos.chmod(path, 0o755)\n",
        "import os\nos.chmod(key_path, 0o600)\n",
        "from pathlib import Path\nPath(p).chmod(0o644)\n",
        "import os\nos.makedirs(d, exist_ok=True)\n",
        Example(code="import os\nos.chmod(p, 0o777)\n", base="import os\nos.chmod(p, 0o777)\n"),
    ]
    INVALID: ClassVar = [
        "import os\nos.chmod(path, 0o777)\n",
        "import os as o\no.chmod('/srv/app/run.sh', 0o666)\n",
        "from pathlib import Path\nPath('cache').chmod(0o777)\n",
        "import os\nos.makedirs(d, mode=0o777, exist_ok=True)\n",
        "import os\nos.chmod('id_rsa', 0o644)\n",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        mode: cst.Arg | None = None
        target = ""
        name = next(iter(sorted(names & _CHMOD)), None)
        if name is not None:
            mode = argument(node, _MODE_POSITION[name], "mode")
            first = argument(node, 0, None)
            target = _text(first.value) if first is not None else ""
        elif isinstance(node.func, cst.Attribute) and node.func.attr.value == "chmod":
            mode = argument(node, 0, "mode")
            receiver = node.func.value
            if isinstance(receiver, cst.Call) and receiver.args:
                target = _text(receiver.args[0].value)
        if mode is None or mode.star or not isinstance(mode.value, cst.Integer):
            return
        bits = int(mode.value.evaluated_value)
        key_like = any(k in target.lower() for k in ("id_rsa", "id_ed25519", ".key", ".pem"))
        if bits & 0o002 or (key_like and bits & 0o044):
            self.report(node)


def _text(node: cst.BaseExpression) -> str:
    return (
        node.evaluated_value
        if isinstance(node, cst.SimpleString) and isinstance(node.evaluated_value, str)
        else ""
    )
