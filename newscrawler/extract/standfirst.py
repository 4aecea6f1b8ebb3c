"""The standfirst (dek): the sentence or two printed under the headline, before the story.

It is the first text block after the ``<h1>`` that is long enough to be a sentence, not
a link list, a caption or the story's own first paragraph, and that the page marks as a
summary: the page's description says the same, or its markup names it a summary
(``itemprop=description``, a class such as ``standfirst``/``dek``/``subtitle``).
"""

from __future__ import annotations

import itertools
import re

from lxml import etree

from newscrawler.extract.nearby import following, text_within
from newscrawler.utils.text import clean_inline, is_spaced

__all__ = ["find_standfirst", "same_text", "starts_body"]

FOLLOWING = 60
"""Elements after the headline looked at: the dek sits right under it."""
CANDIDATES = 3
"""Text blocks after the headline tried before the story is taken to have begun."""
MIN_CHARS = 25
MAX_CHARS = 600
_TEXT_TAGS = frozenset({"p", "h2", "h3", "div", "span", "section", "header"})
_BLOCK_CHILDREN = frozenset({"p", "div", "h2", "h3", "h4", "ul", "ol", "section", "article",
                             "figure", "table", "blockquote", "header", "aside"})
_SKIP = frozenset({"script", "style", "noscript", "template", "figcaption", "figure", "nav",
                   "button", "time", "address", "svg", "form", "ul", "ol", "li", "a"})
# what CMSes call the dek in markup (tokens of class/id/itemprop, compared whole)
_DEK_WORDS = frozenset({"standfirst", "dek", "deck", "subtitle", "subhead", "subheadline",
                        "summary", "excerpt", "description", "teaser", "strapline", "abstract",
                        "chapo", "sapo", "subheading", "alternativeheadline", "tagline"})
# ... and the story's own first paragraph, set apart ("intro", "lead"): part of the story
_LEAD_WORDS = frozenset({"lede", "lead", "intro", "leadin", "opener"})
_TOKENS = re.compile(r"[a-z]+")
_WORDS = re.compile(r"\w+")
SIMILAR = 0.6
"""Share of words a block and the page description have in common to be one text."""


COMPARED_CHARS = 20_000
"""Characters of a text compared with a dek or description: a dek is at most ``MAX_CHARS``, and
a 15 MB story paragraph shares no more of its words in its first 20,000 characters."""


def _words(text: str) -> list[str]:
    return _WORDS.findall(text[:COMPARED_CHARS].casefold())


def same_text(a: str, b: str) -> bool:
    """Whether two texts are one (the description may be cut short or lightly edited)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa == wb or (len(wb) >= 6 and wa[: len(wb) - 1] == wb[:-1]) or (
            len(wa) >= 6 and wb[: len(wa) - 1] == wa[:-1]):
        return True
    common = len(set(wa) & set(wb))
    return 2 * common / (len(set(wa)) + len(set(wb))) >= SIMILAR


def starts_body(text: str, first_block: str) -> bool:
    """Whether ``text`` is the story's first paragraph, or the start of it (a cut description)."""
    wt, wb = _words(text), _words(first_block)
    if not wt or not wb:
        return False
    if not is_spaced(text[:200]):
        # Chinese, Japanese: a "word" is a clause, and a description cut at so many characters
        # ends inside one: compare the characters, the last two aside
        ct, cb = "".join(wt), "".join(wb)
        return len(ct) >= 6 and cb.startswith(ct[:-2])
    cut = wt[:-1] if len(wt) > 6 else wt  # "...": the last word may be cut
    return wb[: len(cut)] == cut


def _marked(element: etree._Element | None, words: frozenset[str] = _DEK_WORDS) -> bool:
    if element is None:
        return False
    names = " ".join(element.get(a, "") for a in ("class", "id", "itemprop", "data-testid"))
    return bool(words.intersection(_TOKENS.findall(names.lower())))


def _link_share(element: etree._Element, length: int) -> float:
    linked = sum(len(text_within(a, length).strip()) for a in element.iter("a"))
    return linked / length if length else 1.0


def _is_dek(element: etree._Element, text: str, body_blocks: list[str], marked: bool) -> bool:
    """Whether a summary-like block under the headline is a dek, not the story's lead.

    A block the extractor took as the story's first paragraph stays the story's (the body
    keeps it) unless the markup names it a dek, the story goes on without it, and it is
    not set in the story's own column (its next siblings are not the story's paragraphs).
    """
    if any(same_text(text, block) for block in body_blocks[1:3]):
        return False
    if not body_blocks or not same_text(text, body_blocks[0]):
        return True
    if not marked or len(body_blocks) < 2 or _marked(element, _LEAD_WORDS) or _marked(
            element.getparent(), _LEAD_WORDS):
        return False
    story_next = _words(body_blocks[1])
    for sibling in itertools.islice(element.itersiblings(), 3):
        if isinstance(sibling.tag, str) and _words(text_within(sibling, COMPARED_CHARS)) == story_next:
            return False  # the story's next paragraph beside it: one column, one story
    return True


def find_standfirst(headline: etree._Element | None, descriptions: list[str],
                    body_blocks: list[str]) -> str | None:
    """The dek printed under ``headline``; ``None`` when the page prints none."""
    if headline is None:
        return None
    title = clean_inline(text_within(headline, 4 * MAX_CHARS)) or ""
    seen = 0
    skipped: dict[etree._Element, bool] = {}
    for element in following(headline, FOLLOWING):
        tag = element.tag
        if tag not in _TEXT_TAGS or _inside_skipped(element, skipped):
            continue
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_CHILDREN for c in element):
            continue  # a container: its blocks come next
        text = clean_inline(text_within(element, 4 * MAX_CHARS)) or ""
        if not MIN_CHARS <= len(text) <= MAX_CHARS or text == title:
            continue
        if _link_share(element, len(text)) > 0.5:
            continue
        seen += 1
        # a block marked as a summary is the dek when it comes first (further down, such names
        # are as often captions and teaser boxes); one the description repeats, in any of the
        # first blocks
        marked = seen == 1 and (
            _marked(element) or (tag in ("h2", "p") and _marked(element.getparent())))
        if (marked or any(same_text(text, d) for d in descriptions)) and _is_dek(
                element, text, body_blocks, marked):
            return text
        if seen >= CANDIDATES or any(same_text(text, block) for block in body_blocks[:1]):
            return None
    return None


def _inside_skipped(element: etree._Element, known: dict[etree._Element, bool]) -> bool:
    """Whether an ancestor of ``element`` is a ``_SKIP`` tag; ``known`` holds the answer for
    ancestors already climbed (so the elements after a headline share one climb)."""
    climbed = []
    result = False
    for ancestor in element.iterancestors():
        if (seen := known.get(ancestor)) is not None:
            result = seen
            break
        if ancestor.tag in _SKIP:
            result = True
            break
        climbed.append(ancestor)
    for ancestor in climbed:
        known[ancestor] = result
    return result
