"""AP News story pages (``/article/<slug>-<32 hex>``), two layouts.

2024 (``html.StoryPage``): ``h1.Page-headline``, ``div.Page-authors`` names,
``div.Page-dateModified bsp-timestamp[data-timestamp]`` (epoch ms; the visible text
is filled by JavaScript) and ``div.RichTextStoryBody > p|h2``. 2023
(``div[data-key=article]``): ``div.CardHeadline h1``, ``span.Component-bylines-*``
and ``span.Timestamp[data-source]``. In both, a ``___`` line separates the story
from contributor credits, which are kept apart (``credits``).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from scrapy.http import TextResponse

from newscrawler.parsers.base import ArticleParser, clean_authors
from newscrawler.parsers.wire import WireParser
from newscrawler.utils.pages import page_root


class ApNewsParser(WireParser):
    """What both AP layouts share."""

    name = "apnews"
    release_id_pattern = re.compile(r"/article/(?:[^/?#]*-)?([0-9a-f]{32})(?:[/?#]|$)")
    author_nodes: etree.XPath | None = None
    """Each a byline name, or several ("A and B"), split by ``clean_authors``."""

    def authors(self) -> list[str]:
        if self.author_nodes is None:
            return []
        return clean_authors([text for el in self.author_nodes(self.root)
                              if (text := " ".join(el.itertext()))])


class ApNews2024Parser(ApNewsParser):
    name = "apnews_2024"

    marker = etree.XPath("boolean(/html[contains(concat(' ',@class,' '),' StoryPage ')]"
                         " | //div[contains(concat(' ',@class,' '),' RichTextStoryBody ')])")
    title_xpath = etree.XPath("//h1[contains(concat(' ',@class,' '),' Page-headline ')]")
    author_nodes = etree.XPath(
        "//div[contains(concat(' ',@class,' '),' Page-authors ')]"
        "//*[self::span or self::a][contains(concat(' ',@class,' '),' Link ')]")
    modified_xpath = etree.XPath(
        "//div[contains(concat(' ',@class,' '),' Page-dateModified ')]"
        "//bsp-timestamp/@data-timestamp")
    body_nodes = etree.XPath(
        "//div[contains(concat(' ',@class,' '),' RichTextStoryBody ')]/*[self::p or self::h2"
        " or self::h3 or self::ul or self::ol]")


class ApNews2023Parser(ApNewsParser):
    name = "apnews_2023"

    marker = etree.XPath("boolean(//div[@data-key='article'])")
    title_xpath = etree.XPath("//div[contains(concat(' ',@class,' '),' CardHeadline ')]//h1")
    author_nodes = etree.XPath(
        "//div[contains(concat(' ',@class,' '),' CardHeadline ')]"
        "//span[starts-with(@class,'Component-bylines')]")
    modified_xpath = etree.XPath(
        "//div[contains(concat(' ',@class,' '),' CardHeadline ')]"
        "//span[contains(concat(' ',@class,' '),' Timestamp ')]/@data-source")
    body_nodes = etree.XPath("//div[@data-key='article']/*[self::p or self::h2 or self::h3]")


LAYOUTS: tuple[type[ApNewsParser], ...] = (ApNews2024Parser, ApNews2023Parser)


def _layout_of(root: etree._Element) -> type[ApNewsParser]:
    return next((parser for parser in LAYOUTS if parser.marker(root)), LAYOUTS[0])


def apnews_parser_for(response: TextResponse) -> type[ArticleParser]:
    """The layout whose page markers this page carries; the newest one otherwise."""
    return _layout_of(page_root(response))


def apnews_parser(response: TextResponse, hints: dict[str, Any] | None = None) -> ArticleParser:
    """The parser of :func:`apnews_parser_for`'s layout, on the tree it chose by: one parse
    of the page, not two (an AP page is up to 500 KB)."""
    root = page_root(response)
    return _layout_of(root)(response, hints=hints, root=root)
