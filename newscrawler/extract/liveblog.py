"""A live blog printed without markup: under its headline, a run of entries, each a time line
and its text, newest first.

Its first date after the headline is its latest entry, which is when the page was last
changed; the blog was published when it began, at its earliest entry. Told by structure:
several entry times, newest first, within a day or so of each other, each followed by
text of its own (not a list of linked teasers).
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise

from lxml import etree

from newscrawler.extract.nearby import following, text_within
from newscrawler.utils.dates import parse_date
from newscrawler.utils.datetext import find_date

__all__ = ["live_entries"]

LIVE_ELEMENTS = 600
"""Elements after the headline looked at for entries."""
MIN_ENTRIES = 3
MAX_TIME_LINE = 60
"""An entry's time line is short: "14:20, 5 March 2024", not a sentence with a date."""
ENTRY_TEXT = 60
"""Characters of its own (outside links) an entry carries after its time."""
MAX_SPAN_HOURS = 48
"""A live blog's entries cover hours or a day or two; a teaser list spans weeks."""
# a time of day, in any script's digits: an entry line without one is no entry's
_CLOCK = re.compile(r"\d\s?[:.hH時时시]\s?\d\d")
LINK_SHARE = 4
"""An entry's own text is this many times its links' (a teaser card's title link is long)."""
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
EARLY_ELEMENTS = 120
"""Elements by which a live blog has shown two entries (they follow each other closely)."""
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option"})


def _entry_time(element: etree._Element, day_first: bool, language: str | None) -> str | None:
    """The date and time (never a bare day) an element prints as its own short line.

    Only an element whose own text shows a time of day is read (with its parent when the
    day is printed beside it: ``<span>5 March</span><span>14:20</span>``): a page's
    hundreds of other elements cost a look at their text, not a date search.
    """
    if element.tag == "time" and (value := element.get("datetime")):
        found = parse_date(value.strip())
        return found if found is not None and len(found) > len("2024-03-05") else None
    if element.text and _CLOCK.search(element.text):
        lines = (element, element.getparent())
    elif element.tail and _CLOCK.search(element.tail):
        lines = (element.getparent(),)
    else:
        return None
    for line in lines:
        if line is None or len(line) > 3:
            return None
        text = text_within(line, MAX_TIME_LINE + 1)
        if len(text) > MAX_TIME_LINE:
            return None
        if (found := find_date(text, day_first, language)) is not None:
            return found if len(found) > len("2024-03-05") else None
    return None


def _in_link(element: etree._Element) -> bool:
    """Whether the element's own text is a link's (the element, or its parent, is ``<a>``)."""
    parent = element.getparent()
    return element.tag == "a" or (parent is not None and parent.tag == "a")


def _teaser_link(element: etree._Element) -> bool:
    """A link to another page as a heading (``<h3><a href=/story>``): a teaser card's title,
    which a live entry's own heading is not."""
    if element.tag != "a" or (element.get("href") or "#").startswith("#"):
        return False
    parent = element.getparent()
    return (parent is not None and parent.tag in _HEADINGS) or any(
        child.tag in _HEADINGS for child in element)


def live_entries(headline: etree._Element | None, day_first: bool = False,
                 language: str | None = None) -> list[str]:
    """The entry times of a live blog printed without markup, oldest first; [] for a page
    that is not one."""
    if headline is None:
        return []
    # first the entry times alone: most pages show fewer than MIN_ENTRIES (a <time> under the
    # headline), and their entries' texts need not be counted
    walked: list[tuple[etree._Element, str | None]] = []
    found = 0
    for count, element in enumerate(following(headline, LIVE_ELEMENTS)):
        if count == EARLY_ELEMENTS and found < 2:
            return []
        tag = element.tag
        if tag in _SKIP:
            continue
        # _entry_time's own first look, inline: most elements show no time of day
        text, tail = element.text, element.tail
        when = _entry_time(element, day_first, language) if tag == "time" or (
            text and _CLOCK.search(text)) or (tail and _CLOCK.search(tail)) else None
        found += when is not None
        walked.append((element, when))
    if len({when for _, when in walked if when is not None}) < MIN_ENTRIES:
        return []
    entries: list[list] = []  # [time, own characters, link characters, has a teaser title]
    for element, when in walked:
        if when is not None:
            entries.append([when, 0, 0, False])
            continue
        if entries:
            entry = entries[-1]
            entry[2 if _in_link(element) else 1] += len((element.text or "").strip())
            entry[2 if element.tag == "a" else 1] += len((element.tail or "").strip())
            entry[3] = entry[3] or _teaser_link(element)
    times = [when for when, own, link, teaser in entries
             if own >= ENTRY_TEXT and own >= LINK_SHARE * link and not teaser]
    # the first may be the page's own date line (its start) above the newest entry
    run = times[1:] if len(times) > MIN_ENTRIES else times
    if len(set(run)) < MIN_ENTRIES or any(a[:19] < b[:19] for a, b in pairwise(run)):
        return []
    try:
        span = datetime.fromisoformat(run[0][:19]) - datetime.fromisoformat(run[-1][:19])
    except ValueError:
        return []
    if span.total_seconds() > MAX_SPAN_HOURS * 3600:
        return []
    # the blog's own date line under the headline (its start), whatever follows it
    return sorted({entries[0][0], *times}, key=lambda iso: iso[:19])
