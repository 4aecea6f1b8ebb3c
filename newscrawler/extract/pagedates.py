"""Where a page prints its dates when the article markup says nothing: near the headline, in
date elements and their attributes, in the JSON-LD around the article, in a live blog's entries.

Each function returns candidate values (ISO strings or raw text for ``parse_date``),
best first; the parser takes the first that parses. Everything is bounded: a few dozen
elements after the headline, a few date elements, short texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from newscrawler.extract import jsonld
from newscrawler.extract.nearby import following, preceding, text_within
from newscrawler.utils.dates import parse_date
from newscrawler.utils.datetext import find_date

__all__ = ["Replay", "date_node_values", "graph_dates", "header_dates", "iter_header_dates",
           "live_blog_dates"]

HEADER_ELEMENTS = 40
"""Elements after the headline that may carry its date (byline, date line, ``<time>``)."""
MAX_DATE_TEXT = 200
"""A date line is short; a longer text is story, caption or teaser."""
MAX_DATE_NODES = 8
HEADER_BEFORE = 12
# Visible dates sit in short elements whose class or id says so; hAtom's "published"
_DATE_NODES = etree.XPath(
    "//*[@class or @id][self::span or self::div or self::p or self::time or self::li"
    " or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::small or self::em]"
    "[contains(translate(concat(@class, ' ', @id), 'DATEIMPUBLSH', 'dateimpublsh'), 'date')"
    " or contains(translate(concat(@class, ' ', @id), 'DATEIMPUBLSH', 'dateimpublsh'), 'publish')"
    " or contains(translate(concat(@class, ' ', @id), 'DATEIMPUBLSH', 'dateimpublsh'), 'time')]"
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option"})
_UPDATED_WORDS = ("updated", "modified", "aktualisiert", "actualizado", "mis à jour", "atualizado",
                  "aggiornato", "bijgewerkt")
_UPDATED = re.compile("|".join(re.escape(word) for word in _UPDATED_WORDS))


_READ_CHARS = 20 * MAX_DATE_TEXT
"""Raw characters read of one element (spaces included) to judge whether it is a date line."""
_FOLD_CHARS = 2 * MAX_DATE_TEXT + 2


def _own_text(element: etree._Element) -> str:
    """The element's text, spaces collapsed, cut past ``MAX_DATE_TEXT`` (a longer element is
    judged by its start: a 15 MB paragraph is not read whole for each look)."""
    raw = text_within(element, _READ_CHARS)
    text = ""
    if len(raw) > _FOLD_CHARS:
        # spaces folded in a prefix are a prefix of the whole folded: when that is long
        # enough, the rest of a paragraph is not folded only to be cut off
        text = " ".join(raw[:_FOLD_CHARS].split())
    if len(text) <= MAX_DATE_TEXT:
        text = " ".join(raw.split())
    text = text[: MAX_DATE_TEXT + 1]
    # a read cut short is a long element even when its start is mostly spaces
    return text.ljust(MAX_DATE_TEXT + 1) if len(raw) > _READ_CHARS else text


def _attribute_dates(element: etree._Element) -> list[str]:
    """Machine dates on the element: ``datetime``, ``content``, ``data-*time*`` epoch values."""
    values = []
    for name, value in element.attrib.items():
        lowered = name.lower()
        dated = lowered in ("datetime", "content", "title") or (
            lowered.startswith("data-") and ("time" in lowered or "date" in lowered))
        if dated and parse_date(value.strip()) is not None:
            values.append(value.strip())
    return values


def _says_updated(text: str) -> bool:
    return _UPDATED.search(text.lower()[:30]) is not None


def _marks_update(time: etree._Element) -> bool:
    """A ``<time>`` that says when the story was updated (its class, or "Updated" before it)."""
    parent = time.getparent()
    names = f"{time.get('class', '')} {time.get('itemprop', '')}".lower()
    if "updat" in names or "modif" in names:
        return True
    return parent is not None and _says_updated(_own_text(parent))


def header_dates(headline: etree._Element | None, day_first: bool = False) -> list[str]:
    """Dates printed just after the headline (its byline and date line), then just before it.

    A ``<time datetime>`` there comes first; a live blog's entries come later on the page,
    so their times are not read as the story's. ``day_first``: "05/10/2018" is 5 October.
    """
    return list(iter_header_dates(headline, day_first))


def iter_header_dates(headline: etree._Element | None, day_first: bool = False
                      ) -> Iterator[str]:
    """:func:`header_dates` one by one: machine dates as they are met (they come first),
    dates read in text after the walk. A caller that stops at the first date that parses
    (a ``<time datetime>`` under the headline) stops the walk there."""
    if headline is None:
        return
    texts: list[str] = []
    for group in (following(headline, HEADER_ELEMENTS), preceding(headline, HEADER_BEFORE)):
        for element in group:
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag in _SKIP or tag == "h1":
                continue
            if tag == "time" and element.get("datetime"):
                if not _marks_update(element):
                    yield element.get("datetime", "").strip()
                continue
            if len(element) > 3:
                continue  # a container: its children are looked at one by one
            text = _own_text(element)
            if 6 <= len(text) <= MAX_DATE_TEXT and not _says_updated(text):
                yield from _attribute_dates(element)
                if (found := find_date(text, day_first)) is not None:
                    texts.append(found)
    yield from texts


class Replay:
    """An iterator's values, as often as asked: each pass reads the source no further than
    its own consumer went, and values already read are not read again."""

    __slots__ = ("_read", "_source")

    def __init__(self, source: Iterator[str]) -> None:
        self._source = source
        self._read: list[str] = []

    def __iter__(self) -> Iterator[str]:
        index = 0
        while True:
            if index == len(self._read):
                value = next(self._source, None)
                if value is None:
                    return
                self._read.append(value)
            yield self._read[index]
            index += 1


def date_node_values(root: etree._Element, day_first: bool = False) -> list[str]:
    """Dates of the page's date elements (class or id says date/publish/time), attributes first."""
    values: list[str] = []
    for element in _DATE_NODES(root)[:MAX_DATE_NODES]:
        text = _own_text(element)
        if _says_updated(text):
            continue
        values.extend(_attribute_dates(element))
        if 6 <= len(text) <= MAX_DATE_TEXT:
            # the element's whole text as a date ("Dec 28 Sat 2013 00:28"), else one inside it
            # (parse_date reads "05/10/2018" month first: a slashed date goes to find_date)
            whole = None if day_first and "/" in text else parse_date(text)
            found = whole or find_date(text, day_first)
            if found is not None:
                values.append(found)
    return values


