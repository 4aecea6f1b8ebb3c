"""Why Scrapy ignored a request: the ``download/ignored/<reason>`` stats.

Scrapy raises ``IgnoreRequest`` for a gzip bomb (``HttpCompressionMiddleware``), a redirect
loop (``RedirectMiddleware``), robots.txt and our fetch policy, and keeps no stat of the first
two. Those two are raised in a middleware's ``process_response``, which no other middleware,
extension or signal sees: the request's errback is the one place they all reach. So every
spider request carries an errback that hands the failure to :func:`count_ignored`.
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

IGNORED_REASONS = (
    ("DOWNLOAD_MAXSIZE", "too_large"),  # a body that inflates past it (HttpCompressionMiddleware)
    ("max redirections", "too_many_redirects"),  # RedirectMiddleware, REDIRECT_MAX_TIMES
    ("robots.txt", "robots_txt"),
    ("fetch policy", "refused"),  # FetchPolicyMiddleware: counted in discovery/refused/<why>
)
"""A marker of the ``IgnoreRequest`` message, and the stat name it stands for."""


def ignored_reason(message: str) -> str:
    """A stat name for why Scrapy ignored a request, from its ``IgnoreRequest`` message.

    >>> ignored_reason("max redirections reached")
    'too_many_redirects'
    >>> ignored_reason("Forbidden by robots.txt"), ignored_reason("")
    ('robots_txt', 'other')
    """
    for marker, reason in IGNORED_REASONS:
        if marker in message:
            return reason
    return "other"


def count_ignored(stats: StatsCollector, failure: Failure) -> Failure:
    """Count an ignored download under ``download/ignored/<reason>``; any other failure is
    left to Scrapy, which logs it. The failure is returned as it came."""
    if failure.check(IgnoreRequest):
        stats.inc_value(f"download/ignored/{ignored_reason(str(failure.value))}")
    return failure
