"""The run's rejects file: every page a stage dropped, with its reason and evidence.

``REJECTS_URI`` names it (``%(name)s`` and ``%(time)s`` as in ``FEEDS``); by
default it sits next to the run's feed: ``output/<spider>/<time>.rejects.jsonl``
beside ``output/<spider>/<time>.jsonl``, or ``today.rejects.jsonl`` beside
``-O today.jsonl``. ``REJECTS_ENABLED = False`` switches it off. The file is
created with the first reject, so a clean run leaves none; like the feed it is
written as ``.part`` and renamed when the run closes.

Pages lost to an exception get a line too (reason ``error``, see
:mod:`newscrawler.extensions.errors`). Dates are written as the feed writes them
(ISO 8601, Scrapy's JSON encoder). A reject that cannot be written (disk full, an
unwritable path, a bad ``REJECTS_URI``) is logged once as an ERROR and counted
under ``rejects/not_written``, and the run summary fails the run: a reject never
vanishes without a word.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import IO, Any, Self

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.utils.serialize import ScrapyJSONEncoder
from twisted.python.failure import Failure

from newscrawler.components import attach, require
from newscrawler.exceptions import Rejected
from newscrawler.extensions.errors import error_fields, page_of
from newscrawler.runs.files import part_path, publish
from newscrawler.runs.naming import file_uri_params, format_uri, local_feed_uri, sibling_path

logger = logging.getLogger(__name__)

REJECTS_SUFFIX = ".rejects.jsonl"
ITEM_KEYS = ("url", "canonical_url", "id", "title", "http_status", "fetched_at")


def default_rejects_uri(feeds: dict[str, Any]) -> str:
    """Beside the first local feed; ``output/%(name)s/%(time)s.rejects.jsonl`` without one."""
    feed = local_feed_uri(feeds)
    return sibling_path(feed, REJECTS_SUFFIX) if feed else "output/%(name)s/%(time)s" + REJECTS_SUFFIX


# What failed when a reject could not be written.
WRITE_ERRORS = (OSError, TypeError, KeyError, ValueError)


class RejectsEncoder(ScrapyJSONEncoder):
    """The feed's encoding (ISO 8601 dates); evidence of any other type as its text."""

    def default(self, o: Any) -> Any:
        try:
            return super().default(o)
        except TypeError:
            return str(o)


_ENCODER = RejectsEncoder(ensure_ascii=False)


def item_keys(item: Any) -> dict[str, Any]:
    """The fields that name the page in a rejects line."""
    adapter = ItemAdapter(item)
    return {key: adapter.get(key) for key in ITEM_KEYS if key in adapter}


def reject_record(item: Any, exception: Rejected) -> dict[str, Any]:
    """One line of the rejects file."""
    record = item_keys(item)
    record["reason"] = exception.reason
    record.update(exception.evidence)
    return record


def reject_line(record: dict[str, Any]) -> str:
    """A record as one JSON line, dates in ISO 8601 as in the feed.

    >>> from datetime import UTC, datetime
    >>> reject_line({"fetched_at": datetime(2026, 12, 2, 6, 37, 16, tzinfo=UTC)})
    '{"fetched_at": "2026-12-02T06:37:16+00:00"}\\n'
    """
    return _ENCODER.encode(record) + "\n"


class RejectsWriter:
    crawler: Crawler

    def __init__(self, uri_template: str) -> None:
        self.uri_template = uri_template
        self.path: Path | None = None
        self._file: IO[str] | None = None
        self.failure: str | None = None
        """Why the rejects file could not be written (the first error), else ``None``."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        require(settings, "REJECTS_ENABLED")
        uri = settings.get("REJECTS_URI") or default_rejects_uri(settings.getdict("FEEDS"))
        writer = attach(cls(uri), crawler)
        crawler.signals.connect(writer.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(writer.spider_error, signal=signals.spider_error)
        crawler.signals.connect(writer.item_error, signal=signals.item_error)
        crawler.signals.connect(writer.spider_closed, signal=signals.spider_closed)
        return writer

    def resolve(self, spider: Spider) -> Path:
        # the feed's placeholders and rules (the crawl command checked the template at start)
        params = file_uri_params(spider, self.crawler.settings.get("FEED_URI_PARAMS"))
        return Path(format_uri(self.uri_template.removeprefix("file://"), params))

    def item_dropped(self, item: Any, response: Any, exception: BaseException,
                     spider: Spider) -> None:
        if isinstance(exception, Rejected):
            self.write(reject_record(item, exception), spider)

    def spider_error(self, failure: Failure, response: Any, spider: Spider) -> None:
        """The page's callback raised: the page gets a line, whatever it yielded before."""
        url, status = page_of(response)
        record = {"url": url, "http_status": status} if status is not None else {"url": url}
        self.write({**record, **error_fields(failure.value, "parse")}, spider)

    def item_error(self, item: Any, response: Any, spider: Spider, failure: Failure) -> None:
        self.write({**item_keys(item), **error_fields(failure.value, "item")}, spider)

    def write(self, record: dict[str, Any], spider: Spider) -> None:
        stats = self.crawler.stats
        stats.inc_value(f"rejects/count/{record['reason']}")
        if self.failure is not None:
            stats.inc_value("rejects/not_written")
            return
        try:
            if self._file is None:
                self.path = self.resolve(spider)
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = part_path(self.path).open("w", encoding="utf-8")
                logger.info("Writing rejected pages to %(path)s", {"path": self.path})
                stats.set_value("rejects/file", str(self.path))
            self._file.write(reject_line(record))
            self._file.flush()
        except WRITE_ERRORS as exc:
            self.fail(exc)
            stats.inc_value("rejects/not_written")

    def fail(self, exc: BaseException) -> None:
        """The first write error: logged once, kept for the summary; later rejects are counted."""
        if self.failure is not None:
            return
        target = self.path or self.uri_template
        self.failure = f"cannot write the rejects file {target}: {type(exc).__name__}: {exc}"
        self.crawler.stats.set_value("rejects/write_error", self.failure)
        logger.error("%(failure)s; the run will fail (lost rejects are counted under "
                     "rejects/not_written)", {"failure": self.failure})

    def spider_closed(self, spider: Spider) -> None:
        if self._file is None or self.path is None:
            return
        file, self._file = self._file, None
        try:
            try:
                file.flush()
                os.fsync(file.fileno())
            finally:
                file.close()
            publish(part_path(self.path), self.path, append=True)
        except OSError as exc:
            self.fail(exc)
