"""Story text outside the visible DOM, and the JSON-LD articleBody weighed against the DOM.

Fixtures in tests/data/appshell/ are hand-written (invented text) with the structure of
the real page kinds: React streaming segments, Next.js app-router flight data and
pages-router ``__NEXT_DATA__``, a live blog, a slideshow whose articleBody is a teaser.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import lxml.html
import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from newscrawler.extract import appshell, fallback, jsonld
from newscrawler.extract.body import extract_body
from newscrawler.extract.structured import pick_body, structured_blocks
from newscrawler.parsers.base import ArticleParser

DATA = Path(__file__).parent / "data" / "appshell"
URL = "https://tideline.test/news/2026/03/03/tram-depot-market"
FIRST = "MARROWFIELD (Tideline) — The town council of Marrowfield voted on Tuesday"
LAST = "although the heritage board still has to approve the new glazing."


def parser(name: str, *, story: bool = False) -> ArticleParser:
    body = (DATA / name).read_bytes()
    request = Request(URL, meta={"newscrawler_story": True} if story else {})
    return ArticleParser(HtmlResponse(URL, body=body, encoding="utf-8", request=request))


def text_of(blocks: list[str]) -> str:
    return "\n\n".join(blocks)


@pytest.mark.parametrize("name", ["react-streaming.html", "next-flight.html",
                                  "next-flight-tree.html", "next-data-html.html",
                                  "next-data-blocks.html"])
def test_story_only_in_app_data_is_read(name):
    page = parser(name)
    assert sum(len(b.split()) for b in extract_body(page.root)) < 20  # the DOM has no story
    body = text_of(page.body())
    assert "The town council of Marrowfield voted on Tuesday" in body
    assert body.rstrip().endswith(LAST)
    assert "Ottilie Brann" in body
    # no teaser of the related stories, no navigation, no script
    assert "ferry" not in body
    assert "Sport" not in body
    assert "static/chunks" not in body


def test_structured_blocks_keep_paragraphs_and_join_spans():
    page = parser("next-data-blocks.html")
    blocks = page.extracted_blocks
    assert len(blocks) == 5
    assert blocks[0].startswith(FIRST)
    assert all("  " not in b for b in blocks)
    # the JSON-LD articleBody here is only the one-sentence lead: the app data wins
    assert page.ld["articlebody"] not in blocks


def test_flight_text_row_is_read_by_its_byte_length():
    page = parser("next-flight.html")
    blocks = page.extracted_blocks
    assert blocks[0].startswith(FIRST)  # "—" is three bytes: the row length counts bytes
    assert len(blocks) == 5


def test_flight_rows_split_text_and_model_rows():
    text = "caf\u00e9 <p>ok</p>"
    payload = (f'1:I[12,["a.js"],"X"]\n2:T{len(text.encode()):x},{text}'
               '0:["$","p",null,{"children":"hi"}]\n')
    rows = list(appshell.flight_rows(payload))
    assert rows == [text, ["$", "p", None, {"children": "hi"}]]


def test_page_with_a_visible_story_is_not_read_twice(monkeypatch):
    calls = []
    monkeypatch.setattr(appshell, "app_blocks", lambda root: calls.append(root) or [])
    html = ("<html><body><article>" + "<p>A long paragraph of the visible story, with commas, "
            "clauses and enough words to count as prose for the extractor here.</p>" * 12 +
            "</article><script id='__NEXT_DATA__' type='application/json'>{}</script>"
            "</body></html>")
    page = ArticleParser(HtmlResponse(URL, body=html.encode(), encoding="utf-8"))
    assert len(page.extracted_blocks) == 12
    assert calls == []


def test_error_page_data_gives_no_story():
    data = {"props": {"pageProps": {"statusCode": 404}, "nav": [
        {"title": "News", "url": "/news"}, {"title": "Sport", "url": "/sport"}]},
        "page": "/_error"}
    html = ("<html><head><title>404: This page could not be found</title></head><body>"
            "<h1>404</h1><h2>This page could not be found.</h2>"
            f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>"
            "</body></html>")
    page = ArticleParser(HtmlResponse(URL, body=html.encode(), encoding="utf-8"))
    assert appshell.app_blocks(page.root) == []
    assert all("News" not in b for b in page.extracted_blocks)


def test_teasers_beside_a_short_body_are_not_the_story():
    related = [{"title": f"Other story {i}", "url": f"/news/other-{i}",
                "description": "A different story about the harbour ferry timetable, the school "
                "roof and the summer fair, told in one long sentence of teaser text."}
               for i in range(8)]
    data = {"props": {"pageProps": {"post": {"content": "<p>" + "The depot brief. " * 8 + "</p>"},
                                    "related": related}}}
    html = ("<html><body><div id='__next'></div><script id='__NEXT_DATA__' "
            f"type='application/json'>{json.dumps(data)}</script></body></html>")
    blocks = appshell.app_blocks(lxml.html.document_fromstring(html))
    assert blocks
    assert blocks[0].startswith("The depot brief.")
    assert not any("ferry" in b for b in blocks)


def test_hostile_app_data_is_bounded():
    # 12 MB of flight chunks and a deep __NEXT_DATA__: read within the bounds, never raising
    chunk = json.dumps([1, "0:" + json.dumps(["$", "p", None, {"children": "word " * 20_000}])
                        + "\n"])
    deep = "[" * 100_000 + "]" * 100_000
    html = ("<html><body><main></main>"
            + f"<script>self.__next_f.push({chunk})</script>" * 120
            + f"<script id='__NEXT_DATA__' type='application/json'>{deep}</script>"
            + "<div hidden id='S:0'><p>" + "streamed text " * 10 + "</p></div>" * 2_000
            + "</body></html>")
    root = lxml.html.document_fromstring(html)
    started = time.perf_counter()
    appshell.app_blocks(root)
    assert time.perf_counter() - started < 20


# --- class 2: the JSON-LD articleBody against the DOM ------------------------------------


def test_live_blog_is_the_blog_not_its_latest_entry():
    page = parser("liveblog.html")
    assert page.title() == "Live: Marrowfield council votes on tram depot"
    assert page.published() == "2026-03-03T08:00:00+00:00"  # not the latest entry's time
    body = text_of(page.body())
    for headline in ("Vote passed", "Debate opens", "Traders gather outside",
                     "Roof inspection complete"):
        assert headline in body


def test_live_blog_body_text_is_every_entry():
    docs = jsonld.documents(parser("liveblog.html").root)
    article = jsonld.find_article(docs)
    assert jsonld.types_of(article) == ["liveblogposting"]
    text = jsonld.body_text(article)
    assert text.count("\n\n") == 7  # four entries, each headline and text
    # when the DOM shows only the summary, the whole blog comes from the entries
    summary = ["Live coverage of the council vote on the Quarry Lane tram depot."]
    blocks, source = pick_body(text, summary)
    assert source == "jsonld"
    assert len(blocks) == 8


def test_slideshow_teaser_never_beats_the_slides():
    page = parser("slideshow.html")
    teaser = page.ld["articlebody"]
    assert len(teaser.split()) >= 30
    body = text_of(page.body())
    assert "The depot opened in 1904" in body
    assert "Since 2019 the depot has stood empty" in body
    assert teaser not in body


def test_full_article_body_still_beats_a_wrong_dom_block():
    story = " ".join(f"Sentence {i} of the real story tells what the council decided." for i in
                     range(40))
    wrong = [("Comments are closed on this article, but readers may write to the editor "
             "with their views on the tram depot and the market plan.")]
    _blocks, source = pick_body(story, wrong)
    assert source == "jsonld"


def test_structured_blocks_drop_scripts_in_html_strings():
    assert structured_blocks("<p>One.</p><script>var x = {a: 1};</script><p>Two.</p>") == [
        "One.", "Two."]
    assert structured_blocks("<p>Kept.</p><style>p { color: red }") == ["Kept."]


# --- class 10: a story page with an empty extraction is read loosely before it is thin ----


def test_loose_read_finds_the_story_among_marked_containers():
    root = parser("sidebar-story.html").root
    blocks = fallback.loose_blocks(root)
    assert len(blocks) == 3
    assert blocks[0].startswith("The waiting list for an allotment in Fernhollow has halved")
    assert blocks[-1].endswith("cannot tend a full plot every evening.")


def test_only_story_pages_get_the_loose_read():
    root = parser("sidebar-story.html").root
    assert fallback.story_fallbacks(root, [], story=False) == []
    assert len(fallback.story_fallbacks(root, [], story=True)) == 3
    found = [("A story the extractor found, with enough words to count as the page's story."
             " It carries on for a second sentence so that it is well past the thin line.")]
    assert fallback.story_fallbacks(root, found, story=True) == found


def test_loose_read_of_an_error_page_stays_short():
    html = ("<html><body><header><nav><a href='/'>Home</a></nav></header><main><h1>Page not "
            "found</h1><p>Sorry, the page you asked for has moved or never existed here.</p>"
            "</main><footer><p>Tideline is an invented newsroom; all of this is made up for a "
            "test, every word of it, from the top of the page to the bottom.</p></footer>"
            "</body></html>")
    assert fallback.loose_blocks(lxml.html.document_fromstring(html)) == []


def test_settings_text_of_an_error_page_is_not_a_story():
    strings = {"cookies": "We use cookies and similar tools to remember your settings, measure "
               "how the site is used and show advertising that suits you, as our policy says.",
               "newsletter": "Sign up to our morning briefing and get the day's top headlines, "
               "analysis and the weather forecast delivered to your inbox before breakfast."}
    html = ("<html><head><title>Page not found</title></head><body><h1>Page not found</h1>"
            f"<script type='application/json' id='i18n'>{json.dumps(strings)}</script>"
            "</body></html>")
    assert appshell.app_blocks(lxml.html.document_fromstring(html)) == []


def test_headline_words_in_spaceless_scripts():
    root = lxml.html.document_fromstring(
        "<html><head><title>港湾の新しい市場が開業</title></head><body></body></html>")
    keys = appshell.headline_keys(root)
    assert appshell.about_headline(["昨日、港湾の古い倉庫を改装した新しい市場が開業した。"], keys)
    assert not appshell.about_headline(["クッキーの設定を変更できます。"], keys)


@pytest.mark.parametrize(("head", "called"), [
    ('<script type="application/ld+json">{"@type": "NewsArticle"}</script>', True),
    ("<meta property='og:type' content='article'>", True),
    ("<meta property='og:type' content='website'>", False),
])
def test_a_page_its_markup_calls_an_article_gets_the_loose_read_too(monkeypatch, head, called):
    # found by a link (no discovery flag); the extractor's miss is stood in for by an empty read
    monkeypatch.setattr("newscrawler.parsers.base.extract_body", lambda root: [])
    html = (DATA / "sidebar-story.html").read_text().replace("</head>", head + "</head>")
    page = ArticleParser(HtmlResponse(URL, body=html.encode(), encoding="utf-8",
                                      request=Request(URL)))
    blocks = page.extracted_blocks
    assert (len(blocks) == 3 and blocks[0].startswith("The waiting list")) is called


def test_many_short_texts_in_app_data_cost_a_bounded_number_of_reads(monkeypatch):
    # 15,000 sentence-long strings and a 200,000-item list (under MAX_DATA_CHARS in all): every string would be cut into
    # blocks and counted (seconds); the budget charges each story-like text, lists are read
    # only as far as a story goes
    sentence = "The council voted on Tuesday to keep the harbour ferry running all winter"
    data = {"props": {"pageProps": {"items": [f"{sentence} {i}." for i in range(15_000)],
                                    "ids": [1] * 200_000}}}
    html = ("<html><head><title>Council keeps the harbour ferry</title></head><body>"
            f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>"
            "</body></html>")
    assert len(json.dumps(data)) < appshell.MAX_DATA_CHARS
    calls = []
    real = appshell.structured_blocks
    monkeypatch.setattr(appshell, "structured_blocks", lambda text: calls.append(1) or real(text))
    blocks = appshell.app_blocks(lxml.html.document_fromstring(html))
    assert len(calls) <= appshell.MAX_NODES // appshell.CANDIDATE_COST
    assert blocks[0] == f"{sentence} 0."  # the list read as a story, up to its bound
    assert len(blocks) == appshell.MAX_LIST_ITEMS


def test_app_data_past_the_bound_is_not_read():
    # a flight payload of short paragraphs: 100 KB is read as the story; 2.5 MB is hostile
    # (a real story's payload is under 1 MB) and was seconds of element building
    sentence = "The council voted on Tuesday to keep the harbour ferry running all winter"

    def page(count: int) -> str:
        paragraphs = [["$", "p", None, {"children": f"{sentence}, said clerk {i}."}]
                      for i in range(count)]
        payload = "5:" + json.dumps(["$", "article", None, {"children": paragraphs}]) + "\n"
        pushes = "".join(f"<script>self.__next_f.push({json.dumps([1, payload[k:k + 100_000]])})"
                         "</script>" for k in range(0, len(payload), 100_000))
        return f"<html><body><div id='__next'></div>{pushes}</body></html>"

    small = appshell.app_blocks(lxml.html.document_fromstring(page(1_000)))
    assert len(small) == 1_000
    assert small[0] == f"{sentence}, said clerk 0."
    hostile = page(30_000)
    assert len(hostile) > appshell.MAX_DATA_CHARS
    assert appshell.app_blocks(lxml.html.document_fromstring(hostile)) == []
