"""Dates inside free text and URLs: "2/26/2015 7:11 AM PST BY STAFF", "publié le 11 avril 2025".

:func:`newscrawler.utils.dates.parse_date` reads a string that *is* a date; pages print
dates inside longer lines (a byline, "Published ... | Updated ...", a weekday and a
"@"), in their own language, and put them in URL paths. These functions find the date
in such text and hand the date alone to ``parse_date``; month names are a calendar
table, not phrases, so they cover the languages news is written in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from newscrawler.utils.calendars import (
    MONTHS,
    SOLAR_HIJRI,
    fold,
    month_number,
    solar_hijri_to_gregorian,
)
from newscrawler.utils.dates import parse_date, to_date

__all__ = ["day_first_for", "find_date", "in_future", "url_date"]

_ENGLISH = ("", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December")


def _trie(words: list[str]) -> str:
    """One alternation of many names as a character trie: matched in a single pass, not
    one try per name at each position of the text."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        alts = [(r"\s+" if char == " " else re.escape(char)) + pattern(sub)
                for char, sub in sorted(node.items()) if char]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(root)


_MONTH_ALT = _trie(sorted(MONTHS))
_M = rf"(?P<{{g}}>{_MONTH_ALT})\.?"
# the month-first ("March 5, 2024") and year-first ("2024. március 5.") orders are written
# in Latin script only: their alternation is the Latin names'
_LATIN = rf"(?P<{{g}}>{_trie(sorted(m for m in MONTHS if m[0] < chr(0x250)))})\.?"
# "5 марта 2024 г.", "2024 m.", "5. ožujka 2024. godine": a word for "year" after it
_YEAR_WORD = r"(?:\s?(?:г\.|года|год|р\.|року|godine|godina|m\.|gada|a\.))?"
# the words between a date and its time: "at", "à", "um", "a las", "в", "lúc", "kl."
_TIME_SEP = r"(?:\s*(?:[,.@|/·–—-]|[^\W\d_]{1,6}\.?)){0,2}\s*"
# "午後2時20分", "오후 2:20", "下午2:20": the half of the day before a CJK time
_HALF = r"(?:\s*(?P<half>午[前後后]|[上下]午|오[전후]))?"
_TIME = (rf"(?:{_HALF}{_TIME_SEP}"
         r"(?P<time>\d{1,2}(?:[:.hH]|\s?[時时시]\s?)\d{2}(?::\d{2})?(?:\s?[分분])?"
         r"(?:\s*[ap]\.?\s?m\.?)?)"
         r"(?:\s*(?P<zone>[A-Z]{2,5}(?:[+-]\d{1,2})?|[+-]\d{2}:?\d{2}))?)?")
# "2:16 AM EST Nov 20, 2019", "Fri 6:45 PM, Feb 16, 2018": the time before the date
_TIME_BEFORE = (r"(?:(?P<pre>\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?)"
                r"(?:\s+(?P<prezone>[A-Z]{2,5}))?\s*[,|]?\s+)?")
