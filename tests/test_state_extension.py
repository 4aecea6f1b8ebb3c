"""The state store extension: one store per crawl, shared by every stage, closed last, and
the ledger that records each exported story once."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.extensions.state import StateStoreExtension
from newscrawler.pipelines.boilerplate import BoilerplatePipeline
from newscrawler.pipelines.duplicates import DuplicatesPipeline
from newscrawler.spidermiddlewares.incremental import SkipExportedMiddleware
from newscrawler.state import open_store

from conftest import run_crawl


class NewsSpider(Spider):
    name = "news"


def crawler_for(state: Path, **settings: Any):
    return get_crawler(NewsSpider, {"EXTENSIONS": {StateStoreExtension: 0},
                                    "STATE_URI": str(state), **settings})


def stages(crawler) -> tuple[StateStoreExtension, BoilerplatePipeline, DuplicatesPipeline,
                             SkipExportedMiddleware]:
    return (StateStoreExtension.of(crawler), build_from_crawler(BoilerplatePipeline, crawler),
            build_from_crawler(DuplicatesPipeline, crawler),
            build_from_crawler(SkipExportedMiddleware, crawler))


def test_every_stage_shares_one_store_opened_once(tmp_path, caplog):
    crawler = crawler_for(tmp_path / "state.sqlite3")
    extension, boilerplate, duplicates, middleware = stages(crawler)

    async def open_all():
        # as Scrapy opens them: the pipelines, then spider_opened (here all at once)
        await asyncio.gather(boilerplate.open_spider(), duplicates.open_spider(),
                             middleware.spider_opened())
        store = extension.store
        await extension.engine_stopped()
        return store

    caplog.set_level("INFO", logger="newscrawler.extensions.state")
    store = asyncio.run(open_all())
    assert store is not None
    assert boilerplate.store is store
    assert duplicates.index is not None
    assert duplicates.index.store is store
    assert duplicates.index.run == extension.run
    assert middleware.store is store
    opened = [r for r in caplog.records if "opened (expired" in r.getMessage()]
    assert len(opened) == 1
    assert crawler.stats.get_value("dupes/state/expired_stories") == 0
    assert extension.store is None  # closed


def test_nothing_opens_the_store_unless_a_stage_asks(tmp_path):
    crawler = crawler_for(tmp_path / "state.sqlite3")
    extension = StateStoreExtension.of(crawler)
    asyncio.run(extension.engine_stopped())
    assert not (tmp_path / "state.sqlite3").exists()
    assert crawler.stats.get_value("dupes/state/expired_stories") is None


def test_two_crawlers_in_one_process_get_two_stores(tmp_path):
    first = crawler_for(tmp_path / "one.sqlite3")
    second = crawler_for(tmp_path / "two.sqlite3")
    one, two = StateStoreExtension.of(first), StateStoreExtension.of(second)
    assert one is not two

    async def open_both():
        stores = await asyncio.gather(one.open(), two.open())
        await asyncio.gather(one.engine_stopped(), two.engine_stopped())
        return stores

    a, b = asyncio.run(open_both())
    assert a is not b
    assert (a.path, b.path) == (tmp_path / "one.sqlite3", tmp_path / "two.sqlite3")
    assert one.run != two.run


def test_the_store_closes_after_the_last_queued_write(tmp_path):
    extension = StateStoreExtension.of(crawler_for(tmp_path / "state.sqlite3"))
    order: list[str] = []
    gate = threading.Event()

    def slow_write() -> None:
        gate.wait(10)
        order.append("first write")

    async def scenario() -> None:
        store = await extension.open()
        close = store.close

        def closing() -> None:
            close()
            order.append("closed")

        store.close = closing  # type: ignore[method-assign]
        extension.submit(slow_write)
        extension.submit(lambda: order.append("second write"))
        stopping = asyncio.ensure_future(extension.engine_stopped())
        await asyncio.sleep(0)  # one turn of the loop: closing has started
        assert not stopping.done()
        gate.set()
        await stopping

    asyncio.run(scenario())
    assert order == ["first write", "second write", "closed"]
    assert extension.store is None


def test_the_ledger_publishes_the_run_once_when_the_feed_is_stored(tmp_path):
    crawler = crawler_for(tmp_path / "state.sqlite3")
    extension, _, duplicates, _ = stages(crawler)
    published: list[str] = []

    async def scenario() -> None:
        await duplicates.open_spider()
        store = extension.opened
        publish = store.publish_run

        def counted(run: str, now: float) -> int:
            published.append(run)
            return publish(run, now)

        store.publish_run = counted  # type: ignore[method-assign]
        # the signals of a run's end, with a feed: feed_exporter_closed, then engine_stopped
        await extension.feed_exporter_closed()
        await extension.feed_exporter_closed()
        await extension.engine_stopped()

    asyncio.run(scenario())
    assert published == [extension.run]
    assert crawler.stats.get_value("incremental/published") == 0


class FailedSlot:
    """A feed slot whose storage did not store its file."""

    class storage:
        final = Path("/nonexistent/feed.jsonl")


def test_a_feed_that_failed_publishes_nothing(tmp_path, caplog):
    crawler = crawler_for(tmp_path / "state.sqlite3")
    extension, _, duplicates, _ = stages(crawler)

    async def scenario() -> None:
        await duplicates.open_spider()
        extension.feed_slot_closed(FailedSlot())
        await extension.feed_exporter_closed()

    asyncio.run(scenario())
    assert crawler.stats.get_value("incremental/published") is None
    assert "A feed was not stored" in caplog.text
    assert extension.store is None


def test_a_stage_without_the_extension_says_so():
    crawler = get_crawler(NewsSpider, {"EXTENSIONS": {}})
    with pytest.raises(RuntimeError, match="StateStoreExtension is not in EXTENSIONS"):
        build_from_crawler(DuplicatesPipeline, crawler)


def test_a_crawl_records_each_exported_story_once(demo_site, tmp_path):
    state = tmp_path / "state.sqlite3"
    first = run_crawl("generic", tmp_path, f"url={demo_site.base_url}/",
                      settings={"STATE_URI": state})
    assert first.returncode == 0, first.log[-2000:]
    assert len(first.items) > 5
    assert first.log.count(f"State store {state} opened") == 1
    assert first.stats["incremental/published"] == len(first.items)
    assert first.log.count(f"State store: {len(first.items)} stories recorded as exported") == 1

    # fetched again (incremental skipping off): nothing is exported or published twice
    second = run_crawl("generic", tmp_path, f"url={demo_site.base_url}/",
                       settings={"STATE_URI": state, "INCREMENTAL_ENABLED": False},
                       feed=tmp_path / "second.jsonl")
    assert second.items == []
    assert second.stat("incremental/unchanged") == len(first.items)
    assert second.stats["incremental/published"] == 0

    store = open_store(str(state))
    try:
        rows = store.get_stories([item["id"] for item in first.items])
    finally:
        store.close()
    assert len(rows) == len(first.items)
    assert {(row.state, row.run, row.version) for row in rows.values()} == {("exported", None, 1)}


def test_a_distributed_worker_claims_under_its_worker_id(redis_url):
    from newscrawler.distributed import DistributedCrawl
    from newscrawler.distributed.coordinator import coordinator_of

    crawler = get_crawler(NewsSpider, {"ADDONS": {DistributedCrawl: 0}, "REDIS_URL": redis_url,
                                       "EXTENSIONS": {StateStoreExtension: 0}})
    extension = StateStoreExtension.of(crawler)

    async def scenario() -> str:
        await extension.open()
        run = extension.run
        await extension.engine_stopped()
        return run

    run = asyncio.run(scenario())
    coordinator = coordinator_of(crawler)
    try:
        assert run == f"{coordinator.run}/{coordinator.worker}"
    finally:
        coordinator.leave()
        coordinator.server.close()
