"""Where a page prints its dates when the article markup says nothing: near the headline, in
date elements and their attributes, in the JSON-LD around the article, in a live blog's entries.

Each function returns candidate values (ISO strings or raw text for ``parse_date``),
best first; the parser takes the first that parses. Everything is bounded: a few dozen
elements after the headline, a few date elements, short texts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from newscrawler.extract import jsonld
from newscrawler.extract.nearby import preceding, text_within
from newscrawler.utils.dates import parse_date
from newscrawler.utils.datetext import find_date

__all__ = ["Replay", "date_node_values", "graph_dates", "header_dates", "iter_header_dates",
           "live_blog_dates"]

HEADER_ELEMENTS = 40
"""Elements after the headline that may carry its date (byline, date line, ``<time>``)."""
MAX_DATE_TEXT = 200
"""A date line is short; a longer text is story, caption or teaser."""
MAX_DATE_NODES = 8
STORY_PARAGRAPHS = 2
"""Paragraphs of text after the headline (a dek, then the story) past which a printed date
is the story's ("the law of 5 March 1998"), not the page's date line."""
LOOSE_CHILDREN = 12
LOOSE_DATE_TEXT = 80
"""A date line printed as loose text between elements (no element of its own) is short."""
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
# "Updated" in the languages news is written in: a date line that opens so is not the
# publication (a calendar of sorts: one word per language, never a site's phrase)
_UPDATED_WORDS = ("updated", "modified", "aktualisiert", "actualizado", "mis à jour", "atualizado",
                  "aggiornato", "bijgewerkt", "uppdaterad", "opdateret", "oppdatert", "päivitetty",
                  "zaktualizowano", "aktualizace", "aktualizováno", "actualizat", "güncelle",
                  "diperbarui", "обновлен", "оновлен", "актуализ", "ενημερώθηκε", "ενημέρωση",
                  "frissítve", "módosítva", "ažurirano", "posodobljeno", "atnaujinta",
                  "atjaunināts", "uuendatud", "cập nhật", "تحديث", "עודכן", "अपडेट", "अद्यतन",
                  "อัปเดต", "更新", "修改", "업데이트", "수정")


_READ_CHARS = 20 * MAX_DATE_TEXT
"""Raw characters read of one element (spaces included) to judge whether it is a date line."""


def _own_text(element: etree._Element) -> str:
    """The element's text, spaces collapsed, cut past ``MAX_DATE_TEXT`` (a longer element is
    judged by its start: a 15 MB paragraph is not read whole for each look)."""
    raw = text_within(element, _READ_CHARS)
    text = " ".join(raw.split())[: MAX_DATE_TEXT + 1]
    # a read cut short is a long element even when its start is mostly spaces
    return text.ljust(MAX_DATE_TEXT + 1) if len(raw) > _READ_CHARS else text


def _loose_text(element: etree._Element) -> str:
    """A container's own texts between its children ("<a>A</a>, <a>B</a> ... | 5 March 2024"
    in a byline of many links), spaces collapsed, judged by its first children only."""
    parts = [element.text or "", *(child.tail or "" for child in element[:LOOSE_CHILDREN])]
    return " ".join(" ".join(parts)[:_READ_CHARS].split())[: MAX_DATE_TEXT + 1]


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
    """Whether the line's first date is an update's: "Updated" comes before its first digit
    ("Published 5 March 2024 | Updated 6 March" is a publication line)."""
    lowered = text[:30].lower()
    head = lowered[:next((i for i, c in enumerate(lowered) if c.isdigit()), len(lowered))]
    return any(word in head for word in _UPDATED_WORDS)


def _marks_update(time: etree._Element) -> bool:
    """A ``<time>`` that says when the story was updated (its class, or "Updated" before it)."""
    parent = time.getparent()
    names = f"{time.get('class', '')} {time.get('itemprop', '')}".lower()
    if "updat" in names or "modif" in names:
        return True
    return parent is not None and _says_updated(_own_text(parent))


def _after(headline: etree._Element, limit: int) -> Iterator[etree._Element | str]:
    """The elements after the headline (as :func:`following`), with the loose texts between
    them: "기사입력 : 2018-08-25 15:24" printed straight after the headline's ``</dl>``. Only
    the texts beside the headline's ancestors: a text inside a paragraph is the paragraph's."""
    count = 0
    node: etree._Element | None = headline
    while node is not None and count < limit:
        if node.tail and not node.tail.isspace():
            yield node.tail
        for sibling in node.itersiblings():
            for found in sibling.iter():
                if isinstance(found.tag, str):
                    yield found
                    count += 1
                    if count >= limit:
                        return
            if sibling.tail and not sibling.tail.isspace():
                yield sibling.tail
        node = node.getparent()


def header_dates(headline: etree._Element | None, day_first: bool = False,
                 language: str | None = None) -> list[str]:
    """Dates printed just after the headline (its byline and date line), then just before it.

    A ``<time datetime>`` there comes first; a live blog's entries come later on the page,
    so their times are not read as the story's. ``day_first``: "05/10/2018" is 5 October.
    """
    return list(iter_header_dates(headline, day_first, language))


def iter_header_dates(headline: etree._Element | None, day_first: bool = False,
                      language: str | None = None) -> Iterator[str]:
    """:func:`header_dates` one by one: machine dates as the walk meets them (they come
    first), then the dates read in texts. A caller that stops at the first date that parses
    (a ``<time datetime>`` under the headline) stops the walk there, and no text is read."""
    if headline is None:
        return
    texts: list[str] = []  # date lines, searched for a date only when the machine dates fail
    late: list[str] = []
    for group in (_after(headline, HEADER_ELEMENTS), preceding(headline, HEADER_BEFORE)):
        story = 0  # story paragraphs passed: a date printed past the story's start is its text
        for element in group:
            if isinstance(element, str):  # a loose text between elements (a <br> body's too)
                text = " ".join(element[:_READ_CHARS].split())
                if not story and 6 <= len(text) <= LOOSE_DATE_TEXT and not _says_updated(text):
                    texts.append(text)
                story += len(text) > LOOSE_DATE_TEXT
                continue
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag in _SKIP or tag == "h1":
                continue
            if tag == "time" and element.get("datetime"):
                if not _marks_update(element):  # past the story's start: a teaser's, maybe
                    if story >= STORY_PARAGRAPHS:
                        late.append(element.get("datetime", "").strip())
                    else:
                        yield element.get("datetime", "").strip()
                continue
            if tag == "p" and len(element.text or "") > LOOSE_DATE_TEXT:
                story += 1
            if story >= STORY_PARAGRAPHS:
                continue  # the story
            if len(element) > 3:  # a container: its children are looked at one by one, its
                text = _loose_text(element)  # own texts between them as a line of their own
                if 6 <= len(text) <= MAX_DATE_TEXT and not _says_updated(text):
                    texts.append(text)
                continue
            text = _own_text(element)
            if 6 <= len(text) <= MAX_DATE_TEXT and not _says_updated(text):
                yield from _attribute_dates(element)
                texts.append(text)
    for text in texts:
        if (found := find_date(text, day_first, language)) is not None:
            yield found
    yield from late


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


def date_node_values(root: etree._Element, day_first: bool = False,
                     language: str | None = None) -> list[str]:
    """Dates of the page's date elements (class or id says date/publish/time), attributes first."""
    values: list[str] = []
    for element in _DATE_NODES(root)[:MAX_DATE_NODES]:
        text = _own_text(element)
        if _says_updated(text):
            continue
        values.extend(_attribute_dates(element))
        if 6 <= len(text) <= MAX_DATE_TEXT:
            # the element's whole text as a date ("Dec 28 Sat 2013 00:28"), else one inside it
            # (parse_date reads "05/10/2018", "05-10-2018" month first: those go to find_date)
            whole = None if day_first and ("/" in text or "-" in text) else parse_date(text)
            found = whole or find_date(text, day_first, language)
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
    ``datePublished``/``coverageStartTime``, never after its earliest entry (a page whose
    ``datePublished`` follows its latest update); its latest entry's time is when it was
    modified."""
    if "liveblogposting" not in jsonld.types_of(article):
        return [], []
    updates = article.get("liveblogupdate")
    entry_times = sorted((t for t in (
        parse_date(jsonld.text_value(u.get("datepublished")) or "")
        for u in (updates if isinstance(updates, list) else [updates]) if isinstance(u, dict))
        if t), key=_sort_key)
    own = [t for t in (parse_date(jsonld.text_value(article.get(key)) or "")
                       for key in ("datepublished", "coveragestarttime")) if t]
    published = sorted(own[:1] + entry_times[:1], key=_sort_key)[:1] if entry_times else own
    return published, [article.get("datemodified"), *entry_times[-1:]]


def _sort_key(iso: str) -> str:
    return iso[:19]
