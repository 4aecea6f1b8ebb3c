"""Generic article-body extraction from an lxml tree.

The page is read once, depth first, and cut into *text blocks*: maximal runs
of inline text between block-level tags (a ``<p>``, a list item, a heading, the
loose text of a ``<div>``, text split by ``<br><br>``). Every block remembers its
innermost block element, its link text and the boilerplate-looking elements
(``nav``, ``aside``, ``class="share-bar"``...) it sits in. Paragraph-like blocks
then vote for their ancestors (readability's idea: the story is the element
whose descendants hold the most comma-rich, link-poor prose); the best element,
plus siblings that look like more of the same story, is the content region and
its blocks are filtered for boilerplate that lives inside articles.

Everything is read-only: the tree is never changed, so the same parsed page can
be handed to other extractors afterwards.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
from dataclasses import dataclass, field

import lxml.html

from newscrawler.extract._body_rules import (
    BLOCK_SCORE_TAGS,
    BOILERPLATE_TAGS,
    BYLINE_RE,
    DATE_RE,
    HEADING_TAGS,
    HIDDEN_CLASSES,
    HIDDEN_STYLE_RE,
    INLINE_TAGS,
    NUMERIC_DATE_RE,
    POSITIVE_RE,
    SKIP_TAGS,
    STRONG_NEGATIVE_RE,
    STUB_RE,
    WEAK_NEGATIVE_RE,
)
from newscrawler.utils.bounds import WINDOW_BLOCKS, WINDOW_CHARS, short_cache, window
from newscrawler.utils.text import FAST_SPACE_CHARS, fold_spaces, is_folded

__all__ = ["extract_body", "pick_body"]

_WS_RE = re.compile(r"\s+")
_INVISIBLE_RE = re.compile("[\u200b\ufeff\u00ad]")
_COMMAS = ",，、;；"


def _commas(text: str) -> int:
    """Commas and semicolons (``str.count``: a regex list of them is slow on a 15 MB block)."""
    return sum(text.count(c) for c in _COMMAS)

# A block shorter than this (characters) never votes for the content region.
MIN_VOTE_CHARS = 25
# Blocks whose share of linked text is above these are navigation, not prose.
MAX_VOTE_LINK_DENSITY = 0.5
MAX_KEEP_LINK_DENSITY = 0.5
# Blocks shorter than this may be stubs, a repeated headline or a dateline.
SHORT_BLOCK_CHARS = 120
# "Advertisement", "Read more", "Like this story? Share it with a friend!"
MAX_STUB_CHARS = 60
# A timestamp with at most this many words around it is a metadata line, not prose.
MAX_METADATA_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", '"', "”", "»")
# Ancestors a paragraph's vote reaches, with readability's dividers.
_VOTE_DIVIDERS = (1.0, 2.0, 6.0, 9.0, 12.0)
# Python recursion stays well below its limit (1000) on absurdly nested pages.
MAX_WALK_DEPTH = 400
# A boilerplate-looking element holding this share of the page's prose is a wrapper.
WRAPPER_SHARE = 0.5


def normalize_space(text: str) -> str:
    """Collapse whitespace runs (nbsp and other Unicode spaces included) into one space."""
    if is_folded(stripped := text.strip()):  # the same result, without a regex pass
        return stripped
    if len(text) > FAST_SPACE_CHARS:  # a regex match per word costs a second on 15 MB
        if not text.isprintable() and _INVISIBLE_RE.search(text):
            text = _INVISIBLE_RE.sub("", text)
        return fold_spaces(text)
    return _WS_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip()


@short_cache(maxsize=4096)
def _class_signal(attrs: str) -> tuple[bool, float]:
    """(boilerplate, score weight) from an element's class and id, cached per string."""
    low = attrs.lower()
    if HIDDEN_CLASSES.intersection(low.split()):
        return True, 0.5
    strong = STRONG_NEGATIVE_RE.search(low) is not None
    weak = not strong and WEAK_NEGATIVE_RE.search(low) is not None
    positive = POSITIVE_RE.search(low) is not None
    weight = (1.5 if positive else 1.0) * (0.5 if strong or weak else 1.0)
    return strong or (weak and not positive), weight


