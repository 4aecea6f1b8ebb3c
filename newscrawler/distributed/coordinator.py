"""One shared crawl of a spider on Redis: the run, the workers, and when it is done.

Keys (``<prefix>`` is ``REDIS_KEY_PREFIX``, default ``newscrawler``)::

    <prefix>:<spider>:run              the current run id; expires unless a worker is alive
    <prefix>:<spider>:requests         the request queue (scrapy-redis priority queue)
    <prefix>:<spider>:processing:<w>   requests worker <w> popped and has not finished
    <prefix>:<spider>:workers          worker -> last heartbeat (unix seconds)
    <prefix>:<spider>:busy             when a worker last had work (unix seconds)
    <prefix>:<spider>:dupefilter       story fingerprints -> expiry time
    <prefix>:<spider>:seen:<run>       fingerprints of feeds and listings, for one run
    <prefix>:<spider>:held:<w>         units of work <w> read, till its feed is published
    <prefix>:<spider>:units:<run>      unit of work (a WARC file) -> the worker that took it

The first worker of a run creates the run key (``SET NX``) and seeds the queue; later
workers join it. Each worker beats every ``REDIS_HEARTBEAT_SECONDS``; a worker silent for
``REDIS_LEASE_SECONDS`` is dead, and the next beat of any worker puts its requests back in
the queue. A unit of work that may be queued twice (a WARC file: seeded by a new run and
put back from a dead worker of the last one) is claimed before it is read (:meth:`claim`),
so a copy of it is dropped while the live worker that took it reads it or holds it: its
request stays with that worker until its feed is published, and goes back to the queue if
it dies, as an unfinished one does.
The crawl is done when the queue is empty, no worker holds a request, and no
worker had work for ``REDIS_IDLE_SECONDS``: each worker then closes with ``finished``.

Redis going away: every client waits at most ``REDIS_TIMEOUT_SECONDS`` per attempt (one
retry), so no call hangs; a worker whose Redis has not answered for ``REDIS_LEASE_SECONDS``
is taken for dead by the others anyway, so it stops with ``redis_unavailable``
(:func:`outage_over`) instead of crawling on alone.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newscrawler.components import attach
from newscrawler.extensions.state import StateStoreExtension, state_store_opened
from newscrawler.storeapi import SharedClaims

logger = logging.getLogger(__name__)

DEFAULT_PREFIX = "newscrawler"
DEFAULT_IDLE_SECONDS = 10.0
DEFAULT_HEARTBEAT_SECONDS = 1.0
DEFAULT_LEASE_SECONDS = 10.0
DEFAULT_TIMEOUT_SECONDS = 3.0
RETRIES = 1
REDIS_UNAVAILABLE = "redis_unavailable"
"""The finish reason of a worker that stopped because Redis stayed unreachable."""
LIVE_CACHE_SECONDS = 0.5
# a run's unit claims outlive an unfinished run this long (a finished run deletes them)
UNITS_TTL_SECONDS = 7 * 24 * 3600

# Move the requests of workers whose heartbeat is older than ARGV[1] back into the queue:
# those they were processing (ARGV[2]) and the units of work they had read (ARGV[3]).
_REAP = """
local dead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local moved = 0
for _, worker in ipairs(dead) do
  for p = 2, 3 do
    local key = ARGV[p] .. worker
    local entries = redis.call('HGETALL', key)
    for i = 1, #entries, 2 do
      redis.call('ZADD', KEYS[2], entries[i + 1], entries[i])
      moved = moved + 1
    end
    redis.call('DEL', key)
  end
  redis.call('ZREM', KEYS[1], worker)
end
return moved
"""

# Move these entries of a worker's processing hash to its held hash, at their scores.
_HOLD = """
for _, entry in ipairs(ARGV) do
  local score = redis.call('HGET', KEYS[1], entry)
  if score then
    redis.call('HSET', KEYS[2], entry, score)
    redis.call('HDEL', KEYS[1], entry)
  end
end
return 0
"""

# Pop the best request into the worker's processing hash (reliable queue).
_POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
redis.call('HSET', KEYS[2], top[1], top[2])
return top[1]
"""

# Keep the run alive, only if it is still ours.
_RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
"""

# End the run, only if it is still ours.
_END = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
"""

# Claim a unit of work for ARGV[2] unless it is already ARGV[2]'s or a worker's that beat
# since ARGV[4]; returns the holder that keeps it, or false when claimed.
_CLAIM = """
local holder = redis.call('HGET', KEYS[1], ARGV[1])
if holder then
  if holder == ARGV[2] then return holder end
  local beat = redis.call('ZSCORE', KEYS[2], holder)
  if beat and tonumber(beat) >= tonumber(ARGV[4]) then return holder end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return false
"""

