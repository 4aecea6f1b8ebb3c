"""Crawl benchmark: pages per second of bare Scrapy vs ``scrapy crawl generic`` with every stage.

    .venv/bin/python benchmarks/crawl.py                      # 5,000 pages: (a), (b), (c)
    .venv/bin/python benchmarks/crawl.py --pages 5000 50000 --modes generic   # memory growth

For each ``--pages`` size a deterministic local news site is generated
(``benchmarks/bench_site.py``: 30-100 KB pages with site chrome, syndicated
near-copies, doubled paragraphs, error pages served 200, dead links) and served
by Twisted's static ``File`` resource in its own process. Then, back to back:

(a) ``bare``: a bare Scrapy spider (``benchmarks/bare_spider.py``) that follows the
    same links and yields url and title, with Scrapy's default settings;
(b) ``generic``: ``scrapy crawl generic`` with the project's settings, every stage on;
(c) ``trafilatura``: (b) with trafilatura as the body extractor
    (``benchmarks/trafilatura_spider.py``), when ``--trafilatura-path`` holds an install;
(d) ``bare_trafilatura``: (a) calling ``trafilatura.extract`` on every page
    (``benchmarks/bare_trafilatura_spider.py``): "a Scrapy spider that calls trafilatura".
    (a)/(d) is what bare Scrapy gains by not calling trafilatura; and since (c) is (b)
    minus our extractor plus trafilatura's, (b)/(c) >= 3 needs (b)'s CPU per page at
    most half of what trafilatura adds over our extractor: both are printed.

All runs: DOWNLOAD_DELAY=0, AutoThrottle off, robots.txt obeyed, the same
CONCURRENT_REQUESTS, LOG_LEVEL=INFO, a fresh STATE_URI. Reported per run: pages
fetched, Scrapy's elapsed time, pages per second, CPU seconds per page and peak
RSS (``wait4`` rusage of the crawl process); then (b)/(a) and (b)/(c).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
MODES = ("bare", "generic", "trafilatura", "bare_trafilatura")
_STAT = re.compile(r"'([\w/]+)': (\d+(?:\.\d+)?)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_site(folder: Path, pages: int, real_pages: Path | None = None) -> dict[str, Any]:
    """The site for ``pages`` in ``folder`` (reused when already built)."""
    manifest = folder / "manifest.json"
    if manifest.exists():
        data: dict[str, Any] = json.loads(manifest.read_text())
        if data.get("pages") == pages and data.get("real_pages") == str(real_pages or ""):
            return data
        shutil.rmtree(folder)
    port = free_port()
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_site.py"), "build", str(folder), "--pages",
         str(pages), "--port", str(port),
         *(["--real-pages", str(real_pages)] if real_pages else [])],
        check=True, capture_output=True, text=True,
    )
    data = json.loads(out.stdout)
    data["real_pages"] = str(real_pages or "")
    manifest.write_text(json.dumps(data))
    print(f"built {pages:,} pages in {time.perf_counter() - started:.0f} s: {data}",
          file=sys.stderr)
    return data


class Server:
    def __init__(self, folder: Path, port: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(BENCH / "bench_site.py"), "serve", str(folder), "--port",
             str(port)],
            stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def server_speed(port: int, paths: list[str], seconds: float = 3.0, clients: int = 8) -> float:
    """Requests per second the server answers to ``clients`` keep-alive connections."""
    done = [0] * clients
    stop = time.perf_counter() + seconds

    def client(k: int) -> None:
        conn = HTTPConnection("127.0.0.1", port)
        i = k
        while time.perf_counter() < stop:
            conn.request("GET", paths[i % len(paths)])
            conn.getresponse().read()
            done[k] += 1
            i += clients
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / seconds


def crawl_command(mode: str, root: str, work: Path, concurrency: int) -> tuple[list[str], Path]:
    common = [
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=True",
        "-s", f"CONCURRENT_REQUESTS={concurrency}",
        "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
        "-s", "LOG_LEVEL=INFO", "-s", f"LOG_FILE={work / (mode + '.log')}",
        "-O", str(work / f"{mode}.jsonl"),
    ]
    python = [sys.executable, "-m", "scrapy.cmdline"]
    if mode in ("bare", "bare_trafilatura"):
        # run from a folder without scrapy.cfg: Scrapy's defaults, not the project's settings
        return [*python, "runspider", str(BENCH / f"{mode}_spider.py"), "-a", f"url={root}",
                *common], work
    spider = "generic" if mode == "generic" else "generic_trafilatura"
    extra = [] if mode == "generic" else [
        "-s", "SPIDER_MODULES=newscrawler.spiders,trafilatura_spider"]
    return [*python, "crawl", spider, "-a", f"url={root}",
            "-s", f"STATE_URI={work / (mode + '-state.sqlite3')}", *extra, *common], REPO


def run_crawl(mode: str, root: str, work: Path, concurrency: int,
              trafilatura_path: Path | None) -> dict[str, Any]:
    cmd, cwd = crawl_command(mode, root, work, concurrency)
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    if mode in ("trafilatura", "bare_trafilatura"):
        env["PYTHONPATH"] = os.pathsep.join([str(BENCH), str(trafilatura_path)])
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    log = (work / f"{mode}.log").read_text(encoding="utf-8", errors="replace")
    stats = {k: float(v) for k, v in _STAT.findall(log.split("Dumping Scrapy stats", 1)[-1])}
    if proc.returncode or "downloader/response_count" not in stats:
        raise RuntimeError(f"{mode} failed ({proc.returncode}): {stderr[-2000:]}")
    pages = int(stats["downloader/response_count"])
    elapsed = stats.get("elapsed_time_seconds", wall)
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "mode": mode,
        "pages_fetched": pages,
        "items": int(stats.get("item_scraped_count", 0)),
        "dropped": int(stats.get("item_dropped_count", 0)),
        "elapsed_s": round(elapsed, 1),
        "process_wall_s": round(wall, 1),
        "pages_per_s": round(pages / elapsed, 1),
        "cpu_s": round(cpu, 1),
        "cpu_ms_per_page": round(1000 * cpu / pages, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "errors": int(stats.get("log_count/ERROR", 0)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("--pages", type=int, nargs="+", default=[5000],
                    help="site sizes to crawl, e.g. 5000 50000 (default 5000)")
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    ap.add_argument("--concurrency", type=int, default=16,
                    help="CONCURRENT_REQUESTS (and per domain) for every run")
    ap.add_argument("--trafilatura-path", type=Path, default=Path("/tmp/trafi"),
                    help="a `pip install --target` folder holding trafilatura, for (c)")
    ap.add_argument("--site-dir", type=Path, default=None,
                    help="keep the generated sites here and reuse them (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the crawl outputs and logs")
    ap.add_argument("--real-pages", type=Path, default=None,
                    help="serve these saved real pages as the stories (e.g. "
                         "../shared/datasets/extraction-dev/html) instead of generated ones")
    args = ap.parse_args(argv)

    modes = list(args.modes)
    if not (args.trafilatura_path / "trafilatura").is_dir():
        for mode in ("trafilatura", "bare_trafilatura"):
            if mode in modes:
                print(f"no trafilatura in {args.trafilatura_path}; skipping {mode}",
                      file=sys.stderr)
                modes.remove(mode)
    tmp = Path(tempfile.mkdtemp(prefix="crawlbench-"))
    sites = args.site_dir or tmp / "sites"
    results: list[dict[str, Any]] = []
    try:
        for pages in args.pages:
            folder = sites / (f"pages-{pages}" + ("-real" if args.real_pages else ""))
            manifest = build_site(folder, pages, args.real_pages)
            port = int(manifest["base"].rsplit(":", 1)[1])
            server = Server(folder, port)
            try:
                root = f"http://127.0.0.1:{server.port}/"
                sample = [f"/{p.relative_to(folder)}" for p, _ in
                          zip(folder.glob("*/2025/*/*/*.html"), range(500), strict=False)]
                rps = server_speed(server.port, sample)
                print(f"server: {rps:.0f} pages/s to 8 keep-alive clients", file=sys.stderr)
                for mode in modes:
                    work = tmp / f"run-{pages}-{mode}"
                    work.mkdir(parents=True)
                    result = run_crawl(mode, root, work, args.concurrency, args.trafilatura_path)
                    result |= {"site_pages": pages, "server_pages_per_s": round(rps)}
                    results.append(result)
                    print(json.dumps(result), flush=True)
            finally:
                server.close()
        summarize(results)
    finally:
        if args.keep:
            print(f"outputs kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def summarize(results: list[dict[str, Any]]) -> None:
    by = {(r["site_pages"], r["mode"]): r for r in results}
    for pages in sorted({r["site_pages"] for r in results}):
        bare, generic, traf, bare_traf = (by.get((pages, m)) for m in MODES)
        if bare and generic:
            print(f"{pages:,} pages: generic/bare pages per second = "
                  f"{generic['pages_per_s'] / bare['pages_per_s']:.2f} "
                  f"(target >= 0.6)")
        if generic and traf:
            print(f"{pages:,} pages: generic/trafilatura pages per second = "
                  f"{generic['pages_per_s'] / traf['pages_per_s']:.2f} (target >= 3)")
        if generic and traf:
            # (c) = (b) - our extractor + trafilatura: (b)/(c) >= 3 needs (b) <= the gap / 2
            gap = traf["cpu_ms_per_page"] - generic["cpu_ms_per_page"]
            print(f"{pages:,} pages: trafilatura adds {gap:.2f} CPU ms/page over our extractor; "
                  f"(b)/(c) >= 3 needs (b) at <= {gap / 2:.2f} CPU ms/page, it is at "
                  f"{generic['cpu_ms_per_page']:.2f}")
        if bare and bare_traf:
            print(f"{pages:,} pages: bare/bare+trafilatura pages per second = "
                  f"{bare['pages_per_s'] / bare_traf['pages_per_s']:.2f} (what bare Scrapy, "
                  f"at {bare['cpu_ms_per_page']:.2f} CPU ms/page, gains by not calling "
                  f"trafilatura)")
    sizes = sorted(p for p, m in by if m == "generic")
    if len(sizes) > 1:
        small, large = by[(sizes[0], "generic")], by[(sizes[-1], "generic")]
        print(f"generic peak RSS: {small['peak_rss_mb']} MB at {sizes[0]:,} pages, "
              f"{large['peak_rss_mb']} MB at {sizes[-1]:,} "
              f"(x{large['peak_rss_mb'] / small['peak_rss_mb']:.2f}; target <= 1.2 and < 400 MB)")


if __name__ == "__main__":
    sys.exit(main())
