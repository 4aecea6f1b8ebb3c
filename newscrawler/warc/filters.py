"""Which WARC records become pages: the skip decision, made before any parsing."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from newscrawler.utils.urls import is_same_site
from newscrawler.warc.records import HttpMessage, Record, parse_http_response

REPLAY_SKIPS = ("robots", "discovery", "probe")
HTML_TYPES = (b"text/html", b"application/xhtml")


def warc_date(text: str) -> datetime | None:
    """A ``WARC-Date`` as an aware datetime.

    >>> warc_date("2024-05-01T06:00:00Z").isoformat()
    '2024-05-01T06:00:00+00:00'
    """
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def archived_hints(record: Record) -> dict[str, Any]:
    """The discovery hints our ``WARC_OUTPUT`` wrote with a story (none when unreadable).

    >>> archived_hints(Record({"warc-newscrawler-hints": '{"title": "T"}'}, b"", 0))
    {'title': 'T'}
    """
    try:
        hints = json.loads(record.headers.get("warc-newscrawler-hints") or "{}")
    except ValueError:
        return {}
    return hints if isinstance(hints, dict) else {}


def outside_dates(when: datetime | None, since: date | None, until: date | None) -> str | None:
    """``before_since``/``after_until`` when the record's date is outside the window (a
    day bound includes the whole day)."""
    if when is None:
        return None
    if since is not None:
        if isinstance(since, datetime) and when < since:
            return "before_since"
        if not isinstance(since, datetime) and when.date() < since:
            return "before_since"
    if until is not None:
        if isinstance(until, datetime) and when > until:
            return "after_until"
        if not isinstance(until, datetime) and when.date() > until:
            return "after_until"
    return None


def is_html(message: HttpMessage) -> bool:
    """By ``Content-Type``, or by the first bytes when there is none."""
    kind = message.header(b"content-type").lower()
    if kind:
        return kind.startswith(HTML_TYPES)
    start = message.body[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))


def select(record: Record, *, hosts: frozenset[str], since: date | None, until: date | None,
           statuses: Collection[int]) -> HttpMessage | str:
    """The record's HTTP response when it is a page to parse, else why it is skipped:
    its type (``request``, ``revisit``, ``metadata``...), what our ``WARC_OUTPUT`` marked
    it (``robots``, ``discovery``, ``probe``), ``truncated``, ``host``,
    ``before_since``, ``after_until``, ``not_http``, ``status``, ``redirect``, ``not_html``."""
    if record.type != "response":
        return record.type
    if (kind := record.headers.get("warc-newscrawler-kind")) in REPLAY_SKIPS:
        return kind  # our own WARC_OUTPUT: robots.txt, a sitemap or feed, a soft-404 probe
    if record.headers.get("warc-truncated"):
        return "truncated"  # the crawler stopped reading the body: half a story
    if hosts and not is_same_site(record.url, hosts):
        return "host"
    if why := outside_dates(warc_date(record.date), since, until):
        return why
    message = parse_http_response(record.block)
    if message is None:
        return "not_http"
    if 300 <= message.status < 400:
        return "redirect"
    if not (200 <= message.status < 300 or message.status in statuses):
        return "status"
    if not is_html(message):
        return "not_html"
    return message
