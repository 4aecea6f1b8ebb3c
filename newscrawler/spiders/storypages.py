"""Whether a page of any site is a story: the decision the generic and WARC spiders share.

A wire spider knows its site's story URLs; a spider that reads any site (live, or from an
archive) judges each page: the sitemap or feed that named it, its markup (JSON-LD,
``og:type``), its URL and canonical URL, and how much story prose it carries.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response

from newscrawler.discovery.pages import is_story_page
from newscrawler.extract.headline import norm
from newscrawler.items import Article
from newscrawler.meta import DISCOVERY_RETRY, STORY
from newscrawler.utils.bounds import window
from newscrawler.utils.text import word_count
from newscrawler.utils.urls import url_kind

logger = logging.getLogger(__name__)

HEADLINE_MIN_WORDS = 4
"""A printed "headline" shorter than this is a section's or a site's name."""
_INDEX_PATHS = frozenset({"", "index.html", "index.htm", "index.php", "default.aspx"})


class StoryPages:
    """Mixin for a :class:`~newscrawler.spiders.base.NewsSpider` reading pages of any site."""

    named_in_flight: set[int] | frozenset[int] = frozenset()
    """Pages a link scheduled that a sitemap or feed named a story before they were read
    (hashes of their URLs); an archive has no requests in flight."""

    def page_items(self, parser: Any) -> Iterator[Article]:
        """The page's story, when it is one."""
        if (parser.response.meta.get(STORY) or self._named_in_flight(parser.response)
                or self._looks_like_story(parser)):
            self.crawler.stats.inc_value("discovery/pages/story")  # type: ignore[attr-defined]
            yield from self.story_items(parser)  # type: ignore[attr-defined]
        else:
            self.crawler.stats.inc_value("discovery/pages/other")  # type: ignore[attr-defined]
            if parser.response.meta.get(DISCOVERY_RETRY):
                # the user named this page: say why it gives no item
                logger.info("%(url)s is not judged a story (no article markup, little story "
                            "prose): read as a listing, its links are followed",
                            {"url": parser.response.url})
            self.not_a_story(parser.response.url)  # type: ignore[attr-defined]

    def _named_in_flight(self, response: Response) -> bool:
        if not self.named_in_flight:
            return False
        first = (response.meta.get("redirect_urls") or [response.url])[0]
        return hash(first) in self.named_in_flight

    def _looks_like_story(self, parser: Any) -> bool:
        blocks = parser.extracted_blocks
        kind = url_kind(parser.response.url)
        if ((kind == "unknown" or _is_root(parser.response.url))
                and url_kind(parser.canonical_url()) == "article"):
            # an opaque address (/p/123, /view?id=9) says nothing, and a root serving a story
            # is a copy of it (a mirror, a local file server): the page's canonical may say it
            # is a story (never that it is none: a CMS points stories at their section too)
            kind = "article"
        return is_story_page(
            url_kind=kind,
            og_type=parser.meta.first(("og:type",)),
            has_article_ld=bool(parser.ld),
            body_words=sum(word_count(b) for b in window(blocks)[0]),
            body_blocks=len(blocks),
            headlined=_headlined(parser),
        )


def _is_root(url: str) -> bool:
    """A site's root or its index file (a listing by its URL alone)."""
    parts = urlsplit(url)
    return not parts.query and parts.path.strip("/").lower() in _INDEX_PATHS


def _headlined(parser: Any) -> bool:
    """Whether the page prints, as its headline, a story title its ``<title>`` carries."""
    headline = parser.headline
    title = parser.meta.title
    if headline.element is None or not headline.text or not title:
        return False
    return word_count(headline.text) >= HEADLINE_MIN_WORDS and norm(headline.text) in norm(title)
