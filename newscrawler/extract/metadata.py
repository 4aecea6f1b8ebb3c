"""Page markup that states facts about the story: ``<meta>``, OpenGraph, Dublin Core, ``<time>``.

Read once per page into plain data; the parsers then ask for fields by a
priority list of names, so a site's choice of vocabulary does not matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from newscrawler.utils.text import normalize_space

_META = etree.XPath("//meta[@content]")
_LINKS = etree.XPath("//link[@href][@rel]")
_TIMES = etree.XPath("//time[@datetime]")
_TITLE = etree.XPath("//title//text()")
_H1 = etree.XPath("//h1")
_HTML_LANG = etree.XPath("/html/@lang | /html/@xml:lang")

# Names are compared lower-cased; first present wins.
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "title", "headline")
SUBTITLE_KEYS = ("og:description", "description", "twitter:description", "dc.description")
DESCRIPTION_KEYS = SUBTITLE_KEYS
PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "og:published_time",
    "release_date",
    "displaydate",
)
MODIFIED_KEYS = (
    "article:modified_time",
    "og:article:modified_time",
    "datemodified",
    "og:updated_time",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "article.updated",
)
AUTHOR_KEYS = ("author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
               "parsely-author", "sailthru.author", "byl")
SOURCE_KEYS = ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher",
               "publisher", "twitter:site")
LANGUAGE_KEYS = ("content-language", "og:locale", "dc.language", "dcterms.language", "language")


@dataclass
class PageMeta:
    """What the markup of one page says, names lower-cased."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    times: list[str] = field(default_factory=list)
    title: str | None = None
    h1: list[str] = field(default_factory=list)
    html_lang: str | None = None

    def first(self, keys: tuple[str, ...]) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    def all(self, keys: tuple[str, ...]) -> list[str]:
        return [v for key in keys for v in self.meta.get(key, ()) if v]

    def link(self, rel: str) -> str | None:
        values = self.links.get(rel)
        return values[0] if values else None


def read_meta(root: etree._Element) -> PageMeta:
    """Collect ``<meta>``, ``<link rel>``, ``<time datetime>``, ``<title>``, ``<h1>`` and lang."""
    page = PageMeta()
    for el in _META(root):
        content = normalize_space(el.get("content", ""))
        for attr in ("property", "name", "itemprop", "http-equiv"):
            # itemprop="datePublished dateCreated": one value, several names
            for name in el.get(attr, "").lower().split():
                page.meta.setdefault(name, []).append(content)
    for el in _LINKS(root):
        for rel in el.get("rel", "").lower().split():
            page.links.setdefault(rel, []).append(el.get("href", "").strip())
    page.times = [t.get("datetime", "").strip() for t in _TIMES(root)]
    title = normalize_space("".join(_TITLE(root)))
    page.title = title or None
    page.h1 = [t for t in (normalize_space(h.text_content()) for h in _H1(root)) if t]
    langs = _HTML_LANG(root)
    page.html_lang = str(langs[0]).strip() if langs else None
    return page
