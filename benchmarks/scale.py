"""The state store and near-duplicate index at scale (run by hand; 10^6 takes many minutes).

    .venv/bin/python benchmarks/scale.py --sizes 10000 100000 1000000

For each size: fill a fresh SQLite store with that many synthetic stories
(claimed as pipelines do: story row, signature, 24 band keys), then time 1,000
lookups of new stories (levels 3 and 4: id, content hash, band candidates,
verification) and 1,000 more inserts; report resident memory of the process
and the store's size on disk.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)  # keep benchmarks/*.py from shadowing the standard library

import argparse
import json
import random
import tempfile
import time

from newscrawler.dedup.fingerprint import content_hash
from newscrawler.dedup.index import DuplicateIndex, Story
from newscrawler.state import open_store

WORDS = [f"w{i}" for i in range(30000)]


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def fake_story(r: random.Random, n: int) -> Story:
    paras = [" ".join(r.choices(WORDS, k=r.randrange(30, 70))) + "." for _ in range(r.randrange(4, 9))]
    return Story(f"{n:024x}", f"https://site{n % 50}.example/news/{n}.html", paras,
                 content_hash(paras))


def run(size: int, folder: Path) -> dict:
    r = random.Random(size)
    store = open_store(str(folder / f"state-{size}.sqlite3"))
    index = DuplicateIndex(store, run="scale")
    now = time.time()
    start = time.perf_counter()
    for n in range(size):
        index.check_and_claim(fake_story(r, n), now)
        if n % 100000 == 99999:
            print(f"  {n + 1:,} stories, {time.perf_counter() - start:.0f} s, "
                  f"RSS {rss_mb():.0f} MB", file=sys.stderr)
    fill = time.perf_counter() - start
    queries = [fake_story(r, size + n) for n in range(1000)]
    for q in queries:
        q.signature  # noqa: B018  (computed before timing: the lookup alone is measured)
    t0 = time.perf_counter()
    for q in queries:
        index.find(q)
    lookup = (time.perf_counter() - t0) / len(queries)
    t0 = time.perf_counter()
    for q in queries:
        index.check_and_claim(q, now)
    insert = (time.perf_counter() - t0) / len(queries)
    counts = store.counts()
    store.close()
    disk = sum(p.stat().st_size for p in folder.glob(f"state-{size}.sqlite3*"))
    return {
        "stories": size,
        "fill_seconds": round(fill, 1),
        "lookup_ms": round(lookup * 1000, 3),
        "lookup_and_insert_ms": round(insert * 1000, 3),
        "rss_mb": round(rss_mb(), 1),
        "disk_mb": round(disk / 2**20, 1),
        "rows": counts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dir", type=Path, default=None, help="where the stores go (temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            print(json.dumps(run(size, folder)), flush=True)


if __name__ == "__main__":
    main()
