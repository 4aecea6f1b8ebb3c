"""Level 1 of repeated content: paragraphs, ID lines and blocks a page prints twice.

Wire aggregators (MENAFN among them) print a story's paragraphs twice, or the
ID line at the top and the bottom; the copies are collapsed to their first
occurrence (:func:`newscrawler.dedup.paragraphs.collapse_repeats`) and the item
is flagged ``repeated_paragraphs_removed``. On a big page near-repeats are looked for
in a bounded number of comparisons (:mod:`newscrawler.utils.bounds`).
"""

from __future__ import annotations

import logging
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.dedup.paragraphs import collapse, split_paragraphs
from newscrawler.utils.bounds import bounded
from newscrawler.utils.text import join_blocks

logger = logging.getLogger(__name__)

FLAG = "repeated_paragraphs_removed"


class RepeatedParagraphsPipeline:
    """``DUPLICATES_WITHIN_PAGE_ENABLED`` (default ``True``) switches it off."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("DUPLICATES_WITHIN_PAGE_ENABLED", True):
            raise NotConfigured("DUPLICATES_WITHIN_PAGE_ENABLED is off")
        pipeline = cls()
        pipeline.crawler = crawler
        return pipeline

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        body = adapter.get("body") or ""
        if not body:
            return item
        result = collapse(split_paragraphs(body))
        kept, removed = result.kept, result.removed
        if result.bounded:
            bounded(self.crawler, adapter, "repeats")
        if removed:
            adapter["body"] = join_blocks(kept)
            if "flags" in adapter:
                adapter["flags"] = [*(adapter.get("flags") or []), FLAG]
            self.crawler.stats.inc_value("dupes/within_page/paragraphs_removed", removed)
            self.crawler.stats.inc_value("dupes/within_page/items")
            logger.debug("Collapsed %(n)d repeated paragraphs in %(url)s",
                         {"n": removed, "url": adapter.get("url")})
        return item
