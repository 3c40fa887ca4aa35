"""GATE111: a web server or framework runs in debug mode."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example
from gate.rules.nodes import argument, is_true_literal, keyword_value, string_value

_RUN_SIMPLE = {"werkzeug.serving.run_simple", "werkzeug.run_simple"}
_NOT_SERVERS = {"asyncio.run", "asyncio.runners.run"}  # asyncio's debug mode is harmless
_APPS = {"fastapi.FastAPI", "starlette.applications.Starlette"}
_DEBUGGER = {"werkzeug.debug.DebuggedApplication", "werkzeug.DebuggedApplication"}
_DEV_SETTINGS = {"dev", "development", "local", "test", "tests", "testing"}


def _is_settings_module(path: str) -> bool:
    """``settings.py``, or a module of a ``settings`` package other than the
    development ones (``settings/dev.py``, ``settings/local.py`` ...)."""
    p = PurePosixPath(path)
    if p.name == "settings.py":
        return True
    return "settings" in p.parts[:-1] and p.stem not in _DEV_SETTINGS


class DebugMode(CstRule):
    """A web server or framework is run in debug mode.

    Flask's and Werkzeug's debugger serves an interactive Python console in the
    browser on any error: whoever reaches the server runs code on it. Django's and
    Starlette's debug pages show source, settings and environment variables, secrets
    included. The rule reports ``.run(debug=True)`` (``app.run``, ``socketio.run``
    ...), ``run_simple(..., use_debugger=True)``, ``DebuggedApplication``,
    ``FastAPI(debug=True)``, ``app.config["DEBUG"] = True`` and a module-level ``DEBUG
    = True`` in a ``settings.py`` or a production ``settings/`` module (not
    ``settings/dev.py``, ``local.py`` or ``test.py``). Read debug mode from the
    environment, off by default (``debug=os.environ.get("FLASK_DEBUG") == "1"``), and
    use ``flask run --debug`` locally.
    """

    ID = "GATE111"
    MESSAGE = "a server runs in debug mode"
    SEVERITY = Severity.MEDIUM
    CWE = 489
    VALID: ClassVar = [
        "app.run(debug=False)",
        "import os\napp.run(debug=os.environ.get('FLASK_DEBUG') == '1')",
        "import asyncio\nasyncio.run(main(), debug=True)",
        Example(code="DEBUG = True\n", path="mysite/settings/dev.py"),
        Example(code="DEBUG = True\n", path="tools/config.py"),
        Example(code="def configure():\n    DEBUG = True\n", path="mysite/settings.py"),
        Example(
            code="app.run(debug=True)\nprint('bye')\n",
            base="app.run(debug=True)\n",
        ),
    ]
    INVALID: ClassVar = [
        "from flask import Flask\napp = Flask(__name__)\napp.run(debug=True)",
        "socketio.run(app, host='127.0.0.1', debug=True)",
        "from werkzeug.serving import run_simple as rs\nrs('localhost', 80, a, use_debugger=True)",
        "from fastapi import FastAPI\napp = FastAPI(debug=True)",
        "from werkzeug.debug import DebuggedApplication\napplication = DebuggedApplication(app)",
        "app.config['DEBUG'] = True",
        Example(code="DEBUG = True\nALLOWED_HOSTS = ['*']\n", path="mysite/settings.py"),
        Example(code="DEBUG: bool = True\n", path="mysite/settings/production.py"),
    ]

    def visit_Call(self, node: cst.Call) -> None:
        names = self.qualified_names(node.func)
        if names & _DEBUGGER:
            self.report(node)
        elif names & _RUN_SIMPLE:
            flag = argument(node, 4, "use_debugger")
            if flag is not None and not flag.star and is_true_literal(flag.value):
                self.report(node)
        elif (
            isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "run"
            and not names & _NOT_SERVERS
        ) or names & _APPS:
            debug = keyword_value(node, "debug")
            if debug is not None and is_true_literal(debug):
                self.report(node)

    def visit_Assign(self, node: cst.Assign) -> None:
        if not is_true_literal(node.value):
            return
        for target in node.targets:
            t = target.target
            if (
                isinstance(t, cst.Subscript)
                and isinstance(t.value, cst.Attribute)
                and t.value.attr.value == "config"
                and len(t.slice) == 1
                and isinstance(t.slice[0].slice, cst.Index)
                and string_value(t.slice[0].slice.value) == "DEBUG"
            ):
                self.report(node)

    def visit_Module(self, node: cst.Module) -> None:
        if not _is_settings_module(self.path):
            return
        for statement in node.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.Assign):
                    targets = [t.target for t in small.targets]
                elif isinstance(small, cst.AnnAssign) and small.value is not None:
                    targets = [small.target]
                else:
                    continue
                if (
                    small.value is not None
                    and is_true_literal(small.value)
                    and any(isinstance(t, cst.Name) and t.value == "DEBUG" for t in targets)
                ):
                    self.report(small)