# a weekday after a CJK date: "(火)", "(화)", "星期二", "周二"
_CJK_WEEKDAY = r"(?:\s*\([^()\d]{1,4}\)|\s*(?:星期|周|週)[一二三四五六日天])?"
_DATE_IN_TEXT = re.compile(
    rf"(?<![0-9A-Za-z/.-])(?<![0-9]:){_TIME_BEFORE}(?:"
    # 5 March 2024, 5. März 2024, 7 de diciembre de 2017, 5 มีนาคม พ.ศ. 2567, ngày 5 tháng 3 năm 2024
    rf"(?P<d1>\d{{1,2}})(?:\.|er|st|nd|rd|th|º)?\s*(?:de\s+|d['’]|of\s+)?{_M.format(g='m1')}"
    # "28 آب/اغسطس 2013", "5 كانون الثاني/يناير 2024": the month in two calendars' names
    + rf"(?:\s?/\s?(?:{_MONTH_ALT}))?,?\s+"
    r"(?:de\s+|năm\s+|[พค]\.\s?ศ\.\s*)?(?P<y1>\d{4})" + _YEAR_WORD
    # March 5, 2024
    + rf"|(?<!\w){_LATIN.format(g='m2')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    # 2024. március 5., 2024 m. kovo 5 d., 2024. gada 5. marts
    rf"|(?P<y3>\d{{4}})\.?(?:\s?m\.)?\s+(?:{_LATIN.format(g='m3')}\s+(?P<d3>\d{{1,2}})\.?(?:\s?d\.)?"
    rf"|gada\s+(?P<d5>\d{{1,2}})\.\s*{_LATIN.format(g='m5')})"
    # 2024年3月5日, 2024년 3월 5일
    + r"|(?P<y4>\d{4})\s?[年년]\s?(?P<m4>\d{1,2})\s?[月월]\s?(?P<d4>\d{1,2})\s?[日일]?" + _CJK_WEEKDAY
    + r"|(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    # 05.03.2024, 5/3/2024, 05-03-2024, 2024/03/05, 2024. 03. 05.
    r"|(?P<num>\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{4}|\d{4}(?P<ysep>[./-])\s?\d{1,2}(?P=ysep)"
    r"\s?\d{1,2}\.?)"
    # 05.03.24 14:20: a two-digit year only with its time
    r"|(?P<short>\d{1,2}(?P<ssep>[./])\d{1,2}(?P=ssep)\d{2})(?=[,\s|-]+\d{1,2}:\d{2})"
    rf"){_TIME}(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_NUMBERS = re.compile(r"\d+")
_ANCHOR = re.compile(r"[0-9](?:[0-9]{3}|[./][0-9]{1,2}[./][0-9][0-9](?![0-9]))")
_REACH = 48
"""Characters a date may start before its year: "2:16 AM EST Nov 20, 2019"."""
# /2019/11/18/, /2019-11-18/, /20191118/, /2019/nov/18/ in a URL path
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/_-]?(?P<m>0[1-9]|1[0-2]|[a-z]{3,9})[/_-]?(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?=[/_.-]|$)",
    re.IGNORECASE,
)

MAX_TEXT_CHARS = 300
"""A line a date is looked for in: a byline or a date element, never a whole story."""


def find_date(text: str, day_first: bool = False, language: str | None = None) -> str | None:
    """The first date printed in a short line, with its time when one follows; ISO 8601.

    >>> find_date("2/26/2015 7:11 AM PST BY HARBOUR STAFF")
    '2015-02-26T07:11:00-08:00'
    >>> find_date("Monday, February 29, 2016 @ 11:10 PM UTC")
    '2016-02-29T23:10:00+00:00'
    >>> find_date("publiziert am 30. Juli 2018")
    '2018-07-30'
    >>> find_date("Publicado el 7 de diciembre de 2017 a las 18:05")
    '2017-12-07T18:05:00'
    >>> find_date("posted on April 21, 2015, at 11:29 a.m.")
    '2015-04-21T11:29:00'
    >>> find_date("Published 2:16 AM EST Nov 20, 2019")
    '2019-11-20T02:16:00-05:00'
    >>> find_date("Опубликовано: 5 марта 2024 г., 14:20")
    '2024-03-05T14:20:00'
    >>> find_date("发布时间：2024年3月5日 14:20")
    '2024-03-05T14:20:00'
    >>> find_date("Call 555-1234 for tickets") is None
    True

    ``day_first``: "05/10/2018" is 5 October (pages outside the US), not May 10.
    ``language`` settles a month name two languages give different months.

    >>> find_date("05/10/2018", day_first=True)
    '2018-10-05'
    """
    text = fold(text[:MAX_TEXT_CHARS])
    # every date has a year (or is "05.03.24 14:20"): the date regex is tried only in the
    # span before and at each, not at every character of a line without one
    done = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < done:
            continue
        for match in _DATE_IN_TEXT.finditer(text, max(done, anchor.start() - _REACH)):
            if match.start() > anchor.start():
                break
            done = match.end()
            if (found := _parse(match, day_first, language)) is not None and not in_future(found):
                return found
        done = max(done, anchor.end())
    return None


def in_future(iso: str) -> bool:
    """A date past tomorrow (UTC) is an event's or a typo, never when a page was published."""
    return to_date(iso) > datetime.now(UTC).date() + timedelta(days=1)


