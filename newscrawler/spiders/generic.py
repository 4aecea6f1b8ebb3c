"""``scrapy crawl generic -a url=URL``: any news site, from its root, a sitemap or a feed."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urlsplit

from lxml import etree
from scrapy import Request
from scrapy.http import Response, TextResponse

from newscrawler.arguments import parse_start_urls
from newscrawler.components import at_least
from newscrawler.discovery.feeds import FEED_TYPES
from newscrawler.discovery.links import base_of, page_links
from newscrawler.items import Article
from newscrawler.meta import DISCOVERY_RETRY, HINTS, NAMED_BY_START
from newscrawler.spiders.base import NewsSpider
from newscrawler.spiders.storypages import StoryPages
from newscrawler.utils.sniff import sniff
from newscrawler.utils.urls import canonicalize, host_of, is_same_site, url_kind

# Feeds a page announces in its <head>.
_FEED_LINKS = etree.XPath("//link[@rel='alternate'][@href][@type]")

logger = logging.getLogger(__name__)

# links followed from one page (DISCOVERY_MAX_LINKS_PER_PAGE): a big news home page or
# archive day links a few thousand
MAX_LINKS_PER_PAGE = 10_000

# Listing pages are fetched before unknown pages, stories before both; stories that sitemaps
# and feeds list (priority 10) before stories found by links, which are more often copies;
# robots.txt, sitemaps and feeds themselves (DISCOVERY_PRIORITY, 20) before everything.
# pages remembered as judged "not a story" (about 70 bytes each)
MAX_JUDGED_OTHER = 500_000

PRIORITY = {"article": 8, "listing": 5, "unknown": 0}


class GenericSpider(StoryPages, NewsSpider):
    """Crawls one or more news sites and stays on them.

    Discovery: robots.txt ``Sitemap:`` lines (``/sitemap.xml`` when there are
    none), sitemap indexes and sitemaps (gzip too), Google News sitemaps, RSS
    and Atom feeds (the URL given and ``<link rel=alternate>``), listing
    pages with ``rel=next`` and in-site links. Sitemap and feed dates are
    checked against ``-a since=`` before a story is fetched.
    """

    name = "generic"
    spider_arguments: ClassVar[tuple[str, ...]] = ("url", *NewsSpider.spider_arguments)

    def __init__(self, *args: Any, url: str | list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seed_urls = parse_start_urls(url)
        crawled = [self.rebase(u) for u in self.seed_urls]
        # read as given whatever their scheme (a local file too): the user chose them
        self.start_urls = crawled
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in crawled} - {""})
        # links are followed on these sites only (hosts compared without port or "www.")
        self.site_hosts = frozenset(host_of(u) for u in crawled)
        # links already followed (the scheduler's duplicate filter would drop them too, after
        # building, scheduling and fingerprinting a request for each). Kept as 64-bit string
        # hashes, a third of the URLs' memory: a collision (odds ~3e-8 in a run of a million
        # links) would skip one link, which the next run's feeds and sitemaps list again.
        self.followed: set[int] = set()
        # pages read as "not a story" (hashes as above): a sitemap or feed that later names
        # one as a story gets it read again, past the duplicate filter, instead of losing it
        self.judged_other: set[int] = set()
        # pages a link scheduled that a sitemap or feed named a story before they were read:
        # the duplicate filter drops the story request, the link's read must be the story's
        self.named_in_flight: set[int] = set()

    @classmethod
    def check_arguments(cls, **kwargs: str) -> None:
        super().check_arguments(**kwargs)
        parse_start_urls(kwargs.get("url"))

    async def start(self) -> AsyncIterator[Request]:
        roots: set[str] = set()
        for url in self.seed_urls:
            parts = urlsplit(url)
            meta: dict[str, Any] = {DISCOVERY_RETRY: True}
            if parts.scheme not in ("http", "https"):
                # a local file: no server to be polite to, no delay between files
                meta["download_slot"] = url
            request = self.discovery_request(url, self.parse_page, dont_filter=True, meta=meta)
            # a start request passes the duplicate filter unrecorded: the links back to it
            # (the site's menu, a listing naming the story) must not fetch it a second time
            self.followed.add(hash(self.link_url(url)))
            yield request
            root = f"{parts.scheme}://{parts.netloc}"
            if root not in roots and parts.scheme in ("http", "https"):
                roots.add(root)
                yield self.discovery_request(f"{root}/robots.txt", self.parse_robots)

    def parse_page(self, response: Response,
                   ) -> Iterable[Article | Request] | AsyncIterator[Request]:
        """Any fetched URL: a site root, listing, story, sitemap or feed (found by content;
        a sitemap's requests come as an async iterator)."""
        if (response.status >= 400 and response.meta.get(DISCOVERY_RETRY)
                and response.meta.get("redirect_urls")):
            # a start URL redirected to an error page, still there after the retries
            # (DiscoveryRetryMiddleware): not the site the user named
            return []
        if response.meta.get(DISCOVERY_RETRY) and urlsplit(response.url).scheme not in (
                "http", "https"):
            # a local file given as -a url= (the fetch policy refuses any other)
            return self._named_by_start(self._parse_by_kind(response, self.parse_local_page))
        return self._parse_by_kind(response)

    def parse_local_page(self, response: Response) -> Iterator[Article]:
        """A saved page the user handed over: its story, read as one (the pipelines judge
        it and say why when they drop it). Its links and feeds lead to the live site the
        page was saved from, which the user did not name: none is followed."""
        if not self.is_page(response):
            return
        self.crawler.stats.inc_value("discovery/pages/story")
        yield from self.story_items(self.parser_class(response, hints=response.meta.get(HINTS)))

    def _parse_by_kind(self, response: Response,
                       html: Callable[[Response], Iterable[Any]] | None = None,
                       ) -> Iterable[Article | Request] | AsyncIterator[Request]:
        """The response read as what its content is; a page by ``html`` (default:
        :meth:`parse_html`)."""
        kind = sniff(response.body)
        if kind in ("sitemap", "sitemapindex", "gzip"):
            return self.parse_sitemap(response)
        if kind == "feed":
            return self.parse_feed(response)
        return (html or self.parse_html)(response)

    def parse_html(self, response: Response) -> Iterator[Article | Request]:
        if not self.is_page(response):
            return
        parser = self.parser_class(response, hints=response.meta.get(HINTS))
        try:
            items = list(self.page_items(parser))
        except Exception as exc:  # noqa: BLE001 - raised again below, after the links
            items, error = [], exc
        else:
            error = None
        yield from items
        if response.status == 200:
            yield from self.follow(response, parser.meta.links, parser.root)
        if error is not None:
            # the page's links are followed first: a story that cannot be read (reported by
            # Scrapy's spider_error, a rejects line with reason "error") loses no links
            raise error

    def not_a_story(self, url: str) -> None:
        if len(self.judged_other) < MAX_JUDGED_OTHER:
            self.judged_other.add(hash(url))

    def story_request(self, url: str, **kwargs: Any) -> Request | None:
        request = super().story_request(url, **kwargs)
        if request is not None and hash(request.url) in self.judged_other:
            # already read by a link and judged no story: the sitemap or feed says it is one
            self.judged_other.discard(hash(request.url))
            self.crawler.stats.inc_value("discovery/stories/refetched")
            return request.replace(dont_filter=True)
        if (request is not None and hash(request.url) in self.followed
                and len(self.named_in_flight) < MAX_JUDGED_OTHER):
            self.named_in_flight.add(hash(request.url))
        return request

    def follow(self, response: TextResponse, links: dict[str, list[str]],
               root: etree._Element) -> Iterator[Request]:
        """Feeds announced in ``<head>``, ``rel=next`` pagination, then in-site links."""
        base = base_of(root, response.url)
        for el in _FEED_LINKS(root):
            kind = el.attrib.get("type", "").split(";")[0].strip().lower()
            if kind in FEED_TYPES[:4] and (url := self.resolve(base, el.attrib["href"])):
                yield self.feed_request(url)
        for href in links.get("next", []):
            if (url := self.resolve(base, href)) is not None:
                yield Request(self.rebase(url), callback=self.parse_page,
                              errback=self.download_failed, priority=PRIORITY["listing"])
        for n, link in enumerate(page_links(root, response.url, self.count_bad_url)):
            if n == self.max_links:
                self._links_capped(response.url)
                break
            if not is_same_site(link, self.site_hosts):
                self.crawler.stats.inc_value("discovery/links_offsite")
                continue
            url = self.link_url(link)
            key = hash(url)
            if key in self.followed:
                continue  # site chrome links every page to the same pages: schedule them once
            self.followed.add(key)
            if not self.robots_allow(url):
                self.crawler.stats.inc_value("discovery/links_disallowed")
                continue
            yield Request(url, callback=self.parse_page, errback=self.download_failed,
                          priority=PRIORITY[url_kind(link)])

    def link_url(self, url: str) -> str:
        """Where a link to ``url`` is fetched, and what :attr:`followed` knows it by: tracking
        parameters never change a page (one fetch per story, not per campaign)."""
        return self.rebase(canonicalize(url))

    @cached_property
    def max_links(self) -> int | None:
        """``DISCOVERY_MAX_LINKS_PER_PAGE``: links read from one page (``None``: all).

        A news page links a few hundred pages; a hostile one pads itself with 300,000
        links, each a request to build, fingerprint and queue."""
        return at_least(self.crawler.settings, "DISCOVERY_MAX_LINKS_PER_PAGE",
                        MAX_LINKS_PER_PAGE, 0, "no limit") or None

    def _links_capped(self, url: str) -> None:
        stats = self.crawler.stats
        if not stats.get_value("discovery/pages_over_link_cap"):
            logger.warning("%(url)s links more than %(cap)d pages; only the first %(cap)d are "
                           "followed (DISCOVERY_MAX_LINKS_PER_PAGE; further pages are counted "
                           "in discovery/pages_over_link_cap, not logged)",
                           {"url": url, "cap": self.max_links})
        stats.inc_value("discovery/pages_over_link_cap")

    @staticmethod
    def _named_by_start(results: Iterable[Article | Request] | AsyncIterator[Request],
                        ) -> Iterable[Article | Request] | AsyncIterator[Request]:
        """A local file the user gave names the sites to crawl (http/https only)."""
        if isinstance(results, AsyncIterator):
            return _named_async(results)
        return _named(results)


def _named(results: Iterable[Article | Request]) -> Iterator[Article | Request]:
    for result in results:
        if isinstance(result, Request):
            result.meta[NAMED_BY_START] = True
        yield result


async def _named_async(results: AsyncIterator[Request]) -> AsyncIterator[Request]:
    # a sitemap (read as an async generator, see NewsSpider.parse_sitemap)
    async for result in results:
        if isinstance(result, Request):
            result.meta[NAMED_BY_START] = True
        yield result
