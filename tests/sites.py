"""Small local sites for reliability tests: pages and faults served on 127.0.0.1."""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

Handler = Callable[[Request], Response]


def free_port() -> int:
    """A port nothing listens on right now (for a server to start on, or to be refused by)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Site:
    """A threaded local server whose routes tests can change, and which notes every hit."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: dict[str, list[float]] = defaultdict(list)
        self._lock = threading.Lock()
        self.server = HTTPServer(host="127.0.0.1", port=0, threaded=True)

    @property
    def origin(self) -> str:
        return f"http://{self.server.host}:{self.server.port}"

    def _dispatch(self, request: Request) -> Response:
        path = request.full_path.rstrip("?")
        with self._lock:
            self.hits[path].append(time.monotonic())
        handler = self.routes.get(path)
        return handler(request) if handler is not None else Response("not here", status=404)

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8") -> None:
        self.routes[path] = lambda request: Response(body, status=200, headers={"Content-Type": content_type})

    def sitemap(self, paths: list[str] | tuple[str, ...], at: str = "/sitemap.xml") -> str:
        """Serve a sitemap listing ``paths`` of this site at ``at``; its URL."""
        urls = "".join(f"<url><loc>{self.origin}{path}</loc></url>" for path in paths)
        self.page(at, f"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>", "application/xml")
        return self.origin + at

    @contextmanager
    def running(self) -> Iterator[Site]:
        self.server.expect_request(re.compile(".*")).respond_with_handler(self._dispatch)
        self.server.start()
        try:
            yield self
        finally:
            self.server.clear()
            self.server.stop()


def status(code: int, headers: dict[str, str] | None = None) -> Handler:
    return lambda request: Response(f"status {code}", status=code, headers=headers or {})


def redirect(location: str, code: int = 301) -> Handler:
    return lambda request: Response("", status=code, headers={"Location": location})


def stall(seconds: float) -> Handler:
    def handler(request: Request) -> Response:
        time.sleep(seconds)
        return Response("too late", status=200)

    return handler


class ResetServer:
    """Accepts a connection, reads the request, answers with a TCP reset (RST) and no bytes."""

    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen()
        self.port: int = self._listener.getsockname()[1]
        self.connections = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # the listener was closed
            self.connections += 1
            connection.recv(65536)
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            connection.close()

    @contextmanager
    def running(self) -> Iterator[ResetServer]:
        self._thread.start()
        try:
            yield self
        finally:
            self._listener.close()
            self._thread.join(timeout=5)


def truncated(body: bytes) -> Handler:
    """Announce the whole body, send half of it, close."""

    def handler(request: Request) -> Response:
        response = Response(body[: len(body) // 2], status=200, headers={"Content-Type": "text/html"})
        response.headers["Content-Length"] = str(len(body))
        response.direct_passthrough = True
        return response

    return handler


def flaky(first: Handler, then: Handler) -> Handler:
    calls: list[int] = []

    def handler(request: Request) -> Response:
        calls.append(1)
        return first(request) if len(calls) == 1 else then(request)

    return handler
