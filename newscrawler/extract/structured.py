"""JSON-LD ``articleBody`` or the DOM extraction: which of the two is the story's text."""

from __future__ import annotations

import html
import itertools
import re

from w3lib.html import replace_tags

from newscrawler.utils.bounds import WINDOW_CHARS, window
from newscrawler.utils.text import normalize_space, word_count

__all__ = ["pick_body", "structured_blocks"]

_TAG_RE = re.compile(r"<[^>]{0,2000}>")  # only asks whether there is a tag at all
_CODE_OPEN_RE = re.compile(r"(?i)<(script|style)\b")
_CODE_CLOSE_RE = {"script": re.compile(r"(?i)</script[^>]{0,100}>"),
                  "style": re.compile(r"(?i)</style[^>]{0,100}>")}


def _without_code(text: str) -> str:
    """HTML text without its scripts and styles (linear: each closing tag is searched once)."""
    parts, at = [], 0
    while (match := _CODE_OPEN_RE.search(text, at)) is not None:
        parts.append(text[at:match.start()])
        close = _CODE_CLOSE_RE[match.group(1).lower()].search(text, match.end())
        if close is None:
            return " ".join(parts)
        at = close.end()
    parts.append(text[at:])
    return " ".join(parts)


_BLANK_LINES_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")


def structured_blocks(structured: str) -> list[str]:
    """Split JSON-LD articleBody (or app data) text into blocks, stripping any HTML it carries."""
    text = structured
    if "<" in text and _TAG_RE.search(text):
        text = _without_code(text)
        text = re.sub(r"(?i)<br\s*/?>|</p\s*>|</h[1-6]\s*>|</li\s*>|</div\s*>", "\n", text)
        text = replace_tags(text, " ")
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
# Structured text under this share of a DOM text of MIN_DOM_WORDS or more is a lead, a
# teaser, one live-blog entry or one slide's caption: the longer DOM text is the story.
TEASER_SHARE = 0.5
MIN_DOM_WORDS = 80


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(words)) if len(words) > 1 else {(*words, "")}


def pick_body(structured: str | None, extracted: list[str]) -> tuple[list[str], str]:
    """Choose between JSON-LD articleBody and the DOM extraction; returns (blocks, "jsonld"|"dom").

    The DOM blocks win whenever they contain the structured text: they keep the
    paragraph breaks and are complete where articleBody is a teaser or cut at a
    paywall. articleBody wins when the DOM extraction is empty, clearly shorter
    (it lost part of the story) or a different text of comparable length (wrong
    block); a much shorter articleBody (a lead, a teaser, one live-blog entry)
    never beats a DOM text of some length.
    """
    blocks = structured_blocks(structured) if structured else []
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
    # the thresholds in words count any script (a Chinese clause is one \w+ run)
    if s_size < TEASER_SHARE * d_size and word_count(" ".join(d_window)) >= MIN_DOM_WORDS:
        return extracted, "dom"
    if covered < FOREIGN_SHARE and word_count(" ".join(s_window)) >= MIN_STRUCTURED_WORDS:
        return blocks, "jsonld"
    return extracted, "dom"
