"""Test-only stages that fail the way a broken store or a buggy middleware does.

Enabled in a crawl with ``-s ITEM_PIPELINES=`` / ``-s SPIDER_MIDDLEWARES=`` (tests/ on
``PYTHONPATH``); each fails only for pages that carry its marker, so the rest of the
crawl shows what an error costs: that page, not the run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from typing import Any

from itemadapter import ItemAdapter
from scrapy.http import Response

STORE_MARKER = "marker-store-fails"
"""A story whose body holds this fails in :class:`CorruptStorePipeline`."""
PARSE_MARKER = "marker-parse-fails"
"""A page whose URL holds this fails in :class:`FailingOutputMiddleware`, after its output."""


class CorruptStorePipeline:
    """Raises what a corrupt SQLite state store raises, for marked stories."""

    def process_item(self, item: Any) -> Any:
        if STORE_MARKER in (ItemAdapter(item).get("body") or ""):
            raise sqlite3.DatabaseError("database disk image is malformed")
        return item


class FailingOutputMiddleware:
    """Passes a marked page's items and links on, then raises (a bug in a middleware)."""

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for entry in result:
            yield entry
        if PARSE_MARKER in response.url:
            raise RuntimeError(f"middleware bug on {response.url}\nsecond line")

    def process_spider_output(self, response: Response, result: Any) -> Any:
        yield from result
        if PARSE_MARKER in response.url:
            raise RuntimeError(f"middleware bug on {response.url}\nsecond line")
