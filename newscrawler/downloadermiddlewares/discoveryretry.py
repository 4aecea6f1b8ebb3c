"""Ask a feed or start URL again when a redirect led it to an HTTP error page.

Cloudflare-fronted wires (PR Newswire) answer a fresh client's feed request with a
cookie-setting redirect to a URL that 404s, about one time in three; asking the original
URL again usually works. Requests with the ``DISCOVERY_RETRY`` meta key (the spiders set it
on feeds and start URLs) that end, after a redirect, at an error page the spider would read
(``HTTPERROR_ALLOWED_CODES``) are asked again at the URL they started from, through
Scrapy's :func:`~scrapy.downloadermiddlewares.retry.get_retry_request` (so the request's
``retry_times`` count, ``dont_retry`` and ``RETRY_PRIORITY_ADJUST`` apply as for
``RetryMiddleware``), at most ``FEED_RETRY_TIMES`` times (default 2). An error page that
came without a redirect, or after the last retry, is logged once and passed on.

Stats: ``discovery/feed_http_error/<status>`` (every such error page),
``discovery/feed_retry`` (requests asked again), and Scrapy's retry stats under
``discovery_retry/`` (``count``, ``reason_count/<status message>``, ``max_reached``).
"""

from __future__ import annotations

import logging
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.http import Response
from scrapy.utils.response import response_status_message

from newscrawler.components import at_least, attach
from newscrawler.meta import DISCOVERY_RETRY

logger = logging.getLogger(__name__)

DEFAULT_FEED_RETRY_TIMES = 2


def start_url(request: Request) -> str:
    """The URL ``request`` was first made for, before any redirect."""
    return str((request.meta.get("redirect_urls") or [request.url])[0])


def first_request(request: Request) -> Request:
    """``request`` as it was before its redirects: its start URL, without the redirect and
    download bookkeeping of the meta (``redirect_urls`` would make the next answer look
    redirected too)."""
    meta = {key: value for key, value in request.meta.items()
            if not key.startswith(("redirect_", "download_"))}
    return request.replace(url=start_url(request), meta=meta)


class DiscoveryRetryMiddleware:
    """Downloader middleware: see the module docstring."""

    crawler: Crawler

    def __init__(self, max_retry_times: int, error_codes: frozenset[int] | None) -> None:
        self.max_retry_times = max_retry_times
        self.error_codes = error_codes
        """The error statuses the spider reads (``None``: all, ``HTTPERROR_ALLOW_ALL``)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        times = at_least(settings, "FEED_RETRY_TIMES", DEFAULT_FEED_RETRY_TIMES, 0, "no retry")
        codes = None if settings.getbool("HTTPERROR_ALLOW_ALL") else frozenset(
            int(code) for code in settings.getlist("HTTPERROR_ALLOWED_CODES"))
        return attach(cls(times, codes), crawler)

    def is_read_error(self, status: int) -> bool:
        """An HTTP error page that reaches the spider (the others never did)."""
        return status >= 400 and (self.error_codes is None or status in self.error_codes)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if not request.meta.get(DISCOVERY_RETRY) or not self.is_read_error(response.status):
            return response
        stats = self.crawler.stats
        stats.inc_value(f"discovery/feed_http_error/{response.status}")
        if request.meta.get("redirect_urls") and not request.meta.get("dont_retry"):
            assert self.crawler.spider is not None
            retry = get_retry_request(
                first_request(request),
                spider=self.crawler.spider,
                reason=response_status_message(response.status),
                max_retry_times=self.max_retry_times,
                give_up_log_level=logging.DEBUG,  # the warning below says it
                stats_base_key="discovery_retry",
            )
            if retry is not None:
                stats.inc_value("discovery/feed_retry")
                return retry
        logger.warning("Feed or start URL %(url)s failed with HTTP %(status)s after %(tries)d "
                       "retries", {"url": start_url(request), "status": response.status,
                                   "tries": request.meta.get("retry_times", 0)})
        return response
