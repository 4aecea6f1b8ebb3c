"""Huge sitemaps: ``max_items`` stops the run within seconds, backpressure loses nothing.

Real ``scrapy crawl generic`` runs against :mod:`bigsitemap`, a local site whose gzip
sitemap lists N story URLs. Before sitemaps were read lazily, a 200,000-URL sitemap with
``-a max_items=20`` kept the process queueing the sitemap for minutes after the limit.
"""

from __future__ import annotations

import asyncio
import gzip
import time
from pathlib import Path

import pytest
from bigsitemap import gzip_sitemap, sitemap_site
from scrapy import Request
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from newscrawler.discovery.sitemaps import open_sitemap
from newscrawler.spidermiddlewares.backlog import DiscoveryBacklogMiddleware
from newscrawler.spiders.generic import GenericSpider

from conftest import run_crawl

# the process, from start to exit: Scrapy's start-up, the sitemap, 20 stories and the close
# take some 15 s (25 s on a loaded machine); before, queueing the 200,000-URL sitemap after
# the limit went on for minutes (killed at 120 s)
EXIT_WITHIN_S = 45
STORIES = 150  # six times the backlog below
BACKLOG = 25


@pytest.mark.parametrize(("urls", "per_sitemap", "plain"), [
    (200_000, 0, False),
    (200_000, 50_000, False),
    # 8.5 MB uncompressed: past the 5 MB Scrapy allows responses being processed before it
    # holds back downloads, which a waiting sitemap must not count against
    (100_000, 0, True),
], ids=["one-gzip-sitemap", "sitemap-index", "plain-sitemap"])
def test_max_items_stops_a_huge_sitemap_within_seconds(tmp_path: Path, urls: int,
                                                       per_sitemap: int, plain: bool):
    with sitemap_site(urls, per_sitemap=per_sitemap, plain=plain) as site:
        started = time.monotonic()
        crawl = run_crawl("generic", tmp_path, f"url={site.sitemap_url}", "max_items=20")
        seconds = time.monotonic() - started
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert len(crawl.items) == 20
    assert seconds < EXIT_WITHIN_S, f"exited {seconds:.0f} s after start"
    assert "closespider_itemcount" in crawl.log
    # the run says it left most of the sitemap unread
    assert crawl.stat("discovery/sitemaps_unfinished") >= 1
    assert crawl.stat("discovery/entries_unread_at_close") > urls / 2
    assert crawl.stat("scheduler/enqueued") < 10_000


def test_backpressure_never_loses_an_entry(tmp_path: Path):
    """A sitemap six times the backlog: read in pauses, and every story is exported."""
    with sitemap_site(STORIES) as site:
        crawl = run_crawl("generic", tmp_path, f"url={site.sitemap_url}",
                          settings={"DISCOVERY_BACKLOG": BACKLOG})
        hits = site.hits
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert crawl.stat("discovery/backlog_waits") >= 1  # it did pause
    assert sorted(int(i["url"].rsplit("/", 1)[1].split(".")[0]) for i in crawl.items) == list(
        range(STORIES))
    assert hits == STORIES
    assert crawl.stat("discovery/entries_unread_at_close") == 0


def test_the_redis_scheduler_gets_the_same_backpressure(tmp_path: Path, redis_url: str):
    pytest.importorskip("scrapy_redis")
    with sitemap_site(STORIES) as site:
        crawl = run_crawl("generic", tmp_path, f"url={site.sitemap_url}",
                          settings={"DISCOVERY_BACKLOG": BACKLOG, "REDIS_URL": redis_url,
                                    "REDIS_IDLE_SECONDS": 1, "REDIS_HEARTBEAT_SECONDS": 0.3})
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert crawl.stat("discovery/backlog_waits") >= 1
    assert len({item["url"] for item in crawl.items}) == STORIES


def test_a_closing_worker_gives_its_half_read_sitemap_back(tmp_path: Path, redis_url: str):
    """With a shared queue, the rest of a sitemap is not lost when a worker stops early:
    the sitemap goes back to the queue for the others."""
    pytest.importorskip("scrapy_redis")
    import redis

    with sitemap_site(20_000) as site:
        crawl = run_crawl("generic", tmp_path, f"url={site.sitemap_url}", "max_items=5",
                          settings={"REDIS_URL": redis_url, "REDIS_IDLE_SECONDS": 1})
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert len(crawl.items) == 5
    assert crawl.stat("discovery/requeued_at_close") >= 1
    with redis.Redis.from_url(redis_url) as client:
        queued = client.zrange("newscrawler:generic:requests", 0, -1)
    assert any(b"sitemap.xml" in entry for entry in queued)


