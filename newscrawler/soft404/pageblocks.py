"""Every visible block of a page (chrome and banners included), and a block's comparable key."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from urllib.parse import unquote, urlsplit

from lxml import etree

from newscrawler.extract.blocks import Profile, block_root, walk_blocks
from newscrawler.soft404.rules import normalize
from newscrawler.utils.bounds import WINDOW_BLOCK_CHARS, WINDOW_BLOCKS

_DIGITS = re.compile(r"\d+")

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
