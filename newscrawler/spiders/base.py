"""What every newscrawler spider shares: discovery callbacks and story requests.

Spiders only navigate. Sitemaps, feeds and robots.txt are read by the pure
functions in :mod:`newscrawler.discovery`; pages become items through a
parser class from :mod:`newscrawler.parsers`. Around them: ``-a`` arguments are read by
:mod:`newscrawler.arguments`, ignored downloads counted by :mod:`newscrawler.ignored`,
feeds and start URLs asked again by
:mod:`newscrawler.downloadermiddlewares.discoveryretry`, and robots.txt is read once per
host (:mod:`newscrawler.downloadermiddlewares.robotstxt`).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from functools import cached_property
from typing import Any, ClassVar, Self, TypeGuard
from urllib.parse import urljoin, urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.selector import Selector
from scrapy.utils.asyncio import sleep
from twisted.python.failure import Failure
from w3lib.url import url_query_cleaner

from newscrawler.arguments import SpiderArguments, before_since
from newscrawler.discovery.feeds import Feed, feed_error, parse_feed
from newscrawler.discovery.links import base_of, tolerate_bad_base
from newscrawler.discovery.listing import next_page_url
from newscrawler.discovery.policy import SCHEMES
from newscrawler.discovery.sitemaps import (
    MAX_SIZE,
    BadGzip,
    SitemapEntry,
    SitemapReader,
    open_sitemap,
    sitemaps_from_robots,
)
from newscrawler.downloadermiddlewares.robotstxt import RobotsTxtReuseMiddleware
from newscrawler.ignored import count_ignored
from newscrawler.items import Article
from newscrawler.meta import DISCOVERY, DISCOVERY_RETRY, HINTS, LISTING_PAGE, STORY
from newscrawler.parsers.base import ArticleParser
from newscrawler.utils.dates import parse_date
from newscrawler.utils.sniff import is_binary
from newscrawler.utils.urls import absolute_url, canonicalize, replace_base, url_kind, url_scheme

logger = logging.getLogger(__name__)

# Requests for robots.txt, sitemaps and feeds go before any page (stories use 10 and less).
DISCOVERY_PRIORITY = 20
# Seconds a sitemap is read before the reactor gets a turn (Twisted's cooperator slice)
SITEMAP_SLICE = 0.01


class NewsSpider(Spider):
    """Base of all spiders: ``-a since=``, ``-a max_items=``, ``-a base_url=`` and discovery."""

    spider_arguments: ClassVar[tuple[str, ...]] = ("since", "max_items", "base_url")
    """The ``-a`` arguments the spider takes; any other is a usage error."""
    parser_class: type[ArticleParser] = ArticleParser
    story_url: re.Pattern[str] | None = None
    """Wire spiders: the path of a story URL; sitemap and feed entries that do not match
    (hubs, videos, author pages) are skipped before they are fetched."""

    # What the default start() reads (a wire's own discovery paths, in this order). Every
    # request goes to -a base_url= when given; -a since= and max_items apply to what they list.
    feed_urls: ClassVar[tuple[str, ...]] = ()
    sitemap_urls: ClassVar[tuple[str, ...]] = ()
    """Sitemaps or sitemap indexes."""
    listing_urls: ClassVar[tuple[str, ...]] = ()
    """Pages that list stories: their ``listing_links`` are followed."""
    listing_links = "a::attr(href)"
    """CSS selector of the story links on a listing page."""
    tracking_params: ClassVar[tuple[str, ...]] = ()
    """A site's own campaign parameters, dropped from listing links (``canonicalize``
    knows the common ones)."""
    listing_pages = 1
    """How many pages of a listing are read (its next link, else ``listing_page_param`` + 1);
    fewer when a page lists no story not seen before, or only stories older than ``since``."""
    listing_next = "a[rel=next]::attr(href)"
    """CSS selector of a listing page's link to the next page."""
    listing_page_param = "page"

    def __init__(
        self,
        *args: Any,
        since: str | None = None,
        max_items: str | None = None,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        # kwargs: what the subclasses did not take; Scrapy would set it on the spider (even
        # ``name``), so an unknown name is refused here too
        arguments = SpiderArguments.read(
            type(self), {"since": since, "max_items": max_items, "base_url": base_url, **kwargs})
        super().__init__(*args, **kwargs)
        self.since = arguments.since
        self.max_items = arguments.max_items
        self.base_url = arguments.base_url
        # the robots.txt rules Scrapy read (None without ROBOTSTXT_OBEY), known once it opens
        self.robots_rules: RobotsTxtReuseMiddleware | None = None
        # schemes refused in links and discovery already logged (once each)
        self.refused_schemes: set[str] = set()
        # sitemaps whose reading started and has not ended: what the crawl left unread
        self.sitemaps_reading: dict[SitemapReader, str] = {}
        # story URLs listing pages named: a next page that names none of its own is the last
        self.listed: set[str] = set()
        domains = getattr(self, "allowed_domains", None)
        if self.base_url and domains is not None:
            # every request goes to the mirror: the offsite filter must let its host through
            self.allowed_domains = [*domains, urlsplit(self.base_url).hostname or ""]

    @classmethod
    def check_arguments(cls, **kwargs: str) -> None:
        """Raise ``UsageError`` for an unknown ``-a`` name or a bad value before the crawl
        starts (the crawl command calls it; ``__init__`` checks the same)."""
        SpiderArguments.read(cls, kwargs)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.max_items:
            # Scrapy closes the spider at this count; MaxItemsPipeline drops what was in flight
            crawler.settings.set("CLOSESPIDER_ITEMCOUNT", spider.max_items, priority="spider")
        crawler.signals.connect(spider.find_robots_rules, signal=signals.spider_opened)
        crawler.signals.connect(spider.count_unread_sitemaps, signal=signals.spider_closed)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        for url in self.feed_urls:
            yield self.feed_request(url)
        for url in self.sitemap_urls:
            yield self.discovery_request(url, self.parse_sitemap)
        for url in self.listing_urls:
            yield self.discovery_request(url, self.parse_listing)

    # --- requests -------------------------------------------------------------------------
    def rebase(self, url: str) -> str:
        """Send every request to ``base_url`` (a mirror, a caching proxy, a test site)."""
        return replace_base(url, self.base_url) if self.base_url else url

    def discovery_request(self, url: str, callback: Any, **kwargs: Any) -> Request:
        """A feed, sitemap or robots.txt: read wherever the site hosts it (a CDN, a feed host)."""
        meta = {"allow_offsite": True, DISCOVERY: True, **kwargs.pop("meta", {})}
        kwargs.setdefault("errback", self.download_failed)
        # read early: their dates decide what is worth fetching (``since``, incremental runs),
        # and a sitemap read last would only re-list pages the links already led to
        kwargs.setdefault("priority", DISCOVERY_PRIORITY)
        return Request(self.rebase(url), callback=callback, meta=meta, **kwargs)

    def feed_request(self, url: str, **kwargs: Any) -> Request:
        """A feed: asked again when a redirect leads it to an error page (a bot-management
        cookie dance, see :mod:`newscrawler.downloadermiddlewares.discoveryretry`)."""
        meta = {DISCOVERY_RETRY: True, **kwargs.pop("meta", {})}
        return self.discovery_request(url, self.parse_feed, meta=meta, **kwargs)

    def story_request(
        self, url: str, *, via: str, hints: dict[str, Any] | None = None, priority: int = 10
    ) -> Request | None:
        """A story found by discovery, or ``None`` when its known date is before ``since``."""
        hints = {k: v for k, v in (hints or {}).items() if v}
        if self.story_url is not None and not self.story_url.search(urlsplit(url).path):
            self.crawler.stats.inc_value("discovery/skipped_not_story")
            return None
        known = hints.get("published") or hints.get("date")
        if self.since and known and (iso := parse_date(known)) and before_since(iso, self.since):
            self.crawler.stats.inc_value("discovery/skipped_before_since")
            return None
        self.crawler.stats.inc_value(f"discovery/stories/{via}")
        return Request(
            self.rebase(canonicalize(url)),
            callback=self.parse_page,
            errback=self.download_failed,
            priority=priority,
            meta={HINTS: hints, STORY: True},
        )

    def not_a_story(self, url: str) -> None:
        """A page read and judged no story (the generic spider reads it again when a sitemap
        or feed later names it a story)."""

    def resolve(self, base: str, href: str) -> str | None:
        """``href`` made absolute, or ``None`` (counted) when it is no usable URL.

        A link, feed entry or sitemap ``<loc>`` such as ``http://[::1`` or ``http://a b/``
        would make building its request raise, and the rest of the page would be lost."""
        url = absolute_url(base, href)
        if url is None:
            self.count_bad_url(href)
        return url

    def count_bad_url(self, href: str) -> None:
        """A ``file:``, ``ftp:``, ``data:`` ... URL is refused by the fetch policy (counted and
        logged as the policy middleware does); anything else is no URL at all."""
        scheme = url_scheme(href)
        if not scheme or scheme in SCHEMES:
            self.crawler.stats.inc_value("discovery/bad_url")
            return
        self.crawler.stats.inc_value("discovery/refused/scheme")
        if scheme not in self.refused_schemes:
            self.refused_schemes.add(scheme)
            logger.warning("Refused %(url)s: only http and https URLs are fetched, except a "
                           "start URL given with -a url= (further %(scheme)s: URLs are counted "
                           "in discovery/refused/scheme, not logged)",
                           {"url": href[:200], "scheme": scheme})

    # --- discovery callbacks --------------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[Request]:
        """A robots.txt: its ``Sitemap:`` lines, else ``/sitemap.xml``. Fetched once: with
        ``ROBOTSTXT_OBEY`` this is the copy Scrapy fetched to obey it."""
        text = response.text if isinstance(response, TextResponse) else response.body.decode(
            "utf-8", "replace")
        sitemaps = sitemaps_from_robots(text) if response.status == 200 else []
        self.crawler.stats.inc_value("discovery/robots_sitemaps", len(sitemaps))
        for url in sitemaps:
            yield self.discovery_request(url, self.parse_sitemap)
        if not sitemaps and self.guess_sitemap:
            yield self.discovery_request(urljoin(response.url, "/sitemap.xml"), self.parse_sitemap)

    def robots_allow(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url``, as far as it has been read.

        Scrapy's robots.txt middleware refuses such requests anyway; asking first spares
        scheduling them (a news page links share, print and search pages by the dozen)."""
        return self.robots_rules is None or self.robots_rules.allows(url)

    def find_robots_rules(self) -> None:
        """At open (once the downloader middlewares exist): where robots.txt rules are kept."""
        self.robots_rules = self.crawler.get_downloader_middleware(RobotsTxtReuseMiddleware)

    guess_sitemap = True

    async def parse_sitemap(self, response: Response) -> AsyncIterator[Request]:
        """A sitemap or sitemap index, read lazily: an entry is parsed when the crawl asks
        for the next request (see ``DiscoveryBacklogMiddleware``), so a huge sitemap is
        never all in memory, and a crawl that closes stops reading it.

        Entries that ask for nothing (older than ``since``, no URL, no story path) are read
        between two requests: 50,000 of them are seconds of parsing. The reading hands the
        reactor back every ``SITEMAP_SLICE`` seconds, so downloads, timeouts and other
        callbacks go on meanwhile."""
        try:
            reader = open_sitemap(response.body, self.sitemap_max_size)
        except BadGzip as error:
            self._bad_gzip(response, error)
            return
        if reader is None:
            if response.status == 200:
                self.crawler.stats.inc_value("discovery/invalid_sitemap")
                logger.warning("Not a sitemap: %(url)s", {"url": response.url})
            return
        self.crawler.stats.inc_value(f"discovery/{reader.kind}")
        self.sitemaps_reading[reader] = response.url
        try:
            paused = time.monotonic()
            for entry in reader:
                if (request := self.sitemap_request(reader.kind, entry, response.url)) is not None:
                    yield request
                if time.monotonic() - paused > SITEMAP_SLICE:
                    await sleep(0)  # the reactor runs whatever is due, then reading goes on
                    paused = time.monotonic()
        except GeneratorExit:
            raise  # the crawl stopped reading (it is closing): counted when it has closed
        except BaseException:
            del self.sitemaps_reading[reader]
            raise
        del self.sitemaps_reading[reader]
        if reader.refused is not None:
            self.crawler.stats.inc_value("discovery/invalid_sitemap")
        elif reader.error is not None:
            self._bad_gzip(response, reader.error)

    def sitemap_request(self, kind: str, entry: SitemapEntry, base: str) -> Request | None:
        """What one sitemap entry asks for: a sitemap, a listing or a story; ``None`` when
        its date says it holds nothing newer than ``since``, or its ``<loc>`` is no URL.

        The date first, before the URL is resolved: an archive sitemap holds 50,000 old URLs,
        read between two requests with every download waiting."""
        # a sub-sitemap last changed before `since` holds no newer story; a listing last
        # changed before `since` lists no newer story either
        if self._before_since(entry.lastmod if kind == "sitemapindex" else entry.date):
            self.crawler.stats.inc_value("discovery/skipped_before_since")
            return None
        if (loc := self.resolve(base, entry.loc)) is None:
            return None
        if kind == "sitemapindex":
            return self.discovery_request(loc, self.parse_sitemap)
        if self.story_url is None and url_kind(loc) == "listing":
            return self.discovery_request(loc, self.parse_page)
        via = "news_sitemap" if entry.news_published or entry.news_title else "sitemap"
        hints = {
            "title": entry.news_title,
            "published": entry.news_published,
            "date": entry.lastmod,
            "language": entry.news_language,
            "source": entry.news_publication,
        }
        return self.story_request(loc, via=via, hints=hints)

    @cached_property
    def sitemap_max_size(self) -> int:
        """``SITEMAP_MAX_SIZE``: what a gzip sitemap may inflate to (0: no limit)."""
        return self.crawler.settings.getint("SITEMAP_MAX_SIZE", MAX_SIZE)

    def count_unread_sitemaps(self) -> None:
        """At close: count the entries of sitemaps the crawl stopped reading (``max_items``
        reached, a shutdown), so a run says its sitemaps were not exhausted."""
        reading, self.sitemaps_reading = self.sitemaps_reading, {}
        if not reading:
            return
        unread = sum(reader.count_unread() for reader in reading)
        stats = self.crawler.stats
        stats.inc_value("discovery/sitemaps_unfinished", len(reading))
        stats.inc_value("discovery/entries_unread_at_close", unread)
        logger.info("The crawl closed before reading %(n)d entries of %(s)d sitemap(s), "
                    "e.g. %(url)s", {"n": unread, "s": len(reading), "url": next(iter(
                        reading.values()))})

    def read_feed(self, response: Response) -> Feed | None:
        """The feed, or ``None`` (counted and logged) when it is not one or reports an error."""
        feed = parse_feed(response.body)
        if feed is None:
            if response.status == 200:
                self.crawler.stats.inc_value("discovery/invalid_feed")
                logger.warning("Not a feed: %(url)s", {"url": response.url})
            return None
        self.crawler.stats.inc_value(f"discovery/feed_{feed.kind}")
        if (message := feed_error(feed)) is not None:
            self.crawler.stats.inc_value("discovery/feed_error")
            logger.error("Feed error, not an empty news day: %(url)s (HTTP %(status)s) says "
                         "%(message)r", {"url": response.url, "status": response.status,
                                         "message": message})
            return None
        return feed

    def parse_feed(self, response: Response) -> Iterator[Request]:
        feed = self.read_feed(response)
        if feed is None:
            return
        for entry in feed.entries:
            hints = {"title": entry.title, "published": entry.published, "date": entry.updated,
                     "author": entry.author}
            if (link := self.resolve(response.url, entry.link)) is None:
                continue
            if request := self.story_request(link, via=feed.kind, hints=hints):
                yield request

    def listing_entries(self, page: Selector) -> Iterator[tuple[str, str | None]]:
        """``(href, date or None)`` of each story a listing page names."""
        for href in page.css(self.listing_links).getall():
            yield href, None

    def parse_listing(self, response: Response) -> Iterator[Request]:
        """A page of ``listing_urls``: the stories its ``listing_links`` name, then its next
        page while it lists stories not seen before that are not all older than ``since``."""
        if not isinstance(response, TextResponse):
            return
        page = Selector(response)  # not response.selector: that one is a cycle with the response
        base = base_of(page.root, response.url)
        new = fresh = 0
        for href, date in self.listing_entries(page):
            if (absolute := self.resolve(base, href)) is None:
                continue
            url = url_query_cleaner(absolute, self.tracking_params, remove=True)
            if url in self.listed:
                continue
            self.listed.add(url)
            new += 1
            fresh += not self._before_since(date)
            if request := self.story_request(url, via="listing", hints={"published": date}):
                yield request
        number = response.meta.get(LISTING_PAGE, 1)
        if number >= self.listing_pages or not new or not fresh:
            return
        link = page.css(self.listing_next).get()
        absolute = self.resolve(base, link) if link else None
        if (url := next_page_url(response.url, absolute, self.listing_page_param)) is None:
            return
        self.crawler.stats.inc_value("discovery/listing_pages_followed")
        # built from the fetched URL: already on the mirror, so not rebased again
        yield Request(url, callback=self.parse_listing, errback=self.download_failed,
                      priority=DISCOVERY_PRIORITY, meta={DISCOVERY: True, LISTING_PAGE: number + 1})

    def parse_page(self, response: Response) -> Iterable[Article | Request]:
        """A fetched story page: one item, unless it is older than ``since``."""
        if not self.is_page(response):
            return
        parser = self.parser_for(response)(response, hints=response.meta.get(HINTS))
        yield from self.story_items(parser)

    def parser_for(self, response: TextResponse) -> Callable[..., ArticleParser]:
        """The parser for this page (a class, or a function called like one); sites with
        several layouts pick by page markers."""
        return self.parser_class

    def story_items(self, parser: ArticleParser) -> Iterator[Article]:
        item = parser.to_item()
        stats = self.crawler.stats
        stats.inc_value(f"parser/pages/{parser.name}")
        for name in parser.fallbacks:
            # a site selector found nothing: a layout change shows up here first
            stats.inc_value(f"parser/fallback/{parser.name}/{name}")
        if parser.bad_urls:
            # a canonical or og:url that is no URL ("http://[::1"): the fetched URL was kept
            stats.inc_value("parser/bad_url", parser.bad_urls)
        if self.since and item.published and before_since(item.published, self.since):
            self.crawler.stats.inc_value("discovery/story_before_since")
            return
        yield item

    def is_page(self, response: Response) -> TypeGuard[TextResponse]:
        """Whether the response is a page to parse; what is not is counted by what it is."""
        if not isinstance(response, TextResponse):
            self.crawler.stats.inc_value("discovery/not_html")
            return False
        if not response.body.strip():
            self.crawler.stats.inc_value("discovery/empty_page")
            logger.info("Empty page: %(url)s", {"url": response.url})
            return False
        if is_binary(response.body):
            # an image or a PDF served as text/html would parse into a page of noise
            self.crawler.stats.inc_value("discovery/binary")
            logger.info("Binary data served as text: %(url)s", {"url": response.url})
            return False
        if tolerate_bad_base(response):
            self.crawler.stats.inc_value("parser/bad_url")  # <base href="http://[::1">
        return True

    def download_failed(self, failure: Failure) -> Failure:
        """Errback of every request: ``download/ignored/<reason>`` (a gzip bomb, a redirect
        loop, ...: see :mod:`newscrawler.ignored`); Scrapy logs the rest."""
        return count_ignored(self.crawler.stats, failure)

    # --- helpers --------------------------------------------------------------------------
    def _before_since(self, value: str | None) -> bool:
        if not self.since or not value:
            return False
        iso = parse_date(value)
        return iso is not None and before_since(iso, self.since)

    def _bad_gzip(self, response: Response, error: Exception | str) -> None:
        self.crawler.stats.inc_value("discovery/bad_gzip")
        logger.warning("Cannot gunzip %(url)s: %(error)s", {"url": response.url, "error": error})
