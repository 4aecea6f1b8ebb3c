"""Responses that name an unusable URL: not redirected, counted, and passed on.

Scrapy's ``RedirectMiddleware`` raises ``ValueError`` on ``Location: http://[::1``, and
its ``MetaRefreshMiddleware`` on a page with ``<base href="http://[::1">`` or a refresh
to such a URL. The page is then lost as an "Error downloading" that no stat counts,
and never reaches the parser, which would ignore the bad URL and read the story. These
two look first and set ``dont_redirect`` on such a response (``download/bad_redirect_url``,
``download/bad_refresh_url``).
"""

from __future__ import annotations

from typing import Self
from urllib.parse import urljoin

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Response
from scrapy.utils.response import get_meta_refresh
from w3lib.url import safe_url_string


def redirect_target_ok(url: str, location: str) -> bool:
    """Whether Scrapy can build the redirect request (what its middleware would do).

    >>> redirect_target_ok("http://w.test/a", "/b"), redirect_target_ok("http://w.test/", "http://[::1")
    (True, False)
    """
    try:
        safe_url_string(urljoin(url, safe_url_string(location)))
    except ValueError:  # "Invalid IPv6 URL", a host IDNA cannot encode
        return False
    return True


class BadLocationMiddleware:
    """A 3xx whose ``Location`` is no URL is not followed (before ``RedirectMiddleware``)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not 300 <= response.status < 400 or request.meta.get("dont_redirect"):
            return response
        location = response.headers.get(b"Location")
        if location and not redirect_target_ok(request.url, location.decode("latin-1")):
            self.crawler.stats.inc_value("download/bad_redirect_url")
            request.meta["dont_redirect"] = True
        return response


class BadMetaRefreshMiddleware:
    """A page whose meta refresh or ``<base>`` is no URL is not refreshed, but parsed.

    After decompression (590) and before ``MetaRefreshMiddleware`` (580) on the way back;
    Scrapy caches the refresh it reads here, so it costs nothing extra.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.ignore_tags = crawler.settings.getlist("METAREFRESH_IGNORE_TAGS")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, HtmlResponse) or request.meta.get("dont_redirect"):
            return response
        try:
            get_meta_refresh(response, ignore_tags=self.ignore_tags)
        except ValueError:
            self.crawler.stats.inc_value("download/bad_refresh_url")
            request.meta["dont_redirect"] = True
        return response
