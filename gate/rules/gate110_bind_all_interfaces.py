"""GATE110: a server binds to every network interface."""

from __future__ import annotations

import re
from typing import ClassVar

import libcst as cst

from gate.findings import Severity
from gate.rules.interface import CstRule, Example
from gate.rules.nodes import argument, assigned, string_value

_ALL_INTERFACES = {"0.0.0.0", "::"}
_HOST_NAME = re.compile(r"(?:^|_)(?:host|hostname|bind|listen|address|addr)(?:_|$)", re.IGNORECASE)
# Functions that take the host as a bare positional argument, at this index.
_HOST_POSITION = {
    "wsgiref.simple_server.make_server": 0,
    "werkzeug.serving.run_simple": 0,
    "werkzeug.run_simple": 0,
    "asyncio.start_server": 1,
    "asyncio.start_unix_server": 1,
}


def _all_interfaces(node: cst.BaseExpression | None) -> bool:
    return node is not None and string_value(node) in _ALL_INTERFACES


def _is_host_name(name: str) -> bool:
    """``host``, ``HOST``, ``BIND_ADDR``, ``listen_address`` (camelCase too)."""
    return bool(_HOST_NAME.search(re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name)))


class BindAllInterfaces(CstRule):
    """A server listens on every network interface (``0.0.0.0`` or ``::``).

    Binding to all interfaces exposes the service to every network the machine is
    on, not only to the local one it was meant for: a development server, an admin
    endpoint or a debugger becomes reachable from the office Wi-Fi or the internet.
    The rule reports ``"0.0.0.0"`` and ``"::"`` passed as the host (``app.run``,
    ``uvicorn.run``, ``sock.bind((host, port))``, ``HTTPServer((host, port), ...)``,
    ``make_server``) or assigned to a host-like name (``HOST``, ``BIND_ADDR``), and
    ``""`` as the host of an address tuple. Bind to ``127.0.0.1`` by default and read
    the listening address from configuration (an environment variable) where a
    deployment needs more.
    """

    ID = "GATE110"
    MESSAGE = "a server binds to all network interfaces"
    SEVERITY = Severity.MEDIUM
    CWE = 605
    VALID: ClassVar = [
        "app.run(host='127.0.0.1', port=5000)",
        "import socket\ns = socket.socket()\ns.bind(('localhost', 8080))",
        "import os\nHOST = os.environ.get('HOST', '0.0.0.0')",
        "print('listening on 0.0.0.0:8000')",
        "if host == '0.0.0.0':\n    warn('exposed')",
        "parts = node_id.split('::')",
        Example(
            code="import uvicorn\nuvicorn.run(app, host='0.0.0.0')\nx = 1\n",
            base="import uvicorn\nuvicorn.run(app, host='0.0.0.0')\n",
        ),
    ]
    INVALID: ClassVar = [
        "app.run(host='0.0.0.0', port=5000)",
        "import uvicorn as uv\nuv.run('main:app', host='0.0.0.0', port=80)",
        "import socket\ns = socket.socket(socket.AF_INET6)\ns.bind(('::', 8080))",
        "import socket\nudp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nudp.bind(('', 53))",
        (
            "from http.server import HTTPServer, SimpleHTTPRequestHandler\n"
            "HTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler).serve_forever()"
        ),
        "from wsgiref.simple_server import make_server\nmake_server('0.0.0.0', 8000, app)",
        "BIND_ADDRESS = '0.0.0.0'",
        "class Settings:\n    host: str = '::'",
        "config = {'listen': '0.0.0.0', 'port': 80}",
        "app.run('0.0.0.0', 8080)",
    ]

    def visit_Call(self, node: cst.Call) -> None:
        if any(
            arg.keyword is not None
            and _is_host_name(arg.keyword.value)
            and _all_interfaces(arg.value)
            for arg in node.args
        ):
            self.report(node)
            return
        names = self.qualified_names(node.func)
        position = next((_HOST_POSITION[n] for n in names if n in _HOST_POSITION), None)
        if position is None and isinstance(node.func, cst.Attribute):
            position = 0 if node.func.attr.value == "run" else None
        if position is not None:
            host = argument(node, position, None)
            if host is not None and not host.star and _all_interfaces(host.value):
                self.report(node)
                return
        # An address tuple: there, "" means every interface too.
        first = argument(node, 0, None)
        if (
            first is not None
            and isinstance(first.value, cst.Tuple)
            and len(first.value.elements) >= 2
            and string_value(first.value.elements[0].value) in {"", *_ALL_INTERFACES}
        ):
            self.report(node)

    def visit_Assign(self, node: cst.Assign) -> None:
        self._check_assignment(node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._check_assignment(node)

    def _check_assignment(self, node: cst.Assign | cst.AnnAssign) -> None:
        if _all_interfaces(node.value) and any(_is_host_name(n) for n in assigned(node)):
            self.report(node)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        key = string_value(node.key)
        if key is not None and _is_host_name(key) and _all_interfaces(node.value):
            self.report(node)
