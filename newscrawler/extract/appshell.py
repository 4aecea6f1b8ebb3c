"""The story an app shell carries outside its visible DOM, read without executing anything.

Script-rendered pages ship the article as data and let JavaScript draw it:
React streaming puts finished markup in ``<div hidden id="S:0">`` for a script to
move in; Next.js ships its app-router payload as ``self.__next_f.push([1, "..."])``
chunks (rows of React element trees, props and text rows) and its pages-router
props in ``<script id="__NEXT_DATA__" type="application/json">`` (the body as
paragraph text, an HTML string, or a list of structured blocks). The parser reads
these only when the visible DOM gave no story (:func:`has_app_data` is the cheap
check); every read is bounded, so a 15 MB hostile page costs bounded work.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from newscrawler.extract.body import extract_body
from newscrawler.extract.structured import structured_blocks
from newscrawler.utils.bounds import WINDOW_BLOCKS
from newscrawler.utils.text import normalize_space, word_count

__all__ = ["app_blocks", "has_app_data", "prose_at_least", "with_app_text"]

MAX_DATA_CHARS = 2_000_000
"""Characters of script data read from one page (a real story's payload is 50 KB to 1 MB;
a hostile 5 MB payload of short paragraphs cost 0.66 s, 0.06 s past this bound)."""
MAX_NODES = 300_000
"""JSON values visited on one page."""
MAX_DEPTH = 64
"""Levels of one JSON document followed."""
MAX_SEGMENTS = 500
"""Hidden streaming segments read from one page."""
MIN_PROSE_WORDS = 6
"""A block shorter than this is a label, a title or a button, not story prose."""
CANDIDATE_COST = 50
"""Budget (in JSON values) one story-like text costs: it is cut into blocks and its words
counted, fifty times the work of visiting a value (100,000 short strings of a crafted
payload would cost seconds)."""
MAX_LIST_ITEMS = WINDOW_BLOCKS
"""Items of one JSON list read as the blocks of a story (a long story has a few hundred)."""

_WORD_RE = re.compile(r"\w+")
_SEGMENTS = etree.XPath("//div[@hidden][starts-with(@id, 'S:')]")
_FLIGHT_PUSH = re.compile(r"self\.__next_f\.push\(\s*(\[.*\])\s*\)\s*;?\s*$", re.DOTALL)
_ROW = re.compile(rb"([0-9a-fA-F]{1,8}):(T([0-9a-fA-F]{1,8}),|[A-Z]{0,3})")
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:!?)\]»”])")
_TAG_NAME = re.compile(r"^[a-z][a-z0-9]{0,9}$")

# Keys under which content formats keep a block's text: Portable Text ``children``/``text``,
# Contentful ``content``/``value``, Draft.js ``text``, headless CMSs ``html``/``body``.
TEXT_KEYS = ("text", "value", "html", "__html", "content", "contents", "children", "body",
             "articlebody", "plaintext", "markdown")
# A dict that links somewhere is a teaser of another page (title, url, image), not a block.
LINK_KEYS = frozenset({"url", "href", "link", "permalink", "uri", "slug", "path"})
_CONTAINERS = (str, dict, list)
_SKIP_TAGS = frozenset({"script", "style", "template", "svg", "noscript", "iframe", "head",
                        "link", "meta"})


def _data_scripts(root: etree._Element) -> Iterator[tuple[str, str]]:
    """``("json" | "flight", text)`` of the page's inline data scripts, in page order."""
    for el in root.iter("script"):
        if el.get("src") is not None:
            continue
        text = el.text or ""
        kind = (el.get("type") or "").strip().lower()
        if el.get("id") == "__NEXT_DATA__" or kind == "application/json":
            yield "json", text
        elif "__next_f" in text[:80]:
            yield "flight", text


def has_app_data(root: etree._Element) -> bool:
    """Whether the page carries any app-shell data at all (no parsing)."""
    return next(_data_scripts(root), None) is not None or bool(_SEGMENTS(root))


def _prose_words(blocks: list[str]) -> int:
    return sum(n for n in map(word_count, blocks) if n >= MIN_PROSE_WORDS)


def prose_at_least(blocks: list[str], words: int) -> bool:
    """Whether ``blocks`` hold ``words`` prose words (stops counting there: a long story
    costs the same few paragraphs as a short one)."""
    total = 0
    for block in blocks:
        n = word_count(block[:2_000])
        if n >= MIN_PROSE_WORDS:
            total += n
            if total >= words:
                return True
    return False


# --- React streaming ------------------------------------------------------------------------


def segment_blocks(root: etree._Element) -> list[str]:
    """The story in the page's hidden streaming segments, shown as the script would show them."""
    segments = _SEGMENTS(root)[:MAX_SEGMENTS]
    if not segments:
        return []
    doc = lxml.html.Element("html")
    body = etree.SubElement(doc, "body")
    for segment in segments:
        # a copy: the page's own tree is never changed
        shown = lxml.html.fromstring(etree.tostring(segment, encoding="unicode", with_tail=False))
        shown.attrib.pop("hidden", None)
        body.append(shown)
    return extract_body(doc)


