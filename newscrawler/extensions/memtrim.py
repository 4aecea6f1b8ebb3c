"""Give freed heap memory back to the system during long crawls.

lxml parses every page into C memory. glibc keeps what it freed in per-thread
arenas, fragmented by the many small blocks of HTML trees, so a long crawl's
resident memory keeps climbing long after the pages are gone (measured before
this and the other memory fixes: 207 MB after 5,000 pages, 400 MB after
50,000). ``malloc_trim(0)`` every ``MEMORY_TRIM_INTERVAL`` seconds returns it.
A no-op where the C library has no ``malloc_trim`` (macOS, musl).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL = 10.0


def _malloc_trim() -> Any:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None


class MemoryTrim:
    """``MEMORY_TRIM_INTERVAL`` (seconds, default 10; 0 switches it off)."""

    def __init__(self, crawler: Crawler, interval: float, trim: Any) -> None:
        self.crawler = crawler
        self.interval = interval
        self.trim = trim
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        interval = crawler.settings.getfloat("MEMORY_TRIM_INTERVAL", DEFAULT_INTERVAL)
        if interval <= 0:
            raise NotConfigured("MEMORY_TRIM_INTERVAL is 0")
        trim = _malloc_trim()
        if trim is None:
            raise NotConfigured("no malloc_trim in this C library")
        extension = cls(crawler, interval, trim)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        self.loop = task.LoopingCall(self.run)
        self.loop.start(self.interval, now=False)

    def run(self) -> None:
        self.trim(0)
        self.crawler.stats.inc_value("memory/trims")

    def spider_closed(self) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
