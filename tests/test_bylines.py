"""Authors: the story's own byline, from metadata or printed by its headline, cleaned.

Hand-written pages (invented names and text) built like the real kinds: a news story whose
page also lists related stories with their own bylines, a French "Par" byline, a blog with a
profile widget, a WordPress byline with its date and comment count, a byline in a bare ``<p>``.
"""

from __future__ import annotations

import json

import pytest
from scrapy.http import HtmlResponse

from newscrawler.extract.byline import structured_names
from newscrawler.extract.bylinetext import clean_names, printed_names
from newscrawler.parsers.base import ArticleParser, clean_authors

STORY = ("<p>The harbour board voted on Tuesday to extend the eastern breakwater by four hundred"
         " metres, ending a dispute that had stalled the project for most of a decade.</p>"
         "<p>Work is due to begin in the spring, once the dredging contract is signed and the"
         " fishing cooperative has moved its moorings to the inner basin.</p>"
         "<p>Members said the vote followed two winters of storm damage along the quay.</p>")


def page(article: str, head: str = "", after: str = "", lang: str = "en",
         title: str = "Breakwater extension approved") -> str:
    """A news page: site header and menu, the story, what follows it, the site footer."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title} | Tidewater Courier</title>{head}</head><body>"
            '<header class="site-header"><a class="logo" href="/">Tidewater Courier</a>'
            '<nav><a href="/news">News</a> <a href="/sport">Sport</a>'
            ' <a href="/authors">Our writers</a></nav></header>'
            f'<main><article class="story">{article}</article>{after}</main>'
            '<footer class="site-footer"><p>© Tidewater Courier. All rights reserved.</p>'
            "</footer></body></html>")


RELATED = (
    '<section class="related"><h2>More from the coast</h2><ul>'
    '<li class="card"><a href="/news/ferry-timetable"><h3>Ferry timetable changes for the'
    ' winter season</h3></a><div class="byline">By <span class="author-name">Card Person'
    '</span></div></li>'
    '<li class="card"><a href="/news/lighthouse"><h3>Lighthouse keepers remember the great'
    ' storm</h3></a><div class="byline">By <span class="author-name">Other Writer</span>'
    "</div></li></ul></section>")


def authors(html: str, url: str = "https://tidewater.test/news/2025/03/breakwater") -> list[str]:
    response = HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8")
    return ArticleParser(response).to_item().authors


def test_printed_byline_under_the_headline_not_the_related_cards():
    html = page('<h1>Breakwater extension approved</h1>'
                '<p class="dek">The harbour board ends a decade-long dispute.</p>'
                '<div class="article-byline">By <a href="/authors/mara-quint">Mara Quint</a>'
                '<span class="role">Staff Writer</span></div>' + STORY, after=RELATED)
    assert authors(html) == ["Mara Quint"]


def test_a_story_without_byline_does_not_take_a_related_cards():
    html = page("<h1>Breakwater extension approved</h1>" + STORY, after=RELATED)
    assert authors(html) == []


def test_a_card_printed_right_under_the_headline_is_not_the_storys_byline():
    card = ('<ul class="more"><li><a href="/news/ferry"><h3>Ferry timetable changes for the'
            ' winter season</h3></a><span class="byline">Par Card Person</span></li></ul>')
    html = page("<h1>Breakwater extension approved</h1>" + card + STORY, lang="fr")
    assert authors(html) == []


def test_french_par_byline_with_co_authors_in_brackets():
    html = page('<h1>La digue sera prolongée</h1><p class="chapo">Le conseil du port tranche.'
                '</p><span class="signature">Par <a href="/journaliste/jeanne-roux">'
                "Jeanne Roux</a> (avec Paul Brel et Léa Morin)</span>" + STORY, lang="fr",
                title="La digue sera prolongée")
    assert authors(html) == ["Jeanne Roux", "Paul Brel", "Léa Morin"]


def test_blog_post_author_not_the_profile_widget_link():
    html = page('<div class="post hentry"><h3 class="post-title entry-title">Reading the'
                ' tide tables by hand</h3><div class="post-header"><span class="post-author'
                ' vcard">Posted by <span class="fn"><a href="https://blog.test/profile/7"'
                ' rel="author">Tove Marsh</a></span></span></div>'
                '<div class="post-body entry-content">' + STORY + "</div></div>",
                after='<div class="sidebar"><div class="widget Profile"><h2>About Me</h2>'
                '<a class="profile-name-link g-profile" href="https://blog.test/profile/7"'
                ' rel="author">Tove Marsh</a><a class="profile-link"'
                ' href="https://blog.test/profile/7" rel="author">View my complete profile'
                "</a></div></div>", title="Reading the tide tables by hand")
    assert authors(html) == ["Tove Marsh"]


def test_wordpress_byline_with_date_and_comment_count():
    html = page('<header class="entry-header"><h1 class="entry-title">Breakwater extension'
                ' approved</h1><div class="entry-byline"><span class="entry-author"'
                ' itemprop="author"><a class="url fn n" href="/author/sara-lind/">Sara Lind'
                '</a></span> <a href="/2017/03/09/"><time class="entry-published"'
                ' datetime="2017-03-09">March 9, 2017</time></a> <a class="comments-link"'
                ' href="#comments">13</a></div></header>' + STORY)
    assert authors(html) == ["Sara Lind"]


def test_byline_text_with_a_glued_date_and_count():
    html = page('<h1>Breakwater extension approved</h1><p class="byline">by Oren Vale12 Mar'
                " 2019 | 48 comments</p>" + STORY)
    assert authors(html) == ["Oren Vale"]


def test_byline_in_a_plain_paragraph_under_the_headline():
    html = page("<h1>Breakwater extension approved</h1>"
                "<p>By Ines Karlsson and Tomas Berg</p>" + STORY)
    assert authors(html) == ["Ines Karlsson", "Tomas Berg"]


def test_a_lead_paragraph_opening_with_by_is_not_a_byline():
    html = page("<h1>Breakwater extension approved</h1>"
                "<p>By Tuesday, the board had heard enough.</p>" + STORY)
    assert authors(html) == []


def test_structured_sources_come_first_and_addresses_are_not_names():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Breakwater extension approved",
          "author": [{"@type": "Person", "name": "By Hal Ferris, Senior Correspondent"}]}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    html = page("<h1>Breakwater extension approved</h1>"
                '<div class="byline">By Someone Else</div>' + STORY, head=head)
    assert authors(html) == ["Hal Ferris"]
    head = '<meta name="author" content="https://www.facebook.com/tidewatercourier">'
    html = page("<h1>Breakwater extension approved</h1>"
                '<div class="byline">By Mara Quint</div>' + STORY, head=head)
    assert authors(html) == ["Mara Quint"]


def test_an_organisation_in_json_ld_is_named_whole():
    ld = {"@type": "NewsArticle", "headline": "Breakwater extension approved",
          "author": {"@type": "Organization", "name": "Harbour, Docks and Quays Ltd"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert authors(page("<h1>Breakwater extension approved</h1>" + STORY, head=head)) == [
        "Harbour, Docks and Quays Ltd"]


@pytest.mark.parametrize(("values", "expected"), [
    (["By Mara Quint, Staff Writer"], ["Mara Quint"]),
    (["Por Lucía Ferrer y Tomás Gil"], ["Lucía Ferrer", "Tomás Gil"]),
    (["Von Jana Vogt und Kai Brandt"], ["Jana Vogt", "Kai Brandt"]),
    (["Door Els de Wit en Joost Bakker"], ["Els de Wit", "Joost Bakker"]),
    (["Av Siri Lund och Nils Ek"], ["Siri Lund", "Nils Ek"]),
    (["Autor: Jan Nowak"], ["Jan Nowak"]),
    (["作者：李明"], ["李明"]),
    (["记者 王芳、张伟"], ["王芳", "张伟"]),
    (["김민수 기자"], ["김민수"]),
    (["Lena Park, MA"], ["Lena Park"]),
    (["Mac & i"], ["Mac & i"]),
    (["Our Foreign Staff"], ["Our Foreign Staff"]),
    (["Dana Ruiz @danaruiz"], ["Dana Ruiz"]),
    (["harbourfan77"], ["harbourfan77"]),
])
def test_clean_names(values, expected):
    assert clean_names(values) == expected


@pytest.mark.parametrize(("segments", "expected"), [
    (["Sara Lind", "March 9, 2017", "13"], ["Sara Lind"]),
    (["Tove Marsh", "View my complete profile"], ["Tove Marsh"]),
    (["By", "Ana Ruiz", ",", "Li Wei", "and", "Omar Haddad", ", Reuters"],
     ["Ana Ruiz", "Li Wei", "Omar Haddad"]),
    (["Ana Ruiz | Palma | 08/01/2014"], ["Ana Ruiz"]),
    (["By Ana Ruiz Updated Nov 13, 2019, 10:28am EST"], ["Ana Ruiz"]),
    (["By Ana Ruiz on Monday, November 18th, 2019"], ["Ana Ruiz"]),
    (["The Harbour and Docks defense committees"], []),
    (["Posted by", "Theresa May"], ["Theresa May"]),
    (["文・山田太郎　写真・鈴木一郎"], ["山田太郎"]),
    (["Reporting by Ana Ruiz; Editing by Tom Li"], ["Ana Ruiz"]),
    (["Edited By: राहुल कुमार | Updated: 12 Mar 2024, 10:20 AM IST"], ["राहुल कुमार"]),
    (["Photos by Li Wei"], []),
    (["（山田太郎）"], ["山田太郎"]),
])
def test_printed_names(segments, expected):
    assert printed_names(segments) == expected


def test_names_are_capped():
    many = ", ".join(f"Ana Number{chr(65 + i)}" for i in range(20))
    assert len(clean_names([many])) == 10


def test_wire_parsers_keep_clean_authors():
    assert clean_authors(["By HOLLIS VANTERPOOL, MAREN OKAFOR and JUDE PELLETIER"]) == [
        "HOLLIS VANTERPOOL", "MAREN OKAFOR", "JUDE PELLETIER"]


def test_structured_names_prefer_people_over_organisations():
    value = [
        {"@type": "Organization", "name": "Harbour Wire"},
        {"@type": "Person", "name": "Ada Byron"},
        "Grace Hopper",
    ]
    assert structured_names(value) == ["Ada Byron", "Grace Hopper"]
    assert structured_names({"@type": "Organization", "name": "AP"}) == ["AP"]
