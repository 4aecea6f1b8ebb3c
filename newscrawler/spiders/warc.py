"""``scrapy crawl warc -a url=SOURCE``: stories out of WARC files, through every cleaning stage.

Each HTML ``response`` record becomes a request that
:class:`~newscrawler.downloadermiddlewares.warcrecords.ArchivedResponseMiddleware` answers
with the archived response, unfetched: the downloader middlewares, the parser choice
(a wire's parser on its hosts, the generic one elsewhere) and the item pipelines are
those of a live crawl. Files are read in a thread, a few records at a time, and no more
records are read while the crawl has work queued, so memory does not grow with the file.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from functools import cached_property
from itertools import islice
from typing import Any, ClassVar

from scrapy import Request, signals
from scrapy.exceptions import UsageError
from scrapy.http import Response
from scrapy.spiderloader import get_spider_loader

from newscrawler.arguments import parse_since, split_values
from newscrawler.components import at_least
from newscrawler.discovery.policy import DEFAULT_ALLOWED_HOSTS, FetchPolicy, url_host
from newscrawler.distributed import is_distributed
from newscrawler.downloadermiddlewares.fetchpolicy import allowed_hosts
from newscrawler.items import Article
from newscrawler.meta import HINTS, STORY, UNIT, WARC_FILE, WARC_RECORD
from newscrawler.parsers.base import ArticleParser
from newscrawler.spiders.base import NewsSpider
from newscrawler.spiders.storypages import StoryPages
from newscrawler.utils.urls import is_same_site
from newscrawler.warc.filters import archived_hints, select, warc_date
from newscrawler.warc.records import Bad, Record, iter_records
from newscrawler.warc.sources import (
    Refused,
    RefusedRead,
    expand,
    file_url,
    is_remote,
    open_source,
)

logger = logging.getLogger(__name__)

# records read per trip to the reading thread
BATCH = 16
# a record bigger than this (a video, a whole-file gzip member) is skipped as it is read
DEFAULT_MAX_RECORD = 16 * 1024 * 1024
WIRES = "wires"


class WarcSpider(StoryPages, NewsSpider):
    """Reads WARC files, folders, globs, HTTP URLs and ``warc.paths.gz`` listings.

    ``-a hosts=`` keeps records of those hosts and their subdomains (``hosts=wires``:
    the hosts of the wire spiders); ``-a since=``/``-a until=`` bound the record's
    ``WARC-Date``. Skipped records are counted in ``warc/skipped/<why>``.
    """

    name = "warc"
    spider_arguments: ClassVar[tuple[str, ...]] = (
        "url", "hosts", "until", *NewsSpider.spider_arguments)
    # there is no live site behind an archive: a probe would fetch the live web
    custom_settings: ClassVar[dict[str, Any]] = {
        "SOFT404_PROBE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
    }

    def __init__(self, *args: Any, url: str | list[str] | None = None,
                 hosts: str | None = None, since: str | None = None,
                 until: str | None = None, **kwargs: Any) -> None:
        # since/until bound the record's date, not the story's: an archive fetched in May
        # holds April's stories too, and they are what a May archive is read for
        super().__init__(*args, **kwargs)
        self.check_sources(url)
        self.record_since = parse_since(since)
        self.sources = [self.rebase(s) if is_remote(s) else s for s in split_values(url)]
        self.host_names = [h.lower().removeprefix("www.") for h in split_values(hosts)]
        self.until = parse_since(until)

    @classmethod
    def check_arguments(cls, **kwargs: str) -> None:
        super().check_arguments(**kwargs)
        parse_since(kwargs.get("until"))
        cls.check_sources(kwargs.get("url"))

    @classmethod
    def check_sources(cls, url: str | list[str] | None) -> None:
        if not split_values(url):
            raise UsageError("the warc spider needs -a url=SOURCE: a .warc/.warc.gz file, a "
                             "glob, a folder, an http(s) URL or a warc.paths.gz listing")

    # --- what is read ---------------------------------------------------------------------
    @cached_property
    def wire_spiders(self) -> list[type[NewsSpider]]:
        """Spiders with a parser of their own and the hosts it is for."""
        loader = get_spider_loader(self.crawler.settings)
        found = []
        for name in loader.list():
            cls = loader.load(name)
            if (issubclass(cls, NewsSpider) and cls.parser_class is not ArticleParser
                    and getattr(cls, "allowed_domains", None)):
                found.append(cls)
        return found

    @cached_property
    def hosts(self) -> frozenset[str]:
        names = set(self.host_names)
        if WIRES in names:
            names.discard(WIRES)
            names.update(d for cls in self.wire_spiders for d in cls.allowed_domains)
        return frozenset(names)

    @cached_property
    def statuses(self) -> frozenset[int]:
        """Error statuses a live crawl parses too (``HTTPERROR_ALLOWED_CODES``)."""
        return frozenset(int(c) for c in self.crawler.settings.getlist("HTTPERROR_ALLOWED_CODES"))

    @cached_property
    def max_record(self) -> int:
        return self.crawler.settings.getint("WARC_MAX_RECORD_SIZE", DEFAULT_MAX_RECORD)

    @property
    def agent(self) -> str:
        return str(self.crawler.settings.get("USER_AGENT") or "newscrawler")

    @cached_property
    def read_policy(self) -> FetchPolicy:
        """What remote reads may reach besides the sources typed in ``-a url=``: their
        hosts and ``DISCOVERY_ALLOWED_HOSTS``, never a private address unless a source is
        on one (a listing's entries and every redirect are held to it)."""
        hosts = self.crawler.settings.getlist("DISCOVERY_ALLOWED_HOSTS",
                                              list(DEFAULT_ALLOWED_HOSTS))
        return FetchPolicy([s for s in self.sources if is_remote(s)], (), allowed_hosts(hosts))

    @cached_property
    def refusals_logged(self) -> set[tuple[str, str]]:
        return set()

    def refuse(self, what: str, why: str, where: str) -> None:
        """Count a refused entry or redirect; log it once per reason and host (or listing)."""
        self.crawler.stats.inc_value(f"warc/refused/{why}")
        key = (why, url_host(what) or where)
        if key not in self.refusals_logged:
            self.refusals_logged.add(key)
            logger.warning("Refused %(what)s (%(why)s, in %(where)s): a listing's entries stay "
                           "on its origin or in its folder, and redirects on the crawl's hosts "
                           "(further refusals are counted in warc/refused/%(why)s)",
                           {"what": what, "why": why, "where": where})

    async def start(self) -> AsyncIterator[Request]:
        try:
            found = await asyncio.to_thread(lambda: list(expand(
                self.sources, self.read_policy, user_agent=self.agent)))
        except OSError as error:  # a listing that cannot be read: nothing to do
            self.crawler.stats.inc_value("warc/files/failed")
            logger.error("Cannot read the listing: %(error)s", {"error": error})
            return
        files = []
        for entry in found:
            if isinstance(entry, Refused):
                self.refuse(entry.entry, entry.why, entry.listing)
            elif self.wanted_file(entry):
                files.append(entry)
        self.crawler.stats.set_value("warc/files/listed", len(files))
        if is_distributed(self.crawler.settings):
            # each file is a unit of work in the shared queue: one worker takes it, and if
            # that worker dies, the file goes back to the queue (the state store's
            # exported-story records keep what it exported from being exported again)
            for location in files:
                yield Request(file_url(location), callback=self.parse_file,
                              errback=self.download_failed, dont_filter=True,
                              meta={WARC_FILE: location, UNIT: location})
            return
        for location in files:
            async for request in self.file_requests(location):
                yield request

    async def parse_file(self, response: Response) -> AsyncIterator[Request]:
        """A distributed crawl's WARC file: its pages go to the shared queue as it is read,
        and any worker parses them. A worker reads ``WARC_CONCURRENT_FILES`` files at a
        time; the others it took wait in its hands (given back if it dies).

        A file's request can be queued twice: a worker that died holding it (kill -9) has
        it put back in the queue, and a new run (the dead worker's run expired meanwhile)
        seeds it too. The file is claimed for the run first: a copy is dropped while the
        live worker that took it reads it or holds it (``warc/files/not_read_twice``); the
        scheduler holds a file's request until the worker's feed is published, so a worker
        killed after reading it has it read again (what it exported died with its feed)."""
        from redis import RedisError  # the distributed extra

        from newscrawler.distributed.coordinator import coordinator_of

        location = response.meta[WARC_FILE]
        coordinator = coordinator_of(self.crawler)
        try:
            holder = await asyncio.to_thread(coordinator.claim,
                                             response.meta.get(UNIT, location))
        except RedisError as error:  # read it (twice at worst) rather than lose it
            logger.warning("Could not claim %(file)s (%(error)s): read all the same",
                           {"file": location, "error": error})
            holder = None
        if holder is not None:
            # this copy is acknowledged, not held: the worker that has the file holds its own
            response.meta.pop(UNIT, None)
            self.crawler.stats.inc_value("warc/files/not_read_twice")
            logger.info("Not reading %(file)s again: worker %(worker)s has it",
                        {"file": location, "worker": holder})
            return
        async with self.file_slots:
            async for request in self.file_requests(location):
                yield request

    @cached_property
    def file_slots(self) -> asyncio.Semaphore:
        return asyncio.Semaphore(at_least(self.crawler.settings, "WARC_CONCURRENT_FILES", 2, 1))

    def wanted_file(self, location: str) -> bool:
        """Whether to read this file of the listing (``ccnews -a day=`` reads one day's)."""
        return True

    async def file_requests(self, location: str) -> AsyncIterator[Request]:
        """One WARC file's pages as requests, read in a thread a batch at a time."""
        stats = self.crawler.stats
        try:
            stream = await asyncio.to_thread(open_source, location, self.read_policy,
                                             user_agent=self.agent)
        except RefusedRead as refused:
            self.refuse(refused.url, refused.why, refused.via)
            return
        except OSError as error:
            stats.inc_value("warc/files/failed")
            logger.error("Cannot open %(file)s: %(error)s", {"file": location, "error": error})
            return
        records = iter_records(stream, max_size=self.max_record)
        try:
            while batch := await asyncio.to_thread(lambda: list(islice(records, BATCH))):
                for record in batch:
                    if (request := self.record_request(location, record)) is None:
                        continue
                    if self.crawler.engine.needs_backout():
                        # read on when the crawl has room: memory stays a few pages deep
                        await self.crawler.signals.wait_for(signals.scheduler_empty)
                    yield request
        except RefusedRead as refused:  # a resumed read redirected off the crawl's hosts
            self.refuse(refused.url, refused.why, refused.via)
        except OSError as error:
            stats.inc_value("warc/files/failed")
            logger.error("Reading %(file)s failed: %(error)s", {"file": location, "error": error})
        else:
            stats.inc_value("warc/files/read")
        finally:
            stats.inc_value("warc/resumes", getattr(stream, "resumes", 0))
            stream.close()

    def record_request(self, location: str, record: Record | Bad) -> Request | None:
        """The request a record's page is served to, or ``None`` (counted) when skipped."""
        stats = self.crawler.stats
        if isinstance(record, Bad):
            stats.inc_value(f"warc/skipped/{record.why}")
            return None
        stats.inc_value(f"warc/records/{record.type}")
        chosen = select(record, hosts=self.hosts, since=self.record_since, until=self.until,
                        statuses=self.statuses)
        if isinstance(chosen, str):
            stats.inc_value(f"warc/skipped/{chosen}")
            return None
        page = {"file": location, "offset": record.offset, "date": record.date,
                "status": chosen.status, "headers": chosen.headers, "body": chosen.body}
        try:
            return Request(record.url, callback=self.parse_record, errback=self.download_failed,
                           dont_filter=True, meta={WARC_RECORD: page, **self.story_meta(
                               record)})
        except ValueError:
            stats.inc_value("warc/skipped/bad_url")
            return None

    def story_meta(self, record: Record) -> dict[str, Any]:
        """A story whatever the page looks like, as in a live crawl: a wire's story URL, or
        a page our ``WARC_OUTPUT`` archived as a story (discovery had said so, and what
        else it knew of it is in the record too)."""
        if record.headers.get("warc-newscrawler-kind") == "story":
            return {STORY: True, HINTS: archived_hints(record)}
        cls = self.wire_for(record.url)
        if cls is not None and cls.story_url is not None and cls.story_url.search(record.url):
            return {STORY: True}
        return {}

    def wire_for(self, url: str) -> type[NewsSpider] | None:
        return next((cls for cls, hosts in self.wire_hosts if is_same_site(url, hosts)), None)

    @cached_property
    def wire_hosts(self) -> list[tuple[type[NewsSpider], frozenset[str]]]:
        return [(cls, frozenset(cls.allowed_domains)) for cls in self.wire_spiders]

    # --- what is parsed -------------------------------------------------------------------
    def parser_for(self, response: Any) -> Callable[..., ArticleParser]:
        cls = self.wire_for(response.url)
        if cls is None:
            return ArticleParser
        # a wire spider's choice between its layouts reads only the page and class attributes
        return cls.parser_for(cls, response)  # type: ignore[arg-type]

    def parse_record(self, response: Response) -> Iterable[Article]:
        if not self.is_page(response):
            return
        page = response.meta[WARC_RECORD]
        parser = self.parser_for(response)(response, hints=response.meta.get(HINTS))
        for item in self.page_items(parser):
            yield self.archived(item, page)

    def archived(self, item: Article, page: dict[str, Any]) -> Article:
        """Dated by the archive, and saying where in it the page is."""
        item.fetched_at = warc_date(page["date"]) or item.fetched_at
        item.archive = {"file": page["file"], "offset": page["offset"]}
        return item
