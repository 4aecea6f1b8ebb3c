"""Evidence about one page, from plain values and its lxml tree (no Scrapy here).

Cheapest first: status and redirects, markup markers, bot-wall markers, error
phrases weighted by where they stand, then the text blocks that the residual
computation in :mod:`newscrawler.soft404.classify` subtracts from.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import unquote, urlsplit

from lxml import etree

from newscrawler.extract.blocks import Profile, block_root, walk_blocks
from newscrawler.soft404.rules import Rules, bare, botwalls, default_rules, lexicon, normalize
from newscrawler.utils.bounds import WINDOW_BLOCK_CHARS, WINDOW_BLOCKS, cut, short_cache, window
from newscrawler.utils.urls import url_kind

_CJK_CHARS = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_WORDS = re.compile(r"[^\W\d_]+|\d+")
_DIGITS = re.compile(r"\d+")
QUOTE_CHARS = frozenset("'\"«»„“”‚‘’「」『』")
TITLE_SEPARATORS = re.compile(r"\s(?:\||-|–|—|::|»|·)\s")
HTML_SAMPLE_CHARS = 64 * 1024
# Bot walls are small pages: at status 200, larger pages are not searched for markers.
SMALL_PAGE_CHARS = 32 * 1024
# How many page blocks above the story a banner is looked for in.
BANNER_SEARCH_BLOCKS = 12
# Characters of a <title> or <h1>, and how many <h1>s, the phrase search reads.
HEADLINE_CHARS = 1_000
MAX_HEADLINES = 20
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")

# Tags that end a text block; everything else is inline (chrome and banners are kept).
_PROFILE = Profile(
    skip=frozenset(["script", "style", "noscript", "template", "svg", "head", "iframe", "select",
                    "option"]),
    blocks=frozenset(["address", "article", "aside", "blockquote", "body", "br", "dd", "details",
                      "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
                      "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
                      "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr",
                      "ul", "button", "label"]),
)


@short_cache(maxsize=8192)
def story_words(text: str) -> int:
    """Words of prose; Chinese and Japanese have no spaces, so two characters count as one."""
    cjk = len(_CJK_CHARS.findall(text))
    if not cjk:
        return len(_WORDS.findall(text))
    return len(_WORDS.findall(_CJK_CHARS.sub(" ", text))) + (cjk + 1) // 2


# --- phrases ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PhraseHits:
    coverage: float
    """Share of the text's characters inside a matched phrase (strong or helper)."""
    strong: tuple[str, ...]
    helper: int

    @property
    def any(self) -> bool:
        return bool(self.strong or self.helper)


_NO_HITS = PhraseHits(0.0, (), 0)


def phrase_hits(text: str) -> PhraseHits:
    """Error phrases in ``text``; a phrase inside quotes is a mention, not an error message.

    >>> phrase_hits("Page not found").coverage
    1.0
    >>> phrase_hits('Why "page not found" costs shops money').strong
    ()
    """
    norm = normalize(text)
    if not norm:
        return _NO_HITS
    lex = lexicon()
    strong: list[str] = []
    covered = 0
    for match in lex.strong.finditer(norm):
        if _quoted(norm, match.start(), match.end()):
            continue
        strong.append(match.group(0))
        covered += match.end() - match.start()
    helper = 0
    for match in lex.helper.finditer(norm):
        helper += 1
        covered += match.end() - match.start()
    if not strong and not helper:
        return _NO_HITS
    return PhraseHits(min(1.0, covered / len(norm)), tuple(strong), helper)


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before in QUOTE_CHARS and after in QUOTE_CHARS and before != "" and after != ""


def is_exclamation(text: str) -> bool:
    """A block that is nothing but "Sorry!! Error!", "Oops!", "404", "¡Vaya! ¡Error!"..."""
    words = bare(text)
    exclamations = lexicon().exclamations
    if words in exclamations:
        return True
    parts = words.split()
    return 2 <= len(parts) <= 4 and all(p in exclamations for p in parts)