# --- Next.js flight data --------------------------------------------------------------------


def flight_payload(scripts: list[str]) -> str:
    """The app-router payload: the string chunks of ``self.__next_f.push([1, "..."])``, joined."""
    chunks: list[str] = []
    size = 0
    for text in scripts:
        match = _FLIGHT_PUSH.search(text.strip())
        if match is None:
            continue
        try:
            value = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(value, list) and len(value) >= 2 and value[0] == 1 \
                and isinstance(value[1], str):
            chunks.append(value[1])
            size += len(value[1])
            if size > MAX_DATA_CHARS:
                break
    return "".join(chunks)


def flight_rows(payload: str) -> Iterator[Any]:
    """The payload's rows: text rows as strings, model rows as JSON values (others skipped)."""
    data = payload.encode("utf-8")  # a text row's length counts bytes
    at, end = 0, len(data)
    while at < end:
        match = _ROW.match(data, at)
        if match is None:
            newline = data.find(b"\n", at)
            if newline < 0:
                return
            at = newline + 1
            continue
        if match.group(3) is not None:  # "1f:T2a4," then that many bytes of text
            start = match.end()
            stop = start + int(match.group(3), 16)
            yield data[start:stop].decode("utf-8", "replace")
            at = stop
            continue
        newline = data.find(b"\n", match.end())
        stop = end if newline < 0 else newline
        at = stop + 1
        if match.group(2) == b"":
            try:
                value = json.loads(data[match.end():stop])
            except (ValueError, RecursionError):
                continue
            yield value


def _is_element(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 4 and value[0] == "$"
            and isinstance(value[1], str))


def element_tree(rows: list[Any], budget: list[int]) -> lxml.html.HtmlElement:
    """React element rows (``["$", "p", key, {"children": ...}]``) drawn as an HTML tree."""
    doc = lxml.html.Element("html")
    body = etree.SubElement(doc, "body")
    # (value, parent element, depth): iterative, so no recursion limit
    stack: list[tuple[Any, etree._Element, int]] = [(row, body, 0) for row in reversed(rows)]
    while stack and budget[0] > 0:
        value, parent, depth = stack.pop()
        budget[0] -= 1
        if isinstance(value, str):
            if value.startswith("$"):
                continue  # a reference to another row or module
            last = parent[-1] if len(parent) else None
            if last is None:
                parent.text = (parent.text or "") + value
            else:
                last.tail = (last.tail or "") + value
        elif depth >= MAX_DEPTH:
            continue
        elif _is_element(value):
            tag, props = value[1], value[3]
            if tag in _SKIP_TAGS:
                continue
            el = etree.SubElement(parent, tag if _TAG_NAME.match(tag) else "div")
            if isinstance(props, dict):
                for name, attr in (("className", "class"), ("id", "id")):
                    if isinstance(props.get(name), str):
                        el.set(attr, props[name])
                if "hidden" in props and props["hidden"] not in (False, None):
                    el.set("hidden", "")
                stack.append((props.get("children"), el, depth + 1))
        elif isinstance(value, list):
            stack.extend((v, parent, depth + 1) for v in reversed(value[: max(budget[0], 0)]))
    return doc


# --- JSON data: the longest story-like text -------------------------------------------------


def _text_blocks(text: str) -> list[str]:
    """One string as blocks: HTML stripped at its block tags, plain text at its blank lines.

    A string too short to hold ``MIN_APP_WORDS`` words (a word and a space each, or two
    ideographs) is never the story alone: it is not cut at all.
    """
    if len(text) < 2 * MIN_APP_WORDS or text.startswith(("$", "http://", "https://", "{", "[")):
        return []
    return structured_blocks(text)


def _inline(value: Any, depth: int, budget: list[int]) -> str:
    """The text of one structured block (a paragraph of spans, a node with its text)."""
    budget[0] -= 1
    if budget[0] <= 0 or depth > MAX_DEPTH:
        return ""
    if isinstance(value, str):
        if value.startswith("$"):
            return ""
        return " ".join(structured_blocks(value)) if "<" in value else value
    if _is_element(value):
        props = value[3]
        if value[1] in _SKIP_TAGS or not isinstance(props, dict):
            return ""
        return _inline(props.get("children"), depth + 1, budget)
    if isinstance(value, list):
        return " ".join(t for v in value if (t := _inline(v, depth + 1, budget)))
    if isinstance(value, dict):
        budget[0] -= len(value)  # every key is read
        if budget[0] <= 0:
            return ""
        lowered = {str(k).lower(): v for k, v in value.items()}
        if any(isinstance(lowered.get(k), str) for k in LINK_KEYS):
            return ""
        for key in TEXT_KEYS:
            if key in lowered and (text := _inline(lowered[key], depth + 1, budget)):
                return text
    return ""


