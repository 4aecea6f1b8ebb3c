"""``scrapy crawl`` made for cron.

- ``-o``/``-O`` replace the default export instead of adding a second one;
- checks ``-a`` arguments before anything starts (a usage error, not a traceback);
- takes the lock of the spider and its state store, so a second run started while
  the first is still going exits at once with status 75; a worker of a distributed crawl
  (``REDIS_URL``) locks only its own feed file, so several run on one machine;
- exits with status 1 when the run failed (see ``newscrawler.runs``), so cron
  mail and monitoring see it.
"""

from __future__ import annotations

import argparse
import logging
import sys

from scrapy.commands import crawl

from newscrawler.distributed import is_distributed
from newscrawler.extensions.summary import EXIT_STATUS_STAT
from newscrawler.feeds import sibling_path
from newscrawler.runlock import LockBusy, RunLock, feed_lock_paths, lock_path
from newscrawler.runs import EXIT_LOCKED
from newscrawler.state import is_redis_uri

logger = logging.getLogger(__name__)


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
        spidercls = self.crawler_process.spider_loader.load(spider_name)
        check = getattr(spidercls, "check_arguments", None)
        if check is not None:
            check(**opts.spargs)  # raises UsageError with a clear message

        settings = self.settings
        assert settings is not None
        distributed = is_distributed(settings)
        # with REDIS_URL the state store defaults to it (the add-on sets that later)
        state_uri = settings.get("STATE_URI") or (settings["REDIS_URL"] if distributed else None)
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
                if lock.previous_holder:
                    print(f"newscrawler: took over a stale lock ({lock.previous_holder})",
                          file=sys.stderr)
        try:
            crawler = self._create_crawler(spider_name)
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        finally:
            for lock in locks:
                lock.release()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        status = crawler.stats.get_value(EXIT_STATUS_STAT) if crawler.stats else None
        if status:
            self.exitcode = int(status)


