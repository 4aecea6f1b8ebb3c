"""Boxes left inside a story's region: link lists, label clusters, credit lines.

The content region of a page often still holds things that are not the story:
a "related stories" list or next/previous teaser cards after the last
paragraph, the axis labels and numbers of an inline chart, a photo credit
under a picture, and the short label line ("More news:") that introduces such
a box. They are recognised by how they are built, never by their words (the
pages come in every language):

* a **link box** is an element whose blocks nearly all carry a link and whose
  text is mostly linked: a list of teasers, whatever the items say;
* a **card list** is an element whose children are all short items that begin
  with a link: teaser cards of a linked title and a one-line summary;
* a **label cluster** is an element (not a list or table) of many tiny blocks
  and no sentence: chart labels, a "share / print / comments" strip;
* a **credit line** is a short, sentence-less block that comes right after an
  image;
* a **lead-in** is a short, sentence-less block right before a link box or
  card list ("More on this:").

Lists and tables of short items (ingredients, results) are story content and
are never a label cluster.
"""

from __future__ import annotations

import bisect

from newscrawler.extract.blocks import BlockPage
from newscrawler.utils.bounds import WINDOW_BLOCKS
from newscrawler.utils.text import prose_length

__all__ = ["boxed_blocks"]

# A link box: at least this many blocks, this share of them linked, this share of its text.
LINK_BOX_MIN_BLOCKS = 3
LINK_BOX_LINKED_BLOCKS = 0.5
LINK_BOX_LINK_SHARE = 0.4
# ... and no block longer than this (a paragraph of prose with many links is not a teaser).
LINK_BOX_MAX_BLOCK = 250
# More link boxes than this in one region are the way its text is written.
MAX_LINK_BOXES = 2
# Teaser cards: at least this many children, each at most this long and led by a link.
CARD_MIN_ITEMS = 2
CARD_MAX_CHARS = 300
# A label cluster: this many blocks at least, none longer than LABEL_MAX_CHARS,
# LABEL_MEAN_CHARS on average.
LABEL_MIN_BLOCKS = 4
LABEL_MAX_CHARS = 60
LABEL_MEAN_CHARS = 30
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
MAX_BLOCKS = 5 * WINDOW_BLOCKS
"""Blocks of the story regions past which no box is looked for: a long story has a few
hundred; 150,000 paragraphs of a hostile page are not walked three more times."""
_LIST_TAGS = frozenset({"ul", "ol", "dl", "table", "tbody", "thead", "tr", "li", "dd", "dt",
                        "td", "th"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _is_line(text: str, limit: int) -> bool:
    """A short line that is not a sentence (a credit, a label), in any language."""
    return len(text) <= limit and not text.rstrip().endswith(SENTENCE_ENDS)


class _Stats:
    """Per element of the regions, subtree totals: blocks, linked blocks, characters, linked
    characters, longest block, first block, whether it is or holds a list or table, and how
    many of its children have text and look like teaser cards."""

    __slots__ = ("cards", "chars", "count", "first", "kids", "linked", "linked_count", "listy",
                 "longest", "own")

    def __init__(self) -> None:
        self.count: dict[int, int] = {}
        self.linked_count: dict[int, int] = {}
        self.chars: dict[int, int] = {}
        self.linked: dict[int, int] = {}
        self.longest: dict[int, int] = {}
        self.listy: set[int] = set()
        self.first: dict[int, int] = {}  # first block of the subtree
        self.own: set[int] = set()  # elements with loose text of their own
        self.kids: dict[int, int] = {}  # children with text
        self.cards: dict[int, int] = {}  # children that are teaser cards (see card_list)

    def add(self, b: int, node: int, size: int, link: int) -> None:
        if node not in self.count:
            self.first[node] = b
            self.own.add(node)
        self.count[node] = self.count.get(node, 0) + 1
        self.chars[node] = self.chars.get(node, 0) + size
        self.linked[node] = self.linked.get(node, 0) + link
        if link:
            self.linked_count[node] = self.linked_count.get(node, 0) + 1
        if size > self.longest.get(node, 0):
            self.longest[node] = size

    def sum_up(self, page: BlockPage, region: int) -> None:
        """Subtree totals: children before parents (preorder indexes, walked backwards)."""
        parent, tags, blocks = page.parent, page.tag, page.blocks
        count, chars, linked, linked_count, longest = (
            self.count, self.chars, self.linked, self.linked_count, self.longest)
        for i in range(page.end[region] - 1, region, -1):
            if i not in count:
                continue
            p = parent[i]
            count[p] = count.get(p, 0) + count[i]
            chars[p] = chars.get(p, 0) + chars[i]
            linked[p] = linked.get(p, 0) + linked[i]
            linked_count[p] = linked_count.get(p, 0) + linked_count.get(i, 0)
            longest[p] = max(longest.get(p, 0), longest[i])
            if i in self.listy or tags[i] in _LIST_TAGS:
                self.listy.add(p)
            first = self.first[i]
            if first < self.first.get(p, first + 1):
                self.first[p] = first
            self.kids[p] = self.kids.get(p, 0) + 1
            lead = blocks[first]
            if chars[i] <= CARD_MAX_CHARS and lead.link > 0.5 * len(lead.text):
                self.cards[p] = self.cards.get(p, 0) + 1

    def link_box(self, i: int) -> bool:
        n, size = self.count[i], self.chars[i]
        return (
            n >= LINK_BOX_MIN_BLOCKS
            and self.linked_count.get(i, 0) >= LINK_BOX_LINKED_BLOCKS * n
            and self.linked[i] >= LINK_BOX_LINK_SHARE * size
            and self.longest[i] <= LINK_BOX_MAX_BLOCK
        )

    def card_list(self, i: int) -> bool:
        """Teaser cards: every child a short item led by a link (a linked title, a summary)."""
        kids = self.kids.get(i, 0)
        return kids >= CARD_MIN_ITEMS and self.cards.get(i, 0) == kids and i not in self.own

    def label_cluster(self, i: int) -> bool:
        n = self.count[i]
        return (
            n >= LABEL_MIN_BLOCKS
            and self.longest[i] <= LABEL_MAX_CHARS
            and self.chars[i] <= LABEL_MEAN_CHARS * n
            and i not in self.listy
        )


def _find_boxes(page: BlockPage, starts: list[int], stats: _Stats) -> list[tuple[int, int, bool]]:
    """(start, end, is a link box) of the outermost boxes of the regions, in document order.

    Lists of links that come back more than MAX_LINK_BOXES times in a region, or together
    hold more than BOX_MAX_SHARE of it, are its text (a status report or a link roundup told
    in linked bullet points), not boxes beside it.
    """
    end, tags = page.end, page.tag
    boxes: list[tuple[int, int, bool]] = []
    for region in starts:
        limit = BOX_MAX_SHARE * stats.chars.get(region, 0)
        found: list[tuple[int, int, bool]] = []
        list_end = -1  # end of the list or table being read: no label cluster inside
        i = region + 1
        while i < end[region]:
            if i not in stats.count:
                i = end[i]  # no text below
                continue
            if tags[i] in _LIST_TAGS and i >= list_end:
                list_end = end[i]
            if stats.chars[i] <= limit:
                if stats.link_box(i) or stats.card_list(i):
                    found.append((i, end[i], True))
                    i = end[i]
                    continue
                if i >= list_end and stats.label_cluster(i):
                    found.append((i, end[i], False))
                    i = end[i]
                    continue
            i += 1
        linked = [s for s, _e, links in found if links]
        if len(linked) > MAX_LINK_BOXES or sum(stats.chars[s] for s in linked) > limit:
            found = [box for box in found if not box[2]]
        boxes.extend(found)
    return boxes


def boxed_blocks(page: BlockPage, regions: list[int]) -> set[int]:
    """Indexes into ``page.blocks`` of the region's blocks that belong to boxes."""
    end, blocks = page.end, page.blocks
    starts = sorted(regions)
    inside: list[int] = []  # block indexes inside the regions, in document order
    for b, (_text, node, _link, _chrome) in enumerate(blocks):
        at = bisect.bisect_right(starts, node) - 1
        if at >= 0 and node < end[starts[at]]:
            inside.append(b)
    if not inside or len(inside) > MAX_BLOCKS:
        return set()
    stats = _Stats()
    for b in inside:
        text, node, link, _chrome = blocks[b]
        stats.add(b, node, len(text), link)
    for region in starts:
        stats.sum_up(page, region)
    boxes = _find_boxes(page, starts, stats)

    out: set[int] = set()
    box_starts = [s for s, _e, _links in boxes]
    media = page.after_media
    captions: list[int] = []
    started = False  # a paragraph seen (a lead line under the top picture is no credit)
    for k, b in enumerate(inside):
        text, node, _link, _chrome = blocks[b]
        at = bisect.bisect_right(box_starts, node) - 1
        if at >= 0 and node < boxes[at][1]:
            out.add(b)
            # the short line that introduces a list of links ("More on this:")
            start, stop, links = boxes[at]
            before = blocks[inside[k - 1]] if k else None
            if (
                links
                and before is not None
                and not start <= before.node < stop
                and _is_line(before.text, MAX_LEAD_IN_CHARS)
            ):
                out.add(inside[k - 1])
        elif b in media and _caption(text, node, media[b], page, started):
            captions.append(b)
        started = started or prose_length(text) >= STORY_CHARS
    # a photo story (a line under each picture) is all captions: then they are the story
    caption_chars = sum(len(blocks[b].text) for b in captions)
    if caption_chars and caption_chars <= MAX_CAPTION_SHARE * sum(
        len(blocks[b].text) for b in inside
    ):
        out.update(captions)
    return out


def _caption(text: str, node: int, holder: int, page: BlockPage, started: bool) -> bool:
    """A credit or caption line under a picture: in the picture's own element, or a
    short credit in the next one once the story has begun."""
    if page.tag[node] in _HEADINGS or not _is_line(text, MAX_LINE_CHARS):
        return False
    if node == holder or page.parent[node] == holder:
        return True
    return started and (len(text) <= MAX_CREDIT_CHARS or "©" in text)
