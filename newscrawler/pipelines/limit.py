"""Stop at exactly ``-a max_items=N`` exported items.

Scrapy's ``CLOSESPIDER_ITEMCOUNT`` starts closing the spider at N items, but
pages already downloaded still produce items while it closes; this last stage
drops those, so the feed holds exactly N.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from newscrawler.components import attach


class ItemLimitReached(DropItem):
    """An item that came after the run's item limit."""


class MaxItemsPipeline:
    """Reads ``CLOSESPIDER_ITEMCOUNT`` (set by ``-a max_items=``); off when it is 0."""

    crawler: Crawler

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.passed = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        limit = crawler.settings.getint("CLOSESPIDER_ITEMCOUNT")
        if limit <= 0:
            raise NotConfigured("no item limit")
        return attach(cls(limit), crawler)

    def process_item(self, item: Any) -> Any:
        if self.passed >= self.limit:
            self.crawler.stats.inc_value("limit/dropped")
            raise ItemLimitReached(f"item limit {self.limit} reached", log_level="DEBUG")
        self.passed += 1
        return item
