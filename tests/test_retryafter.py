"""RetryAfterMiddleware: 429/503 with Retry-After wait, then retry; the rest is RetryMiddleware's."""

from __future__ import annotations

import asyncio
from email.utils import formatdate
from time import time

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.downloadermiddlewares.retryafter import RetryAfterMiddleware, parse_retry_after


def make(settings=None):
    crawler = get_crawler(Spider, {"RETRY_TIMES": 2, **(settings or {})})
    crawler.spider = crawler._create_spider("test")
    return crawler, build_from_crawler(RetryAfterMiddleware, crawler)


def respond(middleware, request, status, retry_after=None):
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    response = Response(request.url, status=status, headers=headers, request=request)
    return asyncio.run(middleware.process_response(request, response))


@pytest.mark.parametrize("status", [429, 503])
def test_waits_then_returns_the_retry(status):
    crawler, middleware = make()
    request = Request("https://a.test/story")
    retry = respond(middleware, request, status, "0")
    assert isinstance(retry, Request)
    assert retry.url == request.url
    assert retry.dont_filter
    assert retry.meta["retry_times"] == 1
    assert crawler.stats.get_value("retry_after/count") == 1


def test_an_http_date_in_the_past_retries_at_once():
    _crawler, middleware = make()
    past = formatdate(time() - 60, usegmt=True)
    assert isinstance(respond(middleware, Request("https://a.test/"), 503, past), Request)


def test_too_long_a_wait_gives_up_and_stops_the_plain_retry():
    crawler, middleware = make({"RETRY_AFTER_MAX": 5})
    request = Request("https://a.test/")
    response = respond(middleware, request, 429, "3600")
    assert isinstance(response, Response)
    assert request.meta["dont_retry"] is True  # RetryMiddleware will not hammer it either
    assert crawler.stats.get_value("retry_after/too_long") == 1


def test_retry_times_is_shared_with_retry_middleware():
    crawler, middleware = make()
    request = Request("https://a.test/", meta={"retry_times": 2})
    response = respond(middleware, request, 429, "0")
    assert isinstance(response, Response)
    assert crawler.stats.get_value("retry_after/max_reached") == 1
    assert request.meta["dont_retry"] is True


@pytest.mark.parametrize(
    ("status", "retry_after", "meta"),
    [
        (429, None, {}),  # no header: RetryMiddleware's plain retry
        (429, "soon", {}),  # unreadable: the same
        (500, "0", {}),  # other statuses are not ours
        (200, "0", {}),
        (503, "0", {"dont_retry": True}),
    ],
)
def test_everything_else_passes_through(status, retry_after, meta):
    crawler, middleware = make()
    request = Request("https://a.test/", meta=meta)
    response = respond(middleware, request, status, retry_after)
    assert isinstance(response, Response)
    assert response.status == status
    assert not crawler.stats.get_value("retry_after/count")


def test_off_with_retries():
    crawler = get_crawler(Spider, {"RETRY_ENABLED": False})
    with pytest.raises(NotConfigured):
        build_from_crawler(RetryAfterMiddleware, crawler)


def test_parse_retry_after():
    assert parse_retry_after("10", now=0) == 10.0
    assert parse_retry_after(formatdate(1000, usegmt=True), now=990) == 10.0
    assert parse_retry_after("", now=0) is None
    assert parse_retry_after("1.5", now=0) is None  # delay-seconds are whole
    assert parse_retry_after(None, now=0) is None


def test_it_runs_before_retry_middleware():
    from newscrawler import settings

    assert settings.DOWNLOADER_MIDDLEWARES[
        "newscrawler.downloadermiddlewares.retryafter.RetryAfterMiddleware"] > 550
