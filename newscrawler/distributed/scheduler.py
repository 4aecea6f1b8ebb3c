"""scrapy-redis's scheduler, made a reliable queue that workers can join and leave.

What it adds to ``scrapy_redis.scheduler.Scheduler`` (0.9.1):

- a popped request is held in this worker's ``processing`` hash until Scrapy is done with
  it (downloaded, its callback's requests scheduled and items through the pipelines); a
  worker killed with ``kill -9`` stops beating and another worker puts its requests back;
  a unit of work's request (a WARC file, meta ``UNIT``) is held past that, until the
  worker's feed is published: what was read from it dies with a killed worker's feed;
- the heartbeat, the idle rule (close with ``finished`` once the shared crawl is done,
  see :mod:`.coordinator`) and waking the engine when other workers queued work;
- stats without the ``spider=`` argument that Scrapy 2.14+ deprecates;
- Redis going away: its calls fail fast (timeouts), the engine is not fed errors, and
  once Redis has not answered for ``REDIS_LEASE_SECONDS`` the worker closes with
  ``redis_unavailable`` (exit status 1) and one line saying why. What it had popped stays
  in its ``processing`` hash in Redis, so it is fetched again (by the next run at worst).

"Done" is read off the engine's in-progress requests, which Scrapy keeps from the download
until the response's output has been processed; an engine without them (a future Scrapy)
falls back to acknowledging at pop time, and says so.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Self

import redis
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from newscrawler.components import attach
from newscrawler.distributed.coordinator import (
    REDIS_UNAVAILABLE,
    Coordinator,
    coordinator_of,
    outage_over,
)
from newscrawler.distributed.dupefilter import ExpiringDupeFilter
from newscrawler.meta import UNIT
from newscrawler.preflight import masked

UNAVAILABLE_STAT = "distributed/redis_unavailable"
"""The one line saying why the worker stopped (the crawl command prints it)."""

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
        self._stopping = False
        self._tainted: set[Request] = set()
        """Requests handled while Redis was away: given back, not acknowledged."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        coordinator = coordinator_of(crawler)
        scheduler = attach(cls(coordinator, ExpiringDupeFilter.from_crawler(crawler)), crawler)
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
        if self.coordinator.down_since is not None:
            # nothing to tell Redis: what this worker held stays in its processing hash,
            # which the next worker to beat (or the next run) puts back in the queue
            return
        try:
            self._ack_done()
            if reason == "finished":
                self.coordinator.finish()
                return
            # a shutdown (Ctrl-C, SIGTERM, an error): what was not finished goes back
            if moved := self.coordinator.leave():
                logger.info("Gave %(n)d unfinished requests back to the shared queue",
                            {"n": moved})
                self.crawler.stats.inc_value("distributed/given_back", moved)
        except redis.RedisError as error:
            logger.error("Redis at %(url)s failed while this worker left (%(error)s): its "
                         "unfinished requests are requeued by the other workers or the next "
                         "run", {"url": self._url(), "error": _why(error)})

    # --- requests -------------------------------------------------------------------------
    def enqueue_request(self, request: Request) -> bool:
        if self.coordinator.down_since is not None:
            # not asked of a Redis that does not answer (each ask could wait the timeout)
            self.crawler.stats.inc_value("distributed/redis/not_queued")
            return False
        try:
            return self._enqueue(request)
        except redis.RedisError as error:
            # not queued: the page that linked it is fetched again, as it is given back
            # instead of acknowledged once Redis answers (or left in the processing hash,
            # for the others or the next run, if it never does)
            self.crawler.stats.inc_value("distributed/redis/not_queued")
            self.redis_failed(error)
            return False

    def _enqueue(self, request: Request) -> bool:
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
        if self.coordinator.down_since is not None:
            return None  # the heartbeat asks Redis whether it is back
        try:
            data = self.coordinator.pop()
        except redis.RedisError as error:
            self.redis_failed(error)
            return None
        if data is None:
            return None
        request = self.queue._decode_request(data)
        self._popped[request] = data
        self.crawler.stats.inc_value("scheduler/dequeued/redis")
        if self._inprogress() is None:
            self._ack_done()
        return request

    def has_pending_requests(self) -> bool:
        if self.coordinator.down_since is not None:
            return False
        try:
            return len(self) > 0
        except redis.RedisError as error:
            self.redis_failed(error)
            return False

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
        again = [r for r in done if r in self._tainted]
        if again:
            # a unit read meanwhile is let go first: its copy is claimed anew, and read again
            self.coordinator.release([unit for r in again if (unit := r.meta.get(UNIT))])
            self.coordinator.give_back([self._popped[r] for r in again])
            self.crawler.stats.inc_value("distributed/redis/given_back", len(again))
            self._tainted.difference_update(again)
        if done:
            # a unit of work read (a WARC file) is held, not acknowledged, until this
            # worker's feed is published: it is read again if the worker dies before
            units = [r for r in done if r.meta.get(UNIT) and r not in again]
            self.coordinator.hold([self._popped.pop(r) for r in units])
            self.coordinator.ack([self._popped.pop(r) for r in done if r in self._popped])

    def heartbeat(self) -> None:
        if self._stopping:
            return
        try:
            if self.coordinator.down_since is not None:
                self.coordinator.beat(True)  # fails while Redis is away
                # requests past their download may have had links or items refused
                # meanwhile: fetched again; those still downloading lost nothing
                downloading = getattr(self.crawler.engine.downloader, "active", set())
                self._tainted.update(r for r in self._popped if r not in downloading)
                # a pop whose answer timed out may have moved a request here all the same
                known = set(self._popped.values())
                if lost := [e for e in self.coordinator.held() if e not in known]:
                    self.coordinator.give_back(lost)
                    self.crawler.stats.inc_value("distributed/redis/given_back", len(lost))
                logger.warning("Redis at %(url)s answers again", {"url": self._url()})
                self.coordinator.down_since = None
            busy = bool(self._popped)
            # Redis (and the state store's, when elsewhere) answer before anything is
            # acknowledged: a request handled while the store was away is given back
            if moved := self.coordinator.beat(busy):
                self.crawler.stats.inc_value("distributed/requeued_from_dead", moved)
            self._ack_done()
            if len(self.queue) or not busy:
                # work queued by others; or nothing here: ask the engine, whose idle check
                # sees whether the shared crawl is done now, not at its next 5 s idle tick
                self._wake()
        except redis.RedisError as error:
            self.redis_failed(error)
        except Exception:  # a bug must not stop the heartbeat loop
            logger.exception("Distributed heartbeat failed")

    def _url(self) -> str:
        return masked(str(self.crawler.settings.get("REDIS_URL")))

    def redis_failed(self, error: redis.RedisError) -> None:
        """Redis did not answer: note since when; past ``REDIS_LEASE_SECONDS`` the other
        workers take this one for dead, so it stops (``redis_unavailable``)."""
        now = time.time()
        self.crawler.stats.inc_value("distributed/redis/errors")
        coordinator = self.coordinator
        if coordinator.down_since is None:
            coordinator.down_since = now
            logger.warning("Redis at %(url)s does not answer (%(error)s); this worker stops "
                           "if it does not answer within %(s).0f s",
                           {"url": self._url(), "error": _why(error),
                            "s": coordinator.lease_seconds})
        if self._stopping or not outage_over(coordinator.down_since, now,
                                             coordinator.lease_seconds):
            return
        self._stopping = True
        line = (f"Redis at {self._url()} did not answer for "
                f"{now - coordinator.down_since:.0f} s: {type(error).__name__}: {_why(error)}")
        self.crawler.stats.set_value(UNAVAILABLE_STAT, line)
        logger.error("Stopping this worker: %(line)s", {"line": line})
        engine = self.crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(engine.close_spider_async(reason=REDIS_UNAVAILABLE))

    def _wake(self) -> None:
        """Other workers queued requests: ask the engine for them now, not in 5 s."""
        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall: Any = getattr(slot, "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def spider_idle(self, spider: Spider) -> None:
        """Close (``finished``) only when the shared crawl is done, not this worker's part."""
        if self.coordinator.down_since is not None:
            raise DontCloseSpider  # not done: the heartbeat decides whether to stop
        try:
            done = self.coordinator.crawl_done()
        except redis.RedisError as error:
            self.redis_failed(error)
            raise DontCloseSpider from None
        if done:
            logger.info("Shared crawl done: queue empty and every worker idle for "
                        "%(s).0f s", {"s": self.coordinator.idle_seconds})
            return
        raise DontCloseSpider


def _why(error: BaseException) -> str:
    return " ".join(str(error).split()).rstrip(".") or type(error).__name__
