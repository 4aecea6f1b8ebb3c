"""``scrapy crawl menafn``: MENAFN stories from its RSS feeds."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from newscrawler.parsers.menafn import MenafnParser
from newscrawler.spiders.base import NewsSpider


class MenafnSpider(NewsSpider):
    """Regional RSS feeds under ``/rss/``; their links carry ``?src=RSS``, dropped before fetching.

    MENAFN serves live stories inside an error template, sometimes with a 403: such
    pages still reach the parser, and the cleaning stages judge them.
    """

    name = "menafn"
    allowed_domains: ClassVar[list[str]] = ["menafn.com"]
    feed_urls = ("https://menafn.com/rss/menafn_sa.xml", "https://menafn.com/rss/menafn_energy.xml")
    story_url = re.compile(r"^/\d{10}/[^/]+$")
    parser_class = MenafnParser
    custom_settings: ClassVar[dict[str, Any]] = {"DOWNLOAD_DELAY": 1.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}
