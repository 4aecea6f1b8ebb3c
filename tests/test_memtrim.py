from __future__ import annotations

import pytest
from scrapy import Spider
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.extensions.memtrim import MemoryTrim, _malloc_trim


def test_trims_the_heap_and_counts():
    calls = []
    crawler = get_crawler(Spider)
    extension = MemoryTrim(crawler, 10.0, calls.append)
    extension.run()
    extension.run()
    assert calls == [0, 0]
    assert crawler.stats.get_value("memory/trims") == 2


def test_switched_off_with_zero_interval():
    with pytest.raises(NotConfigured):
        build_from_crawler(MemoryTrim, get_crawler(Spider, {"MEMORY_TRIM_INTERVAL": 0}))


@pytest.mark.skipif(_malloc_trim() is None, reason="no malloc_trim in this C library")
def test_the_real_malloc_trim_is_callable():
    assert _malloc_trim()(0) in (0, 1)
