"""An extension for tests and benchmarks: the longest the reactor went without running a timer.

Enabled in a ``scrapy crawl`` subprocess with ``PYTHONPATH`` holding this folder and
:func:`extensions_setting` as ``-s EXTENSIONS=...``. A timer due every ``TICK`` seconds
records the gaps between its runs; at close the longest is the stat
``probe/max_stall_ms``: how long a callback held the reactor (every download, timeout and
other callback waited that long).
"""

from __future__ import annotations

import json
import time
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

TICK = 0.005


class StallProbe:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.last: float | None = None
        self.longest = 0.0
        self.call = task.LoopingCall(self.tick)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        probe = cls(crawler)
        crawler.signals.connect(probe.opened, signal=signals.spider_opened)
        crawler.signals.connect(probe.closed, signal=signals.spider_closed)
        return probe

    def opened(self) -> None:
        self.call.start(TICK)

    def tick(self) -> None:
        now = time.monotonic()
        if self.last is not None:
            self.longest = max(self.longest, now - self.last)
        self.last = now

    def closed(self) -> None:
        if self.call.running:
            self.call.stop()
        self.stats.set_value("probe/max_stall_ms", round(self.longest * 1000))


def extensions_setting() -> str:
    """The project's extensions and this probe, as a ``-s EXTENSIONS=`` value."""
    from newscrawler.settings import EXTENSIONS

    return json.dumps({**EXTENSIONS, "stallprobe.StallProbe": 0})
