"""The state store and near-duplicate index at scale: lookup and insert cost at 10^4..10^6.

    .venv/bin/python benchmarks/scale.py --sizes 10000 100000 1000000 --bulk

For each size: fill a fresh SQLite store with that many synthetic stories
(claimed as pipelines do: story row, signature, 24 band keys), then time 1,000
lookups of new stories (levels 3 and 4: id, content hash, band candidates,
verification) and 1,000 more inserts (one transaction each, as in a crawl);
report resident memory of the process and the store's size on disk.

``--bulk`` fills fast: the stories and their signatures are made by worker
processes, and the main process writes them through the same code path
(``DuplicateIndex.claim`` -> ``StateStore.put_story``: same statements, same
schema) with ``--batch`` stories per transaction instead of one commit each.
The stories are random text, so the lookup a crawl does first would find
nothing; the fill skips it (the timed lookups and inserts after the fill are
the full ``find``/``check_and_claim``). 10^6 then takes minutes, not an hour.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # keep benchmarks/*.py from shadowing the standard library

import argparse
import itertools
import json
import multiprocessing
import random
import sqlite3
import tempfile
import time
from collections import deque
from collections.abc import Iterator
from typing import Any, Self

from newscrawler.dedup.fingerprint import content_hash
from newscrawler.dedup.index import Decision, DuplicateIndex, Story
from newscrawler.dedup.minhash import stored_band_keys
from newscrawler.state import open_store


def _word(i: int) -> str:
    letters = ""
    while True:
        i, k = divmod(i, 26)
        letters += chr(97 + k)
        if not i:
            return "w" + letters


WORDS = [_word(i) for i in range(30000)]  # letters only, as most words of real text are


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def fake_story(r: random.Random, n: int) -> Story:
    paras = [" ".join(r.choices(WORDS, k=r.randrange(30, 70))) + "." for _ in range(r.randrange(4, 9))]
    return Story(f"{n:024x}", f"https://site{n % 50}.example/news/{n}.html", paras,
                 content_hash(paras))


class _BatchedConnection:
    """The store's connection with its per-change transactions folded into the caller's.

    ``put_story`` opens ``with self.db: self.db.execute("BEGIN")``; here ``BEGIN`` and the
    context manager are no-ops and :meth:`commit_every` commits every ``batch`` stories, so
    the statements are the same and only the transaction boundaries move.
    """

    def __init__(self, db: sqlite3.Connection, batch: int) -> None:
        self._db = db
        self.batch = batch
        self.pending = 0
        db.execute("BEGIN")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "BEGIN":
            return self._db.cursor()
        return self._db.execute(sql, *args)

    def commit_every(self) -> None:
        self.pending += 1
        if self.pending >= self.batch:
            self.flush()

    def flush(self) -> None:
        self._db.execute("COMMIT")
        self.pending = 0
        self._db.execute("BEGIN")

    def close(self) -> sqlite3.Connection:
        self._db.execute("COMMIT")
        return self._db


def _make_stories(args: tuple[int, int, int]) -> list[Story]:
    """Worker: stories ``start..stop`` of the fill for ``size``, signatures computed."""
    size, start, stop = args
    r = random.Random(size * 1_000_003 + start)
    stories = [fake_story(r, n) for n in range(start, stop)]
    for story in stories:
        story.signature  # noqa: B018  (computed here, in the worker)
    return stories


def _bulk_stories(size: int, workers: int, chunk: int = 2000) -> Iterator[Story]:
    """The fill's stories in order; at most ``2 * workers`` chunks wait, so memory stays flat."""
    jobs = iter([(size, start, min(size, start + chunk)) for start in range(0, size, chunk)])
    with multiprocessing.Pool(workers) as pool:
        pending = deque(pool.apply_async(_make_stories, (job,))
                        for job in itertools.islice(jobs, 2 * workers))
        while pending:
            stories = pending.popleft().get()
            if (job := next(jobs, None)) is not None:
                pending.append(pool.apply_async(_make_stories, (job,)))
            yield from stories


def fill_bulk(index: DuplicateIndex, size: int, now: float, batch: int, workers: int,
              start: float) -> None:
    store = index.store
    conn = _BatchedConnection(store.db, batch)
    store.db = conn  # type: ignore[assignment]
    try:
        for n, story in enumerate(_bulk_stories(size, workers)):
            index.claim(story, Decision(story.id), now)
            conn.commit_every()
            if n % 100000 == 99999:
                print(f"  {n + 1:,} stories, {time.perf_counter() - start:.0f} s, "
                      f"RSS {rss_mb():.0f} MB", file=sys.stderr)
    finally:
        store.db = conn.close()


