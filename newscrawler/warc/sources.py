"""``-a url=`` sources turned into WARC files, and each file opened as a resumable stream.

A source is a local ``.warc``/``.warc.gz`` file, a glob, a folder, an ``http(s)://`` URL
of a WARC file, or a ``warc.paths.gz`` listing (one path a line, relative to the
listing's origin as Common Crawl publishes them; relative to its folder when local).
Only the sources themselves are trusted as given: a listing's entries stay on its origin
(or in its folder), and every redirect of a remote read is held to the crawl's
:class:`~newscrawler.discovery.policy.FetchPolicy`. Everything here blocks: the spider
calls it from a thread.
"""

from __future__ import annotations

import glob
import gzip
import http.client
import io
import logging
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urljoin, urlsplit

from newscrawler.discovery.policy import FetchPolicy, is_public_address, url_host

logger = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
LISTING_SUFFIXES = (".paths.gz", ".paths")


def is_remote(source: str) -> bool:
    """An ``http(s)://`` source, read over the network."""
    return urlsplit(source).scheme in ("http", "https")


def is_listing(source: str) -> bool:
    """Whether a source is a ``warc.paths.gz`` listing, not a WARC file.

    >>> is_listing("https://h/crawl-data/CC-NEWS/2024/05/warc.paths.gz")
    True
    """
    return urlsplit(source).path.endswith(LISTING_SUFFIXES)


@dataclass(frozen=True)
class Refused:
    """A listing entry that is not read, and why (``warc/refused/<why>``)."""

    entry: str
    listing: str
    why: str


class RefusedRead(OSError):
    """A remote read the fetch policy refused (a redirect off the crawl's hosts)."""

    def __init__(self, url: str, why: str, via: str) -> None:
        super().__init__(f"refused ({why}): {url} (redirect from {via})")
        self.url, self.why, self.via = url, why, via


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), url_host(url), parts.port


def remote_entry(listing: str, line: str) -> str | Refused:
    """A remote listing's entry as a URL on the listing's own origin, or refused.

    >>> remote_entry("https://h/x/warc.paths.gz", "/crawl-data/a.warc.gz")
    'https://h/crawl-data/a.warc.gz'
    >>> [remote_entry("https://h/x/warc.paths.gz", e).why for e in (
    ...     "http://169.254.169.254/a.warc.gz", "//evil.example/a.warc.gz", "file:///etc/passwd")]
    ['offsite_host', 'offsite_host', 'scheme']
    """
    if any(ch <= " " or ch == "\x7f" for ch in line):
        return Refused(line, listing, "bad_entry")  # http.client refuses them in a request line
    try:
        parts = urlsplit(line)
        scheme = parts.scheme.lower()
        if scheme and scheme not in ("http", "https"):
            return Refused(line, listing, "scheme")
        if scheme or parts.netloc:
            same = scheme and _origin(line) == _origin(listing)
            return line if same else Refused(line, listing, "offsite_host")
    except ValueError:  # a bad port, a bad IPv6 literal
        return Refused(line, listing, "bad_entry")
    parts = urlsplit(listing)
    return f"{parts.scheme}://{parts.netloc}/{line.lstrip('/')}"


def local_entry(listing: str, line: str) -> str | Refused:
    """A local listing's entry as a path inside the listing's folder, or refused: no
    absolute path or URL, no ``..`` or symlink out of the folder."""
    if urlsplit(line).scheme or Path(line).is_absolute():
        return Refused(line, listing, "absolute_path")
    folder = Path(listing.removeprefix("file://")).parent
    try:
        inside = (folder / line).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError, RuntimeError):  # a NUL byte, a symlink loop
        return Refused(line, listing, "bad_entry")
    return str(folder / line) if inside else Refused(line, listing, "outside_folder")


def listing_entries(source: str, text: str) -> list[str | Refused]:
    """The WARC files a listing names, made absolute; entries that leave its origin (or
    its folder) are :class:`Refused`.

    >>> listing_entries("http://127.0.0.1:8/crawl-data/x/warc.paths.gz", "crawl-data/a.warc.gz\\n")
    ['http://127.0.0.1:8/crawl-data/a.warc.gz']
    """
    entry = remote_entry if is_remote(source) else local_entry
    return [entry(source, line) for line in (raw.strip() for raw in text.splitlines()) if line]


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


def expand(sources: list[str], policy: FetchPolicy, *, user_agent: str = "newscrawler",
           timeout: float = 30) -> Iterator[str | Refused]:
    """Every WARC file the sources name, listings read (their entries held to ``policy``)."""
    for source in sources:
        if is_listing(source):
            try:
                with open_source(source, policy, user_agent=user_agent,
                                 timeout=timeout) as stream:
                    raw = stream.read()
            except RefusedRead as refused:  # redirected off the crawl: the other sources go on
                yield Refused(refused.url, refused.via, refused.why)
                continue
            text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode(
                "utf-8", "replace")
            for entry in listing_entries(source, text):
                if isinstance(entry, str) and is_remote(entry) and (
                        why := address_refusal(policy, entry)) is not None:
                    entry = Refused(entry, source, why)
                yield entry
        elif is_remote(source):
            yield source
        else:
            yield from local_files(source)


def open_source(source: str, policy: FetchPolicy, *, user_agent: str = "newscrawler",
                timeout: float = 30, retries: int = 5) -> BinaryIO:
    """A local file, or an HTTP body read as a stream that resumes where it broke (its
    redirects held to ``policy``)."""
    if is_remote(source):
        return ResumableHttpStream(source, policy, user_agent=user_agent, timeout=timeout,
                                   retries=retries)
    return open(source.removeprefix("file://"), "rb")


def address_refusal(policy: FetchPolicy, url: str) -> str | None:
    """Why ``url`` (not a source the user gave) must not be read: the policy's answer for
    the URL, then for the addresses its host name resolves to (blocking: a thread's)."""
    if (why := policy.refusal(url, redirected=True)) is not None:
        return why
    if (name := policy.needs_lookup(url)) is None:
        return None
    try:
        found = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
    except OSError:
        return None  # the read fails the same way
    return None if all(is_public_address(str(f[4][0])) for f in found) else "private_address"


class PolicyRedirects(urllib.request.HTTPRedirectHandler):
    """urllib follows a redirect to any host, a private address or ``ftp:``; this one
    follows only what the fetch policy allows, and raises :class:`RefusedRead` for the rest."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                       headers: Any) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urljoin(req.full_url, location.strip())
            if (why := address_refusal(self.policy, target)) is not None:
                fp.close()
                raise RefusedRead(target, why, req.full_url)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class ResumableHttpStream(io.RawIOBase):
    """An HTTP body; a read that fails asks again with ``Range: bytes=<read so far>-``.

    A 1 GB CC-NEWS file takes minutes to read: a dropped connection must not start it
    over (nor lose what the crawl already exported from it)."""

    def __init__(self, url: str, policy: FetchPolicy, *, user_agent: str, timeout: float,
                 retries: int) -> None:
        super().__init__()
        self.url, self.user_agent, self.timeout = url, user_agent, timeout
        self.opener = urllib.request.build_opener(PolicyRedirects(policy))
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
        response = self.opener.open(request, timeout=self.timeout)
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
            except RefusedRead:
                raise  # asking again is refused again
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
            except RefusedRead:
                raise
            except (OSError, http.client.HTTPException, urllib.error.URLError):
                if attempt > self.retries:
                    raise
                attempt += 1
                time.sleep(min(2.0 ** attempt, 30))  # in the reading thread, not the reactor

    def close(self) -> None:
        if self._response is not None:
            self._response.close()
        super().close()
