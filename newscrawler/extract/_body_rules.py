"""Constant tables for :mod:`newscrawler.extract.body` (kept apart so the algorithm reads short)."""

from __future__ import annotations

import re

# Never text of the story: code, embedded media, form controls, document head.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "video", "audio", "map", "select", "option", "optgroup",
        "button", "input", "textarea", "head", "title", "meta", "link", "base",
        "source", "track", "picture", "img", "dialog", "datalist", "output", "progress",
        "meter",
    }
)  # fmt: skip

# Skipped tags whose place matters: the short line right after one is a credit or caption.
MEDIA_TAGS = frozenset({"img", "picture", "video", "iframe"})

# Text-level tags: their text continues the surrounding block.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del",
        "dfn", "em", "font", "i", "ins", "kbd", "mark", "nobr", "q", "rp", "rt", "ruby",
        "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
        "u", "var", "wbr", "label",
    }
)  # fmt: skip

# Semantic elements that hold page chrome rather than story text.
BOILERPLATE_TAGS = frozenset(
    {"nav", "aside", "footer", "header", "figure", "figcaption", "form", "menu", "address"}
)

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Blocks that vote for the content region: prose containers, not list items or headings.
BLOCK_SCORE_TAGS = frozenset(
    {"p", "div", "pre", "td", "blockquote", "section", "article", "main", "dd", "center", "font"}
)

HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# class/id words of page chrome. Strong ones mark boilerplate even on an element that
# also looks like content ("article-share", "post-comments"); long words match
# anywhere ("articleShareBar"), short ones only as a dash/underscore-delimited part.
_STRONG_WORDS = (
    "comment", "share", "sharing", "social", "related", "recommend", "promo",
    "newsletter", "subscri", "signup", "sign-up", "cookie", "consent", "gdpr",
    "footer", "advert", "sponsor", "breadcrumb", "byline", "caption", "outbrain",
    "taboola", "popup", "modal", "disqus", "dateline", "timestamp", "navbar",
    "navigation", "skip-link", "trending", "most-read", "mostread", "login",
    "copyright", "disclaimer", "tooltip", "read-more", "readmore", "more-stories",
    "also-read", "inline-ad", "dfp-",
)  # fmt: skip
_STRONG_PARTS = ("ad", "ads", "adv", "adslot", "nav", "tags", "tag")
# Weak ones are also layout words of big wrappers ("content-with-sidebar"), so an
# element that has a content hint too is not marked.
_WEAK_WORDS = (
    "sidebar", "widget", "masthead", "toolbar", "pagination", "pager", "author",
    "menu", "banner", "header", "popular", "teaser", "topics", "keywords", "credit",
)  # fmt: skip
_WEAK_PARTS = (
    "meta", "tools", "date", "time", "aside", "print", "rail", "more", "links", "extra",
    "info", "label", "source", "photo", "image", "img", "gallery",
)  # fmt: skip
# Whole class tokens of elements hidden by CSS frameworks ("hidden-xs" is not hidden).
HIDDEN_CLASSES = frozenset(
    {"hidden", "hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
     "d-none", "invisible", "is-hidden", "u-hidden"}
)  # fmt: skip


def _alternation(words: tuple[str, ...], parts: tuple[str, ...]) -> re.Pattern[str]:
    anywhere = "|".join(re.escape(w) for w in words)
    delimited = "|".join(parts)
    return re.compile(rf"{anywhere}|(?<![a-z0-9])(?:{delimited})(?![a-z0-9])")


STRONG_NEGATIVE_RE = _alternation(_STRONG_WORDS, _STRONG_PARTS)
WEAK_NEGATIVE_RE = _alternation(_WEAK_WORDS, _WEAK_PARTS)

POSITIVE_RE = re.compile(
    r"article|story|body|content|entry|post|text|main|blog|prose|paragraph|copy"
)

# Short stubs left between paragraphs by ads and teasers.
STUB_RE = re.compile(
    r"(?i)^\W*(?:advertisements?|adverts?|advertising|advertorial|ads?|sponsored|anzeige|werbung|"
    r"publicit[éy]|publicidad|pubblicit[àa]|реклама|read more|continue reading|"
    r"read the full (?:story|article)|see also|also read|related(?: articles?| stories)?|"
    r"more on this|(?:like this (?:story|article)\W+)?share (?:this|it)\b.*|share(?: this)?(?: article| story)?|story continues below|"
    r"article continues below|scroll to continue|click here|subscribe(?: now)?)\W*$"
)

# Lines that date or sign a story ("05/10/2018 14:02", "By Jane Doe"), dropped above it.
_NUMERIC_DATE = r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
NUMERIC_DATE_RE = re.compile(_NUMERIC_DATE)
DATE_RE = re.compile(
    _NUMERIC_DATE
    + r"|\b\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}\b"  # 22 de enero de 2019
    r"|\b[^\W\d_]{3,}\.?\s+\d{1,2},\s+\d{4}\b"  # Nov. 19, 2019
)
BYLINE_RE = re.compile(
    r"(?i)^(?:posted |written |published |publicado |publié |pubblicato )?"
    r"(?:by|von|par|por|di|door|av|af|от|автор)\b"
)
# Notices shown when scripts do not run ("This slideshow requires JavaScript").
