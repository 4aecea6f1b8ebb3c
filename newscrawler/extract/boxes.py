"""Boxes left inside a story's region: link lists, label clusters, credit lines.

The content region of a page often still holds things that are not the story:
a "related stories" list or next/previous teaser cards after the last
paragraph, the axis labels and numbers of an inline chart, a photo credit
under a picture, and the short label line ("More news:") that introduces such
a box. They are recognised by how they are built, never by their words (the
pages come in every language):

* a **link box** is an element whose blocks nearly all carry a link and whose
  text is mostly linked: a list of teasers, whatever the items say;
* a **label cluster** is an element (not a list or table) of many tiny blocks
  and no sentence: chart labels, a "share / print / comments" strip;
* a **credit line** is a short, sentence-less block that comes right after an
  image;
* a **lead-in** is a short, sentence-less block right before a box.

Lists and tables of short items (ingredients, results) are story content and
are never a label cluster.
"""

from __future__ import annotations

import bisect

from newscrawler.extract.blocks import BlockPage

__all__ = ["boxed_blocks"]

# A link box: at least this many blocks, this share of them linked, this share of its text.
LINK_BOX_MIN_BLOCKS = 3
LINK_BOX_LINKED_BLOCKS = 0.75
LINK_BOX_LINK_SHARE = 0.4
# ... and no block longer than this (a paragraph of prose with many links is not a teaser).
LINK_BOX_MAX_BLOCK = 250
# A label cluster: this many blocks at least, none longer than LABEL_MAX_CHARS,
# LABEL_MEAN_CHARS on average.
LABEL_MIN_BLOCKS = 6
LABEL_MAX_CHARS = 40
LABEL_MEAN_CHARS = 20
# A box never holds more than this share of the region's text (it is beside the story).
BOX_MAX_SHARE = 0.3
# A credit line or a lead-in: at most this many characters and no sentence end.
MAX_LINE_CHARS = 100
MAX_LEAD_IN_CHARS = 60
# A credit in the element after the picture's: this short, or signed with a copyright sign.
MAX_CREDIT_CHARS = 40
# Captions together above this share of the region's text are a photo story's text.
MAX_CAPTION_SHARE = 0.2
# A block this long is a paragraph of the story.
STORY_CHARS = 80
SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", '"', "”", "»", "'", "’")

# Whole lists and tables are content when their items are short (never label clusters).
_LIST_TAGS = frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tr", "li", "dd", "dt",
                        "td", "th"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _is_line(text: str, limit: int) -> bool:
    """A short line that is not a sentence (a credit, a label), in any language."""
    return len(text) <= limit and not text.rstrip().endswith(SENTENCE_ENDS)


def boxed_blocks(page: BlockPage, regions: list[int]) -> set[int]:
    """Indexes into ``page.blocks`` of the region's blocks that belong to boxes."""
    parent, end, tags, blocks = page.parent, page.end, page.tag, page.blocks
    starts = sorted(regions)
    inside: list[int] = []  # block indexes inside the regions, in document order
    count: dict[int, int] = {}
    linked_count: dict[int, int] = {}
    chars: dict[int, int] = {}
    linked: dict[int, int] = {}
    longest: dict[int, int] = {}
    listy: set[int] = set()  # elements that are or hold a list or table
    for b, (text, node, link, _chrome) in enumerate(blocks):
        at = bisect.bisect_right(starts, node) - 1
        if at < 0 or node >= end[starts[at]]:
            continue
        inside.append(b)
        size = len(text)
        count[node] = count.get(node, 0) + 1
        chars[node] = chars.get(node, 0) + size
        linked[node] = linked.get(node, 0) + link
        if link:
            linked_count[node] = linked_count.get(node, 0) + 1
        if size > longest.get(node, 0):
            longest[node] = size
    if not inside:
        return set()
    # subtree totals, children before parents (preorder indexes, walked backwards)
    for region in starts:
        for i in range(end[region] - 1, region, -1):
            if i not in count:
                continue
            p = parent[i]
            count[p] = count.get(p, 0) + count[i]
            chars[p] = chars.get(p, 0) + chars[i]
            linked[p] = linked.get(p, 0) + linked[i]
            linked_count[p] = linked_count.get(p, 0) + linked_count.get(i, 0)
            longest[p] = max(longest.get(p, 0), longest[i])
            if i in listy or tags[i] in _LIST_TAGS:
                listy.add(p)

    boxes: list[tuple[int, int]] = []  # element ranges, in document order
    for region in starts:
        limit = BOX_MAX_SHARE * chars.get(region, 0)
        list_end = -1  # end of the list or table being read
        i = region + 1
        while i < end[region]:
            n = count.get(i, 0)
            if not n:
                i = end[i]  # no text below
                continue
            if tags[i] in _LIST_TAGS and i >= list_end:
                list_end = end[i]
            if chars[i] <= limit and (
                _link_box(n, chars[i], linked[i], linked_count.get(i, 0), longest[i])
                or (i >= list_end and i not in listy and tags[i] not in _LIST_TAGS
                    and _label_cluster(n, chars[i], longest[i]))
            ):
                boxes.append((i, end[i]))
                i = end[i]
            else:
                i += 1

    out: set[int] = set()
    box_starts = [s for s, _e in boxes]
    media = page.after_media
    captions: list[int] = []
    started = False  # a paragraph of the story seen (a lead line under the top picture is not a credit)
    for k, b in enumerate(inside):
        text, node, _link, _chrome = blocks[b]
        at = bisect.bisect_right(box_starts, node) - 1
        if at >= 0 and node < boxes[at][1]:
            out.add(b)
            # the short line that introduces the box ("More on this:")
            if k and _lead_in(blocks[inside[k - 1]], boxes[at][0], end):
                out.add(inside[k - 1])
        elif b in media and _caption(text, node, media[b], tags, parent, started):
            captions.append(b)
        started = started or len(text) >= STORY_CHARS
    # a photo story (a line under each picture) is all captions: then they are the story
    if captions and sum(len(blocks[b].text) for b in captions) <= MAX_CAPTION_SHARE * sum(
        len(blocks[b].text) for b in inside
    ):
        out.update(captions)
    return out


def _caption(text: str, node: int, holder: int, tags: list[str], parent: list[int],
             started: bool) -> bool:
    """A credit or caption line under a picture: in the picture's own element, or a
    short credit in the next one once the story has begun."""
    if tags[node] in _HEADINGS or not _is_line(text, MAX_LINE_CHARS):
        return False
    if node == holder or parent[node] == holder:
        return True
    return started and (len(text) <= MAX_CREDIT_CHARS or "©" in text)


def _link_box(n: int, size: int, linked: int, linked_blocks: int, longest: int) -> bool:
    return (
        n >= LINK_BOX_MIN_BLOCKS
        and linked_blocks >= LINK_BOX_LINKED_BLOCKS * n
        and linked >= LINK_BOX_LINK_SHARE * size
        and longest <= LINK_BOX_MAX_BLOCK
    )


def _label_cluster(n: int, size: int, longest: int) -> bool:
    return n >= LABEL_MIN_BLOCKS and longest <= LABEL_MAX_CHARS and size <= LABEL_MEAN_CHARS * n


def _lead_in(block: tuple[str, int, int, tuple[int, ...]], box: int, end: list[int]) -> bool:
    text, node, _link, _chrome = block
    return not (box <= node < end[box]) and _is_line(text, MAX_LEAD_IN_CHARS)
