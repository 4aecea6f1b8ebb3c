"""Generic article-body extraction from an lxml tree.

The page is read once, depth first, and cut into *text blocks*: maximal runs
of inline text between block-level tags (a ``<p>``, a list item, a heading, the
loose text of a ``<div>``, text split by ``<br><br>``). Every block remembers its
innermost block element, its link text and the boilerplate-looking elements
(``nav``, ``aside``, ``class="share-bar"``...) it sits in. Paragraph-like blocks
(and prose list items) then vote for their ancestors (readability's idea: the
story is the element whose descendants hold the most comma-rich, link-poor
prose; :mod:`~newscrawler.extract.votes`, which sees through wrapper stacks of
divs); a class word only lowers a vote, a boilerplate tag takes it away. The
best element, plus siblings and same-shaped cousins that look like more of the
same story (:mod:`~newscrawler.extract.fragments`), is the content region and
its blocks are filtered for boilerplate that lives inside articles.

Everything is read-only: the tree is never changed, so the same parsed page can
be handed to other extractors afterwards.
"""

from __future__ import annotations

import bisect

import lxml.html

from newscrawler.extract._body_rules import (
    BLOCK_SCORE_TAGS,
    BOILERPLATE_TAGS,
    BYLINE_RE,
    DATE_RE,
    HEADING_TAGS,
    HIDDEN_CLASSES,
    HIDDEN_STYLE_RE,
    INLINE_TAGS,
    MEDIA_TAGS,
    NUMERIC_DATE_RE,
    POSITIVE_RE,
    SKIP_TAGS,
    STRONG_NEGATIVE_RE,
    STUB_RE,
    WEAK_NEGATIVE_RE,
)
from newscrawler.extract.blocks import BlockPage, Profile, block_root, walk_blocks
from newscrawler.extract.boxes import boxed_blocks
from newscrawler.extract.fragments import (
    MAX_FRAGMENT_LINK_DENSITY,
    cut_paragraphs,
    join_fragments,
    story_boundary,
    teaser_regions,
    teasers,
)
from newscrawler.extract.votes import holder_of, is_prose, paragraph_votes
from newscrawler.utils.bounds import short_cache
from newscrawler.utils.text import normalize_space, prose_length, word_count

__all__ = ["extract_body"]

# Blocks whose share of linked text is above this are navigation, not prose.
MAX_KEEP_LINK_DENSITY = 0.5
# Blocks shorter than this may be stubs, a repeated headline or a dateline.
SHORT_BLOCK_CHARS = 120
# "Advertisement", "Read more", "Like this story? Share it with a friend!"
MAX_STUB_CHARS = 60
# A timestamp with at most this many words around it is a metadata line, not prose.
MAX_METADATA_WORDS = 8
_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", '"', "”", "»")
# A boilerplate-looking element holding this share of the page's prose is a wrapper.
WRAPPER_SHARE = 0.5
# ... or this share, for a boilerplate tag: a sidebar <aside> of teaser text can outweigh a
# short story beside it, while an <aside> or <header> misused as the page's wrapper holds
# nearly all of its prose
TAG_WRAPPER_SHARE = 0.75


@short_cache(maxsize=4096)
def _class_signal(attrs: str) -> tuple[bool, float]:
    """(boilerplate, score weight) from an element's class and id, cached per string."""
    low = attrs.lower()
    if HIDDEN_CLASSES.intersection(low.split()):
        return True, 0.5
    strong = STRONG_NEGATIVE_RE.search(low) is not None
    weak = not strong and WEAK_NEGATIVE_RE.search(low) is not None
    positive = POSITIVE_RE.search(low) is not None
    weight = (1.5 if positive else 1.0) * (0.5 if strong or weak else 1.0)
    return strong or (weak and not positive), weight


def _mark(el: lxml.html.HtmlElement, tag: str, attrs: str | None) -> tuple[float, bool]:
    """(score weight, boilerplate-looking) of a block element, from its tag, class, id, role."""
    if attrs is None:  # most elements have no attribute: seven lookups saved per element
        return (1.5 if tag == "article" else 1.0), tag in BOILERPLATE_TAGS
    negative, weight = _class_signal(attrs) if attrs != " " else (False, 1.0)
    if tag == "article" or (el.get("itemprop") or "").lower() == "articlebody":
        weight *= 1.5
    return weight, negative or tag in BOILERPLATE_TAGS or el.get("role") in _BOILER_ROLES


_BOILER_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "dialog", "alert"}
)


