"""Level 2: paragraphs a site prints under many different stories.

Two sources of evidence:

* known wire tails (``newscrawler/data/wire_tails.json``): legal disclaimers,
  "About <wire>", share prompts, comment widgets, copyright lines; recognised
  from the first page of a site;
* learned per host: a paragraph carried by at least ``min_stories`` distinct
  *stories* (clusters, so copies of one syndicated story count once) of the
  same host. The counts live in the state store; this module only decides.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newscrawler.dedup.repeats import normalize, paragraph_hash
from newscrawler.utils.bounds import WINDOW_BLOCK_CHARS, WINDOW_BLOCKS, in_ends

MIN_LEARNED_CHARS = 25
"""Shorter paragraphs (headings such as "Background") are stripped only by a known pattern."""


@dataclass(frozen=True)
class WireTails:
    strip: re.Pattern[str]
    tail_starts: re.Pattern[str]


@cache
def wire_tails() -> WireTails:
    """The known wire tails, compiled once: one alternation per list, one search per paragraph."""
    data = json.loads(
        resources.files("newscrawler").joinpath("data/wire_tails.json").read_text("utf-8")
    )
    return WireTails(
        re.compile("|".join(f"(?:{p})" for p in data["strip"]), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in data["tail_starts"]), re.IGNORECASE),
    )


def _plain(text: str) -> str:
    return " ".join(text.split())


def is_known_boilerplate(text: str) -> bool:
    """A paragraph a known wire tail pattern recognises.

    >>> is_known_boilerplate("Legal Disclaimer: MENAFN provides the information as is.")
    True
    >>> is_known_boilerplate("CommentsNo comment")
    True
    >>> is_known_boilerplate("The company said comments were welcome.")
    False
    """
    if len(text) > WINDOW_BLOCK_CHARS:
        return False  # a tail is a paragraph or two; a 20,000-character block is a story
    plain = _plain(text)
    if plain.lower().replace(" ", "") in ("commentsnocomment", "commentnocomments"):
        return True
    return wire_tails().strip.search(plain) is not None


def opens_wire_tail(text: str) -> bool:
    """A paragraph after which a wire prints only its tail (contacts, disclaimers)."""
    if len(text) > WINDOW_BLOCK_CHARS:
        return False
    return wire_tails().tail_starts.search(_plain(text)) is not None


def learnable_hashes(paragraphs: Sequence[str], limit: int = WINDOW_BLOCKS) -> list[int]:
    """The paragraph hashes a story contributes to its host's counts (each once).

    Of a page with more than ``limit`` paragraphs, only the first and last ``limit / 2``
    count (boilerplate stands at the top and the bottom): one hostile page neither
    writes 150,000 rows to the state store nor asks it about them.
    """
    if len(paragraphs) > limit:
        paragraphs = [*paragraphs[:limit // 2], *paragraphs[-(limit // 2):]]
    return list(
        dict.fromkeys(
            paragraph_hash(p) for p in paragraphs
            if len(p) <= WINDOW_BLOCK_CHARS and len(normalize(p)) >= MIN_LEARNED_CHARS
        )
    )


def strip_boilerplate(
    paragraphs: list[str], learned: Collection[int] = ()
) -> tuple[list[str], list[str]]:
    """``(kept, removed)``: known wire tails and learned boilerplate taken out, order kept.

    ``learned`` holds the hashes the store says are boilerplate of this host.

    >>> strip_boilerplate(["Acme said.", "Share this article", "Legal Disclaimer: x"])
    (['Acme said.'], ['Share this article', 'Legal Disclaimer: x'])
    """
    kept: list[str] = []
    removed: list[str] = []
    count = len(paragraphs)
    for index, text in enumerate(paragraphs):
        if not in_ends(index, count):
            kept.append(text)  # the middle of a 150,000-paragraph page is read no further
        elif is_known_boilerplate(text) or (
            learned and len(text) <= WINDOW_BLOCK_CHARS
            and len(normalize(text)) >= MIN_LEARNED_CHARS
            and paragraph_hash(text) in learned
        ):
            removed.append(text)
        else:
            kept.append(text)
    if not kept:  # a page made only of "boilerplate" is a story that looks like one: keep it
        return paragraphs, []
    return kept, removed
