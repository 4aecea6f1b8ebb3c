"""Counting the words of prose for the soft-404 rules (any script), cached per block."""

from __future__ import annotations

import re

from newscrawler.utils.bounds import short_cache
from newscrawler.utils.text import is_spaced, word_count

# letters and numbers apart: "a@harrowgate.example" and "2025-04-25" count their parts, as the
# soft-404 thresholds were measured
_WORDS = re.compile(r"[^\W\d_]+|\d+")


@short_cache(maxsize=8192)
def story_words(text: str) -> int:
    """Words of prose: spaced scripts count their letter and number runs, scripts without
    spaces :func:`~newscrawler.utils.text.word_count`'s estimate; blocks recur across a
    page's stages, so the count is kept."""
    if is_spaced(text):
        return len(_WORDS.findall(text))
    return word_count(text)
