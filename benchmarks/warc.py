"""WARC benchmark: reading speed and memory of our reader, fastwarc and warcio, and the crawl.

    .venv/bin/python benchmarks/warc.py [--pages 1000] [--size-gb 1.0] [--work DIR]

1. The crawl benchmark's site (``benchmarks/bench_site.py``, 30-100 KB pages) is built
   and served; ``scrapy crawl generic`` crawls it with every stage and
   ``WARC_OUTPUT`` on: the HTTP figures (pages per second, items).
2. ``scrapy crawl warc`` replays that archive with every stage, fresh state: the same
   pages out of WARC (the cleaning throughput to compare with 1.).
3. The archive's response records are repeated (each copy under its own URL) into one
   gzipped WARC of at least ``--size-gb`` GB uncompressed; it is read to the end by our
   reader (``newscrawler.warc.records``), fastwarc and warcio, each in its own process:
   records per second and peak RSS.
4. ``scrapy crawl warc`` reads the whole big file with a host filter that keeps nothing
   (reading, framing and filtering in the crawl), then its first ``--max-items`` stories
   with no item pipeline (parsing and export only) and with every stage.

fastwarc and warcio are installed on demand (``pip install fastwarc warcio``); they are
compared, not used by newscrawler. Peak RSS: each reader's own ``VmHWM``; each crawl's
``wait4`` rusage (which also counts this process's size when it started the crawl, so it
is an upper bound).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[0] = str(REPO)  # keep benchmarks/*.py from shadowing the standard library
sys.path.insert(1, str(REPO / "benchmarks"))

import argparse
import json
import os
import re
import subprocess
import tempfile
import time
from typing import Any

from crawl import Server, build_site, free_port

from newscrawler.warc.records import Record, iter_records
from newscrawler.warc.writer import gzipped, warc_record

_STAT = re.compile(r"'([\w/]+)': (\d+(?:\.\d+)?)")

# A child's rusage peak includes its parent's at fork time (Linux keeps it across exec);
# each reader reports its own high-water mark instead.
PEAK = """
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")
"""

READERS = {
    "newscrawler": """
import sys
from newscrawler.warc.records import Record, iter_records
n = size = 0
with open(sys.argv[1], "rb") as f:
    for r in iter_records(f, max_size=1 << 24):
        if isinstance(r, Record):
            n += 1; size += len(r.block)
print(n, size, peak())
""",
    "fastwarc": """
import sys
from fastwarc.warc import ArchiveIterator
n = size = 0
with open(sys.argv[1], "rb") as f:
    for r in ArchiveIterator(f, parse_http=False):
        n += 1; size += len(r.reader.read())
print(n, size, peak())
""",
    "warcio": """
import sys
from warcio.archiveiterator import ArchiveIterator
n = size = 0
with open(sys.argv[1], "rb") as f:
    for r in ArchiveIterator(f):
        n += 1; size += len(r.content_stream().read())
print(n, size, peak())
""",
}


def measured(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stdout of a process."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"})
    assert proc.stdout is not None
    assert proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{cmd[:4]} failed: {err.decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process, waited for with ``wait4``."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"})
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: the run's outcome, not a crash
        raise RuntimeError(f"{' '.join(cmd[:6])} failed: {proc.stderr.read().decode()[-2000:]}"
                           if proc.stderr else "failed")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def crawl(work: Path, name: str, spider: str, *args: str, **settings: Any) -> dict[str, Any]:
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", "out.jsonl",
           "-s", "LOG_FILE=crawl.log", "-s", "DOWNLOAD_DELAY=0",
           "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS=16",
           "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16"]
    for key, value in settings.items():
        cmd += ["-s", f"{key}={value}"]
    for arg in args:
        cmd += ["-a", arg]
    wall, rss = run(cmd, folder)
    log = (folder / "crawl.log").read_text(encoding="utf-8", errors="replace")
    stats = {k: float(v) for k, v in _STAT.findall(log.split("Dumping Scrapy stats", 1)[-1])}
    pages = int(stats.get("response_received_count", 0) or stats.get(
        "warc/records/response", 0))
    elapsed = stats.get("elapsed_time_seconds", wall)
    return {"run": name, "pages": pages, "items": int(stats.get("item_scraped_count", 0)),
            "elapsed_s": round(elapsed, 1), "pages_per_s": round(pages / elapsed, 1),
            "peak_rss_mb": round(rss, 1)}


def grow(archive: Path, big: Path, size: int) -> tuple[int, int]:
    """Repeat the archive's response records into ``big`` up to ``size`` bytes uncompressed."""
    records: list[Record] = []
    for path in sorted(archive.rglob("*.warc.gz")):
        with path.open("rb") as f:
            records += [r for r in iter_records(f, max_size=1 << 24)
                        if isinstance(r, Record) and r.type == "response"
                        and r.headers.get("warc-newscrawler-kind") in ("story", "page")]
    written = count = copy = 0
    with big.open("wb") as out:
        while written < size:
            copy += 1
            for record in records:
                url = f"{record.url}{'&' if '?' in record.url else '?'}copy={copy}"
                data = warc_record("response", record.block, url=url, date=record.date,
                                   content_type="application/http; msgtype=response")
                out.write(gzipped(data))
                written += len(data)
                count += 1
    return count, written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("--pages", type=int, default=1000, help="site pages (default 1000)")
    ap.add_argument("--size-gb", type=float, default=1.0, help="big WARC, uncompressed")
    ap.add_argument("--max-items", type=int, default=1500,
                    help="stories of the big WARC run through every stage")
    ap.add_argument("--work", type=Path, default=None, help="keep files here")
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="warc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}

    site = work / "site"
    build_site(site, args.pages)
    server = Server(site, free_port())
    try:
        root = f"http://127.0.0.1:{server.port}/"
        results["http"] = crawl(work, "http", "generic", f"url={root}",
                                WARC_OUTPUT=str(work / "archive") + "/")
    finally:
        server.close()
    results["replay"] = crawl(work, "replay", "warc", f"url={work / 'archive'}")
    results["replay_vs_http"] = round(
        results["replay"]["pages_per_s"] / results["http"]["pages_per_s"], 2)

    big = work / "big.warc.gz"
    records, size = grow(work / "archive", big, int(args.size_gb * 1e9))
    results["big"] = {"records": records, "uncompressed_mb": round(size / 1e6),
                      "gzipped_mb": round(big.stat().st_size / 1e6)}
    for name, code in READERS.items():
        try:
            wall, _, out = measured([sys.executable, "-c", PEAK + code, str(big)])
        except RuntimeError as error:
            results[f"read_{name}"] = {"error": str(error)[-300:]}
            continue
        n, _, peak = out.split()
        results[f"read_{name}"] = {"records": int(n), "s": round(wall, 1),
                                   "records_per_s": round(int(n) / wall),
                                   "peak_rss_mb": round(float(peak), 1)}
    # every record read, framed and filtered by the spider, none parsed: the whole file
    results["crawl_big_read_only"] = crawl(work, "big_read", "warc", f"url={big}",
                                           "hosts=skip.invalid")
    results["crawl_big_no_stages"] = crawl(work, "big_bare", "warc", f"url={big}",
                                           f"max_items={args.max_items}", ITEM_PIPELINES="{}")
    results["crawl_big_all_stages"] = crawl(work, "big_all", "warc", f"url={big}",
                                            f"max_items={args.max_items}")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
