"""Spider arguments (``-a name=value``): which ones a spider takes, and reading their values.

Each spider lists the arguments it takes (``NewsSpider.spider_arguments``); anything else is
a usage error naming the closest known argument, so a typo (``max_item``, ``sinse``) never
silently leaves a crawl unlimited. Spider attributes that are not arguments (``name``,
``allowed_domains``, ...) cannot be set with ``-a`` either: Scrapy would copy them onto the
spider, and ``-a name=../../x`` would rename it and write its files outside ``output/``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import UsageError

from newscrawler.utils.dates import to_date, to_datetime

PASSED_THROUGH = frozenset({"_job"})
"""Arguments every spider accepts without using them: scrapyd passes ``-a _job=<id>``."""

SINCE_FORMS = (
    "YYYY-MM-DD, an ISO 8601 time with a UTC offset (2025-04-01T06:00:00+02:00 or ...Z), "
    "or a span before now: 36h, 2d, 1w"
)

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)
_SPAN = re.compile(r"(?P<count>\d{1,5})\s*(?P<unit>[hdw])", re.IGNORECASE)
_UNIT = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}

Since = date | datetime
"""A day (stories published before it are skipped) or an instant (aware, before it)."""


def check_argument_names(spider: str, given: Iterable[str], known: Iterable[str],
                         attributes: Iterable[str] = ()) -> None:
    """Raise ``UsageError`` for an ``-a`` name the spider does not take.

    >>> check_argument_names("generic", ["url", "_job"], ["url", "since"])
    >>> check_argument_names("generic", ["max_item"], ["url", "max_items"])
    Traceback (most recent call last):
    ...
    scrapy.exceptions.UsageError: unknown argument -a max_item (did you mean max_items?); \
the generic spider takes -a url, max_items
    """
    known = list(known)
    attributes = set(attributes)
    takes = f"the {spider} spider takes -a {', '.join(known)}"
    for name in given:
        if name in known or name in PASSED_THROUGH:
            continue
        if name in attributes:
            raise UsageError(f"-a {name}= cannot be set: {name} is a spider attribute, not an "
                             f"argument; {takes}")
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise UsageError(f"unknown argument -a {name}{hint}; {takes}")


def parse_since(value: str | date | None, *, now: datetime | None = None) -> Since | None:
    """``-a since=``: a day, an instant with its UTC offset, or a span before now.

    >>> parse_since("2025-04-01")
    datetime.date(2025, 4, 1)
    >>> parse_since("2025-04-01T06:00:00Z")
    datetime.datetime(2025, 4, 1, 6, 0, tzinfo=datetime.timezone.utc)
    >>> parse_since("36h", now=datetime(2025, 4, 2, 12, tzinfo=UTC))
    datetime.datetime(2025, 4, 1, 0, 0, tzinfo=datetime.timezone.utc)

    Anything else, or anything that could be read two ways (``01/02/2025``, ``Jan 2``, a
    time without an offset) is refused with a message listing the accepted forms.
    """
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if _ISO_DAY.fullmatch(text):
            return date.fromisoformat(text)
        if match := _ISO_TIME.fullmatch(text):
            if not match.group("zone"):
                raise UsageError(f"since={value!r} has no UTC offset, so its instant is "
                                 f"ambiguous; use {SINCE_FORMS}")
            return datetime.fromisoformat(text.upper())
    except ValueError:
        raise UsageError(f"since={value!r} is not a date; use {SINCE_FORMS}") from None
    if match := _SPAN.fullmatch(text):
        count = int(match.group("count"))
        moment = (now or datetime.now(tz=UTC)) - count * _UNIT[match.group("unit").lower()]
        return moment.replace(microsecond=0)
    raise UsageError(f"since={value!r} is not a date; use {SINCE_FORMS}")


def before_since(iso: str, since: Since) -> bool:
    """Whether a date from :func:`~newscrawler.utils.dates.parse_date` lies before ``since``.

    A day ``since`` compares days (the page's own wall-clock day). An instant compares
    instants when the page gives a time with an offset; a bare day, or a time without a zone,
    could lie anywhere in a day of some zone, so only a day before ``since``'s is before it.

    >>> since = datetime(2025, 4, 2, 6, tzinfo=UTC)
    >>> before_since("2025-04-02T05:00:00+00:00", since), before_since("2025-04-02", since)
    (True, False)
    >>> before_since("2025-04-01T23:00:00", since), before_since("2025-03-31", date(2025, 4, 1))
    (True, True)
    """
    if not isinstance(since, datetime):
        return to_date(iso) < since
    moment = to_datetime(iso)
    if moment.tzinfo is None or len(iso) <= 10:
        return moment.date() < since.astimezone(UTC).date()
    return moment < since


def parse_max_items(value: str | int | None) -> int | None:
    """``-a max_items=N``: a whole number, at least 1."""
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"max_items={value!r} is not a whole number") from None
    if number < 1:
        raise UsageError(f"max_items={value!r} must be at least 1")
    return number


def parse_base_url(value: str | None) -> str | None:
    """``-a base_url=http://host:port``: where every request goes instead."""
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"base_url={value!r} must look like http://host:port")
    return value.rstrip("/")


