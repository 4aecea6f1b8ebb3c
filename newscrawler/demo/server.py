"""A tiny, deterministic HTTP server for the offline "Harbour Wire" demo site.

Standard library only.  It serves ``newscrawler/demo/site/`` (or another root) with a few
behaviours a crawler meets on real news sites:

* ``{{BASE}}`` in ``.html .xml .rss .atom .txt`` files is replaced by the server's base URL
  (``http://127.0.0.1:PORT``) at serve time, so sitemaps, feeds and robots.txt can carry
  absolute URLs;
* ``X.gz`` is answered with the gzip of (substituted) ``X`` when only ``X`` is stored;
* ``_routes.json`` in the root declares special responses (``{"/p": {"status": 403}}`` serves
  the file with that status, ``{"/p": {"status": 302, "location": "/"}}`` redirects); a route
  keyed with its query (``"/list/?page=2"``) is matched first, and ``"file"`` names the stored
  file it serves (a paginated listing's pages);
* paths whose segments start with ``_`` or ``.`` are never served (404);
* query strings are otherwise ignored for the file lookup;
* an optional access log gets one ``METHOD PATH STATUS`` line per request.

Use :func:`start_server` from Python, or ``python -m newscrawler.demo.server`` which prints
one line, the base URL, once it listens and serves until SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import signal
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import unquote, urljoin, urlsplit

__all__ = ["DEFAULT_ROOT", "DemoServer", "main", "start_server"]

DEFAULT_ROOT = Path(__file__).resolve().parent / "site"
ROUTES_FILE = "_routes.json"
PLACEHOLDER = b"{{BASE}}"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/x-gzip",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".ico": "image/x-icon",
}
SUBSTITUTED_SUFFIXES = frozenset({".html", ".htm", ".xml", ".rss", ".atom", ".txt"})


def _status_page(status: int, detail: str = "") -> bytes:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    body = (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{status} {phrase}</title></head>\n'
        f"<body><h1>{status} {phrase}</h1><p>{html.escape(detail or phrase)}</p></body></html>\n"
    )
    return body.encode("utf-8")


class _AccessLog:
    """Thread-safe, line-flushed ``METHOD PATH STATUS`` log; with ``times``, each line starts
    with the unix time the answer was sent (``1745830000.123 GET / 200``)."""

    def __init__(self, path: Path, times: bool = False) -> None:
        self.times = times
        self._lock = threading.Lock()
        self._fh = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115

    def write(self, method: str, path: str, status: int) -> None:
        with self._lock:
            if not self._fh.closed:
                stamp = f"{time.time():.3f} " if self.times else ""
                self._fh.write(f"{stamp}{method} {path} {status}\n")
                self._fh.flush()

    def close(self) -> None:
        with self._lock:
            self._fh.close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    # Filled in by DemoServer before serving.
    root: Path
    base_url: str
    routes: dict[str, dict[str, Any]]
    access_log: _AccessLog | None


class DemoRequestHandler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "HarbourWireDemo/1.0"
    sys_version = ""

    # -- logging ---------------------------------------------------------------------------
    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: no line per request on stderr."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log = self.server.access_log
        if log is None:
            return
        try:
            status = int(code)
        except (TypeError, ValueError):
            status = 0
        log.write(self.command or "-", self.path or "-", status)

    # -- methods ---------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._handle(send_body=True)

    def do_HEAD(self) -> None:
        self._handle(send_body=False)

    # -- internals -------------------------------------------------------------------------
    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        send_body: bool,
        extra_headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _not_found(self, send_body: bool) -> None:
        body = _status_page(404, "The requested page was not found on this server.")
        self._send(404, body, "text/html; charset=utf-8", send_body)

    def _resolve(self, url_path: str) -> Path | None:
        """Map a URL path to a file under root, or None when it must not be served."""
        root = self.server.root
        segments = [s for s in url_path.split("/") if s]
        for seg in segments:
            if seg in (".", "..") or seg.startswith(("_", ".")) or "\\" in seg or "\x00" in seg:
                return None
        candidate = root.joinpath(*segments) if segments else root
        try:
            candidate.resolve().relative_to(root.resolve())
        except (ValueError, OSError):
            return None
        return candidate

    def _load(self, file_path: Path, suffix: str) -> bytes:
        data = file_path.read_bytes()
        if suffix in SUBSTITUTED_SUFFIXES:
            data = data.replace(PLACEHOLDER, self.server.base_url.encode("ascii"))
        return data

    def _handle(self, send_body: bool) -> None:
        raw_path = urlsplit(self.path).path or "/"
        url_path = unquote(raw_path)
        if not url_path.startswith("/"):
            url_path = "/" + url_path

        query = urlsplit(self.path).query
        route = self.server.routes.get(f"{url_path}?{query}") if query else None
        if route is not None and "file" in route:
            url_path = "/" + str(route["file"]).lstrip("/")
        else:
            route = self.server.routes.get(url_path)
        if route is not None:
            status = int(route.get("status", 200))
            location = route.get("location")
            if location is not None:
                target = urljoin(self.server.base_url + "/", str(location))
                body = _status_page(status, f"This page has moved to {target}")
                self._send(
                    status, body, "text/html; charset=utf-8", send_body, {"Location": target}
                )
                return
        else:
            status = 200

        target = self._resolve(url_path) if route is None or "file" not in route \
            else self.server.root / url_path.lstrip("/")
        if target is None:
            self._not_found(send_body)
            return

        if target.is_dir():
            if not url_path.endswith("/"):
                query = urlsplit(self.path).query
                location = self.server.base_url + url_path + "/" + (f"?{query}" if query else "")
                body = _status_page(301, f"This page has moved to {location}")
                self._send(301, body, "text/html; charset=utf-8", send_body, {"Location": location})
                return
            target = target / "index.html"

        suffix = target.suffix.lower()
        body: bytes | None = None
        if target.is_file():
            body = self._load(target, suffix)
        elif suffix == ".gz":
            plain = target.with_suffix("")
            if plain.is_file():
                # mtime=0 keeps the gzip bytes deterministic
                body = gzip.compress(self._load(plain, plain.suffix.lower()), mtime=0)

        if body is None:
            if route is not None and status != 200:
                # A declared status without a stored page: answer with a generic page.
                self._send(status, _status_page(status), "text/html; charset=utf-8", send_body)
                return
            self._not_found(send_body)
            return

        content_type = CONTENT_TYPES.get(suffix, "application/octet-stream")
        self._send(status, body, content_type, send_body)


def _load_routes(root: Path) -> dict[str, dict[str, Any]]:
    routes_path = root / ROUTES_FILE
    if not routes_path.is_file():
        return {}
    raw = json.loads(routes_path.read_text(encoding="utf-8"))
    routes: dict[str, dict[str, Any]] = {}
    for path, spec in raw.items():
        if not isinstance(spec, dict) or not str(path).startswith("/"):
            raise ValueError(f"{routes_path}: bad route {path!r}: {spec!r}")
        routes[str(path)] = spec
    return routes


class DemoServer:
    """A running demo server: ``.base_url``, ``.stop()``; usable as a context manager."""

    def __init__(
        self,
        root: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        access_log: Path | None = None,
        access_log_times: bool = False,
    ) -> None:
        self.root = Path(root if root is not None else DEFAULT_ROOT).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"demo site root not found: {self.root}")
        self._httpd = _Server((host, port), DemoRequestHandler)
        bound_host, bound_port = self._httpd.server_address[:2]
        display_host = f"[{bound_host}]" if ":" in str(bound_host) else str(bound_host)
        self.host = str(bound_host)
        self.port = int(bound_port)
        self.base_url = f"http://{display_host}:{self.port}"
        self._httpd.root = self.root
        self._httpd.base_url = self.base_url
        self._httpd.routes = _load_routes(self.root)
        self._httpd.access_log = (_AccessLog(Path(access_log), access_log_times)
                                  if access_log else None)
        self._thread: threading.Thread | None = None
        self._stopped = False

    def start(self) -> DemoServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.1},
                name=f"demo-server-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
        self._httpd.server_close()
        if self._httpd.access_log is not None:
            self._httpd.access_log.close()

    def url(self, path: str = "/") -> str:
        """Absolute URL for a root-relative path."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"<DemoServer {self.base_url} root={self.root}>"


def start_server(
    root: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    access_log: Path | None = None,
    access_log_times: bool = False,
) -> DemoServer:
    """Start the demo server in a daemon thread and return it (already listening)."""
    return DemoServer(root=root, host=host, port=port, access_log=access_log,
                      access_log_times=access_log_times).start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newscrawler.demo.server",
        description="Serve the offline Harbour Wire demo site.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default 0: any free port)")
    parser.add_argument("--root", type=Path, default=None, help="site directory to serve")
    parser.add_argument("--access-log", type=Path, default=None, help="append METHOD PATH STATUS")
    args = parser.parse_args(argv)

    stop = threading.Event()

    def _on_signal(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)

    server = start_server(
        root=args.root, host=args.host, port=args.port, access_log=args.access_log
    )
    try:
        print(server.base_url, flush=True)
        while not stop.wait(0.2):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
