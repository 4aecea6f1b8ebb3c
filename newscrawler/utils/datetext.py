"""Dates inside free text and URLs: "2/26/2015 7:11 AM PST BY STAFF", "publié le 11 avril 2025".

:func:`newscrawler.utils.dates.parse_date` reads a string that *is* a date; pages print
dates inside longer lines (a byline, "Published ... | Updated ...", a weekday and a
"@"), in their own language, and put them in URL paths. These functions find the date
in such text and hand the date alone to ``parse_date``; month names are a calendar
table, not phrases, so they cover the languages news is written in.
"""

from __future__ import annotations

import re

from newscrawler.utils.dates import parse_date

__all__ = ["find_date", "url_date"]

# month number -> its names and usual abbreviations (en, fr, de, es, pt, it, nl, sv/da/no,
# pl, cs, ro, tr, id); lower-case, without a trailing dot
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "janeiro",
        "gennaio", "genn", "gen", "januari", "janvāris", "stycznia", "styczeń", "ledna", "leden",
        "ianuarie", "ocak", "tammikuuta"),
    2: ("february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero", "fevereiro",
        "fev", "febbraio", "febbr", "februari", "lutego", "luty", "února", "únor", "februarie",
        "şubat", "helmikuuta", "pebrero"),
    3: ("march", "mar", "mars", "märz", "marz", "mrz", "marzo", "março", "marco", "maart", "mrt",
        "marca", "marzec", "března", "březen", "martie", "mart", "maaliskuuta", "maret"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "dubna",
        "duben", "aprilie", "nisan", "huhtikuuta"),
    5: ("may", "mai", "mayo", "maio", "maggio", "mag", "mei", "maj", "maja", "května", "květen",
        "mayıs", "toukokuuta"),
    6: ("june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu", "czerwca", "czerwiec",
        "června", "červen", "iunie", "haziran", "kesäkuuta"),
    7: ("july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug", "lipca",
        "lipiec", "července", "červenec", "iulie", "temmuz", "heinäkuuta"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "sierpnia", "sierpień",
        "srpna", "srpen", "august", "ağustos", "elokuuta", "agustus", "agu"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setembro", "set", "settembre",
        "sett", "września", "wrzesień", "září", "septembrie", "eylül", "syyskuuta"),
    10: ("october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre",
         "ott", "października", "październik", "října", "říjen", "octombrie", "ekim", "lokakuuta"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad",
         "listopadu", "noiembrie", "kasım", "marraskuuta", "nopember"),
    12: ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic",
         "dezembro", "dicembre", "desember", "des", "grudnia", "grudzień", "prosince", "prosinec",
         "decembrie", "aralık", "joulukuuta"),
}
MONTHS: dict[str, int] = {name: num for num, names in _MONTH_NAMES.items() for name in names}
_ENGLISH = ("", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December")
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_M = rf"(?P<{{g}}>{_MONTH_ALT})\.?"
_TIME = (r"(?:(?:\s*(?:,|@|\||-|–|·|/|\bat\b|\bà\b|\bum\b|\ba las\b|\bàs\b|\bkl\.?)){0,2}\s*"
         r"(?P<time>\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?)"
         r"(?:\s*(?P<zone>[A-Z]{2,5}(?:[+-]\d{1,2})?|[+-]\d{2}:?\d{2}))?)?")
# "2:16 AM EST Nov 20, 2019", "Fri 6:45 PM, Feb 16, 2018": the time before the date
_TIME_BEFORE = (r"(?:(?P<pre>\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?)"
                r"(?:\s+(?P<prezone>[A-Z]{2,5}))?\s*[,|]?\s+)?")
_DATE_IN_TEXT = re.compile(
    rf"(?<![\w/.:-]){_TIME_BEFORE}(?:"
    rf"(?P<d1>\d{{1,2}})(?:\.|er|st|nd|rd|th|º)?\s*(?:de\s+|of\s+)?{_M.format(g='m1')},?\s+"
    r"(?:de\s+)?(?P<y1>\d{4})"
    rf"|{_M.format(g='m2')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"|(?P<num>\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}[./]\d{1,2}[./]\d{1,2})"
    rf"){_TIME}(?![\w])",
    re.IGNORECASE,
)
# /2019/11/18/, /2019-11-18/, /20191118/, /2019/nov/18/ in a URL path
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/_-]?(?P<m>0[1-9]|1[0-2]|[a-z]{3,9})[/_-]?(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?=[/_.-]|$)",
    re.IGNORECASE,
)

_FOUR_DIGITS = re.compile(r"\d{4}")

MAX_TEXT_CHARS = 300
"""A line a date is looked for in: a byline or a date element, never a whole story."""


def find_date(text: str, day_first: bool = False) -> str | None:
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
    >>> find_date("Call 555-1234 for tickets") is None
    True

    ``day_first``: "05/10/2018" is 5 October (pages outside the US), not May 10.

    >>> find_date("05/10/2018", day_first=True)
    '2018-10-05'
    """
    line = text[:MAX_TEXT_CHARS]
    # every form holds a year of four digits: a line without one (a menu entry, a byline)
    # is not run through the month-name alternation at each of its characters
    if _FOUR_DIGITS.search(line) is None:
        return None
    for match in _DATE_IN_TEXT.finditer(line):
        if (found := _parse(match, day_first)) is not None:
            return found
    return None


_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _parse(match: re.Match[str], day_first: bool) -> str | None:
    g = match.groupdict()
    if g["iso"] or g["num"]:
        day_text = g["iso"] or g["num"]
        if day_first and (slashed := _SLASHED.fullmatch(day_text)):
            day, month, year = slashed.groups()
            day_text = f"{year}-{int(month):02d}-{int(day):02d}"
    else:
        month = MONTHS.get((g["m1"] or g["m2"]).lower().rstrip("."))
        if month is None:
            return None
        day_text = f"{_ENGLISH[month]} {g['d1'] or g['d2']}, {g['y1'] or g['y2']}"
    time, zone = g["time"] or g["pre"], g["zone"] if g["time"] else g["prezone"]
    if time:
        time = time.replace("h", ":").replace("H", ":")
        with_time = parse_date(f"{day_text} {time} {zone or ''}".strip())
        if with_time is None and zone:
            with_time = parse_date(f"{day_text} {time}")
        if with_time is not None:
            return with_time
    return parse_date(day_text)


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
