"""Declared selectors are the fields: ``<field>_xpath`` reads the page, a written method wins,
a selector that finds nothing falls back (counted), a field without one is the generic's."""

from __future__ import annotations

from lxml import etree
from scrapy.http import HtmlResponse

from newscrawler.parsers.release import META_AUTHOR, ReleaseParser
from newscrawler.parsers.wire import WireParser

PAGE = b"""<html><head><title>Site | Generic title</title>
<meta name="author" content="Meta Issuer Ltd">
<meta name="description" content="The generic subtitle">
</head><body><h1 class="headline">  Declared   title </h1>
<p class="when"><time datetime="2025-04-24T08:30:00-04:00">24 April</time></p>
<span class="issuer">Acme, Inc. and Sons</span><div class="body"><p>CITY, April 24, 2025 /Wire/ -- Acme said things.</p></div>
</body></html>"""


class Declared(WireParser):
    name = "declared"
    title_xpath = etree.XPath("//h1[@class='headline']")
    published_xpath = etree.XPath("//p[@class='when']/time/@datetime")
    source_xpath = etree.XPath("//p[@class='missing']")
    issuer_xpath = (etree.XPath("//span[@class='missing']"), META_AUTHOR)
    body_nodes = etree.XPath("//div[@class='body']/p")


class Written(Declared):
    name = "written"

    def title(self) -> str | None:
        return "Written title"


class Release(ReleaseParser):
    name = "release"
    issuer_xpath = etree.XPath("//span[@class='issuer']")


def parse(cls: type[WireParser]) -> WireParser:
    parser = cls(HtmlResponse(url="http://127.0.0.1:9/a", body=PAGE, encoding="utf-8"))
    parser.to_item()
    return parser


def test_declared_selectors_fill_their_fields():
    parser = parse(Declared)
    assert parser.title() == "Declared title"
    assert parser.published() == "2025-04-24T08:30:00-04:00"
    assert parser.issuer() == "Meta Issuer Ltd"  # the second selector of the tuple


def test_a_selector_that_finds_nothing_falls_back_and_is_counted():
    parser = parse(Declared)
    assert parser.source() == "127.0.0.1"  # the generic layer: no publisher named
    assert parser.fallbacks == ["source"]


def test_a_field_without_a_selector_is_the_generic_one_uncounted():
    parser = parse(Declared)
    assert parser.subtitle() == "The generic subtitle"
    assert "subtitle" not in parser.fallbacks
    assert parser.authors() == ["Meta Issuer Ltd"]  # generic: the meta author


def test_a_written_method_wins_over_the_inherited_selector():
    assert parse(Written).title() == "Written title"


def test_a_release_is_authored_by_its_issuer_whole():
    assert parse(Release).authors() == ["Acme, Inc. and Sons"]
