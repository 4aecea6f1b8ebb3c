"""Normalise the dates found on news pages, feeds and sitemaps to ISO 8601 strings.

News sources write dates in dozens of shapes (ISO 8601 in meta tags, RFC 822 in RSS,
"April 25, 2016 9:30 AM ET" on wire pages, epoch numbers in JSON blobs).  Items carry
one shape only: an ISO 8601 string produced by :func:`parse_date`.

Output rules (documented once, relied upon by the pipelines):

* a date without a time is ``YYYY-MM-DD``;
* a datetime is ``YYYY-MM-DDTHH:MM:SS``; a non-zero fractional second is kept, as
  milliseconds when it is a whole number of milliseconds, else as microseconds;
* the UTC offset is appended only when the source gave a zone; a wall time without a
  zone stays naive (we never invent UTC, since "09:30" on a Tokyo site is not 09:30Z).

Zone abbreviations are resolved with :mod:`zoneinfo`.  The generic US names (``ET``,
``CT``, ``MT``, ``PT``) follow daylight saving time for the date in question; names that
spell out standard or daylight time (``EST``, ``EDT``, ``CEST``...) are taken at the
offset they name, as RFC 822 defines them.  Unknown abbreviations keep the wall time
with no zone.

Common shapes go through hand-written regular expressions (a few microseconds each);
anything else falls back to :func:`dateutil.parser.parse`, guarded so that it never
fills a missing year or day from today's date.
"""

from __future__ import annotations

import math
import re
import warnings
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from dateutil import parser as _du_parser

__all__ = ["parse_date", "to_date", "to_datetime"]

MIN_YEAR = 1990
MAX_YEAR = 2100

_MAX_INPUT_LEN = 200

# --------------------------------------------------------------------------- zones

_NEW_YORK = ZoneInfo("America/New_York")
_CHICAGO = ZoneInfo("America/Chicago")
_DENVER = ZoneInfo("America/Denver")
_LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def _fixed(hours: int, minutes: int = 0) -> timezone:
    return timezone(timedelta(hours=hours, minutes=minutes if hours >= 0 else -minutes))


# Abbreviation -> tzinfo.  ZoneInfo entries follow daylight saving time for the date
# being parsed; fixed entries are the offset the abbreviation names.  Ambiguous
# abbreviations (e.g. IST is also Irish/Israel time) are mapped to the reading that is
# most common on English-language news sites.
ZONE_ABBREVIATIONS: dict[str, tzinfo] = {
    "Z": UTC,
    "UT": UTC,
    "UTC": UTC,
    "GMT": UTC,
    "ET": _NEW_YORK,
    "EST": _fixed(-5),
    "EDT": _fixed(-4),
    "CT": _CHICAGO,
    "CST": _fixed(-6),
    "CDT": _fixed(-5),
    "MT": _DENVER,
    "MST": _fixed(-7),
    "MDT": _fixed(-6),
    "PT": _LOS_ANGELES,
    "PST": _fixed(-8),
    "PDT": _fixed(-7),
    "AKST": _fixed(-9),
    "AKDT": _fixed(-8),
    "HST": _fixed(-10),
    "WET": _fixed(0),
    "WEST": _fixed(1),
    "BST": _fixed(1),
    "CET": _fixed(1),
    "CEST": _fixed(2),
    "EET": _fixed(2),
    "EEST": _fixed(3),
    "MSK": _fixed(3),
    "IST": _fixed(5, 30),
    "HKT": _fixed(8),
    "SGT": _fixed(8),
    "JST": _fixed(9),
    "KST": _fixed(9),
    "AEST": _fixed(10),
    "AEDT": _fixed(11),
    "NZST": _fixed(12),
    "NZDT": _fixed(13),
}

_UTC_NAMES = frozenset({"Z", "UT", "UTC", "GMT"})

# --------------------------------------------------------------------------- regexes

# Extended ISO 8601 as written by CMSes and sitemaps: 2016-04-25, 2016-04-25T09:30,
# 2016-04-25 09:30:00.000+02:00, 2016-04-25T09:30:00Z, ...+0000.
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?"
)

_DIGITS_RE = re.compile(r"\d{10}(?:\d{3})?(?:\.\d+)?|\d{8}")

_MONTHS: dict[str, int] = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

