"""Pages lost to an exception: counted, so the run summary can fail the run.

Scrapy logs an exception raised while a page is parsed (the spider callback and
the spider middlewares' handling of its output: the ``spider_error`` signal) or
while its item passes the pipelines (``item_error``, every exception but
``DropItem``), and goes on. Left at that, the page vanishes from the output and
the run still exits 0. :class:`PageErrors` counts them under ``errors/parse``
and ``errors/item``; the rejects file gives each a line with reason ``error``
(:func:`error_fields`); the run summary fails a run whose errors pass
``RUN_FAIL_MAX_PAGE_ERROR_RATE`` of its pages.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.python.failure import Failure

ERROR_REASON = "error"
"""The rejects file's ``reason`` for a page lost to an exception."""
MESSAGE_CHARS = 300


def error_type(exception: BaseException) -> str:
    """The exception's class, module-qualified unless built in.

    >>> import sqlite3
    >>> error_type(ValueError("x")), error_type(sqlite3.DatabaseError("y"))
    ('ValueError', 'sqlite3.DatabaseError')
    """
    cls = type(exception)
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


def one_line(exception: BaseException, limit: int = MESSAGE_CHARS) -> str:
    """The exception's message on one line, at most ``limit`` characters.

    >>> one_line(ValueError("Invalid IPv6 URL\\n  more detail"))
    'Invalid IPv6 URL more detail'
    >>> one_line(KeyError("bogus")), one_line(RuntimeError()), len(one_line(OSError("x" * 999)))
    ("'bogus'", '', 300)
    """
    text = " ".join(str(exception).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def raised_at(exception: BaseException) -> str | None:
    """Where the exception was raised: ``file.py:line function`` of the innermost frame."""
    frames = traceback.extract_tb(exception.__traceback__)
    if not frames:
        return None
    frame = frames[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


def error_fields(exception: BaseException, stage: str) -> dict[str, Any]:
    """What the rejects file says of a page lost to ``exception`` at ``stage``.

    ``stage`` is ``parse`` (the page's callback and spider middlewares) or ``item``
    (a pipeline).

    >>> error_fields(ValueError("Invalid IPv6 URL"), "parse")  # doctest: +NORMALIZE_WHITESPACE
    {'reason': 'error', 'stage': 'parse', 'error_type': 'ValueError',
     'error': 'Invalid IPv6 URL', 'error_at': None}
    """
    return {"reason": ERROR_REASON, "stage": stage, "error_type": error_type(exception),
            "error": one_line(exception), "error_at": raised_at(exception)}


def page_of(response: Response | Failure | None) -> tuple[str | None, int | None]:
    """URL and status of the page an error belongs to (a failed download: its request)."""
    if isinstance(response, Response):
        return response.url, response.status
    request = getattr(response, "request", None)
    return (request.url if request is not None else None), None


class PageErrors:
    """Counts pages lost to an exception: ``errors/parse``, ``errors/item``.

    Always on, whatever ``REJECTS_ENABLED`` says: the run's exit status depends on it.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_error, signal=signals.spider_error)
        crawler.signals.connect(extension.item_error, signal=signals.item_error)
        return extension

    def spider_error(self, failure: Failure, response: Any, spider: Any) -> None:
        self.stats.inc_value("errors/parse")

    def item_error(self, item: Any, response: Any, spider: Any, failure: Failure) -> None:
        self.stats.inc_value("errors/item")
