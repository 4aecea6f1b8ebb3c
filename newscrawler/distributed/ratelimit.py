"""``REDIS_DOMAIN_RATE``: one request rate per site for all workers together.

Each worker keeps its own ``DOWNLOAD_DELAY`` and AutoThrottle; N workers would still hit a
site N times harder. Before a request leaves, this middleware asks Redis for admission (one
atomic script on the server's clock): a site admits one request every ``1 / rate`` seconds,
for all workers together. A request not admitted is told how long to wait, waits without
blocking the reactor (``redis.asyncio``) and asks again; nothing is reserved ahead, so a
worker whose event loop stalled does not send a backlog at once. Requests are spaced, not
sent in bursts of ``rate``: in any one second at most ``rate + 1`` reach a site.

Redis away: each ask waits at most ``REDIS_TIMEOUT_SECONDS``; a request it cannot ask for
waits one interval and goes (the scheduler stops handing out requests meanwhile, and
stops the worker if Redis stays away).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Self

from redis import RedisError
from redis import asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.distributed.coordinator import (
    DEFAULT_PREFIX,
    DEFAULT_TIMEOUT_SECONDS,
    RETRIES,
    client_options,
)
from newscrawler.utils.urls import host_of

logger = logging.getLogger(__name__)

# Admit a request when the site's last admission is ARGV[1] ms ago (0), else the ms to wait.
_ADMIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
if now >= free then
  redis.call('SET', KEYS[1], now + interval, 'PX', math.ceil(interval) + 60000)
  return 0
end
return math.ceil(free - now)
"""


class SharedRateLimitMiddleware:
    """Downloader middleware; ``REDIS_DOMAIN_RATE`` requests/s per site (0 or unset: off)."""

    crawler: Crawler

    def __init__(self, url: str, prefix: str, rate: float,
                 timeout: float = DEFAULT_TIMEOUT_SECONDS) -> None:
        self.url = url
        self.timeout = timeout
        client_options(timeout)  # validated
        self.prefix = prefix
        self.interval_ms = 1000.0 / rate
        self._client: aioredis.Redis | None = None
        self._script: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        url = settings.get("REDIS_URL")
        rate = settings.getfloat("REDIS_DOMAIN_RATE", 0.0)
        if not url or rate <= 0:
            raise NotConfigured("REDIS_URL or REDIS_DOMAIN_RATE not set")
        middleware = cls(url, settings.get("REDIS_KEY_PREFIX") or DEFAULT_PREFIX, rate,
                         settings.getfloat("REDIS_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS))
        middleware.crawler = crawler
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def key(self, request: Request) -> str:
        return f"{self.prefix}:rate:{host_of(request.url)}"

    async def wait_ms(self, request: Request) -> float:
        """0 when the request is admitted now, else how long to wait before asking again."""
        if self._client is None:
            self._client = aioredis.Redis.from_url(
                self.url, socket_timeout=self.timeout, socket_connect_timeout=self.timeout,
                retry=Retry(ExponentialBackoff(cap=0.5, base=0.1), RETRIES))
            self._script = self._client.register_script(_ADMIT)
        return float(await self._script(keys=[self.key(request)], args=[self.interval_ms]))

    async def process_request(self, request: Request) -> None:
        delayed = False
        while True:
            try:
                wait = await self.wait_ms(request)
            except RedisError:
                self.crawler.stats.inc_value("distributed/rate_limit/unavailable")
                await asyncio.sleep(self.interval_ms / 1000)
                return
            if wait <= 0:
                break
            delayed = True
            await asyncio.sleep(wait / 1000)
        if delayed:
            self.crawler.stats.inc_value("distributed/rate_limit/delayed")

    async def spider_closed(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
