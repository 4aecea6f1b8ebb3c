"""The story's authors: its structured data's, else the byline printed by its headline.

Names come from JSON-LD ``author`` (people first, an organisation whole), else the
``<meta>`` author keys that are not URLs, else the byline printed nearest the headline:
the first element marked as one (``rel``/``itemprop`` author, a class or id naming a byline
or an author) or opening like one ("By ...", "Par ...") in the text that follows the
``<h1>``, or in the small header block around it. A page's other bylines (related-story
cards, column promos, comment authors) are printed further down, under their own linked
headlines, or in ``aside``/``nav``: the walk stops at the first of those, so an
empty list is given rather than another story's author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree

from newscrawler.extract import jsonld
from newscrawler.extract.bylinetext import (
    MARKED,
    MAX_VALUES,
    PRINTED,
    clean_names,
    is_label,
    printed_names,
    starts_byline,
)

AFTER_CHARS = 600
"""Text after the headline within which its byline is printed (a dek, a caption, a date)."""
HEADER_CHARS = 600
"""Text of the headline's block, when its byline is printed above it (a kicker, then it)."""
MAX_WALK = 600
"""Elements looked at after the headline (wrappers, icons and empty boxes included)."""
MAX_BLOCK_CHARS = 300
"""A byline block longer than this is a wrapper: only its marked names are read."""
MAX_LEAF_CHARS = 150
PREFIX_CHARS = 200
"""An unmarked element opening with "By" is a byline only when short."""
MAX_DEPTH = 24
CARD_TITLE_CHARS = 20
"""A linked heading this long is another story's headline."""

_MARK = re.compile(r"by-?line|author|autor|auteur|writer|creator", re.IGNORECASE)
_NOT_MARK = re.compile(
    r"comment|avatar|image|img|photo|picture|thumb|bio|follow|social|share|icon|logo|caption"
    r"|credit|media", re.IGNORECASE)
# never a byline's text: code, pictures, controls, dates
_SKIP = frozenset(("script", "style", "noscript", "template", "svg", "button", "img",
                   "picture", "figure", "figcaption", "video", "audio", "iframe", "select",
                   "form", "input", "textarea", "time", "head", "title", "meta", "link"))
# the page's furniture: other stories and links live there (a ``<footer>`` by the headline is
# the story header's, where a byline is often printed)
_FURNITURE = frozenset(("nav", "aside", "menu", "dialog"))
_INLINE = frozenset(("b", "strong", "i", "em", "u", "small", "font", "sup", "sub", "mark",
                     "abbr", "bdi", "bdo", "wbr", "cite"))
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_NOT_A_NAME_LINK = re.compile(r"share|intent|sharer|mailto:|javascript:|whatsapp:|^#",
                              re.IGNORECASE)
_LOGO = re.compile(r"logo|avatar|icon", re.IGNORECASE)
_STRING_LENGTH = etree.XPath("string-length(normalize-space())")
_LINK_IN = etree.XPath(".//a[@href]")
_HEADING_IN = etree.XPath(".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5"
                          " or self::h6]")


def page_authors(ld_author: Any, meta_values: Iterable[str],
                 headline: etree._Element | None) -> list[str]:
    """The story's authors, from the most trusted source that names any."""
    names = structured_names(ld_author) if ld_author else []
    if not names:
        names = clean_names(v for v in meta_values if not _is_address(v))
    if not names and headline is not None:
        names = printed_authors(headline)
    return names


def structured_names(value: Any) -> list[str]:
    """JSON-LD ``author``: its people, else its organisations (named whole: "Acme, Inc.")."""
    people: list[str] = []
    orgs: list[str] = []
    for item in (value if isinstance(value, list) else [value])[:MAX_VALUES]:
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            name = jsonld.text_value(item.get("name"))
            if name and not _is_address(name):
                if {"organization", "newsmediaorganization"} & set(jsonld.types_of(item)):
                    orgs.append(name)
                else:
                    people.append(name)
    names = clean_names(p for p in people if not _is_address(p))
    if names:
        return names
    return list(dict.fromkeys(o for o in (" ".join(o.split()) for o in orgs) if o))


def printed_authors(headline: etree._Element) -> list[str]:
    """The names of the byline printed nearest the headline, if one is."""
    for block in _blocks_near(headline):
        names = _block_names(block)
        if names:
            return names
    return []


def _is_address(value: str) -> bool:
    value = value.strip().lower()
    return "://" in value or value.startswith(("www.", "/"))


def _semantic(el: etree._Element) -> bool:
    """Whether ``rel`` or schema.org ``itemprop`` says this element is the author."""
    attrib = el.attrib
    if "author" in (attrib.get("rel") or "").lower():
        return True
    prop = (attrib.get("itemprop") or "").lower()
    return "author" in prop or "creator" in prop


def _marked(el: etree._Element) -> bool:
    """Whether the markup calls this element a byline or an author."""
    if _semantic(el):
        return True
    attrib = el.attrib
    names = f"{attrib.get('class') or ''} {attrib.get('id') or ''}"
    return bool(_MARK.search(names)) and not _NOT_MARK.search(names)


def _opens_byline(el: etree._Element) -> bool:
    """An unmarked short element whose text opens with "By"/"Par"/"作者：" and a name."""
    text = (el.text or "").strip()
    if not text or not (starts_byline(text) or is_label(text)):
        return False
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return not _NOT_MARK.search(names) and _STRING_LENGTH(el) <= PREFIX_CHARS


def _blocks_near(headline: etree._Element) -> Iterator[etree._Element]:
    yield from _after(headline)
    yield from _above(headline)


