"""GATE113: XML is parsed with a parser open to external entities."""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.bindings import BindingRule
from gate.rules.interface import Example
from gate.rules.nodes import argument, is_false_literal, string_value

_STDLIB = {
    *(
        f"xml.etree.{module}.{name}"
        for module in ("ElementTree", "cElementTree")
        for name in ("parse", "fromstring", "XML", "iterparse")
    ),
    *(
        f"xml.dom.{module}.{name}"
        for module in ("minidom", "pulldom")
        for name in ("parse", "parseString")
    ),
    *(f"xml.sax.{name}" for name in ("parse", "parseString", "make_parser")),
}
# lxml functions that are safe given a parser (configured elsewhere), at this position.
_LXML = {
    f"lxml.{module}.{name}": 1
    for module in ("etree", "objectify")
    for name in ("parse", "fromstring", "XML")
}
_LXML_PARSER = {"lxml.etree.XMLParser", "lxml.objectify.XMLParser", "lxml.objectify.makeparser"}
# Text whose markup was escaped holds no declarations or entity references.
_ESCAPES = {"markupsafe.escape", "html.escape", "xml.sax.saxutils.escape"}


class XmlExternalEntities(BindingRule):
    """XML from outside is parsed with a parser that expands entities.

    A document can declare entities that read local files (``<!ENTITY x SYSTEM
    "file:///etc/passwd">``), fetch URLs from inside the network (SSRF) or expand to
    gigabytes ("billion laughs"). The standard library's ``xml.etree``,
    ``xml.dom.minidom`` and ``xml.sax`` parsers, and ``lxml`` without a parser that
    turns entity resolution off, are not safe for untrusted input (a document or
    file name written in the code as a literal is not reported). Use
    ``defusedxml`` (``defusedxml.ElementTree.fromstring`` and friends, drop-in
    replacements), or for lxml pass ``lxml.etree.XMLParser(resolve_entities=False,
    no_network=True)``.
    """

    ID = "GATE113"
    MESSAGE = "XML is parsed with a parser open to external entities (XXE)"
    SEVERITY = Severity.MEDIUM
    CWE = 611
    VALID: ClassVar = [
        "import defusedxml.ElementTree as ET\nroot = ET.fromstring(body)",
        "from defusedxml.minidom import parseString\ndoc = parseString(body)",
        (
            "from lxml import etree\nparser = etree.XMLParser(resolve_entities=False)\n"
            "root = etree.fromstring(body, parser)"
        ),
        "import xml.etree.ElementTree as ET\nroot = ET.Element('config')\ntext = ET.tostring(root)",
        "import json\ndoc = json.loads(body)",
        "def parse(text):\n    return text\nparse(body)",
        "from lxml import etree\ncatalog = etree.parse('data/catalog.xml')",
        (
            "import markupsafe\nfrom lxml import etree\n"
            "text = markupsafe.escape(body)\nroot = etree.fromstring(text)"
        ),
        Example(
            code="import xml.etree.ElementTree as ET\nET.parse(f)\nx = 1\n",
            base="import xml.etree.ElementTree as ET\nET.parse(f)\n",
        ),
    ]
    INVALID: ClassVar = [
        "import xml.etree.ElementTree as ET\nroot = ET.fromstring(request.data)",
        "from xml.etree.ElementTree import parse as parse_xml\ntree = parse_xml(upload)",
        "from xml.dom import minidom\ndoc = minidom.parseString(body)",
        "import xml.sax\nparser = xml.sax.make_parser()",
        "from lxml import etree\nroot = etree.fromstring(body)",
        "from lxml import etree\nparser = etree.XMLParser(resolve_entities=True)",
        "from lxml import etree as et\ntree = et.parse(path, et.XMLParser(huge_tree=True))",
        "from lxml import objectify\nP = objectify.makeparser(resolve_entities=True)",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        if names & _LXML_PARSER:
            resolve = argument(node, None, "resolve_entities")
            if resolve is None or not (resolve.star or is_false_literal(resolve.value)):
                self.report(node, f"{self.MESSAGE}: resolve_entities is not False")
            return
        source = argument(node, 0, None)
        if source is not None and string_value(source.value) is not None:
            return  # a file or document fixed in the code, not input
        data = None if source is None else self.bound_value(source.value) or source.value
        if isinstance(data, cst.Call) and self.qualified_names(data.func) & _ESCAPES:
            return
        if names & _STDLIB:
            self.report_from(node, source)
        else:
            position = next((_LXML[n] for n in names if n in _LXML), None)
            if position is not None and argument(node, position, "parser") is None:
                self.report(node, f"{self.MESSAGE}: no parser is given")
