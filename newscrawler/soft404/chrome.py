"""Site chrome learned per host: short blocks seen on several of its pages (disclaimers)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newscrawler.soft404.evidence import Evidence
from newscrawler.soft404.pageblocks import block_key
from newscrawler.utils.text import word_count

# Blocks longer than this are story text, never site chrome.
CHROME_MAX_WORDS = 80
# Keys remembered per host at most (a site of endless unique blocks does not grow memory).
CHROME_MAX_KEYS = 20_000


class SiteChrome:
    """Blocks seen on at least ``min_pages`` pages of one host: disclaimers, comment widgets."""

    def __init__(self, min_pages: int) -> None:
        self.min_pages = min_pages
        self.counts: Counter[str] = Counter()

    def __contains__(self, key: object) -> bool:
        return self.counts.get(key, 0) >= self.min_pages  # type: ignore[call-overload]

    def add(self, keys: Iterable[str]) -> None:
        if len(self.counts) < CHROME_MAX_KEYS:
            self.counts.update(keys)

    def learn(self, ev: Evidence) -> None:
        """Count the page's short blocks (after its verdict: a page is not its own chrome)."""
        self.add({block_key(b, ev.masks) for b in ev.blocks if word_count(b) <= CHROME_MAX_WORDS})


class ChromeByHost:
    """One :class:`SiteChrome` per host."""

    def __init__(self, min_pages: int) -> None:
        self.min_pages = min_pages
        self.hosts: dict[str, SiteChrome] = {}

    def of(self, host: str) -> SiteChrome:
        chrome = self.hosts.get(host)
        if chrome is None:
            chrome = self.hosts[host] = SiteChrome(self.min_pages)
        return chrome
