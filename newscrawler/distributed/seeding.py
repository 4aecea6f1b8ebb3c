"""Seed the shared queue once per run, from the spider's ``async def start()``.

scrapy-redis 0.9.1 seeds through ``start_requests()`` and a Redis list of start URLs read
at ``spider_idle``; Scrapy 2.13+ spiders have ``async def start()`` instead. Here the
spider stays as it is: the worker that started the run (see
:meth:`~newscrawler.distributed.coordinator.Coordinator.join`) lets its start requests
through into the shared queue; a worker joining a run skips them and takes its work from
the queue.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.components import attach
from newscrawler.distributed.coordinator import coordinator_of

logger = logging.getLogger(__name__)


class SeedOnceMiddleware:
    """Spider middleware of a distributed crawl: only the run's first worker seeds it."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("REDIS_URL is not set")
        return attach(cls(), crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        coordinator = coordinator_of(self.crawler)
        coordinator.join()
        if not coordinator.seeder:
            logger.info("Joined run %(run)s: start requests left to the worker that "
                        "started it", {"run": coordinator.run})
            self.crawler.stats.set_value("distributed/seeded", 0)
            return
        seeded = 0
        async for output in start:
            seeded += 1
            yield output
        self.crawler.stats.set_value("distributed/seeded", seeded)