@dataclass
class _Page:
    """Blocks and block elements of one page, in parallel lists indexed by position."""

    # block elements (preorder): parent index, end of subtree (exclusive), tag, hints
    n_parent: list[int] = field(default_factory=list)
    n_end: list[int] = field(default_factory=list)
    n_tag: list[str] = field(default_factory=list)
    n_weight: list[float] = field(default_factory=list)
    n_flagged: list[bool] = field(default_factory=list)
    # text blocks (document order)
    b_text: list[str] = field(default_factory=list)
    b_node: list[int] = field(default_factory=list)
    b_link: list[int] = field(default_factory=list)
    b_flags: list[tuple[int, ...]] = field(default_factory=list)


class _Walker:
    """One depth-first pass that cuts the page into text blocks."""

    __slots__ = ("buf", "link", "page", "pending_br")

    def __init__(self) -> None:
        self.page = _Page()
        self.buf: list[str] = []
        self.link = 0
        self.pending_br = False

    def add_node(self, el: lxml.html.HtmlElement, tag: str, parent: int) -> tuple[int, bool]:
        page = self.page
        idx = len(page.n_parent)
        if el.keys():
            attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
            negative, weight = _class_signal(attrs) if attrs != " " else (False, 1.0)
            if tag == "article" or (el.get("itemprop") or "").lower() == "articlebody":
                weight *= 1.5
            flagged = negative or tag in BOILERPLATE_TAGS or el.get("role") in _BOILER_ROLES
        else:  # most elements have no attribute: seven lookups saved per element
            weight = 1.5 if tag == "article" else 1.0
            flagged = tag in BOILERPLATE_TAGS
        page.n_parent.append(parent)
        page.n_end.append(idx + 1)
        page.n_tag.append(tag)
        page.n_weight.append(weight)
        page.n_flagged.append(flagged)
        return idx, flagged

    def flush(self, node: int, flags: tuple[int, ...]) -> None:
        if self.buf:
            text = normalize_space("".join(self.buf))
            if text:
                page = self.page
                page.b_text.append(text)
                page.b_node.append(node)
                page.b_link.append(min(self.link, len(text)))
                page.b_flags.append(flags)
            self.buf = []
        self.link = 0
        self.pending_br = False

    def text(self, text: str | None, in_link: bool) -> None:
        if text:
            self.buf.append(text)
            if in_link:
                self.link += len(text.strip())
            if self.pending_br and not text.isspace():
                self.pending_br = False

    def walk(
        self,
        el: lxml.html.HtmlElement,
        node: int,
        flags: tuple[int, ...],
        in_link: bool,
        depth: int = 0,
    ) -> None:
        if depth > MAX_WALK_DEPTH:  # pathological nesting: keep the text, stop recursing
            for child in el:
                if type(child.tag) is str and child.tag not in SKIP_TAGS:
                    self.text(" ".join(child.itertext()), in_link)
                self.text(child.tail, in_link)
            return
        for child in el:
            tag = child.tag
            if type(tag) is not str:  # comments and processing instructions
                self.text(child.tail, in_link)
                continue
            if tag in SKIP_TAGS or (child.keys() and _hidden(child)):
                self.text(child.tail, in_link)
                continue
            if tag == "br":
                if self.pending_br:
                    self.flush(node, flags)  # <br><br>: a paragraph break
                else:
                    self.buf.append(" ")
                    self.pending_br = True
                self.text(child.tail, in_link)
                continue
            if tag in INLINE_TAGS:
                child_link = in_link or tag == "a"
                self.text(child.text, child_link)
                self.walk(child, node, flags, child_link, depth + 1)
                self.text(child.tail, in_link)
                continue
            self.flush(node, flags)
            idx, flagged = self.add_node(child, tag, node)
            child_flags = (*flags, idx) if flagged else flags
            self.text(child.text, in_link)
            self.walk(child, idx, child_flags, in_link, depth + 1)
            self.flush(idx, child_flags)
            self.page.n_end[idx] = len(self.page.n_parent)
            self.text(child.tail, in_link)


