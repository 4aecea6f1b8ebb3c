"""The run's rejects file: every page a stage dropped, with its reason and evidence.

``REJECTS_URI`` names it (``%(name)s`` and ``%(time)s`` as in ``FEEDS``); by
default it sits next to the run's feed: ``output/<spider>/<time>.rejects.jsonl``
beside ``output/<spider>/<time>.jsonl``, or ``today.rejects.jsonl`` beside
``-O today.jsonl``. ``REJECTS_ENABLED = False`` switches it off. The file is
created with the first reject, so a clean run leaves none; like the feed it is
written as ``.part`` and renamed when the run closes.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import IO, Any, Self

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.exceptions import Rejected
from newscrawler.feeds import file_uri_params, format_uri, local_feed_uri, sibling_path
from newscrawler.utils.files import part_path, publish

logger = logging.getLogger(__name__)

REJECTS_SUFFIX = ".rejects.jsonl"
ITEM_KEYS = ("url", "canonical_url", "id", "title", "http_status", "fetched_at")


def default_rejects_uri(feeds: dict[str, Any]) -> str:
    """Beside the first local feed; ``output/%(name)s/%(time)s.rejects.jsonl`` without one."""
    feed = local_feed_uri(feeds)
    return sibling_path(feed, REJECTS_SUFFIX) if feed else "output/%(name)s/%(time)s" + REJECTS_SUFFIX


def reject_record(item: Any, exception: Rejected) -> dict[str, Any]:
    """One line of the rejects file."""
    adapter = ItemAdapter(item)
    record = {key: adapter.get(key) for key in ITEM_KEYS if key in adapter}
    record["reason"] = exception.reason
    record.update(exception.evidence)
    return record


class RejectsWriter:
    crawler: Crawler

    def __init__(self, uri_template: str) -> None:
        self.uri_template = uri_template
        self.path: Path | None = None
        self._file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("REJECTS_ENABLED", True):
            raise NotConfigured("REJECTS_ENABLED is off")
        uri = settings.get("REJECTS_URI") or default_rejects_uri(settings.getdict("FEEDS"))
        writer = cls(uri)
        writer.crawler = crawler
        crawler.signals.connect(writer.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(writer.spider_closed, signal=signals.spider_closed)
        return writer

    def resolve(self, spider: Spider) -> Path:
        # the feed's placeholders and rules (the crawl command checked the template at start)
        params = file_uri_params(spider, self.crawler.settings.get("FEED_URI_PARAMS"))
        return Path(format_uri(self.uri_template.removeprefix("file://"), params))

    def item_dropped(self, item: Any, response: Any, exception: BaseException,
                     spider: Spider) -> None:
        if not isinstance(exception, Rejected):
            return
        if self._file is None:
            self.path = self.resolve(spider)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = part_path(self.path).open("w", encoding="utf-8")
            logger.info("Writing rejected pages to %(path)s", {"path": self.path})
            self.crawler.stats.set_value("rejects/file", str(self.path))
        record = reject_record(item, exception)
        self._file.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self._file.flush()
        self.crawler.stats.inc_value(f"rejects/count/{exception.reason}")

    def spider_closed(self, spider: Spider) -> None:
        if self._file is None or self.path is None:
            return
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        self._file = None
        publish(part_path(self.path), self.path, append=True)
