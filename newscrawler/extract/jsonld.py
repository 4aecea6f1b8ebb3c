"""Schema.org JSON-LD as news sites really write it.

Publishers nest the article in ``@graph``, in lists, under ``mainEntity``;
they break JSON with comments, CDATA wrappers and trailing commas; and some
(GlobeNewswire) capitalise keys (``Headline``, ``DatePublished``). Everything
here is tolerant of that, and keys are lower-cased so callers ask one way.
Hostile nesting never raises: a script nested deeper than Python's parser goes is
skipped, and what lies deeper than :data:`MAX_DEPTH` levels is cut off.
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

MAX_DEPTH = 32
"""Levels of a JSON-LD document that are read; real ones nest fewer than ten."""


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
        except RecursionError:  # nested deeper than the parser goes: no repair will help
            return None
    return None


def lower_keys(data: Any, max_depth: int = MAX_DEPTH) -> Any:
    """Lower-case every dict key, so ``Headline`` and ``headline`` read the same.

    Dicts and lists deeper than ``max_depth`` become ``None``: every later walk of the
    document is bounded, however the page nests it.

    >>> lower_keys({"A": [{"B": 1}]})
    {'a': [{'b': 1}]}
    >>> lower_keys([[[["deep"]]]], max_depth=2)
    [[None]]
    """
    if not isinstance(data, dict | list):
        return data
    top: dict[str, Any] | list[Any] = {} if isinstance(data, dict) else []
    # (source container, its copy, depth of the copy): iterative, so no recursion limit
    stack = [(data, top, 1)]
    while stack:
        source, copy, depth = stack.pop()
        pairs = source.items() if isinstance(source, dict) else enumerate(source)
        for key, value in pairs:
            if isinstance(value, dict | list):
                if depth >= max_depth:
                    value = None
                else:
                    child: dict[str, Any] | list[Any] = {} if isinstance(value, dict) else []
                    stack.append((value, child, depth + 1))
                    value = child
            if isinstance(copy, dict):
                copy[str(key).lower()] = value
            else:
                copy.append(value)
    return top


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


def _outer_articles(doc: Any) -> Iterator[dict[str, Any]]:
    """Article objects not nested in another: a live blog's entries (``liveBlogUpdate``) and
    an article's parts are BlogPostings too, never the page's article."""
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if any(t in _TYPE_RANK for t in types_of(node)):
                yield node
                continue
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))


def find_article(docs: list[Any]) -> dict[str, Any] | None:
    """The page's article object: the most specific article type, then the richest one."""
    best: tuple[int, int] | None = None
    found = None
    for doc in docs:
        for obj in _outer_articles(doc):
            ranks = [_TYPE_RANK[t] for t in types_of(obj) if t in _TYPE_RANK]
            richness = sum(1 for k in ("headline", "articlebody", "datepublished") if obj.get(k))
            key = (-richness, min(ranks))
            if best is None or key < best:
                best, found = key, obj
    return found


MAX_ENTRIES = 2_000
"""Live-blog entries read (a day-long blog has a few hundred)."""


def body_text(article: dict[str, Any]) -> str | None:
    """The article's ``articleBody``; a live blog's is the whole blog, every entry with its
    headline in the order given, never one entry."""
    own = text_value(article.get("articlebody"))
    updates = article.get("liveblogupdate")
    if "liveblogposting" not in types_of(article) or not updates:
        return own
    parts = [own] if own else []
    for entry in (updates if isinstance(updates, list) else [updates])[:MAX_ENTRIES]:
        if not isinstance(entry, dict):
            continue
        text = text_value(entry.get("articlebody")) or text_value(entry.get("text"))
        if text:
            headline = text_value(entry.get("headline"))
            parts += [headline, text] if headline and headline not in text else [text]
    return "\n\n".join(parts) or None


def article_body(root: etree._Element) -> str | None:
    """The page's JSON-LD story text (what the parser weighs against the DOM's)."""
    article = find_article(documents(root))
    return body_text(article) if article else None


def find_type(docs: list[Any], *names: str) -> dict[str, Any] | None:
    """First object of one of the given schema.org types (lower-case names)."""
    for doc in docs:
        for obj in iter_objects(doc):
            if any(t in names for t in types_of(obj)):
                return obj
    return None


def text_value(value: Any, _depth: int = 0) -> str | None:
    """A JSON-LD value as text: strings as they are, ``{"@value"|"name": ...}``, first of a list."""
    if _depth > MAX_DEPTH:
        return None
    if isinstance(value, list):
        for v in value:
            if (text := text_value(v, _depth + 1)) is not None:
                return text
        return None
    if isinstance(value, dict):
        for key in ("@value", "name", "text", "@id", "url"):
            if key in value:
                return text_value(value[key], _depth + 1)
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
