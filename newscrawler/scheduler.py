"""A crawl frontier kept on disk, so memory does not grow with the site.

Scrapy keeps requests waiting to be fetched in memory unless ``JOBDIR`` is set.
On a news site every story links a dozen others, so after a few thousand pages
the waiting queue holds much of the site: resident memory then grows with the
size of the site, not with the work in flight. :class:`DiskFrontierScheduler`
gives every crawl the disk queue a ``JOBDIR`` crawl has, in a temporary folder
removed at the end (with ``JOBDIR`` set, it is Scrapy's own scheduler).
The :class:`DiskFrontier` add-on installs it unless another add-on (the Redis
scheduler of ``newscrawler.distributed``) or your settings choose a scheduler.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import Any

from scrapy.core.scheduler import Scheduler
from scrapy.settings import BaseSettings

SCHEDULER = "newscrawler.scheduler.DiskFrontierScheduler"


class DiskFrontierScheduler(Scheduler):
    _tmpdir: str | None = None

    def _dqdir(self, jobdir: str | None) -> str | None:
        if not jobdir:
            self._tmpdir = tempfile.mkdtemp(prefix="newscrawler-frontier-")
            jobdir = self._tmpdir
        return super()._dqdir(jobdir)

    def close(self, reason: str) -> Any:
        result = super().close(reason)
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None
        return result


class DiskFrontier:
    """Add-on: the disk frontier, unless ``REDIS_URL`` (a shared queue) is set."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("REDIS_URL"):
            settings.set("SCHEDULER", SCHEDULER, priority="addon")
