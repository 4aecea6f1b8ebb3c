"""Request fingerprints in Redis, with expiry (scrapy-redis's never expire).

Stories are remembered for ``REDIS_SEEN_DAYS`` (default: ``DUPLICATES_EXPIRY_DAYS``), so a
story is fetched once however many runs and workers see its link. Feeds, sitemaps,
robots.txt and listing pages are remembered for the run only, so every scheduled run
reads them again and finds the new stories.
"""

from __future__ import annotations

import logging
import time
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy_redis.dupefilter import RFPDupeFilter

from newscrawler.components import positive_days
from newscrawler.distributed.coordinator import Coordinator, coordinator_of
from newscrawler.meta import DISCOVERY, STORY
from newscrawler.utils.urls import url_kind

logger = logging.getLogger(__name__)

DAY = 86400.0
DEFAULT_SEEN_DAYS = 90.0
RUN_SEEN_TTL = int(DAY)  # an upper bound: the run's set is deleted when the run ends

# Seen when the fingerprint's expiry is still ahead; else (re)remember it until ARGV[3] and,
# with KEYS[2], queue the request (ARGV[5] at score ARGV[4]) in the same step, so a worker
# killed in between cannot leave a fingerprint whose request was never queued.
_SEEN = """
local expires = redis.call('ZSCORE', KEYS[1], ARGV[1])
if expires and tonumber(expires) > tonumber(ARGV[2]) then return 1 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
if KEYS[2] then redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5]) end
return 0
"""
# The same for a run's discovery fingerprints (a set that expires after ARGV[2] seconds).
_SEEN_IN_RUN = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 1 end
redis.call('EXPIRE', KEYS[1], ARGV[2])
if KEYS[2] then redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
return 0
"""


def is_discovery(request: Request) -> bool:
    """Feeds, sitemaps, robots.txt, listings and hubs: re-read on every run.

    >>> is_discovery(Request("https://w.example/news/2025/04/28/harbour-strike-ends"))
    False
    >>> is_discovery(Request("https://w.example/tag/markets/"))
    True
    >>> is_discovery(Request("https://w.example/x", meta={"newscrawler_discovery": True}))
    True
    """
    meta = request.meta
    if meta.get(STORY):
        return False
    if meta.get(DISCOVERY) or meta.get("allow_offsite"):
        return True
    return url_kind(request.url) != "article"


class ExpiringDupeFilter(RFPDupeFilter):
    """``DUPEFILTER_CLASS`` of a distributed crawl; ``REDIS_SEEN_DAYS``."""

    def __init__(self, coordinator: Coordinator, crawler: Crawler, seen_days: float,
                 debug: bool = False) -> None:
        super().__init__(coordinator.server, coordinator.dupefilter_key, debug=debug)
        self.coordinator = coordinator
        self.crawler = crawler
        self.seen_seconds = seen_days * DAY
        self._seen = coordinator.server.register_script(_SEEN)
        self._seen_in_run = coordinator.server.register_script(_SEEN_IN_RUN)
        self._last_trim = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        days = positive_days(settings, "REDIS_SEEN_DAYS",
                             settings.getfloat("DUPLICATES_EXPIRY_DAYS", DEFAULT_SEEN_DAYS))
        return cls(coordinator_of(crawler), crawler, days,
                   debug=settings.getbool("DUPEFILTER_DEBUG"))

    def request_fingerprint(self, request: Request) -> str:
        return self.crawler.request_fingerprinter.fingerprint(request).hex()

    def request_seen(self, request: Request) -> bool:
        return self.seen_else_queue(request)

    def seen_else_queue(self, request: Request, queue: tuple[str, float, bytes] | None = None
                        ) -> bool:
        """Whether ``request`` was seen; if not, remember it and, with ``queue`` (key, score,
        encoded request), queue it in the same atomic step."""
        fp = self.request_fingerprint(request)
        queue_keys = [queue[0]] if queue else []
        queue_args = [queue[1], queue[2]] if queue else []
        if is_discovery(request):
            return bool(self._seen_in_run(keys=[self.coordinator.run_seen_key, *queue_keys],
                                          args=[fp, RUN_SEEN_TTL, *queue_args]))
        now = time.time()
        if now - self._last_trim > 60:  # forget expired fingerprints now and then
            self._last_trim = now
            self.server.zremrangebyscore(self.key, "-inf", now)
        return bool(self._seen(keys=[self.key, *queue_keys],
                               args=[fp, now, now + self.seen_seconds, *queue_args]))

    def close(self, reason: str = "") -> None:
        """Fingerprints outlive a worker (scrapy-redis deletes them here)."""

    def log(self, request: Request, spider: object) -> None:
        self.crawler.stats.inc_value("dupefilter/filtered")
        super().log(request, spider)
