"""PR Newswire release pages (``/news-releases/<slug>-<9 digits>.html``), 2016-2024 layout.

``article.news-release`` > ``header.release-header`` (``h1``, ``p.subtitle``, issuer
link, ``p.mb-no`` date) and ``section.release-body`` (its class often ends in a
space, so it is matched with ``contains``). The release ends at ``SOURCE <Issuer>``;
About, contacts and Related Links are cut by :func:`newscrawler.parsers.pressrelease.split_release`.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.parsers.release import META_AUTHOR, ReleaseParser
from newscrawler.parsers.selectors import select_text
from newscrawler.utils.text import clean_inline


class PrNewswireParser(ReleaseParser):
    name = "prnewswire"

    release_id_pattern = re.compile(r"/news-releases/[^/?#]*-(\d{9})\.html")
    title_xpath = etree.XPath(
        "//article[contains(@class,'news-release')]//header[contains(@class,'release-header')]//h1")
    subtitle_xpath = etree.XPath(
        "//header[contains(@class,'release-header')]//p[contains(concat(' ',@class,' '),' subtitle ')]")
    published_xpath = etree.XPath("//meta[@name='date']/@content")
    source_xpath = etree.XPath("//meta[@name='Publisher' or @name='publisher']/@content")
    issuer_xpath = (etree.XPath(
        "//header[contains(@class,'release-header')]//a[starts-with(@href,'/news/')"
        " or contains(@href,'prnewswire.com/news/')]//strong"), META_AUTHOR)
    body_nodes = etree.XPath(
        "//section[contains(@class,'release-body')]//*[self::p or self::h2 or self::h3"
        " or self::h4 or self::li or self::table][not(ancestor::p or ancestor::li"
        " or ancestor::table)]"
    )

    def issuer(self) -> str | None:
        """The ``SOURCE`` line, else the header's issuer link, meta author or the feed's issuer."""
        return (self.parts.source or select_text(self, self.issuer_xpath)
                or clean_inline(self.hints.get("author")))
