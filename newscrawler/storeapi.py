"""The state store's contract: the story record it keeps and the interface every backend has.

It sits outside both :mod:`newscrawler.state` (the SQLite and Redis backends) and
:mod:`newscrawler.dedup` (the index that decides what a story is a copy of), so that
neither imports the other: the store stores what the index hands it, and the index
reads rows without knowing which backend holds them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, ParamSpec, Protocol, TypeVar, runtime_checkable

P = ParamSpec("P")
T = TypeVar("T")

BandKeys = Callable[[bytes], Iterable[int]]
"""The LSH band keys a stored signature (``StoryRow.minhash``) was indexed under: given to
a store by whoever opens it, so the store can drop a story's index entries without
knowing how they are computed."""


@dataclass
class StoryRow:
    rowid: int
    id: str
    canonical_url: str
    host: str
    content_hash: int
    cluster_id: str
    state: str
    run: str | None
    first_seen: float
    last_seen: float
    exported_at: float | None
    shingles: int | None
    minhash: bytes | None
    paragraphs: bytes | None
    version: int = 0
    """How many times the story was published (0: never); kept when the row is replaced."""
    discovered: float | None = None
    """The latest sitemap ``lastmod``/news date/feed date seen for it (unix seconds)."""

    def is_live(self, run: str) -> bool:
        """Exported, or claimed by the current run (a claim left by a crashed run is not)."""
        return self.state == "exported" or (self.state == "pending" and self.run == run)

    @property
    def settled(self) -> bool:
        """Durably exported and not claimed again: its page need not be fetched again
        unless discovery says it changed since."""
        return self.exported_at is not None and self.run is None and self.state != "pending"


class StateStore(Protocol):
    """What the cleaning stages, the dedup index and the state extension may ask of a store
    (:class:`~newscrawler.state.sqlite.SQLiteStateStore`,
    :class:`~newscrawler.state.redisstore.RedisStateStore`)."""

    path: Any
    """Where it is, for logs (a file path, or a Redis URI without its password)."""

    # --- its worker thread (newscrawler.state.worker) ---------------------------------------
    def submit(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> Future[T]: ...
    async def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T: ...
    def close(self) -> None: ...

    # --- stories ----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int: ...
    def get_story(self, story_id: str) -> StoryRow | None: ...
    def get_stories(self, story_ids: Sequence[str]) -> dict[str, StoryRow]: ...
    def stories_by_hash(self, content_hash: int, limit: int = 8) -> list[StoryRow]: ...
    def band_candidates(self, keys: Sequence[int], limit: int = 32) -> list[StoryRow]: ...
    def put_story(self, row: StoryRow, band_keys: Iterable[int] = ()) -> int: ...
    def claiming(self, story_id: str, content_hash: int, band_keys: Iterable[int],
                 fn: Callable[[], T]) -> T: ...
    def touch(self, story_ids: Iterable[str], now: float) -> None: ...
    def note_discovered(self, story_id: str, when: float) -> None: ...
    def mark_exported(self, story_id: str, now: float) -> None: ...
    def orphaned_claims(self, run: str, limit: int = 5000) -> list[str]: ...
    def publish_run(self, run: str, now: float) -> int: ...
    def forget(self, story_id: str, run: str | None = None) -> bool: ...

    # --- boilerplate --------------------------------------------------------------------------
    def count_paragraphs(self, host: str, hashes: Sequence[int], *, new_cluster: bool,
                         now: float) -> None: ...
    def boilerplate(self, host: str, hashes: Sequence[int], min_stories: int) -> set[int]: ...

    # --- expiry and reports -------------------------------------------------------------------
    def prune(self, now: float, story_days: float, paragraph_days: float,
              batch: int = 1000) -> tuple[int, int]: ...
    def counts(self) -> dict[str, int]: ...


@runtime_checkable
class ProbeStore(Protocol):
    """A store the workers of a distributed crawl share soft-404 probe answers through
    (the Redis store; an SQLite store belongs to one run at a time, so it has none)."""

    def probe_get(self, pattern: str) -> dict[str, Any] | None: ...
    def probe_set(self, pattern: str, value: dict[str, Any], ttl: float) -> None: ...


@runtime_checkable
class SharedClaims(Protocol):
    """A store several workers claim stories in at once (Redis): told which claims are the
    crawl's live workers'."""

    def share_claims(self, live: Callable[[str], bool], mine: str) -> None: ...
