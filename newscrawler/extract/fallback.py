"""The last passes before a story page is called empty: app-shell data, then a looser DOM read.

A page that discovery (a sitemap, a feed) calls a story and whose extraction came
back empty is dropped as ``thin`` by the soft-404 stage. Before that, the story is
looked for where the extractor does not look: in the page's app-shell data
(:mod:`newscrawler.extract.appshell`), then in the DOM read without the
extractor's weaker judgements (layout class words such as "sidebar" or "author",
and the vote): prose paragraphs outside navigation, headers, footers and asides,
taken from the one container that holds most of them.
"""

from __future__ import annotations

import bisect
import itertools

from lxml import etree

from newscrawler.extract._body_rules import INLINE_TAGS, SKIP_TAGS, STRONG_NEGATIVE_RE
from newscrawler.extract.appshell import with_app_text
from newscrawler.extract.blocks import Profile, block_root, walk_blocks
from newscrawler.utils.bounds import WINDOW_BLOCKS
from newscrawler.utils.text import word_count

__all__ = ["loose_blocks", "story_fallbacks"]

EMPTY_WORDS = 15
"""Prose words under which an extraction counts as empty (the soft-404 ``thin`` line)."""
MIN_LOOSE_WORDS = 30
"""Prose words the looser read must find to be taken."""
MIN_PARAGRAPH_WORDS = 8
MAX_LINK_SHARE = 0.3
WRAPPER_SHARE = 0.5
CONTENT_TAGS = frozenset({"article", "main"})
CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu"})

def _at_least(blocks: list[str], words: int) -> bool:
    """Whether ``blocks`` hold ``words`` words, counted only as far as needed."""
    total = 0
    for block in blocks:
        total += word_count(block[:20 * words])
        if total >= words:
            return True
    return False


def _mark(el: etree._Element, tag: str, attrs: str | None) -> tuple[float, bool]:
    """Chrome by its tag, or by a strong class word (comments, cookie notices, share bars);
    an ``<article>`` or ``<main>`` says what it is, whatever its class lists."""
    if tag in CHROME_TAGS:
        return 1.0, True
    if tag in CONTENT_TAGS or not attrs:
        return 1.0, False
    return 1.0, STRONG_NEGATIVE_RE.search(attrs.lower()) is not None


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or el.get("aria-hidden") == "true"


_PROFILE = Profile(skip=SKIP_TAGS, inline=INLINE_TAGS, hidden=_hidden, double_br=True)


def loose_blocks(root: etree._Element) -> list[str]:
    """Prose paragraphs of the container holding most of them, chrome left out.

    A marked element holding half the page's prose or more is a wrapper (a post whose
    class lists its tags, "tag-jobs"), not chrome: its paragraphs stay.
    """
    page = walk_blocks(block_root(root), _PROFILE, mark=_mark, max_blocks=WINDOW_BLOCKS)
    candidates = [b for b in page.blocks if word_count(b.text) >= MIN_PARAGRAPH_WORDS
                  and b.link <= MAX_LINK_SHARE * len(b.text)]
    # blocks come in document order, so the blocks under one element are a contiguous run
    nodes = [b.node for b in candidates]
    sums = list(itertools.accumulate((len(b.text) for b in candidates), initial=0))
    total = sums[-1] or 1

    def chrome(node: int) -> bool:
        inside = sums[bisect.bisect_left(nodes, page.end[node])] - sums[
            bisect.bisect_left(nodes, node)]
        return inside < WRAPPER_SHARE * total

    prose = [b for b in candidates if not any(chrome(node) for node in b.chrome)]
    if sum(word_count(b.text) for b in prose) < MIN_LOOSE_WORDS:
        return []
    # each paragraph votes for its container and, at half weight, the one above
    votes: dict[int, float] = {}
    for block in prose:
        container = page.parent[block.node]
        weight = float(len(block.text))
        for node in (container, page.parent[container] if container >= 0 else -1):
            if node >= 0:
                votes[node] = votes.get(node, 0.0) + weight
                weight /= 2
    if not votes:
        return [b.text for b in prose]
    best = max(votes, key=votes.__getitem__)
    inside = [b for b in prose if best <= b.node < page.end[best]]
    return [b.text for b in inside] if sum(word_count(b.text) for b in inside) >= MIN_LOOSE_WORDS \
        else []


def story_fallbacks(root: etree._Element, blocks: list[str], *, story: bool) -> list[str]:
    """``blocks``, or the story found by the fallbacks when they hold (much) more."""
    blocks = with_app_text(root, blocks)
    if not story or _at_least(blocks, EMPTY_WORDS):
        return blocks
    return loose_blocks(root) or blocks
