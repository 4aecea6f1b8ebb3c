"""Hand a story's redirect to the home page, a listing or a login wall to the soft-404 stage.

Followed, such a redirect vanishes: the home page was fetched already, so the
redirected request is dupe-filtered and the removed story leaves no trace. This
middleware sits before ``RedirectMiddleware`` on the response path (a higher
order number) and, for story requests, returns the 3xx response instead, so the
story becomes an item that the soft-404 stage classifies as ``redirect`` and the
rejects file records. It also counts redirect targets: once
``SOFT404_REDIRECT_SHARED_MIN`` story URLs have been redirected to one target,
later ones are handed through too ("many URLs redirected to one target").
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Response

from newscrawler.components import at_least, attach, require
from newscrawler.meta import PROBE, REDIRECT, STORY
from newscrawler.soft404.redirects import redirect_kind
from newscrawler.utils.urls import absolute_url, url_kind

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
DEFAULT_REDIRECT_SHARED_MIN = 5


class StoryRedirectMiddleware:
    crawler: Crawler

    def __init__(self, shared_min: int = DEFAULT_REDIRECT_SHARED_MIN) -> None:
        self.shared_min = shared_min
        self.sources: dict[str, set[str]] = defaultdict(set)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        require(settings, "SOFT404_ENABLED")
        shared_min = at_least(settings, "SOFT404_REDIRECT_SHARED_MIN",
                              DEFAULT_REDIRECT_SHARED_MIN, 2)
        return attach(cls(shared_min), crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in REDIRECT_STATUSES or b"Location" not in response.headers:
            return response
        meta = request.meta
        if meta.get(PROBE) or meta.get("dont_redirect"):
            return response
        if not (meta.get(STORY) or url_kind(request.url) == "article"):
            return response
        location = (response.headers.get(b"Location") or b"").decode("latin-1")
        target = absolute_url(request.url, location)
        if target is None:  # "http://[::1": not a redirect this stage can judge
            return response
        sources = self.sources[target]
        sources.add(request.url)
        kind = redirect_kind(request.url, target)
        if kind is None and len(sources) >= self.shared_min:
            kind = "shared"
        if kind is None:
            return response
        self.crawler.stats.inc_value(f"soft404/redirect/{kind}")
        logger.debug("Story %(url)s redirects to %(target)s (%(kind)s): handed to the soft-404 "
                     "stage", {"url": request.url, "target": target, "kind": kind})
        meta["dont_redirect"] = True
        meta[STORY] = True
        meta[REDIRECT] = {"kind": kind, "target": target}
        meta["handle_httpstatus_list"] = [response.status]
        if not isinstance(response, HtmlResponse):
            response = response.replace(cls=HtmlResponse, body=b"<html><body></body></html>")
        return response
