"""GATE408: an identifier that mixes scripts or reads as another (Unicode TR39)."""

from __future__ import annotations

import unicodedata
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example

# Letters of other scripts that render like Latin ones (from Unicode's confusables
# data, TR39, the Cyrillic and Greek letters that are confusable with ASCII letters).
LOOKALIKES = dict(
    zip(
        "аАвВеЕһҺіІјЈкКмМнНоОрРсСтТуУхХѕЅԁԛԝӏɑαΑβΒεΕηΗιΙκΚμΜνΝοΟρΡτΤυΥχΧζΖ",
        "aABBeEhHiIjJkKmMhHoOpPcCtTyYxXsSdqwlaaABBeEnHiIkKuMvNoOpPtTuYxXzZ",
        strict=True,
    )
)

# Scripts that TR39's "highly restrictive" profile lets an identifier mix with Latin.
WITH_LATIN = frozenset({"HAN", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO"})


def script(char: str) -> str | None:
    """The script of a letter, from its Unicode name (None for digits and ``_``)."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    return "HAN" if first == "CJK" else first or None


def mixed(identifier: str) -> str | None:
    """Why ``identifier`` mixes scripts a reader cannot tell apart, or None."""
    scripts = {s for s in map(script, identifier) if s}
    if "LATIN" in scripts and scripts - {"LATIN"} - WITH_LATIN:
        others = ", ".join(sorted(scripts - {"LATIN"})).lower()
        return f"`{identifier}` mixes Latin letters with {others} ones"
    return None


def skeleton(identifier: str) -> str:
    """What ``identifier`` reads as: each look-alike letter as the ASCII one."""
    return "".join(LOOKALIKES.get(c, c) for c in identifier)


class ConfusableIdentifier(CstRule):
    """An identifier mixes scripts or reads as an ASCII name it is not.

    Python accepts any Unicode letter in a name, so ``is_аdmin`` with a Cyrillic ``а``
    is a different variable from ``is_admin``, yet reads the same in a review: a change
    can bind the look-alike to a function that grants everything, and a call reads as
    unchanged. Following Unicode's security mechanisms for identifiers (TR39), the rule
    reports a name that mixes Latin letters with another script (Latin with Han, kana
    and Hangul is allowed), and a name whose letters all look like ASCII ones where the
    name it reads as is used in the same module. Spell the name in one script.
    """

    ID = "GATE408"
    MESSAGE = "an identifier mixes scripts or reads as another name"
    SEVERITY = Severity.HIGH
    CWE = 1007
    VALID: ClassVar = [
        "is_admin = check(user)",
        "größe = 3\nnaïve = True",
        "変数 = 1\nget_名前 = lookup",
        "λ = 0.5\nα = 0.05\nalpha = α",
        "значение = 1",
        Example(code="аdmin = 1\nx = аdmin\n", base="аdmin = 1\n"),
    ]
    INVALID: ClassVar = [
        "def is_аdmin(user):\n    return True",
        "class Usеr:\n    pass",
        "from auth import check as chеck",
        "ape = 0\nаре = 1",
        "def f(раss):\n    return раss",
        "obj.is_аdmin = True",
    ]

    def visit_Module(self, node: cst.Module) -> None:
        self.ascii_names: set[str] = set()
        self.seen: set[str] = set()
        self.lookalikes: list[tuple[cst.Name, str]] = []

    def visit_Name(self, node: cst.Name) -> None:
        name = node.value
        if name.isascii():
            self.ascii_names.add(name)
            return
        if name in self.seen:  # once per name and module, where it first appears
            return
        self.seen.add(name)
        if why := mixed(name):
            self.report(node, f"{self.MESSAGE}: {why}", key=name)
        elif (reads := skeleton(name)).isascii():
            self.lookalikes.append((node, reads))

    def leave_Module(self, original_node: cst.Module) -> None:
        # A name of one other script whose letters all look like ASCII ones deceives
        # where the name it reads as is in the module too (``аре`` beside ``ape``).
        for node, reads in self.lookalikes:
            if reads in self.ascii_names:
                message = f"{self.MESSAGE}: `{node.value}` reads as `{reads}` but is another name"
                self.report(node, message, key=node.value)