def _hidden(el: lxml.html.HtmlElement) -> bool:
    """Elements a browser would not show (their text is not part of the story)."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE_RE.search(style))


_PROFILE = Profile(skip=SKIP_TAGS, inline=INLINE_TAGS, hidden=_hidden, double_br=True,
                   media=MEDIA_TAGS)


def _segment(root: lxml.html.HtmlElement) -> BlockPage:
    return walk_blocks(block_root(root), _PROFILE, mark=_mark)


def extract_body(root: lxml.html.HtmlElement) -> list[str]:
    """Return the story's text blocks (paragraphs, sub-headings, list items) in document order."""
    page = _segment(root)
    n = len(page.parent)
    if not page.blocks:
        return []
    parent = page.parent

    # Text totals per element subtree: all text, linked text, and link-poor prose.
    total = [0] * n
    linked = [0] * n
    prose = [0] * n
    own_blocks = [0] * n
    for text, node, link, _chrome in page.blocks:
        own_blocks[node] += 1
        total[node] += len(text)
        linked[node] += link
        if is_prose(text, link):
            prose[node] += len(text)
    for i in range(n - 1, 0, -1):
        p = parent[i]
        total[p] += total[i]
        linked[p] += linked[i]
        prose[p] += prose[i]

    # A "sidebar"/"header" element that holds most of the prose is a page wrapper.
    flagged = list(page.flagged)
    all_prose = prose[0]
    unflagged: list[int] = []
    if all_prose:
        for i in range(n):
            share = TAG_WRAPPER_SHARE if page.tag[i] in BOILERPLATE_TAGS else WRAPPER_SHARE
            if flagged[i] and prose[i] >= share * all_prose:
                flagged[i] = False
                unflagged.append(i)

    score, held = paragraph_votes(page, flagged, total, own_blocks, _soft_flag)

    best, best_score = -1, 0.0
    final = [0.0] * n
    for i in range(n):
        if score[i] <= 0.0 or (flagged[i] and not _electable(page, i)):
            continue
        density = linked[i] / total[i] if total[i] else 0.0
        final[i] = score[i] * page.weight[i] * (1.0 - density)
        if final[i] > best_score:
            best, best_score = i, final[i]
    if best < 0:
        return []
    for i in unflagged:  # most prose but after the story: a comment thread longer than it
        if i >= page.end[best]:
            flagged[i] = True
    # the story's own containers are not boilerplate, whatever a class word said
    anc = best
    while anc >= 0:
        flagged[anc] = False
        anc = parent[anc]
    best_score_region = best
    best = _join_split_story(page, best, final, total, prose, flagged)
    best = _join_held_lead(page, best, best_score_region, score, held, total, prose)

    regions = _regions(page, best, final[best_score_region], final, total, linked, prose, flagged)
    regions = join_fragments(page, regions, total, linked, prose, flagged)
    regions = teaser_regions(page, regions, total, linked, prose, flagged)
    title_el = root.find("head/title")
    title = normalize_space(title_el.text_content()).lower() if title_el is not None else ""
    return _collect(page, regions, flagged, title, total, prose)


def _soft_flag(page: BlockPage, i: int) -> bool:
    """Flagged for a class/id word (not for its tag, an ARIA role or a hidden-element class)."""
    attrs = page.attrs[i]
    if not attrs or page.tag[i] in BOILERPLATE_TAGS or not _class_signal(attrs)[0]:
        return False
    return not HIDDEN_CLASSES.intersection(attrs.lower().split())


def _electable(page: BlockPage, i: int) -> bool:
    """A flagged element may still be the story when only a layout word flagged it.

    A strong word (comments, related, share...) names what the element holds; a weak one
    (sidebar, rail, header...) often only where it sits.
    """
    return _soft_flag(page, i) and STRONG_NEGATIVE_RE.search(page.attrs[i].lower()) is None


def _depth(parent: list[int], i: int) -> int:
    depth = 0
    while i > 0:
        i = parent[i]
        depth += 1
    return depth


# How far above the best element a second prose cluster may join it, and how strong
# it must be: a story's lead is often cut off from the rest by a photo, video or ad,
# so a weaker cluster before the best one joins; after it, a weak cluster is more
# often an author bio or an "about us" box, so it must be nearly as strong.
MAX_JOIN_LEVELS = 3
JOIN_BEFORE_SHARE = 0.2
JOIN_AFTER_SHARE = 0.5
JOIN_MIN_PROSE_SHARE = 0.6


