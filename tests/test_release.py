"""A parsed page is freed by reference counting once its parser is done; its item keeps plain values."""

from __future__ import annotations

import gc
import weakref

import pytest
from scrapy.http import HtmlResponse, Request

from newscrawler.evidence import PageEvidence
from newscrawler.parsers.base import ArticleParser

STORY = (b"<html><head><title>Harbour cranes</title></head><body><article><h1>Harbour cranes</h1>"
         + b"<p>" + b"The port ordered four electric cranes, the operator said on Monday. " * 6
         + b"</p></article></body></html>")


@pytest.fixture
def no_cycle_collector():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def _response() -> HtmlResponse:
    url = "https://news.test/2025/04/10/cranes.html"
    return HtmlResponse(url, body=STORY, encoding="utf-8", request=Request(url))


def test_scrapy_cached_selector_waits_for_the_cycle_collector(no_cycle_collector):
    response = _response()
    assert response.xpath("//h1/text()").get() == "Harbour cranes"
    ref = weakref.ref(response)
    del response
    assert ref() is not None  # response <-> selector: only gc.collect() frees it
    gc.collect()
    assert ref() is None


def test_the_page_and_its_tree_go_when_the_parser_does(no_cycle_collector):
    response = _response()
    parser = ArticleParser(response)
    item = parser.to_item()
    page, tree = weakref.ref(response), weakref.ref(parser.root)
    del response, parser
    assert page() is None  # no gc.collect(): nothing holds them
    assert tree() is None
    assert isinstance(item.evidence, PageEvidence)
    assert item.evidence.title == "Harbour cranes"
    assert item.evidence.blocks[0].startswith("The port ordered four electric cranes")


def test_the_evidence_is_immutable():
    item = ArticleParser(_response()).to_item()
    with pytest.raises(AttributeError):
        item.evidence.status = 404  # type: ignore[misc]
