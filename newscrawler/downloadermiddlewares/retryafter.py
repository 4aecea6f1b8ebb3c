"""Honour ``Retry-After`` on 429 and 503: wait as long as the server asks, then retry.

Scrapy's ``RetryMiddleware`` retries 429 and 503 at once, which is exactly what a
rate-limited server asked us not to do. This middleware sits just before it
(``process_response`` runs in decreasing order, so 560 comes before 550): when a
429 or 503 carries a readable ``Retry-After`` (delay-seconds or an HTTP date), it
awaits that delay without blocking the reactor and returns the retry request.
Responses without the header are left to ``RetryMiddleware``.

The wait holds the request in the downloader (it counts against
``CONCURRENT_REQUESTS`` but not against its site's slot, whose other requests go on).

Settings: ``RETRY_AFTER_MAX`` (seconds, default 60): a longer wait is not
waited for; the response is given up (``retry_after/too_long``) and not retried
right away either. ``RETRY_TIMES``, the ``max_retry_times`` and ``dont_retry``
meta keys and ``RETRY_ENABLED`` apply as for ``RetryMiddleware``, and both share
the request's ``retry_times`` count.

Stats: ``retry_after/count``, ``retry_after/reason_count/<status message>``,
``retry_after/max_reached`` (retries exhausted) and ``retry_after/too_long``.
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)

RETRY_AFTER_HTTP_CODES = frozenset({429, 503})
DEFAULT_RETRY_AFTER_MAX = 60.0


def parse_retry_after(value: str | bytes | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` value at ``now`` (a POSIX timestamp).

    The value is delay-seconds or an HTTP date; ``None`` when it is neither.

    >>> parse_retry_after("120", now=0)
    120.0
    >>> parse_retry_after(b" 1 ", now=0)
    1.0
    >>> parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0)
    10.0
    >>> parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0)  # already past
    0.0
    >>> parse_retry_after("-5", now=0) is None, parse_retry_after("soon", now=0) is None
    (True, True)
    """
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP dates are GMT
        return None
    return max(0.0, when.timestamp() - now)


class RetryAfterMiddleware:
    def __init__(self, crawler: Crawler, max_delay: float = DEFAULT_RETRY_AFTER_MAX) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.max_delay = max_delay

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured("RETRY_ENABLED is off")
        return cls(crawler, settings.getfloat("RETRY_AFTER_MAX", DEFAULT_RETRY_AFTER_MAX))

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in RETRY_AFTER_HTTP_CODES or request.meta.get("dont_retry"):
            return response
        delay = parse_retry_after(response.headers.get("Retry-After"), time.time())
        if delay is None:
            return response  # RetryMiddleware retries it the plain way
        if delay > self.max_delay:
            self.stats.inc_value("retry_after/too_long")
            logger.warning(
                "Giving up %(request)s: Retry-After asks for %(delay).0f s, "
                "RETRY_AFTER_MAX is %(max).0f s",
                {"request": request, "delay": delay, "max": self.max_delay},
            )
            # retrying at once is what the server asked us not to do
            request.meta["dont_retry"] = True
            return response
        assert self.crawler.spider is not None
        retry = get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=response_status_message(response.status),
            priority_adjust=request.meta.get("priority_adjust"),
            give_up_log_level=request.meta.get("give_up_log_level"),
            stats_base_key="retry_after",
        )
        if retry is None:
            request.meta["dont_retry"] = True  # RetryMiddleware would only give up again
            return response
        logger.debug("Waiting %(delay).1f s (Retry-After) before retrying %(request)s",
                     {"delay": delay, "request": request})
        await sleep(delay)
        return retry