# Country domains whose English is written month first (the US, the Philippines); vanity
# country domains sold worldwide say nothing of a page's country
_MONTH_FIRST_TLDS = frozenset({"us", "ph", "ca", "fm", "tv", "io", "ai", "co", "me", "ly", "to",
                               "gg", "cc", "ws", "la", "am"})


def day_first_for(language: str | None, html_lang: str | None, host: str | None) -> bool:
    """Whether "05/10/2018" on a page is 5 October: everywhere but in US English (an English
    page on a country domain other than the US's, "en-GB", is day first).

    >>> day_first_for("de", "de", "zeitung.example"), day_first_for("en", "en", "news.co.uk")
    (True, True)
    >>> day_first_for("en", "en", "news.com"), day_first_for("en", "en-US", "news.co.uk")
    (False, False)
    """
    if (language or "en") != "en":
        return True
    lang = (html_lang or "en").lower().replace("_", "-")
    if lang not in ("en", "en-us"):
        return True
    tld = (host or "").rstrip(".").rpartition(".")[2].lower()
    return lang == "en" and len(tld) == 2 and tld not in _MONTH_FIRST_TLDS


def _ymd(g: dict[str, str | None], day_first: bool, language: str | None
         ) -> tuple[int, int, int] | None:
    """Year, month, day of a match, before they are checked as a calendar date."""
    if g["num"] or g["short"]:
        numbers = [int(n) for n in _NUMBERS.findall(g["num"] or g["short"] or "")]
        if g["ysep"]:  # 2024/03/05, 2024. 03. 05.
            return numbers[0], numbers[1], numbers[2]
        first, second, year = numbers
        year += 2000 if year < 100 else 0
        # dots are day first everywhere; a number past 12 can only be the day
        if g["sep"] == "." or g["ssep"] == "." or (day_first and second <= 12) or first > 12:
            return year, second, first
        return year, first, second
    for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", "d3", "y3"),
                    ("m5", "d5", "y3")):
        if g[m]:
            month = month_number(g[m], language)
            return None if month is None else (int(g[y] or 0), month, int(g[d] or 0))
    if g["y4"]:
        return int(g["y4"]), int(g["m4"] or 0), int(g["d4"] or 0)
    return None


def _parse(match: re.Match[str], day_first: bool, language: str | None) -> str | None:
    g = match.groupdict()
    if g["iso"]:
        day_text = g["iso"]
    else:
        ymd = _ymd(g, day_first, language)
        if ymd is None:
            return None
        year, month, day = ymd
        year -= 543 if year > 2400 else 0  # Thai Buddhist era
        if month > SOLAR_HIJRI and 1 <= day <= 31 and 1300 < year < 1500:
            year, month, day = solar_hijri_to_gregorian(year, month - SOLAR_HIJRI, day)
        if not 1 <= month <= 12:
            return None
        day_text = f"{_ENGLISH[month]} {day}, {year}"
    time, zone = g["time"] or g["pre"], g["zone"] if g["time"] else g["prezone"]
    if time:
        time = _TIME_MARKS.sub(":", time.replace("分", "").replace("분", ""))
        if g["time"] and g["half"]:
            time += " pm" if g["half"] in _AFTERNOON else " am"
        with_time = parse_date(f"{day_text} {time} {zone or ''}".strip())
        if with_time is None and zone:
            with_time = parse_date(f"{day_text} {time}")
        if with_time is not None:
            return with_time
    return parse_date(day_text)


_AFTERNOON = frozenset({"午後", "午后", "下午", "오후"})
_TIME_MARKS = re.compile(r"\s?[hH時时시]\s?")


def url_date(url: str) -> str | None:
    """The date a URL's path carries (date only: a path gives no time).

    >>> url_date("https://news.example/2019/11/18/business/trade.html")
    '2019-11-18'
    >>> url_date("https://news.example/west/statements/2019/nov/18/claim/")
    '2019-11-18'
    >>> url_date("https://news.example/story-20191118.html") is None
    True
    """
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1].partition("/")[2]
    for match in _URL_DATE.finditer("/" + path):
        month_text = match.group("m")
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
        if month is None:
            continue
        found = parse_date(f"{match.group('y')}-{month:02d}-{match.group('d')}")
        if found is not None:
            return found
    return None
