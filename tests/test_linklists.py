"""Huge lists of links are read at their ends; prose, however long, to its end.

A "Page not found" template padded with 300,000 links took 7 s to extract (the block walk
in Python, then every XPath over the tree); ``benchmarks/bigpage.py --shapes error_links``
measures it. Here: what is read of such lists, and that stories are read as before.
"""

from __future__ import annotations

from lxml import html as lxml_html
from scrapy.http import HtmlResponse

from newscrawler.extract.blocks import walk_blocks
from newscrawler.extract.body import _PROFILE, extract_body
from newscrawler.utils.bounds import WINDOW_BLOCKS
from newscrawler.utils.linklists import LINK_LIST_CHILDREN, is_link_list, prune_link_lists
from newscrawler.utils.pages import page_root

ERROR = ("<main><h1>Page not found</h1><p>Sorry, the page you are looking for does not "
         "exist or has been moved.</p></main>")
STORY = "".join(f"<p>Paragraph {i} of the harbour council story says the dues rise by "
                f"{i} percent next spring, the port authority said.</p>" for i in range(12))


def nav(count: int) -> str:
    return "<nav><ul>" + "".join(f'<li><a href="#s{i}">Section {i}</a></li>'
                                 for i in range(count)) + "</ul></nav>"


def response(body: str) -> HtmlResponse:
    page = f"<html><head><title>Page | Wire</title></head><body>{body}</body></html>"
    return HtmlResponse("https://wire.test/news/x.html", body=page.encode(), encoding="utf-8")


def test_a_megabytes_long_list_of_links_is_cut_to_its_ends_when_parsed():
    links = 30_000  # 1.4 MB
    root = page_root(response(ERROR + nav(links)))
    items = root.findall(".//nav/ul/li")
    assert len(items) == LINK_LIST_CHILDREN
    texts = [li.text_content() for li in items]
    assert texts[0] == "Section 0"
    assert texts[LINK_LIST_CHILDREN // 2 - 1] == f"Section {LINK_LIST_CHILDREN // 2 - 1}"
    assert texts[LINK_LIST_CHILDREN // 2] == f"Section {links - LINK_LIST_CHILDREN // 2}"
    assert texts[-1] == f"Section {links - 1}"
    assert root.findtext(".//main/h1") == "Page not found"


def test_prose_is_never_cut_however_many_paragraphs():
    paragraphs = "".join(f"<p>Paragraph {i}: the council met and voted on the budget "
                         f"for the year.</p>" for i in range(25_000))
    root = page_root(response(f"<article>{paragraphs}</article>"))
    assert len(root.findall(".//article/p")) == 25_000
    assert prune_link_lists(root) == 0


def test_a_page_under_a_megabyte_is_left_as_it_is():
    root = page_root(response(ERROR + nav(12_000)))  # 570 KB
    assert len(root.findall(".//nav/ul/li")) == 12_000


def test_the_walk_reads_the_ends_of_a_long_link_list_and_all_of_the_story():
    root = lxml_html.fromstring(f"<html><body><article><h1>Dues rise</h1>{STORY}</article>"
                                f"{nav(5_000)}</body></html>")
    page = walk_blocks(root.find("body"), _PROFILE)
    sections = [b.text for b in page.blocks if b.text.startswith("Section ")]
    assert len(sections) == WINDOW_BLOCKS
    assert sections[0] == "Section 0"
    assert sections[-1] == "Section 4999"
    body = extract_body(root)
    assert body[0].startswith("Paragraph 0 ")
    assert body[-1].startswith("Paragraph 11 ")
    assert len(body) == 12


def test_a_list_is_of_links_when_its_ends_are_mostly_link_text():
    assert is_link_list(lxml_html.fromstring(nav(300)).find("ul"))
    mixed = "".join(f"<li><a href=#{i}>Item {i}</a>: a long description of the item that "
                    f"is read as text, not a link.</li>" for i in range(300))
    assert not is_link_list(lxml_html.fromstring(f"<ul>{mixed}</ul>"))