# --- the pieces ------------------------------------------------------------------------------
def test_a_sitemap_is_read_a_chunk_at_a_time():
    body = gzip_sitemap("http://s.test", 0, 100_000)
    reader = open_sitemap(body)
    entries = iter(reader)
    assert [next(entries).loc for _ in range(3)] == [f"http://s.test/story/{i}.html"
                                                     for i in range(3)]
    assert reader.count_unread() == 100_000 - 3
    # a limit on what it may inflate to ends the reading there, and says so
    capped = open_sitemap(body, max_size=1_000_000)
    read = sum(1 for _ in capped)
    assert 5_000 < read < 100_000
    assert "inflates past" in (capped.error or "")


def test_a_sitemap_of_zeros_is_refused_after_a_megabyte():
    # a gzip bomb: a sitemap's head, then 20 MB of zeros (about 20 KB compressed)
    body = gzip.compress(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                         + bytes(20 * 1024 * 1024))
    reader = open_sitemap(body)
    assert reader is not None
    assert list(reader) == []
    assert reader.refused == "1114112 bytes without a tag"  # 17 chunks of 64 KiB, not 320


def test_the_backlog_setting_is_checked():
    with pytest.raises(ValueError, match="DISCOVERY_BACKLOG"):
        DiscoveryBacklogMiddleware.from_crawler(get_crawler(GenericSpider,
                                                            {"DISCOVERY_BACKLOG": -1}))
    assert DiscoveryBacklogMiddleware.from_crawler(get_crawler(GenericSpider)).backlog == 5000


def test_unread_sitemaps_are_counted_when_the_spider_closes():
    crawler = get_crawler(GenericSpider)
    spider = GenericSpider.from_crawler(crawler, url="http://s.test/")
    crawler.spider = spider
    response = Response("http://s.test/sitemap.xml", body=gzip_sitemap("http://s.test", 0, 500))

    async def read_two_then_close() -> list[str]:
        requests = spider.parse_sitemap(response)
        urls = [(await anext(requests)).url for _ in range(2)]
        spider.count_unread_sitemaps()
        return urls

    assert asyncio.run(read_two_then_close()) == ["http://s.test/story/0.html",
                                                  "http://s.test/story/1.html"]
    assert crawler.stats.get_value("discovery/sitemaps_unfinished") == 1
    assert crawler.stats.get_value("discovery/entries_unread_at_close") == 498


def test_a_sitemap_of_skipped_entries_lets_the_reactor_run():
    """50,000 entries older than ``since``: no request, seconds of parsing. The reading
    hands the loop back as it goes, so a task running beside it (a download, a timeout)
    is never held up for long; before, it waited for the whole sitemap (2.6 s in a crawl)."""
    crawler = get_crawler(GenericSpider)
    spider = GenericSpider.from_crawler(crawler, url="http://s.test/", since="2026-12-01")
    crawler.spider = spider
    response = Response("http://s.test/sitemap.xml",
                        body=gzip_sitemap("http://s.test", 0, 50_000))

    async def read_beside_a_ticker() -> tuple[list[Request], list[float]]:
        reading = True
        gaps: list[float] = []

        async def ticker() -> None:
            last = time.monotonic()
            while reading:
                await asyncio.sleep(0)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        task = asyncio.create_task(ticker())
        requests = [request async for request in spider.parse_sitemap(response)]
        reading = False
        await task
        return requests, gaps

    requests, gaps = asyncio.run(read_beside_a_ticker())
    assert requests == []
    assert crawler.stats.get_value("discovery/skipped_before_since") == 50_000
    # the ticker ran all along (a slice is 10 ms: some 100 turns a second of reading), and
    # never waited long (a generous bound: a loaded machine, a garbage collection)
    assert len(gaps) >= 20
    assert max(gaps) < 0.5, f"the loop waited {max(gaps):.2f} s"
