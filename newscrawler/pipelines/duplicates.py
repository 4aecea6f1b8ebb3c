"""Levels 3 and 4 of repeated content: the same story under another URL, on another
wire, or in an earlier run.

The first copy of a story goes to the feed; later copies are dropped as
:class:`Duplicate` (a line in the rejects file with ``duplicate_of``,
``similarity`` and ``match``), or kept and marked with ``duplicate_of`` when
``DUPLICATES_POLICY = "mark"``. Every item gets the ``cluster_id`` all copies
share. The decision is :class:`newscrawler.dedup.index.DuplicateIndex`'s.

Crash safety: the decision and the claim are written in ``process_item`` (so two
copies in flight cannot both be kept), but a claim counts as *exported* only
once ``item_scraped`` fires, i.e. after every stage accepted the item and the
feed exporter took it. A claim left by a run that crashed before that is
ignored by the next run, whose copy then takes its place. An item a later stage
drops gives its claim back.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.dedup.boilerplate import strip_boilerplate
from newscrawler.dedup.fingerprint import content_hash, story_core
from newscrawler.dedup.index import DEFAULT_THRESHOLDS, Decision, DuplicateIndex, Story
from newscrawler.dedup.minhash import Thresholds
from newscrawler.dedup.paragraphs import split_paragraphs
from newscrawler.exceptions import Rejected
from newscrawler.pipelines import store as shared

logger = logging.getLogger(__name__)

POLICIES = ("drop", "mark")


class Duplicate(Rejected):
    """A later copy of a story already exported."""


def _unit_interval(crawler: Crawler, name: str, default: float) -> float:
    value = crawler.settings.getfloat(name, default)
    if not 0 < value <= 1:
        raise ValueError(f"{name} must be in (0, 1], not {value!r}")
    return value


def item_story(adapter: ItemAdapter) -> Story:
    """The parts of an item levels 3-4 compare."""
    paragraphs, _ = strip_boilerplate(split_paragraphs(adapter.get("body") or ""))
    core = story_core(paragraphs)
    return Story(str(adapter.get("id")), str(adapter.get("canonical_url") or adapter.get("url")),
                 core, content_hash(core))


class DuplicatesPipeline:
    """``DUPLICATES_ENABLED``, ``DUPLICATES_POLICY``, ``DUPLICATES_NEAR_*``, ``STATE_URI``."""

    crawler: Crawler

    def __init__(self, policy: str = "drop", near: bool = True,
                 thresholds: Thresholds = DEFAULT_THRESHOLDS) -> None:
        self.policy = policy
        self.near = near
        self.thresholds = thresholds
        self.state: shared.CrawlState | None = None
        self.index: DuplicateIndex | None = None
        self.claims: dict[str, Decision] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("DUPLICATES_ENABLED", True):
            raise NotConfigured("DUPLICATES_ENABLED is off")
        policy = str(settings.get("DUPLICATES_POLICY", "drop")).strip().lower()
        if policy not in POLICIES:
            raise ValueError(f"DUPLICATES_POLICY must be one of {POLICIES}, not {policy!r}")
        shared.positive_days(crawler, "DUPLICATES_EXPIRY_DAYS",
                             shared.DEFAULT_DUPLICATES_EXPIRY_DAYS)
        thresholds = Thresholds(
            jaccard=_unit_interval(crawler, "DUPLICATES_NEAR_THRESHOLD", Thresholds.jaccard),
            containment=_unit_interval(crawler, "DUPLICATES_CONTAINMENT_THRESHOLD",
                                       Thresholds.containment),
        )
        pipeline = cls(policy, settings.getbool("DUPLICATES_NEAR_ENABLED", True), thresholds)
        pipeline.crawler = crawler
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        return pipeline

    async def open_spider(self) -> None:
        self.state = await shared.acquire(self.crawler)
        self.index = DuplicateIndex(self.state.store, self.state.run, near=self.near,
                                    thresholds=self.thresholds)

    async def close_spider(self) -> None:
        if self.state is not None:
            self.state = None
            self.index = None
            await shared.release(self.crawler)

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if not adapter.get("body") or not adapter.get("id") or self.state is None:
            return item
        assert self.index is not None
        story = item_story(adapter)
        store = self.state.store
        decision = await store.call(self.index.check_and_claim, story, time.time())
        self.claims[story.id] = decision
        if note := self.state.notes.get(story.id):
            note["decision"] = decision
        adapter["cluster_id"] = decision.cluster_id
        stats = self.crawler.stats
        stats.inc_value("dupes/checked")
        if decision.template_blocked:
            stats.inc_value("dupes/template_guard", decision.template_blocked)
        if not decision.duplicate:
            stats.inc_value("dupes/unique")
            return item
        match = decision.match or "exact"
        stats.inc_value(f"dupes/{match}")
        stats.inc_value(f"dupes/host/{story.host}/{match}")
        if decision.same_url:
            stats.inc_value("dupes/already_exported")
        evidence = {
            "duplicate_of": decision.duplicate_of,
            "similarity": round(decision.similarity or 0.0, 3),
            "match": match,
            "cluster_id": decision.cluster_id,
        }
        if self.policy == "drop" or decision.same_url:
            raise Duplicate(
                "duplicate",
                f"{match} duplicate of {decision.duplicate_of['url']}: {adapter.get('url')}"
                if decision.duplicate_of else f"duplicate: {adapter.get('url')}",
                evidence=evidence,
            )
        adapter["duplicate_of"] = decision.duplicate_of
        return item

    def item_scraped(self, item: Any, response: Any, spider: Any) -> None:
        story_id = ItemAdapter(item).get("id") or ""
        if self.claims.pop(story_id, None) is not None and self.state is not None:
            shared.submit(self.state, self.state.store.mark_exported, story_id, time.time())

    def item_dropped(self, item: Any, response: Any, exception: BaseException,
                     spider: Any) -> None:
        story_id = ItemAdapter(item).get("id") or ""
        decision = self.claims.pop(story_id, None)
        if decision is None or self.state is None or isinstance(exception, Duplicate):
            return
        if not decision.same_url:  # a later stage refused it: give the claim back
            shared.submit(self.state, self.state.store.forget, story_id, self.state.run)
