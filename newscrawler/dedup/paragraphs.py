"""Level 1: collapse paragraphs and blocks a page prints more than once.

Paragraphs are compared in a normalised form (NFKC, case folded, punctuation
gone, whitespace collapsed) so a copy that differs only in typography counts as
the same. The judgement is by block: a repeat is removed when it is long, part
of a repeated run of paragraphs, next to its first copy, or an ID line; a
single short sentence that recurs alone (a quote repeated in a summary) stays.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+\S")
_ID_LINE = re.compile(r"^[A-Z0-9][A-Z0-9_\-]{11,}$")

LONG_PARAGRAPH = 160
"""A repeat at least this long (characters) is removed wherever it sits."""
NEAR_EXACT = 0.9
"""Word-set Jaccard at which two paragraphs of similar length count as the same."""
MIN_NEAR_WORDS = 8


def normalize(text: str) -> str:
    """The comparison form of a paragraph.

    >>> normalize("  “Hello,”  WORLD!! ")
    'hello world'
    """
    return _normalize(text)


@lru_cache(maxsize=4096)
def _normalize(text: str) -> str:
    # the repeats, boilerplate and duplicates stages each normalise the same paragraphs
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


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
    return len(text) < LONG_PARAGRAPH and not _SENTENCE_END.search(text)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def collapse_repeats(paragraphs: list[str]) -> tuple[list[str], int]:
    """Paragraphs with repeats collapsed to their first occurrence, order kept; and the count.

    >>> collapse_repeats(["ID123456789012", "P1 one.", "P2 two.", "P1 one.", "P2 two.",
    ...                   "ID123456789012"])
    (['ID123456789012', 'P1 one.', 'P2 two.'], 3)
    >>> collapse_repeats(["Intro.", '"We win," she said.', "Summary.", '"We win," she said.'])
    (['Intro.', '"We win," she said.', 'Summary.', '"We win," she said.'], 0)
    """
    norms = [normalize(p) for p in paragraphs]
    first: dict[str, int] = {}
    words: list[frozenset[str]] = []
    origin: list[int | None] = []  # index of the earlier copy, for repeats
    for i, norm in enumerate(norms):
        ws = frozenset(norm.split())
        words.append(ws)
        if not norm:
            origin.append(None)
            continue
        j = first.get(norm)
        if j is None and len(ws) >= MIN_NEAR_WORDS:
            for k in range(i):
                if origin[k] is not None or len(words[k]) < MIN_NEAR_WORDS:
                    continue
                lk, li = len(norms[k]), len(norm)
                if abs(lk - li) <= 0.15 * max(lk, li) and _jaccard(words[k], ws) >= NEAR_EXACT:
                    j = k
                    break
        origin.append(j)
        if j is None:
            first.setdefault(norm, i)
    keep: list[str] = []
    removed = 0
    n = len(paragraphs)
    for i, text in enumerate(paragraphs):
        j = origin[i]
        if j is None:
            keep.append(text)
            continue
        in_run = (i > 0 and origin[i - 1] is not None) or (i + 1 < n and origin[i + 1] is not None)
        adjacent = j == i - 1 or (j < i - 1 and all(origin[k] is not None for k in range(j + 1, i)))
        if (
            in_run
            or adjacent
            or not _is_single_short_sentence(text)
            or _ID_LINE.match(text.strip())
        ):
            removed += 1
        else:
            keep.append(text)
    return keep, removed
