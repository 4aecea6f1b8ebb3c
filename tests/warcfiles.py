"""WARC files for the web-archive tests, written from the demo site's and test sites' pages."""

from __future__ import annotations

import contextlib
import gzip
import json
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self

from newscrawler.warc.writer import gzipped, http_block, warc_record

DEMO = Path(__file__).parent.parent / "newscrawler" / "demo" / "site"
SITES = Path(__file__).parent / "sites"
DEMO_HOST = "https://harbourwire.test"
DATE = "2025-04-29T08:00:00Z"


@dataclass
class Entry:
    """One record to write; ``truncate`` cuts its gzip member in half."""

    data: bytes
    truncate: bool = False


def demo_pages(*kinds: str) -> list[dict]:
    """The demo manifest's pages of those kinds (all with none)."""
    pages = json.loads((DEMO.parent / "manifest.json").read_text(encoding="utf-8"))["pages"]
    return [p for p in pages if not kinds or p["kind"] in kinds]


def demo_body(path: str) -> bytes:
    file = DEMO / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    return file.read_text(encoding="utf-8").replace("{{BASE}}", DEMO_HOST).encode("utf-8")


def response(url: str, body: bytes, *, status: int = 200, date: str = DATE,
             content_type: str = "text/html; charset=utf-8", **extra: str) -> Entry:
    block, at = http_block(f"HTTP/1.1 {status} X", [("Content-Type", content_type),
                                                     ("Content-Length", str(len(body)))], body)
    return Entry(warc_record("response", block, url=url, date=date, payload_at=at,
                             content_type="application/http; msgtype=response", extra=extra))


def request(url: str) -> Entry:
    block, _ = http_block(f"GET {url} HTTP/1.1", [("User-Agent", "test")], b"")
    return Entry(warc_record("request", block, url=url, date=DATE,
                             content_type="application/http; msgtype=request"))


def revisit(url: str) -> Entry:
    block, _ = http_block("HTTP/1.1 200 OK", [("Content-Type", "text/html")], b"")
    return Entry(warc_record("revisit", block, url=url, date=DATE, extra={
        "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}))


def metadata(url: str) -> Entry:
    return Entry(warc_record("metadata", b"fetchTimeMs: 12\r\n", url=url, date=DATE,
                             content_type="application/warc-fields"))


def write_warc(path: Path, entries: list[Entry], *, compress: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        for entry in entries:
            data = gzipped(entry.data) if compress else entry.data
            out.write(data[:len(data) // 2] if entry.truncate else data)
    return path


PR_URL = ("https://www.prnewswire.com/news-releases/"
          "larkspur-analytics-opens-tidewater-data-campus-302411876.html")
KINDS = ("story", "soft404", "banner_story", "syndicated_copy", "gone", "listing")


def archive_entries(date: str = DATE) -> list[Entry]:
    """The demo site's stories, a soft-404, a bot wall, a syndicated duplicate, listings,
    with a request and a metadata record each; a wire story; non-HTML; a revisit; a
    truncated gzip member; a record the crawler itself marked truncated."""
    entries = [Entry(warc_record("warcinfo", b"software: tests\r\n", date=date))]
    for page in demo_pages(*KINDS):
        url = DEMO_HOST + page["path"]
        entries += [request(url), response(url, demo_body(page["path"]), status=page["status"],
                                           date=date), metadata(url)]
    pr_body = (SITES / "prnewswire/news-releases" / PR_URL.rsplit("/", 1)[1]).read_bytes()
    entries.append(response(PR_URL, pr_body, date=date))
    entries.append(response(DEMO_HOST + "/static/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                            content_type="image/png", date=date))
    entries.append(revisit(DEMO_HOST + "/news/2025/04/21/corvid-air-charter-interim-ceo.html"))
    cut = response(DEMO_HOST + "/news/2025/04/30/cut-in-half.html", b"<p>x</p>" * 2000)
    cut.truncate = True
    entries.append(cut)
    entries.append(response(DEMO_HOST + "/news/2025/04/30/crawler-gave-up.html",
                            b"<html><p>half</p>", date=date, **{"WARC-Truncated": "length"}))
    return entries


# the stories, the story behind a bot-wall banner (kept, banner stripped), the wire story
STORIES = len(demo_pages("story", "banner_story")) + 1


def fresh(parent: Path, name: str) -> Path:
    """A working folder of its own: a crawl there starts with an empty state store."""
    folder = parent / name
    folder.mkdir()
    return folder


def story_urls(items: list[dict]) -> set[str]:
    return {item["url"] for item in items}



class ArchiveServer:
    """Serves ``root`` on 127.0.0.1 with ``Range`` support; with ``cut`` set, the first
    answer for each file stops after that many bytes (a dropped connection); with
    ``rate``, bodies are sent at that many bytes a second. ``redirects`` answers a path
    (or the absolute URL a proxy is asked for) with a 302 to its value; ``host`` is
    another loopback address (127.0.0.2: another host of the same machine). With ``hold``,
    a ``.warc.gz`` answer stops after that many bytes until :attr:`released` is set (a
    reader is in the middle of the file for as long as the test wants)."""

    def __init__(self, root: Path, *, cut: int | None = None, rate: int | None = None,
                 host: str = "127.0.0.1", redirects: dict[str, str] | None = None,
                 hold: int | None = None) -> None:
        self.root, self.cut, self.rate, self.hold = root, cut, rate, hold
        self.released = threading.Event()
        self.redirects = redirects or {}
        self.requests: list[tuple[str, str | None]] = []
        self._cut_done: set[str] = set()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, self.headers.get("Range")))
                if (location := server.redirects.get(self.path)) is not None:
                    self.send_response(302)
                    self.send_header("Location", location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                file = server.root / self.path.lstrip("/").split("?")[0]
                if not file.is_file():
                    self.send_error(404)
                    return
                data = file.read_bytes()
                start = 0
                if rng := self.headers.get("Range"):
                    start = int(rng.removeprefix("bytes=").split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(data) - start))
                self.end_headers()
                body = data[start:]
                if server.cut is not None and self.path not in server._cut_done \
                        and self.path.endswith(".warc.gz"):
                    server._cut_done.add(self.path)
                    self.wfile.write(body[:server.cut])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if server.hold is not None and self.path.endswith(".warc.gz"):
                    # held at that byte of the file, a resumed read (Range) too
                    first = body[:max(0, server.hold - start)]
                    with contextlib.suppress(OSError):
                        self.wfile.write(first)
                        self.wfile.flush()
                    server.released.wait()
                    body = body[len(first):]
                if server.rate is None:
                    with contextlib.suppress(OSError):  # a held reader may be gone
                        self.wfile.write(body)
                    return
                for at in range(0, len(body), 1024):  # rate bytes a second, in 1 KiB steps
                    self.wfile.write(body[at:at + 1024])
                    self.wfile.flush()
                    time.sleep(1024 / server.rate)

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.base_url = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def write_listing(root: Path, month: str, files: dict[str, list[Entry]]) -> Path:
    """A CC-NEWS month as Common Crawl lays it out: WARC files and a ``warc.paths.gz``."""
    year, mm = month.split("-")
    folder = f"crawl-data/CC-NEWS/{year}/{mm}"
    paths = []
    for name, entries in files.items():
        write_warc(root / folder / name, entries)
        paths.append(f"{folder}/{name}")
    listing = root / folder / "warc.paths.gz"
    listing.write_bytes(gzip.compress(("\n".join(paths) + "\n").encode()))
    return listing
