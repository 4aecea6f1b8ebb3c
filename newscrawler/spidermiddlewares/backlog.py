"""Backpressure on discovery: a sitemap is read only as fast as the crawl fetches.

A sitemap lists up to 50,000 URLs (a hostile or careless site: a million). Read at once,
every entry goes into the scheduler before the engine can do anything else with that
response: a run with ``-a max_items=20`` reached its limit in seconds and then spent
minutes queueing a sitemap it would never fetch, because Scrapy closes a spider only
once every callback's output is consumed.

This middleware sits next to the engine and pulls the output of discovery responses
(robots.txt, sitemaps, feeds, listings: ``discovery_request``) one request at a time:

- while the scheduler holds ``DISCOVERY_BACKLOG`` requests or more, it waits (on the
  asyncio loop, the reactor keeps running) until the crawl has fetched some; the sitemap
  reader upstream is suspended with it, so nothing more is parsed. Stories of a sitemap
  are fetched while the rest of it is still unread;
- once the engine starts closing (``max_items`` reached, a timeout, Ctrl-C), it stops
  pulling at once, so the close waits for nothing. The spider counts what was left
  (``discovery/entries_unread_at_close``). When the queue outlives the run (``JOBDIR``,
  ``REDIS_URL``), the sitemap is queued again so the next session or another worker
  reads the rest (the entries already queued are filtered as duplicates).

Scrapy holds back new downloads while the responses being processed pass
``SCRAPER_SLOT_MAX_ACTIVE_SIZE`` (5 MB): a waiting sitemap larger than that (uncompressed,
or served with ``Content-Encoding: gzip``) would stop the very downloads it waits for.
So once a response has had to wait, its body no longer counts against that budget (for
such bodies up to ``PAUSED_MAX`` in all); past that, reading goes on without waiting (the
queue may then pass the backlog; the close still stops it).

The backlog is sampled with ``len(scheduler)`` (one Redis call with the Redis scheduler),
once per ``backlog - pending`` outputs, not per output.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any, Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawler.components import at_least, attach
from newscrawler.distributed import is_distributed
from newscrawler.meta import DISCOVERY

logger = logging.getLogger(__name__)

DEFAULT_BACKLOG = 5000
# a waiting reader looks again at least this often (other workers drain a Redis queue
# without any signal here; the engine's close has no signal of its own)
RECHECK_SECONDS = 0.5
# bodies of waiting responses that Scrapy's scraper budget stops counting, in all
PAUSED_MAX = 2 * 16 * 1024 * 1024


def room(pending: int, backlog: int) -> int:
    """How many more requests a discovery response may hand over before the scheduler's
    backlog is looked at again (0: wait until the crawl has fetched some).

    >>> room(0, 5000), room(4990, 5000), room(5000, 5000), room(7000, 5000)
    (5000, 10, 0, 0)
    """
    return max(0, backlog - pending)


def engine_closing(crawler: Crawler) -> bool:
    """Whether the engine stopped, or started closing the spider.

    Scrapy sends no signal when a close starts (``spider_closed`` comes once the close is
    done, and waits for this very output), so this reads the engine's slot."""
    engine = crawler.engine
    if engine is None or not engine.running or crawler.spider is None:
        return True
    slot = getattr(engine, "_slot", None)
    return slot is None or getattr(slot, "closing", None) is not None


def downloads_held_back(crawler: Crawler) -> bool:
    """Whether Scrapy holds back new downloads until the responses being processed are
    done (their bodies pass ``SCRAPER_SLOT_MAX_ACTIVE_SIZE``): waiting for the frontier
    to drain would then wait forever."""
    engine = crawler.engine
    slot = getattr(getattr(engine, "scraper", None), "slot", None)
    return bool(slot is not None and slot.needs_backout())


class DiscoveryBacklogMiddleware:
    """Spider middleware (next to the engine): discovery output is read as the frontier
    drains, and not at all once the spider is closing."""

    crawler: Crawler

    def __init__(self, backlog: int, requeue: bool) -> None:
        self.backlog = backlog
        self.requeue = requeue
        self._drained = asyncio.Event()
        self._credited = 0  # bytes of waiting responses taken out of the scraper's budget

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        backlog = at_least(settings, "DISCOVERY_BACKLOG", DEFAULT_BACKLOG, 0, "no waiting")
        # the queue outlives the run: a sitemap left half read is read again later
        requeue = bool(settings.get("JOBDIR")) or is_distributed(settings)
        middleware = attach(cls(backlog, requeue), crawler)
        crawler.signals.connect(middleware._request_left, signal=signals.request_left_downloader)
        return middleware

    def _request_left(self) -> None:
        self._drained.set()

    async def process_spider_output(self, response: Response,
                                    result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        if not response.meta.get(DISCOVERY):
            async for output in result:
                yield output
            return
        allowed = credit = 0
        outputs = aiter(result)
        try:
            while True:
                if allowed <= 0 and self.backlog:
                    credit = credit or self._credit(response)
                    allowed = await self._wait_for_room()
                if engine_closing(self.crawler):
                    self._stopped(response)
                    return
                try:
                    output = await anext(outputs)
                except StopAsyncIteration:
                    return
                allowed -= isinstance(output, Request)
                yield output
        finally:
            self._credit(response, -credit)

    def _credit(self, response: Response, size: int | None = None) -> int:
        """Take a waiting response's body out of Scrapy's scraper budget (``size``: give
        it back); the bytes taken, 0 past ``PAUSED_MAX`` or without a scraper slot."""
        slot = getattr(getattr(self.crawler.engine, "scraper", None), "slot", None)
        if slot is None or not hasattr(slot, "max_active_size"):
            return 0
        if size is None:
            size = len(response.body)
            if self._credited + size > PAUSED_MAX:
                return 0
        self._credited += size
        slot.max_active_size += size
        return size

    async def _wait_for_room(self) -> int:
        """Wait until the scheduler holds fewer than ``backlog`` requests (or the spider
        closes); how many requests may go before looking again."""
        waited = False
        while not engine_closing(self.crawler):
            scheduler = self.crawler.engine.scheduler if self.crawler.engine else None
            pending = len(scheduler) if hasattr(scheduler, "__len__") else 0
            if allowed := room(pending, self.backlog):
                return allowed
            if downloads_held_back(self.crawler):
                return 1  # the frontier cannot drain now: go on, one request at a time
            if not waited:
                waited = True
                self.crawler.stats.inc_value("discovery/backlog_waits")
            self._drained.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._drained.wait(), RECHECK_SECONDS)
        return 0

    def _stopped(self, response: Response) -> None:
        """The spider is closing: this response's output is left unread."""
        self.crawler.stats.inc_value("discovery/stopped_at_close")
        request = response.request
        if not self.requeue or request is None or self.crawler.spider is None:
            return
        # read again by the next session or another worker; its entries that were queued
        # already are filtered as duplicates
        self.crawler.engine.crawl(request.replace(dont_filter=True))
        self.crawler.stats.inc_value("discovery/requeued_at_close")
        logger.info("Closing: %(url)s was not read to the end; queued again for the "
                    "next session", {"url": request.url})
