"""``WARC_OUTPUT``: every fetch archived, with its request, in rolling gzipped WARC 1.1 files."""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response

from newscrawler.components import attach
from newscrawler.meta import DISCOVERY, HINTS, PROBE, STORY, WARC_FILE, WARC_RECORD
from newscrawler.runs.naming import file_uri_params, format_uri, run_time, worker_id
from newscrawler.utils.sniff import sniff
from newscrawler.warc.writer import RollingWarcWriter, fetch_records

logger = logging.getLogger(__name__)

DEFAULT_MAX_SIZE = 1024**3  # a Common Crawl file's size
DEFAULT_MAX_QUEUED = 32 * 1024**2


def fetch_kind(url: str, meta: dict[str, Any], body: bytes) -> str:
    """What a fetch was for (the ``WARC-Newscrawler-Kind`` header).

    >>> fetch_kind("https://h/robots.txt", {}, b"User-agent: *")
    'robots'
    >>> fetch_kind("https://h/feed", {"newscrawler_discovery": True}, b"<rss><channel>")
    'discovery'
    >>> fetch_kind("https://h/a.html", {"newscrawler_story": True}, b"<html>")
    'story'
    """
    if meta.get(PROBE):
        return "probe"
    if url.split("?", 1)[0].endswith("/robots.txt"):
        return "robots"
    if meta.get(STORY):
        return "story"
    if meta.get(DISCOVERY) and sniff(body) in ("sitemap", "sitemapindex", "gzip", "feed"):
        return "discovery"
    return "page"


def header_list(headers: Headers) -> list[tuple[bytes, bytes]]:
    return [(name, value) for name, values in headers.items() for value in values]


class WarcOutputMiddleware:
    """Next to the downloader, so the response is archived as it came (still compressed,
    before redirects and retries act on it). Files are written in one thread of their own.

    When more than ``max_queued`` bytes wait for that thread (a disk slower than the
    crawl), a response is held until its records are written: the download stays active
    meanwhile, so the downloader, at its concurrency, takes no new request and memory
    stays bounded. The reactor never blocks."""

    def __init__(self, crawler: Crawler, template: str, max_size: int,
                 max_queued: int = DEFAULT_MAX_QUEUED) -> None:
        self.crawler, self.template, self.max_size = crawler, template, max_size
        self.max_queued = max_queued
        self.writer: RollingWarcWriter | None = None
        self.executor: ThreadPoolExecutor | None = None
        self.queued = 0  # bytes submitted to the writing thread and not yet written
        self.lock = threading.Lock()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        template = settings.get("WARC_OUTPUT")
        if not template:
            raise NotConfigured("WARC_OUTPUT is not set")
        max_size = settings.getint("WARC_OUTPUT_MAX_SIZE", DEFAULT_MAX_SIZE)
        if max_size <= 0:
            raise ValueError(f"WARC_OUTPUT_MAX_SIZE must be a size in bytes, not {max_size}")
        max_queued = settings.getint("WARC_OUTPUT_MAX_QUEUED", DEFAULT_MAX_QUEUED)
        if max_queued <= 0:
            raise ValueError(f"WARC_OUTPUT_MAX_QUEUED must be a size in bytes, not {max_queued}")
        middleware = cls(crawler, str(template), max_size, max_queued)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return attach(middleware, crawler)

    def spider_opened(self, spider: Spider) -> None:
        params = file_uri_params(spider, self.crawler.settings.get("FEED_URI_PARAMS"))
        folder = Path(format_uri(self.template, params))
        prefix = f"newscrawler-{spider.name}-{run_time(spider)}-{worker_id()}"
        self.writer = RollingWarcWriter(folder, prefix, max_size=self.max_size,
                                        info=f"operator-spider: {spider.name}\r\n")
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warc-output")

    async def process_response(self, request: Request, response: Response) -> Response:
        if (self.writer is None or self.executor is None or WARC_RECORD in request.meta
                or WARC_FILE in request.meta
                or not response.url.startswith(("http://", "https://"))):
            return response
        kind = fetch_kind(response.url, request.meta, response.body)
        records = fetch_records(
            url=response.url, method=request.method,
            request_headers=header_list(request.headers), request_body=request.body,
            status=response.status, headers=header_list(response.headers), body=response.body,
            kind=kind, hints=request.meta.get(HINTS))
        size = sum(len(r) for r in records)
        with self.lock:
            self.queued += size
            behind = self.queued > self.max_queued
        future = self.executor.submit(self.writer.write, *records)
        future.add_done_callback(lambda done: self._written(done, size))
        self.crawler.stats.inc_value(f"warc_output/records/{kind}")
        if behind:
            # the writer is behind: hold this download until its records are on disk
            self.crawler.stats.inc_value("warc_output/held")
            await asyncio.wait([asyncio.wrap_future(future)])
        return response

    def _written(self, future: Future[None], size: int) -> None:
        """In the writing thread: the records are written (or failed)."""
        with self.lock:
            self.queued -= size
        if (error := future.exception()) is not None:
            self.crawler.stats.inc_value("warc_output/errors")
            logger.error("Cannot write to WARC_OUTPUT: %(error)s", {"error": error})

    async def spider_closed(self) -> None:
        if self.executor is None or self.writer is None:
            return
        await asyncio.to_thread(self.executor.shutdown)
        await asyncio.to_thread(self.writer.close)
        self.crawler.stats.set_value("warc_output/files", len(self.writer.closed))
