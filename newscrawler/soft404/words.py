"""Counting the words of prose, Chinese and Japanese included."""

from __future__ import annotations

import re

from newscrawler.utils.bounds import short_cache

_CJK_CHARS = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_WORDS = re.compile(r"[^\W\d_]+|\d+")


@short_cache(maxsize=8192)
def story_words(text: str) -> int:
    """Words of prose; Chinese and Japanese have no spaces, so two characters count as one."""
    cjk = len(_CJK_CHARS.findall(text))
    if not cjk:
        return len(_WORDS.findall(text))
    return len(_WORDS.findall(_CJK_CHARS.sub(" ", text))) + (cjk + 1) // 2
