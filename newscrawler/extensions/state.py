"""The crawl's state store and its export ledger: one owner for what every stage shares.

:class:`StateStoreExtension` opens the store when the first stage asks for it
(``await state.open()``; the soft-404, boilerplate and duplicates pipelines in
``open_spider``, the incremental spider middleware before the first start request),
prunes its expired rows, and closes it once the run is over, after its queued writes.

It also keeps the ledger of exports: the duplicates stage claims each story it keeps
under the run's id (:meth:`StateStoreExtension.record_exports`), and only when the feed exporter
has published every feed (``feed_exporter_closed``, no feed failed) does one call turn
all the run's claims into exports (``publish_run``), exactly once. A run killed before
that leaves its claims under a dead run id: the next run exports those stories again,
never loses them. Without a feed (``FEEDS`` empty) the claims are published when the
spider closes, once every item has left the pipelines.

Components reach it through their crawler: ``StateStoreExtension.of(crawler)`` in ``from_crawler``.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from concurrent.futures import Future
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.extensions.feedexport import FeedExporter
from twisted.python.failure import Failure

from newscrawler.components import attach, positive_days
from newscrawler.dedup.minhash import stored_band_keys
from newscrawler.exceptions import StoreUnavailable
from newscrawler.state import DEFAULT_STATE_URI, open_store
from newscrawler.storeapi import ProbeStore, StateStore

logger = logging.getLogger(__name__)

DEFAULT_DUPLICATES_EXPIRY_DAYS = 90.0
DEFAULT_BOILERPLATE_EXPIRY_DAYS = 30.0

state_store_opened = object()
"""Signal sent with ``store`` and ``state`` (the extension) once the crawl's store is open,
before it is pruned: a worker of a distributed crawl sets ``state.run`` to its claim id."""


def unavailable(error: BaseException) -> bool:
    """Whether ``error`` says the store's server went away (a Redis connection lost or timed
    out), not that a call was wrong."""
    try:
        import redis
    except ImportError:
        return False
    return isinstance(error, (redis.ConnectionError, redis.TimeoutError))


def _log_failure(future: Future[Any]) -> None:
    if (error := future.exception()) is not None:
        logger.error("State store update failed: %(error)r", {"error": error},
                     exc_info=error)


class StateStoreExtension:
    """``STATE_URI``, ``REDIS_KEY_PREFIX``, ``REDIS_TIMEOUT_SECONDS``,
    ``DUPLICATES_EXPIRY_DAYS``, ``BOILERPLATE_EXPIRY_DAYS``; with ``REDIS_URL`` the run's
    claims are this worker's (:class:`newscrawler.distributed.coordinator.DistributedWorker`)."""

    crawler: Crawler

    def __init__(self) -> None:
        self.store: StateStore | None = None
        """The open store (``None`` until a stage asked, and once closed)."""
        self.run = uuid.uuid4().hex
        """The id the run's claims are recorded under."""
        self._opening: asyncio.Future[StateStore] | None = None
        self._ledger = False
        self._feed_failed = False
        self._settled = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        extension = attach(cls(), crawler)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.feed_exporter_closed,
                                signal=signals.feed_exporter_closed)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    @classmethod
    def of(cls, crawler: Crawler) -> StateStoreExtension:
        """The crawler's state store extension, for a stage's ``from_crawler``."""
        found = crawler.get_extension(cls)
        if found is None:
            raise RuntimeError(f"{cls.__module__}.{cls.__name__} is not in EXTENSIONS: the "
                               "stages that keep state across runs need it")
        return found

    # --- opening ----------------------------------------------------------------------------
    async def open(self) -> StateStore:
        """The crawl's store, opened (and pruned of expired rows) for the first stage that
        asks; every later call gets the same one."""
        if self._opening is None:
            self._opening = asyncio.ensure_future(self._open())
        return await self._opening

    async def _open(self) -> StateStore:
        settings = self.crawler.settings
        story_days = positive_days(settings, "DUPLICATES_EXPIRY_DAYS",
                                   DEFAULT_DUPLICATES_EXPIRY_DAYS)
        paragraph_days = positive_days(settings, "BOILERPLATE_EXPIRY_DAYS",
                                       DEFAULT_BOILERPLATE_EXPIRY_DAYS)
        # opening is one quick file open at start-up; the pruning runs on the store's thread
        store = self.store = open_store(settings.get("STATE_URI") or DEFAULT_STATE_URI,
                                        settings.get("REDIS_KEY_PREFIX"),
                                        settings.getfloat("REDIS_TIMEOUT_SECONDS", 3.0),
                                        band_keys=stored_band_keys)
        # a worker of a distributed crawl takes its claim id here (DistributedWorker)
        for _, result in self.crawler.signals.send_catch_log(state_store_opened, store=store,
                                                             state=self):
            if isinstance(result, Failure):
                result.raiseException()
        pruned = await store.call(store.prune, time.time(), story_days, paragraph_days)
        self.crawler.stats.set_value("dupes/state/expired_stories", pruned[0])
        self.crawler.stats.set_value("dupes/state/expired_paragraphs", pruned[1])
        logger.info("State store %(path)s opened (expired %(stories)d stories, "
                    "%(paras)d paragraph counts)",
                    {"path": store.path, "stories": pruned[0], "paras": pruned[1]})
        return store

    # --- calls for the stages -----------------------------------------------------------------
    @property
    def opened(self) -> StateStore:
        if self.store is None:
            raise RuntimeError("the state store is not open: await StateStoreExtension.open() first")
        return self.store

    @property
    def probes(self) -> ProbeStore | None:
        """The store as the soft-404 probes are shared through it (Redis), else ``None``."""
        return self.store if isinstance(self.store, ProbeStore) else None

    async def item_call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """``store.call`` for one item: a store that went away drops the item
        (:class:`StoreUnavailable`) with one line instead of a traceback per item."""
        store = self.opened
        try:
            return await store.call(fn, *args, **kwargs)
        except Exception as error:
            if not unavailable(error):
                raise
            why = " ".join(str(error).split())
            raise StoreUnavailable(
                "error", f"the state store {store.path} did not answer "
                         f"({type(error).__name__}: {why})",
                evidence={"error_type": type(error).__name__}, log_level="WARNING") from None

    def submit(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        """Queue a write on the store's thread without waiting (failures are logged); the
        store closes only after it is done."""
        self.opened.submit(fn, *args, **kwargs).add_done_callback(_log_failure)

    # --- the export ledger --------------------------------------------------------------------
    def record_exports(self) -> None:
        """A stage claims the stories it keeps under :attr:`run`: once the run's feed is
        durable, they are recorded as exported."""
        self._ledger = True

    def feed_slot_closed(self, slot: Any) -> None:
        """A feed that failed to store is no export: the run's claims stay unpublished."""
        final = getattr(slot.storage, "final", None)
        if (final is not None and not final.exists()) or self.crawler.stats.get_value(
                f"feedexport/failed_count/{type(slot.storage).__name__}"):
            self._feed_failed = True

    async def feed_exporter_closed(self) -> None:
        if self._feed_failed:
            if self._ledger and self.store is not None and not self._settled:
                logger.error("A feed was not stored: this run's stories are not recorded as "
                             "exported; the next run exports them again")
            self._settled = True
        await self._publish()
        await self._close()

    async def spider_closed(self) -> None:
        # every item has left the pipelines; a feed exporter publishes its feeds after this
        if self.crawler.get_extension(FeedExporter) is None:
            await self._publish()
            await self._close()

    async def engine_stopped(self) -> None:
        """The feed exporter never closed (a failure before it): claims stay unpublished."""
        self._settled = True
        await self._close()

    async def _publish(self) -> None:
        """The run's exports are durable: its claims become exports, once."""
        store = self.store
        if not self._ledger or store is None or self._settled:
            return
        self._settled = True
        try:
            published = await store.call(store.publish_run, self.run, time.time())
        except Exception as error:  # noqa: BLE001 - the store went away (Redis down)
            # the feed is published; its stories stay claimed by this run, which a later run
            # takes for abandoned: at worst exported again, never lost
            logger.error("The state store %(path)s failed while recording this run's stories "
                         "as exported (%(error)s): the feed is kept; a later run may export "
                         "them again", {"path": store.path,
                                        "error": f"{type(error).__name__}: {error}"})
            return
        stats = self.crawler.stats
        stats.set_value("incremental/published", published)
        if conflicts := getattr(store, "conflicts", 0):
            # steps another worker raced (Redis): run again on what it wrote, not lost
            stats.set_value("dupes/state/retries", conflicts)
        logger.info("State store: %(n)d stories recorded as exported", {"n": published})

    async def _close(self) -> None:
        """Closed after its queued writes are done."""
        store, self.store = self.store, None
        if store is not None:
            await asyncio.to_thread(store.close)
