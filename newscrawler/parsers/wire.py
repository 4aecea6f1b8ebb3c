"""What the wire parsers share: release ids from URLs, tail blocks, tickers, block text.

A site parser declares its selectors as class attributes (compiled XPaths): a
``<field>_xpath`` is the field (:mod:`newscrawler.parsers.selectors`), and a method is
written only for what is odd about the site. Everything that is a property of
press releases in general (tail blocks, tickers) lives here and in
:mod:`newscrawler.parsers.pressrelease`.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from lxml import etree

from newscrawler.extract.blocks import Profile, walk_blocks
from newscrawler.parsers.base import ArticleParser
from newscrawler.parsers.pressrelease import ReleaseParts, find_tickers, split_release
from newscrawler.parsers.selectors import declare_fields
from newscrawler.utils.text import clean_inline

# A release is read line by line: "About Acme<br>Acme is ..." is a heading and its text.
_PROFILE = Profile(
    skip=frozenset({"script", "style", "noscript", "template", "svg", "button", "iframe"}),
    blocks=frozenset({"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul",
                      "ol", "blockquote", "section"}),
    lines=True,
)


FIRST_TEXT_NODES = 20
"""Elements a field's selector may match before its first text is given up on."""


def block_text(el: etree._Element) -> str:
    """An element's text with ``<br>`` and nested blocks as line breaks, spaces folded per line."""
    return "\n".join(walk_blocks(el, _PROFILE).texts)


class WireParser(ArticleParser):
    """A press-release or wire-story page: body up to the tail blocks, which are kept apart."""

    release_id_pattern: re.Pattern[str] = re.compile(r"$^")
    """Group 1 is the wire's id of the release, searched in the canonical URL, then the URL."""
    body_nodes: etree.XPath | None = None
    """The release's paragraphs, sub-headings, list items and tables, in document order."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        declare_fields(cls)  # before ArticleParser wraps the field methods with their fallback
        super().__init_subclass__(**kwargs)

    # --- blocks ---------------------------------------------------------------------------
    def body_blocks(self) -> list[str]:
        if self.body_nodes is None:
            return []
        return [text for el in self.body_nodes(self.root) if (text := block_text(el))]

    @cached_property
    def parts(self) -> ReleaseParts:
        parts = split_release(self.body_blocks())
        if parts.about:
            self.flags.append("about_block_separated")
        if parts.contacts:
            self.flags.append("contacts_separated")
        if parts.safe_harbor:
            self.flags.append("safe_harbor_separated")
        if parts.source or "end" in parts.cut or "id_line" in parts.cut:
            self.flags.append("wire_tail_removed")
        return parts

    def story_blocks(self) -> list[str]:
        return self.parts.body

    # --- helpers for selectors ------------------------------------------------------------
    def first_text(self, xpath: etree.XPath) -> str | None:
        """The first non-empty text (or attribute) the selector finds, on one line.

        Only the first ``FIRST_TEXT_NODES`` matches are read: on a page of thousands of empty
        nested matches each read walks the rest of the nest (seconds on a 30 KB page).
        """
        for node in xpath(self.root)[:FIRST_TEXT_NODES]:
            value = node if isinstance(node, str) else block_text(node)
            if text := clean_inline(str(value)):
                return text
        return None

    # --- wire fields ----------------------------------------------------------------------
    def release_id(self) -> str | None:
        for url in (self.canonical_url(), self.response.url):
            if match := self.release_id_pattern.search(url):
                return match.group(1)
        return None

    def tickers(self) -> list[str]:
        text = "\n".join([*self.parts.body, *self.parts.about])
        return find_tickers(text)

    def about(self) -> str | None:
        return "\n\n".join(self.parts.about) or None

    def contacts(self) -> str | None:
        return "\n\n".join(self.parts.contacts) or None

    def credits(self) -> str | None:
        return "\n\n".join(self.parts.credits) or None

    def safe_harbor(self) -> str | None:
        return "\n\n".join(self.parts.safe_harbor) or None
