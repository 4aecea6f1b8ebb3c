"""``-a url=`` sources turned into WARC files, and each file opened as a resumable stream.

A source is a local ``.warc``/``.warc.gz`` file, a glob, a folder, an ``http(s)://`` URL
of a WARC file, or a ``warc.paths.gz`` listing (one path a line, relative to the
listing's origin as Common Crawl publishes them; relative to its folder when local).
Everything here blocks: the spider calls it from a thread.
"""

from __future__ import annotations

import glob
import gzip
import http.client
import io
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
LISTING_SUFFIXES = (".paths.gz", ".paths")


def split_sources(value: str | list[str] | None) -> list[str]:
    """``-a url=`` values, comma- or whitespace-separated (local paths stay paths).

    >>> split_sources("a.warc.gz, https://h/x.warc.gz")
    ['a.warc.gz', 'https://h/x.warc.gz']
    """
    values = value if isinstance(value, list) else [value or ""]
    return [s for chunk in values for s in chunk.replace(",", " ").split()]


def is_remote(source: str) -> bool:
    """An ``http(s)://`` source, read over the network."""
    return urlsplit(source).scheme in ("http", "https")


def is_listing(source: str) -> bool:
    """Whether a source is a ``warc.paths.gz`` listing, not a WARC file.

    >>> is_listing("https://h/crawl-data/CC-NEWS/2024/05/warc.paths.gz")
    True
    """
    return urlsplit(source).path.endswith(LISTING_SUFFIXES)


def listing_entries(source: str, text: str) -> list[str]:
    """The WARC files a listing names, made absolute.

    >>> listing_entries("http://127.0.0.1:8/crawl-data/x/warc.paths.gz", "crawl-data/a.warc.gz\\n")
    ['http://127.0.0.1:8/crawl-data/a.warc.gz']
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if is_remote(source):
        parts = urlsplit(source)
        origin = f"{parts.scheme}://{parts.netloc}/"
        return [line if is_remote(line) else origin + line.lstrip("/") for line in lines]
    folder = Path(source).parent
    return [line if is_remote(line) else str(folder / line) for line in lines]


def file_url(location: str) -> str:
    """A URL naming a WARC file (a request's URL in a distributed crawl).

    >>> file_url("/data/a.warc.gz"), file_url("https://h/a.warc.gz")
    ('file:///data/a.warc.gz', 'https://h/a.warc.gz')
    """
    return location if is_remote(location) else Path(location).absolute().as_uri()


def local_files(source: str) -> list[str]:
    """The WARC files of a local file, folder or glob, in name order (``.part`` files,
    still being written, are left out)."""
    path = Path(source.removeprefix("file://"))
    if path.is_dir():
        found = [p for p in path.rglob("*") if p.name.endswith(WARC_SUFFIXES)]
        return sorted(str(p) for p in found)
    if any(ch in source for ch in "*?["):
        return sorted(p for p in glob.glob(str(path), recursive=True) if p.endswith(WARC_SUFFIXES))
    return [str(path)]


def expand(sources: list[str], *, user_agent: str = "newscrawler",
           timeout: float = 30) -> Iterator[str]:
    """Every WARC file the sources name, listings read."""
    for source in sources:
        if is_listing(source):
            with open_source(source, user_agent=user_agent, timeout=timeout) as stream:
                raw = stream.read()
            text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode(
                "utf-8", "replace")
            yield from listing_entries(source, text)
        elif is_remote(source):
            yield source
        else:
            yield from local_files(source)


def open_source(source: str, *, user_agent: str = "newscrawler", timeout: float = 30,
                retries: int = 5) -> BinaryIO:
    """A local file, or an HTTP body read as a stream that resumes where it broke."""
    if is_remote(source):
        return ResumableHttpStream(source, user_agent=user_agent, timeout=timeout,
                                   retries=retries)
    return open(source.removeprefix("file://"), "rb")


class ResumableHttpStream(io.RawIOBase):
    """An HTTP body; a read that fails asks again with ``Range: bytes=<read so far>-``.

    A 1 GB CC-NEWS file takes minutes to read: a dropped connection must not start it
    over (nor lose what the crawl already exported from it)."""

    def __init__(self, url: str, *, user_agent: str, timeout: float, retries: int) -> None:
        super().__init__()
        self.url, self.user_agent, self.timeout = url, user_agent, timeout
        self.retries, self.resumes, self.pos = retries, 0, 0
        self.end: int | None = None  # where the body ends, when the server said
        self._response: http.client.HTTPResponse | None = None
        self._open()

    def readable(self) -> bool:
        return True

    def _open(self) -> None:
        headers = {"User-Agent": self.user_agent}
        if self.pos:
            headers["Range"] = f"bytes={self.pos}-"
        request = urllib.request.Request(self.url, headers=headers)
        response = urllib.request.urlopen(request, timeout=self.timeout)
        if self.pos and response.status != 206:
            # the server ignored Range: skip what was read already
            skip = self.pos
            while skip > 0 and (chunk := response.read(min(skip, 1 << 20))):
                skip -= len(chunk)
        self._response = response
        length = response.headers.get("Content-Length")
        if length and length.isdigit():
            # a 206 counts from where it resumed; a 200 from the start (skipped above)
            self.end = int(length) + (self.pos if response.status == 206 else 0)

    def read(self, size: int = -1) -> bytes:
        attempt = 0
        while True:
            try:
                assert self._response is not None
                data = self._response.read(size if size >= 0 else None)
                if not data and size != 0 and self.end is not None and self.pos < self.end:
                    # http.client returns b"" when the connection drops before the end
                    raise http.client.IncompleteRead(b"", self.end - self.pos)
            except (OSError, http.client.HTTPException) as error:
                attempt += 1
                if attempt > self.retries:
                    raise
                logger.warning("Reading %(url)s broke at byte %(pos)d (%(error)s); resuming",
                               {"url": self.url, "pos": self.pos, "error": error})
                self.resumes += 1
                self._reopen(attempt)
                continue
            self.pos += len(data)
            return data

    def _reopen(self, attempt: int) -> None:
        if self._response is not None:
            self._response.close()
        while True:
            try:
                self._open()
                return
            except (OSError, http.client.HTTPException, urllib.error.URLError):
                if attempt > self.retries:
                    raise
                attempt += 1
                time.sleep(min(2.0 ** attempt, 30))  # in the reading thread, not the reactor

    def close(self) -> None:
        if self._response is not None:
            self._response.close()
        super().close()
