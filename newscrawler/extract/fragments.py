"""A story cut into sibling fragments, found again from the shape of the winning one.

Layouts put each body section in its own stack of wrappers (between photo and ad
boxes, in separate layout rows): the votes elect one stack and the rest of the story
sits in cousins of it with the same wrapper shape (tags and class words, level by
level). Those cousins are joined as extra regions instead of climbing to a common
ancestor, which would also take the boxes between them. The search never crosses an
``<article>`` that holds the story: a second article below it is a different story.
"""

from __future__ import annotations

from newscrawler.extract.blocks import BlockPage
from newscrawler.utils.bounds import short_cache

__all__ = ["cut_paragraphs", "join_fragments", "story_boundary", "teaser_regions", "teasers"]

# How many wrapper levels above a region its cousins are looked for.
MAX_SHAPE_LEVELS = 6
# A fragment must be mostly link-poor prose, like the story it continues.
MIN_FRAGMENT_PROSE_SHARE = 0.5
MAX_FRAGMENT_LINK_DENSITY = 0.25
MAX_LEAD_LINK_DENSITY = 0.5
# A fragment below the story must hold this share of the winning region's prose.
MIN_TAIL_SHARE = 0.15
# Unless the region's shape comes back this many times more (a story in sections or steps).
MIN_SERIES = 2
# Below this much prose the winning region is a teaser in a list of teasers, not a story:
# its article boundary does not stop the join (a section front's teasers are its content).
MIN_STORY_CHARS = 400
# A page of at least this many teaser articles (and no story) is a section front.
MIN_TEASERS = 5
# A teaser's headline links to its story: at least this share of its text is linked.
MIN_TEASER_LINK_SHARE = 0.1
# Cut-off summaries end so ("...", "…", "[…]"): teasers of other stories, in any language.
_CUT_ENDS = ("...", "…", "[…]", "[...]")
# A block this long is a paragraph (or a summary) whose end counts.
CUT_PARAGRAPH_CHARS = 120


def cut_paragraphs(page: BlockPage) -> tuple[list[int], list[int]]:
    """Per element subtree: paragraphs that are cut off, and all paragraphs."""
    n = len(page.parent)
    cut, paragraphs = [0] * n, [0] * n
    for text, node, _link, _chrome in page.blocks:
        if len(text) >= CUT_PARAGRAPH_CHARS:
            paragraphs[node] += 1
            cut[node] += text.endswith(_CUT_ENDS)
    parent = page.parent
    for i in range(n - 1, 0, -1):
        if paragraphs[i]:
            paragraphs[parent[i]] += paragraphs[i]
            cut[parent[i]] += cut[i]
    return cut, paragraphs


def teasers(counts: tuple[list[int], list[int]], i: int) -> bool:
    """Most of the paragraphs under ``i`` are cut off: a box of teasers of other stories."""
    cut, paragraphs = counts
    return cut[i] >= 2 and 2 * cut[i] >= paragraphs[i]


@short_cache(maxsize=4096)
def _tokens(attrs: str) -> frozenset[str]:
    return frozenset(attrs.split())


def _same_shape(page: BlockPage, a: int, b: int) -> bool:
    """Same tag, and a class/id word in common (or neither has one)."""
    if page.tag[a] != page.tag[b]:
        return False
    ta, tb = _tokens(page.attrs[a]), _tokens(page.attrs[b])
    return (not ta and not tb) or bool(ta & tb)


def story_boundary(page: BlockPage, node: int, prose: list[int]) -> int:
    """The nearest ``<article>`` holding ``node`` (-1 when none or it holds a teaser only).

    An ``<article>`` that holds the page's ``<h1>`` is the story however short it is: a brief
    of two sentences, or a Chinese or Japanese story of 300 characters (a character there
    carries what three Latin ones do)."""
    parent, tag = page.parent, page.tag
    i = node
    while i >= 0:
        if tag[i] == "article":
            if prose[i] >= MIN_STORY_CHARS or "h1" in tag[i:page.end[i]]:
                return i
            return -1
        i = parent[i]
    return -1


