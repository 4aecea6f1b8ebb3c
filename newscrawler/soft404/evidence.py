"""Evidence about one page, from plain values and what was read off its tree (no Scrapy here).

Cheapest first: status and redirects, markup markers, bot-wall markers, error
phrases weighted by where they stand, then the text blocks that the residual
computation in :mod:`newscrawler.soft404.classify` subtracts from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

from newscrawler.evidence import PageEvidence
from newscrawler.soft404.botwall import detect_botwall
from newscrawler.soft404.pageblocks import block_key, url_masks
from newscrawler.soft404.phrases import NO_HITS, is_exclamation, phrase_hits, title_coverage
from newscrawler.soft404.redirects import redirect_kind
from newscrawler.soft404.rules import Rules, default_rules, normalize
from newscrawler.soft404.tree import TreeReading, read_tree
from newscrawler.soft404.words import story_words
from newscrawler.utils.bounds import cut, window

# How many page blocks above the story a banner is looked for in.
BANNER_SEARCH_BLOCKS = 12
# Characters of a <title> or <h1>, and how many <h1>s, the phrase search reads.
HEADLINE_CHARS = 1_000
MAX_HEADLINES = 20
_SENTENCE_END = re.compile(r"(?<=[.!?؟।])\s+|(?<=[。！？])")


@dataclass
class Evidence:
    """Everything the classifier looks at, computed once per page."""

    url: str
    status: int
    title: str | None = None
    blocks: list[str] = field(default_factory=list)
    """The story extractor's blocks (what would be exported)."""
    page_blocks: list[str] = field(default_factory=list)
    """Every visible block of the page, chrome included."""
    masks: tuple[str, ...] = ()
    redirect: str | None = None
    redirect_target: str | None = None
    vendor: str | None = None
    vendor_markers: list[str] = field(default_factory=list)
    framework: list[str] = field(default_factory=list)
    title_phrases: tuple[str, ...] = ()
    title_coverage: float = 0.0
    h1_phrases: tuple[str, ...] = ()
    banner_page_blocks: list[int] = field(default_factory=list)
    """Indexes into ``page_blocks`` of error blocks standing before the story."""
    error_blocks: dict[int, bool] = field(default_factory=dict)
    """Index into ``blocks`` -> True for strong error blocks, False for helper-only ones."""
    h1s: list[str] = field(default_factory=list)
    noindex: bool = False
    canonical_root: bool = False
    deep_url: bool = True
    bounded: bool = False
    """Only a window of a big page was read (:mod:`newscrawler.utils.bounds`)."""

    @property
    def strong_phrase(self) -> bool:
        return bool(self.title_phrases or self.h1_phrases or self.banner_page_blocks
                    or any(self.error_blocks.values()))


