"""How much of one page's text the analysis reads, so a hostile big page costs bounded work.

A page may be up to ``DOWNLOAD_MAXSIZE`` (16 MiB): one 15 MB paragraph, 150,000 short
ones, or a 15 MB line with no tags. The exported body is never cut: linear passes
(cleaning, exact hashes, the export) read all of it. What is bounded is the analysis
whose cost grows faster than the text or per word in Python: pairwise near-duplicate
comparisons within a page, phrase scans over blocks, MinHash shingling, word sets.
Those read a *window* of the page (the first blocks, each cut short), which decides
every real news story (a long one is 5,000 words, 30,000 characters) the same way as
the whole text. A stage that reads only a window flags the item :data:`FLAG` and
counts ``bounded/<stage>``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

FLAG = "analysis_bounded"
"""Item flag: some stage judged the item on a window of its text (the body is complete)."""

WINDOW_BLOCKS = 2_000
"""Blocks (paragraphs) of a page the per-block analysis reads: 20 times a long story's."""
WINDOW_BLOCK_CHARS = 20_000
"""Characters of one block the per-word analysis reads: a long story fits in one such block."""
WINDOW_CHARS = 200_000
"""Characters of a page's text the per-word analysis reads in all (about 30,000 words)."""
NEAR_COMPARISONS = 50_000
"""Pairs of paragraphs compared for near-repeats within one page (a 300-paragraph page
compares every pair); past it, only exact repeats are collapsed."""
CACHE_MAX_CHARS = 2_000
"""Longer strings are never kept in a memoising cache: 8,192 cached 15 MB paragraphs
would hold gigabytes for the rest of the crawl."""


def window(
    blocks: Sequence[str],
    *,
    max_blocks: int = WINDOW_BLOCKS,
    max_block_chars: int = WINDOW_BLOCK_CHARS,
    max_chars: int = WINDOW_CHARS,
) -> tuple[list[str], bool]:
    """The first blocks, each cut at ``max_block_chars``, up to ``max_chars`` in all; and
    whether anything was left out.

    >>> window(["a" * 5, "b" * 5, "c" * 5], max_blocks=2)
    (['aaaaa', 'bbbbb'], True)
    >>> window(["one two three"], max_block_chars=7)
    (['one two'], True)
    >>> window(["short", "story"])
    (['short', 'story'], False)
    """
    out: list[str] = []
    left = max_chars
    bounded = len(blocks) > max_blocks
    for block in blocks[:max_blocks]:
        if left <= 0:
            return out, True
        limit = min(max_block_chars, left)
        if len(block) > limit:
            block = cut(block, limit)
            bounded = True
        out.append(block)
        left -= len(block)
    return out, bounded


def in_ends(index: int, count: int, limit: int = WINDOW_BLOCKS) -> bool:
    """Whether block ``index`` of ``count`` is among the first or last ``limit / 2``: where
    a page's boilerplate stands, and all a stage reads of a page of more than ``limit``.

    >>> [in_ends(i, 10, limit=4) for i in range(10)]
    [True, True, False, False, False, False, False, False, True, True]
    """
    return count <= limit or index < limit // 2 or index >= count - limit // 2


def exceeds(blocks: Sequence[str]) -> bool:
    """Whether :func:`window` would leave part of ``blocks`` out.

    >>> exceeds(["a" * (WINDOW_BLOCK_CHARS + 1)]), exceeds(["short"])
    (True, False)
    """
    if len(blocks) > WINDOW_BLOCKS:
        return True
    total = 0
    for block in blocks:
        total += len(block)
        if len(block) > WINDOW_BLOCK_CHARS or total > WINDOW_CHARS:
            return True
    return False


def cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a space when one is near the end.

    >>> cut("one two three", 9)
    'one two'
    >>> cut("abcdefgh", 4)
    'abcd'
    """
    if len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit].isspace():
        return head
    space = head.rfind(" ", max(0, limit - 100))
    return head[:space] if space > 0 else head


def short_cache(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """``functools.lru_cache`` for strings up to :data:`CACHE_MAX_CHARS`; longer ones are
    computed every time (a big page's blocks come once and would only pin memory)."""

    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def wrapper(text: str) -> T:
            return cached(text) if len(text) <= CACHE_MAX_CHARS else function(text)

        wrapped: Any = wrapper
        wrapped.cache_clear, wrapped.cache_info = cached.cache_clear, cached.cache_info
        return wrapper

    return decorate


def bounded(crawler: Any, adapter: Any, stage: str) -> None:
    """Record that ``stage`` judged the item on a window: ``bounded/<stage>`` and :data:`FLAG`."""
    crawler.stats.inc_value(f"bounded/{stage}")
    if "flags" in adapter:
        flags = list(adapter.get("flags") or [])
        if FLAG not in flags:
            adapter["flags"] = [*flags, FLAG]