def join_fragments(
    page: BlockPage,
    regions: list[int],
    total: list[int],
    linked: list[int],
    prose: list[int],
    flagged: list[bool],
) -> list[int]:
    """``regions`` plus cousins of the first region shaped like it (in document order)."""
    parent, end = page.parent, page.end
    best = max(regions, key=prose.__getitem__)
    boundary = story_boundary(page, best, prose)
    found: list[int] = []
    node = best
    path = [best]  # a cousin may sit in fewer wrappers: shaped like any level climbed
    for _ in range(MAX_SHAPE_LEVELS):
        up = parent[node]
        if up < 0 or node == boundary or flagged[up]:
            break
        sib = up + 1
        while sib < end[up]:  # the children of ``up``, each subtree jumped over
            if (
                sib != node
                and not flagged[sib]
                and any(_same_shape(page, sib, level) for level in path)
            ):
                found.extend(_matches(page, sib, best, total, linked, prose, flagged))
            sib = end[sib]
        node = up
        path.append(node)
    if not found:
        return regions
    kept = sorted(set(regions))
    last = kept[-1]
    found = sorted(set(found))
    series = len(found) >= MIN_SERIES  # the shape repeats: sections or steps of one story
    pending: list[int] = []  # right after the story: kept only if more of it follows
    cut: tuple[list[int], list[int]] | None = None
    for frag in found:  # fragments never nest in each other, only maybe in a region
        if any(r <= frag < end[r] or frag <= r < end[frag] for r in regions):
            continue
        if frag > last:
            cut = cut or cut_paragraphs(page)
            if teasers(cut, frag) or teasers(cut, parent[frag]):
                continue  # cut-off summaries below the story: teasers, however shaped
        if frag > last and not series and prose[frag] < MIN_TAIL_SHARE * prose[best]:
            continue  # a closing line below the story (forum invitation, sign-off)
        if frag > last and last not in found and not _cut_off(page, end[last], frag):
            # right after the story with nothing between: an "about us" box, unless
            # another fragment follows it (then it is the next section of the story)
            pending.append(frag)
            last = frag
            continue
        kept.extend(pending)
        pending = []
        kept.append(frag)
        last = max(last, frag)
    return sorted(kept)


def _cut_off(page: BlockPage, start: int, frag: int) -> bool:
    """Some element (a photo, an ad box) sits between ``start`` and the fragment's wrappers."""
    wrappers = 0
    anc = page.parent[frag]
    while anc >= start:
        wrappers += 1
        anc = page.parent[anc]
    return frag - start > wrappers


def _matches(
    page: BlockPage,
    top: int,
    best: int,
    total: list[int],
    linked: list[int],
    prose: list[int],
    flagged: list[bool],
) -> list[int]:
    """Elements under ``top`` shaped like ``best`` and its wrapper, holding link-poor prose.

    Only the region and its wrapper must match, not every level in between: the first
    section of a story often sits in one more layout wrapper (a drop cap, a share rail).
    """
    parent, end = page.parent, page.end
    wrapper = parent[best]
    out: list[int] = []
    el = top + 1
    while el < end[top]:
        if (
            total[el]
            and _same_shape(page, el, best)
            and _same_shape(page, parent[el], wrapper)
            and not _flagged_between(page, el, top, flagged)
        ):
            # a lead above the story links to background stories more than its body does
            links = MAX_LEAD_LINK_DENSITY if el < best else MAX_FRAGMENT_LINK_DENSITY
            if prose[el] >= MIN_FRAGMENT_PROSE_SHARE * total[el] and (
                linked[el] <= links * total[el]
            ):
                out.append(el)
            el = end[el]  # never a fragment nested in another
            continue
        el += 1
    return out


def _flagged_between(page: BlockPage, el: int, top: int, flagged: list[bool]) -> bool:
    while el > top:
        if flagged[el]:
            return True
        el = page.parent[el]
    return False


def teaser_regions(
    page: BlockPage,
    regions: list[int],
    total: list[int],
    linked: list[int],
    prose: list[int],
    flagged: list[bool],
) -> list[int]:
    """On a section front (only teaser ``<article>``s, no headline of a story), all teasers.

    The votes elect one teaser of many; the page's text is the whole list of them. A
    teaser links to its story (its headline): a short story's own article does not.
    """
    tag, end = page.tag, page.end
    teasers: list[int] = []
    i = 0
    n = len(tag)
    while i < n:
        if tag[i] != "article":
            i += 1
            continue
        if prose[i] >= MIN_STORY_CHARS or any(tag[j] == "h1" for j in range(i, end[i])):
            return regions  # a story page, whatever else it lists
        if prose[i] and not _flagged_between(page, i, -1, flagged):
            if linked[i] < MIN_TEASER_LINK_SHARE * total[i]:
                return regions  # an article that links nowhere is not a teaser
            teasers.append(i)
        i = end[i]
    if len(teasers) < MIN_TEASERS:
        return regions
    first = regions[0]
    inside = any(a <= first < end[a] or first <= a < end[first] for a in teasers)
    return teasers if inside else regions