def _join_split_story(
    page: BlockPage,
    best: int,
    final: list[float],
    total: list[int],
    prose: list[int],
    flagged: list[bool],
) -> int:
    """Climb to the common ancestor when the story is cut in two blocks (ads, embeds)."""
    parent, end = page.parent, page.end
    best_depth = _depth(parent, best)
    story = story_boundary(page, best, prose)  # a second <article> is a different story
    result = best
    cut: tuple[list[int], list[int]] | None = None
    for i in sorted(range(len(final)), key=final.__getitem__, reverse=True)[:8]:
        if final[i] < JOIN_BEFORE_SHARE * final[best]:
            break
        if result <= i < end[result] or i <= result < end[i]:
            continue  # nested in (or around) the region already
        if i > best and final[i] < JOIN_AFTER_SHARE * final[best]:
            continue
        anc = parent[result]
        while anc >= 0 and not (anc <= i < end[anc]):
            anc = parent[anc]
        if anc < 0 or best_depth - _depth(parent, anc) > MAX_JOIN_LEVELS or anc < story:
            continue
        if _inside_flagged(parent, flagged, i, anc, page.tag if i > best else None):
            continue  # prose of a comment thread or a teaser box, not more of the story
        if i > best:
            cut = cut or cut_paragraphs(page)
            if teasers(cut, i):
                continue
        if prose[anc] >= JOIN_MIN_PROSE_SHARE * total[anc]:
            result = anc
    return result


def _join_held_lead(
    page: BlockPage,
    region: int,
    best: int,
    score: list[float],
    held: dict[int, list[tuple[int, float]]],
    total: list[int],
    prose: list[int],
) -> int:
    """Climb to the child of an ancestor whose own paragraphs lead the story to the best one.

    The rest of a story folded in a "read more" box, or set off after a photo, leaves the
    lead as loose paragraphs of an ancestor: they elect no element of their own for
    :func:`_join_split_story` to join, but they vote whole for the ancestor that holds
    them. The region becomes the ancestor's child holding the best element, so that the
    sibling rule of :func:`_regions` takes the lead's paragraphs (not the boxes after it).
    The best element's own parent is left to that rule.
    """
    parent = page.parent
    story = story_boundary(page, best, prose)
    child = parent[best]
    if child < 0:
        return region
    anc, result = parent[child], region
    for _ in range(MAX_JOIN_LEVELS):
        if anc < max(story, 0):
            break
        before = sum(v for node, v in held.get(anc, ()) if node < best)
        if (
            before >= JOIN_BEFORE_SHARE * score[best]
            and prose[anc] >= JOIN_MIN_PROSE_SHARE * total[anc]
            and child < result
        ):
            result = child
        child, anc = anc, parent[anc]
    return result


def _inside_flagged(parent: list[int], flagged: list[bool], i: int, top: int,
                    tag: list[str] | None = None) -> bool:
    """Below ``top``, ``i`` is in a flagged element (or, given ``tag``, in a list item: a
    post of a thread or a teaser card after the story, whatever its class words)."""
    while i > top:
        if flagged[i] or (tag is not None and tag[i] == "li"):
            return True
        i = parent[i]
    return False


def _regions(
    page: BlockPage,
    best: int,
    best_final: float,
    final: list[float],
    total: list[int],
    linked: list[int],
    prose: list[int],
    flagged: list[bool],
) -> list[int]:
    """The best element plus siblings that continue the story (readability's sibling rule)."""
    par = page.parent[best]
    if par < 0:
        return [best]
    threshold = max(10.0, best_final * 0.2)
    siblings = [i for i in range(par + 1, page.end[par]) if page.parent[i] == par]
    keep = []
    gap = False  # a box of text left out since the best: the story has ended
    for i in siblings:
        if i == best:
            keep.append(i)
            continue
        if not total[i]:
            continue
        if flagged[i]:
            if _continues(page, i, best, total, linked, prose, flagged):
                keep.append(i)
            continue
        density = linked[i] / total[i]
        # A loose paragraph next to the story (a lead or summary outside the body div).
        leaf_paragraph = page.end[i] == i + 1 and page.tag[i] in BLOCK_SCORE_TAGS
        # past a left-out box of text (a comment form, a related box) more prose is a
        # comment thread unless nearly as strong as the story
        bar = max(threshold, JOIN_AFTER_SHARE * best_final) if gap else threshold
        if final[i] >= bar or (leaf_paragraph and density < 0.25 and prose[i] >= 80):
            keep.append(i)
        elif i > best and total[i] >= SHORT_BLOCK_CHARS:  # more than a caption line
            gap = True
    return keep


# A sibling flagged by a layout word only ("more-features") is more of the story when it
# repeats the region's items (same tag and class word), is mostly link-poor prose and holds
# at least this share of the region's prose.
CONTINUE_PROSE_SHARE = 0.25


def _continues(
    page: BlockPage,
    i: int,
    best: int,
    total: list[int],
    linked: list[int],
    prose: list[int],
    flagged: list[bool],
) -> bool:
    """A softly flagged sibling that continues the region's list of items or sections."""
    if not _electable(page, i) or i < best:
        return False
    if prose[i] < CONTINUE_PROSE_SHARE * prose[best] or prose[i] < 0.5 * total[i]:
        return False
    if linked[i] > MAX_FRAGMENT_LINK_DENSITY * total[i]:
        return False
    end, tag, attrs = page.end, page.tag, page.attrs
    shapes = {
        (tag[j], word)
        for j in range(best + 1, end[best])
        if prose[j] and attrs[j] and not flagged[j]
        for word in attrs[j].split()
    }
    return any(
        (tag[j], word) in shapes
        for j in range(i + 1, end[i])
        if prose[j] and attrs[j] and not flagged[j] and tag[j] not in BLOCK_SCORE_TAGS
        for word in attrs[j].split()
    )


