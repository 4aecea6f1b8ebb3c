"""What the parser hands the cleaning stages about a page: plain values, no response, no tree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PageEvidence:
    """The facts of one page the stages after the parser judge it on.

    Built once by the parser while it holds the parsed tree
    (:func:`newscrawler.parsers.evidence.page_evidence_of`), so an item on its way
    through the pipelines keeps neither the response nor the tree alive.
    """

    url: str
    status: int
    headers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Response headers, names lower-cased."""
    html_sample: str = ""
    """The start of the page's text (bot-wall markers are looked for in it)."""
    redirect_urls: tuple[str, ...] = ()
    """The URLs a followed redirect chain went through (Scrapy's ``redirect_urls``)."""
    redirect: Mapping[str, str] | None = None
    """A story redirect handed through by the downloader (``meta.REDIRECT``: kind, target)."""
    location: str | None = None
    """The absolute ``Location`` of a 3xx handed through."""
    title: str | None = None
    h1s: tuple[str, ...] = ()
    meta_robots: str | None = None
    canonical: str | None = None
    """The absolute ``<link rel=canonical>``."""
    blocks: tuple[str, ...] = ()
    """The story extractor's blocks (what would be exported, dateline included)."""
    page_blocks: tuple[str, ...] = ()
    """Every visible block of the page up to the story, chrome and banners included."""
    page_blocks_bounded: bool = False
    """The page-blocks walk stopped at its bound before the story."""
    framework: tuple[str, ...] = ()
    """Error-template markers of the markup (``body_class:error404``...)."""
    hints: Mapping[str, Any] = field(default_factory=dict)
    """What discovery said of the page before it was fetched (feed title, dates...)."""