def _list_blocks(items: list[Any], budget: list[int]) -> list[str]:
    blocks = []
    for item in items[:MAX_LIST_ITEMS]:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", normalize_space(_inline(item, 0, budget)))
        if text:
            blocks.append(text)
    return blocks


def data_candidates(values: list[Any], budget: list[int]) -> Iterator[list[str]]:
    """Every story-like text of the data: long strings and lists of text blocks."""
    stack: list[tuple[Any, int]] = [(v, 0) for v in reversed(values)]
    while stack and budget[0] > 0:
        value, depth = stack.pop()
        budget[0] -= 1
        if isinstance(value, str):
            if blocks := _text_blocks(value):
                budget[0] -= CANDIDATE_COST
                yield blocks
        elif depth >= MAX_DEPTH:
            continue
        elif isinstance(value, dict):
            # never more values stacked than the budget can visit (a 300,000-key object)
            stack.extend((v, depth + 1) for v in itertools.islice(value.values(), budget[0])
                         if isinstance(v, _CONTAINERS))
        elif isinstance(value, list):
            # React children lists are drawn as a tree (element_tree), not read as blocks
            items = value[: max(budget[0], 0)]
            if len(items) > 1 and not _is_element(value) and not any(
                    map(_is_element, items[:MAX_LIST_ITEMS])):
                budget[0] -= CANDIDATE_COST
                yield _list_blocks(items, budget)
            # numbers, booleans and nulls hold no text: a list of 300,000 ids costs no budget
            stack.extend((v, depth + 1) for v in reversed(items) if isinstance(v, _CONTAINERS))


_HEADLINES = etree.XPath("//title/text() | //meta[@property='og:title']/@content"
                         " | //h1//text()")
_SPACELESS = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
HEADLINE_CHARS = 600


def headline_keys(root: etree._Element) -> set[str]:
    """The words of the page's headlines (``<title>``, ``og:title``, ``<h1>``), lower-cased;
    in scripts written without spaces, their character pairs."""
    text = " ".join(str(t) for t in _HEADLINES(root)[:20])[:HEADLINE_CHARS].lower()
    keys: set[str] = set()
    for word in _WORD_RE.findall(text):
        if _SPACELESS.search(word):
            keys.update(word[i:i + 2] for i in range(len(word) - 1))
        elif len(word) >= 4 and not word.isdigit():
            keys.add(word)
    return keys


def about_headline(blocks: list[str], keys: set[str]) -> bool:
    """Whether a text speaks of the page's headline: a story repeats its headline's words,
    a settings string, a cookie text or a menu of the app's data does not."""
    if not keys:
        return True
    head = " ".join(blocks)[:5_000].lower()
    found = sum(1 for key in keys if key in head)
    return found >= max(min(2, len(keys)), 0.3 * len(keys))


def _best(candidates: Iterator[list[str]], keys: set[str] | None = None) -> list[str]:
    best: list[str] = []
    best_words = 0
    for blocks in candidates:
        words = _prose_words(blocks)
        if words > best_words and (keys is None or about_headline(blocks, keys)):
            best, best_words = blocks, words
    return best


def app_blocks(root: etree._Element) -> list[str]:
    """The story the page's app-shell data holds (``[]`` when it holds none)."""
    jsons: list[Any] = []
    flights: list[str] = []
    size = 0
    for kind, text in _data_scripts(root):
        if size + len(text) > MAX_DATA_CHARS:
            break  # past the bound: what was read decides
        size += len(text)
        if kind == "flight":
            flights.append(text)
            continue
        text = text.strip()
        if text.startswith("<![CDATA["):
            text = text.removeprefix("<![CDATA[").removesuffix("]]>")
        try:
            jsons.append(json.loads(text))
        except (ValueError, RecursionError):
            continue
    budget = [MAX_NODES]
    rows = list(flight_rows(flight_payload(flights))) if flights else []
    candidates: list[list[str]] = [segment_blocks(root)]
    elements = [row for row in rows if isinstance(row, list)]
    if elements:
        candidates.append(extract_body(element_tree(elements, budget)))
    keys = headline_keys(root)
    candidates.append(_best(data_candidates([*jsons, *rows], budget), keys))
    return _best(iter(candidates), keys)


SHORT_STORY_WORDS = 150
"""Prose words under which the visible DOM may have missed the story: app data is read."""
GAIN = 1.5
"""App-shell text replaces the DOM's only when it holds this many times its prose words."""
MIN_APP_WORDS = 30


def with_app_text(root: etree._Element, blocks: list[str]) -> list[str]:
    """``blocks``, or the app-shell story when the DOM gave little and the data holds more."""
    if prose_at_least(blocks, SHORT_STORY_WORDS) or not has_app_data(root):
        return blocks
    have = _prose_words(blocks)
    found = app_blocks(root)
    if _prose_words(found) >= max(MIN_APP_WORDS, GAIN * have):
        return found
    return blocks
