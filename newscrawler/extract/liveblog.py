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
from itertools import islice, pairwise

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
EARLY_ELEMENTS = 200
"""Elements by which a live blog has shown two entries (they follow each other closely)."""
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "button", "select", "option"})


def _entry_time(element: etree._Element, day_first: bool, language: str | None) -> str | None:
    """The date and time (never a bare day) an element prints as its own short line."""
    if element.tag == "time" and (value := element.get("datetime")):
        found = parse_date(value.strip())
    elif len(element) > 3:
        return None
    else:
        text = text_within(element, MAX_TIME_LINE + 1)
        if len(text) > MAX_TIME_LINE or not _CLOCK.search(text):
            return None
        found = find_date(text, day_first, language)
    return found if found is not None and len(found) > len("2024-03-05") else None


def _in_link(element: etree._Element) -> bool:
    """Whether the element's own text is a link's (the element, or its parent, is ``<a>``)."""
    parent = element.getparent()
    return element.tag == "a" or (parent is not None and parent.tag == "a")


def live_entries(headline: etree._Element | None, day_first: bool = False,
                 language: str | None = None) -> list[str]:
    """The entry times of a live blog printed without markup, oldest first; [] for a page
    that is not one."""
    if headline is None:
        return []
    entries: list[list] = []  # [time, own characters, link characters]
    inside = 0  # elements left inside the entry's time line (its text is not the entry's)
    for count, element in enumerate(following(headline, LIVE_ELEMENTS)):
        if count == EARLY_ELEMENTS and len(entries) < 2:
            return []
        if inside:
            inside -= 1
            continue
        if element.tag in _SKIP:
            continue
        if (when := _entry_time(element, day_first, language)) is not None:
            entries.append([when, 0, 0])
            # a time line has at most three children (else it is no line): skip what is in it
            inside = sum(1 for e in islice(element.iterdescendants(), LIVE_ELEMENTS)
                         if isinstance(e.tag, str))
            continue
        if entries:
            entries[-1][2 if _in_link(element) else 1] += len((element.text or "").strip())
            entries[-1][2 if element.tag == "a" else 1] += len((element.tail or "").strip())
    times = [when for when, own, link in entries if own >= ENTRY_TEXT and own >= 2 * link]
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