def title_coverage(title: str | None) -> tuple[float, tuple[str, ...]]:
    """How much of the best title segment (site names are split off) is an error phrase."""
    if not title:
        return 0.0, ()
    best = (0.0, ())
    for segment in TITLE_SEPARATORS.split(title):
        if not segment.strip():
            continue
        if is_exclamation(segment) and bare(segment) not in ("error", "gone"):
            return 1.0, (bare(segment),)
        hits = phrase_hits(segment)
        if hits.strong and hits.coverage > best[0]:
            best = (hits.coverage, hits.strong)
    return best


# --- blocks -------------------------------------------------------------------------------
def page_blocks(root: etree._Element, stop_at: Container[str] = ()) -> list[str]:
    """The visible text of the page's ``<body>`` cut at block tags, in document order.

    Unlike the story extractor this keeps everything (chrome, banners, error
    templates): it is what a probe page is compared with. With ``stop_at`` (first
    40 characters of blocks) the walk ends at the first such block, included.
    At most ``WINDOW_BLOCKS`` blocks of at most ``WINDOW_BLOCK_CHARS`` are read.
    """
    return read_page_blocks(root, stop_at)[0]


def read_page_blocks(
    root: etree._Element, stop_at: Container[str] = (), max_blocks: int = WINDOW_BLOCKS,
) -> tuple[list[str], bool]:
    """:func:`page_blocks`, and whether the walk stopped at the bound before the page's end."""
    page = walk_blocks(block_root(root), _PROFILE, stop_at=stop_at, max_blocks=max_blocks,
                       max_chars=WINDOW_BLOCK_CHARS)
    return page.texts, page.bounded


def url_masks(url: str) -> tuple[str, ...]:
    """Forms of the URL an error page may echo, longest first, normalised."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    last = path.rstrip("/").rsplit("/", 1)[-1]
    stem = last.rsplit(".", 1)[0]
    masks = {normalize(url), normalize(path), normalize(last), normalize(stem),
             normalize(stem.replace("-", " ").replace("_", " "))}
    return tuple(sorted((m for m in masks if len(m) >= 6), key=len, reverse=True))


def block_key(text: str, masks: Sequence[str] = ()) -> str:
    """Comparable form of a block: normalised, the page's own URL masked, digits zeroed."""
    norm = normalize(text)
    for mask in masks:
        if mask in norm:
            norm = norm.replace(mask, "<url>")
    return _DIGITS.sub("0", norm)


# --- bot walls ----------------------------------------------------------------------------
def detect_botwall(
    status: int,
    title: str | None,
    html_sample: str,
    headers: Mapping[str, Sequence[str]],
) -> tuple[str | None, list[str]]:
    """``(vendor, markers)``: ``("cloudflare", [...])``, ``("unknown", [...])`` or ``(None, [])``.

    A vendor is named on a strong marker (a challenge title, a challenge script, a
    mitigation header), or on weak ones when the status is a challenge status.
    """
    walls = botwalls()
    challenge = status in walls.challenge_statuses
    if not challenge and len(html_sample) > SMALL_PAGE_CHARS:
        return None, []  # walls are small pages; a full article at 200 is read no further
    text = html_sample[:HTML_SAMPLE_CHARS].lower()
    norm_title = normalize(title or "")
    cookies = " ".join(headers.get("set-cookie", ())).lower()
    best: tuple[int, str | None, list[str]] = (0, None, [])
    for vendor in walls.vendors:
        strong = [f"title:{t}" for t in vendor.titles if norm_title == t]
        strong += [f"html:{m}" for m in vendor.strong if m in text]
        strong += [f"header:{h}" for h, v in vendor.headers.items()
                   if any(v in x.lower() for x in headers.get(h, ()))]
        weak = [f"html:{m}" for m in vendor.weak if m in text]
        weak += [f"header:{h}" for h, v in vendor.weak_headers.items()
                 if any(v in x.lower() for x in headers.get(h, ()))]
        weak += [f"cookie:{c}" for c in vendor.cookies if f"{c}" in cookies]
        score = 2 * len(strong) + len(weak)
        named = (strong and (challenge or len(strong) >= 2 or weak)) or (challenge and len(weak) >= 2)
        if named and score > best[0]:
            best = (score, vendor.name, strong + weak)
    if best[1] is not None:
        return best[1], best[2]
    if challenge or status == 200:
        generic = [f"title:{norm_title}"] if norm_title in walls.generic_titles else []
        generic += [f"html:{p}" for p in walls.generic_phrases if p in text]
        if generic and (challenge or len(generic) >= 2):
            return "unknown", generic
    return None, []


