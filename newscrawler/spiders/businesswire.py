"""``scrapy crawl businesswire``: Business Wire releases from its open feed host, feed only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from scrapy.http import Response

from newscrawler.items import Article
from newscrawler.parsers.businesswire import BusinessWireParser
from newscrawler.spiders.base import NewsSpider
from newscrawler.utils.urls import canonicalize


class BusinessWireSpider(NewsSpider):
    """Items straight from ``feed.businesswire.com`` (about 7 days of releases).

    ``www.businesswire.com`` answers every non-browser client with 403 (Akamai),
    robots.txt included, so release pages are never requested: each feed item is
    one item (title, date, release id, dateline and excerpt). A bad feed token
    answers 200 with an empty channel and an error text: that is reported as a feed
    error, never as a quiet news day.
    """

    name = "businesswire"
    allowed_domains: ClassVar[list[str]] = ["feed.businesswire.com"]
    feed_urls = ("https://feed.businesswire.com/rss/home/?rss=G1QFDERJXkJcFVJYWQ==",)
    story_url = re.compile(r"^/news/home/\d{14}/[a-z]{2}/")
    parser_class = BusinessWireParser
    # No page is fetched, so there is nothing to probe: a probe would hit the blocked www host.
    custom_settings: ClassVar[dict[str, Any]] = {"SOFT404_PROBE_ENABLED": False}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen_releases: set[str] = set()

    def parse_feed(self, response: Response) -> Iterator[Article]:  # type: ignore[override]
        feed = self.read_feed(response)
        if feed is None:
            return
        stats = self.crawler.stats
        for entry in feed.entries:
            if (url := self.resolve(response.url, entry.link)) is None:
                continue
            link = canonicalize(url)
            hints = {"title": entry.title, "published": entry.published, "date": entry.updated,
                     "summary": entry.summary, "guid": entry.guid, "author": entry.author}
            # story_request applies the story URL and -a since= checks; its request is not sent
            if self.story_request(link, via=feed.kind, hints=hints) is None:
                continue
            parser = BusinessWireParser.from_feed_entry(link, hints, self.rebase(link))
            key = parser.release_id() or link
            if key in self.seen_releases:
                stats.inc_value("discovery/duplicate_feed_entry")
                continue
            self.seen_releases.add(key)
            yield from self.story_items(parser)
