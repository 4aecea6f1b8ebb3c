"""Schema.org JSON-LD as news sites really write it.

Publishers nest the article in ``@graph``, in lists, under ``mainEntity``;
they break JSON with comments, CDATA wrappers and trailing commas; and some
(GlobeNewswire) capitalise keys (``Headline``, ``DatePublished``). Everything
here is tolerant of that, and keys are lower-cased so callers ask one way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

ARTICLE_TYPES: tuple[str, ...] = (
    # most specific first: the first type found in this order wins
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "backgroundnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "pressrelease",
    "article",
    "liveblogposting",
    "blogposting",
    "report",
    "techarticle",
    "socialmediaposting",
)
_TYPE_RANK = {name: rank for rank, name in enumerate(ARTICLE_TYPES)}

_JSONLD_XPATH = etree.XPath(
    "//script[translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    "='application/ld+json']/text()"
)
_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?://\s*)?\]\]>\s*$|-->\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def loads_lenient(text: str) -> Any:
    """Parse one JSON-LD script, repairing the usual publisher mistakes; ``None`` if hopeless.

    >>> loads_lenient('<!-- {"a": [1, 2,],} -->')
    {'a': [1, 2]}
    """
    text = _WRAPPERS.sub("", text.strip())
    if not text:
        return None
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    return None


def lower_keys(data: Any) -> Any:
    """Lower-case every dict key, recursively, so ``Headline`` and ``headline`` read the same."""
    if isinstance(data, dict):
        return {str(k).lower(): lower_keys(v) for k, v in data.items()}
    if isinstance(data, list):
        return [lower_keys(v) for v in data]
    return data


def iter_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD document, depth first (``@graph``, lists, nested values)."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))


def types_of(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("@type", [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return []
    # "http://schema.org/NewsArticle" and "schema:NewsArticle" are seen too
    return [str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for t in raw]


def documents(root: etree._Element) -> list[Any]:
    """All parseable JSON-LD documents of a page, keys lower-cased."""
    docs = []
    for text in _JSONLD_XPATH(root):
        data = loads_lenient(str(text))
        if data is not None:
            docs.append(lower_keys(data))
    return docs


def find_article(docs: list[Any]) -> dict[str, Any] | None:
    """The page's article object: the most specific article type, then the richest one."""
    best: tuple[int, int] | None = None
    found = None
    for doc in docs:
        for obj in iter_objects(doc):
            ranks = [_TYPE_RANK[t] for t in types_of(obj) if t in _TYPE_RANK]
            if not ranks:
                continue
            richness = sum(1 for k in ("headline", "articlebody", "datepublished") if obj.get(k))
            key = (-richness, min(ranks))
            if best is None or key < best:
                best, found = key, obj
    return found


def find_type(docs: list[Any], *names: str) -> dict[str, Any] | None:
    """First object of one of the given schema.org types (lower-case names)."""
    for doc in docs:
        for obj in iter_objects(doc):
            if any(t in names for t in types_of(obj)):
                return obj
    return None


def text_value(value: Any) -> str | None:
    """A JSON-LD value as text: strings as they are, ``{"@value"|"name": ...}``, first of a list."""
    if isinstance(value, list):
        for v in value:
            if (text := text_value(v)) is not None:
                return text
        return None
    if isinstance(value, dict):
        for key in ("@value", "name", "text", "@id", "url"):
            if key in value:
                return text_value(value[key])
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def person_names(value: Any) -> list[str]:
    """Author names: people first; organisations only when no person is named."""
    people: list[str] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            if item.strip():
                people.append(item.strip())
        elif isinstance(item, dict):
            name = text_value(item.get("name"))
            if not name:
                continue
            (orgs if "organization" in types_of(item) else people).append(name)
    return people or orgs
