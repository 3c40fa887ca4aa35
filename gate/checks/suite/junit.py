"""pytest's JUnit (xunit1) report read into test cases, and hypothesis's falsifying
example read from a failure. Standard library only: the properties writer uses it under
the test environment's Python."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any


def read_junit(path: Path) -> list[dict[str, Any]]:
    """Every test case of a JUnit (xunit1) report: id, file, line, outcome, message."""
    cases = []
    for case in ET.parse(path).getroot().iter("testcase"):  # noqa: S314 - written by pytest here
        file = case.get("file") or ""
        name = case.get("name") or ""
        classname = case.get("classname") or ""
        module = file.removesuffix(".py").replace("/", ".")
        collection = bool(file) and not classname  # a module pytest could not collect
        if collection:
            test_id = file
        elif file and classname.startswith(module):
            inner = classname[len(module) :].lstrip(".")
            test_id = "::".join(p for p in (file, inner.replace(".", "::"), name) if p)
        else:
            test_id = f"{classname}::{name}"
        outcome, message = "passed", ""
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed" if child.tag == "failure" else "error"
                message = _message(child)
                break
            if child.tag == "skipped":
                xfail = child.get("type") == "pytest.xfail"
                outcome = "xfailed" if xfail else "skipped"
                message = child.get("message") or ""
        line = case.get("line")
        cases.append({
            "id": test_id, "file": file, "line": int(line) + 1 if line else None,
            "outcome": outcome, "message": message, "collection": collection,
        })  # fmt: skip
    return cases


def _message(element: ET.Element) -> str:
    """The failure's first line, with hypothesis's shrunk failing example when it has one."""
    message = element.get("message") or ""
    first = message.strip().splitlines()[:1]
    if first in ([], ["collection failure"]):  # the cause is in the report's text
        causes = [x[1:].strip() for x in (element.text or "").splitlines() if x.startswith("E ")]
        first = [f"{first[0]}: {causes[-1]}" if first else causes[-1]] if causes else first
    example = falsifying_example(message) or falsifying_example(element.text or "")
    return "; ".join([*first, *([example] if example else [])])


_EXAMPLE = re.compile(r"^(?:E\s+)?((?:Falsifying example|Failing test case): .*)$")


def falsifying_example(text: str) -> str | None:
    """Hypothesis's ``Falsifying example: f(a=0, b=1)``, joined onto one line."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        match = _EXAMPLE.match(line.strip())
        if match is None:
            continue
        parts = [match[1]]
        depth = match[1].count("(") - match[1].count(")")
        for more in lines[i + 1 :]:
            if depth <= 0:
                break
            more = re.sub(r"^E\s+|\s+#.*$", "", more.strip())
            parts.append(more)
            depth += more.count("(") - more.count(")")
        joined = " ".join(parts)
        joined = re.sub(r"([({\[])\s+", r"\1", joined)
        return re.sub(r",?\s*([)}\]])", r"\1", joined)
    return None
