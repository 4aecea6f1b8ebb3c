"""Sitemaps, sitemap indexes and Google News sitemaps, news fields included.

Scrapy's own sitemap reader flattens ``<news:news>`` away; the news block is
where wire sites put a story's publication date, title and tickers, which we
use to skip old stories before fetching them and to fill gaps in the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from newscrawler.discovery.xml import child_text, local_name, parse_xml


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
    """A sitemap or sitemap index from (already gunzipped) bytes; ``None`` if it is neither."""
    root = parse_xml(body)
    if root is None:
        return None
    kind = local_name(root)
    if kind not in ("urlset", "sitemapindex"):
        return None
    return Sitemap(kind=kind, entries=list(_iter_entries(root)))


def _iter_entries(root: etree._Element) -> Iterator[SitemapEntry]:
    for el in root:
        if local_name(el) in ("url", "sitemap") and (entry := _entry(el)) is not None:
            yield entry


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
