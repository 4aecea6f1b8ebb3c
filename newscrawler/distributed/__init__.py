"""Distributed crawling on Redis: several machines, one crawl, each story exported once.

Off unless ``REDIS_URL`` is set; then :class:`DistributedCrawl` (an add-on, always listed
in ``settings.ADDONS``) switches on the components of this package, which build on
scrapy-redis (``pip install -e .[distributed]``):

- :mod:`.scheduler`: the request queue lives in Redis (scrapy-redis's priority queue) and is
  a *reliable* queue: a popped request stays in the worker's ``processing`` hash until
  Scrapy has finished with it, and a worker whose heartbeat stops (``kill -9``) has its
  requests put back in the queue by the others;
- :mod:`.dupefilter`: request fingerprints in Redis, with expiry: stories are remembered
  for ``REDIS_SEEN_DAYS``, feeds, sitemaps, listings and robots.txt only for the run, so
  every scheduled run reads them again;
- :mod:`.seeding`: one worker per run seeds the queue from the spider's ``async def start()``;
- :mod:`.ratelimit`: ``REDIS_DOMAIN_RATE`` requests per second per site, for all workers
  together;
- :mod:`.coordinator`: the run, the workers' heartbeats, and when the shared crawl is done
  (the queue and every worker idle for ``REDIS_IDLE_SECONDS``); its ``DistributedWorker``
  extension makes the state store's claims this worker's.

The project's state (``STATE_URI``) defaults to the same Redis, so exported stories, the
near-duplicate index, learned boilerplate and soft-404 probes are shared too.

Why an add-on: it turns one setting into several at add-on priority, before the crawl
starts, without touching spiders; anything set in ``settings.py`` or with ``-s`` wins.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

SCHEDULER = "newscrawler.distributed.scheduler.RedisScheduler"
DUPEFILTER = "newscrawler.distributed.dupefilter.ExpiringDupeFilter"
RATE_LIMIT = "newscrawler.distributed.ratelimit.SharedRateLimitMiddleware"
SEEDING = "newscrawler.distributed.seeding.SeedOnceMiddleware"
WORKER = "newscrawler.distributed.coordinator.DistributedWorker"
EXTRA_MISSING = (
    "REDIS_URL is set but the distributed extra is not installed: "
    "pip install -e '.[distributed]' (scrapy-redis and redis)"
)


def is_distributed(settings: BaseSettings) -> bool:
    """Whether this crawl is one worker of a distributed crawl (``REDIS_URL`` set)."""
    return bool(settings.get("REDIS_URL"))


class DistributedCrawl:
    """Add-on: with ``REDIS_URL`` set, the scheduler, dupefilter and state go to Redis."""

    def update_settings(self, settings: BaseSettings) -> None:
        url = settings.get("REDIS_URL")
        if not url:
            return
        try:
            import redis  # noqa: F401
            import scrapy_redis  # noqa: F401
        except ImportError as error:
            raise ImportError(EXTRA_MISSING) from error
        if not str(url).startswith(("redis://", "rediss://")):
            raise ValueError(f"REDIS_URL must be a redis:// URL, not {url!r}")
        settings.set("SCHEDULER", SCHEDULER, priority="addon")
        settings.set("DUPEFILTER_CLASS", DUPEFILTER, priority="addon")
        # the queue outlives any one worker: never flushed when a worker closes
        settings.set("SCHEDULER_PERSIST", True, priority="addon")
        # the shared state store, unless STATE_URI was given (a local file is allowed: then
        # each worker de-duplicates on its own)
        if settings.getpriority("STATE_URI") is None:
            settings.set("STATE_URI", url, priority="addon")
        settings["DOWNLOADER_MIDDLEWARES"][RATE_LIMIT] = 950
        settings["SPIDER_MIDDLEWARES"][SEEDING] = 10
        settings["EXTENSIONS"][WORKER] = 100
