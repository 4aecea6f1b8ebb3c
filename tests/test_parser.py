from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from newscrawler.parsers.base import ArticleParser
from newscrawler.utils.urls import url_id

PAGES = Path(__file__).parent / "data" / "pages"


def parse(name: str, url: str, status: int = 200, hints: dict | None = None):
    response = HtmlResponse(url=url, body=(PAGES / name).read_bytes(), status=status)
    return ArticleParser(response, hints=hints).to_item()


def test_jsonld_graph_article():
    item = parse("graph_article.html", "https://tidewater.test/news/2025/04/25/northwind?ref=home")
    assert item.url == "https://tidewater.test/news/2025/04/25/northwind?ref=home"
    assert item.canonical_url == (
        "https://tidewater.test/news/2025/04/25/northwind-robotics-to-acquire-lumen-sensors.html"
    )
    assert item.id == url_id(item.canonical_url)
    assert item.source == "Tidewater Newswire"
    assert item.title == "Northwind Robotics to acquire Lumen Sensors for $240 million"
    assert item.subtitle == "Deal adds lidar line to warehouse robots"
    assert item.authors == ["Marta Keel", "Owen Ruiz"]
    assert item.published == "2025-04-25T09:30:00-04:00"
    assert item.modified == "2025-04-25T11:02:00-04:00"
    assert item.language == "en"
    assert item.dateline == "BOSTON, Mass., April 25, 2025 /Tidewater Newswire/"
    paragraphs = item.body.split("\n\n")
    assert paragraphs[0].startswith("Northwind Robotics Inc. (NASDAQ: NWRB) said on Friday")
    assert "Why lidar, and why now" in paragraphs
    assert "Cash portion: $150 million from existing reserves." in paragraphs
    assert paragraphs[-1] == "Shares of Northwind rose 4.2% in early trading after the announcement."
    for chrome in ("cookies", "Share on", "Related stories", "Subscribe", "All rights reserved"):
        assert chrome not in item.body
    assert item.http_status == 200
    assert item.fetched_at.utcoffset().total_seconds() == 0


def test_capitalised_jsonld_keys_and_us_date():
    item = parse("caps_jsonld.html", "https://harbourline.test/news-release/2016/04/06/1234/0/en/x.html")
    assert item.title == "Quarry Point Bancorp Declares Quarterly Dividend"
    # JSON-LD's "4/6/2016" is April 6 (US order); the page prints that day's time
    assert item.published == "2016-04-06T08:00:00-04:00"
    assert item.source == "Harbourline Wire"
    assert item.authors == ["Quarry Point Bancorp"]
    assert item.dateline == "MILFORD, Conn., April 06, 2016 (HARBOURLINE WIRE)"
    assert item.body.startswith("Quarry Point Bancorp (NASDAQ:QPBC), the holding company")
    assert item.body.endswith("forty-first consecutive quarterly dividend.")
    assert item.language == "en"  # detected from the text: the page declares none


def test_opengraph_only_german_page():
    item = parse("og_only_de.html", "https://nordkurier.test/wirtschaft/x-100.html")
    assert item.title == "Stadtwerke Lindenau bauen Wärmespeicher am Hafen"
    assert item.canonical_url == (
        "https://nordkurier.test/wirtschaft/stadtwerke-lindenau-waermespeicher-hafen-100.html"
    )
    assert item.published == "2025-03-31T07:15:00+02:00"
    assert item.modified == "2025-03-31T09:40:00+02:00"
    assert item.authors == ["Jana Vogt"]
    assert item.language == "de"
    assert item.source == "Nordkurier Wirtschaft"
    assert item.subtitle == "Der Speicher soll ab 2027 Fernwärme für 12.000 Haushalte puffern."
    assert item.dateline is None
    assert item.body.count("\n\n") == 2
    assert "Kommentare" not in item.body


def test_visible_wire_date_with_eastern_time_in_winter():
    item = parse("visible_date.html", "https://coastline.test/news/home/20160105/en/calder")
    assert item.title == "Calder Mills names new chief financial officer"
    assert item.published == "2016-01-05T09:30:00-05:00"
    assert item.modified is None
    assert item.dateline == "DULUTH, Minn.--(COASTLINE BUSINESS WIRE)"
    assert item.body.startswith("Calder Mills Corp. said on Tuesday")


def test_hints_fill_what_the_page_does_not_say():
    item = parse(
        "og_only_de.html",
        "https://nordkurier.test/wirtschaft/x-100.html",
        hints={"published": "2020-01-01", "title": "ignored: the page has one"},
    )
    assert item.published == "2025-03-31T07:15:00+02:00"
    assert item.title == "Stadtwerke Lindenau bauen Wärmespeicher am Hafen"
    html = b"<html><body><article><p>" + b"Word " * 60 + b"</p></article></body></html>"
    response = HtmlResponse(url="https://x.test/a/b-c-d-e", body=html)
    item = ArticleParser(response, hints={"published": "2025-04-01T10:00:00Z",
                                          "title": "From the news sitemap"}).to_item()
    assert item.published == "2025-04-01T10:00:00+00:00"
    assert item.title == "From the news sitemap"


def test_canonical_pointing_home_is_ignored():
    html = (b'<html><head><link rel="canonical" href="https://x.test/"></head>'
            b"<body><h1>T</h1><p>Body text here.</p></body></html>")
    response = HtmlResponse(url="https://x.test/news/story-one.html?utm_source=x", body=html,
                            status=404)
    item = ArticleParser(response).to_item()
    assert item.canonical_url == "https://x.test/news/story-one.html"
    assert item.http_status == 404


@pytest.mark.parametrize("body", [b"", b"<html></html>", b"\x00\x01\x02garbage"])
def test_empty_or_garbage_pages_give_an_empty_item_not_an_error(body):
    item = ArticleParser(HtmlResponse(url="https://x.test/a", body=body)).to_item()
    assert item.body == ""
    assert item.title is None
    assert item.published is None
