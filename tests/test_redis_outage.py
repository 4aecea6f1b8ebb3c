"""Redis going away in the middle of a distributed crawl: the workers stop, never hang.

A throwaway ``redis-server`` (with a password, to see it masked) is killed while real
``scrapy crawl`` workers are fetching a slow local site.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_distributed import FAST, story_site

from newscrawler.demo.server import start_server

from conftest import read_jsonl, running_redis

pytest.importorskip("scrapy_redis")
redis = pytest.importorskip("redis")

BOUND = 60  # seconds from the kill to the exit: generous, for a loaded machine
PASSWORD = "s3cret-pw"


@pytest.fixture
def own_redis() -> str:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    with running_redis(password=PASSWORD) as url:
        yield url


def kill_redis(url: str, how: signal.Signals = signal.SIGKILL) -> int:
    """Kill (or stop: a server that no longer answers, as behind a dropped link) Redis."""
    with redis.Redis.from_url(url) as client:
        pid = int(client.info("server")["process_id"])
    os.kill(pid, how)
    return pid


def wait_for_items(feed: Path, n: int, proc: subprocess.Popen) -> None:
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None and len(read_jsonl(feed)) < n:
        time.sleep(0.05)
    assert proc.poll() is None, "the crawl ended before Redis was killed"
    assert len(read_jsonl(feed)) >= n


def env() -> dict[str, str]:
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}


def settings_args(**settings: object) -> list[str]:
    return [arg for k, v in {**FAST, **settings}.items() for arg in ("-s", f"{k}={v}")]


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGSTOP], ids=["killed", "stopped"])
def test_worker_stops_with_one_line_when_redis_dies(tmp_path: Path, own_redis: str,
                                                     how: signal.Signals) -> None:
    with start_server(root=story_site(tmp_path / "site", 40)) as site:
        command = [sys.executable, "-m", "scrapy", "crawl", "generic", "-a",
                   f"url={site.url('/')}", "-O", "out.jsonl", "-s", "LOG_FILE=crawl.log",
                   "-s", f"REDIS_URL={own_redis}",
                   *settings_args(DOWNLOAD_DELAY=0.5, REDIS_TIMEOUT_SECONDS=2)]
        proc = subprocess.Popen(command, cwd=tmp_path, env=env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            wait_for_items(tmp_path / "out.jsonl.part", 3, proc)
            before = {item["url"] for item in read_jsonl(tmp_path / "out.jsonl.part")}
            pid = kill_redis(own_redis, how)
            try:
                _, err = proc.communicate(timeout=BOUND)
            finally:
                if how == signal.SIGSTOP:
                    os.kill(pid, signal.SIGCONT)  # so that the fixture can end it
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert proc.returncode == 1, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    port = own_redis.rsplit(":", 1)[1].split("/")[0]
    assert lines[0].startswith(f"newscrawler: the run stopped: Redis at "
                               f"redis://:****@127.0.0.1:{port}/0 did not answer"), lines[0]
    assert ("ConnectionError" if how == signal.SIGKILL else "TimeoutError") in lines[0]
    assert PASSWORD not in err
    log = (tmp_path / "crawl.log").read_text()
    assert "Closing spider (redis_unavailable)" in log
    # what was exported before Redis died is published, not lost with the run
    published = {item["url"] for item in read_jsonl(tmp_path / "out.jsonl")}
    assert before <= published


def test_workers_command_ends_when_redis_dies(tmp_path: Path, own_redis: str) -> None:
    """Both workers, their rate limiter and a state store in another database: the command
    exits 1 with a line per worker, no hang."""
    state = own_redis.rsplit("/", 1)[0] + "/1"
    with start_server(root=story_site(tmp_path / "site", 60)) as site:
        command = [sys.executable, "-m", "newscrawler.cli", "workers", "2", "--", "generic",
                   "-a", f"url={site.url('/')}", "-s", f"REDIS_URL={own_redis}",
                   "-s", f"STATE_URI={state}",
                   *settings_args(REDIS_DOMAIN_RATE=3, REDIS_TIMEOUT_SECONDS=2)]
        proc = subprocess.Popen(command, cwd=tmp_path, env=env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            logs = tmp_path / "output" / "workers"
            deadline = time.time() + 60
            while time.time() < deadline and proc.poll() is None and not (
                    len(list(logs.glob("*.log"))) == 2
                    and all("Spider opened" in p.read_text() for p in logs.glob("*.log"))
                    and sum(len(read_jsonl(p)) for p in tmp_path.glob("output/*/*.part")) >= 3):
                time.sleep(0.1)
            assert proc.poll() is None, "the crawl ended before Redis was killed"
            kill_redis(own_redis)
            out, err = proc.communicate(timeout=BOUND)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert proc.returncode == 1, out + err
    lines = [line for line in out.splitlines() if line.startswith("worker ")]
    assert len(lines) == 2, out
    assert all("exit 1" in line for line in lines), out
    for log in (tmp_path / "output" / "workers").glob("*.log"):
        assert "Closing spider (redis_unavailable)" in log.read_text()


def test_short_outage_is_ridden_out_and_loses_no_story(tmp_path: Path, own_redis: str) -> None:
    """Redis stops answering for a moment (shorter than the lease): the worker carries on,
    and the pages it handled meanwhile (whose links and claims may not have reached Redis)
    are fetched again: every story is exported."""
    count = 30
    with start_server(root=story_site(tmp_path / "site", count)) as site:
        command = [sys.executable, "-m", "scrapy", "crawl", "generic", "-a",
                   f"url={site.url('/')}", "-O", "out.jsonl", "-s", "LOG_FILE=crawl.log",
                   "-s", f"REDIS_URL={own_redis}",
                   *settings_args(DOWNLOAD_DELAY=0.2, REDIS_TIMEOUT_SECONDS=1,
                                  REDIS_LEASE_SECONDS=20)]
        proc = subprocess.Popen(command, cwd=tmp_path, env=env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            wait_for_items(tmp_path / "out.jsonl.part", 3, proc)
            pid = kill_redis(own_redis, signal.SIGSTOP)
            log = tmp_path / "crawl.log"
            deadline = time.time() + 30
            while time.time() < deadline and "does not answer" not in log.read_text():
                time.sleep(0.05)
            os.kill(pid, signal.SIGCONT)
            _, err = proc.communicate(timeout=BOUND)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    text = log.read_text()
    assert "does not answer" in text
    assert "answers again" in text
    assert proc.returncode == 0, err + text[-3000:]
    urls = [item["url"] for item in read_jsonl(tmp_path / "out.jsonl")]
    assert len(set(urls)) == count, f"{count - len(set(urls))} stories lost"
    assert len(urls) == count, "a story exported twice"
