"""Counting the words of prose for the soft-404 rules (any script), cached per block."""

from __future__ import annotations

from newscrawler.utils.bounds import short_cache
from newscrawler.utils.text import word_count


@short_cache(maxsize=8192)
def story_words(text: str) -> int:
    """Words of prose (:func:`~newscrawler.utils.text.word_count`); blocks recur across a
    page's stages, so the count is kept."""
    return word_count(text)
