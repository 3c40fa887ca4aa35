"""A local HTTP server that answers the few GitHub API calls the comment makes, as
GitHub documents them (the tests cannot reach GitHub): issue comments by pull request,
GraphQL's viewer, a pull request's head."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class FakeGitHub:
    """What the server holds, and what it was asked."""

    viewer: str | None = "github-actions[bot]"
    comments: list[dict[str, Any]] = field(default_factory=list)
    heads: dict[int, str] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)
    url: str = ""

    def environ(self, **more: str) -> dict[str, str]:
        return {
            "GITHUB_ACTIONS": "true",
            "GITHUB_REPOSITORY": "octo/app",
            "GITHUB_TOKEN": "t0ken",
            "GITHUB_API_URL": self.url,
            "GITHUB_GRAPHQL_URL": f"{self.url}/graphql",
            **more,
        }


@contextmanager
def serving(state: FakeGitHub) -> Iterator[FakeGitHub]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _answer(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> Any:
            return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

        def _route(self, method: str) -> None:
            state.calls.append(f"{method} {self.path}")
            if self.headers.get("Authorization") != "Bearer t0ken":
                return self._answer(401, {"message": "Bad credentials"})
            if method == "POST" and self.path == "/graphql":
                self._body()
                if state.viewer is None:
                    return self._answer(403, {"message": "Resource not accessible"})
                return self._answer(200, {"data": {"viewer": {"login": state.viewer}}})
            listing = re.fullmatch(
                r"/repos/octo/app/issues/(\d+)/comments\?per_page=100&page=(\d+)", self.path
            )
            if method == "GET" and listing:
                page = int(listing[2])
                return self._answer(200, state.comments[(page - 1) * 100 : page * 100])
            if method == "POST" and re.fullmatch(r"/repos/octo/app/issues/\d+/comments", self.path):
                made = {
                    "id": 1000 + len(state.comments),
                    "body": self._body()["body"],
                    "user": {"login": state.viewer or "github-actions[bot]"},
                }
                state.comments.append(made)
                return self._answer(201, made)
            edit = re.fullmatch(r"/repos/octo/app/issues/comments/(\d+)", self.path)
            if method == "PATCH" and edit:
                for existing in state.comments:
                    if existing["id"] == int(edit[1]):
                        existing["body"] = self._body()["body"]
                        return self._answer(200, existing)
            pull = re.fullmatch(r"/repos/octo/app/pulls/(\d+)", self.path)
            if method == "GET" and pull and int(pull[1]) in state.heads:
                number = int(pull[1])
                return self._answer(
                    200,
                    {
                        "number": number,
                        "user": {"login": "ann"},
                        "title": "",
                        "labels": [],
                        "base": {"sha": "0" * 40},
                        "head": {"sha": state.heads[number]},
                    },
                )
            return self._answer(404, {"message": "Not Found"})

        def do_GET(self) -> None:
            self._route("GET")

        def do_POST(self) -> None:
            self._route("POST")

        def do_PATCH(self) -> None:
            self._route("PATCH")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
