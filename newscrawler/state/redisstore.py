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
    <p>:lock              held while one worker runs a store call (see below)

Atomicity: a call made through :meth:`RedisStateStore.submit` (or :meth:`call`) runs on the
store's worker thread while holding one Redis lock, so a read-then-write such as the
duplicates stage's check-and-claim is one step across all workers, as it is within one
SQLite transaction. Each call is a handful of round trips. The lock expires
(``LOCK_SECONDS``) if its holder dies.
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

from newscrawler.dedup import minhash as mh
from newscrawler.state.sqlite import DAY, SCHEMA_VERSION, StoryRow
from newscrawler.state.worker import P, StoreWorker, T

DEFAULT_PREFIX = "newscrawler:state"
LOCK_SECONDS = 30
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


class RedisStateStore(StoreWorker):
    def __init__(self, uri: str) -> None:
        parts = urlsplit(uri)
        query = parse_qs(parts.query)
        self.prefix = (query.pop("prefix", [DEFAULT_PREFIX])[0]).rstrip(":")
        self.path = redacted(uri)
        rest = "&".join(f"{k}={v[0]}" for k, v in query.items())
        self.db = redis.Redis.from_url(urlunsplit(parts._replace(query=rest)),
                                       socket_timeout=30, socket_connect_timeout=10)
        self.db.ping()
        self.db.hsetnx(self.key("meta"), "schema_version", SCHEMA_VERSION)
        self._claims: tuple[str, str, float, str] | None = None
        self._live: tuple[float, set[str]] = (0.0, set())
        self._lock = self.db.lock(self.key("lock"), timeout=LOCK_SECONDS,
                                  blocking_timeout=2 * LOCK_SECONDS, thread_local=False)

    def key(self, *parts: object) -> str:
        return ":".join([self.prefix, *(str(p) for p in parts)])

    @property
    def schema_version(self) -> int:
        return int(self.db.hget(self.key("meta"), "schema_version") or SCHEMA_VERSION)

    # --- threading --------------------------------------------------------------------------
    def _run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Each call on the worker thread holds the store's Redis lock."""
        with self._lock:
            return fn(*args, **kwargs)

    # --- claims of a distributed crawl --------------------------------------------------------
    def share_claims(self, prefix: str, workers_key: str, lease: float, mine: str) -> None:
        """Claims ``<prefix><worker>`` belong to one crawl: while ``<worker>`` beats (its score
        in ``workers_key`` is younger than ``lease``), readers see its pending claim as their
        own run's, i.e. live; a dead worker's claims read as abandoned."""
        self._claims = (prefix, workers_key, lease, mine)

    def _live_workers(self, now: float) -> set[str]:
        assert self._claims is not None
        checked, live = self._live
        if now - checked > 0.5:
            _, workers_key, lease, _ = self._claims
            live = {_str(w) for w in self.db.zrangebyscore(workers_key, now - lease, "+inf")}
            self._live = (now, live)
        return live

    def _view(self, row: StoryRow | None) -> StoryRow | None:
        if row is None or self._claims is None:
            return row
        run = self._claims[3]
        if (row.state != "pending" or not row.run or row.run == run
                or not row.run.startswith(self._claims[0])):
            return row
        worker = row.run[len(self._claims[0]):]
        if worker in self._live_workers(time.time()):
            row.run = run
        return row

    # --- stories ----------------------------------------------------------------------------
    def _get_many(self, ids: Iterable[bytes | str]) -> list[StoryRow]:
        ids = list(ids)
        if not ids:
            return []
        raws = self.db.mget([self.key("story", _str(i)) for i in ids])
        return [row for raw in raws if (row := self._view(_decode(raw))) is not None]

    def _save(self, row: StoryRow, pipe: Any) -> None:
        pipe.set(self.key("story", row.id), _encode(row))

    def _get_raw(self, story_id: str) -> StoryRow | None:
        return _decode(self.db.get(self.key("story", story_id)))

    def get_story(self, story_id: str) -> StoryRow | None:
        return self._view(self._get_raw(story_id))

    def get_stories(self, story_ids: Sequence[str]) -> dict[str, StoryRow]:
        """The stories among ``story_ids`` the store knows, by id (one MGET)."""
        return {row.id: row for row in self._get_many(story_ids)}

    def stories_by_hash(self, content_hash: int, limit: int = 8) -> list[StoryRow]:
        ids = sorted(self.db.smembers(self.key("hash", content_hash)))[:limit]
        return self._get_many(ids)

    def band_candidates(self, keys: Sequence[int], limit: int = 32) -> list[StoryRow]:
        """Representatives sharing at least one band key, most shared bands first."""
        if not keys:
            return []
        with self.db.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.smembers(self.key("band", key))
            shared: Counter[bytes] = Counter()
            for members in pipe.execute():
                shared.update(members)
        best = [i for i, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
        return self._get_many(best)

    def _unindex(self, row: StoryRow, pipe: Any) -> None:
        if row.content_hash:
            pipe.srem(self.key("hash", row.content_hash), row.id)
        if row.minhash:
            for key in _band_keys(row.minhash):
                pipe.srem(self.key("band", key), row.id)
        if row.run:
            pipe.srem(self.key("run", row.run), row.id)

    def put_story(self, row: StoryRow, band_keys: Iterable[int] = ()) -> int:
        """Insert or replace the story with ``row.id`` (and its band keys); its rowid.

        As in SQLite: the earliest ``first_seen``, the highest ``version`` and ``discovered``
        and the earlier ``exported_at`` (unless ``row`` sets one) survive a replacement."""
        old = self._get_raw(row.id)
        new = dataclasses.replace(row, rowid=int(self.db.incr(self.key("rowid"))))
        if old is not None:
            new.first_seen = min(new.first_seen, old.first_seen)
            new.version = max(new.version, old.version)
            dates = [d for d in (new.discovered, old.discovered) if d is not None]
            new.discovered = max(dates) if dates else None
            if new.exported_at is None:
                new.exported_at = old.exported_at
        with self.db.pipeline() as pipe:
            if old is not None:
                self._unindex(old, pipe)
            self._save(new, pipe)
            pipe.zadd(self.key("seen"), {new.id: new.last_seen})
            if new.content_hash:
                pipe.sadd(self.key("hash", new.content_hash), new.id)
            for key in band_keys:
                pipe.sadd(self.key("band", key), new.id)
            if new.run:
                pipe.sadd(self.key("run", new.run), new.id)
            pipe.execute()
        return new.rowid

    def _update(self, story_id: str, change: Callable[[StoryRow], bool]) -> bool:
        row = self._get_raw(story_id)
        if row is None or not change(row):
            return False
        self.db.set(self.key("story", story_id), _encode(row))
        return True

    def touch(self, story_ids: Iterable[str], now: float) -> None:
        """Seen again: keeps a story (and its cluster) from expiring."""
        for story_id in story_ids:
            def later(row: StoryRow) -> bool:
                if row.last_seen >= now:
                    return False
                row.last_seen = now
                return True
            if self._update(story_id, later):
                self.db.zadd(self.key("seen"), {story_id: now})

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
            self.db.srem(self.key("run", row.run), row.id)
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
        row = self._get_raw(story_id)
        if row is not None and run is not None and row.exported_at is not None:
            if row.run != run:
                return False
            self.db.srem(self.key("run", run), story_id)
            row.run = None
            self.db.set(self.key("story", story_id), _encode(row))
            return True
        if row is None or (run is not None and row.state == "pending" and row.run != run):
            return False
        self._delete(row)
        return True

    def _delete(self, row: StoryRow) -> None:
        with self.db.pipeline() as pipe:
            self._unindex(row, pipe)
            pipe.delete(self.key("story", row.id))
            pipe.zrem(self.key("seen"), row.id)
            pipe.execute()

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
            rows = {row.id: row for row in self._get_many(ids)}
            for raw in ids:
                row = rows.get(_str(raw))
                if row is not None:
                    self._delete(row)
                else:
                    self.db.zrem(self.key("seen"), raw)
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


def _band_keys(minhash: bytes) -> list[int]:
    return list(mh.band_keys(mh.minhash_from_bytes(minhash)))