SPIDER_ATTRIBUTES = frozenset({"name", "allowed_domains", "start_urls", "custom_settings",
                               "crawler", "settings"})
"""Scrapy's spider attributes, set in ``__init__`` by some spiders rather than on the class."""


def spider_attributes(spidercls: type) -> set[str]:
    """Names ``-a`` must not set: the spider's own attributes and Scrapy's."""
    return {name for name in dir(spidercls) if not name.startswith("__")} | SPIDER_ATTRIBUTES


def split_values(value: str | list[str] | None) -> list[str]:
    """``-a url=`` values as given: repeatable, comma- or whitespace-separated.

    >>> split_values(["a.warc.gz, https://h/x.warc.gz", "c.test"])
    ['a.warc.gz', 'https://h/x.warc.gz', 'c.test']
    """
    values = value if isinstance(value, list) else [value or ""]
    return [v for chunk in values for v in chunk.replace(",", " ").split()]


def split_urls(value: str | list[str] | None) -> list[str]:
    """``-a url=`` values, ``https://`` when no scheme is given; a path to a local file
    (``/srv/page.html``, ``./page.html``, ``~/page.html``) is that file's ``file://`` URL.

    >>> split_urls(["a.test/news, https://b.test/feed.xml", "c.test"])
    ['https://a.test/news', 'https://b.test/feed.xml', 'https://c.test']
    >>> split_urls("/srv/copy/page.html")
    ['file:///srv/copy/page.html']
    """
    return [_start_url(url) for url in split_values(value)]


_PATH_STARTS = ("/", "./", "../", "~/")


def _start_url(value: str) -> str:
    if "://" in value:
        return value
    if value.startswith(_PATH_STARTS) and not value.startswith("//"):
        # a path the user typed names a local file, not a host called "tmp"
        return Path(value).expanduser().absolute().as_uri()
    return "https://" + value


def parse_start_urls(value: str | list[str] | None) -> list[str]:
    """``-a url=``, which the generic spider needs: at least one URL."""
    if not (urls := split_urls(value)):
        raise UsageError("the generic spider needs -a url=URL (a site root, sitemap or feed)")
    return urls


@dataclass(frozen=True)
class SpiderArguments:
    """The ``-a`` arguments every spider takes, read and checked."""

    since: Since | None = None
    max_items: int | None = None
    base_url: str | None = None

    @classmethod
    def read(cls, spidercls: type, arguments: Mapping[str, Any]) -> SpiderArguments:
        """Raise ``UsageError`` for a name ``spidercls`` does not take (its
        ``spider_arguments``) or a bad ``since``, ``max_items`` or ``base_url``."""
        name = str(getattr(spidercls, "name", spidercls.__name__))
        check_argument_names(name, arguments, getattr(spidercls, "spider_arguments", ()),
                             spider_attributes(spidercls))
        return cls(
            since=parse_since(arguments.get("since")),
            max_items=parse_max_items(arguments.get("max_items")),
            base_url=parse_base_url(arguments.get("base_url")),
        )
