"""Sitemaps, sitemap indexes and Google News sitemaps, news fields included.

Scrapy's own sitemap reader flattens ``<news:news>`` away; the news block is
where wire sites put a story's publication date, title and tickers, which we
use to skip old stories before fetching them and to fill gaps in the page.

A sitemap is read as a stream (:class:`SitemapReader`): a gzip body is inflated and
parsed a chunk at a time and each entry's element is freed once read, so a sitemap of
a million URLs costs the memory of one chunk, and a crawl that stops early (``max_items``)
stops reading it where it is.
"""

from __future__ import annotations

import logging
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from gzip import GzipFile
from io import BytesIO

from lxml import etree

from newscrawler.discovery.xml import PARSER_OPTIONS, bomb_error, child_text, local_name

logger = logging.getLogger(__name__)

# bytes fed to the XML parser at a time (inflated bytes for a gzip body): what a paused
# sitemap holds parsed, besides its body
CHUNK = 64 * 1024
MAX_UNMARKED_BYTES = 1024 * 1024
"""A sitemap body this long without a ``<`` is junk (a bomb of zeros), not read further."""
# what a gzip sitemap may inflate to unless the caller says otherwise (SITEMAP_MAX_SIZE)
MAX_SIZE = 50 * 1024 * 1024
KINDS = ("urlset", "sitemapindex")
# an entry's opening tag, any prefix: what the rest of an unfinished sitemap is counted by
_ENTRY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(?:url|sitemap)[\s/>]")


class BadGzip(ValueError):
    """A gzip body that is corrupt, or inflates past the size limit."""


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    lastmod: str | None = None
    news_title: str | None = None
    news_published: str | None = None
    news_language: str | None = None
    news_publication: str | None = None
    keywords: tuple[str, ...] = field(default=())
    tickers: tuple[str, ...] = field(default=())

    @property
    def date(self) -> str | None:
        """The best date known before fetching: the news date, else lastmod."""
        return self.news_published or self.lastmod


@dataclass
class Sitemap:
    kind: str  # "urlset" or "sitemapindex"
    entries: list[SitemapEntry]


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _entry(el: etree._Element) -> SitemapEntry | None:
    # one pass over the children: a sitemap may hold 50,000 entries
    children: dict[str, etree._Element] = {}
    for child in el:
        children.setdefault(local_name(child), child)
    loc = _text(children.get("loc"))
    if not loc:
        return None
    values: dict[str, str | None] = {"lastmod": _text(children.get("lastmod"))}
    keywords = tickers = None
    if (child := children.get("news")) is not None:
        values["news_title"] = child_text(child, "title")
        values["news_published"] = child_text(child, "publication_date")
        keywords = child_text(child, "keywords")
        tickers = child_text(child, "stock_tickers")
        for pub in child:
            if local_name(pub) == "publication":
                values["news_publication"] = child_text(pub, "name")
                values["news_language"] = child_text(pub, "language")
    return SitemapEntry(loc=loc, keywords=_split(keywords), tickers=_split(tickers), **values)


def _text(el: etree._Element | None) -> str | None:
    return ("".join(el.itertext()).strip() or None) if el is not None else None


def parse_sitemap(body: bytes) -> Sitemap | None:
    """A whole sitemap or sitemap index (gzip too); ``None`` if it is neither, or refused."""
    try:
        reader = open_sitemap(body)
    except BadGzip:
        return None
    if reader is None:
        return None
    entries = list(reader)
    if reader.refused is not None:
        return None
    return Sitemap(kind=reader.kind, entries=entries)


def open_sitemap(body: bytes, max_size: int = MAX_SIZE) -> SitemapReader | None:
    """A reader of a sitemap's entries, or ``None`` when the body is not a sitemap.

    Only the head is parsed here; a gzip body (by its magic number) is inflated as it is
    read, up to ``max_size``. Raises :class:`BadGzip` when not even the head inflates."""
    chunks = gunzip_chunks(body, max_size) if body[:2] == b"\x1f\x8b" else _slices(body)
    reader = SitemapReader(chunks)
    return reader if reader.kind in KINDS else None


