"""Forward-looking-statement (safe-harbor) sections: told apart from the story by structure.

Releases of listed companies carry a legal section on forward-looking statements. It opens
with a heading ("Forward-Looking Statements", "Cautionary Statement Regarding ...", "Safe
Harbor Statement", or the same heading where a wire prints it in another language) or with a
paragraph that says what it is ("This press release contains forward-looking statements
..."), and runs until the next heading or the release's tail. It is kept apart from ``body``
in the ``safe_harbor`` field.
"""

from __future__ import annotations

import re

from newscrawler.utils.bounds import in_ends
from newscrawler.utils.text import normalize_space, word_count

__all__ = ["is_heading", "is_safe_harbor_heading", "is_safe_harbor_opener", "split_safe_harbor"]

# A heading is a short line: this many words at most (long legal titles included).
_HEADING_WORDS = 16
_HEADING_CHARS = 200
OPENER_MAX_BLOCKS = 6
"""How long a section found by its opening paragraph (no heading) may run."""
_FORWARD = (
    r"forward[- ]looking[ ](?:statements?|information|language)"
    r"|zukunftsgerichtete[ ]aussagen|zukunftsbezogene[ ]aussagen"
    r"|d[ée]clarations[ ]prospectives|[ée]nonc[ée]s[ ]prospectifs|informations[ ]prospectives"
    r"|declaraciones[ ](?:prospectivas|sobre[ ](?:el[ ]futuro|hechos[ ]futuros))"
    r"|informaci[óo]n[ ]prospectiva|dichiarazioni[ ]previsionali|declara[çc][õo]es[ ]prospe[ct]?tivas"
    r"|toekomstgerichte[ ]verklaringen|framåtriktade[ ]uttalanden|fremadrettede[ ]udsagn"
    r"|将来の見通しに関する|前瞻性(?:陈述|聲明|声明)"
)
# The heading names the section itself, maybe after "Cautionary Note Regarding" and the like.
_HEADING = re.compile(
    rf"(?i)^[\W\d]*(?:(?:(?:[\w-]+[ ]){{0,4}}(?:regarding|concerning|about|on|relating[ ]to"
    rf"|with[ ]respect[ ]to|for|sur|les|über|zu|sobre|relativas[ ]a)[ ])?(?:{_FORWARD})"
    r"|(?:safe[ ]harbou?r(?:[ ](?:statements?|provisions?|notice|language|disclaimer))?"
    r"|cautionary[ ](?:note|statement|language)s?)"
    r"(?:$|[ ](?:under|for|regarding|concerning|about|on|pursuant|relating)\b))"
)
# "This press release contains forward-looking statements", "Certain statements in this
# announcement ... are forward-looking statements": the section's first paragraph says so.
_OPENER_SUBJECT = re.compile(
    r"(?i)\b(?:this|the|these)[ ](?:(?:press|news|earnings|media)[ ])?"
    r"(?:release|announcement|communication|document|report|presentation)\b"
)
_OPENER_KIND = re.compile(r"(?i)\bforward[- ]looking[ ](?:statements?|information)\b")
# a Latin sentence ends before a space and a capital; Chinese and Japanese ones (。！？) need no
# space; Arabic ؟ and Devanagari । end sentences too
_SENTENCE_END = re.compile(r"(?<=[.!?؟।])\s+(?=[A-Z\"“(])|(?<=[。！？])")
_SENTENCE_MARKS = (".", "!", "?", ",", ";", "。", "！", "？", "，", "؟", "।", "،")


def is_heading(block: str) -> bool:
    """A short line that does not end as a sentence does: a section heading.

    >>> is_heading("Conference Call Details"), is_heading("The plant opened in May.")
    (True, False)
    """
    if len(block) > _HEADING_CHARS:
        return False
    text = normalize_space(block)
    if not text or "\n" in block.strip() or word_count(text) > _HEADING_WORDS:
        return False
    return not text.rstrip(" *").endswith(_SENTENCE_MARKS) and not text[0].islower()


def is_safe_harbor_heading(block: str) -> bool:
    """Whether a block is the heading of a forward-looking-statements section.

    >>> is_safe_harbor_heading("Cautionary Statement Regarding Forward-Looking Statements")
    True
    >>> is_safe_harbor_heading("Zukunftsgerichtete Aussagen")
    True
    >>> is_safe_harbor_heading("Forward-looking statements are risky, analysts said.")
    False
    """
    # the anchored pattern first: it rules out almost every block of a page for less than
    # the word count of is_heading (150,000 paragraphs are read in a blink)
    if len(block) > _HEADING_CHARS:
        return False
    text = normalize_space(block).rstrip(" :")
    return _HEADING.match(text) is not None and is_heading(block)


def is_safe_harbor_opener(block: str) -> bool:
    """Whether a paragraph opens the section by saying what it is (its first sentence).

    >>> is_safe_harbor_opener("This press release contains forward-looking statements. They ...")
    True
    >>> is_safe_harbor_opener("The company said forward-looking statements were withdrawn.")
    False
    """
    if "ooking" not in block[:600]:  # "forward-looking", "Forward Looking": cheap first
        return False
    text = normalize_space(block[:600])
    first = _SENTENCE_END.split(text, maxsplit=1)[0][:400]
    return bool(_OPENER_KIND.search(first) and _OPENER_SUBJECT.search(first))


def split_safe_harbor(blocks: list[str]) -> tuple[list[str], list[str]]:
    """``(story blocks, safe-harbor blocks)``: each section runs from its heading or opening
    paragraph to the next heading.

    A section found by its opening paragraph alone is legal boilerplate only when it is short
    (at most ``OPENER_MAX_BLOCKS`` blocks to the next heading or the end); a longer run is a
    story that mentions forward-looking statements, and stays. A page of more than
    ``WINDOW_BLOCKS`` blocks is searched at its ends only (see ``utils.bounds.in_ends``).

    >>> split_safe_harbor(["A said.", "Forward-Looking Statements", "Risks.", "Outlook", "B."])
    (['A said.', 'Outlook', 'B.'], ['Forward-Looking Statements', 'Risks.'])
    """
    story: list[str] = []
    harbor: list[str] = []
    section: list[str] = []
    headed = False

    def close() -> None:
        if headed or len(section) <= OPENER_MAX_BLOCKS:
            harbor.extend(section)
        else:
            story.extend(section)
        section.clear()

    count = len(blocks)
    for index, block in enumerate(blocks):
        if not section and not in_ends(index, count):
            story.append(block)  # the middle of a huge page: the section stands at its ends
            continue
        if is_safe_harbor_heading(block):
            close()
            headed = True
            section.append(block)
        elif section and is_heading(block):
            close()
            story.append(block)
        elif section:
            section.append(block)
        elif is_safe_harbor_opener(block):
            headed = False
            section.append(block)
        else:
            story.append(block)
    close()
    return story, harbor
