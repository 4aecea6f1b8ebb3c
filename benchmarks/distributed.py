"""Distributed crawl throughput: pages per second with 1, 2 and 3 workers on this machine.

    .venv/bin/python benchmarks/distributed.py --stories 300 --workers 1 2 3

Starts a throwaway ``redis-server`` (persistence off) and a local site of ``--stories``
distinct stories (the test generator of ``tests/test_distributed.py``), then for each
worker count runs that many ``scrapy crawl generic`` workers against the site with a fresh
Redis, and reports the pages the site served per second of wall time (from the first
worker's start to the last worker's exit, minus the idle wait before they exit), and the
stories exported. No rate limit, no download delay: this measures the engine, not
politeness. The site is local, so a run measures CPU: with more workers than cores it
stops scaling.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_distributed import access_lines, start_worker, story_site

from newscrawler.demo.server import start_server

from conftest import read_jsonl, running_redis

IDLE = 2.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nc-dist-bench-"))
    with running_redis() as url, redis.Redis.from_url(url) as client:
        try:
            run(args, tmp, url, client)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, tmp: Path, url: str, client: redis.Redis) -> None:
    site_root = story_site(tmp / "site", args.stories)
    print(f"{'workers':>7} {'pages':>6} {'stories':>7} {'seconds':>8} {'pages/s':>8}")
    for n in args.workers:
        client.flushall()
        log = tmp / f"access-{n}.log"
        with start_server(root=site_root, access_log=log, access_log_times=True) as site:
            started = time.monotonic()
            procs = [start_worker(tmp / f"run{n}" / f"w{i}", site.url("/"), url,
                                  REDIS_IDLE_SECONDS=IDLE, LOG_LEVEL="WARNING")
                     for i in range(n)]
            for proc in procs:
                proc.wait()
            wall = time.monotonic() - started
        stamps = [t for t, _ in access_lines(log)]
        busy = (max(stamps) - min(stamps)) if len(stamps) > 1 else wall
        stories = sum(len(read_jsonl(tmp / f"run{n}" / f"w{i}" / "out.jsonl"))
                      for i in range(n))
        print(f"{n:>7} {len(stamps):>6} {stories:>7} {busy:>8.2f} "
              f"{len(stamps) / busy:>8.1f}   (wall {wall:.1f} s incl. start-up and "
              f"{IDLE:.0f} s idle exit)")


if __name__ == "__main__":
    main()
