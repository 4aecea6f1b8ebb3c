"""MENAFN story pages (``menafn.com/<10 digits>/<Title-Slug>``).

INFERRED LAYOUT: no real MENAFN page was available, only the text of one as a
crawl stored it and text-level markers seen in other projects. The selectors
below (``h1.article-title``, ``div.article-date time``, ``div.article-body``)
are this project's guess at the DOM and must be checked against a live page.
What is known, and what the parser relies on most: the story starts at
``(MENAFN)`` or ``(MENAFN- <Provider>)``, ends before the
``MENAFN<DDMMYYYY><12 digits>ID<id>`` line (which may be printed twice) and the
"Legal Disclaimer:", and the page can carry an error template ("Sorry!! Error!")
around a live story. Doubled paragraphs are left to the repeats stage.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.parsers.selectors import select_text
from newscrawler.parsers.wire import WireParser
from newscrawler.utils.dates import parse_date

_PROVIDER = re.compile(r"^\(MENAFN-\s*(?P<provider>[^)]+?)\s*\)$")


class MenafnParser(WireParser):
    name = "menafn"

    release_id_pattern = re.compile(r"menafn\.com/(\d{10})(?:/|$)")
    title_xpath = etree.XPath("//h1[contains(concat(' ',@class,' '),' article-title ')]")
    published_xpath = etree.XPath(
        "//div[contains(concat(' ',@class,' '),' article-date ')]//time/@datetime")
    body_nodes = etree.XPath(
        "//div[contains(concat(' ',@class,' '),' article-body ')]//*[self::p or self::h2"
        " or self::h3 or self::li][not(ancestor::p or ancestor::li)]")

    def published(self) -> str | None:
        """The page's date, else the ID line's."""
        if value := select_text(self, self.published_xpath):
            return parse_date(value)
        if stamp := self.parts.id_line_date:  # DDMMYYYY of the ID line
            return parse_date(f"{stamp[4:]}-{stamp[2:4]}-{stamp[:2]}")
        return None

    def release_id(self) -> str | None:
        return super().release_id() or self._id_line_id()

    def issuer(self) -> str | None:
        """The provider of syndicated copy, from ``(MENAFN- <Provider>)``."""
        dateline = self.dateline()
        match = _PROVIDER.match(dateline) if dateline else None
        return match.group("provider") if match else None

    def _id_line_id(self) -> str | None:
        match = re.search(r"ID(\d{10})\b", " ".join(self.body_blocks()[-4:]))
        return match.group(1) if match else None
