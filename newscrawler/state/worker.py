"""The state stores' worker thread: Scrapy's reactor never waits on the store.

A store owns one worker thread; :meth:`StoreWorker.call` runs a method there and is
awaited from ``async def process_item``. The same methods are plain synchronous calls
for tests and benchmarks (then the caller's thread uses the connection; never mix both
at once).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class StoreWorker:
    """Mixin of a store with a ``db`` connection: the worker thread and closing."""

    db: Any
    _executor: ThreadPoolExecutor | None = None

    def _run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """How the worker runs ``fn`` (a store may hold a lock around it)."""
        return fn(*args, **kwargs)

    def submit(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        """Run ``fn`` on the store's worker thread (FIFO, one at a time)."""
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="state-store")
        return self._executor.submit(self._run, fn, *args, **kwargs)

    async def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Await ``fn`` run on the worker thread, from a coroutine on the asyncio loop."""
        return await asyncio.wrap_future(self.submit(fn, *args, **kwargs))

    def close(self) -> None:
        """Finish queued work, then close the connection."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None
        self.db.close()