# Let go of the units ARGV[1] claimed and did not finish (those in ARGV[2:], or all).
_RELEASE = """
for i = 2, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[1] then redis.call('HDEL', KEYS[1], ARGV[i]) end
end
if #ARGV > 1 then return 0 end
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  if entries[i + 1] == ARGV[1] then redis.call('HDEL', KEYS[1], entries[i]) end
end
return 0
"""

# Give a worker's unfinished requests back to the queue.
_REQUEUE = """
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  redis.call('ZADD', KEYS[2], entries[i + 1], entries[i])
end
redis.call('DEL', KEYS[1])
return #entries / 2
"""

# Put these entries of a worker's processing hash back in the queue, at their scores.
_GIVE_BACK = """
for _, entry in ipairs(ARGV) do
  local score = redis.call('HGET', KEYS[1], entry)
  if score then
    redis.call('ZADD', KEYS[2], score, entry)
    redis.call('HDEL', KEYS[1], entry)
  end
end
return 0
"""


def client_options(timeout: float) -> dict[str, Any]:
    """Options of every Redis client of a crawl: no call waits forever on a Redis that went
    away (redis-py's defaults retry for many seconds per call), one quick retry for a blip."""
    if timeout <= 0:
        raise ValueError(f"REDIS_TIMEOUT_SECONDS must be a positive number, not {timeout!r}")
    return {"socket_timeout": timeout, "socket_connect_timeout": timeout,
            "retry": Retry(ExponentialBackoff(cap=0.5, base=0.1), RETRIES)}


