"""Huge lists of links are read at their ends: a hostile page pads itself with 300,000.

A "Page not found" template padded with a navigation of hundreds of thousands of links
costs seconds in every pass over the tree (the block walk in Python, each XPath over all
elements), for a page with nothing to export. A real page's lists of links are far
shorter: a home page or an archive day links a few thousand, an HTML sitemap at most as
many as a crawl follows from one page (``DISCOVERY_MAX_LINKS_PER_PAGE``, 10,000). An
element with more children than that whose children at both ends are links is read for
its first and last ``LINK_LIST_CHILDREN / 2`` children, as other big hostile pages are
judged on windows (:mod:`newscrawler.utils.bounds`); its text blocks, at the ends of
``WINDOW_BLOCKS`` of them. 150,000 paragraphs of prose are not links and are read to the end.
"""

from __future__ import annotations

from lxml import etree

from newscrawler.utils.bounds import WINDOW_BLOCKS

LINK_LIST_CHILDREN = 10_000
"""Children of one element past which a list of links is read at its ends only."""
LINK_LIST_SAMPLE = 100
"""Children at each end that decide whether an element is a list of links."""
LINK_LIST_DENSITY = 0.8
"""Share of the sampled children's text inside links that makes a list of links."""
PRUNE_FROM_BYTES = 1024 * 1024
"""Pages smaller than this hold no list long enough to prune (not looked for)."""

_CROWDED = etree.XPath(f"//*[*[{LINK_LIST_CHILDREN + 1}]]")


def is_link_list(el: etree._Element) -> bool:
    """Whether the children at both ends of ``el`` hold text, mostly inside links.

    >>> from lxml import html
    >>> is_link_list(html.fromstring("<ul><li><a href=#a>One</a></li><li><a>Two</a></li></ul>"))
    True
    >>> is_link_list(html.fromstring("<div><p>Words of a story, <a>a link</a>.</p></div>"))
    False
    """
    total = linked = 0
    for child in el[:LINK_LIST_SAMPLE] + el[-LINK_LIST_SAMPLE:]:
        if type(child.tag) is not str:
            continue
        total += len("".join(child.itertext()).strip())
        linked += sum(len("".join(a.itertext()).strip()) for a in child.iter("a"))
    return bool(total) and linked >= LINK_LIST_DENSITY * total


def link_list_window(el: etree._Element,
                     keep: int = WINDOW_BLOCKS) -> etree._Element | list[etree._Element]:
    """The children of ``el`` whose text to read: all of them, or the two ends of a list
    of links of more than ``keep`` (the blocks a page's analysis reads; the links to
    follow are another matter, see :func:`prune_link_lists`)."""
    if len(el) <= keep or not is_link_list(el):
        return el  # iterated as it is read: 150,000 paragraphs are never all in a list
    return el[:keep // 2] + el[-(keep // 2):]


def prune_link_lists(root: etree._Element) -> int:
    """Drop the middle of every huge list of links in the tree (in place): every later
    pass over the tree costs what it does on a normal page. Returns the children dropped."""
    dropped = 0
    for el in _CROWDED(root):
        if len(el) > LINK_LIST_CHILDREN and is_link_list(el):
            half = LINK_LIST_CHILDREN // 2
            dropped += len(el) - 2 * half
            del el[half:len(el) - half]
    return dropped
