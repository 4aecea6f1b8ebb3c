"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, read into one shape."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from newscrawler.discovery.xml import child_text, local_name, parse_xml

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
    "text/xml",
    "application/xml",
)


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    summary: str | None = None
    author: str | None = None
    """``dc:creator``/``dc:contributor``/``author`` (wires put the issuer here)."""
    guid: str | None = None

    @property
    def date(self) -> str | None:
        return self.published or self.updated


@dataclass
class Feed:
    kind: str  # "rss", "atom" or "rdf"
    title: str | None = None
    description: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)


def _atom_link(entry: etree._Element) -> str | None:
    fallback = None
    for child in entry:
        if local_name(child) != "link":
            continue
        href = (child.get("href") or "").strip()
        rel = (child.get("rel") or "alternate").lower()
        if href and rel == "alternate":
            return href
        fallback = fallback or (href if rel not in ("self", "replies", "edit") else None)
    return fallback


def _rss_entry(item: etree._Element) -> FeedEntry | None:
    link = child_text(item, "link")
    if not link:
        # <guid isPermaLink="true"> (the default) is the story's URL too
        for child in item:
            if local_name(child) == "guid" and child.get("isPermaLink", "true").lower() == "true":
                link = (child.text or "").strip() or None
    if not link:
        return None
    return FeedEntry(
        link=link,
        title=child_text(item, "title"),
        published=child_text(item, "pubdate") or child_text(item, "date")
        or child_text(item, "published"),
        updated=child_text(item, "updated") or child_text(item, "modified"),
        summary=child_text(item, "description"),
        author=child_text(item, "creator") or child_text(item, "contributor")
        or child_text(item, "author"),
        guid=child_text(item, "guid"),
    )


def _atom_entry(entry: etree._Element) -> FeedEntry | None:
    link = _atom_link(entry)
    if not link:
        return None
    return FeedEntry(
        link=link,
        title=child_text(entry, "title"),
        published=child_text(entry, "published") or child_text(entry, "issued"),
        updated=child_text(entry, "updated") or child_text(entry, "modified"),
        summary=child_text(entry, "summary"),
    )


def parse_feed(body: bytes) -> Feed | None:
    """A feed from bytes; ``None`` when the body is not an RSS, RDF or Atom document."""
    root = parse_xml(body)
    if root is None:
        return None
    kind = local_name(root)
    if kind == "feed":
        feed = Feed(kind="atom", title=child_text(root, "title"),
                    description=child_text(root, "subtitle"))
        feed.entries = [e for el in root if local_name(el) == "entry" and (e := _atom_entry(el))]
        return feed
    if kind in ("rss", "rdf"):
        channel = next((el for el in root if local_name(el) == "channel"), root)
        feed = Feed(kind="rss" if kind == "rss" else "rdf", title=child_text(channel, "title"),
                    description=child_text(channel, "description"))
        # RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it
        items = [el for el in channel if local_name(el) == "item"]
        if kind == "rdf":
            items += [el for el in root if local_name(el) == "item"]
        feed.entries = [e for el in items if (e := _rss_entry(el))]
        return feed
    return None


# What an empty channel says when the feed itself failed (Business Wire's bad token:
# "RSS channel ID is not available in the request. Please make sure you have a valid RSS link.")
_FEED_ERROR = re.compile(
    r"(?i)\b(?:error|invalid|not available|unavailable|not found|please make sure|denied"
    r"|expired|no longer|unauthori[sz]ed|forbidden)\b"
)


def feed_error(feed: Feed) -> str | None:
    """The error a well-formed but empty feed reports instead of stories, else ``None``.

    An empty channel is normal on a quiet day; an empty channel whose description
    (or title) reads like an error message is a broken feed URL, not "no news".
    """
    if feed.entries:
        return None
    for text in (feed.description, feed.title):
        if text and _FEED_ERROR.search(text):
            return " ".join(text.split())
    return None
