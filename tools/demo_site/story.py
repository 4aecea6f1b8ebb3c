"""The record of one demo story, and the legal disclaimer some stories print.

Every company, person and event here is invented.  The renderers turn these records into
``site/`` and the manifest derives its ground truth from them, so the two cannot drift.

Body blocks: a ``str`` is a story paragraph (``<p>``); ``("h2", text)`` a sub-heading;
``("ul", [items])`` a bullet list; ``("ad",)`` an advertisement slot; ``("figure", caption)`` a
lead picture placeholder.  Only ``str`` blocks count as story paragraphs in the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DISCLAIMER = (
    'Legal Disclaimer: Harbour Wire provides this content on an "as is" basis without '
    "warranty of any kind. Harbour Wire is not responsible for the accuracy, content, images, "
    "videos, licenses, completeness, legality or reliability of the information in this "
    "release. If you have any complaints or copyright issues related to this article, kindly "
    "contact the provider above."
)


@dataclass
class Story:
    path: str
    title: str
    template: str  # release | article | divs | gnw | menafn
    meta: str  # jsonld | jsonld_graph | jsonld_authors | jsonld_gnw | og | meta_date | time | visible | none
    published: str | None  # what a correct parser outputs (manifest value)
    body: list[Any]
    kind: str = "story"
    dek: str | None = None
    published_raw: str | None = None  # string as printed in the page markup, if different
    modified: str | None = None
    display_date: str | None = None  # human-readable date shown on the page / listings
    lang: str = "en"
    section: str = "markets"
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source: str | None = None  # "News provided by" company for press releases
    dateline: str | None = None
    about: tuple[str, str] | None = None
    contacts: list[str] | None = None
    end_marker: bool = False
    disclaimer: bool = False
    canonical: str | None = "self"  # "self", an explicit href tail, or None for no link
    related: list[str] = field(default_factory=list)
    comments: list[tuple[str, str, str, str]] | None = None  # name, datetime, shown, text
    status: int = 200
    copy_of: str | None = None
    listing_date: str | None = None  # date shown in listing cards (defaults to display_date)