def _is_metadata(text: str, started: bool) -> bool:
    """Byline/dateline lines: above the story, or a few words around a timestamp anywhere.

    Only numeric stamps count below the first paragraph: a worded date there is
    usually part of the story (the signature line of an embedded post).
    """
    if not started and (BYLINE_RE.match(text) or DATE_RE.search(text)):
        return True
    return (  # cheapest first: the word count is Python, run on every short block
        not text.endswith(_SENTENCE_ENDS)
        and NUMERIC_DATE_RE.search(text) is not None
        and word_count(text) <= MAX_METADATA_WORDS
    )


# A linked sub-heading (a listicle's item titles link to the item) is kept when a
# paragraph of at least this many characters with at most this share of links follows it,
# both in an element holding at least SUBHEADING_STORY_SHARE of the region's text (the
# story's own column, not a teaser card of a heading and its summary).
SUBHEADING_PROSE_CHARS = 80
SUBHEADING_PROSE_LINKS = 0.25
SUBHEADING_STORY_SHARE = 0.5


def _linked_subheading(page: BlockPage, b: int, region_total: int, total: list[int]) -> bool:
    """A linked h2-h6 among the story's paragraphs, followed by one of them."""
    node = page.blocks[b].node
    if page.tag[node] not in HEADING_TAGS or b + 1 >= len(page.blocks):
        return False
    text, after, link, _chrome = page.blocks[b + 1]
    holder = holder_of(page, node, total)  # past wrappers around each (React/CMS divs)
    return (
        holder_of(page, after, total) == holder
        and len(text) >= SUBHEADING_PROSE_CHARS
        and link <= SUBHEADING_PROSE_LINKS * len(text)
        and total[holder] >= SUBHEADING_STORY_SHARE * region_total
    )


def _prose_list(page: BlockPage, node: int, region: int, total: list[int], prose: list[int]) -> bool:
    """A linked item in a list of link-poor prose items is one more item of the story's list."""
    holder = page.parent[node]
    return holder > region and prose[holder] >= PROSE_LIST_SHARE * total[holder]


# A list whose text is at least this share of link-poor prose is a list in the story.
PROSE_LIST_SHARE = 0.5


def _collect(
    page: BlockPage,
    regions: list[int],
    flagged: list[bool],
    title: str,
    total: list[int],
    prose: list[int],
) -> list[str]:
    """Blocks inside the content regions, minus boilerplate nested in them."""
    out: list[str] = []
    kinds: list[int] = []  # heading level (1-6), 0 for other blocks
    tags = page.tag
    ends = page.end
    started = False  # seen a real paragraph yet (metadata lines come before it)
    opened = -1  # the region whose first kept block has been seen
    # regions are siblings in document order, so their blocks come in that order: one pass
    # with a bisect, not a pass over every block per region (10,000 regions of 10,000 blocks)
    starts = sorted(regions)
    boxed = boxed_blocks(page, starts)
    for b, (text, node, link, chrome) in enumerate(page.blocks):
        at = bisect.bisect_right(starts, node) - 1
        if at < 0 or node >= ends[starts[at]] or b in boxed:
            continue
        region = starts[at]
        if any(flagged[f] and f > region for f in chrome):
            continue
        tag = tags[node]
        # a linked heading that opens its region is a teaser's title, not a sub-heading
        if tag == "h1" or (
            link > MAX_KEEP_LINK_DENSITY * len(text)
            and (opened != region or not _linked_subheading(page, b, total[region], total))
            and not (tag == "li" and _prose_list(page, node, region, total, prose))
        ):
            continue
        short = len(text) < SHORT_BLOCK_CHARS
        if short and len(text) < MAX_STUB_CHARS and STUB_RE.match(text):
            continue
        if short and len(text) >= 10 and text.lower() in title:
            continue  # the headline repeated inside the region
        if short and _is_metadata(text, started):
            continue
        started = started or prose_length(text) >= 80
        out.append(text)
        kinds.append(int(tag[1]) if tag in HEADING_TAGS else 0)
        opened = region
    # A sub-heading with no prose after it introduces boilerplate ("Related", "More news").
    # One that opens a deeper sub-section ("Updates" over "Add-ons") is kept with it.
    keep = [not k for k in kinds]
    for i in range(len(out) - 2, -1, -1):
        if kinds[i] and keep[i + 1] and (not kinds[i + 1] or kinds[i + 1] > kinds[i]):
            keep[i] = True
    return [t for t, k in zip(out, keep, strict=True) if k]
