"""Shared fixtures: the bundled example page and a local HTTP server (tests never go online)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

EXAMPLE_PAGE = Path(__file__).resolve().parent.parent / "examples" / "news-article.html"

# A route answers with (status, headers, body), or writes the response itself.
Handler = Callable[[BaseHTTPRequestHandler, threading.Event], None]
Route = tuple[int, dict[str, str], bytes] | Handler


@dataclass
class LocalServer:
    """A server on 127.0.0.1 and a random port; `routes` maps request paths to answers."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        local = self.server.local
        local.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = local.routes.get(self.path)
        if route is None:
            route = (404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>")
        if callable(route):
            # OSError: the client gave up (a timeout test), nothing more to answer.
            with contextlib.suppress(OSError):
                route(self, local.stop)
            return
        status, headers, body = route
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    local: LocalServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up mid-response is expected in the timeout tests


@pytest.fixture
def example_page() -> Path:
    return EXAMPLE_PAGE


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    server = _Server(("127.0.0.1", 0), _RequestHandler)
    host, port = server.server_address[:2]
    server.local = LocalServer(f"http://{host}:{port}")
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server.local
    finally:
        server.local.stop.set()  # releases handlers that are stalling on purpose
        server.shutdown()
        server.server_close()
