"""``scrapy crawl prnewswire``: PR Newswire releases from its RSS feed and its releases list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from scrapy.selector import Selector

from newscrawler.parsers.prnewswire import PrNewswireParser
from newscrawler.spiders.base import NewsSpider
from newscrawler.utils.dates import parse_date


class PrNewswireSpider(NewsSpider):
    """The all-releases RSS feed (about 20 items, under two hours) and the releases list.

    Feed dates (and ``dc:contributor``, the issuer) are known before a release is
    fetched. The list is paginated (``?page=2&pagesize=25``): up to ``listing_pages`` pages
    are read, fewer when a page lists nothing new or only releases older than ``-a since=``.
    Cards of today's releases print only a time (``16:05 ET``), older ones the date too
    (``Apr 24, 2025, 16:05 ET``); a release without a card date is checked against
    ``since`` on the page's own date.
    """

    name = "prnewswire"
    allowed_domains: ClassVar[list[str]] = ["prnewswire.com"]
    feed_urls = ("https://www.prnewswire.com/rss/news-releases-list.rss",)
    listing_urls = ("https://www.prnewswire.com/news-releases/news-releases-list/",)
    story_url = re.compile(r"/news-releases/[^/]+-\d{9}\.html$")
    parser_class = PrNewswireParser
    custom_settings: ClassVar[dict[str, Any]] = {"DOWNLOAD_DELAY": 1.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}

    listing_links = "div.card.col-view a.newsreleaseconsolidatelink"
    listing_next = "ul.pagination a[aria-label=Next]::attr(href), a[rel=next]::attr(href)"
    listing_pages = 10
    # list links carry PR Newswire's own campaign tag (?tc=eml_cleartime): one release, one fetch
    tracking_params = ("tc",)

    def listing_entries(self, page: Selector) -> Iterator[tuple[str, str | None]]:
        for card in page.css(self.listing_links):
            if href := card.attrib.get("href"):
                shown = " ".join(card.css("h3 small ::text").getall()).strip()
                yield href, parse_date(shown) if shown else None
