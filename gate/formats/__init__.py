"""Renderers: pure ``render(verdict) -> str`` functions, one module per format, listed
in one registry."""

from __future__ import annotations

from collections.abc import Mapping

from gate.formats import html, json, markdown, sarif, text
from gate.formats.interface import Renderer

RENDERERS: Mapping[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "markdown": markdown.render,
    "html": html.render,
}
"""Every format by the name ``--format`` takes."""

REPORT_FILES: Mapping[str, str] = {
    "report.sarif": "sarif",
    "report.md": "markdown",
    "report.html": "html",
}
"""The reports ``--out DIR`` writes beside the verdict, and their formats."""
