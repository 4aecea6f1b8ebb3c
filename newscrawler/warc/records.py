"""WARC records read one at a time from a byte stream; a bad record is counted, not fatal.

Both fastwarc and warcio stop at the first corrupt record or truncated gzip member (an
exception, and the rest of the file is lost), so the framing is ours: a ``.warc.gz`` is
read member by member (one record per member, as Common Crawl and every crawler write
them) and, after a member that does not inflate, reading resumes at the next gzip
header; a plain ``.warc`` resumes at the next ``WARC/`` line. A record never exceeds
``max_size`` in memory: a bigger one is skipped as it is read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

CHUNK = 1 << 16
GZIP_MAGIC = b"\x1f\x8b\x08"


@dataclass(slots=True)
class Record:
    """One WARC record: its headers (names lower-cased), block and offset in the file."""

    headers: dict[str, str]
    block: bytes
    offset: int

    @property
    def type(self) -> str:
        return self.headers.get("warc-type", "unknown").strip().lower() or "unknown"

    @property
    def url(self) -> str:
        # WARC 1.0 examples wrap it in <>; some writers copied that
        return self.headers.get("warc-target-uri", "").strip().strip("<>")

    @property
    def date(self) -> str:
        return self.headers.get("warc-date", "").strip()


@dataclass(slots=True)
class Bad:
    """A record that could not be read: ``why`` is ``corrupt`` or ``too_large``."""

    why: str
    offset: int


@dataclass(slots=True)
class HttpMessage:
    """The archived HTTP response inside a ``response`` record."""

    status: int
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: bytes) -> bytes:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), b"")


def iter_records(stream: BinaryIO, *, max_size: int) -> Iterator[Record | Bad]:
    """Every record of a ``.warc`` or ``.warc.gz`` stream, gzip detected from its bytes."""
    first = stream.read(CHUNK)
    if first.startswith(GZIP_MAGIC[:2]):
        yield from _gzip_records(stream, first, max_size)
    else:
        yield from _plain_records(stream, first, max_size)


def _gzip_records(stream: BinaryIO, buf: bytes, max_size: int) -> Iterator[Record | Bad]:
    for offset, data in _gzip_members(stream, buf, max_size):
        if isinstance(data, Bad):
            yield data
        else:
            yield from _records_in(data, offset)


def _gzip_members(stream: BinaryIO, buf: bytes,
                  max_size: int) -> Iterator[tuple[int, bytes | Bad]]:
    """``(offset, inflated member)`` per gzip member; after a bad member, the next one."""
    pos = 0  # file offset of buf[0]
    while True:
        if len(buf) < len(GZIP_MAGIC):
            # a member may start in the last bytes of a read: see its whole header first
            buf += stream.read(CHUNK)
            if not buf:
                return
        start = pos
        if not buf.startswith(GZIP_MAGIC):
            buf, pos = _resync(stream, buf, pos)
            yield start, Bad("corrupt", start)
            continue
        inflate = zlib.decompressobj(31)
        raw = bytearray()  # the member's compressed bytes, to resume inside them on error
        parts: list[bytes] = []
        size = 0
        try:
            while True:
                out = inflate.decompress(buf)
                size += len(out)
                if size <= max_size:
                    parts.append(out)
                if inflate.eof:
                    used = len(buf) - len(inflate.unused_data)
                    pos += used
                    buf = inflate.unused_data
                    break
                if len(raw) <= max_size:
                    raw += buf
                pos += len(buf)
                if not (buf := stream.read(CHUNK)):
                    raise EOFError
        except (zlib.error, EOFError):
            # a truncated member runs into the next one: look for its header from here
            rest = bytes(raw) + buf if len(raw) <= max_size else buf
            base = start if len(raw) <= max_size else pos
            found = rest.find(GZIP_MAGIC, 1 if base == start else 0)
            if found < 0:
                buf, pos = b"", base + len(rest)
            else:
                buf, pos = rest[found:], base + found
            yield start, Bad("corrupt", start)
            continue
        yield start, (b"".join(parts) if size <= max_size else Bad("too_large", start))


def _resync(stream: BinaryIO, buf: bytes, pos: int) -> tuple[bytes, int]:
    """Skip to the next gzip header (``buf`` does not start with one)."""
    while True:
        found = buf.find(GZIP_MAGIC, 1)
        if found >= 0:
            return buf[found:], pos + found
        keep = buf[-2:]
        pos += len(buf) - len(keep)
        more = stream.read(CHUNK)
        if not more:
            return b"", pos + len(keep)
        buf = keep + more


def _records_in(data: bytes, offset: int) -> Iterator[Record | Bad]:
    """The records of one inflated member (normally one)."""
    at = 0
    while at < len(data):
        while data.startswith((b"\r\n", b"\n"), at):
            at += 2 if data.startswith(b"\r\n", at) else 1
        if at >= len(data):
            return
        end = data.find(b"\r\n\r\n", at)
        headers = parse_warc_head(data[at:end]) if end >= 0 else None
        length = _length(headers)
        if headers is None or length is None or end + 4 + length > len(data):
            yield Bad("corrupt", offset)
            return
        yield Record(headers, data[end + 4:end + 4 + length], offset)
        at = end + 4 + length


def _plain_records(stream: BinaryIO, first: bytes, max_size: int) -> Iterator[Record | Bad]:
    reader = _Lines(stream, first)
    while (line := reader.readline()) != b"":
        start = reader.pos - len(line)
        if not line.strip():
            continue
        if not line.startswith(b"WARC/"):
            yield Bad("corrupt", start)
            while (line := reader.peekline()) and not line.startswith(b"WARC/"):
                reader.readline()
            continue
        head = [line]
        while (line := reader.readline()) not in (b"", b"\r\n", b"\n"):
            head.append(line)
        headers = parse_warc_head(b"".join(head))
        length = _length(headers)
        if headers is None or length is None:
            yield Bad("corrupt", start)
            continue
        if length > max_size:
            reader.skip(length)
            yield Bad("too_large", start)
            continue
        block = reader.read(length)
        if len(block) < length:
            yield Bad("corrupt", start)
            return
        yield Record(headers, block, start)


class _Lines:
    """Line and block reads over a raw stream, counting the offset."""

    def __init__(self, stream: BinaryIO, first: bytes) -> None:
        self.stream, self.buf, self.pos = stream, first, 0

    def _fill(self) -> bool:
        more = self.stream.read(CHUNK)
        self.buf += more
        return bool(more)

    def peekline(self) -> bytes:
        while (end := self.buf.find(b"\n")) < 0 and self._fill():
            pass
        return self.buf[:end + 1] if end >= 0 else self.buf

    def readline(self) -> bytes:
        line = self.peekline()
        self.buf = self.buf[len(line):]
        self.pos += len(line)
        return line

    def read(self, n: int) -> bytes:
        while len(self.buf) < n and self._fill():
            pass
        out, self.buf = self.buf[:n], self.buf[n:]
        self.pos += len(out)
        return out

    def skip(self, n: int) -> None:
        while n > 0:
            if not self.buf and not self._fill():
                return
            step = min(n, len(self.buf))
            self.buf, self.pos, n = self.buf[step:], self.pos + step, n - step


def parse_warc_head(head: bytes) -> dict[str, str] | None:
    """WARC headers (names lower-cased), or ``None`` when this is no WARC header.

    >>> parse_warc_head(b"WARC/1.1\\r\\nWARC-Type: response\\r\\nContent-Length: 3")
    {'warc-type': 'response', 'content-length': '3'}
    >>> parse_warc_head(b"GARBAGE") is None
    True
    """
    lines = head.decode("utf-8", "replace").splitlines()
    if not lines or not lines[0].startswith("WARC/"):
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


def _length(headers: dict[str, str] | None) -> int | None:
    try:
        length = int((headers or {}).get("content-length", ""))
    except ValueError:
        return None
    return length if length >= 0 else None


def parse_http_response(block: bytes) -> HttpMessage | None:
    """The status, headers and body of an archived HTTP response; ``None`` when it is none.

    >>> m = parse_http_response(b"HTTP/1.1 404 Not Found\\r\\nContent-Type: text/html\\r\\n\\r\\nx")
    >>> m.status, m.header(b"content-type"), m.body
    (404, b'text/html', b'x')
    """
    end = block.find(b"\r\n\r\n")
    sep = 4
    if end < 0:
        end, sep = block.find(b"\n\n"), 2
    if end < 0 or not block.startswith(b"HTTP/"):
        return None
    lines = block[:end].splitlines()
    parts = lines[0].split(None, 2)
    if len(parts) < 2 or not parts[1].isdigit():
        return None
    headers = []
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        if colon and name.strip():
            headers.append((name.strip(), value.strip()))
    message = HttpMessage(int(parts[1]), headers, block[end + sep:])
    if b"chunked" in message.header(b"transfer-encoding").lower():
        message.body = _dechunk(message.body)
        message.headers = [(k, v) for k, v in headers if k.lower() != b"transfer-encoding"]
    return message


def _dechunk(body: bytes) -> bytes:
    """A chunked body joined (kept as it is when it is not really chunked)."""
    out, at = [], 0
    while True:
        end = body.find(b"\r\n", at)
        if end < 0:
            return body
        try:
            size = int(body[at:end].split(b";")[0], 16)
        except ValueError:
            return body
        if size == 0:
            return b"".join(out)
        out.append(body[end + 2:end + 2 + size])
        at = end + 2 + size + 2
