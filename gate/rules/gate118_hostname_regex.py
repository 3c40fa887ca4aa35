"""GATE118: a regular expression for a host name whose dots match any character."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.gate117_regex_backtracking import literal_pattern, sequences, shown, sre
from gate.rules.interface import CstRule, Example

# Top-level domains a host name in a pattern ends with, where it names a site.
_TLD = re.compile(r"com|org|net|edu|gov|mil|io|co|uk|de|fr|jp|cn|ru|eu|ca|au|br|nl|ch|se")
_LABEL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_RE = "import re\n"


class HostnameRegex(CstRule):
    """A pattern that checks a host name or URL leaves a dot of the host unescaped.

    In a regular expression ``.`` matches any character, so
    ``re.match("(www|beta).example.com/", url)`` also accepts
    ``wwwXexample.com/`` and ``beta.examplescom/``: a host the attacker registers
    passes an allow-list of redirect targets, origins or callback URLs. Escape the
    dots (``r"(www|beta)\\.example\\.com/"``), or better, parse the URL
    (``urllib.parse.urlsplit``) and compare its ``hostname`` with a set of names.
    """

    ID = "GATE118"
    MESSAGE = "A host name in this regular expression has a `.` that matches any character"
    SEVERITY = Severity.MEDIUM
    CWE = 20
    VALID: ClassVar = [
        _RE + r"re.compile(r'(www|beta)\.example\.com/')",
        _RE + r"re.match(r'^https://[a-z]+\.example\.org(/|$)', url)",
        _RE + r"re.compile(r'\w+.py$')",
        _RE + r"re.compile(r'[.]com$')",
        _RE + r"re.compile(r'example[.]com')",
        _RE + r"re.compile(r'.com')",
        _RE + "re.compile(host)",
        _RE + r"re.compile(r'version.info')",
        _RE + r"re.escape('https://www.example.com/home')",
        _RE + "re.compile('https://  # e.g. example.com\\n example\\\\.com', re.VERBOSE)",
    ]
    INVALID: ClassVar = [
        _RE + r"re.compile('(www|beta).example.com/')",
        _RE + r"re.match(r'^https?://api.example\.io/', url)",
        _RE + r"re.search(r'example\.co.uk$', host)",
        _RE + r"re.fullmatch(r'[a-z]+\.trusted.org', host)",
        "import regex\n" + r"regex.match(r'cdn.example.net(:\d+)?$', host)",
        Example(code=_RE + r"ok = re.match(r'(^|\.)corp.com$', host)"),
        _RE + "re.compile('(?:www.)?  # e.g. example.com\\n example.org', flags=re.X)",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        found = literal_pattern(node, self.qualified_names(node.func))
        if found is not None and any(_loose_dot(i) for i in sequences(list(found[1].data))):
            self.report(node, f"{self.MESSAGE}: `{shown(found[0])}`; escape it as `\\.`")


def _loose_dot(items: list[Any]) -> bool:
    """Whether ``items`` holds a host name (labels of letters, digits and ``-``, or a
    group such as ``(www|beta)``, joined by dots and ending in a known top-level domain
    with no more letters after it) one of whose dots is a bare ``.``."""
    labels: list[str] = []  # the host name read so far, a group standing as "*"
    loose = False  # a bare `.` joined two of its labels
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL and chr(av).lower() in _LABEL and labels:
            labels[-1] += chr(av).lower()
        elif (op is sre.LITERAL and chr(av).lower() in _LABEL) or op is sre.SUBPATTERN:
            labels = [chr(av).lower() if op is sre.LITERAL else "*"]
            loose = False
        elif (op is sre.ANY or (op is sre.LITERAL and av == ord("."))) and labels and labels[-1]:
            loose = loose or op is sre.ANY
            labels.append("")
        else:  # the host name ends here
            if loose and len(labels) > 1 and _TLD.fullmatch(labels[-1]):
                return True
            labels, loose = [], False
    return False
