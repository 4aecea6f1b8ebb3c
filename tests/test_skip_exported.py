"""The incremental middleware on a big sitemap: batched lookups in a real SQLite store."""

from __future__ import annotations

import asyncio
import time

from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from newscrawler.extensions.state import StateStoreExtension
from newscrawler.meta import STORY
from newscrawler.spidermiddlewares.incremental import (
    FIRST_BATCH,
    LOOKUP_BATCH,
    SkipExportedMiddleware,
)
from newscrawler.state import open_store
from newscrawler.state.sqlite import StoryRow
from newscrawler.utils.urls import url_id


class SitemapSpider(Spider):
    name = "sitemap"


async def _outputs(requests):
    for request in requests:
        yield request


def test_a_big_sitemap_is_settled_in_batches_and_exported_stories_skipped(tmp_path):
    store = open_store(str(tmp_path / "state.sqlite3"))
    urls = [f"https://wire.test/news/2025/story-{n}.html" for n in range(2 * LOOKUP_BATCH + 500)]
    exported = urls[LOOKUP_BATCH + 7]  # a story an earlier run exported, in a later batch
    now = time.time()
    store.put_story(StoryRow(0, url_id(exported), exported, "wire.test", 1, "c1", "exported",
                             None, now, now, now, None, None, None, version=1))
    calls = []
    get_stories = store.get_stories

    def counted(ids):
        calls.append(len(ids))
        return get_stories(ids)

    store.get_stories = counted  # type: ignore[method-assign]
    crawler = get_crawler(SitemapSpider, {"EXTENSIONS": {StateStoreExtension: 0}})
    middleware = SkipExportedMiddleware.from_crawler(crawler)
    middleware.store = store

    async def run():
        requests = [Request(u, meta={STORY: True}) for u in urls]
        result = middleware.process_spider_output(None, _outputs(requests))
        return [r.url async for r in result]

    try:
        passed = asyncio.run(run())
    finally:
        store.close()
    assert passed == [u for u in urls if u != exported]  # in order, the exported one skipped
    # growing batches (a sitemap is read no further ahead than asked), then full ones
    assert calls == [FIRST_BATCH, 2 * FIRST_BATCH, 4 * FIRST_BATCH, 8 * FIRST_BATCH,
                     16 * FIRST_BATCH, len(urls) - 31 * FIRST_BATCH]
    assert 16 * FIRST_BATCH <= LOOKUP_BATCH
    assert crawler.stats.get_value("incremental/skipped_exported") == 1