def page_evidence(
    *,
    url: str,
    status: int,
    root: etree._Element | None = None,
    tree: TreeReading | None = None,
    blocks: Sequence[str],
    title: str | None,
    h1s: Iterable[str] = (),
    html_sample: str = "",
    headers: Mapping[str, Sequence[str]] | None = None,
    redirect_urls: Sequence[str] = (),
    location: str | None = None,
    meta_robots: str | None = None,
    canonical: str | None = None,
    rules: Rules | None = None,
) -> Evidence:
    """Gather the evidence of one fetched page from plain values and the tree (or its reading)."""
    rules = rules or default_rules()
    if tree is None:
        if root is None:
            raise TypeError("page_evidence needs the parsed tree or its reading")
        tree = read_tree(root, blocks, rules)
    headers = headers or {}
    source = redirect_urls[0] if redirect_urls else url
    # a big page is judged on its first blocks: the verdict needs a few hundred words
    story, bounded = window(blocks)
    # a headline is a line: a 15 MB <title> or <h1> is read as far as a long one goes
    if title is not None and len(title) > HEADLINE_CHARS:
        title, bounded = cut(title, HEADLINE_CHARS), True
    h1s = [cut(h, HEADLINE_CHARS) for h in islice(h1s, MAX_HEADLINES)]
    ev = Evidence(url=url, status=status, title=title, blocks=story, bounded=bounded)
    ev.deep_url = bool(urlsplit(source).path.strip("/"))
    ev.masks = url_masks(source) + (url_masks(url) if url != source else ())
    # S1: where a redirect went (a 3xx handed through, or a chain that was followed)
    target = location if 300 <= status < 400 else (url if redirect_urls else None)
    if target:
        ev.redirect_target = target
        ev.redirect = redirect_kind(source, target, rules)
    # S9: bot walls
    ev.vendor, ev.vendor_markers = detect_botwall(status, title, html_sample, headers)
    # S3: markup markers
    if meta_robots and "noindex" in meta_robots.lower():
        ev.noindex = True
    if canonical and ev.deep_url:
        parts = urlsplit(canonical)
        ev.canonical_root = parts.scheme in ("http", "https", "") and not parts.path.strip("/")
    # S4: phrases by position
    ev.title_coverage, phrases = title_coverage(title)
    if ev.title_coverage >= rules.title_coverage:
        ev.title_phrases = phrases
    ev.h1s = list(h1s)
    for h1 in ev.h1s:
        cov, found = title_coverage(h1)
        if cov >= rules.title_coverage:
            ev.h1_phrases = found
            break
    ev.page_blocks = list(tree.page_blocks)
    ev.bounded = ev.bounded or tree.bounded
    _find_error_blocks(ev, rules, banners=not tree.bounded)
    ev.framework = list(tree.framework)
    if not ev.framework and rules.framework_texts:
        head = " ".join(normalize(b) for b in ev.page_blocks[:40])
        ev.framework = [f"text:{t}" for t in rules.framework_texts if t in head][:1]
    return ev


def evidence_from_page(page: PageEvidence, rules: Rules | None = None) -> Evidence:
    """The soft-404 evidence of the page the parser described (``item.evidence``)."""
    ev = page_evidence(
        url=page.url,
        status=page.status,
        tree=TreeReading(page.page_blocks, page.page_blocks_bounded, page.framework),
        blocks=page.blocks,
        title=page.title,
        h1s=page.h1s,
        html_sample=page.html_sample,
        headers=page.headers,
        redirect_urls=page.redirect_urls,
        location=page.location,
        meta_robots=page.meta_robots,
        canonical=page.canonical,
        rules=rules,
    )
    if info := page.redirect:
        ev.redirect, ev.redirect_target = info["kind"], info["target"]
    return ev


def _block_error(text: str, lead: bool, rules: Rules) -> bool | None:
    """True: an error block; False: a helper line of an error template; None: neither."""
    words = story_words(text)
    if words > rules.max_banner_block_words:
        return None
    if is_exclamation(text):
        return True
    hits = phrase_hits(text)
    if not hits.any:
        return None
    threshold = rules.block_coverage if lead else rules.deep_block_coverage
    if hits.strong and hits.coverage >= threshold:
        return True
    if hits.strong and lead and words <= 25 and hits.helper:
        return True
    if hits.strong and lead:
        # "This story is no longer available. <why, in the site's words>": the notice leads
        first = _SENTENCE_END.split(text, maxsplit=1)[0]
        first_hits = phrase_hits(first) if first != text else NO_HITS
        if first_hits.strong and first_hits.coverage >= rules.block_coverage:
            return True
    if hits.coverage >= threshold:
        return False
    return None


def _find_error_blocks(ev: Evidence, rules: Rules, *, banners: bool = True) -> None:
    story_starts = {b[:40] for b in ev.blocks}
    for index, text in enumerate(ev.blocks):
        kind = _block_error(text, index < rules.lead_blocks, rules)
        if kind is not None:
            ev.error_blocks[index] = kind
    if not banners:  # the walk stopped before the story: what stands above it is unknown
        return
    # banners the extractor left out: error blocks before the story's first block
    first_story = next(
        (i for i, b in enumerate(ev.page_blocks) if b[:40] in story_starts), len(ev.page_blocks)
    )
    title_key = block_key(ev.title or "")
    # a banner stands right above the story, not among the navigation further up
    for index in range(max(0, first_story - BANNER_SEARCH_BLOCKS), first_story):
        text = ev.page_blocks[index]
        if block_key(text) == title_key or story_words(text) > rules.max_banner_block_words:
            continue
        if _block_error(text, True, rules):
            ev.banner_page_blocks.append(index)