class SitemapReader:
    """Entries of one sitemap, parsed as they are asked for.

    Iterating yields :class:`SitemapEntry` objects; iteration may stop anywhere and
    :meth:`count_unread` says how many entries were left. After iteration, ``refused``
    holds why the rest was not read (an entity bomb) and ``error`` a gzip failure."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._parser = etree.XMLPullParser(events=("start", "end"), **PARSER_OPTIONS)
        self._depth = 0
        self.kind = ""
        self.done = False
        self.refused: str | None = None
        self.error: str | None = None
        self._unmarked = 0
        # the head: feed until the root element opens; its children's events stay queued
        while not self.kind and not self.done:
            self._feed()
            for event, el in self._parser.read_events():
                if event == "start":
                    self._depth = 1
                    self.kind = local_name(el) or "?"
                    break
        if self.refused is not None:
            self.kind = ""

    def __iter__(self) -> Iterator[SitemapEntry]:
        if self.kind not in KINDS:
            return
        while self.refused is None:
            for event, el in self._parser.read_events():
                if event == "start":
                    self._depth += 1
                    continue
                self._depth -= 1
                if self._depth != 1:
                    continue
                entry = _entry(el) if local_name(el) in ("url", "sitemap") else None
                _free(el)
                if entry is not None:
                    yield entry
            if self.done:
                return
            self._feed()

    def _feed(self) -> None:
        """Feed the parser the next chunk, or close it after the last."""
        try:
            chunk = next(self._chunks, None)
        except BadGzip as error:
            self.error = str(error)
            chunk = None
        if chunk is not None:
            self._unmarked = 0 if b"<" in chunk else self._unmarked + len(chunk)
            if self._unmarked > MAX_UNMARKED_BYTES:
                # zeros or spaces: the XML parser would grind through all of them (seconds for
                # a 50 MB gzip bomb) with the crawl waiting; a sitemap has a tag every line
                logger.warning("Refused a sitemap: %(n)d bytes without a tag",
                               {"n": self._unmarked})
                self.refused = f"{self._unmarked} bytes without a tag"
                self.done = True
                return
        parser = self._parser
        try:
            if chunk is None:
                self.done = True
                parser.close()
            else:
                parser.feed(chunk)
        except etree.XMLSyntaxError:
            self.done = True  # not XML at all (recover mode still gives up on some bodies)
        if (bomb := bomb_error(parser.feed_error_log)) is not None:
            logger.warning("Refused an XML entity bomb: %(error)s", {"error": bomb})
            self.refused = bomb
            self.done = True

    def count_unread(self) -> int:
        """Entries not yet read: those parsed and waiting, then those in the rest of the
        body (counted by their opening tags, without parsing). Reads the rest."""
        if self.refused is not None:
            return 0
        waiting = 0
        for event, _el in self._parser.read_events():
            self._depth += 1 if event == "start" else -1
            waiting += event == "end" and self._depth == 1
        waiting += self._depth > 1  # an entry whose opening tag was read, not its end
        rest = tail = b""
        try:
            for chunk in self._chunks:
                rest = tail + chunk
                waiting += len(_ENTRY_TAG.findall(rest))
                # an opening tag cut by the chunk boundary is counted with the next chunk
                cut = rest.rfind(b"<", max(0, len(rest) - 64))
                tail = rest[cut:] if cut >= 0 and not _ENTRY_TAG.search(rest, cut) else b""
        except BadGzip:
            pass
        self.done = True
        return waiting


def _free(el: etree._Element) -> None:
    """Forget an entry's element once read: the tree never holds more than a chunk."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _slices(body: bytes) -> Iterator[bytes]:
    view = memoryview(body)
    for start in range(0, len(body), CHUNK):
        yield bytes(view[start:start + CHUNK])


def gunzip_chunks(body: bytes, max_size: int = MAX_SIZE) -> Iterator[bytes]:
    """Inflate a gzip body a chunk at a time, never past ``max_size`` in all.

    Lenient as Scrapy's ``gunzip``: a truncated or CRC-broken tail ends the data once
    something inflated; corrupt from the start, or over the limit, raises :class:`BadGzip`."""
    stream = GzipFile(fileobj=BytesIO(body))
    size = 0
    while True:
        try:
            chunk = stream.read1(CHUNK)
        except (OSError, EOFError, struct.error) as error:
            if size:
                return
            raise BadGzip(f"not gzip: {error}") from None
        if not chunk:
            return
        size += len(chunk)
        if max_size and size > max_size:
            raise BadGzip(f"inflates past {max_size} bytes")
        yield chunk


def sitemaps_from_robots(body: str) -> list[str]:
    """``Sitemap:`` lines of a robots.txt, in order, without duplicates.

    >>> sitemaps_from_robots("User-agent: *\\nSitemap: https://a.test/s.xml\\nsitemap:https://a.test/n.xml")
    ['https://a.test/s.xml', 'https://a.test/n.xml']
    """
    found: list[str] = []
    for line in body.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == "sitemap":
            url = value.split("#", 1)[0].strip()
            if url and url not in found:
                found.append(url)
    return found
