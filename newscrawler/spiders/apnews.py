"""``scrapy crawl apnews``: AP News stories from its sitemap and its Google News sitemap."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from scrapy.http import TextResponse

from newscrawler.parsers.apnews import ApNews2024Parser, apnews_parser
from newscrawler.parsers.base import ArticleParser
from newscrawler.spiders.base import NewsSpider


class ApNewsSpider(NewsSpider):
    """AP has no official RSS; its sitemap index and news sitemap list every story.

    Only ``/article/`` URLs are stories (hubs and videos are skipped before they are
    fetched); each page is parsed by the layout it carries (2024 or 2023).
    """

    name = "apnews"
    allowed_domains: ClassVar[list[str]] = ["apnews.com"]
    sitemap_urls = ("https://apnews.com/news-sitemap-content.xml", "https://apnews.com/sitemap.xml")
    story_url = re.compile(r"^/article/[^/]*[0-9a-f]{32}$")
    parser_class = ApNews2024Parser
    custom_settings: ClassVar[dict[str, Any]] = {"DOWNLOAD_DELAY": 0.5}

    def parser_for(self, response: TextResponse) -> Callable[..., ArticleParser]:
        return apnews_parser  # picks the layout on the tree it then parses with
