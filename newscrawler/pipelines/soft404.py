"""Drop pages that are not stories: error templates, expired notices, bot walls, empty shells.

A thin adapter around :mod:`newscrawler.soft404`: it reads the evidence off the
parser left on the item (``item.evidence``: status, redirects, blocks, headings),
fetches the host's probe through the engine when the verdict could depend on
it, and either drops the item with a named :class:`~newscrawler.exceptions.Rejected`
(written to the run's rejects file with its reasons) or keeps it, without the
error banner a wire wrapped around the story.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any, Self

from itemadapter import ItemAdapter
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse

from newscrawler.components import require
from newscrawler.evidence import PageEvidence
from newscrawler.exceptions import Rejected
from newscrawler.extensions.state import StateStoreExtension, unavailable
from newscrawler.meta import PROBE
from newscrawler.soft404.banner import FLAG, strip_banner
from newscrawler.soft404.chrome import ChromeByHost
from newscrawler.soft404.classify import Verdict, classify, needs_probe
from newscrawler.soft404.evidence import Evidence, evidence_from_page
from newscrawler.soft404.hosts import HostTally
from newscrawler.soft404.probe import ProbeFingerprint, fingerprint, probe_url, url_pattern
from newscrawler.soft404.probebook import ProbeBook
from newscrawler.soft404.rules import Rules, default_rules
from newscrawler.utils.bounds import bounded
from newscrawler.utils.pages import page_root
from newscrawler.utils.urls import host_of

__all__ = ["REJECTED", "Soft404Pipeline", "evidence_from_page", "strip_banner"]

logger = logging.getLogger(__name__)

DEFAULT_PROBE_MAX_PATTERNS = 8
DEFAULT_CHROME_MIN_PAGES = 3
DEFAULT_HOST_DROP_WARN = 0.3
DEFAULT_HOST_MIN_PAGES = 10
DEFAULT_PROBE_TTL = 86400.0  # seconds a probe shared through Redis stays valid


class Soft404Page(Rejected):
    """An error template, an expired notice or a probe look-alike served as a page."""


class GonePage(Rejected):
    """A real 404/410 with no story in it."""


class BlockedPage(Rejected):
    """A bot wall: the story may well exist; retry later, never count it as missing."""


class ThinPage(Rejected):
    """No substantive story text (an empty article shell)."""


class RedirectedPage(Rejected):
    """A story URL redirected to the home page, a listing or a login wall."""


REJECTED: dict[str, type[Rejected]] = {
    "soft404": Soft404Page,
    "gone": GonePage,
    "blocked": BlockedPage,
    "thin": ThinPage,
    "redirect": RedirectedPage,
}


class Soft404Pipeline:
    """``SOFT404_ENABLED`` (default ``True``); thresholds are the other ``SOFT404_*`` settings."""

    def __init__(
        self,
        rules: Rules,
        *,
        crawler: Crawler | None = None,
        probe: bool = True,
        probe_max_patterns: int = DEFAULT_PROBE_MAX_PATTERNS,
        probe_ttl: float = DEFAULT_PROBE_TTL,
        share_probes: bool = False,
        chrome_min_pages: int = DEFAULT_CHROME_MIN_PAGES,
        host_drop_warn: float = DEFAULT_HOST_DROP_WARN,
        host_min_pages: int = DEFAULT_HOST_MIN_PAGES,
    ) -> None:
        self.crawler = crawler
        self.rules = rules
        self.probe_enabled = probe
        self.probe_max_patterns = probe_max_patterns
        self.probe_ttl = probe_ttl
        self.share_probes = share_probes
        """Probes go through the crawl's Redis state store, shared by its workers."""
        self.chrome_min_pages = chrome_min_pages
        self.host_drop_warn = host_drop_warn
        self.host_min_pages = host_min_pages
        self._state: StateStoreExtension | None = (
            StateStoreExtension.of(crawler) if crawler is not None and share_probes and probe
            else None)
        self._shared: StateStoreExtension | None = None  # Redis store: probes shared by workers
        self._probes = ProbeBook(probe_max_patterns)
        self._chrome = ChromeByHost(chrome_min_pages)
        self._hosts = HostTally()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        require(settings, "SOFT404_ENABLED")
        base = default_rules()
        rules = dataclasses.replace(
            base,
            min_story_words=settings.getint("SOFT404_MIN_STORY_WORDS", base.min_story_words),
            banner_keep_words=settings.getint("SOFT404_BANNER_KEEP_WORDS",
                                              base.banner_keep_words),
            probe_match=settings.getfloat("SOFT404_PROBE_MATCH", base.probe_match),
        )
        pipeline = cls(
            rules,
            crawler=crawler,
            probe=settings.getbool("SOFT404_PROBE_ENABLED", True),
            probe_max_patterns=settings.getint("SOFT404_PROBE_MAX_PATTERNS",
                                               DEFAULT_PROBE_MAX_PATTERNS),
            probe_ttl=settings.getfloat("SOFT404_PROBE_TTL", DEFAULT_PROBE_TTL),
            share_probes=str(settings.get("STATE_URI") or "").startswith(
                ("redis://", "rediss://")),
            chrome_min_pages=settings.getint("SOFT404_CHROME_MIN_PAGES", DEFAULT_CHROME_MIN_PAGES),
            host_drop_warn=settings.getfloat("SOFT404_HOST_DROP_WARN", DEFAULT_HOST_DROP_WARN),
            host_min_pages=settings.getint("SOFT404_HOST_MIN_PAGES", DEFAULT_HOST_MIN_PAGES),
        )
        pipeline.validate()
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def validate(self) -> None:
        """Wrong values fail at start-up, not at item time."""
        rules = self.rules
        if not 0 <= rules.min_story_words <= rules.banner_keep_words:
            raise ValueError("SOFT404_MIN_STORY_WORDS must be between 0 and "
                             f"SOFT404_BANNER_KEEP_WORDS ({rules.banner_keep_words})")
        if not 0 < rules.probe_match <= 1:
            raise ValueError(f"SOFT404_PROBE_MATCH must be in (0, 1], not {rules.probe_match}")
        if not 0 <= self.host_drop_warn <= 1:
            raise ValueError(f"SOFT404_HOST_DROP_WARN must be in [0, 1], not {self.host_drop_warn}")
        if self.chrome_min_pages < 2:
            raise ValueError("SOFT404_CHROME_MIN_PAGES must be at least 2")
        if self.probe_max_patterns < 0 or self.host_min_pages < 1:
            raise ValueError("SOFT404_PROBE_MAX_PATTERNS must be >= 0, SOFT404_HOST_MIN_PAGES >= 1")

    async def open_spider(self) -> None:
        if self._state is not None:
            await self._state.open()
            self._shared = self._state

    async def close_spider(self) -> None:
        self._shared = None

    # --- the stage ------------------------------------------------------------------------
    async def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        page = adapter.get("evidence")
        stats = self.crawler.stats
        if not isinstance(page, PageEvidence):
            stats.inc_value("soft404/skipped_no_page")
            return item
        ev = evidence_from_page(page, self.rules)
        host = host_of(ev.url)
        chrome = self._chrome.of(host)
        verdict = classify(ev, None, chrome, self.rules)
        if self.probe_enabled and needs_probe(ev, verdict, self.rules):
            probe = await self.probe(ev.url)
            if probe is not None:
                verdict = classify(ev, probe, chrome, self.rules)
        chrome.learn(ev)
        self._count(host, ev, verdict)
        if ev.bounded:
            bounded(self.crawler, adapter, "soft404")
        if verdict.dropped:
            exception = REJECTED[verdict.cls]
            raise exception(
                verdict.cls,
                f"{verdict.cls} ({', '.join(verdict.reasons[:4])}): {ev.url}",
                evidence=verdict.evidence() | ({"markers": ev.vendor_markers[:6]}
                                               if verdict.cls == "blocked" else {}),
                log_level="INFO",
            )
        if verdict.banner:
            body, _ = strip_banner(adapter.get("body") or "", verdict.strip_blocks)
            adapter["body"] = body
            flags = list(adapter.get("flags") or [])
            if FLAG not in flags:
                adapter["flags"] = [*flags, FLAG]
            stats.inc_value("soft404/kept_banner_stripped")
        return item

    def _count(self, host: str, ev: Evidence, verdict: Verdict) -> None:
        stats = self.crawler.stats
        stats.inc_value("soft404/checked")
        stats.inc_value(f"soft404/status/{ev.status}")
        stats.inc_value(f"soft404/class/{verdict.cls}")
        for reason in verdict.reasons:
            stats.inc_value(f"soft404/reason/{reason}")
        vendor = (verdict.vendor or "unknown") if verdict.cls == "blocked" else None
        self._hosts.record(host, dropped=verdict.dropped, blocked_by=vendor)
        if verdict.dropped:
            stats.inc_value("soft404/dropped")
        if vendor is not None:
            stats.inc_value(f"soft404/blocked/{vendor}")

    # --- the probe ------------------------------------------------------------------------
    async def probe(self, url: str) -> ProbeFingerprint | None:
        """The host's answer for a nonexistent URL of this URL's pattern, fetched once."""
        key = url_pattern(url)
        stats = self.crawler.stats
        book = self._probes
        if book.known(key):
            stats.inc_value("soft404/probe/cache_hits")
            return await book.answer(key)
        if not book.admit(host_of(url)):
            stats.inc_value("soft404/probe/skipped_max_patterns")
            return None
        try:
            task = asyncio.ensure_future(self._fetch_probe(url))
        except RuntimeError:  # no asyncio loop running: nothing to share the probe with
            result = await self._fetch_probe(url)
            book.put(key, result)
            return result
        book.put(key, task)
        result = await task
        book.put(key, result)
        return result

    async def _fetch_probe(self, url: str) -> ProbeFingerprint | None:
        stats = self.crawler.stats
        if self._shared is not None and (store := self._shared.probes) is not None:
            try:
                cached = await self._shared.opened.call(store.probe_get, url_pattern(url))
            except Exception as error:
                if not unavailable(error):
                    raise
                cached = None  # the store went away: probe as if nothing was shared
            if cached is not None:
                stats.inc_value("soft404/probe/shared_hits")
                return ProbeFingerprint.from_json(cached)
        result = await self._download_probe(url)
        if result is not None and self._shared is not None and (
                store := self._shared.probes) is not None:
            self._shared.submit(store.probe_set, url_pattern(url), result.to_json(),
                                self.probe_ttl)
        return result

    async def _download_probe(self, url: str) -> ProbeFingerprint | None:
        stats = self.crawler.stats
        target = probe_url(url)
        request = Request(target, meta={PROBE: True, "dont_cache": True}, dont_filter=True,
                          priority=20)
        stats.inc_value("soft404/probe/requests")
        try:
            response: Response = await self.crawler.engine.download_async(request)
        except Exception as error:  # noqa: BLE001 - robots.txt, DNS, timeouts: no probe evidence
            stats.inc_value("soft404/probe/failed")
            logger.debug("Probe %(url)s failed: %(error)r", {"url": target, "error": error})
            return None
        root = page_root(response) if isinstance(response, TextResponse) else None
        result = fingerprint(target, response.status, root, final_url=response.url,
                             redirect_urls=response.meta.get("redirect_urls", ()))
        if result.redirect:
            stats.inc_value("soft404/probe/hosts_redirect")
        elif result.soft:
            stats.inc_value("soft404/probe/hosts_soft")
        elif response.status in (404, 410):
            stats.inc_value("soft404/probe/hosts_hard")
        logger.debug("Probe %(url)s: %(status)s", {"url": target, "status": response.status})
        return result

    # --- the end of the run ---------------------------------------------------------------
    def spider_closed(self, spider: Any) -> None:
        for host, vendor, count, checked in self._hosts.walls():
            logger.warning(
                "%(spider)s: %(count)d of %(checked)d pages of %(host)s blocked by "
                "%(vendor)s (not counted as missing; retry later)",
                {"spider": spider.name, "count": count, "checked": checked,
                 "host": host, "vendor": vendor},
            )
        if not self.host_drop_warn:
            return
        for drops in self._hosts.over_rate(self.host_drop_warn, self.host_min_pages):
            self.crawler.stats.inc_value("soft404/hosts_over_drop_rate")
            logger.warning(
                "%(host)s: %(dropped)d of %(checked)d pages dropped as not stories "
                "(%(rate).0f%%, above SOFT404_HOST_DROP_WARN): a layout change or a block?",
                {"host": drops.host, "dropped": drops.dropped, "checked": drops.checked,
                 "rate": 100 * drops.rate},
            )
