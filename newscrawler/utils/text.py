"""Small text functions shared by parsers and pipelines; no Scrapy needed to test them."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from w3lib.html import replace_tags

from newscrawler.utils.datelines import match_dateline

_SPACE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# control characters, and the invisible ones that join what they stand between
# (zero-width space, byte-order mark, soft hyphen): "Wash\u00adington" is one word
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u200b\ufeff\u00ad]")
_BLOCK_TAG = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h[1-6])\s*/?>")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (nbsp, ideographic) to one space; drop invisible characters.

    The one whitespace folding of the project: extracted blocks, metadata and
    release lines all go through it, so the stages compare like with like.

    >>> normalize_space("  Hello\\u00a0\\n world ")
    'Hello world'
    """
    if is_folded(stripped := text.strip()):  # the same result, without a regex pass
        return stripped
    if len(text) > FAST_SPACE_CHARS:
        return _normalize_long(text)
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def is_folded(text: str) -> bool:
    """Whether ``text`` is already in :func:`normalize_space` form (most blocks are, when they
    come from the extractor): no character but the plain space a regex would touch.

    >>> is_folded("One line."), is_folded("Two  spaces"), is_folded("tab\\there")
    (True, False, False)
    """
    # isprintable(): no control, zero-width or whitespace character but " "
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


# Past this length normalize_space avoids a regex match per word (1 s for 15 MB of text).
FAST_SPACE_CHARS = 10_000
# every character _SPACE or _CONTROL matches, except the plain space
# (one character class: an alternation would be tried at every position, ten times slower)
_ODD = re.compile("[\x00-\x1f\x7f\x85\xa0\xad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f"
                  "\u3000\ufeff\ufffe\uffff]")
# str.isspace() characters (what \\s matches) and the other spaces _SPACE adds
_TO_SPACE = dict.fromkeys(map(ord, "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001"
                              "\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028"
                              "\u2029\u202f\u205f\u3000"), " ")


def _normalize_long(text: str) -> str:
    """:func:`normalize_space` by whole-string passes: the same result, linear, no lists."""
    # isprintable() is False for every character _ODD matches, and twice as fast to ask
    if not text.isprintable() and _ODD.search(text):
        text = _CONTROL.sub("", text).translate(_TO_SPACE)
    return fold_spaces(text)


# whitespace but the plain space, as a positive class (a negated \\S is slow to search)
_ODD_SPACE = re.compile("[\t-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
                        "\u3000]")


def fold_spaces(text: str) -> str:
    """``" ".join(text.split())`` without a list of every word: whole-string passes.

    >>> fold_spaces(" a\\t\\n b   c ")
    'a b c'
    """
    if not text.isprintable() and _ODD_SPACE.search(text):
        text = text.translate(_TO_SPACE)
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip()


def clean_inline(text: str | None) -> str | None:
    """One-line field value: entities decoded, tags and control characters gone, spaces folded."""
    if text is None:
        return None
    if "<" in text:
        text = replace_tags(text, " ")
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", normalize_space(text))
    return text or None


def split_blocks(text: str) -> list[str]:
    """Paragraphs of a plain or lightly tagged text (JSON-LD ``articleBody``, feed descriptions).

    >>> split_blocks("One.<br><br>Two &amp; three.\\n\\n\\nFour.")
    ['One.', 'Two & three.', 'Four.']
    """
    text = _BLOCK_TAG.sub("\n\n", text)
    text = html.unescape(replace_tags(text, " "))
    blocks = _BLANK_LINES.split(text)
    if len(blocks) == 1:
        blocks = text.split("\n")
    return [b for b in (normalize_space(b) for b in blocks) if b]


def join_blocks(blocks: list[str]) -> str:
    """The ``body`` form: paragraphs separated by one blank line."""
    return "\n\n".join(b for b in (normalize_space(b) for b in blocks) if b)


# --- Words ------------------------------------------------------------------------------------
# Scripts written without spaces between words. Han and kana: two characters a word, as Chinese words run 1.5-2 characters. Thai, Lao, Tibetan,
# Myanmar, Khmer: 4.5 code points a word (their vowel and tone marks are code points of their
# own). Hangul is written with spaces and counts like Latin.
_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a" \
    "\U00020000-\U0003134f"
# CJK and fullwidth punctuation: between words, never one
_CJK_PUNCT = re.compile("[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+")
_SEA = "\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\uaa60-\uaa7f"
_UNSPACED = re.compile(f"[{_HAN}{_SEA}\u3000-\u303f\uff01-\uff65]")
_HAN_RUN = re.compile(f"[{_HAN}]+")
_SEA_RUN = re.compile(f"[{_SEA}]+")
SEA_CHARS_PER_WORD = 4.5
# texts are counted in pieces of this many characters: no list of every word of a 15 MB text
WORD_COUNT_CHUNK = 100_000
# past this many characters a text that is not ASCII is counted on its head and the rest
# estimated at the same rate (every threshold in words is far below what 1 MB holds)
WORD_COUNT_EXACT_CHARS = 1_000_000


def word_count(text: str) -> int:
    """Words of prose, in any script: the one count behind every threshold "in words".

    Space-separated text (Latin, Cyrillic, Greek, Arabic, Hangul...) counts its tokens, as
    ``len(text.split())``; text in scripts without spaces counts an estimate from its characters.

    >>> word_count("Three plain words"), word_count("江南重工周二宣布新工厂投产")
    (3, 7)
    >>> word_count("รัฐบาลประกาศมาตรการใหม่")
    6
    """
    if len(text) <= WORD_COUNT_CHUNK:
        return _count_words(text)
    limit = len(text) if text.isascii() else WORD_COUNT_EXACT_CHARS
    total, start, end_of_text = 0, 0, min(len(text), limit)
    while start < end_of_text:
        end = start + WORD_COUNT_CHUNK
        if end < end_of_text:  # cut at a space when one is near, so no word is counted twice
            space = text.find(" ", end, end + 1_000)
            end = space if space >= 0 else end
        total += _count_words(text[start:end])
        start = end
    return total if start >= len(text) else round(total * len(text) / start)


