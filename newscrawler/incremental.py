"""Incremental runs: when discovery says a story last changed, as one comparable number.

Sitemaps give ``lastmod``, news sitemaps a publication date, feeds ``updated`` and
``published``; the latest of them is what the state store records per story
(``discovered``) and what the next run compares before it fetches the page again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC
from typing import Any

from newscrawler.utils.dates import parse_date, to_datetime

HINT_DATES = ("date", "published", "modified")
"""The request hints (``newscrawler_hints`` meta) that date a story: sitemap ``lastmod`` or
feed ``updated``, news sitemap or feed publication date."""


def timestamp(iso: str) -> float:
    """Unix seconds of an ISO date from :func:`parse_date`; no offset counts as UTC and a bare
    date as its midnight.

    >>> timestamp("2025-04-28T10:00:00+02:00"), timestamp("2025-04-28")
    (1745827200.0, 1745798400.0)
    """
    moment = to_datetime(iso)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def discovery_date(hints: Mapping[str, Any] | None) -> tuple[float, str] | None:
    """The latest date discovery gave for a story: ``(unix seconds, ISO string)``, or ``None``.

    >>> discovery_date({"published": "2025-04-01", "date": "2025-04-28T10:00:00Z"})
    (1745834400.0, '2025-04-28T10:00:00+00:00')
    >>> discovery_date({"title": "x"}) is None
    True
    """
    best: tuple[float, str] | None = None
    for key in HINT_DATES:
        value = (hints or {}).get(key)
        iso = parse_date(value) if value else None
        if iso is None:
            continue
        when = timestamp(iso)
        if best is None or when > best[0]:
            best = (when, iso)
    return best
