"""scrapy-redis's scheduler, made a reliable queue that workers can join and leave.

What it adds to ``scrapy_redis.scheduler.Scheduler`` (0.9.1):

- a popped request is held in this worker's ``processing`` hash until Scrapy is done with
  it (downloaded, its callback's requests scheduled and items through the pipelines); a
  worker killed with ``kill -9`` stops beating and another worker puts its requests back;
- the heartbeat, the idle rule (close with ``finished`` once the shared crawl is done,
  see :mod:`.coordinator`) and waking the engine when other workers queued work;
- stats without the ``spider=`` argument that Scrapy 2.14+ deprecates.

"Done" is read off the engine's in-progress requests, which Scrapy keeps from the download
until the response's output has been processed; an engine without them (a future Scrapy)
falls back to acknowledging at pop time, and says so.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from newscrawler.distributed.coordinator import Coordinator, coordinator_of
from newscrawler.distributed.dupefilter import ExpiringDupeFilter

logger = logging.getLogger(__name__)


class RedisScheduler(Scheduler):
    """``SCHEDULER`` of a distributed crawl (set by the add-on when ``REDIS_URL`` is)."""

    crawler: Crawler

    def __init__(self, coordinator: Coordinator, dupefilter: ExpiringDupeFilter) -> None:
        super().__init__(coordinator.server, persist=True, dupefilter=dupefilter)
        self.coordinator = coordinator
        self._popped: dict[Request, bytes] = {}
        self._beat: LoopingCall | None = None
        self._warned_no_inprogress = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        coordinator = coordinator_of(crawler)
        scheduler = cls(coordinator, ExpiringDupeFilter.from_crawler(crawler))
        scheduler.crawler = crawler
        scheduler.stats = crawler.stats
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    # --- life cycle -----------------------------------------------------------------------
    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.server.ping()
        self.coordinator.join()
        self.queue = PriorityQueue(self.server, spider, self.coordinator.queue_key)
        if size := len(self.queue):
            logger.info("Shared queue holds %(n)d requests", {"n": size})
        self.crawler.stats.set_value("distributed/worker", self.coordinator.worker)
        self.crawler.stats.set_value("distributed/seeder", int(self.coordinator.seeder))
        self._beat = LoopingCall(self.heartbeat)
        self._beat.start(self.coordinator.heartbeat_seconds, now=True)

    def close(self, reason: str) -> None:
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        self._ack_done()
        if reason == "finished":
            self.coordinator.finish()
            return
        # a shutdown (Ctrl-C, SIGTERM, an error): what was not finished goes back
        if moved := self.coordinator.leave():
            logger.info("Gave %(n)d unfinished requests back to the shared queue", {"n": moved})
            self.crawler.stats.inc_value("distributed/given_back", moved)

    # --- requests -------------------------------------------------------------------------
    def enqueue_request(self, request: Request) -> bool:
        if request.dont_filter:
            self.queue.push(request)
        else:
            entry = (self.queue.key, -request.priority, self.queue._encode_request(request))
            if self.df.seen_else_queue(request, entry):  # one atomic step
                self.df.log(request, self.spider)
                return False
        self.crawler.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        data = self.coordinator.pop()
        if data is None:
            return None
        request = self.queue._decode_request(data)
        self._popped[request] = data
        self.crawler.stats.inc_value("scheduler/dequeued/redis")
        if self._inprogress() is None:
            self._ack_done()
        return request

    def has_pending_requests(self) -> bool:
        return len(self) > 0

    # --- heartbeat and idle ----------------------------------------------------------------
    def _inprogress(self) -> set[Request] | None:
        slot = getattr(self.crawler.engine, "_slot", None)
        inprogress = getattr(slot, "inprogress", None)
        if inprogress is None and not self._warned_no_inprogress:
            self._warned_no_inprogress = True
            logger.warning("This Scrapy has no engine in-progress set: requests are "
                           "acknowledged when popped, so a killed worker may lose some")
        return inprogress

    def _ack_done(self) -> None:
        inprogress = self._inprogress() or set()
        done = [r for r in self._popped if r not in inprogress]
        if done:
            self.coordinator.ack([self._popped.pop(r) for r in done])

    def heartbeat(self) -> None:
        try:
            self._ack_done()
            busy = bool(self._popped)
            if moved := self.coordinator.beat(busy):
                self.crawler.stats.inc_value("distributed/requeued_from_dead", moved)
            if len(self.queue) or not busy:
                # work queued by others; or nothing here: ask the engine, whose idle check
                # sees whether the shared crawl is done now, not at its next 5 s idle tick
                self._wake()
        except Exception:  # a lost connection must not stop the heartbeat loop
            logger.exception("Distributed heartbeat failed")

    def _wake(self) -> None:
        """Other workers queued requests: ask the engine for them now, not in 5 s."""
        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall: Any = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def spider_idle(self, spider: Spider) -> None:
        """Close (``finished``) only when the shared crawl is done, not this worker's part."""
        if self.coordinator.crawl_done():
            logger.info("Shared crawl done: queue empty and every worker idle for "
                        "%(s).0f s", {"s": self.coordinator.idle_seconds})
            return
        raise DontCloseSpider
