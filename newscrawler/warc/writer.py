"""WARC 1.1 records written as one gzip member each, so any record can be read on its own."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from newscrawler.runs.files import PART_SUFFIX, part_path, publish

HeaderList = Iterable[tuple[bytes | str, bytes | str]]


def warc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def http_block(start_line: str, headers: HeaderList, body: bytes) -> tuple[bytes, int]:
    """An HTTP message as archived, and where its payload (body) starts."""
    lines = [start_line.encode("latin-1")]
    for name, value in headers:
        n = name if isinstance(name, bytes) else name.encode("latin-1")
        v = value if isinstance(value, bytes) else value.encode("latin-1")
        lines.append(n + b": " + v)
    head = b"\r\n".join(lines) + b"\r\n\r\n"
    return head + body, len(head)


def warc_record(kind: str, block: bytes, *, url: str | None = None, date: str | None = None,
                content_type: str | None = None, payload_at: int | None = None,
                extra: dict[str, str] | None = None) -> bytes:
    """One record (headers and block), uncompressed.

    >>> warc_record("metadata", b"a: b", url="http://x/", extra={"WARC-Record-ID": "<urn:1>"}
    ...             ).split(b"\\r\\n")[:2]
    [b'WARC/1.1', b'WARC-Type: metadata']
    """
    headers = {"WARC-Type": kind, "WARC-Record-ID": record_id(), "WARC-Date": date or warc_now()}
    if url is not None:
        headers["WARC-Target-URI"] = url
    if content_type:
        headers["Content-Type"] = content_type
    headers["WARC-Block-Digest"] = _digest(block)
    if payload_at is not None:
        headers["WARC-Payload-Digest"] = _digest(block[payload_at:])
    headers.update(extra or {})
    headers["Content-Length"] = str(len(block))
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def gzipped(record: bytes) -> bytes:
    """A record as its own gzip member."""
    return gzip.compress(record, compresslevel=6, mtime=0)


class RollingWarcWriter:
    """Gzipped WARC files in ``folder``, each closed and renamed from ``.part`` once it
    reaches ``max_size`` bytes (and at the end), so a reader never opens half a file."""

    def __init__(self, folder: Path, prefix: str, *, max_size: int, info: str = "") -> None:
        self.folder, self.prefix, self.max_size, self.info = folder, prefix, max_size, info
        self.serial = 0
        self.out: BinaryIO | None = None
        self.part: Path | None = None
        self.closed: list[Path] = []

    def write(self, *records: bytes) -> None:
        """Records kept together in one file (a request and its response)."""
        if self.out is None:
            self._open()
        assert self.out is not None
        for record in records:
            self.out.write(gzipped(record))
        if self.out.tell() >= self.max_size:
            self.close()

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.folder / f"{self.prefix}-{self.serial:05d}.warc.gz"
        self.serial += 1
        self.part = part_path(final)
        self.out = self.part.open("wb")
        info = f"software: newscrawler\r\nformat: WARC File Format 1.1\r\n{self.info}"
        self.out.write(gzipped(warc_record("warcinfo", info.encode("utf-8"),
                                           content_type="application/warc-fields",
                                           extra={"WARC-Filename": final.name})))

    def close(self) -> None:
        if self.out is None or self.part is None:
            return
        self.out.flush()
        os.fsync(self.out.fileno())
        self.out.close()
        final = self.part.with_name(self.part.name.removesuffix(PART_SUFFIX))
        publish(self.part, final)
        self.closed.append(final)
        self.out = self.part = None


KIND_HEADER = "WARC-Newscrawler-Kind"
"""What a fetch was for: ``story``, ``page``, ``robots``, ``discovery`` (a sitemap or
feed) or ``probe`` (a soft-404 probe); a replay skips the last three."""


HINTS_HEADER = "WARC-Newscrawler-Hints"
"""What discovery knew of a story before it was fetched (a news sitemap's title and date),
as JSON: a replay parses the page with the same hints as the live crawl."""


def fetch_records(*, url: str, method: str, request_headers: HeaderList, request_body: bytes,
                  status: int, headers: HeaderList, body: bytes, kind: str,
                  hints: dict[str, Any] | None = None) -> tuple[bytes, bytes]:
    """The request and response records of one fetch, linked by ``WARC-Concurrent-To``."""
    date = warc_now()
    response_id = record_id()
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request_block, _ = http_block(f"{method} {target} HTTP/1.1",
                                  [(b"Host", parts.netloc.encode("idna")), *request_headers],
                                  request_body)
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    response_block, at = http_block(f"HTTP/1.1 {status} {reason}".rstrip(), headers, body)
    response = warc_record("response", response_block, url=url, date=date, payload_at=at,
                           content_type="application/http; msgtype=response",
                           extra={"WARC-Record-ID": response_id, KIND_HEADER: kind,
                                  **({HINTS_HEADER: json.dumps(hints)} if hints else {})})
    request = warc_record("request", request_block, url=url, date=date,
                          content_type="application/http; msgtype=request",
                          extra={"WARC-Concurrent-To": response_id, KIND_HEADER: kind})
    return request, response
