"""Level 1 of repeated content: paragraphs, ID lines and blocks a page prints twice.

Wire aggregators (MENAFN among them) print a story's paragraphs twice, or the
ID line at the top and the bottom; the copies are collapsed to their first
occurrence (:func:`newscrawler.dedup.repeats.collapse_repeats`) and the item
is flagged ``repeated_paragraphs_removed``. On a big page near-repeats are looked for
in a bounded number of comparisons (:mod:`newscrawler.utils.bounds`).
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.utils.deprecate import create_deprecated_class

from newscrawler.components import SwitchedComponent
from newscrawler.dedup.repeats import collapse, split_paragraphs
from newscrawler.utils.bounds import bounded
from newscrawler.utils.text import join_blocks

logger = logging.getLogger(__name__)

FLAG = "repeated_paragraphs_removed"


class RepeatsPipeline(SwitchedComponent):
    """``REPEATS_ENABLED`` (default ``True``) switches it off."""

    switch = "REPEATS_ENABLED"

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
            self.crawler.stats.inc_value("dupes/repeats/paragraphs_removed", removed)
            self.crawler.stats.inc_value("dupes/repeats/items")
            logger.debug("Collapsed %(n)d repeated paragraphs in %(url)s",
                         {"n": removed, "url": adapter.get("url")})
        return item


RepeatedParagraphsPipeline = create_deprecated_class(
    "RepeatedParagraphsPipeline", RepeatsPipeline,
    new_class_path="newscrawler.pipelines.repeats.RepeatsPipeline")
"""The stage's name before it was called repeats everywhere; kept for one release."""
