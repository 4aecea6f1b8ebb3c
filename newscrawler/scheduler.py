"""A crawl frontier kept on disk, so memory does not grow with the site.

Scrapy keeps requests waiting to be fetched in memory unless ``JOBDIR`` is set.
On a news site every story links a dozen others, so after a few thousand pages
the waiting queue holds much of the site: resident memory then grows with the
size of the site, not with the work in flight. :class:`DiskFrontierScheduler`
gives every crawl the disk queue a ``JOBDIR`` crawl has, in a temporary folder
removed at the end (with ``JOBDIR`` set, it is Scrapy's own scheduler).
The :class:`DiskFrontier` add-on installs it unless another add-on (the Redis
scheduler of ``newscrawler.distributed``) or your settings choose a scheduler.

A run killed outright (``kill -9``, the OOM killer, a power cut) cannot remove its
folder. Each folder holds a lock its run keeps while alive, so the next run on the
machine finds the folders whose lock nobody holds and removes them.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from scrapy import Request, Spider
from scrapy.core.scheduler import Scheduler
from scrapy.settings import BaseSettings
from scrapy.squeues import PickleLifoDiskQueue

logger = logging.getLogger(__name__)

SCHEDULER = "newscrawler.scheduler.DiskFrontierScheduler"
DISK_QUEUE = "newscrawler.scheduler.FrontierDiskQueue"
PREFIX = "newscrawler-frontier-"
LOCK_NAME = "owner.lock"
# a folder without a lock file is one being created, or from a release without locks
UNLOCKED_GRACE_S = 3600


def _size(folder: Path) -> int:
    """Bytes in ``folder``; what vanishes meanwhile (another run cleaning up) counts 0."""
    size = 0
    for root, _dirs, files in os.walk(folder):  # os.walk skips folders that vanish
        for name in files:
            with contextlib.suppress(OSError):
                size += os.stat(os.path.join(root, name)).st_size
    return size


def remove_stale_frontiers(parent: str | Path | None = None,
                           now: float | None = None) -> tuple[int, int]:
    """Remove frontier folders in ``parent`` left by runs that were killed.

    Returns how many were removed and their size in bytes. A folder whose lock is
    held belongs to a running crawl and is left alone."""
    parent = Path(parent or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = size = 0
    for folder in parent.glob(f"{PREFIX}*"):
        # several crawls start on one machine at once: any folder may vanish under us
        try:
            if not folder.is_dir():
                continue
            try:
                with (folder / LOCK_NAME).open("rb") as lock:
                    try:
                        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        continue  # a live crawl's queue
                    stale = True
            except FileNotFoundError:
                stale = now - folder.stat().st_mtime > UNLOCKED_GRACE_S
        except OSError:
            continue
        if stale:
            # renamed out of sight first: of several runs cleaning up at once, one removes it
            doomed = folder.with_name(f".{folder.name}.removing-{os.getpid()}")
            try:
                folder.rename(doomed)
            except OSError:
                continue  # another run took it
            size += _size(doomed)
            shutil.rmtree(doomed, ignore_errors=True)
            removed += 1
    return removed, size


class DiskFrontierScheduler(Scheduler):
    _tmpdir: str | None = None
    _lock: IO[bytes] | None = None

    def open(self, spider: Spider) -> Any:
        if self.dqdir is None:  # no JOBDIR: a temporary frontier for this run only
            removed, size = remove_stale_frontiers()
            if removed:
                logger.info("Removed %d crawl frontier folder(s) left by killed runs "
                            "(%.1f MB)", removed, size / 2**20)
            self._tmpdir = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-")
            # the lock file appears already locked (flock follows the open file through the
            # rename): another run starting now never finds it unlocked and removes the folder
            pending = Path(self._tmpdir, LOCK_NAME + ".new")
            self._lock = pending.open("wb")  # held until close
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            pending.rename(Path(self._tmpdir, LOCK_NAME))
            self.dqdir = self._dqdir(self._tmpdir)
        return super().open(spider)

    def close(self, reason: str) -> Any:
        result = super().close(reason)
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None
        return result


class _Callbacks:
    """The spider as ``Request.to_dict`` sees it: only the request's own callback and errback.

    Scrapy names a request's callback by listing every member of the spider (100+ attributes,
    properties read) and comparing each: ~0.2 ms for every request the crawl queues."""

    __slots__ = ("_methods",)

    def __init__(self, methods: dict[str, Any]) -> None:
        self._methods = methods

    def __dir__(self) -> list[str]:
        return list(self._methods)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._methods[name]
        except KeyError:
            raise AttributeError(name) from None


class FrontierDiskQueue(PickleLifoDiskQueue):
    """Scrapy's ``PickleLifoDiskQueue``, the same records, with a request's callbacks named
    by their own ``__name__`` (checked against the spider) instead of that listing. Any
    callback that is not the spider's method under its own name goes the listing's way."""

    def push(self, request: Request) -> None:
        methods = {}
        for func in (request.callback, request.errback):
            if func is None or not callable(func):
                continue
            name = getattr(func, "__name__", None)
            own = getattr(self.spider, name, None) if isinstance(name, str) else None
            if getattr(own, "__func__", None) is not getattr(func, "__func__", self):
                return super().push(request)
            methods[name] = own
        # the serializing queue's push, below Scrapy's (which would list the spider)
        super(PickleLifoDiskQueue, self).push(request.to_dict(spider=_Callbacks(methods)))
        return None


class DiskFrontier:
    """Add-on: the disk frontier, unless ``REDIS_URL`` (a shared queue) is set."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("REDIS_URL"):
            settings.set("SCHEDULER", SCHEDULER, priority="addon")
            settings.set("SCHEDULER_DISK_QUEUE", DISK_QUEUE, priority="addon")
