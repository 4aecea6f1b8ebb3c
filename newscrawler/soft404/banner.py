"""Taking an error banner a wire wrapped around a real story out of the story's body, and
telling a short wire brief inside an error template from the error page itself."""

from __future__ import annotations

import re
from collections.abc import Collection

from newscrawler.soft404.rules import normalize
from newscrawler.utils.text import split_dateline

FLAG = "error_banner_stripped"
"""The item flag of a kept story that lost its banner."""


def strip_banner(body: str, blocks: list[str]) -> tuple[str, bool]:
    """``body`` without the paragraphs that are banner blocks; whether anything went."""
    banned = {normalize(b) for b in blocks}
    # a paragraph much longer than every banner is none of them: not normalised at all
    longest = 2 * max((len(b) for b in blocks), default=0) + 16
    paragraphs = body.split("\n\n")
    kept = [p for p in paragraphs if len(p) > longest or normalize(p) not in banned]
    return "\n\n".join(kept), len(kept) != len(paragraphs)


# How far into the story blocks a dateline is looked for (as the parsers do).
DATELINE_SEARCH_BLOCKS = 3
# A wire's dateline carries its marker ("(AP)", "/PRNewswire/", "--(BUSINESS WIRE)",
# "(MENAFN)", "（共同）", "【ワシントン共同】", "[서울=연합뉴스]") or a date: a bare
# capitalised "OOPS -" is no dateline.
_WIRE_MARK = re.compile(r"[(/（【\[=]|\d")


def opens_with_dateline(blocks: list[str], skip: Collection[int], banner: Collection[str]
                        ) -> bool:
    """Whether the story, past the error and banner blocks, opens at a wire dateline.

    A wire brief is one short paragraph: wrapped in an error template it is still a story,
    however few its words, and only the banner goes.
    """
    story = [text for index, text in enumerate(blocks) if index not in skip and text not in banner]
    for text in story[:DATELINE_SEARCH_BLOCKS]:
        dateline, rest = split_dateline(text)
        if dateline is not None and rest and _WIRE_MARK.search(dateline):
            return True
    return False
