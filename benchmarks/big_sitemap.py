"""``-a max_items=20`` against huge sitemaps: seconds to exit and peak memory.

    .venv/bin/python benchmarks/big_sitemap.py --urls 200000 1000000

Serves (from this process, on 127.0.0.1) a gzip sitemap of ``--urls`` story URLs, and
the same URLs as a sitemap index of 50,000-URL sitemaps (``--per-sitemap``), every story
URL answering with a small story page; then runs ``scrapy crawl generic -a url=<sitemap>
-a max_items=20`` against each and reports the seconds from start to exit, the exit
status, the stories exported, the sitemap entries left unread, and the crawl's peak
resident memory (``wait4`` of the child). Building the sitemaps is not timed.

A 1,000,000-URL sitemap inflates to about 90 MB, past ``SITEMAP_MAX_SIZE`` (50 MiB): it is
read up to there (a crawl that gets that far counts it under ``discovery/bad_gzip``);
with ``max_items`` the crawl stops long before. ``--pythonpath DIR`` runs another checkout's
``newscrawler`` (e.g. the code before lazy sitemaps) for comparison.

``--stall`` measures instead how long reading a sitemap holds the reactor when it yields
nothing: every entry of a ``--urls`` sitemap is dated before ``-a since=``, and the crawl
runs with ``tests/stallprobe.py`` (a timer due every 5 ms); reported: seconds and the
longest gap between two runs of that timer (``max stall ms``), which every download and
timeout of the crawl would have waited too::

    .venv/bin/python benchmarks/big_sitemap.py --stall --urls 50000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bigsitemap import sitemap_site
from stallprobe import extensions_setting

from conftest import parse_stats, read_jsonl


def crawl(url: str, workdir: Path, max_items: int, pythonpath: str | None,
          timeout: float, stall: bool = False) -> dict[str, float]:
    workdir.mkdir(parents=True)
    command = [sys.executable, "-m", "scrapy", "crawl", "generic", "-a", f"url={url}",
               "-a", f"max_items={max_items}", "-O", "out.jsonl", "-s", "LOG_FILE=crawl.log",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    if stall:
        # every entry of the sitemap is dated 2026-11-30 (tests/bigsitemap.py)
        command += ["-a", "since=2026-12-01", "-s", f"EXTENSIONS={extensions_setting()}"]
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (pythonpath, str(Path(__file__).resolve().parent.parent / "tests")) if p)
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    seconds = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stats = parse_stats((workdir / "crawl.log").read_text(encoding="utf-8", errors="replace"))
    return {"seconds": seconds, "status": proc.returncode, "rss_mb": usage.ru_maxrss / 1024,
            "items": len(read_jsonl(workdir / "out.jsonl")),
            "unread": stats.get("discovery/entries_unread_at_close", 0),
            "skipped": stats.get("discovery/skipped_before_since", 0),
            "stall_ms": stats.get("probe/max_stall_ms", -1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--urls", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--per-sitemap", type=int, default=50_000)
    parser.add_argument("--max-items", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--pythonpath", help="run this checkout's newscrawler instead")
    parser.add_argument("--stall", action="store_true",
                        help="every entry skipped by since: the longest reactor stall")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nc-big-sitemap-"))
    if args.stall:
        print(f"{'urls':>9} {'exit':>4} {'seconds':>8} {'skipped':>8} {'max stall ms':>12}")
        try:
            for urls in args.urls:
                with sitemap_site(urls) as site:
                    result = crawl(site.sitemap_url, tmp / f"{urls}", args.max_items,
                                   args.pythonpath, args.timeout, stall=True)
                print(f"{urls:>9} {result['status']:>4} {result['seconds']:>8.1f} "
                      f"{result['skipped']:>8} {result['stall_ms']:>12}", flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    print(f"{'urls':>9} {'layout':>14} {'exit':>4} {'seconds':>8} {'items':>5} "
          f"{'unread':>9} {'peak RSS MB':>11}")
    try:
        for urls in args.urls:
            for per_sitemap in (0, args.per_sitemap):
                layout = f"index of {per_sitemap // 1000}k" if per_sitemap else "one gzip"
                with sitemap_site(urls, per_sitemap=per_sitemap) as site:
                    result = crawl(site.sitemap_url, tmp / f"{urls}-{per_sitemap}",
                                   args.max_items, args.pythonpath, args.timeout)
                print(f"{urls:>9} {layout:>14} {result['status']:>4} {result['seconds']:>8.1f} "
                      f"{result['items']:>5} {result['unread']:>9} {result['rss_mb']:>11.0f}",
                      flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