_BOILER_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "dialog", "alert"}
)


def _hidden(el: lxml.html.HtmlElement) -> bool:
    """Elements a browser would not show (their text is not part of the story)."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE_RE.search(style))


def _segment(root: lxml.html.HtmlElement) -> _Page:
    walker = _Walker()
    body = root.find("body")
    start = root if body is None else body
    tag = start.tag if isinstance(start.tag, str) else "body"
    idx, flagged = walker.add_node(start, tag, -1)
    flags = (idx,) if flagged else ()
    walker.text(start.text, False)
    walker.walk(start, idx, flags, False)
    walker.flush(idx, flags)
    walker.page.n_end[idx] = len(walker.page.n_parent)
    return walker.page


def _is_prose(text: str, link: int) -> bool:
    return len(text) >= MIN_VOTE_CHARS and link <= MAX_VOTE_LINK_DENSITY * len(text)


def extract_body(root: lxml.html.HtmlElement) -> list[str]:
    """Return the story's text blocks (paragraphs, sub-headings, list items) in document order."""
    page = _segment(root)
    n = len(page.n_parent)
    if not page.b_text:
        return []
    parent = page.n_parent
    tags = page.n_tag

    # Text totals per element subtree: all text, linked text, and link-poor prose.
    total = [0] * n
    linked = [0] * n
    prose = [0] * n
    own_blocks = [0] * n
    for text, node, link in zip(page.b_text, page.b_node, page.b_link, strict=True):
        own_blocks[node] += 1
        total[node] += len(text)
        linked[node] += link
        if _is_prose(text, link):
            prose[node] += len(text)
    for i in range(n - 1, 0, -1):
        p = parent[i]
        total[p] += total[i]
        linked[p] += linked[i]
        prose[p] += prose[i]

    # A "sidebar"/"header" element that holds most of the prose is a page wrapper.
    flagged = list(page.n_flagged)
    all_prose = prose[0]
    if all_prose:
        for i in range(n):
            if flagged[i] and prose[i] >= WRAPPER_SHARE * all_prose:
                flagged[i] = False

    # Paragraph votes: the first WINDOW_BLOCKS prose paragraphs elect the region (the
    # 150,000 of a huge page would elect the same one, at a cost per paragraph)
    score = [0.0] * n
    voters = WINDOW_BLOCKS
    for text, node, link, flags in zip(
        page.b_text, page.b_node, page.b_link, page.b_flags, strict=True
    ):
        if tags[node] not in BLOCK_SCORE_TAGS or not _is_prose(text, link):
            continue
        if any(flagged[f] for f in flags):
            continue
        voters -= 1
        if voters < 0:
            break
        vote = 1.0 + _commas(text) + min(len(text) / 100.0, 3.0)
        # A paragraph votes for the element holding it; so does a text-only <div>
        # (readability turns those into <p>), while loose text votes for its own div.
        leaf = tags[node] == "p" or (own_blocks[node] == 1 and page.n_end[node] == node + 1)
        anc = parent[node] if leaf and node else node
        for divider in _VOTE_DIVIDERS:
            if anc < 0:
                break
            score[anc] += vote / divider
            anc = parent[anc]

    best, best_score = -1, 0.0
    final = [0.0] * n
    for i in range(n):
        if score[i] <= 0.0 or flagged[i]:
            continue
        density = linked[i] / total[i] if total[i] else 0.0
        final[i] = score[i] * page.n_weight[i] * (1.0 - density)
        if final[i] > best_score:
            best, best_score = i, final[i]
    if best < 0:
        return []
    best_score_region = best
    best = _join_split_story(page, best, final, total, prose)

    regions = _regions(page, best, final[best_score_region], final, total, linked, prose, flagged)
    title_el = root.find("head/title")
    title = normalize_space(title_el.text_content()).lower() if title_el is not None else ""
    return _collect(page, regions, flagged, title)


