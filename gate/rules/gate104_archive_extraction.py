"""GATE104: an archive is extracted without checking where its members land."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.bindings import BindingRule
from gate.rules.interface import Example
from gate.rules.nodes import argument, is_false_literal, string_value

_TAR_OPENERS = {
    "tarfile.open",
    "tarfile.TarFile",
    *(f"tarfile.TarFile.{name}" for name in ("open", "taropen", "gzopen", "bz2open", "xzopen")),
}
_ZIP_OPENERS = {"zipfile.ZipFile", "zipfile.PyZipFile"}
_UNPACK = {"shutil.unpack_archive"}
# extraction filters (Python 3.12, backported to 3.8+) that refuse unsafe members
_SAFE_FILTERS = {"data", "tar"}
_UNSAFE_FILTERS = {"tarfile.fully_trusted_filter"}
_ALL_MEMBERS = {"getmembers", "infolist", "namelist"}


class ArchiveExtraction(BindingRule):
    """An archive is extracted without checking its members: path traversal (zip slip).

    A tar or zip member can be named ``../../home/user/.bashrc`` or ``/etc/cron.d/x``,
    and a tar member can be a link to anywhere or a device file. ``TarFile.extractall``
    and ``extract`` without a filter, ``ZipFile.extractall`` and ``extract``, and
    ``shutil.unpack_archive`` write wherever the archive says, so whoever supplies it
    can overwrite files outside the target directory. For tar, pass
    ``filter="data"`` (Python 3.12, and backported security releases); otherwise
    check each member's resolved path against the target directory and pass only the
    checked ones with ``members=``. The rule follows archives opened in the same
    function (``tf = tarfile.open(p)``, ``with zipfile.ZipFile(p) as z``).
    """

    ID = "GATE104"
    MESSAGE = "an archive is extracted without checking its members: path traversal"
    SEVERITY = Severity.HIGH
    CWE = 22
    VALID: ClassVar = [
        'import tarfile\nwith tarfile.open(path) as tf:\n    tf.extractall(dest, filter="data")',
        "import tarfile\ntf = tarfile.open(path)\ntf.extractall(dest, members=safe_members(tf))",
        "from tarfile import open as topen\ntopen(path).extract(member, dest, filter=my_filter)",
        "import zipfile\nwith zipfile.ZipFile(path) as z:\n    names = z.namelist()",
        "import zipfile as zf\narchive = zf.ZipFile(path)\narchive.extractall(dest, checked)",
        'import shutil\nshutil.unpack_archive(path, dest, filter="data")',
        "def unpack(archive, dest):\n    archive.extractall(dest)",
        "import tarfile\ntf = tarfile.open(path)\ntf = Safe(tf)\ntf.extractall(dest)",
        Example(
            code="import tarfile\ntarfile.open(p).extractall(d)\nprint('done')\n",
            base="import tarfile\ntarfile.open(p).extractall(d)\n",
        ),
    ]
    INVALID: ClassVar = [
        "import tarfile\nwith tarfile.open(path) as tf:\n    tf.extractall(dest)",
        "import tarfile\ntarfile.open(path, 'r:gz').extractall()",
        "from tarfile import TarFile as T\ndef f(p):\n    tar = T.open(p)\n    tar.extract(m, d)",
        'import tarfile\ntf = tarfile.open(path)\ntf.extractall(dest, filter="fully_trusted")',
        "import tarfile\ntf = tarfile.open(path)\ntf.extractall(dest, filter=None)",
        "import tarfile\ntf = tarfile.open(path)\ntf.extractall(dest, members=tf.getmembers())",
        "import zipfile\nwith zipfile.ZipFile(path) as z:\n    z.extractall(dest)",
        "from zipfile import ZipFile as Z\nZ(path).extract(name, dest)",
        "import shutil\nshutil.unpack_archive(path, dest)",
        "from shutil import unpack_archive as unpack\nunpack(upload, '/srv/data')",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        if self.qualified_names(node.func) & _UNPACK:
            if not self._filtered(node):
                self.report(node)
            return
        func = node.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in ("extract", "extractall"):
            return
        opener = self.bound_value(func.value) or func.value
        names = self.qualified_names(opener.func) if isinstance(opener, cst.Call) else set()
        if names & _TAR_OPENERS:
            if self._filtered(node) or self._has_members(node):
                return
        elif not names & _ZIP_OPENERS or self._has_members(node):
            return
        self.report(node)

    def _filtered(self, call: cst.Call) -> bool:
        """Whether ``filter=`` names a safe filter (a callable is trusted)."""
        arg = argument(call, None, "filter")
        if arg is None:
            return False
        if arg.star:
            return True
        text = string_value(arg.value)
        if text is not None:
            return text in _SAFE_FILTERS
        return not (
            is_false_literal(arg.value) or self.qualified_names(arg.value) & _UNSAFE_FILTERS
        )

    @staticmethod
    def _has_members(call: cst.Call) -> bool:
        """Whether ``extractall`` is given the members to extract (not simply all of
        them: ``members=tf.getmembers()``)."""
        if not isinstance(call.func, cst.Attribute) or call.func.attr.value != "extractall":
            return False
        arg = argument(call, 1, "members")
        if arg is None:
            return False
        if arg.star:
            return True
        value = arg.value
        return not (
            is_false_literal(value)
            or (
                isinstance(value, cst.Call)
                and isinstance(value.func, cst.Attribute)
                and value.func.attr.value in _ALL_MEMBERS
            )
        )