def run(size: int, folder: Path, bulk: bool = False, batch: int = 5000,
        workers: int = 2) -> dict:
    r = random.Random(size)
    store = open_store(str(folder / f"state-{size}.sqlite3"), band_keys=stored_band_keys)
    index = DuplicateIndex(store, run="scale")
    now = time.time()
    start = time.perf_counter()
    if bulk:
        fill_bulk(index, size, now, batch, workers, start)
    else:
        for n in range(size):
            index.check_and_claim(fake_story(r, n), now)
            if n % 100000 == 99999:
                print(f"  {n + 1:,} stories, {time.perf_counter() - start:.0f} s, "
                      f"RSS {rss_mb():.0f} MB", file=sys.stderr)
    fill = time.perf_counter() - start
    rss_filled = rss_mb()
    store.close()
    # lookups and inserts in a fresh process: its RSS is what the index costs a crawl,
    # not what filling left behind in this one
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        measured = pool.apply(measure, (str(store.path), size, bulk))
    disk = sum(p.stat().st_size for p in folder.glob(f"state-{size}.sqlite3*"))
    return {
        "stories": size,
        "fill": "bulk" if bulk else "one commit per story",
        "fill_seconds": round(fill, 1),
        **measured,
        "filler_rss_mb": round(rss_filled, 1),
        "disk_mb": round(disk / 2**20, 1),
    }


def measure(path: str, size: int, bulk: bool) -> dict:
    """Time 1,000 lookups then 1,000 lookups-and-inserts of new stories on the filled store."""
    store = open_store(path, band_keys=stored_band_keys)
    index = DuplicateIndex(store, run="scale")
    now = time.time()
    r = random.Random(-size)
    queries = [fake_story(r, size + n) for n in range(1000)]
    # every 10th query is a near copy of a stored story (its first paragraph rewritten), so
    # level 4 fetches and verifies real candidates
    stored = _stored_stories(size, bulk, len(queries) // 10)
    for k, original in enumerate(stored):
        q = queries[k * 10]
        core = [q.core[0], *original.core[1:]]
        queries[k * 10] = Story(q.id, q.canonical_url, core, content_hash(core))
    for q in queries:
        q.signature  # noqa: B018  (computed before timing: the lookup alone is measured)
    rss_before = rss_mb()
    lookups, matches = [], 0
    for q in queries:
        t0 = time.perf_counter()
        decision = index.find(q)
        lookups.append(time.perf_counter() - t0)
        matches += decision.duplicate
    inserts = []
    for q in queries:
        t0 = time.perf_counter()
        index.check_and_claim(q, now)
        inserts.append(time.perf_counter() - t0)
    counts = store.counts()
    store.close()
    return {
        "lookup_ms": round(sum(lookups) / len(lookups) * 1000, 3),
        "lookup_p95_ms": round(_p95(lookups) * 1000, 3),
        "lookup_and_insert_ms": round(sum(inserts) / len(inserts) * 1000, 3),
        "lookup_and_insert_p95_ms": round(_p95(inserts) * 1000, 3),
        "near_copies_found": f"{matches} of {len(stored)}",
        "index_process_rss_mb": round(rss_mb(), 1),
        "index_process_rss_before_lookups_mb": round(rss_before, 1),
        "rows": counts,
    }


def _stored_stories(size: int, bulk: bool, count: int) -> list[Story]:
    """The first ``count`` stories the fill stored, made again from the same seeds."""
    count = min(count, size)
    if bulk:
        return _make_stories((size, 0, count))
    r = random.Random(size)
    return [fake_story(r, n) for n in range(count)]


def _p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dir", type=Path, default=None, help="where the stores go (temp)")
    parser.add_argument("--bulk", action="store_true",
                        help="fill with worker processes and many stories per transaction")
    parser.add_argument("--batch", type=int, default=5000, help="stories per transaction (--bulk)")
    parser.add_argument("--workers", type=int, default=2, help="story makers (--bulk)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            print(json.dumps(run(size, folder, args.bulk, args.batch, args.workers)), flush=True)


if __name__ == "__main__":
    main()