def _depth(parent: list[int], i: int) -> int:
    depth = 0
    while i > 0:
        i = parent[i]
        depth += 1
    return depth


# How far above the best element a second prose cluster may join it, and how strong
# it must be: a story's lead is often cut off from the rest by a photo, video or ad,
# so a weaker cluster before the best one joins; after it, a weak cluster is more
# often an author bio or an "about us" box, so it must be nearly as strong.
MAX_JOIN_LEVELS = 3
JOIN_BEFORE_SHARE = 0.2
JOIN_AFTER_SHARE = 0.5
JOIN_MIN_PROSE_SHARE = 0.6


def _join_split_story(
    page: _Page, best: int, final: list[float], total: list[int], prose: list[int]
) -> int:
    """Climb to the common ancestor when the story is cut in two blocks (ads, embeds)."""
    parent, end = page.n_parent, page.n_end
    best_depth = _depth(parent, best)
    result = best
    for i in sorted(range(len(final)), key=final.__getitem__, reverse=True)[:8]:
        if final[i] < JOIN_BEFORE_SHARE * final[best]:
            break
        if result <= i < end[result] or i <= result < end[i]:
            continue  # nested in (or around) the region already
        if i > best and final[i] < JOIN_AFTER_SHARE * final[best]:
            continue
        anc = parent[result]
        while anc >= 0 and not (anc <= i < end[anc]):
            anc = parent[anc]
        if anc < 0 or best_depth - _depth(parent, anc) > MAX_JOIN_LEVELS:
            continue
        if prose[anc] >= JOIN_MIN_PROSE_SHARE * total[anc]:
            result = anc
    return result


def _regions(
    page: _Page,
    best: int,
    best_final: float,
    final: list[float],
    total: list[int],
    linked: list[int],
    prose: list[int],
    flagged: list[bool],
) -> list[int]:
    """The best element plus siblings that continue the story (readability's sibling rule)."""
    par = page.n_parent[best]
    if par < 0:
        return [best]
    threshold = max(10.0, best_final * 0.2)
    siblings = [i for i in range(par + 1, page.n_end[par]) if page.n_parent[i] == par]
    keep = []
    for i in siblings:
        if i == best:
            keep.append(i)
            continue
        if flagged[i] or not total[i]:
            continue
        density = linked[i] / total[i]
        # A loose paragraph next to the story (a lead or summary outside the body div).
        leaf_paragraph = page.n_end[i] == i + 1 and page.n_tag[i] in BLOCK_SCORE_TAGS
        if final[i] >= threshold or (leaf_paragraph and density < 0.25 and prose[i] >= 80):
            keep.append(i)
    return keep


def _is_metadata(text: str, started: bool) -> bool:
    """Byline/dateline lines: above the story, or a few words around a timestamp anywhere.

    Only numeric stamps count below the first paragraph: a worded date there is
    usually part of the story (the signature line of an embedded post).
    """
    if not started and (BYLINE_RE.match(text) or DATE_RE.search(text)):
        return True
    return (
        len(text.split()) <= MAX_METADATA_WORDS
        and not text.endswith(_SENTENCE_ENDS)
        and NUMERIC_DATE_RE.search(text) is not None
    )


