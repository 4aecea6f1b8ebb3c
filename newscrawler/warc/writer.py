"""WARC 1.1 records written as one gzip member each, so any record can be read on its own."""

from __future__ import annotations

import base64
import gzip
import hashlib
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime


def warc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def http_block(start_line: str, headers: Iterable[tuple[bytes | str, bytes | str]],
               body: bytes) -> tuple[bytes, int]:
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
