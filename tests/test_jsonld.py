from __future__ import annotations

import lxml.html
import pytest

from newscrawler.extract import jsonld


def _docs(*scripts: str) -> list:
    html = "<html><head>{}</head><body></body></html>".format(
        "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)
    )
    return jsonld.documents(lxml.html.document_fromstring(html))


def test_graph_and_nested_objects():
    docs = _docs(
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Site"},'
        '{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "Inside",'
        ' "datePublished": "2025-04-01T10:00:00Z"}}]}'
    )
    article = jsonld.find_article(docs)
    assert article is not None
    assert article["headline"] == "Inside"


def test_capitalised_keys_and_list_type():
    docs = _docs('{"@type": ["NewsArticle"], "Headline": "Caps", "DatePublished": "4/6/2016"}')
    article = jsonld.find_article(docs)
    assert article == {"@type": ["NewsArticle"], "headline": "Caps", "datepublished": "4/6/2016"}


def test_prefers_the_richest_article_over_a_bare_one():
    docs = _docs(
        '{"@type": "Article", "name": "teaser"}',
        '[{"@type": "BlogPosting", "headline": "Full", "articleBody": "Text",'
        ' "datePublished": "2025-01-01"}]',
    )
    assert jsonld.find_article(docs)["headline"] == "Full"


@pytest.mark.parametrize(
    "script",
    [
        '<!-- {"@type": "NewsArticle", "headline": "Commented"} -->',
        '//<![CDATA[\n{"@type": "NewsArticle", "headline": "Commented"}\n//]]>',
        '{"@type": "NewsArticle", "headline": "Commented",}',
        '{"@type": "NewsArticle", "headline": "Commented\ttab"}'.replace("\ttab", ""),
    ],
)
def test_broken_json_is_repaired(script):
    assert jsonld.find_article(_docs(script))["headline"] == "Commented"


def test_hopeless_json_is_skipped_not_raised():
    assert jsonld.find_article(_docs("{not json", '{"@type": "Person", "name": "x"}')) is None


def test_schema_type_urls():
    docs = _docs('{"@type": "http://schema.org/ReportageNewsArticle", "headline": "Url type"}')
    assert jsonld.find_article(docs)["headline"] == "Url type"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  text ", "text"),
        ({"@value": "v"}, "v"),
        ({"name": "n"}, "n"),
        ([None, "", "second"], "second"),
        (1459900800, "1459900800"),
        (None, None),
        (True, None),
    ],
)
def test_text_value(value, expected):
    assert jsonld.text_value(value) == expected
