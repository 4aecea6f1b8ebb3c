"""One run at a time per spider and state store; in a distributed crawl, one writer per feed.

An advisory ``flock`` on a file beside the state store: the kernel drops it
when the holder dies, so a lock left by a killed run is simply taken over;
the pid written inside names the holder in the message a second run prints.

A distributed crawl (``REDIS_URL``) shares its store and queue by design: any number of
workers run on one machine, and what stays exclusive is each worker's own feed file
(:func:`feed_lock_paths`); the default feed name has ``%(worker)s`` in it.
"""

from __future__ import annotations

import fcntl
import os
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from newscrawler.state import DEFAULT_STATE_URI, store_path


class LockBusy(RuntimeError):
    """Another live process holds the lock."""


def lock_path(state_uri: str | None, spider: str) -> Path:
    """``.newscrawler/state.sqlite3`` -> ``.newscrawler/state.sqlite3.<spider>.lock``.

    >>> str(lock_path("sqlite:////var/lib/nc/state.db", "apnews"))
    '/var/lib/nc/state.db.apnews.lock'
    >>> str(lock_path("redis://localhost:6379/0", "generic"))
    '.newscrawler/redis-localhost-6379-0.generic.lock'
    """
    uri = state_uri or DEFAULT_STATE_URI
    if uri.startswith(("redis://", "rediss://")):
        # a shared store (Redis): one lock per machine and store
        name = "".join(c if c.isalnum() else "-" for c in uri.split("://", 1)[1]).strip("-")
        return Path(".newscrawler") / f"redis-{name}.{spider}.lock"
    state = store_path(uri)
    return state.with_name(f"{state.name}.{spider}.lock")


def feed_lock_paths(feeds: dict[str, Any], spider: str) -> list[Path]:
    """Locks of the local feeds that two workers could both write (no ``%(worker)s``).

    >>> [str(p) for p in feed_lock_paths({"out/%(name)s.jsonl": {}, "s3://b/x": {}}, "g")]
    ['out/.g.jsonl.lock']
    >>> feed_lock_paths({"output/%(name)s/%(time)s.%(worker)s.jsonl": {}}, "g")
    []
    """
    paths = []
    for uri in feeds:
        uri = str(uri)
        if ("://" in uri and not uri.startswith("file://")) or "%(worker)s" in uri:
            continue
        path = Path(uri.removeprefix("file://").replace("%(name)s", spider))
        paths.append(path.with_name(f".{path.name}.lock"))
    return paths


class RunLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None
        self.previous_holder: str | None = None

    def acquire(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        file = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.seek(0)
            holder = file.read().strip() or "another process"
            file.close()
            raise LockBusy(f"{self.path} is held by {holder}") from None
        file.seek(0)
        self.previous_holder = file.read().strip() or None  # a dead run's stale lock
        file.seek(0)
        file.truncate()
        file.write(f"pid {os.getpid()} since {datetime.now(tz=UTC).isoformat()}\n")
        file.flush()
        self._file = file
        return self

    def release(self) -> None:
        if self._file is not None:
            self._file.seek(0)
            self._file.truncate()
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> Self:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
