"""A parsed page is freed by reference counting once its callback is done."""

from __future__ import annotations

import asyncio
import gc
import weakref

import pytest
from scrapy.http import HtmlResponse

from newscrawler.spidermiddlewares.release import ReleaseParsedPageMiddleware


async def _outputs(*values):
    for value in values:
        yield value


async def _consume(result):
    return [value async for value in result]


@pytest.fixture
def no_cycle_collector():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def _parsed_page() -> HtmlResponse:
    response = HtmlResponse("https://news.test/a.html", body=b"<html><p>Story</p></html>")
    assert response.xpath("//p/text()").get() == "Story"
    return response


def test_without_the_middleware_a_parsed_page_waits_for_the_cycle_collector(no_cycle_collector):
    response = _parsed_page()
    ref = weakref.ref(response)
    del response
    assert ref() is not None  # response <-> selector: only gc.collect() frees it
    gc.collect()
    assert ref() is None


def test_the_page_goes_when_its_output_is_exhausted(no_cycle_collector):
    response = _parsed_page()
    ref = weakref.ref(response)
    middleware = ReleaseParsedPageMiddleware()
    result = middleware.process_spider_output(response, _outputs("item", "request"))
    assert asyncio.run(_consume(result)) == ["item", "request"]
    del response, result
    assert ref() is None


def test_the_selector_still_works_after_release():
    response = _parsed_page()
    middleware = ReleaseParsedPageMiddleware()
    asyncio.run(_consume(middleware.process_spider_output(response, _outputs())))
    assert response.css("p::text").get() == "Story"  # parsed again on demand
