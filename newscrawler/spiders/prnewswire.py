"""``scrapy crawl prnewswire``: PR Newswire releases from its RSS feed and its releases list."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from newscrawler.parsers.prnewswire import PrNewswireParser
from newscrawler.spiders.base import NewsSpider


class PrNewswireSpider(NewsSpider):
    """The all-releases RSS feed (about 20 items, under two hours) and the releases list.

    Feed dates (and ``dc:contributor``, the issuer) are known before a release is
    fetched; list cards carry only a time, so their releases are checked against
    ``-a since=`` on the page's own date.
    """

    name = "prnewswire"
    allowed_domains: ClassVar[list[str]] = ["prnewswire.com"]
    feed_urls = ("https://www.prnewswire.com/rss/news-releases-list.rss",)
    listing_urls = ("https://www.prnewswire.com/news-releases/news-releases-list/",)
    story_url = re.compile(r"/news-releases/[^/]+-\d{9}\.html$")
    parser_class = PrNewswireParser
    custom_settings: ClassVar[dict[str, Any]] = {"DOWNLOAD_DELAY": 1.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}

    listing_links = "div.card.col-view a.newsreleaseconsolidatelink::attr(href)"
    # list links carry PR Newswire's own campaign tag (?tc=eml_cleartime): one release, one fetch
    tracking_params = ("tc",)
