"""Answers a request for an archived page with the response its WARC record holds, unfetched."""

from __future__ import annotations

from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Response

from newscrawler.components import attach
from newscrawler.meta import WARC_FILE, WARC_RECORD


class ArchivedResponseMiddleware:
    """Before the offsite, fetch-policy and robots.txt middlewares: nothing is fetched, and
    every ``process_response`` after it (charset, redirects to a soft-404...) sees the
    archived response as it would a live one."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return attach(cls(), crawler)

    def process_request(self, request: Request) -> Response | None:
        if WARC_FILE in request.meta:
            return Response(request.url, request=request)  # its callback reads the file
        page = request.meta.get(WARC_RECORD)
        if page is None:
            return None
        # the body now lives in the response only
        body = page.pop("body", b"")
        return HtmlResponse(request.url, status=page["status"], headers=page["headers"],
                            body=body, request=request)
