"""Level 2 of repeated content: paragraphs a site prints under many different stories.

Known wire tails are stripped from the first page; other paragraphs are learned
per host from how many distinct stories carry them, counted in the state store.
Counting happens when an item leaves the pipelines (``item_scraped``, or a drop
as a duplicate), once the duplicates stage has said whether it is a new story
or a copy (its ``story_decided`` signal): copies of one story never make its text
look like boilerplate.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler

from newscrawler.components import at_least, attach, positive_days, require
from newscrawler.dedup.boilerplate import learnable_hashes, strip_boilerplate
from newscrawler.dedup.index import Decision, story_host
from newscrawler.dedup.repeats import split_paragraphs
from newscrawler.extensions.state import DEFAULT_BOILERPLATE_EXPIRY_DAYS, StateStoreExtension
from newscrawler.pipelines.duplicates import Duplicate, story_decided
from newscrawler.storeapi import StateStore
from newscrawler.utils.bounds import WINDOW_BLOCKS, bounded
from newscrawler.utils.text import join_blocks

logger = logging.getLogger(__name__)

FLAG = "boilerplate_removed"
DEFAULT_MIN_STORIES = 10


@dataclass
class _Learning:
    """An item's paragraphs, counted when it leaves the pipelines."""

    host: str
    hashes: list[int]
    decision: Decision | None = None
    """What the duplicates stage said of it, when that stage is on."""


class BoilerplatePipeline:
    """``BOILERPLATE_ENABLED``, ``BOILERPLATE_MIN_STORIES``, ``BOILERPLATE_LEARN``."""

    crawler: Crawler

    def __init__(self, min_stories: int = DEFAULT_MIN_STORIES, learn: bool = True) -> None:
        self.min_stories = min_stories
        self.learn = learn
        self.state: StateStoreExtension | None = None
        self.store: StateStore | None = None
        self._learning: dict[str, _Learning] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        require(settings, "BOILERPLATE_ENABLED")
        min_stories = at_least(settings, "BOILERPLATE_MIN_STORIES", DEFAULT_MIN_STORIES, 2)
        positive_days(settings, "BOILERPLATE_EXPIRY_DAYS", DEFAULT_BOILERPLATE_EXPIRY_DAYS)
        pipeline = attach(cls(min_stories, settings.getbool("BOILERPLATE_LEARN", True)), crawler)
        if pipeline.learn:
            pipeline.state = StateStoreExtension.of(crawler)
            crawler.signals.connect(pipeline.story_decided, signal=story_decided)
            crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
            crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    async def open_spider(self) -> None:
        if self.state is not None:
            self.store = await self.state.open()

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
        if self.state is not None and self.store is not None:
            hashes = learnable_hashes(paragraphs)
            learned = await self.state.item_call(self.store.boilerplate, host, hashes,
                                                 self.min_stories)
            if adapter.get("id"):
                self._learning[adapter["id"]] = _Learning(host, hashes)
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

    def story_decided(self, item_id: str, decision: Decision) -> None:
        if (learning := self._learning.get(item_id)) is not None:
            learning.decision = decision

    def _count(self, item: Any, copy_only: bool) -> None:
        learning = self._learning.pop(ItemAdapter(item).get("id") or "", None)
        if learning is None or self.state is None or self.store is None:
            return
        decision = learning.decision
        if decision is not None and not decision.new_id:
            return  # this URL was counted when first seen
        new_cluster = not copy_only and (decision is None or not decision.duplicate)
        self.state.submit(self.store.count_paragraphs, learning.host, learning.hashes,
                          new_cluster=new_cluster, now=time.time())

    def item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        self._count(item, copy_only=False)

    def item_dropped(self, item: Any, response: Any, exception: BaseException,
                     spider: Any) -> None:
        if isinstance(exception, Duplicate):
            self._count(item, copy_only=True)
        else:
            self._learning.pop(ItemAdapter(item).get("id") or "", None)