def graph_dates(docs: list[Any], key: str) -> list[Any]:
    """``key`` (``datepublished``...) of the page-level JSON-LD objects (``WebPage`` beside the
    article in a ``@graph``), never of the stories a listing links to."""
    values = []
    for doc in docs:
        top = doc if isinstance(doc, list) else [doc]
        for obj in top:
            if not isinstance(obj, dict):
                continue
            graph = obj.get("@graph")
            for item in [obj, *(graph if isinstance(graph, list) else [])]:
                if isinstance(item, dict) and item.get(key) and not set(jsonld.types_of(item)) & {
                        "itemlist", "collectionpage", "listitem"}:
                    values.append(item[key])
    return values


def live_blog_dates(article: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """(published, modified) candidates of a live blog: it started at its own
    ``datePublished``/``coverageStartTime``; its latest entry's time is when it was modified."""
    if "liveblogposting" not in jsonld.types_of(article):
        return [], []
    published = [article.get("datepublished"), article.get("coveragestarttime")]
    updates = article.get("liveblogupdate")
    entry_times = [parse_date(jsonld.text_value(u.get("datepublished")) or "")
                   for u in (updates if isinstance(updates, list) else [updates])
                   if isinstance(u, dict)]
    latest = max((t for t in entry_times if t), default=None, key=_sort_key)
    return published, [article.get("datemodified"), latest]


def _sort_key(iso: str) -> str:
    return iso[:19]
