"""Business Wire releases as its open feed carries them (feed-only mode).

``www.businesswire.com`` answers non-browser clients with 403 (Akamai), so the
spider never fetches a release page: each feed ``<item>`` becomes a response of
its own (URL = the item's link without ``feedref``, body = its description) and
this parser reads the fields the feed has: title, ``pubDate``, the ``guid``
(the release id, e.g. ``20250528498236en``) and the excerpt, whose dateline is
``CITY, St.--(BUSINESS WIRE)--`` (hashtags may follow it). The feed names no issuer, so it
is read off the release: the company the lead sentence names before "today announced",
else the "About <Company>" heading, else a company line of the contacts block.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from scrapy.http import HtmlResponse

from newscrawler.parsers.pressrelease import (
    issuer_from_about,
    issuer_from_contacts,
    issuer_from_lead,
)
from newscrawler.parsers.wire import WireParser
from newscrawler.utils.dates import parse_date
from newscrawler.utils.text import clean_inline, split_blocks, split_dateline
from newscrawler.utils.urls import canonicalize

# "--(BUSINESS WIRE)-- #ERP #AI--The company ..." : hashtags between the dateline and the story
_HASHTAGS = re.compile(r"^(?:#\w+[ ]*)+(?:--|—)[ ]?")


class BusinessWireParser(WireParser):
    name = "businesswire"

    release_id_pattern = re.compile(r"/news/home/(\d{14})/")
    guid_pattern = re.compile(r"^\d{14}[a-z]{2}$")

    @classmethod
    def from_feed_entry(cls, link: str, entry: dict[str, Any],
                        fetched_url: str | None = None) -> BusinessWireParser:
        """A parser over one feed item: its description stands in for the page.

        ``fetched_url`` is where the release would have been fetched (the ``base_url``
        mirror when there is one); ``canonical_url`` is always Business Wire's own.
        """
        summary = entry.get("summary") or ""
        body = f"<html><head><title>{escape(entry.get('title') or '')}</title></head>" \
               f"<body><div class=\"bw-feed-item\">{summary}</div></body></html>"
        response = HtmlResponse(url=fetched_url or canonicalize(link), body=body.encode("utf-8"),
                                encoding="utf-8")
        return cls(response, hints={k: v for k, v in {**entry, "link": link}.items() if v})

    def canonical_url(self) -> str:
        return canonicalize(self.hints.get("link") or self.response.url)

    def title(self) -> str | None:
        return clean_inline(self.hints.get("title"))

    def published(self) -> str | None:
        return parse_date(self.hints.get("published") or self.hints.get("date"))

    def source(self) -> str | None:
        return "Business Wire"

    def body_blocks(self) -> list[str]:
        return split_blocks(self.hints.get("summary") or "")

    def issuer(self) -> str | None:
        lead = self.body()[:1]
        return ((issuer_from_lead(lead[0]) if lead else None)
                or issuer_from_about(self.parts.about)
                or issuer_from_contacts(self.parts.contacts))

    def release_id(self) -> str | None:
        guid = (self.hints.get("guid") or "").strip()
        if self.guid_pattern.match(guid):
            return guid
        return super().release_id()

    def split_dateline(self, paragraph: str) -> tuple[str | None, str]:
        dateline, rest = split_dateline(paragraph)
        if dateline is not None:
            rest = _HASHTAGS.sub("", rest)
        return dateline, rest