def redis_client(url: str, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> redis.Redis:
    """A client for ``REDIS_URL`` (bytes in, bytes out, as scrapy-redis expects)."""
    return redis.Redis.from_url(url, health_check_interval=30, **client_options(timeout))


def outage_over(down_since: float | None, now: float, bound: float) -> bool:
    """Whether Redis has been failing for ``bound`` seconds (``down_since`` None: it answers).

    >>> outage_over(None, 100.0, 10.0), outage_over(95.0, 100.0, 10.0)
    (False, False)
    >>> outage_over(90.0, 100.0, 10.0)
    True
    """
    return down_since is not None and now - down_since >= bound


class Coordinator:
    """The run and this worker's place in it; one per crawler (:meth:`of`)."""

    def __init__(self, server: redis.Redis, prefix: str, spider: str, *,
                 idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 heartbeat_seconds: float = DEFAULT_HEARTBEAT_SECONDS,
                 lease_seconds: float = DEFAULT_LEASE_SECONDS) -> None:
        if lease_seconds < 2 * heartbeat_seconds:
            raise ValueError("REDIS_LEASE_SECONDS must be at least twice "
                             "REDIS_HEARTBEAT_SECONDS")
        self.server = server
        self.base = f"{prefix}:{spider}"
        self.idle_seconds = idle_seconds
        self.heartbeat_seconds = heartbeat_seconds
        self.lease_seconds = lease_seconds
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.run: str | None = None
        self.seeder = False
        self._live: tuple[float, set[str]] = (0.0, set())
        self._reap = server.register_script(_REAP)
        self._pop = server.register_script(_POP)
        self._renew = server.register_script(_RENEW)
        self._end = server.register_script(_END)
        self._requeue = server.register_script(_REQUEUE)
        self._give_back = server.register_script(_GIVE_BACK)
        self._claim = server.register_script(_CLAIM)
        self._hold = server.register_script(_HOLD)
        self._release = server.register_script(_RELEASE)
        self.down_since: float | None = None
        """When Redis stopped answering (None while it answers)."""
        self.watched: list[redis.Redis] = []
        """Other Redis servers the crawl needs (a state store elsewhere): pinged each beat."""

    # --- keys ---------------------------------------------------------------------------
    @property
    def run_key(self) -> str:
        return f"{self.base}:run"

    @property
    def queue_key(self) -> str:
        return f"{self.base}:requests"

    @property
    def workers_key(self) -> str:
        return f"{self.base}:workers"

    @property
    def busy_key(self) -> str:
        return f"{self.base}:busy"

    @property
    def dupefilter_key(self) -> str:
        return f"{self.base}:dupefilter"

    @property
    def processing_prefix(self) -> str:
        return f"{self.base}:processing:"

    @property
    def processing_key(self) -> str:
        return self.processing_prefix + self.worker

    @property
    def held_prefix(self) -> str:
        return f"{self.base}:held:"

    @property
    def held_key(self) -> str:
        return self.held_prefix + self.worker

    @property
    def run_seen_key(self) -> str:
        return f"{self.base}:seen:{self.run}"

    @property
    def units_key(self) -> str:
        return f"{self.base}:units:{self.run}"

    # --- the run ------------------------------------------------------------------------
    def join(self) -> str:
        """Join the current run, or start one (then this worker seeds it)."""
        if self.run is not None:
            return self.run
        lease_ms = int(self.lease_seconds * 1000)
        while True:
            candidate = uuid.uuid4().hex
            if self.server.set(self.run_key, candidate, nx=True, px=lease_ms):
                self.run, self.seeder = candidate, True
                break
            current = self.server.get(self.run_key)
            if current is not None:
                self.run = current.decode()
                break
        now = time.time()
        with self.server.pipeline() as pipe:
            pipe.zadd(self.workers_key, {self.worker: now})
            pipe.set(self.busy_key, now)
            pipe.execute()
        logger.info("Worker %(worker)s %(how)s run %(run)s",
                    {"worker": self.worker, "how": "started" if self.seeder else "joined",
                     "run": self.run})
        return self.run

    def beat(self, busy: bool) -> int:
        """Heartbeat: keep this worker and the run alive, and requeue the dead's requests."""
        now = time.time()
        with self.server.pipeline() as pipe:
            pipe.zadd(self.workers_key, {self.worker: now})
            if busy:
                pipe.set(self.busy_key, now)
            pipe.execute()
        self._renew(keys=[self.run_key], args=[self.run, int(self.lease_seconds * 1000)])
        moved = int(self._reap(keys=[self.workers_key, self.queue_key],
                               args=[now - self.lease_seconds, self.processing_prefix,
                                     self.held_prefix]))
        if moved:
            logger.warning("Requeued %(n)d requests of a worker that stopped beating",
                           {"n": moved})
            self.server.set(self.busy_key, now)
        for other in self.watched:
            other.ping()
        return moved

    def pop(self) -> bytes | None:
        """The best request in the queue, moved to this worker's processing hash."""
        data = self._pop(keys=[self.queue_key, self.processing_key])
        return data or None

    def ack(self, entries: list[bytes]) -> None:
        """These requests are done (downloaded and their output processed)."""
        if entries:
            self.server.hdel(self.processing_key, *entries)

    def hold(self, entries: list[bytes]) -> None:
        """These units of work were read into this worker's feed, unpublished till it closes:
        held till then (not in flight), put back in the queue if this worker dies."""
        if entries:
            self._hold(keys=[self.processing_key, self.held_key], args=entries)

    def give_back(self, entries: list[bytes]) -> None:
        """These requests were handled while Redis was away (the links they found may not
        have been queued): into the queue again, not acknowledged."""
        if entries:
            self._give_back(keys=[self.processing_key, self.queue_key], args=entries)

    def held(self) -> list[bytes]:
        """The requests this worker's processing hash holds."""
        return list(self.server.hkeys(self.processing_key))

    def live(self, worker: str) -> bool:
        """Whether ``worker`` beats (within the lease). A yes is cached for a moment; a no is
        asked again at once, so a worker that joined since is never taken for dead."""
        now = time.time()
        checked, live = self._live
        if now - checked > LIVE_CACHE_SECONDS:
            live = {w.decode() for w in self.server.zrangebyscore(
                self.workers_key, now - self.lease_seconds, "+inf")}
            self._live = (now, live)
        if worker in live:
            return True
        beat = self.server.zscore(self.workers_key, worker)
        if beat is not None and float(beat) >= now - self.lease_seconds:
            live.add(worker)
            return True
        return False

    # --- units of work (WARC files) ----------------------------------------------------
    def claim(self, unit: str) -> str | None:
        """Take ``unit`` for this worker in this run; ``None`` when taken, else the live
        worker that keeps it (this one: it reads or read it). A dead worker's unit is taken
        over: it is read again, as what came of it died with the worker's feed."""
        holder = self._claim(keys=[self.units_key, self.workers_key],
                             args=[unit, self.worker, UNITS_TTL_SECONDS,
                                   time.time() - self.lease_seconds])
        return holder.decode() if holder else None


    def release(self, units: list[str]) -> None:
        """Let go of these units this worker claimed (their requests are given back)."""
        if units:
            self._release(keys=[self.units_key], args=[self.worker, *units])

    def queue_size(self) -> int:
        return int(self.server.zcard(self.queue_key))

    def in_flight(self) -> int:
        """Requests held by live workers (dead workers' are requeued by the next beat)."""
        workers = [w.decode() for w in self.server.zrange(self.workers_key, 0, -1)]
        with self.server.pipeline() as pipe:
            for worker in workers:
                pipe.hlen(self.processing_prefix + worker)
            return sum(int(n) for n in pipe.execute())

    def crawl_done(self) -> bool:
        """Queue empty, nothing in flight anywhere, and nobody busy for the idle time;
        or the run was ended (or replaced) by another worker."""
        current = self.server.get(self.run_key)
        if current is None or current.decode() != self.run:
            return True
        if self.queue_size() or self.in_flight():
            return False
        busy = float(self.server.get(self.busy_key) or 0)
        return time.time() - busy >= self.idle_seconds

    def finish(self) -> None:
        """The crawl is done: end the run (its per-run fingerprints go with it)."""
        self._end(keys=[self.run_key], args=[self.run])
        self.server.delete(self.run_seen_key, self.units_key)
        self.leave()

    def leave(self) -> int:
        """This worker stops: its unfinished requests go back to the queue.

        Its entry in the workers set gets a last beat instead of going: its claims in the
        state store stay live for ``REDIS_LEASE_SECONDS`` more, while its feed is published
        (then they are exports), so no other worker takes them for abandoned meanwhile. The
        next beat of a worker past that lease removes the entry, finding nothing to requeue.
        The units it was reading are let go: their requests, given back, are read again."""
        if self.run is not None:  # first: a unit's request given back is claimed anew
            self._release(keys=[self.units_key], args=[self.worker])
        moved = int(self._requeue(keys=[self.processing_key, self.queue_key]))
        # the units it read are in the feed it publishes now
        self.server.delete(self.held_key)
        self.server.zadd(self.workers_key, {self.worker: time.time()})
        return moved


def coordinator_of(crawler: Crawler) -> Coordinator:
    """The crawler's coordinator, owned by its :class:`DistributedWorker` extension."""
    worker = crawler.get_extension(DistributedWorker)
    if worker is None:
        raise RuntimeError("a distributed crawl needs the DistributedWorker extension: set "
                           "REDIS_URL and keep the DistributedCrawl add-on in ADDONS")
    return worker.coordinator


def build_coordinator(crawler: Crawler) -> Coordinator:
    """A coordinator for the crawler, from its settings (and a watch on a Redis state store
    kept elsewhere)."""
    settings = crawler.settings
    spider: Any = crawler.spider
    name = spider.name if spider is not None else crawler.spidercls.name
    timeout = settings.getfloat("REDIS_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS)
    found = Coordinator(
        redis_client(settings["REDIS_URL"], timeout),
        settings.get("REDIS_KEY_PREFIX") or DEFAULT_PREFIX,
        name,
        idle_seconds=settings.getfloat("REDIS_IDLE_SECONDS", DEFAULT_IDLE_SECONDS),
        heartbeat_seconds=settings.getfloat("REDIS_HEARTBEAT_SECONDS",
                                            DEFAULT_HEARTBEAT_SECONDS),
        lease_seconds=settings.getfloat("REDIS_LEASE_SECONDS", DEFAULT_LEASE_SECONDS),
    )
    state_uri = str(settings.get("STATE_URI") or "")
    if state_uri.startswith(("redis://", "rediss://")) and state_uri != settings["REDIS_URL"]:
        query = [(k, v) for k, v in parse_qsl(urlsplit(state_uri).query) if k != "prefix"]
        found.watched.append(redis_client(
            urlunsplit(urlsplit(state_uri)._replace(query=urlencode(query))), timeout))
    return found


def worker_run(crawler: Crawler, store: object) -> str:
    """This worker's claim id in the state store: ``<run>/<worker>``.

    A Redis store is told which claims are the crawl's, so that a pending claim of another
    worker counts as live while that worker beats (two workers never both keep one story),
    and as abandoned once it is dead (its requeued stories are claimed again). Liveness is
    read from ``REDIS_URL``'s heartbeats even when the store is another database."""
    coordinator = coordinator_of(crawler)
    run = coordinator.join()
    mine = f"{run}/{coordinator.worker}"
    if isinstance(store, SharedClaims):
        store.share_claims(coordinator.live, mine)
    return mine


class DistributedWorker:
    """Extension of a distributed crawl (``REDIS_URL``; listed by the ``DistributedCrawl``
    add-on): owns this worker's coordinator (made on first use: queue leases, heartbeats),
    and makes the state store's claims this worker's, ``<run>/<worker>``."""

    crawler: Crawler

    def __init__(self) -> None:
        self._coordinator: Coordinator | None = None

    @property
    def coordinator(self) -> Coordinator:
        if self._coordinator is None:
            self._coordinator = build_coordinator(self.crawler)
        return self._coordinator

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DistributedWorker:
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("REDIS_URL is not set")
        claims = attach(cls(), crawler)
        crawler.signals.connect(claims.state_store_opened, signal=state_store_opened)
        return claims

    def state_store_opened(self, store: object, state: StateStoreExtension) -> None:
        state.run = worker_run(self.crawler, store)
