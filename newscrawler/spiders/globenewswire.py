"""``scrapy crawl globenewswire``: GlobeNewswire releases from its open RSS feeds."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from newscrawler.parsers.globenewswire import GlobeNewswireParser
from newscrawler.spiders.base import NewsSpider


class GlobeNewswireSpider(NewsSpider):
    """The public-companies and press-release feeds (the last 20 releases each).

    A release often sits in both feeds; it is fetched once.
    """

    name = "globenewswire"
    allowed_domains: ClassVar[list[str]] = ["globenewswire.com"]
    feed_urls = (
        ("https://www.globenewswire.com/RssFeed/orgclass/1/feedTitle/"
         "GlobeNewswire%20-%20News%20About%20Public%20Companies"),
        ("https://www.globenewswire.com/RssFeed/subjectcode/72-Press%20Releases/feedTitle/"
         "GlobeNewswire%20-%20Press%20Releases"),
    )
    story_url = re.compile(r"^/news-release/\d{4}/\d{2}/\d{2}/\d+/")
    parser_class = GlobeNewswireParser
    custom_settings: ClassVar[dict[str, Any]] = {"DOWNLOAD_DELAY": 0.5}
