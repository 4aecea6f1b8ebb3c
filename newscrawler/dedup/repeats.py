"""Level 1: collapse paragraphs and blocks a page prints more than once.

Paragraphs are compared in a normalised form (NFKC, case folded, punctuation
gone, whitespace collapsed) so a copy that differs only in typography counts as
the same. The judgement is by block: a repeat is removed when it is long, part
of a repeated run of paragraphs, next to its first copy, or an ID line; a
single short sentence that recurs alone (a quote repeated in a summary) stays,
so does a paragraph that recurs alone three times or more (the question of a
series of interviews), and so do cells (a few words: table values, chart labels, names) that recur
among other recurring cells, unless the run holds repeated prose too.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from newscrawler.utils.bounds import (
    NEAR_COMPARISONS,
    WINDOW_BLOCK_CHARS,
    WINDOW_BLOCKS,
    short_cache,
)
from newscrawler.utils.text import is_spaced, prose_length, word_count

_NON_WORD = re.compile(r"[^\w]+")
# a sentence ends, and another starts: Latin, Cyrillic, Greek, Arabic (؟) and Devanagari (।)
# before a space; Chinese and Japanese (。！？) without one
_SENTENCE_END = re.compile(r"[.!?؟।][\"'”’)»]*\s+\S|[。！？][」』”’）)]*[^\s」』”’）)]")
_ID_LINE = re.compile(r"^[A-Z0-9][A-Z0-9_\-]{11,}$")

LONG_PARAGRAPH = 160
"""A repeat at least this long (characters) is removed wherever it sits."""
NEAR_EXACT = 0.9
"""Word-set Jaccard at which two paragraphs of similar length count as the same."""
MIN_NEAR_WORDS = 8
RECURRING = 2
"""Repeats (beyond the first copy) of a paragraph that, each standing alone, make it part of
the story's form rather than a second print."""


def normalize(text: str) -> str:
    """The comparison form of a paragraph.

    >>> normalize("  “Hello,”  WORLD!! ")
    'hello world'
    """
    return _normalize(text)


@short_cache(maxsize=4096)
def _normalize(text: str) -> str:
    # the repeats, boilerplate and duplicates stages each normalise the same paragraphs
    # runs of non-word characters (spaces included) become one space: no word list needed
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def exact_key(text: str) -> str:
    """The form exact repeats are compared in: :func:`normalize`, except for a paragraph
    longer than ``WINDOW_BLOCK_CHARS``, compared as it is (normalising 15 MB costs a second,
    and a copy of such a block differing only in typography is no real case)."""
    return normalize(text) if len(text) <= WINDOW_BLOCK_CHARS else "\0" + text