# "Published", "Updated on", "Last updated:", "Posted at", "on" ... in front of a date.
_PREFIX_RE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|modified)|published|posted|created|date|on|at)\b\s*:?\s*",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+",
    re.IGNORECASE,
)
_SPACES_RE = re.compile(r"\s+")
# Zone names we drop because the numeric offset before them already says it all:
# JavaScript's Date.toString() "(Central European Summer Time)", RFC 9557 "[Europe/Paris]".
_LONG_ZONE_NAME_RE = re.compile(r"\s*(?:\([A-Za-z][A-Za-z .'-]{5,}\)|\[[A-Za-z][\w/+-]*\])$")

# Time of day, then an optional zone: "09:30", "9:30:15.250", "9:30 a.m.", "9 PM", then
# "ET", "GMT+2", "UTC-05:00", "+0000", "-0400 (EDT)".
_TIME = (
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<frac>\d{1,9}))?)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
)
_ZONE = (
    r"(?:(?P<tzname>[a-z]{1,5})\.?\s*(?P<tzoff1>[+-]\d{1,2}(?::?\d{2})?)?"
    r"|(?P<tzoff2>[+-]\d{2}:?\d{2}))"
    r"(?:\s*\((?P<tzparen>[a-z]{2,5})\))?"
)
_TAIL = rf"(?:(?:,\s*|\s+|\s*[-–|@]\s*|T)(?:at\s+)?{_TIME}(?:\s*{_ZONE})?)?\.?$"

_MONTH_NAME = r"(?P<mon>[a-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

# April 25, 2016 [9:30 AM ET]  /  Apr. 25 2016
_MDY_NAME_RE = re.compile(rf"{_MONTH_NAME}\s*{_DAY},?\s+{_YEAR}{_TAIL}", re.IGNORECASE)
# 25 Apr 2016 13:30:00 GMT  /  25 Apr, 2016, 03:39 ET  /  25-Apr-2016
_DMY_NAME_RE = re.compile(
    rf"{_DAY}(?:\s+|-)(?:of\s+)?{_MONTH_NAME}(?:,?\s+|-){_YEAR}{_TAIL}", re.IGNORECASE
)
# 4/6/2016 (US: month/day/year)
_MDY_SLASH_RE = re.compile(rf"(?P<mon>\d{{1,2}})/(?P<day>\d{{1,2}})/{_YEAR}{_TAIL}", re.IGNORECASE)
# 25.04.2016 (day.month.year)
_DMY_DOT_RE = re.compile(rf"(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.{_YEAR}{_TAIL}", re.IGNORECASE)
# 2016/04/25, 2016.04.25, or 2016-04-25 followed by something ISO does not allow
_YMD_SEP_RE = re.compile(
    rf"{_YEAR}(?P<sep>[/.-])(?P<mon>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}}){_TAIL}",
    re.IGNORECASE,
)
_DATE_REGEXES = (_MDY_NAME_RE, _DMY_NAME_RE, _MDY_SLASH_RE, _DMY_DOT_RE, _YMD_SEP_RE)

# AP style, time first: "3:15 PM EDT, April 25, 2016" -> rewritten date first.
_TIME_FIRST_RE = re.compile(
    r"(?P<time>\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)"
    r"(?:\s*(?P<zone>(?P<zname>[a-z]{1,5})(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?"
    r"\s*(?:,|\s)\s*(?:on\s+)?(?P<date>.*\d{4})\.?",
    re.IGNORECASE,
)

# "GMT+2" / "UTC-05:00": dateutil reads these POSIX-style (sign inverted), so the
# fallback rewrites them to a plain offset first.
_GMT_OFFSET_RE = re.compile(r"\b(?:GMT|UTC|UT)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b", re.IGNORECASE)
_FOUR_DIGIT_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)|(?<!\d)(\d{4})\d{4}(?!\d)")

# Two different defaults: a field that differs between the two parses was missing.
_DEFAULT_A = datetime(1, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2, 2, 2, 1, 1, 1)


# --------------------------------------------------------------------------- helpers


