"""Distributed crawl on one machine: pages per second and near-duplicate leaks, 1/2/4 workers.

    .venv/bin/python benchmarks/distributed.py --stories 300 --copies 2 --workers 1 2 4

Starts a throwaway ``redis-server`` (persistence off) and a local site of ``--stories``
distinct stories (the generator of ``tests/test_distributed.py``), each with ``--copies``
syndicated near-copies under other paths (a dateline added, a wire tail added). For each
worker count it runs ``newscrawler workers N -- scrapy crawl generic ...`` from one folder
with a fresh Redis (queue in db 0, state in db 1, as a user scaling out does), and reports:

- pages per second: the pages the site served over the time it was serving them (from
  the first request to the last; start-up and the idle wait before exit are not crawling);
- leaks: stories exported more than once across all workers' feeds (should be 0);
- the speed-up over one worker;
- CPU seconds per page, all workers together (user + system, from the workers' resource
  usage, start-up included): when it stays flat as workers are added, the workers do not
  slow each other down, and on an otherwise idle machine pages/s grows with the cores.

No rate limit, no download delay: the site is local, so this measures CPU; Scrapy runs on
one core, so N workers can use N cores. Other processes on the machine take their share.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_distributed import access_lines, story_site

from newscrawler.demo.server import start_server

from conftest import read_jsonl, running_redis

IDLE = 2.0
STORY = re.compile(r"/story-(\d+)-")


def add_copies(root: Path, copies: int) -> int:
    """``copies`` near-copies of every story page, as syndication makes them; how many."""
    made = 0
    links = []
    for page in sorted(root.glob("news/**/*.html")):
        html = page.read_text(encoding="utf-8")
        for c in range(copies):
            if c % 2 == 0:  # a dateline before the first paragraph
                copy = html.replace("<p>", "<p>LONDON (Harbour Wire) -- ", 1)
            else:  # a wire tail after the last one
                copy = html.replace("</article>",
                                    "<p>(Reporting by Tamsin Okafor; editing by Luis Novak)"
                                    "</p></article>", 1)
            target = root / "wire" / f"c{c}" / page.relative_to(root / "news")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(copy, encoding="utf-8")
            links.append(f'<li><a href="/{target.relative_to(root)}">copy</a></li>')
            made += 1
    index = root / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "</ul>", "".join(links) + "</ul>"), encoding="utf-8")
    return made


def crawl(n: int, folder: Path, site_url: str, url: str) -> tuple[int, str]:
    """``newscrawler workers n`` from ``folder``; its exit status and report."""
    folder.mkdir(parents=True)
    state = url.rsplit("/", 1)[0] + "/1"
    command = [sys.executable, "-m", "newscrawler.cli", "workers", str(n), "--",
               "generic", "-a", f"url={site_url}", "-s", f"REDIS_URL={url}",
               "-s", f"STATE_URI={state}", "-s", f"REDIS_IDLE_SECONDS={IDLE}",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
               "-s", "LOG_LEVEL=WARNING"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True,
                          check=False)
    return done.returncode, done.stdout + done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--copies", type=int, default=2, help="near-copies per story")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nc-dist-bench-"))
    try:
        with running_redis() as url:
            run(args, tmp, url)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, tmp: Path, url: str) -> None:
    site_root = story_site(tmp / "site", args.stories)
    copies = add_copies(site_root, args.copies)
    print(f"site: {args.stories} stories + {copies} near-copies; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at start")
    print(f"{'workers':>7} {'pages':>6} {'stories':>7} {'leaks':>5} {'exit':>4} "
          f"{'seconds':>8} {'pages/s':>8} {'speed-up':>8} {'CPU s/page':>10}")
    base: float | None = None
    for n in args.workers:
        for db in (0, 1):
            with redis.Redis.from_url(url.rsplit("/", 1)[0] + f"/{db}") as client:
                client.flushdb()
        log = tmp / f"access-{n}.log"
        with start_server(root=site_root, access_log=log, access_log_times=True) as site:
            started = time.monotonic()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            status, report = crawl(n, tmp / f"run{n}", site.url("/"), url)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall = time.monotonic() - started
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        stamps = [t for t, _ in access_lines(log)]
        busy = (max(stamps) - min(stamps)) if len(stamps) > 1 else wall
        items = [item for feed in (tmp / f"run{n}" / "output" / "generic").glob("*.jsonl")
                 if not feed.name.endswith(".rejects.jsonl") for item in read_jsonl(feed)]
        per_story = Counter(m.group(1) for item in items
                            if (m := STORY.search(item["url"])) is not None)
        leaks = sum(c - 1 for c in per_story.values() if c > 1)
        rate = len(stamps) / busy
        base = base or rate
        print(f"{n:>7} {len(stamps):>6} {len(items):>7} {leaks:>5} {status:>4} {busy:>8.2f} "
              f"{rate:>8.1f} {rate / base:>7.2f}x {cpu / len(stamps):>10.3f}   "
              f"(wall {wall:.1f} s incl. start-up and "
              f"{IDLE:.0f} s idle exit; load {os.getloadavg()[0]:.1f})", flush=True)
        if status or len(per_story) != args.stories:
            print(json.dumps({"missing": args.stories - len(per_story)}), report[-2000:])


if __name__ == "__main__":
    main()