def _after(headline: etree._Element, again: bool = True) -> Iterator[etree._Element]:
    """Byline candidates in the text that follows the headline, nearest first.

    The headline printed again as an ``<h1>`` (a sticky page header held the first) is where
    the story starts: the walk goes on from there."""
    chars = 0
    seen = 0
    node: etree._Element | None = headline
    while node is not None:
        for sibling in node.itersiblings():
            stack = [iter((sibling,))]  # children are read as the walk gets to them
            while stack:
                el = next(stack[-1], None)
                if el is None:
                    stack.pop()
                    continue
                seen += 1
                tail = len((el.tail or "").strip())
                tag = el.tag.lower() if isinstance(el.tag, str) else ""
                if tag in _SKIP or tag in _FURNITURE or not tag:
                    chars += tail
                elif tag == "h1" or _card_title(el, tag):
                    if again and tag == "h1" and _same_text(el, headline):
                        yield from _after(el, again=False)
                    return  # another story's headline: what follows is its
                elif _marked(el) or _opens_byline(el):
                    yield el
                    chars += int(_STRING_LENGTH(el)) + tail
                else:
                    chars += len((el.text or "").strip()) + tail
                    stack.append(iter(el))
                if chars > AFTER_CHARS or seen > MAX_WALK:
                    return
        node = node.getparent()
        if node is not None and node.tag in ("body", "html"):
            return


def _same_text(one: etree._Element, other: etree._Element) -> bool:
    return " ".join(one.text_content().split()) == " ".join(other.text_content().split())


def _card_title(el: etree._Element, tag: str) -> bool:
    """A heading that is a link (or holds one), or a link holding a heading: a story card
    (a headline's words, not a toolbar's "Comments")."""
    if tag not in _HEADINGS and tag != "a":
        return False
    if _STRING_LENGTH(el) < CARD_TITLE_CHARS:
        return False
    if tag in _HEADINGS:
        if _LINK_IN(el):
            return True
        parent = el.getparent()
        return parent is not None and (parent.tag == "a" or (
            parent.getparent() is not None and parent.getparent().tag == "a"))
    return tag == "a" and el.get("href") is not None and bool(_HEADING_IN(el))


def _above(headline: etree._Element) -> Iterator[etree._Element]:
    """Byline candidates printed before the headline in its own small header block."""
    header = None
    el = headline
    for _ in range(3):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html") or \
                _STRING_LENGTH(parent) > HEADER_CHARS:
            break
        header = el = parent
    if header is None:
        return
    ancestors = set(headline.iterancestors())
    found: list[etree._Element] = []
    for seen, el in enumerate(header.iter()):
        if el is headline or seen > MAX_WALK:
            break
        if el in ancestors or not isinstance(el.tag, str):
            continue
        if found and _inside(el, found[-1]):
            continue
        if el.tag.lower() not in _SKIP and (_marked(el) or _opens_byline(el)):
            found.append(el)
    yield from reversed(found)


def _inside(el: etree._Element, container: etree._Element) -> bool:
    return any(a is container for a in el.iterancestors())


def _block_names(block: etree._Element) -> list[str]:
    """The names a byline block prints: those of the elements in it that ``rel``/``itemprop``
    call the author, else those a class calls so (a bio, a date, the publisher's name and
    share links beside them left out), else its own text's."""
    for leaves in _marked_within(block):
        if leaves:
            names = printed_names((s for leaf in leaves for s in _segments(leaf)), MARKED)
            if names:
                return names
    if _STRING_LENGTH(block) > MAX_BLOCK_CHARS:
        return []
    return printed_names(_segments(block), MARKED if _marked(block) else PRINTED)


def _marked_within(block: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """The outermost short elements inside the block that ``rel``/``itemprop`` call the
    author, and those a class or id calls so."""
    semantic: list[etree._Element] = []
    named: list[etree._Element] = []
    stack = [(iter(block), False)]
    seen = 0
    while stack and seen < MAX_WALK:
        el = next(stack[-1][0], None)
        if el is None:
            stack.pop()
            continue
        in_named = stack[-1][1]
        seen += 1
        if not isinstance(el.tag, str) or el.tag.lower() in _SKIP:
            continue
        if _semantic(el) and _STRING_LENGTH(el) <= MAX_LEAF_CHARS:
            semantic.append(el)
            continue
        if not in_named and _marked(el) and _STRING_LENGTH(el) <= MAX_LEAF_CHARS:
            named.append(el)
            in_named = True
        stack.append((iter(el), in_named))
    return semantic, named


def _not_names(el: etree._Element, tag: str) -> bool:
    """A share link, or the publisher's logo and name printed beside the author's."""
    if tag == "a" and _NOT_A_NAME_LINK.search(el.get("href") or ""):
        return True
    return "publisher" in (el.get("itemprop") or "").lower() or bool(
        _LOGO.search(el.get("class") or ""))


def _segments(el: etree._Element) -> list[str]:
    """The element's text in the pieces its markup separates ("Ana Ruiz" | "March 9" | "13");
    inline formatting does not separate, and pictures, dates and share links are left out."""
    out: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        buffer.clear()
        if text:
            out.append(text)

    def walk(node: etree._Element, depth: int) -> None:
        inline = node.tag in _INLINE
        if not inline:
            flush()
        buffer.append(node.text or "")
        for child in node:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if tag and tag not in _SKIP and depth < MAX_DEPTH and not _not_names(child, tag):
                walk(child, depth + 1)
            else:
                flush()
            buffer.append(child.tail or "")
        if not inline:
            flush()

    walk(el, 0)
    flush()
    return out
