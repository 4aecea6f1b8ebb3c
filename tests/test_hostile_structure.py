"""Hostile structure never raises: deep nesting and URLs that are no URLs, piece by piece.

The crawl through all of it is in tests/test_errors.py; these are the pure pieces.
"""

from __future__ import annotations

import sys

import lxml.html
import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from newscrawler.discovery.links import base_of, page_links, tolerate_bad_base
from newscrawler.downloadermiddlewares.badurls import (
    BadLocationMiddleware,
    BadMetaRefreshMiddleware,
)
from newscrawler.extract import jsonld
from newscrawler.parsers.base import ArticleParser
from newscrawler.parsers.wire import block_text
from newscrawler.spiders.generic import GenericSpider
from newscrawler.utils.urls import MAX_URL_LENGTH, absolute_url

BAD_URLS = [
    "http://[::1",
    "http://[::1/story",
    "http://[not-ipv6]/",
    "http://a b/",
    "http://x:99999/",
    "http://x:0/",
    "http://x:port/",
    "javascript:alert(1)",
    "ftp://w.test/file",
    "http://a\x00b/",
    "http://w.test/\nstory",
    "http://a%0ab/",
    "http://w.test/" + "a" * MAX_URL_LENGTH,
]


def nested_json(depth: int) -> str:
    return '{"@type": "NewsArticle", "headline": "H", "x": ' + '{"a": [' * depth + "1" \
        + "]}" * depth + "}"


def page(body: str, url: str = "http://w.test/news/2026/11/20/story-of-the-day.html"):
    return HtmlResponse(url, body=body.encode(), encoding="utf-8", request=Request(url))


# --- JSON-LD -----------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [50, 400, 900, 5_000, 100_000])
def test_deep_json_ld_never_raises(depth):
    root = lxml.html.fromstring(
        f'<html><head><script type="application/ld+json">{nested_json(depth)}</script>'
        "</head><body></body></html>")
    docs = jsonld.documents(root)
    # parsed and cut at MAX_DEPTH, or skipped when deeper than the JSON parser goes
    if docs:
        article = jsonld.find_article(docs)
        assert article is not None
        assert article["headline"] == "H"


def test_lower_keys_cuts_what_lies_deeper_than_max_depth():
    data = current = {}
    for _ in range(200):
        current["Next"] = {}
        current = current["Next"]
    lowered = jsonld.lower_keys(data)
    levels = 0
    while isinstance(lowered, dict) and "next" in lowered:
        lowered, levels = lowered["next"], levels + 1
    assert levels == jsonld.MAX_DEPTH
    assert lowered is None


def test_text_value_of_a_deep_list_is_bounded():
    value: list = ["x"]
    for _ in range(sys.getrecursionlimit() * 2):
        value = [value]
    assert jsonld.text_value(value) is None  # too deep to be a name: not read, no raise
    assert jsonld.text_value([[["name"]]]) == "name"


# --- deep HTML ---------------------------------------------------------------------------------
def test_deeply_nested_html_is_read_without_recursion_errors():
    nest = "<div>" * 100_000 + "deep" + "</div>" * 100_000
    response = page(f'<html><head><meta property="og:type" content="article"></head><body>'
                    f"<article><h1>Title</h1><p>{'word ' * 60}</p></article>{nest}</body></html>")
    item = ArticleParser(response).to_item()
    assert item.title == "Title"
    assert item.body.startswith("word word")
    root = response.selector.root
    assert block_text(root.find("body")).startswith("Title\nword word")


def test_block_text_of_a_deep_tree():
    root = page("<div>" + "<div><span>a</span>" * 5000 + "</div>" * 5000 + "</div>").selector.root
    assert block_text(root.find("body")).split("\n")[:2] == ["a", "a"]


def test_a_selector_matching_thousands_of_nested_empty_headings_reads_a_few(monkeypatch):
    # 3,000 empty <h1> nested in the release header: each read walks the rest of the nest
    from newscrawler.parsers import wire
    from newscrawler.parsers.prnewswire import PrNewswireParser

    nest = "<h1><span>" * 3_000 + "</span></h1>" * 3_000
    html = ("<html><body><article class='news-release'><header class='release-header'>"
            f"{nest}<h1>Quillfeather names a new publisher</h1></header></article></body></html>")
    reads = []
    real = wire.block_text
    monkeypatch.setattr(wire, "block_text", lambda el: reads.append(1) or real(el))
    parser = PrNewswireParser(page(html, "https://www.prnewswire.com/news-releases/x-302.html"))
    assert parser.first_text(parser.title_xpath) is None  # the heading past the bound is not read
    assert len(reads) == wire.FIRST_TEXT_NODES