LATIN_CHARS_PER_WORD = 6
"""A Latin-script word and the space after it, on average."""


def prose_length(text: str) -> int:
    """Characters as a text in a spaced script would take for the same words, so a threshold
    in characters ("a paragraph this long is the story's") holds in every script: a Chinese,
    Japanese or Thai text counts ``LATIN_CHARS_PER_WORD`` a word of :func:`word_count`.

    >>> prose_length("Three plain words"), prose_length("江南重工周二宣布新工厂投产")
    (17, 42)
    """
    if is_spaced(text):
        return len(text)
    return max(len(text), LATIN_CHARS_PER_WORD * word_count(text))


def is_spaced(text: str) -> bool:
    """Whether the text's words are separated by spaces (no CJK, Thai, Lao, Khmer... runs)."""
    return text.isascii() or not _UNSPACED.search(text)


def _count_words(text: str) -> int:
    if is_spaced(text):
        return len(text.split())
    text = _CJK_PUNCT.sub(" ", text)
    rest, runs = _HAN_RUN.subn(" ", text)
    han = len(text) - len(rest) + runs
    spaced, runs = _SEA_RUN.subn(" ", rest)
    sea = len(rest) - len(spaced) + runs
    return len(spaced.split()) + (han + 1) // 2 + round(sea / SEA_CHARS_PER_WORD + 0.49)


# --- Datelines -------------------------------------------------------------------------------
# The printed opening of a wire story. The dateline keeps its wire marker ("/PRNewswire/",
# "(AP)", "--(BUSINESS WIRE)") and loses the dash that separates it from the story.
_CITY = r"[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,4}"
_REGION = r"(?:,[ ](?:[A-Z][A-Za-z.'’\-]+)(?:[ ][A-Z][A-Za-z.'’\-]+){0,3}){0,2}"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "April 25, 2016" (English wires) or "9. April 2025" / "11 avril 2025" (day first)
_DATE = (
    rf"(?:,?[ ]{_MONTH}[ ]\d{{1,2}}(?:,[ ]\d{{4}})?"
    r"|,[ ]\d{1,2}\.?[ ][A-Za-zÀ-ÿ]{3,12}\.?[ ]\d{4})"
)
_MARKER = r"(?:[ ]?/[^/\n]{2,40}/|[ ]?\((?:[A-Z][A-Za-z.\- ]{1,30})\)|--\([A-Z][A-Z ]{2,30}\))"
_SEPARATOR = r"[ ]?(?:--|—|–|-)+[ ]?"
_DATELINE = re.compile(
    rf"^(?P<dateline>{_CITY}{_REGION}{_DATE}?{_MARKER}?){_SEPARATOR}(?=\S)"
)
_MENAFN = re.compile(r"^(?P<dateline>\(MENAFN[^)]{0,60}\))[ ]?(?:--|—|–|-)?[ ]?(?=\S)")


DATELINE_MAX_CHARS = 400


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split the dateline off a story's first paragraph.

    >>> split_dateline("PALO ALTO, Calif., April 25, 2016 /PRNewswire/ -- Acme said.")
    ('PALO ALTO, Calif., April 25, 2016 /PRNewswire/', 'Acme said.')
    >>> split_dateline("WASHINGTON (AP) — The Senate voted.")
    ('WASHINGTON (AP)', 'The Senate voted.')
    >>> split_dateline("NEW YORK--(BUSINESS WIRE)--Beta Corp today said.")
    ('NEW YORK--(BUSINESS WIRE)', 'Beta Corp today said.')
    >>> split_dateline("LYON, 11 avril 2025 /Harbour Wire/ -- La maison a annoncé.")
    ('LYON, 11 avril 2025 /Harbour Wire/', 'La maison a annoncé.')
    >>> split_dateline("(MENAFN) North Korean leader said.")
    ('(MENAFN)', 'North Korean leader said.')
    >>> split_dateline("МОСКВА, 2 декабря. /ТАСС/. Кабинет одобрил проект.")
    ('МОСКВА, 2 декабря. /ТАСС/', 'Кабинет одобрил проект.')
    >>> split_dateline("The company said on Monday.")
    (None, 'The company said on Monday.')
    """
    head = paragraph[:DATELINE_MAX_CHARS]  # a dateline is short: never scan a huge block
    match = _DATELINE.match(head)
    if match and head[match.end("dateline"):match.end()] == "-":
        match = None  # "U.S.-China talks": a hyphen with no space joins words, not a dateline
    match = match or _MENAFN.match(head) or match_dateline(head)
    if not match:
        return None, paragraph
    dateline = match.group("dateline").strip()
    # "A" or "I" alone followed by a dash is a sentence, not a place
    if len(dateline) < 3 and not dateline.startswith("("):
        return None, paragraph
    return dateline, paragraph[match.end():].strip()


def clean_body(text: str) -> str:
    """Body text in its one form: paragraphs folded to one line each, one blank line between.

    >>> clean_body("  One\\n line.\\n\\n\\n\\nTwo.  ")
    'One line.\\n\\nTwo.'
    """
    return join_blocks(_BLANK_LINES.split(text.replace("\r\n", "\n")))


def unique(values: Iterable[str]) -> list[str]:
    """Values in first-seen order, each once."""
    return list(dict.fromkeys(values))
