"""Response -> Article, in layers: JSON-LD, then markup, then the generic body extractor.

Site parsers subclass :class:`ArticleParser` and override a field method with
their selectors; a method that returns ``None`` (or an empty list) falls back
to the generic layers, and the fallback is recorded so a layout change shows
up in the crawl stats.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from scrapy.http import TextResponse

from newscrawler.discovery.links import base_of
from newscrawler.discovery.pages import ARTICLE_OG_TYPES
from newscrawler.extract import headline as headlines
from newscrawler.extract import jsonld
from newscrawler.extract.body import extract_body
from newscrawler.extract.byline import page_authors
from newscrawler.extract.bylinetext import clean_names
from newscrawler.extract.fallback import story_fallbacks
from newscrawler.extract.liveblog import live_entries
from newscrawler.extract.metadata import (
    AUTHOR_KEYS,
    DESCRIPTION_KEYS,
    LANGUAGE_KEYS,
    MODIFIED_KEYS,
    PUBLISHED_KEYS,
    SOURCE_KEYS,
    SUBTITLE_KEYS,
    TITLE_KEYS,
    PageMeta,
    read_meta,
)
from newscrawler.extract.pagedates import (
    Replay,
    date_node_values,
    graph_dates,
    iter_header_dates,
    live_blog_dates,
)
from newscrawler.extract.standfirst import find_standfirst, same_text, starts_body
from newscrawler.extract.structured import pick_body
from newscrawler.items import Article
from newscrawler.meta import STORY
from newscrawler.parsers.evidence import page_evidence_of
from newscrawler.parsers.safeharbor import split_safe_harbor
from newscrawler.utils.dates import parse_date
from newscrawler.utils.datetext import day_first_for, find_date, in_future, url_date
from newscrawler.utils.language import detect_language, normalize_language
from newscrawler.utils.pages import page_root
from newscrawler.utils.text import clean_inline, split_dateline
from newscrawler.utils.urls import absolute_url, canonicalize, host_of, url_id

# How far down the extracted blocks a dateline is looked for.
DATELINE_SEARCH_BLOCKS = 3
# A date the first paragraph opens with ("Feb. 23, 2015 -- ...") sits in its first characters.
LEAD_DATE_CHARS = 40
# <time datetime> values read for the time of a day printed without one.
MACHINE_TIMES = 8
_LEAD_DASH = re.compile(r"\s+(?:--|—|–|-)\s+")
_DATELINE_DATE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}"
)

FALLBACK_FIELDS = (
    "title", "subtitle", "description", "authors", "published", "modified", "source", "language",
    "body_blocks", "dateline",
)
"""Field methods with a generic layer: a site override that finds nothing falls back to it."""


def _with_fallback(name: str, method: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Wrap a site parser's field method: empty result -> the generic layer, recorded."""

    @functools.wraps(method)
    def field_method(self: ArticleParser) -> Any:
        value = method(self)
        if value:
            return value
        self.record_fallback(name)
        return getattr(ArticleParser, name)(self)

    field_method.with_fallback = True  # type: ignore[attr-defined]
    return field_method


