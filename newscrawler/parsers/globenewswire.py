"""GlobeNewswire release pages (``/news-release/YYYY/MM/DD/<id>/<org>/<lang>/<Slug>.html``).

``#container-article``: ``h1.article-headline``, ``h2.article-sub-headline``,
``span.article-published time[datetime]`` (the JSON-LD has capitalised keys and a
bare ``M/D/YYYY`` date, so the ``<time>`` is preferred), ``span.article-source``
(the issuer) and ``#main-body-container``, which holds the release (migrated
Marketwired releases wrap it in ``div.mw_release``), then "Contact Information:"
and ``div.mw-contact``.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.parsers.pressrelease import split_marketwired_dateline
from newscrawler.parsers.release import META_AUTHOR, ReleaseParser


class GlobeNewswireParser(ReleaseParser):
    name = "globenewswire"

    release_id_pattern = re.compile(r"/news-release/\d{4}/\d{2}/\d{2}/(\d+)/")
    title_xpath = etree.XPath("//h1[contains(concat(' ',@class,' '),' article-headline ')]")
    # The sub-headline is a <p> inside the <h2>; HTML parsers close the <h2> before a <p>,
    # so the text is the <h2>'s or its next sibling's.
    subtitle_xpath = etree.XPath(
        "//h2[contains(concat(' ',@class,' '),' article-sub-headline ')]"
        " | //h2[contains(concat(' ',@class,' '),' article-sub-headline ')]"
        "/following-sibling::*[1][self::p]")
    published_xpath = etree.XPath(
        "//span[contains(concat(' ',@class,' '),' article-published ')]//time/@datetime")
    issuer_xpath = (etree.XPath(
        "//span[contains(concat(' ',@class,' '),' article-source ')]//a[@itemprop='name' or @href]"),
        META_AUTHOR)
    body_nodes = etree.XPath(
        "//div[@id='main-body-container']//*[self::p or self::h2 or self::h3 or self::h4"
        " or self::li or self::table][not(ancestor::p or ancestor::li or ancestor::table)]"
        "[not(ancestor::div[contains(@class,'mw_disclaimer')])]"
    )

    def split_dateline(self, paragraph: str) -> tuple[str | None, str]:
        return split_marketwired_dateline(paragraph)
