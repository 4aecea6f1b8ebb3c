"""Taking an error banner a wire wrapped around a real story out of the story's body."""

from __future__ import annotations

from newscrawler.soft404.rules import normalize

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
