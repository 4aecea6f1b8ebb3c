"""The state store on Redis, shared by the workers of a distributed crawl.

Same public methods as the SQLite :class:`~newscrawler.state.sqlite.StateStore`, so the
cleaning stages do not know which one they use. ``STATE_URI=redis://host:port/db``
(``?prefix=name`` sets the key prefix, default ``newscrawler:state``)::

    <p>:story:<id>        one story (JSON; bytes as base64)
    <p>:seen              story id -> last_seen: what ``prune`` expires
    <p>:hash:<h>          ids with content hash <h>
    <p>:band:<k>          ids of cluster representatives with LSH band key <k>
    <p>:run:<run>         ids a run holds a pending claim on (``publish_run``)
    <p>:para:<host>       paragraph hash -> stories; "<hash>:c" -> copies
    <p>:para_seen         "<host>|<hash>" -> last_seen
    <p>:probe:<pattern>   a soft-404 probe answer, for ``SOFT404_PROBE_TTL`` seconds

``<p>`` is ``<REDIS_KEY_PREFIX>:state`` (default ``newscrawler:state``), or ``?prefix=``.

Atomicity without a store-wide lock: a read-then-write is an optimistic transaction
(Redis ``WATCH``/``MULTI``/``EXEC``, :meth:`RedisStateStore.atomically`): the keys a
decision read are watched, its writes are queued, and ``EXEC`` applies them only when no
other worker changed a watched key meanwhile; otherwise the whole step runs again on what
is there now. The duplicates stage's lookup-and-claim watches the story's own key, its
content-hash set and its LSH band sets, so two workers checking two copies of one story at
once conflict on a shared band: one claims first, the other re-reads and finds it, whatever
the schedule. Workers touching unrelated stories never wait for each other.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from newscrawler.state.sqlite import DAY, SCHEMA_VERSION, unindexed
from newscrawler.state.worker import StoreWorker, T
from newscrawler.storeapi import BandKeys, StoryRow

DEFAULT_PREFIX = "newscrawler:state"
DEFAULT_TIMEOUT = 3.0
"""Seconds a call waits for Redis (``REDIS_TIMEOUT_SECONDS``)."""
_FIELDS = [f.name for f in dataclasses.fields(StoryRow)]


def _encode(row: StoryRow) -> str:
    data = {}
    for name in _FIELDS:
        value = getattr(row, name)
        data[name] = {"b64": base64.b64encode(value).decode()} if isinstance(value, bytes) \
            else value
    return json.dumps(data, separators=(",", ":"))


def _decode(raw: bytes | str | None) -> StoryRow | None:
    if raw is None:
        return None
    data = json.loads(raw)
    values = {
        k: base64.b64decode(v["b64"]) if isinstance(v, dict) else v
        for k, v in data.items() if k in _FIELDS
    }
    return StoryRow(**values)


def redacted(uri: str) -> str:
    """The URI without its password, for logs.

    >>> redacted("redis://:secret@cache:6379/2?prefix=nc")
    'redis://***@cache:6379/2?prefix=nc'
    """
    parts = urlsplit(uri)
    if parts.password is None and parts.username is None:
        return uri
    return urlunsplit(parts._replace(netloc=f"***@{parts.hostname}:{parts.port or 6379}"))


class _Queued:
    """Writes of an optimistic transaction, recorded until its ``MULTI``/``EXEC``."""

    def __init__(self) -> None:
        self.ops: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Callable[..., None]:
        def record(*args: Any, **kwargs: Any) -> None:
            self.ops.append((name, args, kwargs))
        return record


@dataclasses.dataclass
class _Transaction:
    pipe: Any
    writes: _Queued = dataclasses.field(default_factory=_Queued)
    rows: dict[str, StoryRow | None] = dataclasses.field(default_factory=dict)
    """Rows written in this transaction: later reads see them (read your writes)."""


class RedisStateStore(StoreWorker):
    """The state store on Redis (:class:`~newscrawler.storeapi.StateStore`,
    :class:`~newscrawler.storeapi.ProbeStore`, :class:`~newscrawler.storeapi.SharedClaims`)."""

    def __init__(self, uri: str, default_prefix: str = DEFAULT_PREFIX,
                 timeout: float = DEFAULT_TIMEOUT, *, band_keys: BandKeys | None = None) -> None:
        self.band_keys = band_keys
        """How the stored signatures were indexed (the store never computes band keys)."""
        parts = urlsplit(uri)
        query = parse_qs(parts.query)
        self.prefix = (query.pop("prefix", [default_prefix])[0]).rstrip(":")
        self.path = redacted(uri)
        rest = "&".join(f"{k}={v[0]}" for k, v in query.items())
        # every call gives up after ``timeout`` (one retry): a Redis that went away fails the
        # store's calls, never hangs the store's thread
        self.db = redis.Redis.from_url(
            urlunsplit(parts._replace(query=rest)), socket_timeout=timeout,
            socket_connect_timeout=timeout,
            retry=Retry(ExponentialBackoff(cap=0.5, base=0.1), 1))
        self.timeout = timeout
        self._failed: tuple[float, Exception] | None = None
        """When Redis last failed to answer, and how (see :meth:`_run`)."""
        self.db.ping()
        self.db.hsetnx(self.key("meta"), "schema_version", SCHEMA_VERSION)
        self._claims: tuple[Callable[[str], bool], str] | None = None
        self._tx: _Transaction | None = None
        self.conflicts = 0
        """Optimistic transactions run again because another worker changed what they read."""

    def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """On the store's thread: once Redis failed to answer, calls fail at once for
        ``timeout`` seconds instead of each waiting it out (the items queued behind them, and
        closing the store, would wait for all of them); then one call asks again."""
        if self._failed is not None and time.monotonic() - self._failed[0] < self.timeout:
            error = self._failed[1]
            raise type(error)(*error.args)
        try:
            return fn(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            self._failed = (time.monotonic(), error)
            raise

    def key(self, *parts: object) -> str:
        return ":".join([self.prefix, *(str(p) for p in parts)])

    @property
    def schema_version(self) -> int:
        return int(self.db.hget(self.key("meta"), "schema_version") or SCHEMA_VERSION)

    # --- atomic steps -----------------------------------------------------------------------
    def atomically(self, keys: Sequence[str], fn: Callable[[], T]) -> T:
        """Run ``fn`` (reads, then writes through this store's methods) as one step: the
        ``keys`` it decides on are watched and its writes applied in one ``MULTI``/``EXEC``,
        or ``fn`` runs again if another client changed one of them meanwhile."""
        if self._tx is not None:  # already inside one: part of it
            return fn()
        attempt = 0
        with self.db.pipeline() as pipe:
            while True:
                self._tx = _Transaction(pipe)
                try:
                    pipe.watch(*keys)
                    result = fn()
                    pipe.multi()
                    for name, args, kwargs in self._tx.writes.ops:
                        getattr(pipe, name)(*args, **kwargs)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    self.conflicts += 1
                    attempt += 1
                    if attempt > 3:  # a hot key: let the other writers through first
                        time.sleep(min(0.05, 0.001 * attempt))
                finally:
                    self._tx = None
                    pipe.reset()

    def claiming(self, story_id: str, content_hash: int, band_keys: Iterable[int],
                 fn: Callable[[], T]) -> T:
        """``fn`` looks this story up in the index and claims it: one step across all
        workers (its id, content hash and LSH bands are what two copies share)."""
        keys = [self.key("story", story_id)]
        if content_hash:
            keys.append(self.key("hash", content_hash))
        keys += [self.key("band", k) for k in band_keys]
        return self.atomically(keys, fn)

    @property
    def _read(self) -> Any:
        """The connection reads go through (inside a transaction, the watching one)."""
        return self._tx.pipe if self._tx is not None else self.db

    def _writes(self) -> _Queued:
        """The writes of the current transaction (every change to a story is made in one)."""
        assert self._tx is not None, "story writes run inside atomically()"
        return self._tx.writes

    # --- claims of a distributed crawl --------------------------------------------------------
    def share_claims(self, live: Callable[[str], bool], mine: str) -> None:
        """Claims ``<run>/<worker>`` belong to the crawl's workers: while ``live(worker)`` (it
        beats), readers see its pending claim as their own run's, i.e. live; a dead worker's
        claims read as abandoned. ``live`` asks the crawl's Redis (``REDIS_URL``), which need
        not be the store's database."""
        self._claims = (live, mine)

    def _view(self, row: StoryRow | None) -> StoryRow | None:
        if row is None or self._claims is None:
            return row
        live, run = self._claims
        if row.state != "pending" or not row.run or row.run == run or "/" not in row.run:
            return row
        if live(row.run.split("/", 1)[1]):
            row = dataclasses.replace(row, run=run)
        return row

    # --- stories ----------------------------------------------------------------------------
    def _get_many(self, ids: Iterable[bytes | str]) -> list[StoryRow]:
        ids = [_str(i) for i in ids]
        if not ids:
            return []
        written = self._tx.rows if self._tx is not None else {}
        missing = [i for i in ids if i not in written]
        raws = dict(zip(missing, self._read.mget([self.key("story", i) for i in missing])
                        if missing else [], strict=True))
        rows = [written[i] if i in written else _decode(raws[i]) for i in ids]
        return [view for row in rows if (view := self._view(row)) is not None]

    def _save(self, row: StoryRow, writes: _Queued) -> None:
        writes.set(self.key("story", row.id), _encode(row))
        assert self._tx is not None
        self._tx.rows[row.id] = dataclasses.replace(row)

    def _get_raw(self, story_id: str) -> StoryRow | None:
        """The story as stored: the row a change reads. Inside a transaction its key is
        watched too, so a row another worker changes meanwhile (published, touched) is
        never written back stale."""
        key = self.key("story", story_id)
        if self._tx is not None:
            if story_id in self._tx.rows:
                row = self._tx.rows[story_id]
                return dataclasses.replace(row) if row is not None else None
            self._tx.pipe.watch(key)
        return _decode(self._read.get(key))

    def get_story(self, story_id: str) -> StoryRow | None:
        return self._view(self._get_raw(story_id))

    def get_stories(self, story_ids: Sequence[str]) -> dict[str, StoryRow]:
        """The stories among ``story_ids`` the store knows, by id (one MGET)."""
        return {row.id: row for row in self._get_many(story_ids)}

    def stories_by_hash(self, content_hash: int, limit: int = 8) -> list[StoryRow]:
        ids = sorted(self._read.smembers(self.key("hash", content_hash)))[:limit]
        return self._get_many(ids)

    def band_candidates(self, keys: Sequence[int], limit: int = 32) -> list[StoryRow]:
        """Representatives sharing at least one band key, most shared bands first."""
        if not keys:
            return []
        # one round trip; inside a transaction these keys are already watched, and WATCH
        # sees any change after it, whichever connection reads them
        shared: Counter[bytes] = Counter()
        with self.db.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.smembers(self.key("band", key))
            for members in pipe.execute():
                shared.update(members)
        best = [i for i, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
        return self._get_many(best)

    def _unindex(self, row: StoryRow, pipe: Any) -> None:
        if row.content_hash:
            pipe.srem(self.key("hash", row.content_hash), row.id)
        if row.minhash:
            for key in unindexed(self.band_keys, row.minhash):
                pipe.srem(self.key("band", key), row.id)
        if row.run:
            pipe.srem(self.key("run", row.run), row.id)

    def put_story(self, row: StoryRow, band_keys: Iterable[int] = ()) -> int:
        """Insert or replace the story with ``row.id`` (and its band keys); its rowid.

        As in SQLite: the earliest ``first_seen``, the highest ``version`` and ``discovered``
        and the earlier ``exported_at`` (unless ``row`` sets one) survive a replacement."""
        band_keys = list(band_keys)
        return self.atomically([self.key("story", row.id)],
                               lambda: self._put_story(row, band_keys))

    def _put_story(self, row: StoryRow, band_keys: list[int]) -> int:
        old = self._get_raw(row.id)
        new = dataclasses.replace(row, rowid=int(self.db.incr(self.key("rowid"))))
        if old is not None:
            new.first_seen = min(new.first_seen, old.first_seen)
            new.version = max(new.version, old.version)
            dates = [d for d in (new.discovered, old.discovered) if d is not None]
            new.discovered = max(dates) if dates else None
            if new.exported_at is None:
                new.exported_at = old.exported_at
        writes = self._writes()
        if old is not None:
            self._unindex(old, writes)
        self._save(new, writes)
        writes.zadd(self.key("seen"), {new.id: new.last_seen})
        if new.content_hash:
            writes.sadd(self.key("hash", new.content_hash), new.id)
        for key in band_keys:
            writes.sadd(self.key("band", key), new.id)
        if new.run:
            writes.sadd(self.key("run", new.run), new.id)
        return new.rowid

    def _update(self, story_id: str, change: Callable[[StoryRow], bool]) -> bool:
        """Read, change and write one story as one step (``change`` may queue more writes)."""
        def step() -> bool:
            row = self._get_raw(story_id)
            if row is None or not change(row):
                return False
            self._save(row, self._writes())
            return True
        return self.atomically([self.key("story", story_id)], step)

    def touch(self, story_ids: Iterable[str], now: float) -> None:
        """Seen again: keeps a story (and its cluster) from expiring."""
        for story_id in story_ids:
            def later(row: StoryRow) -> bool:
                if row.last_seen >= now:
                    return False
                row.last_seen = now
                self._writes().zadd(self.key("seen"), {row.id: now})
                return True
            self._update(story_id, later)

    def note_discovered(self, story_id: str, when: float) -> None:
        """Discovery dated the story ``when``; kept when later than what was recorded."""
        def later(row: StoryRow) -> bool:
            if row.discovered is not None and row.discovered >= when:
                return False
            row.discovered = when
            return True
        self._update(story_id, later)

    def _export(self, row: StoryRow, now: float) -> bool:
        if row.run:
            self._writes().srem(self.key("run", row.run), row.id)
        row.exported_at, row.run, row.version = now, None, row.version + 1
        if row.state == "pending":
            row.state = "exported"
        return True

    def mark_exported(self, story_id: str, now: float) -> None:
        """The item reached the feed: a pending claim becomes exported."""
        self._update(story_id, lambda row: self._export(row, now))

    def orphaned_claims(self, run: str, limit: int = 5000) -> list[str]:
        """Always empty on Redis: workers share the store, and a dead worker's requests
        are put back in the shared queue by the others (``newscrawler.distributed``), so
        its claims are fetched again without being looked up here."""
        return []

    def publish_run(self, run: str, now: float) -> int:
        """``run``'s feed is durable: every claim it still holds is exported; how many."""
        count = 0
        for raw in self.db.smembers(self.key("run", run)):
            story_id = _str(raw)
            if self._update(story_id, lambda row: row.run == run and self._export(row, now)):
                count += 1
        self.db.delete(self.key("run", run))
        return count

    def forget(self, story_id: str, run: str | None = None) -> bool:
        """Delete a story (and its band keys); with ``run``, only a claim that run holds.
        A claim on a story an earlier run exported is abandoned instead (as in SQLite)."""
        return self.atomically([self.key("story", story_id)],
                               lambda: self._forget(story_id, run))

    def _forget(self, story_id: str, run: str | None) -> bool:
        row = self._get_raw(story_id)
        if row is not None and run is not None and row.exported_at is not None:
            if row.run != run:
                return False
            writes = self._writes()
            writes.srem(self.key("run", run), story_id)
            row.run = None
            self._save(row, writes)
            return True
        if row is None or (run is not None and row.state == "pending" and row.run != run):
            return False
        self._delete(row)
        return True

    def _delete(self, row: StoryRow) -> None:
        writes = self._writes()
        self._unindex(row, writes)
        writes.delete(self.key("story", row.id))
        writes.zrem(self.key("seen"), row.id)
        assert self._tx is not None
        self._tx.rows[row.id] = None

    # --- boilerplate --------------------------------------------------------------------------
    def count_paragraphs(self, host: str, hashes: Sequence[int], *, new_cluster: bool,
                         now: float) -> None:
        """One more story (or copy, when not ``new_cluster``) of ``host`` carries these."""
        key = self.key("para", host)
        with self.db.pipeline() as pipe:
            for h in hashes:
                pipe.hincrby(key, str(h) if new_cluster else f"{h}:c", 1)
            pipe.zadd(self.key("para_seen"), {f"{host}|{h}": now for h in hashes})
            pipe.execute()

    def boilerplate(self, host: str, hashes: Sequence[int], min_stories: int) -> set[int]:
        """Those of ``hashes`` that at least ``min_stories`` distinct stories of ``host`` carry."""
        if not hashes:
            return set()
        counts = self.db.hmget(self.key("para", host), [str(h) for h in hashes])
        return {h for h, n in zip(hashes, counts, strict=True) if n and int(n) >= min_stories}

    # --- soft-404 probes ------------------------------------------------------------------------
    def probe_get(self, pattern: str) -> dict[str, Any] | None:
        """A probe answer another worker stored (plain JSON, never code), or ``None``."""
        raw = self.db.get(self.key("probe", pattern))
        return json.loads(raw) if raw else None

    def probe_set(self, pattern: str, value: dict[str, Any], ttl: float) -> None:
        self.db.set(self.key("probe", pattern), json.dumps(value), px=max(1, int(ttl * 1000)))

    # --- expiry -------------------------------------------------------------------------------
    def prune(self, now: float, story_days: float, paragraph_days: float,
              batch: int = 1000) -> tuple[int, int]:
        """Forget stories not seen for ``story_days`` and paragraph counts not seen for
        ``paragraph_days``; ``(stories, paragraphs)`` deleted."""
        stories = 0
        cutoff = now - story_days * DAY
        while ids := self.db.zrangebyscore(self.key("seen"), "-inf", f"({cutoff}",
                                           start=0, num=batch):
            for story_id in map(_str, ids):
                self.atomically([self.key("story", story_id)],
                                lambda story_id=story_id: self._expire(story_id, cutoff))
            stories += len(ids)
        paragraphs = 0
        cutoff = now - paragraph_days * DAY
        while members := self.db.zrangebyscore(self.key("para_seen"), "-inf", f"({cutoff}",
                                               start=0, num=batch):
            with self.db.pipeline() as pipe:
                for member in members:
                    host, _, h = _str(member).rpartition("|")
                    pipe.hdel(self.key("para", host), h, f"{h}:c")
                pipe.zrem(self.key("para_seen"), *members)
                pipe.execute()
            paragraphs += len(members)
        return stories, paragraphs

    def _expire(self, story_id: str, cutoff: float) -> None:
        """Delete the story unless another worker saw it again meanwhile."""
        row = self._get_raw(story_id)
        if row is None:
            self._writes().zrem(self.key("seen"), story_id)
        elif row.last_seen < cutoff:
            self._delete(row)
        else:  # seen again: its score is brought up to date
            self._writes().zadd(self.key("seen"), {story_id: row.last_seen})

    def counts(self) -> dict[str, int]:
        """Row counts as the SQLite store reports them (a full scan of band keys)."""
        bands = 0
        for key in self.db.scan_iter(match=self.key("band", "*"), count=1000):
            bands += int(self.db.scard(key))
        return {
            "stories": int(self.db.zcard(self.key("seen"))),
            "bands": bands,
            "host_paragraphs": int(self.db.zcard(self.key("para_seen"))),
        }


def _str(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value

