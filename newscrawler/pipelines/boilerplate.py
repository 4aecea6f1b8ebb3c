"""Level 2 of repeated content: paragraphs a site prints under many different stories.

Known wire tails are stripped from the first page; other paragraphs are learned
per host from how many distinct stories carry them, counted in the state store.
Counting happens when an item leaves the pipelines (``item_scraped``, or a drop
as a duplicate), once the duplicates stage has said whether it is a new story
or a copy: copies of one story never make its text look like boilerplate.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler

from newscrawler.components import attach, require
from newscrawler.dedup.boilerplate import learnable_hashes, strip_boilerplate
from newscrawler.dedup.index import story_host
from newscrawler.dedup.repeats import split_paragraphs
from newscrawler.pipelines import store as shared
from newscrawler.pipelines.duplicates import Duplicate
from newscrawler.utils.bounds import WINDOW_BLOCKS, bounded
from newscrawler.utils.text import join_blocks

logger = logging.getLogger(__name__)

FLAG = "boilerplate_removed"
DEFAULT_MIN_STORIES = 10


class BoilerplatePipeline:
    """``BOILERPLATE_ENABLED``, ``BOILERPLATE_MIN_STORIES``, ``BOILERPLATE_LEARN``."""

    crawler: Crawler

    def __init__(self, min_stories: int = DEFAULT_MIN_STORIES, learn: bool = True) -> None:
        self.min_stories = min_stories
        self.learn = learn
        self.state: shared.CrawlState | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        require(settings, "BOILERPLATE_ENABLED")
        min_stories = settings.getint("BOILERPLATE_MIN_STORIES", DEFAULT_MIN_STORIES)
        if min_stories < 2:
            raise ValueError(f"BOILERPLATE_MIN_STORIES must be 2 or more, not {min_stories}")
        shared.positive_days(crawler, "BOILERPLATE_EXPIRY_DAYS",
                             shared.DEFAULT_BOILERPLATE_EXPIRY_DAYS)
        pipeline = attach(cls(min_stories, settings.getbool("BOILERPLATE_LEARN", True)), crawler)
        if pipeline.learn:
            crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
            crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    async def open_spider(self) -> None:
        if self.learn:
            self.state = await shared.acquire(self.crawler)

    async def close_spider(self) -> None:
        if self.state is not None:
            self.state = None
            await shared.release(self.crawler)

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        body = adapter.get("body") or ""
        if not body:
            return item
        paragraphs = split_paragraphs(body)
        if len(paragraphs) > WINDOW_BLOCKS:
            bounded(self.crawler, adapter, "boilerplate")
        host = story_host(adapter.get("canonical_url") or adapter.get("url") or "")
        learned: set[int] = set()
        if self.state is not None:
            hashes = learnable_hashes(paragraphs)
            store = self.state.store
            learned = await shared.item_call(store, store.boilerplate, host, hashes,
                                             self.min_stories)
            if adapter.get("id"):
                self.state.notes[adapter["id"]] = {"host": host, "hashes": hashes}
        kept, removed = strip_boilerplate(paragraphs, learned)
        if removed:
            adapter["body"] = join_blocks(kept)
            if "flags" in adapter:
                adapter["flags"] = [*(adapter.get("flags") or []), FLAG]
            stats = self.crawler.stats
            stats.inc_value("dupes/boilerplate/paragraphs_removed", len(removed))
            stats.inc_value("dupes/boilerplate/items")
            stats.inc_value(f"dupes/host/{host}/boilerplate_removed", len(removed))
        return item

    def _count(self, item: Any, copy_only: bool) -> None:
        if self.state is None:
            return
        note = self.state.notes.pop(ItemAdapter(item).get("id") or "", None)
        if not note:
            return
        decision = note.get("decision")
        if decision is not None and not decision.new_id:
            return  # this URL was counted when first seen
        new_cluster = not copy_only and (decision is None or not decision.duplicate)
        shared.submit(self.state, self.state.store.count_paragraphs, note["host"],
                      note["hashes"], new_cluster=new_cluster, now=time.time())

    def item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        self._count(item, copy_only=False)

    def item_dropped(self, item: Any, response: Any, exception: BaseException,
                     spider: Any) -> None:
        if isinstance(exception, Duplicate):
            self._count(item, copy_only=True)
        elif self.state is not None:
            self.state.notes.pop(ItemAdapter(item).get("id") or "", None)
