"""The state store as the cleaning stages share it: one per crawl, opened by the first
stage that needs it and closed by the last, with the notes stages leave each other."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler

from newscrawler.exceptions import StoreUnavailable
from newscrawler.state import DEFAULT_STATE_URI, StateStore, open_store

logger = logging.getLogger(__name__)

DEFAULT_DUPLICATES_EXPIRY_DAYS = 90.0
DEFAULT_BOILERPLATE_EXPIRY_DAYS = 30.0


@dataclass
class CrawlState:
    store: StateStore
    run: str = field(default_factory=lambda: uuid.uuid4().hex)
    users: int = 0
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per item id: what an earlier stage learned that a later signal handler needs."""


_states: WeakKeyDictionary[Crawler, CrawlState] = WeakKeyDictionary()


def positive_days(crawler: Crawler, name: str, default: float) -> float:
    value = crawler.settings.getfloat(name, default)
    if value <= 0:
        raise ValueError(f"{name} must be a positive number of days, not {value!r}")
    return value


def _log_failure(future: Future[Any]) -> None:
    if (error := future.exception()) is not None:
        logger.error("State store update failed: %(error)r", {"error": error},
                     exc_info=error)


def unavailable(error: BaseException) -> bool:
    """Whether ``error`` says the store's server went away (a Redis connection lost or timed
    out), not that a call was wrong."""
    try:
        import redis
    except ImportError:
        return False
    return isinstance(error, (redis.ConnectionError, redis.TimeoutError))


async def item_call(store: StateStore, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``store.call`` for one item: a store that went away drops the item
    (:class:`StoreUnavailable`) with one line instead of a traceback per item."""
    try:
        return await store.call(fn, *args, **kwargs)
    except Exception as error:
        if not unavailable(error):
            raise
        why = " ".join(str(error).split())
        raise StoreUnavailable(
            "error", f"the state store {store.path} did not answer ({type(error).__name__}: "
                     f"{why})", evidence={"error_type": type(error).__name__},
            log_level="WARNING") from None


def submit(state: CrawlState, fn: Any, *args: Any, **kwargs: Any) -> None:
    """Queue a write on the store's thread without waiting (failures are logged)."""
    state.store.submit(fn, *args, **kwargs).add_done_callback(_log_failure)


def shared_run(crawler: Crawler, store: StateStore) -> str | None:
    """The claim id of a distributed crawl's worker (``REDIS_URL`` set), else None."""
    if not crawler.settings.get("REDIS_URL"):
        return None
    from newscrawler.distributed.coordinator import worker_run  # optional extra

    return worker_run(crawler, store)


async def acquire(crawler: Crawler) -> CrawlState:
    """The crawl's store, opened (and pruned of expired rows) on first use."""
    state = _states.get(crawler)
    if state is None:
        # opening is one quick file open at start-up; the pruning runs on the store's thread
        store = open_store(crawler.settings.get("STATE_URI") or DEFAULT_STATE_URI,
                           crawler.settings.get("REDIS_KEY_PREFIX"),
                           crawler.settings.getfloat("REDIS_TIMEOUT_SECONDS", 3.0))
        state = _states[crawler] = CrawlState(store)
        if run := shared_run(crawler, store):
            # a worker of a distributed crawl: the claims of live workers count as live
            state.run = run
        state.users += 1
        pruned = await store.call(
            store.prune, time.time(),
            positive_days(crawler, "DUPLICATES_EXPIRY_DAYS", DEFAULT_DUPLICATES_EXPIRY_DAYS),
            positive_days(crawler, "BOILERPLATE_EXPIRY_DAYS", DEFAULT_BOILERPLATE_EXPIRY_DAYS),
        )
        if crawler.stats is not None:
            crawler.stats.set_value("dupes/state/expired_stories", pruned[0])
            crawler.stats.set_value("dupes/state/expired_paragraphs", pruned[1])
        logger.info("State store %(path)s opened (expired %(stories)d stories, "
                    "%(paras)d paragraph counts)",
                    {"path": store.path, "stories": pruned[0], "paras": pruned[1]})
        return state
    state.users += 1
    return state


async def release(crawler: Crawler) -> None:
    """Closed when the last stage lets go, after queued writes are done."""
    state = _states.get(crawler)
    if state is None:
        return
    state.users -= 1
    if state.users <= 0:
        del _states[crawler]
        await asyncio.to_thread(state.store.close)
