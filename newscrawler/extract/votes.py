"""Paragraph votes for the story's container (readability's idea, wrapper stacks seen through).

Every paragraph-like block (and prose list item) votes for the element holding it and,
less, for that element's ancestors: the story is the element whose descendants hold the
most comma-rich, link-poor prose. React/CMS pages put each ``<p>`` in its own stack of
``<div>`` that holds nothing else; such a stack is no box of the page, so a vote passes it
undivided (:func:`paragraph_votes`) and rules that ask which element holds a paragraph ask
past it (:func:`holder_of`).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

from newscrawler.extract._body_rules import BLOCK_SCORE_TAGS
from newscrawler.extract.blocks import BlockPage
from newscrawler.utils.bounds import WINDOW_BLOCKS

__all__ = ["MAX_WRAPPERS", "commas", "holder_of", "is_prose", "paragraph_votes"]

# commas and semicolons of Latin, CJK (full-width, the enumeration comma) and Arabic script
_COMMAS = ",，、;；،؛"
# A block shorter than this (characters) never votes for the content region.
MIN_VOTE_CHARS = 25
# Blocks whose share of linked text is above this are navigation, not prose.
MAX_VOTE_LINK_DENSITY = 0.5
# Ancestors a paragraph's vote reaches, with readability's dividers.
VOTE_DIVIDERS = (1.0, 2.0, 6.0, 9.0, 12.0)
# A prose list item votes too (a story told in bullet points), for less than a paragraph.
LIST_ITEM_VOTE = 0.5
# A vote from prose inside elements flagged by a class word only counts this much.
SOFT_FLAG_VOTE = 0.3
# A paragraph an element holds is at least this long (characters).
HELD_MIN_CHARS = 80
# Text-only wrappers around one paragraph that a vote passes without losing weight.
MAX_WRAPPERS = 3
HABIT_MIN_STACKS = 2
"""Wrapped paragraphs it takes to call wrapping the page's habit (one lone paragraph in its
div is no habit: its vote must not pass the div to the header beside it)."""


def commas(text: str) -> int:
    """Commas and semicolons (``str.count``: a regex list of them is slow on a 15 MB block)."""
    return sum(text.count(c) for c in _COMMAS)


def is_prose(text: str, link: int) -> bool:
    return len(text) >= MIN_VOTE_CHARS and link <= MAX_VOTE_LINK_DENSITY * len(text)


def holder_of(page: BlockPage, node: int, total: list[int]) -> int:
    """The element holding ``node`` once ``<div>`` wrappers that hold nothing but it are
    passed (a list holding one item is a list: a linked heading in it is a teaser)."""
    parent = page.parent
    anc = parent[node]
    for _ in range(MAX_WRAPPERS):
        if anc <= 0 or total[anc] != total[node] or page.tag[anc] != "div":
            break
        node, anc = anc, parent[anc]
    return anc


def paragraph_votes(
    page: BlockPage,
    flagged: list[bool],
    total: list[int],
    own_blocks: list[int],
    soft_flag: Callable[[BlockPage, int], bool],
) -> tuple[list[float], dict[int, list[tuple[int, float]]]]:
    """Each element's votes from the first WINDOW_BLOCKS prose paragraphs (the 150,000 of a
    huge page would elect the same region, at a cost per paragraph), and the paragraphs
    (node, vote) each element holds: those that gave it their whole vote, and are more
    than a line (a byline or a date is no paragraph of the story)."""
    parent, tags = page.parent, page.tag
    score = [0.0] * len(parent)
    held: dict[int, list[tuple[int, float]]] = {}
    voters = WINDOW_BLOCKS
    votes: list[tuple[float, int, int, int, bool, int, bool]] = []
    wrapped: dict[int, set[int]] = {}  # container -> the wrapper stacks that voted in it
    stacks: dict[int, int] = {}  # wrapper stack (its top) -> its depth
    bare: set[int] = set()  # voters in no wrapper stack
    for text, node, link, flags in page.blocks:
        item = tags[node] == "li"
        if (tags[node] not in BLOCK_SCORE_TAGS and not item) or not is_prose(text, link):
            continue
        vote_weight = LIST_ITEM_VOTE if item else 1.0
        if any(flagged[f] for f in flags):
            # a class word is weak evidence against real prose: it lowers the vote, while
            # a boilerplate tag (nav, aside, footer...) or hidden element takes it away
            if not all(soft_flag(page, f) for f in flags if flagged[f]):
                continue
            vote_weight *= SOFT_FLAG_VOTE
        voters -= 1
        if voters < 0:
            break
        vote = (1.0 + commas(text) + min(len(text) / 100.0, 3.0)) * vote_weight
        # A paragraph votes for the element holding it; so does a text-only <div>
        # (readability turns those into <p>), while loose text votes for its own div.
        leaf = tags[node] == "p" or (own_blocks[node] == 1 and page.end[node] == node + 1)
        anc = parent[node] if leaf and node else node
        if item and anc > 0:  # a list item votes for the list's container, as a <p> would
            anc = parent[anc]
        start, depth = anc, 0  # wrappers holding nothing but this paragraph: see below
        if anc != node and vote_weight >= LIST_ITEM_VOTE:  # not prose a class word doubts
            while anc > 0 and depth < MAX_WRAPPERS and total[anc] == total[node]:
                depth += 1
                top, anc = anc, parent[anc]
            if depth:
                wrapped.setdefault(anc, set()).add(top)
                stacks[top] = depth
        if not depth:
            bare.add(node)
        whole = total[anc] != total[node]
        votes.append((vote, start, depth, anc, whole, node, len(text) >= HELD_MIN_CHARS))
    # a page that wraps most paragraphs in a stack wraps each one, a titled section's lone
    # paragraph too, in stacks of one depth: those wrappers are no box
    habit = (statistics.mode(stacks.values())
             if len(stacks) >= HABIT_MIN_STACKS and len(stacks) >= len(bare) else 0)
    for vote, anc, depth, container, whole, node, long in votes:
        # a container of paragraphs each in its own wrapper stack is their parent: votes
        # pass the wrappers undivided, as they would pass no wrapper; a lone one passes
        # only the page's usual stack, whole (not a deeper one cut at MAX_WRAPPERS: an
        # "about us" box), and not in a list item (a comment's body in a thread)
        if depth and len(wrapped[container]) == 1:
            depth = min(depth, habit) if whole and not _in_item(page, container) else 0
        for _ in range(depth):
            score[anc] += vote
            anc = parent[anc]
        if anc >= 0 and long:
            held.setdefault(anc, []).append((node, vote))
        for divider in VOTE_DIVIDERS:
            if anc < 0:
                break
            score[anc] += vote / divider
            anc = parent[anc]
    return score, held


def _in_item(page: BlockPage, i: int) -> bool:
    """``i`` is (in) a list item, a few levels up: a post of a thread, a teaser card."""
    for _ in range(MAX_WRAPPERS):
        if i < 0:
            return False
        if page.tag[i] == "li":
            return True
        i = page.parent[i]
    return False
