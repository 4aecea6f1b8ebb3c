"""The page cut into text blocks: one walker for the extractor, soft-404 stage and wire parsers.

A *block* is a maximal run of inline text between block-level tags. What counts
as a block tag, what is never text and how ``<br>`` breaks a block differ by
reader (:class:`Profile`); the walk, the whitespace folding and the bounds are
the same for all. Block elements are kept in a flat table (parent, end of
subtree, tag, class/id) so a reader can score subtrees without the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import NamedTuple

from lxml import etree

from newscrawler.utils.bounds import WINDOW_BLOCKS, cut
from newscrawler.utils.linklists import link_list_window
from newscrawler.utils.text import normalize_space

__all__ = ["Block", "BlockPage", "Profile", "block_root", "walk_blocks"]

# Python recursion stays well below its limit (1000) on absurdly nested pages.
MAX_WALK_DEPTH = 400


class Profile(NamedTuple):
    """How one reader cuts a page: which tags break a block, which hold no text."""

    skip: frozenset[str]
    """Never text (scripts, embeds, form controls): skipped with their subtree, tail kept."""
    inline: frozenset[str] | None = None
    """Tags that continue the block; every other element starts one (the extractor's view)."""
    blocks: frozenset[str] | None = None
    """Or: tags that start a block; every other element continues one."""
    hidden: Callable[[etree._Element], bool] | None = None
    """Elements a browser would not show, skipped like ``skip`` tags."""
    double_br: bool = False
    """``<br><br>`` breaks a block and one ``<br>`` is a space (else every ``<br>`` breaks)."""
    lines: bool = False
    """A line break in the source text breaks the block too (release text is line-based)."""
    media: frozenset[str] = frozenset()
    """Skipped tags (images) whose place is noted in :attr:`BlockPage.after_media`."""


class Block(NamedTuple):
    """One text block, spaces folded, never empty."""

    text: str
    node: int
    """Index of its innermost block element in the :class:`BlockPage` tables."""
    link: int
    """Characters of it inside links."""
    chrome: tuple[int, ...]
    """Its block elements (itself and ancestors) that the reader's ``mark`` flagged."""


# a Block without the Python-level __new__ of a NamedTuple (one per block of a big page)
_block = tuple.__new__

# weight, flagged: what a reader's mark says of one block element from its tag and class/id
# (the class/id string is None for an element with no attribute: then only the tag counts)
Mark = Callable[[etree._Element, str, str | None], tuple[float, bool]]


class BlockPage:
    """Block elements (preorder, parallel lists) and the text blocks, in document order."""

    __slots__ = ("after_media", "attrs", "blocks", "bounded", "end", "flagged", "parent", "tag",
                 "weight")

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.end: list[int] = []
        """End of each element's subtree (exclusive), as an index into these tables."""
        self.tag: list[str] = []
        self.attrs: list[str] = []
        """``"<class> <id>"`` for a reader with a ``mark`` (``""``: no attribute or no mark)."""
        self.weight: list[float] = []
        self.flagged: list[bool] = []
        self.blocks: list[Block] = []
        self.bounded = False
        """The walk stopped at a bound before the page's end."""
        self.after_media: dict[int, int] = {}
        """Block index -> element holding the ``media`` element that the block is the first
        text after (a caption's place)."""

    @property
    def texts(self) -> list[str]:
        return [b.text for b in self.blocks]


class _Stop(Exception):
    """Ends the walk early (a bound reached, or a ``stop_at`` block seen)."""

    def __init__(self, bounded: bool) -> None:
        self.bounded = bounded


class _Walker:
    """One depth-first pass that cuts the page into text blocks."""

    __slots__ = ("bare_marks", "blocks", "buf", "elements", "hidden", "inline", "link", "mark", "max_blocks",
                 "max_chars", "page", "pending_br", "plain", "profile", "size", "skip", "stop_at",
                 "text")

    def __init__(self, profile: Profile, mark: Mark | None, stop_at: Container[str],
                 max_blocks: int | None, max_chars: int | None) -> None:
        self.page = BlockPage()
        self.profile = profile
        self.mark = mark
        self.stop_at = stop_at
        self.max_blocks = max_blocks
        self.elements = -1 if max_blocks is None else max_blocks * ELEMENTS_PER_BLOCK
        self.max_chars = max_chars
        self.bare_marks: dict[str, tuple[float, bool]] = {}
        self.plain = not profile.lines and max_chars is None and not stop_at
        self.skip, self.inline, self.blocks, self.hidden = (
            profile.skip, profile.inline, profile.blocks, profile.hidden)
        # the text of every element and tail goes through this: no bound to check when none
        self.text = self.add_text if max_chars is None else self.add_capped_text
        self.buf: list[str] = []
        self.size = 0
        self.link = 0
        self.pending_br = False

    def add_node(self, el: etree._Element, tag: str, parent: int) -> tuple[int, bool]:
        page = self.page
        idx = len(page.parent)
        page.parent.append(parent)
        page.end.append(idx + 1)
        page.tag.append(tag)
        if self.mark is None:  # a reader that scores nothing needs no class or id
            page.attrs.append("")
            page.weight.append(1.0)
            page.flagged.append(False)
            return idx, False
        if el.keys():
            attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
            weight, flagged = self.mark(el, tag, attrs)
        else:  # most elements have no attribute: their mark is their tag's, asked once
            attrs = ""
            marked = self.bare_marks.get(tag)
            if marked is None:
                marked = self.bare_marks[tag] = self.mark(el, tag, None)
            weight, flagged = marked
        page.attrs.append(attrs)
        page.weight.append(weight)
        page.flagged.append(flagged)
        return idx, flagged

    def flush(self, node: int, flags: tuple[int, ...]) -> None:
        if self.buf:
            text = "".join(self.buf)
            self.buf = []
            self.size = 0
            if self.plain:  # the story extractor's case: one block, no bound to check
                if text := normalize_space(text):
                    self.page.blocks.append(_block(Block, (text, node, min(self.link, len(text)),
                                                           flags)))
            else:
                self.flush_bounded(text, node, flags)
        self.link = 0
        self.pending_br = False

    def flush_bounded(self, text: str, node: int, flags: tuple[int, ...]) -> None:
        if self.max_chars is not None:
            text = cut(text, self.max_chars)
        blocks = self.page.blocks
        for part in text.split("\n") if self.profile.lines else (text,):
            if part := normalize_space(part):
                blocks.append(_block(Block, (part, node, min(self.link, len(part)), flags)))
                if self.stop_at and part[:40] in self.stop_at:
                    raise _Stop(False)

    def add_text(self, text: str | None, in_link: bool) -> None:
        if text:
            self.buf.append(text)
            if in_link:
                self.link += len(text.strip())
            if self.pending_br and not text.isspace():
                self.pending_br = False

    def add_capped_text(self, text: str | None, in_link: bool) -> None:
        if text and self.size < self.max_chars:  # type: ignore[operator]
            self.size += len(text)
            self.add_text(text, in_link)

    def count(self) -> None:
        """One more element read: past the bound, the walk ends."""
        if self.max_blocks is not None:
            self.elements -= 1
            if self.elements < 0 or len(self.page.blocks) >= self.max_blocks:
                raise _Stop(True)

    def walk(self, el: etree._Element, node: int, flags: tuple[int, ...], in_link: bool,
             depth: int = 0) -> None:
        skip, inline, blocks, hidden = self.skip, self.inline, self.blocks, self.hidden
        media = self.profile.media
        if depth > MAX_WALK_DEPTH:  # pathological nesting: keep the text, stop recursing
            for child in el:
                if type(child.tag) is str and child.tag not in skip:
                    self.text(" ".join(child.itertext()), in_link)
                self.text(child.tail, in_link)
            return
        counting = self.max_blocks is not None
        text, walk, flush = self.text, self.walk, self.flush
        # (None texts and tails are not handed to ``text``, an empty buffer is not flushed and
        # a child without children is not walked: each would be a call that does nothing)
        # a huge list of links is read at its ends (a tree given unpruned: see page_root)
        for child in el if len(el) <= WINDOW_BLOCKS else link_list_window(el):
            if counting:  # self.count(), inline: this runs once per element
                self.elements -= 1
                if self.elements < 0 or len(self.page.blocks) >= self.max_blocks:  # type: ignore[operator]
                    raise _Stop(True)
            tag = child.tag
            if type(tag) is not str:  # comments and processing instructions
                if (tail := child.tail) is not None:
                    text(tail, in_link)
                continue
            if tag in skip or (hidden is not None and child.keys() and hidden(child)):
                if tag in media and not "".join(self.buf).strip():
                    self.page.after_media[len(self.page.blocks)] = node
                if (tail := child.tail) is not None:
                    text(tail, in_link)
                continue
            if tag == "br":
                if not self.profile.double_br:
                    if self.buf:
                        flush(node, flags)
                elif self.pending_br or _indented(child.tail):
                    # <br><br>, or a <br> before a full-width indent ("　　" opens a Chinese
                    # or Japanese paragraph): a paragraph break
                    flush(node, flags)
                else:
                    self.buf.append(" ")
                    self.pending_br = True
                if (tail := child.tail) is not None:
                    text(tail, in_link)
                continue
            if tag in inline if inline is not None else tag not in blocks:  # type: ignore[operator]
                child_link = in_link or tag == "a"
                if (inner := child.text) is not None:
                    text(inner, child_link)
                if len(child):
                    walk(child, node, flags, child_link, depth + 1)
                if (tail := child.tail) is not None:
                    text(tail, in_link)
                continue
            if self.buf:
                flush(node, flags)
            idx, flagged = self.add_node(child, tag, node)
            child_flags = (*flags, idx) if flagged else flags
            if (inner := child.text) is not None:
                text(inner, in_link)
            if len(child):
                walk(child, idx, child_flags, in_link, depth + 1)
            if self.buf:
                flush(idx, child_flags)
            self.page.end[idx] = len(self.page.parent)
            if (tail := child.tail) is not None:
                text(tail, in_link)


def _indented(tail: str | None) -> bool:
    """Text that opens with an ideographic (full-width) space: a CJK paragraph's indent."""
    return tail is not None and tail.lstrip(" \t\r\n").startswith("\u3000")


# The walk reads at most this many elements per block it may return (a page of 800,000
# empty elements is read no further than one of 2,000 blocks would be).
ELEMENTS_PER_BLOCK = 20


def block_root(root: etree._Element) -> etree._Element:
    """The page's ``<body>``, or the root when it has none (a fragment)."""
    body = root.find("body")
    return root if body is None else body


def walk_blocks(
    start: etree._Element,
    profile: Profile,
    *,
    mark: Mark | None = None,
    stop_at: Container[str] = (),
    max_blocks: int | None = None,
    max_chars: int | None = None,
) -> BlockPage:
    """Cut ``start`` (its text and descendants, not its tail) into blocks.

    With ``stop_at`` (first 40 characters of blocks) the walk ends after the first
    such block. ``max_blocks`` bounds the blocks and the elements read (see
    :data:`ELEMENTS_PER_BLOCK`), ``max_chars`` the characters of one block.
    """
    walker = _Walker(profile, mark, stop_at, max_blocks, max_chars)
    tag = start.tag if isinstance(start.tag, str) else "body"
    idx, flagged = walker.add_node(start, tag, -1)
    flags = (idx,) if flagged else ()
    try:
        if max_blocks is not None:
            walker.count()
        walker.text(start.text, False)
        walker.walk(start, idx, flags, False)
        walker.flush(idx, flags)
    except _Stop as stop:
        walker.page.bounded = stop.bounded
    walker.page.end[idx] = len(walker.page.parent)
    return walker.page
