"""What every newscrawler spider shares: arguments, discovery callbacks, story parsing.

Spiders only navigate. Sitemaps, feeds and robots.txt are read by the pure
functions in :mod:`newscrawler.discovery`; pages become items through a
parser class from :mod:`newscrawler.parsers`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.http import Response, TextResponse
from scrapy.utils.gz import gunzip

from newscrawler.discovery.feeds import parse_feed
from newscrawler.discovery.sitemaps import parse_sitemap, sitemaps_from_robots
from newscrawler.discovery.xml import sniff
from newscrawler.items import Article
from newscrawler.parsers.base import ArticleParser
from newscrawler.utils.dates import parse_date, to_date
from newscrawler.utils.urls import canonicalize, replace_base, url_kind

logger = logging.getLogger(__name__)

HINTS = "newscrawler_hints"
"""Request meta: what discovery knew of a story before fetching it (title, dates, language)."""
STORY = "newscrawler_story"
"""Request meta: discovery says this URL is a story, so the page becomes an item whatever it
holds, and the cleaning stages judge it."""

# Sitemaps may be large; this bounds what a gzip sitemap may inflate to.
SITEMAP_MAX_SIZE = 50 * 1024 * 1024


def split_urls(value: str | list[str] | None) -> list[str]:
    """``-a url=`` values: repeatable, comma- or whitespace-separated."""
    if not value:
        return []
    values = value if isinstance(value, list) else [value]
    urls = []
    for chunk in values:
        for url in chunk.replace(",", " ").split():
            if "://" not in url:
                url = "https://" + url
            urls.append(url)
    return urls


def parse_since(value: str | date | None) -> date | None:
    """``-a since=YYYY-MM-DD``; a clear error for anything else."""
    if value is None or isinstance(value, date):
        return value
    iso = parse_date(value)
    if iso is None:
        raise UsageError(f"since={value!r} is not a date; use YYYY-MM-DD")
    return to_date(iso)


def parse_max_items(value: str | int | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"max_items={value!r} is not a whole number") from None
    if number < 1:
        raise UsageError(f"max_items={value!r} must be at least 1")
    return number


def parse_base_url(value: str | None) -> str | None:
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"base_url={value!r} must look like http://host:port")
    return value.rstrip("/")


class NewsSpider(Spider):
    """Base of all spiders: ``-a since=``, ``-a max_items=``, ``-a base_url=`` and discovery."""

    parser_class: type[ArticleParser] = ArticleParser

    def __init__(
        self,
        *args: Any,
        since: str | None = None,
        max_items: str | None = None,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.since = parse_since(since)
        self.max_items = parse_max_items(max_items)
        self.base_url = parse_base_url(base_url)

    @classmethod
    def check_arguments(cls, **kwargs: str) -> None:
        """Raise ``UsageError`` for a bad ``-a`` value before the crawl starts."""
        parse_since(kwargs.get("since"))
        parse_max_items(kwargs.get("max_items"))
        parse_base_url(kwargs.get("base_url"))

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.max_items:
            # Scrapy closes the spider at this count; MaxItemsPipeline drops what was in flight
            crawler.settings.set("CLOSESPIDER_ITEMCOUNT", spider.max_items, priority="spider")
        return spider

    # --- requests -------------------------------------------------------------------------
    def rebase(self, url: str) -> str:
        """Send every request to ``base_url`` (a mirror, a caching proxy, a test site)."""
        return replace_base(url, self.base_url) if self.base_url else url

    def discovery_request(self, url: str, callback: Any, **kwargs: Any) -> Request:
        """A feed, sitemap or robots.txt: read wherever the site hosts it (a CDN, a feed host)."""
        meta = {"allow_offsite": True, **kwargs.pop("meta", {})}
        return Request(self.rebase(url), callback=callback, meta=meta, **kwargs)

    def story_request(
        self, url: str, *, via: str, hints: dict[str, Any] | None = None, priority: int = 10
    ) -> Request | None:
        """A story found by discovery, or ``None`` when its known date is before ``since``."""
        hints = {k: v for k, v in (hints or {}).items() if v}
        known = hints.get("published") or hints.get("date")
        if self.since and known and (iso := parse_date(known)) and to_date(iso) < self.since:
            self.crawler.stats.inc_value("discovery/skipped_before_since")
            return None
        self.crawler.stats.inc_value(f"discovery/stories/{via}")
        return Request(
            self.rebase(canonicalize(url)),
            callback=self.parse_page,
            priority=priority,
            meta={HINTS: hints, STORY: True},
        )

    # --- discovery callbacks --------------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[Request]:
        text = response.text if isinstance(response, TextResponse) else response.body.decode(
            "utf-8", "replace")
        sitemaps = sitemaps_from_robots(text) if response.status == 200 else []
        self.crawler.stats.inc_value("discovery/robots_sitemaps", len(sitemaps))
        for url in sitemaps:
            yield self.discovery_request(url, self.parse_sitemap)
        if not sitemaps and self.guess_sitemap:
            yield self.discovery_request(response.urljoin("/sitemap.xml"), self.parse_sitemap)

    guess_sitemap = True

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        body = self._xml_body(response)
        sitemap = parse_sitemap(body) if body is not None else None
        if sitemap is None:
            if response.status == 200:
                self.crawler.stats.inc_value("discovery/invalid_sitemap")
                logger.warning("Not a sitemap: %(url)s", {"url": response.url})
            return
        self.crawler.stats.inc_value(f"discovery/{sitemap.kind}")
        for entry in sitemap.entries:
            if sitemap.kind == "sitemapindex":
                # a sub-sitemap last changed before `since` holds no newer story
                if self._before_since(entry.lastmod):
                    self.crawler.stats.inc_value("discovery/skipped_before_since")
                    continue
                yield self.discovery_request(entry.loc, self.parse_sitemap)
                continue
            if url_kind(entry.loc) == "listing":
                yield self.discovery_request(entry.loc, self.parse_page)
                continue
            via = "news_sitemap" if entry.news_published or entry.news_title else "sitemap"
            hints = {
                "title": entry.news_title,
                "published": entry.news_published,
                "date": entry.lastmod,
                "language": entry.news_language,
                "source": entry.news_publication,
            }
            if request := self.story_request(entry.loc, via=via, hints=hints):
                yield request

    def parse_feed(self, response: Response) -> Iterator[Request]:
        feed = parse_feed(response.body)
        if feed is None:
            if response.status == 200:
                self.crawler.stats.inc_value("discovery/invalid_feed")
                logger.warning("Not a feed: %(url)s", {"url": response.url})
            return
        self.crawler.stats.inc_value(f"discovery/feed_{feed.kind}")
        for entry in feed.entries:
            hints = {"title": entry.title, "published": entry.published, "date": entry.updated}
            if request := self.story_request(response.urljoin(entry.link), via=feed.kind,
                                             hints=hints):
                yield request

    def parse_page(self, response: Response) -> Iterable[Article | Request]:
        """A fetched story page: one item, unless it is older than ``since``."""
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("discovery/not_html")
            return
        parser = self.parser_class(response, hints=response.meta.get(HINTS))
        yield from self.story_items(parser)

    def story_items(self, parser: ArticleParser) -> Iterator[Article]:
        item = parser.to_item()
        if self.since and item.published and to_date(item.published) < self.since:
            self.crawler.stats.inc_value("discovery/story_before_since")
            return
        yield item

    # --- helpers --------------------------------------------------------------------------
    def _before_since(self, value: str | None) -> bool:
        if not self.since or not value:
            return False
        iso = parse_date(value)
        return iso is not None and to_date(iso) < self.since

    def _xml_body(self, response: Response) -> bytes | None:
        body = response.body
        if sniff(body) == "gzip":
            try:
                body = gunzip(body, max_size=SITEMAP_MAX_SIZE)
            except (OSError, EOFError, ValueError):
                self.crawler.stats.inc_value("discovery/bad_gzip")
                logger.warning("Cannot gunzip %(url)s", {"url": response.url})
                return None
        return body