def hash64(text: str) -> int:
    """A stable signed 64-bit hash (fits an SQLite INTEGER)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def paragraph_hash(text: str) -> int:
    """Hash of a paragraph's normalised form.

    >>> paragraph_hash("Hello, world.") == paragraph_hash("hello world")
    True
    """
    return hash64(normalize(text))


def split_paragraphs(body: str) -> list[str]:
    """The ``body`` form back into paragraphs."""
    return [p.strip() for p in body.split("\n\n") if p.strip()]


def _is_single_short_sentence(text: str) -> bool:
    return not _is_long(text) and not _SENTENCE_END.search(text)


def _is_long(text: str) -> bool:
    """At least ``LONG_PARAGRAPH`` characters, counted as a spaced script would need them
    (a Chinese character carries about three Latin ones' worth)."""
    return len(text) >= LONG_PARAGRAPH or prose_length(text) >= LONG_PARAGRAPH


def _word_set(norm: str) -> frozenset[str]:
    """The words near-repeats are compared by; in scripts without spaces, where a paragraph is
    one or two "words", its character pairs."""
    if is_spaced(norm):
        return frozenset(norm.split())
    return frozenset(norm[k:k + 2] for k in range(len(norm) - 1) if " " not in norm[k:k + 2])


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _is_cell(text: str) -> bool:
    """A block too short to be a paragraph: a table cell, a chart label, a name, a stat line
    ("1 tackle.")."""
    return not _is_long(text) and word_count(text) < MIN_NEAR_WORDS


def _runs_with_prose(paragraphs: list[str], origin: list[int | None]) -> list[bool]:
    """For each paragraph: it is in a run of consecutive repeats holding a repeated paragraph
    that is no cell (a page printing its story twice repeats prose, not only cells)."""
    out = [False] * len(paragraphs)
    start = 0
    while start < len(paragraphs):
        if origin[start] is None:
            start += 1
            continue
        end = start
        while end < len(paragraphs) and origin[end] is not None:
            end += 1
        if any(not _is_cell(paragraphs[k]) for k in range(start, end)):
            out[start:end] = [True] * (end - start)
        start = end
    return out


@dataclass(frozen=True)
class Collapsed:
    kept: list[str]
    removed: int
    bounded: bool
    """Near-repeats were looked for in part of the page only (long paragraphs, or past
    :data:`~newscrawler.utils.bounds.NEAR_COMPARISONS`); exact repeats were all collapsed."""


def collapse_repeats(paragraphs: list[str]) -> tuple[list[str], int]:
    """Paragraphs with repeats collapsed to their first occurrence, order kept; and the count.

    >>> p1, p2 = "The council approved the budget on Monday night.", "It takes effect in May."
    >>> collapse_repeats(["ID123456789012", p1, p2, p1, p2, "ID123456789012"])[1]
    3
    >>> collapse_repeats(["Intro.", '"We win," she said.', "Summary.", '"We win," she said.'])
    (['Intro.', '"We win," she said.', 'Summary.', '"We win," she said.'], 0)
    """
    result = collapse(paragraphs)
    return result.kept, result.removed


def collapse(paragraphs: list[str], max_comparisons: int = NEAR_COMPARISONS,
             max_blocks: int = WINDOW_BLOCKS) -> Collapsed:
    """:func:`collapse_repeats` in linear time past ``max_comparisons`` near-repeat checks.

    Exact repeats are found by a dict, whatever the page's size: in their normalised
    form among the first ``max_blocks`` paragraphs, as they are after them (normalising
    150,000 paragraphs costs more than the rest of the page). Near-repeats need a pairwise
    word-set comparison, so they are looked for among the first ``max_blocks`` paragraphs
    of at most ``WINDOW_BLOCK_CHARS`` characters, until the budget is spent.
    """
    norms = [exact_key(p) for p in paragraphs[:max_blocks]]
    first: dict[str, int] = {}
    raw: dict[str, int] = {}  # past max_blocks: repeats of the very same text
    for i, text in enumerate(paragraphs):
        raw.setdefault(text, i)
    bounded = len(paragraphs) > max_blocks
    # earlier first copies that may be near-repeated: (index, length, words)
    candidates: list[tuple[int, int, frozenset[str]]] = []
    origin: list[int | None] = []  # index of the earlier copy, for repeats
    budget = max_comparisons
    for i, norm in enumerate(norms):
        if not norm:
            origin.append(None)
            continue
        j = first.get(norm)
        if j is None and len(norm) > WINDOW_BLOCK_CHARS:
            bounded = True  # a word set of a huge paragraph costs more than it could find
        elif j is None:
            ws = _word_set(norm)
            if len(ws) >= MIN_NEAR_WORDS:
                li = len(norm)
                for k, lk, wk in candidates:
                    if budget <= 0:
                        bounded = True
                        break
                    budget -= 1
                    if abs(lk - li) <= 0.15 * max(lk, li) and _jaccard(wk, ws) >= NEAR_EXACT:
                        j = k
                        break
                if j is None and budget > 0:
                    candidates.append((i, li, ws))
        origin.append(j)
        if j is None:
            first.setdefault(norm, i)
    for i in range(len(norms), len(paragraphs)):
        j = raw[paragraphs[i]]
        origin.append(j if j < i else None)
    # unique[k]: paragraphs before k that are no repeat (a repeat is "adjacent" to its first
    # copy when only repeats stand between them): one pass, not a scan per repeat
    unique = [0]
    for o in origin:
        unique.append(unique[-1] + (o is None))
    prose = _runs_with_prose(paragraphs, origin)
    copies = Counter(o for o in origin if o is not None)
    keep: list[str] = []
    removed = 0
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        j = origin[i]
        if j is None:
            keep.append(text)
            continue
        in_run = (i > 0 and origin[i - 1] is not None) or (i + 1 < n and origin[i + 1] is not None)
        adjacent = unique[i] - unique[j + 1] == 0
        if _is_cell(text) and not prose[i]:
            # a table's or chart's cell ("0.5%", a name, a month: twice in a row when two
            # rows share it) recurring among other recurring cells: the table, not the page
            # printed twice
            if _ID_LINE.match(text.strip()):
                removed += 1
            else:
                keep.append(text)
            continue
        if not in_run and not adjacent and copies[j] >= RECURRING:
            # a paragraph recurring alone between new text again and again: an element of
            # the story's form (the question of a series of interviews), not a second print
            keep.append(text)
            continue
        if (
            in_run
            or adjacent
            or not _is_single_short_sentence(text)
            or _ID_LINE.match(text.strip())
        ):
            removed += 1
        else:
            keep.append(text)
    return Collapsed(keep, removed, bounded)
