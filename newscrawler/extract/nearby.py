"""Elements just after or just before one element in document order, a bounded number of them.

XPath's ``following::``/``preceding::`` axes build the whole rest of the document before a
position filter cuts it (150,000 paragraphs after a headline); these walks stop at ``limit``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from lxml import etree

__all__ = ["following", "preceding", "text_within"]


def following(element: etree._Element, limit: int) -> Iterator[etree._Element]:
    """Up to ``limit`` elements after ``element`` (not inside it), in document order."""
    count = 0
    node: etree._Element | None = element
    while node is not None:
        for sibling in node.itersiblings():
            for found in sibling.iter(etree.Element):  # elements only, filtered in C
                yield found
                count += 1
                if count >= limit:
                    return
        node = node.getparent()


def preceding(element: etree._Element, limit: int) -> Iterator[etree._Element]:
    """Up to ``limit`` elements before ``element`` (not its ancestors), nearest first."""
    count = 0
    node: etree._Element | None = element
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            for found in reversed(list(_bounded(sibling, limit - count))):
                yield found
                count += 1
                if count >= limit:
                    return
        node = node.getparent()


def _bounded(element: etree._Element, limit: int) -> Iterator[etree._Element]:
    """The last ``limit`` elements of a subtree are wanted; a huge subtree is cut to its first."""
    return itertools.islice(element.iter(etree.Element), limit * 4)


def text_within(element: etree._Element, limit: int) -> str:
    """The element's text, stopping once more than ``limit`` characters are read.

    ``text_content()`` copies a whole subtree's text: a 15 MB paragraph for each look at
    a short date line or dek. Callers that only want short texts read this far and judge
    a longer result as too long.
    """
    if not len(element):  # no children: its own text is all (most lines looked at)
        return (element.text or "")[: limit + 1]
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        parts.append(piece if size + len(piece) <= limit else piece[: limit + 1 - size])
        size += len(parts[-1])
        if size > limit:
            break
    return "".join(parts)
