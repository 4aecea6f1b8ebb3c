"""Levels 3 and 4 of repeated content: the same story under another URL, on another
wire, or in an earlier run.

The first copy of a story goes to the feed; later copies are dropped as
:class:`Duplicate` (a line in the rejects file with ``duplicate_of``,
``similarity`` and ``match``), or kept and marked with ``duplicate_of`` when
``DUPLICATES_POLICY = "mark"``. Every item gets the ``cluster_id`` all copies
share. The decision is :class:`newscrawler.dedup.index.DuplicateIndex`'s.

Crash safety: the decision and the claim are written in ``process_item`` (so two
copies in flight cannot both be kept), but a claim counts as *exported* only once the
run's feed is durable: the state store extension keeps that ledger
(:mod:`newscrawler.extensions.state`). An item a later stage drops (or that fails in one)
gives its claim back. Each decision is announced with the :data:`story_decided` signal
(the boilerplate stage counts a story's paragraphs by it).

Incremental runs: a URL an earlier run exported comes back ``unchanged`` (dropped
quietly, counted ``incremental/unchanged``, no rejects line) or, when its text
changed materially, is exported again with ``version`` + 1 and its ``modified`` date
(the page's, else the date discovery gave; never the crawl time).
"""

from __future__ import annotations

import time
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newscrawler.components import attach, positive_days, require
from newscrawler.dedup.boilerplate import strip_boilerplate
from newscrawler.dedup.fingerprint import content_hash, story_core
from newscrawler.dedup.index import (
    DEFAULT_CHANGE_THRESHOLD,
    DEFAULT_THRESHOLDS,
    Decision,
    DuplicateIndex,
    Story,
)
from newscrawler.dedup.minhash import Thresholds
from newscrawler.dedup.repeats import split_paragraphs
from newscrawler.exceptions import Rejected
from newscrawler.extensions.state import DEFAULT_DUPLICATES_EXPIRY_DAYS, StateStoreExtension
from newscrawler.incremental import discovery_date
from newscrawler.utils.bounds import bounded, exceeds

POLICIES = ("drop", "mark")

story_decided = object()
"""Signal sent with ``item_id`` and ``decision`` (a :class:`Decision`) once the stage has
looked an item up and claimed it, before the item goes on."""


class Duplicate(Rejected):
    """A later copy of a story already exported."""


class Unchanged(DropItem):
    """A story an earlier run exported, fetched again with no material change (not a reject:
    nothing is wrong with the page; counted ``incremental/unchanged``)."""


def _unit_interval(crawler: Crawler, name: str, default: float) -> float:
    value = crawler.settings.getfloat(name, default)
    if not 0 < value <= 1:
        raise ValueError(f"{name} must be in (0, 1], not {value!r}")
    return value


def item_hints(adapter: ItemAdapter) -> dict[str, Any]:
    """What discovery said of the item's page before it was fetched."""
    return getattr(adapter.get("evidence"), "hints", None) or {}


def item_story(adapter: ItemAdapter) -> Story:
    """The parts of an item levels 3-4 compare."""
    paragraphs, _ = strip_boilerplate(split_paragraphs(adapter.get("body") or ""))
    core = story_core(paragraphs)
    found = discovery_date(item_hints(adapter))
    return Story(str(adapter.get("id")), str(adapter.get("canonical_url") or adapter.get("url")),
                 core, content_hash(core), discovered=found[0] if found else None)


class DuplicatesPipeline:
    """``DUPLICATES_ENABLED``, ``DUPLICATES_POLICY``, ``DUPLICATES_NEAR_*``,
    ``INCREMENTAL_CHANGE_THRESHOLD``, ``STATE_URI``."""

    crawler: Crawler

    def __init__(self, policy: str = "drop", near: bool = True,
                 thresholds: Thresholds = DEFAULT_THRESHOLDS,
                 change_threshold: float = DEFAULT_CHANGE_THRESHOLD) -> None:
        self.policy = policy
        self.near = near
        self.thresholds = thresholds
        self.change_threshold = change_threshold
        self.state: StateStoreExtension | None = None
        self.index: DuplicateIndex | None = None
        self.claims: dict[str, Decision] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        require(settings, "DUPLICATES_ENABLED")
        policy = str(settings.get("DUPLICATES_POLICY", "drop")).strip().lower()
        if policy not in POLICIES:
            raise ValueError(f"DUPLICATES_POLICY must be one of {POLICIES}, not {policy!r}")
        positive_days(settings, "DUPLICATES_EXPIRY_DAYS", DEFAULT_DUPLICATES_EXPIRY_DAYS)
        thresholds = Thresholds(
            jaccard=_unit_interval(crawler, "DUPLICATES_NEAR_THRESHOLD", Thresholds.jaccard),
            containment=_unit_interval(crawler, "DUPLICATES_CONTAINMENT_THRESHOLD",
                                       Thresholds.containment),
        )
        change = _unit_interval(crawler, "INCREMENTAL_CHANGE_THRESHOLD",
                                DEFAULT_CHANGE_THRESHOLD)
        pipeline = attach(cls(policy, settings.getbool("DUPLICATES_NEAR_ENABLED", True),
                              thresholds, change), crawler)
        pipeline.state = StateStoreExtension.of(crawler)
        pipeline.state.record_exports()
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.item_error, signal=signals.item_error)
        return pipeline

    async def open_spider(self) -> None:
        assert self.state is not None
        store = await self.state.open()
        self.index = DuplicateIndex(store, self.state.run, near=self.near,
                                    thresholds=self.thresholds,
                                    change_threshold=self.change_threshold,
                                    claim_copies=self.policy == "mark")

    async def close_spider(self) -> None:
        # every item has left the pipelines: the extension publishes the run's claims
        self.index = None

    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if not adapter.get("body") or not adapter.get("id") or self.index is None:
            return item
        assert self.state is not None
        story = item_story(adapter)
        if self.near and exceeds(story.core):
            bounded(self.crawler, adapter, "duplicates")
        decision = await self.state.item_call(self.index.check_and_claim, story, time.time())
        self.claims[story.id] = decision
        self.crawler.signals.send_catch_log(story_decided, item_id=story.id, decision=decision)
        adapter["cluster_id"] = decision.cluster_id
        stats = self.crawler.stats
        stats.inc_value("dupes/checked")
        if decision.unchanged:
            self.claims.pop(story.id, None)
            stats.inc_value("incremental/unchanged")
            raise Unchanged(f"unchanged since exported (version {decision.version}, "
                            f"similarity {decision.similarity or 1.0:.3f}): "
                            f"{adapter.get('url')}", log_level="DEBUG")
        if "version" in adapter:
            adapter["version"] = decision.version
        if decision.version > 1:
            stats.inc_value("incremental/new_version")
            if not adapter.get("modified") and "modified" in adapter:
                # the page gives no date of its change: the date discovery gave, never now
                found = discovery_date(item_hints(adapter))
                adapter["modified"] = found[1] if found else None
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
        # the feed exporter took it: the claim stays this run's until the feed is published
        self.claims.pop(ItemAdapter(item).get("id") or "", None)

    def item_error(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        self.item_dropped(item, response, failure.value, spider)

    def item_dropped(self, item: Any, response: Any, exception: BaseException,
                     spider: Any) -> None:
        story_id = ItemAdapter(item).get("id") or ""
        decision = self.claims.pop(story_id, None)
        if decision is None or self.state is None or isinstance(exception, Duplicate):
            return
        if not decision.same_url:  # a later stage refused it: give the claim back
            self.state.submit(self.state.opened.forget, story_id, self.state.run)
