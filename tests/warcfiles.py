"""WARC files for the web-archive tests, written from the demo site's and test sites' pages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

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
