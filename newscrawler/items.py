"""The one item newscrawler exports: each field here is a key of every JSONL line.

The JSON Schema in ``newscrawler/schema/article.schema.json`` describes the
same fields for readers of the export; ``tests/test_schema.py`` keeps the two
in step.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime

from newscrawler.evidence import PageEvidence


@dataclass
class Article:
    """A cleaned news story.

    Dates are ISO 8601 strings exactly as precise as the page: with the UTC
    offset the page gives, without one when it gives none, date-only when it
    gives no time, and ``None`` when it says nothing (never the crawl time).
    """

    url: str
    """The fetched URL, after redirects."""
    canonical_url: str
    """``<link rel=canonical>``/``og:url`` (else ``url``) without tracking parameters."""
    id: str
    """Stable fingerprint of ``canonical_url``."""
    source: str | None = None
    """Publisher name (``og:site_name``, JSON-LD publisher, else the host)."""
    title: str | None = None
    subtitle: str | None = None
    """JSON-LD ``alternativeHeadline`` or ``description``, else the meta description (as before
    ``description`` existed; kept for readers of earlier exports)."""
    description: str | None = None
    """The standfirst (dek) printed under the headline, else ``og:description``/JSON-LD
    ``description`` when that is not the story's first paragraph; never repeated in ``body``."""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    dateline: str | None = None
    """City and date as printed before the story, e.g. ``PALO ALTO, Calif., April 25, 2016``."""
    language: str | None = None
    """ISO 639-1 code."""
    body: str = ""
    """Clean story text, paragraphs separated by one blank line."""
    release_id: str | None = None
    """A wire's own id of the release, from its URL (PR Newswire's 9 digits, AP's 32 hex, ...)."""
    issuer: str | None = None
    """Who issued a press release (PR Newswire ``SOURCE`` line, GlobeNewswire source,
    MENAFN provider, the company Business Wire's lead sentence names)."""
    tickers: list[str] = field(default_factory=list)
    """``EXCHANGE:SYMBOL`` pairs named in the release, e.g. ``NASDAQ:ABCD``."""
    about: str | None = None
    """The release's "About <Company>" block(s), kept out of ``body``."""
    contacts: str | None = None
    """The release's contacts block, kept out of ``body``."""
    credits: str | None = None
    """AP contributor credits after the ``___`` separator, kept out of ``body``."""
    safe_harbor: str | None = None
    """Forward-looking-statement (safe-harbor) paragraphs of a release, kept out of ``body``."""
    http_status: int = 200
    fetched_at: datetime | None = None
    """When the page was fetched (UTC)."""
    flags: list[str] = field(default_factory=list)
    """What cleaning did or noticed, e.g. ``repeated_paragraphs_removed``."""
    cluster_id: str | None = None
    """Shared by every copy of one story, across sites and runs (the first copy's ``id``)."""
    duplicate_of: dict[str, str] | None = None
    """``{"id", "url"}`` of the copy exported first, when ``DUPLICATES_POLICY = "mark"``."""
    version: int = 1
    """1 for a story's first export; an earlier export whose text changed materially is
    exported again with the next number (and its ``modified`` date)."""
    archive: dict[str, str | int] | None = None
    """``{"file", "offset"}``: the WARC file and record the story was read from
    (``scrapy crawl warc``/``ccnews``); ``None`` for a live fetch."""

    evidence: PageEvidence | None = field(default=None, repr=False, compare=False,
                                          metadata={"exported": False})
    """What the parser saw of the page (status, redirects, blocks, headings, hints), for the
    cleaning stages; never exported."""


EXPORT_FIELDS: list[str] = [f.name for f in fields(Article) if f.metadata.get("exported", True)]
"""The JSONL keys, in order (``FEED_EXPORT_FIELDS``)."""