def _offset(text: str) -> timezone | None:
    """'+0200', '+02:00', '-5', '+5:30' -> fixed zone; None when out of range."""
    sign = -1 if text[0] == "-" else 1
    body = text[1:].replace(":", "")
    if len(body) <= 2:
        hours, minutes = int(body), 0
    else:
        hours, minutes = int(body[:-2]), int(body[-2:])
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _zone(name: str | None, offset: str | None) -> tzinfo | bool | None:
    """Resolve a zone name and/or offset; ``False`` flags an impossible offset.

    An explicit numeric offset wins over a name ("-0400 (EDT)"); an offset glued to a
    name other than GMT/UTC ("EST+5") is POSIX notation we do not trust, so no zone.
    """
    if offset:
        if name and name.upper() not in _UTC_NAMES:
            return None
        tz = _offset(offset)
        return False if tz is None else tz
    if name:
        return ZONE_ABBREVIATIONS.get(name.upper())
    return None


def _format(dt: datetime) -> str:
    if dt.microsecond == 0:
        return dt.isoformat(timespec="seconds")
    if dt.microsecond % 1000 == 0:
        return dt.isoformat(timespec="milliseconds")
    return dt.isoformat(timespec="microseconds")


def _attach(naive: datetime, tz: tzinfo | None) -> datetime:
    if tz is None:
        return naive
    return naive.replace(tzinfo=tz)


def _frac_to_us(frac: str | None) -> int:
    if not frac:
        return 0
    return int((frac + "000000")[:6])


def _build(
    year: int,
    month: int,
    day: int,
    hour: str | None,
    minute: str | None,
    second: str | None,
    frac: str | None,
    ampm: str | None,
    tz: tzinfo | bool | None,
) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR or tz is False:
        return None
    try:
        if hour is None:
            return date(year, month, day).isoformat()
        h = int(hour)
        if ampm:
            if not 1 <= h <= 12:
                return None
            h = h % 12 + (12 if ampm[0] in "pP" else 0)
        elif minute is None:
            return None  # a bare number after the date is not a time
        dt = datetime(
            year,
            month,
            day,
            h,
            int(minute or 0),
            int(second or 0),
            _frac_to_us(frac),
        )
    except ValueError:
        return None
    return _format(_attach(dt, tz))  # type: ignore[arg-type]


def _from_epoch(number: float) -> str | None:
    if math.isnan(number) or number < 0:
        return None
    if number >= 1e11:  # milliseconds
        number /= 1000.0
    try:
        dt = datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    if not MIN_YEAR <= dt.year <= MAX_YEAR:
        return None
    # Round away float noise (1461576600.123 -> .123000 rather than .122999).
    us = round(dt.microsecond / 1000) * 1000 if number % 1 else 0
    if us >= 1_000_000:
        dt = dt.replace(microsecond=0) + timedelta(seconds=1)
    else:
        dt = dt.replace(microsecond=us)
    return _format(dt)


def _parse_iso(m: re.Match[str]) -> str | None:
    year, month, day, hour, minute, second, frac, zone = m.groups()
    tz: tzinfo | bool | None = None
    if zone:
        tz = UTC if zone in "Zz" else (_offset(zone) or False)
    return _build(int(year), int(month), int(day), hour, minute, second, frac, None, tz)


