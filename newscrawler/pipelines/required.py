"""Drop items that lack a field every story must have (by default a title and a body)."""

from __future__ import annotations

import logging
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.components import attach
from newscrawler.exceptions import Rejected

logger = logging.getLogger(__name__)

DEFAULT_REQUIRED_FIELDS = ("title", "body")


class IncompleteArticle(Rejected):
    """A page parsed into an item with an empty required field."""


def missing_fields(item: Any, required: tuple[str, ...]) -> list[str]:
    """The required fields that are absent or empty (``""``, ``[]``, ``None``).

    >>> missing_fields({"title": "A", "body": ""}, ("title", "body"))
    ['body']
    """
    adapter = ItemAdapter(item)
    return [name for name in required if not adapter.get(name)]


class RequiredFieldsPipeline:
    """``REQUIRED_FIELDS`` (default ``["title", "body"]``); an empty list switches it off."""

    crawler: Crawler

    def __init__(self, required: tuple[str, ...] = DEFAULT_REQUIRED_FIELDS) -> None:
        self.required = required

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        required = tuple(crawler.settings.getlist("REQUIRED_FIELDS", list(DEFAULT_REQUIRED_FIELDS)))
        if not required:
            raise NotConfigured("REQUIRED_FIELDS is empty")
        return attach(cls(required), crawler)

    def process_item(self, item: Any) -> Any:
        if missing := missing_fields(item, self.required):
            for name in missing:
                self.crawler.stats.inc_value(f"required/missing/{name}")
            raise IncompleteArticle(
                "incomplete",
                f"missing {', '.join(missing)}: {ItemAdapter(item).get('url')}",
                evidence={"missing": missing},
            )
        return item