# --- URLs --------------------------------------------------------------------------------------
@pytest.mark.parametrize("href", BAD_URLS)
def test_absolute_url_refuses_what_no_request_could_use(href):
    assert absolute_url("http://w.test/news/", href) is None


@pytest.mark.parametrize(("href", "expected"), [
    ("/a", "http://w.test/a"),
    ("b?x=1", "http://w.test/news/b?x=1"),
    ("HTTPS://Other.test/c", "HTTPS://Other.test/c"),
    ("http://[::1]:8080/d", "http://[::1]:8080/d"),
    ("//cdn.test/e", "http://cdn.test/e"),
    ("  http://münchen.test/f  ", "http://münchen.test/f"),
])
def test_absolute_url_keeps_usable_urls(href, expected):
    assert absolute_url("http://w.test/news/", href) == expected


def test_bad_links_are_skipped_and_reported():
    root = lxml.html.fromstring(
        "<p>" + "".join(f'<a href="{href}">x</a>' for href in BAD_URLS) + '<a href="/ok">ok</a>'
        '<a href="javascript:void(0)">menu</a><a href="mailto:a@b.test">mail</a></p>')
    bad: list[str] = []
    assert list(page_links(root, "http://w.test/", bad.append)) == ["http://w.test/ok"]
    # javascript: and mailto: links are not pages, on purpose: skipped without a word
    assert len(bad) == len(BAD_URLS) - 1


def test_a_bad_base_is_ignored():
    root = lxml.html.fromstring('<html><head><base href="http://[::1"></head>'
                                '<body><a href="rel">x</a></body></html>')
    assert base_of(root, "http://w.test/a/b") == "http://w.test/a/b"
    assert list(page_links(root, "http://w.test/a/b")) == ["http://w.test/a/rel"]


@pytest.mark.parametrize("bad", [u for u in BAD_URLS if not set(u) & {"\n", "\x00"}])
def test_bad_canonical_and_og_url_keep_the_fetched_url(bad):
    head = f'<link rel="canonical" href="{bad}"><meta property="og:url" content="{bad}">'
    response = page(f"<html><head>{head}</head><body><p>text</p></body></html>")
    parser = ArticleParser(response)
    assert parser.canonical_url() == response.url
    assert parser.bad_urls == 2


def test_a_page_with_a_bad_base_can_be_read_by_scrapy():
    response = page('<html><head><base href="http://[::1"></head><body>'
                    '<a href="/x">x</a></body></html>')
    assert tolerate_bad_base(response) is True
    assert response.urljoin("y") == "http://w.test/news/2026/11/20/y"
    assert response.xpath("//a/@href").get() == "/x"
    assert tolerate_bad_base(page("<html><body>fine</body></html>")) is False


def test_the_spider_counts_bad_links(tmp_path):
    crawler = get_crawler(GenericSpider)
    spider = crawler._create_spider(url="http://w.test/")
    crawler.stats.open_spider()
    response = page('<html><head><link rel="next" href="http://[::1">'
                    '<link rel="alternate" type="application/rss+xml" href="http://a b/f">'
                    '</head><body><a href="http://x:99999/">x</a><a href="/news/ok">ok</a>'
                    "</body></html>", url="http://w.test/")
    requests = list(spider.parse_html(response))
    assert [r.url for r in requests] == ["http://w.test/news/ok"]
    assert crawler.stats.get_value("discovery/bad_url") == 3


# --- redirects and meta refresh ----------------------------------------------------------------
def test_a_bad_location_is_not_followed_and_counted():
    crawler = get_crawler(GenericSpider)
    crawler.stats.open_spider()
    middleware = BadLocationMiddleware.from_crawler(crawler)
    request = Request("http://w.test/a")
    response = Response(request.url, status=302, headers={"Location": "http://[::1"})
    assert middleware.process_response(request, response) is response
    assert request.meta["dont_redirect"] is True
    assert crawler.stats.get_value("download/bad_redirect_url") == 1
    good = Request("http://w.test/b")
    middleware.process_response(good, Response(good.url, status=301, headers={"Location": "/c"}))
    assert "dont_redirect" not in good.meta


@pytest.mark.parametrize("head", ['<base href="http://[::1">',
                                  '<meta http-equiv="refresh" content="0; url=http://[::1">'])
def test_a_bad_meta_refresh_or_base_is_not_refreshed_and_counted(head):
    crawler = get_crawler(GenericSpider)
    crawler.stats.open_spider()
    middleware = BadMetaRefreshMiddleware.from_crawler(crawler)
    response = page(f"<html><head>{head}</head><body>text</body></html>")
    assert middleware.process_response(response.request, response) is response
    assert response.request.meta["dont_redirect"] is True
    assert crawler.stats.get_value("download/bad_refresh_url") == 1
