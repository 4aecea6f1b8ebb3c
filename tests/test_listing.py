"""Paginated listings, without a crawl: which next page is asked for, and when none is."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawler.discovery.listing import next_page_url, page_number
from newscrawler.meta import LISTING_PAGE
from newscrawler.spiders.prnewswire import PrNewswireSpider

LIST = "https://www.prnewswire.com/news-releases/news-releases-list/"


def card(slug: str, shown: str) -> str:
    return (f'<div class="card col-view"><a class="newsreleaseconsolidatelink" '
            f'href="/news-releases/{slug}.html?tc=eml_cleartime"><h3><small>{shown}</small>'
            f"Title</h3></a></div>")


def listing(url: str, cards: str, page: int = 1, next_href: str | None = None):
    nav = f'<ul class="pagination"><li><a aria-label="Next" href="{next_href}">Next</a></li></ul>' \
        if next_href else ""
    request = Request(url, meta={LISTING_PAGE: page} if page > 1 else {})
    return HtmlResponse(url, body=f"<html><body>{cards}{nav}</body></html>".encode(),
                        encoding="utf-8", request=request)


def spider(**kwargs) -> PrNewswireSpider:
    crawler = get_crawler(PrNewswireSpider)
    return PrNewswireSpider.from_crawler(crawler, **kwargs)


def test_next_page_from_the_link_or_the_page_number():
    assert next_page_url(LIST, LIST + "?page=2&pagesize=25") == LIST + "?page=2&pagesize=25"
    assert next_page_url(LIST + "?page=2&pagesize=25") == LIST + "?page=3&pagesize=25"
    assert page_number(LIST + "?page=x") == 1
    # never back, never elsewhere
    assert next_page_url(LIST + "?page=3", LIST + "?page=3") is None
    assert next_page_url(LIST, "https://www.prnewswire.com/news/acme/?page=2") is None
    assert next_page_url(LIST, "https://evil.example/news-releases/news-releases-list/?page=2") \
        is None


def test_pages_are_read_up_to_the_bound():
    reader = spider()
    last = reader.listing_pages
    url = f"{LIST}?page={last}&pagesize=25"
    out = list(reader.parse_listing(listing(url, card("acme-plant-302400001", "10:00 ET"), last,
                                            f"?page={last + 1}&pagesize=25")))
    assert [r.url for r in out] == [("https://www.prnewswire.com/news-releases/"
                                    "acme-plant-302400001.html")]
    out = list(reader.parse_listing(listing(f"{LIST}?page=2&pagesize=25",
                                            card("acme-dock-302400002", "10:00 ET"), 2,
                                            "?page=3&pagesize=25")))
    assert out[-1].url == f"{LIST}?page=3&pagesize=25"
    assert out[-1].meta[LISTING_PAGE] == 3


def test_a_page_of_releases_older_than_since_is_the_last():
    reader = spider(since="2025-04-25")
    old = card("acme-plant-302400001", "Apr 20, 2025, 10:00 ET")
    out = list(reader.parse_listing(listing(LIST, old, 1, "?page=2&pagesize=25")))
    assert out == []
    assert reader.crawler.stats.get_value("discovery/skipped_before_since") == 1


def test_a_page_that_lists_nothing_new_is_the_last():
    reader = spider()
    cards = card("acme-plant-302400001", "10:00 ET")
    first = list(reader.parse_listing(listing(LIST, cards, 1, "?page=2&pagesize=25")))
    assert len(first) == 2  # the release and page 2
    again = list(reader.parse_listing(listing(f"{LIST}?page=2&pagesize=25", cards, 2,
                                              "?page=3&pagesize=25")))
    assert again == []