def _parse_match(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    mon = g["mon"]
    if mon.isdigit():
        month = int(mon)
    else:
        month = _MONTHS.get(mon.lower(), 0)
        if not month:
            return None
    day = int(g["day"])
    if m.re is _MDY_SLASH_RE and month > 12 >= day:
        month, day = day, month  # 25/4/2016 can only be day/month/year
    tz: tzinfo | bool | None = None
    if g["hour"] is not None:
        offset = g["tzoff1"] or g["tzoff2"]
        name = g["tzname"]
        if not offset and not name and g["tzparen"]:
            name = g["tzparen"]
        tz = _zone(name, offset)
    return _build(
        int(g["year"]),
        month,
        day,
        g["hour"],
        g["minute"],
        g["second"],
        g["frac"],
        g["ampm"],
        tz,
    )


def _du_tzinfos(name: str | None, offset: int | None) -> tzinfo | None:
    if offset is not None and (not name or name.upper() in _UTC_NAMES):
        if abs(offset) > 14 * 3600:
            return None
        return timezone(timedelta(seconds=offset))
    if name:
        return ZONE_ABBREVIATIONS.get(name.upper())
    return None


def _gmt_offset(m: re.Match[str]) -> str:
    return f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"


def _parse_fallback(text: str) -> str | None:
    """dateutil for the long tail; rejects anything without year, month and day."""
    years = _FOUR_DIGIT_YEAR_RE.findall(text)
    if not years:
        return None  # two-digit years and bare numbers are too ambiguous
    text = _GMT_OFFSET_RE.sub(_gmt_offset, text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            a = _du_parser.parse(text, default=_DEFAULT_A, tzinfos=_du_tzinfos)
            b = _du_parser.parse(text, default=_DEFAULT_B, tzinfos=_du_tzinfos)
        except (ValueError, OverflowError, TypeError, LookupError):
            return None
    if a.year != b.year or a.month != b.month or a.day != b.day:
        return None  # a date part was missing and would have come from the default
    if not any(str(a.year) in (y1, y2) for y1, y2 in years):
        return None
    if not MIN_YEAR <= a.year <= MAX_YEAR:
        return None
    if a.hour != b.hour:
        return a.date().isoformat()
    return _format(a)


# --------------------------------------------------------------------------- public API


def parse_date(value: str | int | float | None) -> str | None:  # noqa: PYI041
    """Normalise a date as found on news pages, feeds and sitemaps to ISO 8601, or None.

    Never raises: garbage, empty, impossible or out-of-range (outside 1990..2100) input
    gives ``None``.  Numbers (and 10/13-digit strings) are epoch seconds/milliseconds
    in UTC.

    >>> parse_date("2016-04-25T09:30:00Z")
    '2016-04-25T09:30:00+00:00'
    >>> parse_date("Mon, 25 Apr 2016 13:30:00 GMT")
    '2016-04-25T13:30:00+00:00'
    >>> parse_date("April 25, 2016 9:30 AM ET")
    '2016-04-25T09:30:00-04:00'
    >>> parse_date("January 5, 2016 09:30 ET")
    '2016-01-05T09:30:00-05:00'
    >>> parse_date("Updated 3:15 PM EDT, April 25, 2016")
    '2016-04-25T15:15:00-04:00'
    >>> parse_date("2016-04-25 09:30:00")
    '2016-04-25T09:30:00'
    >>> parse_date("4/6/2016")
    '2016-04-06'
    >>> parse_date(1461576600)
    '2016-04-25T09:30:00+00:00'
    >>> parse_date("yesterday") is None
    True
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > _MAX_INPUT_LEN:
        return None

    m = _ISO_RE.fullmatch(text)
    if m:
        return _parse_iso(m)
    if text[0].isdigit() and _DIGITS_RE.fullmatch(text):
        if len(text) == 8:  # compact ISO date: 20160425
            year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
            return _build(year, month, day, None, None, None, None, None, None)
        return _from_epoch(float(text))

    text = _SPACES_RE.sub(" ", text)
    for _ in range(3):
        stripped = _PREFIX_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _WEEKDAY_RE.sub("", text, count=1)
    if text.endswith((")", "]")):
        text = _LONG_ZONE_NAME_RE.sub("", text)
    if not text:
        return None

    m = _ISO_RE.fullmatch(text)
    if m:
        return _parse_iso(m)
    if text[0].isdigit():
        tf = _TIME_FIRST_RE.fullmatch(text)
        if tf:
            date_part = _WEEKDAY_RE.sub("", tf.group("date"), count=1)
            zone, zname = tf.group("zone"), tf.group("zname")
            if zname and zname.lower() in _MONTHS:  # "3:15 PM April 25, 2016"
                date_part, zone = f"{zone} {date_part}", None
            elif zname and zname.lower() in ("on", "at"):
                zone = None
            text = f"{date_part} {tf.group('time')} {zone or ''}".rstrip()
    for regex in _DATE_REGEXES:
        m = regex.fullmatch(text)
        if m:
            return _parse_match(m)
    return _parse_fallback(text)


def to_date(iso: str) -> date:
    """The calendar date of an ISO string from :func:`parse_date` (wall-clock date).

    >>> to_date("2016-04-25T23:30:00-04:00")
    datetime.date(2016, 4, 25)
    """
    return date.fromisoformat(iso[:10])


def to_datetime(iso: str) -> datetime:
    """A datetime from an ISO string from :func:`parse_date`; a bare date is midnight.

    Aware when the string carries an offset, naive otherwise.

    >>> to_datetime("2016-04-25T09:30:00+00:00")
    datetime.datetime(2016, 4, 25, 9, 30, tzinfo=datetime.timezone.utc)
    >>> to_datetime("2016-04-25")
    datetime.datetime(2016, 4, 25, 0, 0)
    """
    return datetime.fromisoformat(iso)
