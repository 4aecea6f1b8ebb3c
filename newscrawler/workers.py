"""``newscrawler workers N -- <scrapy crawl arguments>``: N workers of one distributed crawl.

Scrapy runs a crawl on one core; a machine with several cores runs one worker per core,
all on the same ``REDIS_URL``. This starts N ``scrapy crawl`` processes with the same
arguments, each in its own session (a Ctrl-C reaches them once, forwarded from here, not
twice), forwards SIGINT and SIGTERM to them, waits, and prints one line per worker: its
feed, its exit status and its log. It exits 0 when every worker did, else with the worst
status. Each worker writes its own feed (``%(worker)s`` in the default feed name).
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO

from newscrawler.runs.naming import sibling_path

USAGE = "newscrawler workers N -- SPIDER [scrapy crawl options]"
DEFAULT_FEED_URI = "output/%(name)s/%(time)s.jsonl"


class UsageError(ValueError):
    """The command line cannot start a distributed crawl."""


@dataclass
class Worker:
    index: int
    process: subprocess.Popen[bytes]
    log: Path
    started: float

    @property
    def name(self) -> str:
        return f"w{self.process.pid}"


def _settings_given(args: Sequence[str]) -> dict[str, str]:
    """``-s KEY=VALUE`` pairs of a ``scrapy crawl`` command line."""
    found: dict[str, str] = {}
    for flag, value in itertools.pairwise(args):
        if flag in ("-s", "--set") and "=" in value:
            key, _, setting = value.partition("=")
            found[key] = setting
    for arg in args:
        if arg.startswith("--set="):
            key, _, setting = arg.removeprefix("--set=").partition("=")
            found[key] = setting
    return found


def _outputs(args: Sequence[str]) -> list[str]:
    """The ``-o``/``-O`` feed names of a command line (format suffixes dropped)."""
    names = []
    for flag, value in itertools.pairwise(args):
        if flag in ("-o", "-O", "--output", "--overwrite-output"):
            names.append(value.split(":", 1)[0] if not value.startswith("file://") else value)
    return names


def feed_template(args: Sequence[str]) -> str | None:
    """The local feed a worker started with ``args`` writes, ``%(worker)s`` left in.

    >>> feed_template(["generic", "-a", "url=x"])
    'output/%(name)s/%(time)s.%(worker)s.jsonl'
    >>> feed_template(["generic", "-O", "out-%(worker)s.jsonl"])
    'out-%(worker)s.jsonl'
    """
    outputs = _outputs(args)
    if outputs:
        return outputs[0]
    if "FEEDS" in _settings_given(args):
        return None
    return sibling_path(DEFAULT_FEED_URI, ".%(worker)s.jsonl")


def check(count: int, args: Sequence[str]) -> None:
    """Refuse what cannot work before anything starts."""
    if count < 1:
        raise UsageError("N must be at least 1")
    if not args or args[0].startswith("-"):
        raise UsageError(f"name the spider after --: {USAGE}")
    settings = _settings_given(args)
    if not settings.get("REDIS_URL"):
        try:
            from scrapy.utils.project import get_project_settings

            # the settings the workers load (SCRAPY_SETTINGS_MODULE in env)
            configured = get_project_settings().get("REDIS_URL")
        except Exception:  # noqa: BLE001 - no project: then -s must give it
            configured = None
        if not configured:
            raise UsageError("workers share one crawl through Redis: add -s REDIS_URL="
                             "redis://host:port/0 (without it each would be a whole crawl)")
    for name in _outputs(args):
        if count > 1 and "%(worker)s" not in name:
            raise UsageError(f"-o/-O {name}: every worker would write this one file; put "
                             "%(worker)s in its name (e.g. out-%(worker)s.jsonl)")


def find_feed(template: str | None, spider: str, worker: Worker) -> Path | None:
    """The feed the worker published (``%(time)s`` is its own clock: the newest match)."""
    if template is None:
        return None
    pattern = (template.removeprefix("file://").replace("%(name)s", spider)
               .replace("%(worker)s", worker.name).replace("%(time)s", "*"))
    folder, glob = Path(pattern).parent, Path(pattern).name
    if "*" in str(folder):
        return None
    matches = [p for p in folder.glob(glob) if p.is_file()
               and p.stat().st_mtime >= worker.started - 1]
    return max(matches, key=lambda p: p.stat().st_mtime, default=None)


def exit_status(code: int) -> int:
    """A process's exit status as a shell reports it (killed by signal N: 128 + N)."""
    return 128 - code if code < 0 else code


def start(count: int, args: Sequence[str], log_dir: Path, env: dict[str, str]) -> list[Worker]:
    log_dir.mkdir(parents=True, exist_ok=True)
    workers = []
    for index in range(1, count + 1):
        log = log_dir / f"{args[0]}-{index}.log"
        handle: IO[bytes] = log.open("wb")
        with handle:
            process = subprocess.Popen(
                [sys.executable, "-m", "scrapy", "crawl", *args], env=env,
                stdin=subprocess.DEVNULL, stdout=handle, stderr=subprocess.STDOUT,
                start_new_session=True,  # signals come from here, once
            )
        workers.append(Worker(index, process, log, time.time()))
    return workers


def run(count: int, args: Sequence[str], log_dir: Path, env: dict[str, str]) -> int:
    """Start, forward signals, wait, report; the worst exit status."""
    try:
        check(count, args)
    except UsageError as error:
        print(f"newscrawler workers: {error}", file=sys.stderr)
        return 2
    workers = start(count, args, log_dir, env)
    print(f"Started {count} workers of {args[0]}: pids "
          + " ".join(str(w.process.pid) for w in workers), flush=True)

    def forward(signum: int, frame: FrameType | None) -> None:
        for worker in workers:
            if worker.process.poll() is None:
                worker.process.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for worker in workers:
            worker.process.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    template = feed_template(args)
    worst = 0
    for worker in workers:
        status = exit_status(worker.process.returncode)
        worst = max(worst, status)
        feed = find_feed(template, args[0], worker)
        print(f"worker {worker.index} (pid {worker.process.pid}): exit {status}, feed "
              f"{feed if feed is not None else '(none: nothing exported)'}, log {worker.log}")
    return worst


def main(count: int, args: Sequence[str], log_dir: Path) -> int:
    # from any folder, with or without scrapy.cfg beside it (as ``newscrawler demo``)
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawler.settings")
    return run(count, list(args), log_dir, dict(os.environ))
