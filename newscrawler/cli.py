"""The ``newscrawler`` command: project tasks that are not a single ``scrapy crawl``."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from newscrawler import report
from newscrawler import workers as run_workers
from newscrawler.demo.server import start_server
from newscrawler.utils.terminal import printable


def _scrapy_env() -> dict[str, str]:
    env = dict(os.environ)
    # Works from any folder, with or without scrapy.cfg beside it.
    env.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawler.settings")
    return env


def _exports(folder: Path) -> list[Path]:
    """The run exports in a folder (not their rejects files)."""
    return [p for p in folder.glob("*.jsonl") if not p.name.endswith(".rejects.jsonl")]


def run_demo(output: Path) -> int:
    """Serve the bundled demo wire site on 127.0.0.1 and crawl it with the generic spider."""
    feed_dir = output / "generic"
    feed_dir.mkdir(parents=True, exist_ok=True)
    before = set(_exports(feed_dir))
    log_file = output / "demo.log"
    # each demo run starts from an empty state store, so it always shows the whole site
    with start_server() as server, tempfile.TemporaryDirectory() as state:
        print(f"Demo site served at {server.base_url}/", flush=True)
        command = [
            sys.executable, "-m", "scrapy", "crawl", "generic",
            "-a", f"url={server.base_url}/",
            # a site on this machine needs no politeness delay
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
            "-s", f"STATE_URI={Path(state) / 'state.sqlite3'}",
            "-s", f"LOG_FILE={log_file}",
        ]
        print("Running:", " ".join(command[1:]), flush=True)
        result = subprocess.run(command, env=_scrapy_env(), check=False)
    new = sorted(set(_exports(feed_dir)) - before)
    if result.returncode != 0 or not new:
        print(f"The demo crawl failed (exit {result.returncode}); see {log_file}", file=sys.stderr)
        return result.returncode or 1
    feed = new[-1]
    items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines() if line]
    print(f"\n{len(items)} stories exported to {feed}")
    for item in items[:5]:
        print(printable(f"  - {item['published'] or '(no date)':<25} {item['title']}"))
    if len(items) > 5:
        print(f"  ... and {len(items) - 5} more")
    rejects = feed.with_name(feed.name.removesuffix(".jsonl") + ".rejects.jsonl")
    if rejects.exists():
        count = sum(1 for line in rejects.read_text(encoding="utf-8").splitlines() if line)
        print(f"{count} pages dropped, with their reasons, in {rejects}")
    print(f"Crawl log: {log_file}")
    print(f"Try: jq -r '.title' {feed}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newscrawler", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="crawl the bundled offline demo site")
    demo.add_argument("--output", type=Path, default=Path("output"),
                      help="where the export and log go (default: output/)")
    inspect = commands.add_parser(
        "inspect", help="summarise exports: items, sources, days, coverage, rejects",
        description="Summarise what runs brought in. PATH is an export (.jsonl, .jsonl.gz), "
                    "a rejects file, a run folder or output/ itself.")
    inspect.add_argument("paths", nargs="+", metavar="PATH")
    report.add_arguments(inspect)
    workers = commands.add_parser(
        "workers", help="start N workers of one distributed crawl on this machine",
        description="Start N `scrapy crawl` workers with the same arguments (which must set "
                    "REDIS_URL), forward Ctrl-C/SIGTERM to them, wait, and print each one's "
                    "feed and exit status. Exits 0 when all did, else the worst status.",
        usage=run_workers.USAGE)
    workers.add_argument("count", type=int, metavar="N")
    workers.add_argument("--log-dir", type=Path, default=Path("output/workers"),
                         help="each worker's log, <spider>-<i>.log (default: output/workers/)")
    workers.add_argument("crawl", nargs=argparse.REMAINDER, metavar="-- SPIDER ...")
    args = parser.parse_args(argv)
    if args.command == "workers":
        crawl = args.crawl[1:] if args.crawl[:1] == ["--"] else args.crawl
        return run_workers.main(args.count, crawl, args.log_dir)
    if args.command == "demo":
        return run_demo(args.output)
    if args.command == "inspect":
        return report.run(args.paths, args)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