class ArticleParser:
    """The generic parser; site parsers override field methods with selectors.

    A site override of a :data:`FALLBACK_FIELDS` method that returns ``None``,
    ``""`` or ``[]`` falls back to this class's generic layer, and the field's
    name lands in ``fallbacks`` (the spider counts it as
    ``parser/fallback/<parser name>/<field>``), so a layout change shows up in
    the stats instead of as silently worse items.
    """

    name = "generic"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in FALLBACK_FIELDS:
            method = cls.__dict__.get(name)
            if callable(method) and not getattr(method, "with_fallback", False):
                setattr(cls, name, _with_fallback(name, method))

    def __init__(self, response: TextResponse, hints: dict[str, Any] | None = None,
                 root: etree._Element | None = None) -> None:
        self.response = response
        self.hints: dict[str, Any] = hints or {}
        # ``root``: the page already parsed by whoever chose this parser (a site's layouts)
        self.root = page_root(response) if root is None else root
        self.fallbacks: list[str] = []
        """Fields whose site selectors found nothing, so the generic layer filled them."""
        self.flags: list[str] = []
        self.bad_urls = 0
        """``<link rel=canonical>``/``og:url`` values that were not usable URLs (ignored)."""

    def record_fallback(self, name: str) -> None:
        if name not in self.fallbacks:
            self.fallbacks.append(name)

    # --- shared, computed once ------------------------------------------------------------
    @cached_property
    def ld_documents(self) -> list[Any]:
        return jsonld.documents(self.root)

    @cached_property
    def ld(self) -> dict[str, Any]:
        return jsonld.find_article(self.ld_documents) or {}

    @cached_property
    def base_url(self) -> str:
        """What relative URLs on the page resolve against (a broken ``<base>`` is ignored)."""
        return base_of(self.root, self.response.url)

    @cached_property
    def meta(self) -> PageMeta:
        return read_meta(self.root)

    @cached_property
    def headline(self) -> headlines.Headline:
        """The visible ``<h1>`` the metadata vouches for, else the metadata title, stripped."""
        references = [jsonld.text_value(self.ld.get("headline")), *self.meta.all(TITLE_KEYS),
                      jsonld.text_value(self.ld.get("name")), self.meta.title,
                      self.hints.get("title")]
        return headlines.find_headline(self.root, references, self._site_names())

    @cached_property
    def standfirst(self) -> str | None:
        """The dek printed under the headline (see :mod:`newscrawler.extract.standfirst`)."""
        return find_standfirst(self.headline.element, self._descriptions(),
                               self._dateline_split[1][:3])

    @cached_property
    def extracted_blocks(self) -> list[str]:
        """The generic extractor's blocks, before the dateline is split off: the DOM's or
        JSON-LD's story, else the one the page's app-shell data holds; a page that discovery
        (a sitemap, a feed), its JSON-LD or its ``og:type`` calls a story gets a looser DOM
        read before it is called empty."""
        structured = jsonld.body_text(self.ld) if self.ld else None
        blocks, _source = pick_body(structured, extract_body(self.root))
        return story_fallbacks(self.root, blocks, story=self._called_a_story())

    def _called_a_story(self) -> bool:
        """Whether something other than the extractor says this page is a story: discovery (a
        sitemap, a feed), the page's JSON-LD article or its ``og:type``."""
        request = self.response.request
        if request is not None and request.meta.get(STORY):
            return True
        og_type = (self.meta.first(("og:type",)) or "").strip().lower()
        return bool(self.ld) or og_type in ARTICLE_OG_TYPES

    @cached_property
    def _dateline_split(self) -> tuple[str | None, list[str]]:
        """The dateline and the story after it.

        Wire copy starts at the dateline: a dek, an ID line or an error banner
        printed above it is not story text, so the body starts after it.
        """
        blocks = list(self.story_blocks())
        for index, block in enumerate(blocks[:DATELINE_SEARCH_BLOCKS]):
            dateline, rest = self.split_dateline(block)
            if dateline is not None:
                if index:
                    self.flags.append("text_before_dateline_removed")
                return dateline, ([rest] if rest else []) + blocks[index + 1:]
        return None, blocks

    # --- fields: override in site parsers -------------------------------------------------
    def body_blocks(self) -> list[str]:
        """The story's paragraphs, dateline included (it is split off afterwards)."""
        return self.extracted_blocks

    def story_blocks(self) -> list[str]:
        """``body_blocks`` without the tail (wire parsers cut About, Contacts, SOURCE here)
        and without forward-looking-statement sections."""
        return self._harbor_split[0]

    @cached_property
    def _harbor_split(self) -> tuple[list[str], list[str]]:
        story, harbor = split_safe_harbor(self.body_blocks())
        if harbor:
            self.flags.append("safe_harbor_separated")
        return story, harbor

    def safe_harbor(self) -> str | None:
        """Forward-looking-statement (safe-harbor) paragraphs, kept out of ``body``."""
        return "\n\n".join(self._harbor_split[1]) or None

    def split_dateline(self, paragraph: str) -> tuple[str | None, str]:
        """The site's dateline form; the generic one knows the common wire forms."""
        return split_dateline(paragraph)

    # Wire fields: the generic layer knows nothing of them (wire parsers override).
    def release_id(self) -> str | None:
        return None

    def issuer(self) -> str | None:
        return None

    def tickers(self) -> list[str]:
        return []

    def about(self) -> str | None:
        return None

    def contacts(self) -> str | None:
        return None

    def credits(self) -> str | None:
        return None

    def title(self) -> str | None:
        return self.headline.text

    def subtitle(self) -> str | None:
        value = (
            jsonld.text_value(self.ld.get("alternativeheadline"))
            or jsonld.text_value(self.ld.get("description"))
            or self.meta.first(SUBTITLE_KEYS)
        )
        return clean_inline(value)

    def description(self) -> str | None:
        """The standfirst printed under the headline, else the page's description when it is
        not the story's first paragraph (the body keeps that)."""
        if self.standfirst:
            return self.standfirst
        # the first paragraph as printed (dateline and all), and as the body starts
        firsts = [blocks[0] for blocks in (self.story_blocks(), self._dateline_split[1]) if blocks]
        title = self.headline.text
        for value in self._descriptions():
            if title and headlines.vouches(value, title):
                continue  # the headline again (a CMS fills the description with it)
            if any(starts_body(value, first) for first in firsts):
                return None
            dateline, rest = self.split_dateline(value)  # "LIMA, Peru (AP) — ..." as in the story
            return rest if dateline and rest else value
        return None

    def authors(self) -> list[str]:
        """JSON-LD's, else the meta author's, else the byline printed by the headline."""
        return page_authors(self.ld.get("author"), self.meta.all(AUTHOR_KEYS),
                            self.headline.element)

    def published(self) -> str | None:
        # the later sources are searched only when the earlier give no date; a live blog's
        # entries (its latest update first) are never its publication: it began at its first
        starts = [v for v in (self._meta_published, *self._live_entries[:1]) if v]
        found = min(starts, key=lambda iso: iso[:19], default=None) or _first_date_of(
            lambda: itertools.chain(self._header_dates, self.meta.times[:1]),
            self._visible_dates,
            lambda: (self.hints.get("published"),),
            lambda: (self._dateline_date(),),
            # the story's own URL: the fetched one, else the canonical the page names
            lambda: (self._title_date(), url_date(self.response.url),
                     url_date(self.canonical_url())),
        )
        if found is not None and len(found) == len("2016-04-25"):
            # a printed day: the time printed by the headline, or the page's machine time,
            # of that same day says when in it (a live blog's: its first entry's)
            for value in itertools.chain(self._live_entries, self._header_dates,
                                         self.meta.times[:MACHINE_TIMES]):
                precise = parse_date(value)
                if precise and len(precise) > len(found) and precise.startswith(found):
                    return precise
        return found

    @cached_property
    def _meta_published(self) -> str | None:
        return _first_date_of(
            lambda: (*live_blog_dates(self.ld)[0], self.ld.get("datepublished"),
                     self.ld.get("datecreated"), *self.meta.all(PUBLISHED_KEYS)),
            lambda: graph_dates(self.ld_documents, "datepublished"))

    @cached_property
    def _live_entries(self) -> list[str]:
        """A live blog's printed entry times, oldest first (looked for only on a page whose
        metadata gives no date, or says it is a live blog: its date may be the latest entry's)."""
        if self._meta_published is not None and "liveblogposting" not in jsonld.types_of(self.ld):
            return []
        return live_entries(self.headline.element, self._day_first, self.language())

    def modified(self) -> str | None:
        return _first_date((
            self.ld.get("datemodified"),
            *live_blog_dates(self.ld)[1],
            *self.meta.all(MODIFIED_KEYS),
            self.hints.get("modified"),
            *self._live_entries[-1:],
        ))

    def source(self) -> str | None:
        value = (
            self.meta.first(SOURCE_KEYS[:1])
            or self._publisher_name()
            or self.meta.first(SOURCE_KEYS[1:])
            or self.hints.get("source")
        )
        return clean_inline(value) or host_of(self.response.url) or None

    def language(self) -> str | None:
        return self._language

    @cached_property
    def _language(self) -> str | None:
        """Read once (the dates ask for it often; a page without ``lang`` guesses it)."""
        for value in (
            jsonld.text_value(self.ld.get("inlanguage")),
            self.meta.html_lang,
            self.meta.first(LANGUAGE_KEYS),
            self.hints.get("language"),
        ):
            if code := normalize_language(value):
                return code
        return detect_language(" ".join(self.extracted_blocks[:6]))

    def canonical_url(self) -> str:
        url = self.response.url
        for candidate in (self.meta.link("canonical"), self.meta.first(("og:url",))):
            if not candidate:
                continue
            absolute = absolute_url(self.base_url, candidate)
            if absolute is None:
                self.bad_urls += 1  # "http://[::1", "javascript:": the fetched URL stands
                continue
            # Error templates point every URL at the home page: that is not this story's URL.
            if urlsplit(absolute).path.strip("/") == "" and urlsplit(url).path.strip("/"):
                continue
            url = absolute
            break
        return canonicalize(url)

    def dateline(self) -> str | None:
        return self._dateline_split[0]

    def body(self) -> list[str]:
        """Story paragraphs after the dateline, without the standfirst (``description``)."""
        blocks = self._dateline_split[1]
        if blocks and self.standfirst and same_text(self.standfirst, blocks[0]):
            return blocks[1:]
        return blocks

    # --- helpers --------------------------------------------------------------------------
    def _visible_dates(self) -> list[str]:
        return date_node_values(self.root, self._day_first, self.language())

    def _dateline_date(self) -> str | None:
        """The date of the dateline, or one the story's first line opens with
        ("Feb. 23, 2015 -- ...")."""
        dateline = self.dateline()
        match = _DATELINE_DATE.search(dateline) if dateline else None
        if match:
            return parse_date(match.group(0))
        body = self._dateline_split[1]
        parts = _LEAD_DASH.split(body[0][:LEAD_DATE_CHARS], maxsplit=1) if body else []
        return find_date(parts[0], self._day_first, self.language()) if len(parts) == 2 else None

    @cached_property
    def _header_dates(self) -> Replay:
        """Dates printed by the headline (read as far as asked): ``published``, a day's time."""
        return Replay(iter_header_dates(self.headline.element, self._day_first, self.language()))

    @cached_property
    def _day_first(self) -> bool:
        """Whether "05/10/2018" on this page is 5 October: everywhere but in US English."""
        return day_first_for(self.language(), self.meta.html_lang, host_of(self.response.url))

    def _title_date(self) -> str | None:
        """A date the page's title prints in a part of its own, after the headline."""
        for title in (self.meta.title, *self.meta.all(TITLE_KEYS)):
            if found := headlines.title_date(title):
                return found
        return None

    def _site_names(self) -> list[str]:
        host = host_of(self.response.url)  # already without "www."
        label = host.split(".")[0] if host else ""
        return [n for n in (self.meta.first(SOURCE_KEYS[:1]), self._publisher_name(), host,
                            label) if n]

    def _publisher_name(self) -> str | None:
        publisher = self.ld.get("publisher")
        return jsonld.text_value(publisher.get("name") if isinstance(publisher, dict) else publisher)

    def _descriptions(self) -> list[str]:
        values = [jsonld.text_value(self.ld.get("description")), *self.meta.all(DESCRIPTION_KEYS)]
        return [v for v in (clean_inline(v) for v in values) if v]

    def to_item(self) -> Article:
        canonical = self.canonical_url()
        return Article(
            url=self.response.url,
            canonical_url=canonical,
            id=url_id(canonical),
            source=self.source(),
            title=self.title(),
            subtitle=self.subtitle(),
            description=self.description(),
            authors=self.authors(),
            published=self.published(),
            modified=self.modified(),
            dateline=self.dateline(),
            language=self.language(),
            body="\n\n".join(self.body()),
            release_id=self.release_id(),
            issuer=self.issuer(),
            tickers=self.tickers(),
            about=self.about(),
            contacts=self.contacts(),
            credits=self.credits(),
            safe_harbor=self.safe_harbor(),
            http_status=self.response.status,
            fetched_at=datetime.now(UTC),
            flags=list(self.flags),
            evidence=page_evidence_of(self),
        )


def _first_date_of(*sources: Callable[[], Iterable[Any]]) -> str | None:
    """The first date of the first source that has one; later sources are not called."""
    for source in sources:
        if (found := _first_date(source())) is not None:
            return found
    return None


def _first_date(candidates: Iterable[Any]) -> str | None:  # later ones are not read
    for value in candidates:
        if value is None or value == "":
            continue
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = jsonld.text_value(value)
        if (parsed := parse_date(value)) is not None and not in_future(parsed):
            return parsed  # a date past tomorrow is a typo or an embargo, never the page's
    return None


def clean_authors(names: list[str]) -> list[str]:
    """Author names without "By", dates and roles, split on "and" and commas, each once."""
    return clean_names(names)
