"""``scrapy crawl`` made for cron.

- ``-o``/``-O`` replace the default export instead of adding a second one;
- checks ``-a`` arguments and the file name templates before anything starts (a usage
  error, exit status 2, not a traceback);
- checks the state store and Redis (``newscrawler.preflight``): one line and exit status 1
  when they cannot be used, and the same when they break after the crawl started;
- takes the lock of the spider and its state store, so a second run started while
  the first is still going exits at once with status 75; a worker of a distributed crawl
  (``REDIS_URL``) locks only its own feed file, so several run on one machine;
- exits with status 1 when the run failed (see ``newscrawler.runs.outcome``), so cron
  mail and monitoring see it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

from scrapy.commands import crawl
from scrapy.exceptions import UsageError
from twisted.internet.defer import Deferred

from newscrawler import preflight
from newscrawler.distributed import is_distributed
from newscrawler.extensions.summary import EXIT_STATUS_STAT
from newscrawler.runs.lock import LockBusy, RunLock, feed_lock_paths, lock_path
from newscrawler.runs.naming import sibling_path
from newscrawler.runs.outcome import EXIT_FAILED, EXIT_LOCKED
from newscrawler.state import is_redis_uri

logger = logging.getLogger(__name__)

UNAVAILABLE_STAT = "distributed/redis_unavailable"
"""Set by the distributed scheduler when Redis went away mid-crawl: the line to print."""


class Command(crawl.Command):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if opts.output or opts.overwrite_output:
            # Scrapy adds -o/-O to FEEDS; here the file named replaces the default export
            default = self.settings.get("DEFAULT_FEED_URI")
            feeds = dict(self.settings.getdict("FEEDS"))
            if default in feeds:
                del feeds[default]
                self.settings.set("FEEDS", feeds, priority="cmdline")
        elif is_distributed(self.settings):
            # several workers on one machine, started in the same second: one feed each
            feeds = dict(self.settings.getdict("FEEDS"))
            default = self.settings.get("DEFAULT_FEED_URI")
            if default in feeds and "%(worker)s" not in default:
                feeds[sibling_path(default, ".%(worker)s.jsonl")] = feeds.pop(default)
                self.settings.set("FEEDS", feeds, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            super().run(args, opts)  # Scrapy's own usage errors
            return
        assert self.crawler_process is not None
        spider_name = args[0]
        try:
            spidercls = self.crawler_process.spider_loader.load(spider_name)
        except KeyError:
            known = ", ".join(self.crawler_process.spider_loader.list())
            raise UsageError(f"no spider named {spider_name!r}; the spiders are {known}") from None
        check = getattr(spidercls, "check_arguments", None)
        if check is not None:
            check(**opts.spargs)  # raises UsageError with a clear message

        settings = self.settings
        assert settings is not None
        preflight.check_templates(settings, spidercls, opts.spargs)  # UsageError too
        # with REDIS_URL the state store defaults to it (the add-on sets that later)
        state_uri = preflight.state_uri(settings)
        try:
            preflight.check_state_uri(state_uri)  # the lock sits beside it
        except preflight.StartupError as error:
            self._stop(error)
            return
        distributed = is_distributed(settings)
        feed_paths = feed_lock_paths(settings.getdict("FEEDS"), spider_name) if distributed \
            else []
        paths = list(feed_paths)
        if not (distributed and is_redis_uri(state_uri)):
            # a local SQLite store is one process's at a time, distributed or not
            paths.append(lock_path(state_uri, spider_name))
        locks = [RunLock(path) for path in paths]
        if settings.getbool("RUN_LOCK_ENABLED", True):
            for lock in locks:
                try:
                    lock.acquire()
                except LockBusy as busy:
                    for held in locks:
                        held.release()
                    print(f"newscrawler: {spider_name} is already running ({busy}); "
                          + ("not starting a second worker on the same feed file (put "
                             "%(worker)s in its name)" if lock.path in feed_paths else
                             "not starting a second run"), file=sys.stderr)
                    self.exitcode = EXIT_LOCKED
                    return
                except OSError as error:
                    for held in locks:
                        held.release()
                    self._stop(f"cannot take the run lock {lock.path}: {error}")
                    return
                if lock.previous_holder:
                    print(f"newscrawler: took over a stale lock ({lock.previous_holder})",
                          file=sys.stderr)
        failures: list[BaseException] = []
        try:
            try:
                preflight.check_stores(settings)  # after the lock: the running run's store is busy
            except preflight.StartupError as error:
                self._stop(error)
                return
            crawler = self._create_crawler(spider_name)
            _on_failure(self.crawler_process.crawl(crawler, **opts.spargs), failures.append)
            self.crawler_process.start()
        finally:
            for lock in locks:
                lock.release()
        if failures:
            # the store (or Redis) broke after the checks, or a component failed to start
            error = failures[0]
            line = preflight.describe_failure(error, settings)
            known = isinstance(error, (sqlite3.Error, *_redis_errors()))
            logger.error("The run stopped: %(line)s", {"line": line},
                         exc_info=None if known else error)
            self._stop(f"the run stopped: {line}")
            return
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        stopped = crawler.stats.get_value(UNAVAILABLE_STAT) if crawler.stats else None
        if stopped:  # Redis went away mid-crawl: the worker closed (redis_unavailable)
            self._stop(f"the run stopped: {stopped}")
            return
        status = crawler.stats.get_value(EXIT_STATUS_STAT) if crawler.stats else None
        if status:
            self.exitcode = int(status)

    def _stop(self, why: object) -> None:
        print(f"newscrawler: {why}", file=sys.stderr)
        self.exitcode = EXIT_FAILED


def _on_failure(started: Any, keep: Callable[[BaseException], Any]) -> None:
    """Call ``keep`` with the exception the crawl (a Task, or a Deferred without asyncio) ended
    with; taken, it is not also logged as "never retrieved" with its traceback."""
    if isinstance(started, asyncio.Future):
        started.add_done_callback(
            lambda task: task.cancelled() or task.exception() is None or keep(task.exception()))
    elif isinstance(started, Deferred):
        started.addErrback(lambda failure: keep(failure.value))


def _redis_errors() -> tuple[type[BaseException], ...]:
    try:
        import redis
    except ImportError:
        return ()
    return (redis.RedisError,)