# --- redirects ----------------------------------------------------------------------------
def redirect_kind(source: str, target: str, rules: Rules | None = None) -> str | None:
    """``"root"``, ``"listing"`` or ``"login"`` when a story URL lands somewhere that is no story.

    >>> redirect_kind("https://w.example/news/2025/04/10/ipo-withdrawn.html", "https://w.example/")
    'root'
    >>> redirect_kind("http://a.example/story", "https://a.example/story/") is None
    True
    """
    rules = rules or default_rules()
    src, dst = urlsplit(source), urlsplit(target)
    src_path = src.path.strip("/")
    if not src_path:
        return None
    dst_path = dst.path.strip("/").lower()
    if not dst_path and not dst.query:
        return "root"
    words = set(re.split(r"[/._?=&-]+", dst_path + "/" + dst.query.lower()))
    if words & rules.login_path_words:
        return "login"
    target_kind = url_kind(target)
    if url_kind(source) == "listing":
        return None
    if target_kind == "listing":
        return "listing"
    # a much shorter path: a story sent to its section front ("Bestiary" rule)
    if target_kind != "article" and dst_path.count("/") < 1 <= src_path.count("/"):
        return "listing"
    return None


# --- the evidence -------------------------------------------------------------------------
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


@dataclass(frozen=True, slots=True)
class TreeReading:
    """What the evidence needs from the parsed tree, read while the parser holds it."""

    page_blocks: tuple[str, ...]
    bounded: bool
    framework: tuple[str, ...]


def read_tree(root: etree._Element, blocks: Sequence[str], rules: Rules | None = None
              ) -> TreeReading:
    """The page's blocks up to where the story starts, and its error-template markers."""
    rules = rules or default_rules()
    story, _ = window(blocks)
    # the page up to where the story starts: banners stand there
    page_blocks, cut_short = read_page_blocks(root, stop_at={b[:40] for b in story})
    # element classes only on short pages (the scan reads every element)
    short = sum(story_words(b) for b in story) < rules.probe_below_words
    return TreeReading(tuple(page_blocks), cut_short,
                       tuple(framework_markers(root, rules, elements=short)))


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
        first_hits = phrase_hits(first) if first != text else _NO_HITS
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


_BODY_CLASS = etree.XPath("string(//body/@class)")
_HTML_ID = etree.XPath("string(/html/@id)")


_WITH_CLASS = etree.XPath("//*[@class]")


def framework_markers(root: etree._Element, rules: Rules, *, elements: bool = True) -> list[str]:
    """WordPress ``body.error404``, Next.js ``__next_error__`` and their kin."""
    found = []
    classes = set(str(_BODY_CLASS(root)).split())
    found += [f"body_class:{c}" for c in sorted(classes & rules.body_classes)]
    html_id = str(_HTML_ID(root))
    if html_id in rules.html_ids:
        found.append(f"html_id:{html_id}")
    if elements and rules.element_classes:
        # one pass over the class attributes: a substring test first, the tokens after
        for el in _WITH_CLASS(root):
            value = str(el.get("class", ""))
            if not any(c in value for c in rules.element_classes):
                continue
            tokens = set(value.split()) & rules.element_classes
            found += [f"element_class:{c}" for c in sorted(tokens)]
            if tokens:
                break
    return found
