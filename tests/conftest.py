"""Shared fixtures: local sites on 127.0.0.1 and ``scrapy crawl`` run as a user runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newscrawler.demo.server import DemoServer, start_server

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "newscrawler" / "schema" / "article.schema.json").read_text())
CRAWL_TIMEOUT = 120

_STAT_LINE = re.compile(r"^\s*'(?P<key>[^']+)':\s*(?P<value>-?\d+(?:\.\d+)?),?\}?\s*$")


@dataclass
class CrawlResult:
    returncode: int
    items: list[dict[str, Any]]
    log: str
    feed: Path
    stats: dict[str, float] = field(default_factory=dict)

    def stat(self, key: str) -> float:
        return self.stats.get(key, 0)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def validate(items: list[dict[str, Any]]) -> None:
    """Every exported line must match the published JSON Schema."""
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for item in items:
        errors = sorted(validator.iter_errors(item), key=str)
        assert not errors, f"{item.get('url')}: {[e.message for e in errors]}"


def parse_stats(log: str) -> dict[str, float]:
    """The numeric stats of Scrapy's end-of-crawl dump."""
    stats: dict[str, float] = {}
    in_dump = False
    for line in log.splitlines():
        if "Dumping Scrapy stats" in line:
            in_dump = True
            continue
        if in_dump:
            # the first key shares its line with the dump's opening brace
            if match := _STAT_LINE.match(line.lstrip().removeprefix("{")):
                value = match.group("value")
                stats[match.group("key")] = float(value) if "." in value else int(value)
            if line.rstrip().endswith("}"):
                in_dump = False
    return stats


def run_crawl(
    spider: str,
    workdir: Path,
    *args: str,
    settings: dict[str, Any] | None = None,
    feed: Path | None = None,
) -> CrawlResult:
    """``scrapy crawl`` in a subprocess, as cron runs it, exporting to ``feed``."""
    feed = feed or workdir / "out.jsonl"
    log_file = workdir / "crawl.log"
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(feed),
               "-s", f"LOG_FILE={log_file}", "-s", "DOWNLOAD_DELAY=0",
               "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_TIMEOUT=10"]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={value}"]
    for arg in args:
        command += ["-a", arg]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}
    proc = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True,
                          timeout=CRAWL_TIMEOUT, check=False)
    log = (log_file.read_text(encoding="utf-8") if log_file.exists() else "") + proc.stderr
    return CrawlResult(proc.returncode, read_jsonl(feed), log, feed, parse_stats(log))


@pytest.fixture(scope="session")
def demo_site() -> Iterator[DemoServer]:
    with start_server() as server:
        yield server


@pytest.fixture
def serve_dir():
    """Serve a folder of test files on 127.0.0.1 (same server as the demo site)."""
    servers: list[DemoServer] = []

    def _serve(root: Path) -> DemoServer:
        server = start_server(root=root)
        servers.append(server)
        return server

    yield _serve
    for server in servers:
        server.stop()


# --- Redis (the distributed crawl and the Redis state store) ---------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_redis(binary: str = "redis-server", *extra: str,
                  password: str | None = None) -> Iterator[str]:
    """A throwaway ``redis-server`` on a free loopback port, persistence off; its URL (with
    the password when ``password`` is given: ``--requirepass``).

    Shared by the Redis tests and ``benchmarks/distributed.py``."""
    import time

    import redis

    port = _free_port()
    if password is not None:
        extra = (*extra, "--requirepass", password)
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--daemonize", "no", *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://{f':{password}@' if password is not None else ''}127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        else:
            raise RuntimeError("redis-server did not start")
        yield url
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[str]:
    """A throwaway ``redis-server`` for the session (see :func:`running_redis`).

    Debian's ``redis-server`` package, which ``./run test`` installs when root; without it
    (or without the ``distributed`` extra) the Redis tests skip and say why."""
    import shutil

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server; "
                    "./run test does it when root)")
    try:
        import redis  # noqa: F401
        import scrapy_redis  # noqa: F401
    except ImportError:
        pytest.skip("the distributed extra is not installed: pip install -e '.[dev]'")
    with running_redis(binary) as url:  # a server that does not start errors the tests
        yield url


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The test Redis, emptied for this test."""
    import redis

    with redis.Redis.from_url(redis_server) as client:
        client.flushall()
    return redis_server