def _collect(page: _Page, regions: list[int], flagged: list[bool], title: str) -> list[str]:
    """Blocks inside the content regions, minus boilerplate nested in them."""
    out: list[str] = []
    kinds: list[bool] = []  # True for sub-headings
    tags = page.n_tag
    ends = page.n_end
    started = False  # seen a real paragraph yet (metadata lines come before it)
    # regions are siblings in document order, so their blocks come in that order: one pass
    # with a bisect, not a pass over every block per region (10,000 regions of 10,000 blocks)
    starts = sorted(regions)
    for k in range(len(page.b_text)):
        node = page.b_node[k]
        at = bisect.bisect_right(starts, node) - 1
        if at < 0 or node >= ends[starts[at]]:
            continue
        region = starts[at]
        if any(flagged[f] and f > region for f in page.b_flags[k]):
            continue
        text = page.b_text[k]
        tag = tags[node]
        if tag == "h1" or page.b_link[k] > MAX_KEEP_LINK_DENSITY * len(text):
            continue
        short = len(text) < SHORT_BLOCK_CHARS
        if short and len(text) < MAX_STUB_CHARS and STUB_RE.match(text):
            continue
        if short and len(text) >= 10 and text.lower() in title:
            continue  # the headline repeated inside the region
        if short and _is_metadata(text, started):
            continue
        started = started or len(text) >= 80
        out.append(text)
        kinds.append(tag in HEADING_TAGS)
    # A sub-heading with no prose after it introduces boilerplate ("Related", "More news").
    keep = [not kinds[i] or (i + 1 < len(out) and not kinds[i + 1]) for i in range(len(out))]
    return [t for t, k in zip(out, keep, strict=True) if k]


_TAG_RE = re.compile(r"<[^>]{0,2000}>")
_BLANK_LINES_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")


def _structured_blocks(structured: str) -> list[str]:
    """Split JSON-LD articleBody text into blocks, stripping any HTML it carries."""
    text = structured
    if "<" in text and _TAG_RE.search(text):
        text = re.sub(r"(?i)<br\s*/?>|</p\s*>|</h[1-6]\s*>|</li\s*>|</div\s*>", "\n", text)
        text = _TAG_RE.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    parts = _BLANK_LINES_RE.split(text)
    if len(parts) == 1:
        parts = text.splitlines()
    return [b for b in (normalize_space(p) for p in parts) if b]


_WORD_RE = re.compile(r"\w+")

# DOM text holding this share of the structured text's word pairs "covers" it.
COVER_SHARE = 0.8
# Below this share the DOM region is a different text (wrong block) if long enough.
FOREIGN_SHARE = 0.3
# DOM extraction shorter than this share of the structured text missed part of the story.
SHORT_SHARE = 0.6
MIN_STRUCTURED_WORDS = 30


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(words)) if len(words) > 1 else {(*words, "")}


def pick_body(structured: str | None, extracted: list[str]) -> tuple[list[str], str]:
    """Choose between JSON-LD articleBody and the DOM extraction; returns (blocks, "jsonld"|"dom").

    The DOM blocks win whenever they contain the structured text: they keep the
    paragraph breaks and are complete where articleBody is a teaser or cut at a
    paywall. articleBody wins when the DOM extraction is empty, clearly shorter
    (it lost part of the story) or a different text altogether (wrong block).
    """
    blocks = _structured_blocks(structured) if structured else []
    if not blocks:
        return extracted, "dom"
    if not extracted:
        return blocks, "jsonld"
    # the word pairs of a window of each text: sets of every pair of two 15 MB texts
    # would take a gigabyte; past the window, lengths in characters stand for word counts
    s_window, s_cut = window(blocks)
    d_window, d_cut = window(extracted, max_chars=2 * WINDOW_CHARS)
    s_words = _WORD_RE.findall(" ".join(s_window))
    d_words = _WORD_RE.findall(" ".join(d_window))
    if not d_words:
        return blocks, "jsonld"
    if not s_words:
        return extracted, "dom"
    s_pairs = _pairs(s_words)
    covered = len(s_pairs & _pairs(d_words)) / len(s_pairs)
    if covered >= COVER_SHARE:
        return extracted, "dom"
    if s_cut or d_cut:
        s_size, d_size = sum(map(len, blocks)), sum(map(len, extracted))
    else:
        s_size, d_size = len(s_words), len(d_words)
    if d_size < SHORT_SHARE * s_size:
        return blocks, "jsonld"
    if covered < FOREIGN_SHARE and len(s_words) >= MIN_STRUCTURED_WORDS:
        return blocks, "jsonld"
    return extracted, "dom"
