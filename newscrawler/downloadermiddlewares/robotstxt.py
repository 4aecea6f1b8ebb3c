"""robots.txt fetched once per host: Scrapy's copy serves the spider's ``Sitemap:`` reading.

With ``ROBOTSTXT_OBEY``, Scrapy fetches a host's robots.txt before the first request to it
(outside the scheduler, without a callback) and keeps only the parsed rules. The spider
reads the same file for its ``Sitemap:`` lines, and would fetch it a second time. This
middleware keeps the response Scrapy got (signal ``response_received``) and answers a later
request for that URL with it, as ``HttpCacheMiddleware`` answers from its cache (flag
``robotstxt``, not retried: Scrapy's fetch was). It also keeps the parsed rules (signal
``robots_parsed``), so the spider can skip a link robots.txt disallows before scheduling it
(:meth:`allows`). Without ``ROBOTSTXT_OBEY`` it is off: the spider's own request is then
the one fetch.

Stats: ``robotstxt/reused`` (requests answered with Scrapy's copy).
"""

from __future__ import annotations

from typing import Self
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached

from newscrawler.components import attach

FLAG = "robotstxt"
"""Response flag (shown in Scrapy's "Crawled" log line) of a robots.txt served again."""


def is_robots_fetch(request: Request) -> bool:
    """Whether ``request`` is one ``RobotsTxtMiddleware`` made for itself."""
    return (request.callback is NO_CALLBACK and bool(request.meta.get("dont_obey_robotstxt"))
            and urlparse_cached(request).path == "/robots.txt")


class RobotsTxtReuseMiddleware:
    """Downloader middleware: see the module docstring."""

    crawler: Crawler

    def __init__(self, user_agent: str) -> None:
        self.user_agent = user_agent
        """Whose rules :meth:`allows` reads (``ROBOTSTXT_USER_AGENT``, else ``USER_AGENT``)."""
        self.responses: dict[str, Response] = {}
        """robots.txt URL (before any redirect) -> the response Scrapy's middleware got."""
        self.rules: dict[str, RobotParser] = {}
        """Host (``netloc``) -> its parsed robots.txt."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured("ROBOTSTXT_OBEY is off: the spider fetches robots.txt itself")
        agent = str(settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT") or "")
        middleware = attach(cls(agent), crawler)
        crawler.signals.connect(middleware.response_received, signal=signals.response_received)
        crawler.signals.connect(middleware.robots_parsed, signal=signals.robots_parsed)
        return middleware

    def response_received(self, response: Response, request: Request) -> None:
        if is_robots_fetch(request):
            url = (request.meta.get("redirect_urls") or [request.url])[0]
            self.responses[url] = response

    def robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        self.rules[urlparse_cached(request).netloc] = robotparser

    def process_request(self, request: Request) -> Response | None:
        if request.method != "GET" or (stored := self.responses.get(request.url)) is None:
            return None
        self.crawler.stats.inc_value("robotstxt/reused")
        request.meta["dont_retry"] = True  # Scrapy's fetch was retried already
        return stored.replace(request=request, flags=[*stored.flags, FLAG])

    def allows(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url``, as far as it has been read (a host whose
        robots.txt was not read yet is allowed; Scrapy's middleware checks again)."""
        rules = self.rules.get(urlsplit(url).netloc)
        return rules is None or bool(rules.allowed(url, self.user_agent))
