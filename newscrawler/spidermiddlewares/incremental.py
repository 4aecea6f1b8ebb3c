"""Incremental runs: story pages an earlier run exported are not requested again.

Each request a callback yields for a page that may be a story costs one indexed lookup in
the state store (on its worker thread, awaited: the reactor never waits on disk). When the
story with that URL's id was exported and is not claimed again, the request is dropped
(stat ``incremental/skipped_exported``), unless discovery dates the story later than what
was recorded when it was exported (sitemap ``lastmod``, news date, feed ``updated``): then
it goes out (``incremental/refetch_changed``) and the duplicates stage decides whether its
text changed enough for a new ``version``.

It works on the spider's output, before the scheduler: a request dropped here never reaches
the duplicate filter, so the same story yielded again by another source with a newer date
(a sitemap after the news sitemap) still gets through, and a ``JOBDIR`` never records it.

Only story pages are looked up: requests discovery marked as stories, and followed links.
Feeds, sitemaps, robots.txt (``discovery_request``, ``allow_offsite``), the start requests,
and ``dont_filter`` requests (soft-404 probes) always go out; a listing is never recorded as
exported, so its lookup never matches.

Settings: ``INCREMENTAL_ENABLED`` (default ``True``; off: story pages are fetched again,
and unchanged ones are still not exported again). Off too when ``DUPLICATES_ENABLED`` is
off, since nothing records exports then.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.components import attach, require
from newscrawler.extensions.state import StateStoreExtension
from newscrawler.incremental import discovery_date
from newscrawler.meta import HINTS, STORY
from newscrawler.storeapi import StateStore, StoryRow
from newscrawler.utils.urls import url_id

logger = logging.getLogger(__name__)

# Ids whose lookup the run remembers (oldest forgotten first): memory stays bounded. The
# spider asks for each link once, so a story id comes back mostly from another feed or
# sitemap listing it soon after: a short memory saves those lookups.
KNOWN_MAX = 20_000
# A page's output is looked up in batches of this many (one query per 500 ids); the first
# batches are smaller, so a sitemap the crawl pauses (or closes) after a few entries was not
# parsed a thousand entries ahead.
LOOKUP_BATCH = 1000
FIRST_BATCH = 50
# At most this many orphaned claims are fetched again per run (the rest in the next ones).
ORPHANS_MAX = 5000


def is_story_request(request: Request) -> bool:
    """A request whose page may be a story an earlier run exported."""
    if request.meta.get(STORY):
        return True
    return not (request.dont_filter or request.meta.get("allow_offsite"))


@dataclass(frozen=True, slots=True)
class _Known:
    """What the run needs to remember of a settled export (not the whole row)."""

    exported_at: float | None
    discovered: float | None
    version: int
    settled: bool = True


def exported_unchanged(row: StoryRow | _Known | None,
                       hints: dict[str, Any] | None) -> bool | None:
    """``True``: exported and discovery gives no later date (skip it); ``False``: exported
    but dated later since (fetch it again); ``None``: not a settled export."""
    if row is None or not row.settled:
        return None
    found = discovery_date(hints)
    recorded = row.discovered if row.discovered is not None else row.exported_at
    return not (found is not None and recorded is not None and found[0] > recorded)


class SkipExportedMiddleware:
    crawler: Crawler

    def __init__(self, state: StateStoreExtension) -> None:
        self.state = state
        self.store: StateStore | None = None
        # ids looked up this run: a settled export's dates, or None (not exported)
        self._known: OrderedDict[str, _Known | None] = OrderedDict()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        require(settings, "INCREMENTAL_ENABLED")
        if not settings.getbool("DUPLICATES_ENABLED", True):
            raise NotConfigured("DUPLICATES_ENABLED is off: no export is recorded")
        middleware = attach(cls(StateStoreExtension.of(crawler)), crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    async def spider_opened(self) -> None:
        self.store = await self.state.open()

    def spider_closed(self) -> None:
        self.store = None  # the extension closes it once the feed is published

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        """Story pages a killed run claimed first: they are only in its dead ``.part`` feed,
        and the feed that listed them may have moved on since."""
        store = self.store = await self.state.open()
        orphans = await store.call(store.orphaned_claims, self.state.run, ORPHANS_MAX)
        spider = self.crawler.spider
        for url in orphans:
            self.crawler.stats.inc_value("incremental/orphans_refetched")
            # dont_filter: a resumed JOBDIR remembers the killed session's fetches
            yield Request(spider.rebase(url) if hasattr(spider, "rebase") else url,
                          callback=spider.parse_page, dont_filter=True, meta={STORY: True})
        if orphans:
            logger.info("Fetching again %(n)d stories a killed run had claimed",
                        {"n": len(orphans)})
        async for request in start:
            yield request

    async def process_spider_output(self, response: Any,
                                    result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        """One batched store lookup per page for the story links it yields (a page links
        to the same chrome and stories over and over; each id is looked up once a run).
        A sitemap of 50,000 stories is settled up to ``LOOKUP_BATCH`` requests at a time
        (``FIRST_BATCH``, then twice as many each time), so they never all wait in memory
        together and a sitemap is read no further ahead than the crawl asks."""
        batch: list[Any] = []
        size = FIRST_BATCH
        try:
            async for output in result:
                batch.append(output)
                if len(batch) >= size:
                    async for settled in self._settle(batch):
                        yield settled
                    batch = []
                    size = min(2 * size, LOOKUP_BATCH)
        except Exception:
            # the page's callback (or a middleware) raised: what it yielded so far still
            # counts; Scrapy reports the error (a rejects line with reason "error")
            async for settled in self._settle(batch):
                yield settled
            raise
        async for settled in self._settle(batch):
            yield settled

    async def _settle(self, outputs: list[Any]) -> AsyncIterator[Any]:
        if self.store is None:
            for output in outputs:
                yield output
            return
        candidates = {url_id(o.url): o for o in outputs
                      if isinstance(o, Request) and is_story_request(o)}
        unknown = [i for i in candidates if i not in self._known]
        if unknown:
            rows = await self.store.call(self.store.get_stories, unknown)
            for story_id in unknown:
                row = rows.get(story_id)
                self._remember(story_id, _Known(row.exported_at, row.discovered, row.version)
                               if row is not None and row.settled else None)
        for output in outputs:
            if not (isinstance(output, Request) and is_story_request(output)):
                yield output
                continue
            known = self._known.get(url_id(output.url))
            verdict = exported_unchanged(known, output.meta.get(HINTS))
            if verdict is None:
                yield output
            elif not verdict:
                self.crawler.stats.inc_value("incremental/refetch_changed")
                yield output
            else:
                assert known is not None
                self.crawler.stats.inc_value("incremental/skipped_exported")
                logger.debug("Not fetching %(url)s: exported (version %(version)d), not "
                             "changed since", {"url": output.url, "version": known.version})

    def _remember(self, story_id: str, known: _Known | None) -> None:
        self._known[story_id] = known
        if len(self._known) > KNOWN_MAX:
            self._known.popitem(last=False)
