"""Distributed crawling on Redis: real ``redis-server``, real ``scrapy crawl`` workers.

Each worker is a ``scrapy crawl`` subprocess with its own working directory and ``-O``
feed, all sharing one Redis (``REDIS_URL`` and the state store) and one local test site.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request

from newscrawler.demo.server import start_server

from conftest import read_jsonl, run_crawl

pytest.importorskip("scrapy_redis")
redis = pytest.importorskip("redis")

FAST = {"REDIS_IDLE_SECONDS": 2, "REDIS_HEARTBEAT_SECONDS": 0.3, "REDIS_LEASE_SECONDS": 1.5,
        "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_TIMEOUT": 10}


# --- helpers -----------------------------------------------------------------------------------
def start_worker(workdir: Path, url: str, redis_url: str, spider: str = "generic",
                 **settings: Any) -> subprocess.Popen:
    workdir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-a", f"url={url}",
               "-O", "out.jsonl", "-s", "LOG_FILE=crawl.log", "-s", f"REDIS_URL={redis_url}"]
    for key, value in {**FAST, **settings}.items():
        command += ["-s", f"{key}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}
    # the log goes to <workdir>/crawl.log
    return subprocess.Popen(command, cwd=workdir, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def wait_all(procs: list[subprocess.Popen], timeout: float = 90) -> list[int]:
    codes = []
    for proc in procs:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail("a worker did not exit by itself")
        codes.append(proc.returncode)
    return codes


def path(url: str) -> str:
    return "/" + url.split("//", 1)[1].split("/", 1)[1]


def duplicate_links(*folders: Path) -> dict[str, str]:
    """path -> the path it was dropped as a copy of, from the runs' rejects files."""
    links = {}
    for folder in folders:
        for line in read_jsonl(folder / "out.rejects.jsonl"):
            if line.get("reason") == "duplicate" and line.get("duplicate_of"):
                links[path(line["url"])] = path(line["duplicate_of"]["url"])
    return links


def clusters(urls: set[str], links: dict[str, str]) -> set[frozenset[str]]:
    """Each exported URL with the copies of it: which copy a crawl keeps depends on order."""
    out = set()
    for url in urls:
        group = {url} | {a for a, b in links.items() if b == url}
        group |= {links[url]} if url in links else set()
        out.add(frozenset(group))
    return out


def same_stories(a: set[str], b: set[str], links: dict[str, str]) -> bool:
    if a == b:
        return True
    return len(a) == len(b) and all(
        any(x in group for group in clusters(a, links)) for x in b
    )


def story_site(root: Path, count: int) -> Path:
    """A site of ``count`` distinct stories linked from its home page."""
    words = sorted(set(re.findall(r"\b[a-z]{4,12}\b", " ".join(
        p.read_text(encoding="utf-8") for p in
        (Path(__file__).parent.parent / "newscrawler/demo/site/news").rglob("*.html")))))
    root.mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    links = []
    for i in range(count):
        rng = __import__("random").Random(i)
        title = " ".join(rng.sample(words, 6)).capitalize()
        paras = "".join(
            "<p>" + " ".join(rng.choice(words) for _ in range(45)).capitalize() + ".</p>"
            for _ in range(6)
        )
        path = f"news/2025/05/{1 + i % 28:02d}/story-{i}-{rng.choice(words)}.html"
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                         "headline": title, "datePublished": "2025-05-01T10:00:00+00:00"})
        page = root / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"<!doctype html><html lang=en><head><title>{title}</title>"
            f'<script type="application/ld+json">{ld}</script></head><body><article>'
            f"<h1>{title}</h1>{paras}</article></body></html>", encoding="utf-8")
        links.append(f'<li><a href="/{path}">{title}</a></li>')
    (root / "index.html").write_text(
        "<!doctype html><html lang=en><head><title>Wire</title></head><body><ul>"
        + "".join(links) + "</ul></body></html>", encoding="utf-8")
    return root


def access_lines(log: Path) -> list[tuple[float, str]]:
    lines = []
    for line in log.read_text().splitlines():
        stamp, method, path, _ = line.split(" ", 3)
        if method == "GET":
            lines.append((float(stamp), path))
    return lines


# --- the proof: workers against one site -------------------------------------------------------
def test_two_workers_export_what_one_process_does(tmp_path: Path, redis_url: str) -> None:
    single = tmp_path / "single"
    single.mkdir()
    with start_server() as site:
        alone = run_crawl("generic", single, f"url={site.url('/')}",
                          settings={"STATE_URI": "state.db"})
    assert alone.returncode == 0
    assert alone.items

    log = tmp_path / "access.log"
    with start_server(access_log=log, access_log_times=True) as site:
        workers = [start_worker(tmp_path / f"w{i}", site.url("/"), redis_url) for i in (1, 2)]
        assert wait_all(workers) == [0, 0]
    feeds = [{path(item["url"]) for item in read_jsonl(tmp_path / f"w{i}" / "out.jsonl")}
             for i in (1, 2)]
    assert not feeds[0] & feeds[1], "a story is in two feeds"
    union = feeds[0] | feeds[1]
    links = duplicate_links(single, tmp_path / "w1", tmp_path / "w2")
    assert same_stories({path(item["url"]) for item in alone.items}, union, links)
    fetched = [path for _, path in access_lines(log)]
    for story in union:
        assert fetched.count(story) == 1, f"{story} fetched {fetched.count(story)} times"
    # the queue is done and the run ended: nothing left for the next scheduled run
    with redis.Redis.from_url(redis_url) as client:
        assert not client.exists("newscrawler:generic:run")
        assert client.zcard("newscrawler:generic:requests") == 0


def test_shared_rate_limit_holds_across_workers(tmp_path: Path, redis_url: str) -> None:
    rate = 8
    log = tmp_path / "access.log"
    with start_server(root=story_site(tmp_path / "site", 30), access_log=log,
                      access_log_times=True) as site:
        workers = [start_worker(tmp_path / f"w{i}", site.url("/"), redis_url,
                                REDIS_DOMAIN_RATE=rate) for i in (1, 2)]
        assert wait_all(workers) == [0, 0]
    times = sorted(stamp for stamp, _ in access_lines(log))
    assert len(times) > 30
    busiest = max(sum(1 for t in times if start <= t < start + 1) for start in times)
    assert busiest <= rate + 1, f"{busiest} requests in one second, limit {rate}/s"
    exported = sum(len(read_jsonl(tmp_path / f"w{i}" / "out.jsonl")) for i in (1, 2))
    assert exported == 30


def test_killed_worker_loses_no_story(tmp_path: Path, redis_url: str) -> None:
    count = 40
    with start_server(root=story_site(tmp_path / "site", count)) as site:
        workers = [start_worker(tmp_path / f"w{i}", site.url("/"), redis_url,
                                REDIS_DOMAIN_RATE=10) for i in (1, 2, 3)]
        victim = tmp_path / "w1" / "out.jsonl.part"
        deadline = time.time() + 30
        while time.time() < deadline and len(read_jsonl(victim)) < 3:
            time.sleep(0.05)
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait()
        assert wait_all(workers[1:]) == [0, 0]
    published = [item["url"] for i in (2, 3) for item in read_jsonl(tmp_path / f"w{i}" /
                                                                  "out.jsonl")]
    assert len(published) == len(set(published)), "a story is in two published feeds"
    # the killed worker's unpublished .part holds what it exported before it died; a story
    # whose line was written but whose claim had not reached Redis is exported again by a
    # survivor (at least once, never lost)
    partial = {item["url"] for item in read_jsonl(victim)}
    lost = count - len(set(published) | partial)
    assert not lost, f"{lost} stories lost"


# --- units -------------------------------------------------------------------------------------
def test_rate_limiter_spaces_admissions(redis_url: str) -> None:
    from newscrawler.distributed.ratelimit import SharedRateLimitMiddleware

    limiter = SharedRateLimitMiddleware(redis_url, "t", rate=4)
    other = SharedRateLimitMiddleware(redis_url, "t", rate=4)  # a second worker

    async def ask(n: int) -> list[float]:
        waits = [await m.wait_ms(Request("http://a.example/x"))
                 for m in [limiter, other] * (n // 2)]
        await limiter.spider_closed()
        await other.spider_closed()
        return waits

    waits = asyncio.run(ask(6))
    assert waits[0] == 0  # admitted
    assert all(0 < w <= 250 for w in waits[1:])  # the next one, from either worker, waits


def test_dupefilter_expires_discovery_per_run_and_keeps_stories(redis_url: str) -> None:
    from scrapy.utils.request import RequestFingerprinter

    from newscrawler.distributed.coordinator import Coordinator
    from newscrawler.distributed.dupefilter import ExpiringDupeFilter

    def worker() -> ExpiringDupeFilter:
        coordinator = Coordinator(redis.Redis.from_url(redis_url), "t", "generic")
        coordinator.join()
        crawler = SimpleNamespace(request_fingerprinter=RequestFingerprinter())
        return ExpiringDupeFilter(coordinator, crawler, seen_days=1)  # type: ignore[arg-type]

    story = Request("https://w.example/news/2025/04/28/harbour-strike-ends")
    feed = Request("https://w.example/rss.xml", meta={"newscrawler_discovery": True})
    first = worker()
    assert not first.request_seen(story)
    assert not first.request_seen(feed)
    assert first.request_seen(story)
    assert first.request_seen(feed)
    assert worker().request_seen(feed), "a worker joining the run shares its fingerprints"
    first.coordinator.finish()  # the run ends; the next scheduled run reads feeds again
    nxt = worker()
    assert not nxt.request_seen(feed)
    assert nxt.request_seen(story)
    # a story fingerprint past its expiry is forgotten
    nxt.server.zadd(nxt.key, {nxt.request_fingerprint(story): time.time() - 1})
    assert not nxt.request_seen(story)


def test_dead_worker_requests_are_requeued(redis_url: str) -> None:
    from newscrawler.distributed.coordinator import Coordinator

    client = redis.Redis.from_url(redis_url)
    dead = Coordinator(client, "t", "s", heartbeat_seconds=0.1, lease_seconds=0.3)
    alive = Coordinator(client, "t", "s", heartbeat_seconds=0.1, lease_seconds=0.3)
    dead.join()
    alive.join()
    client.zadd(dead.queue_key, {b"r1": 0, b"r2": -5})
    assert dead.pop() == b"r2"
    assert alive.in_flight() == 1
    assert not alive.crawl_done()
    time.sleep(0.4)
    assert alive.beat(busy=False) == 1
    assert client.zrange(alive.queue_key, 0, -1, withscores=True) == [(b"r2", -5), (b"r1", 0)]


def test_without_redis_url_nothing_changes() -> None:
    from scrapy.settings import Settings

    from newscrawler.distributed import DistributedCrawl

    settings = Settings({"SCHEDULER": "scrapy.core.scheduler.Scheduler"})
    DistributedCrawl().update_settings(settings)
    assert settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert settings.get("STATE_URI") is None


def test_soft404_probe_is_shared_between_workers(redis_url: str) -> None:
    import asyncio

    from scrapy import Spider
    from scrapy.utils.misc import build_from_crawler
    from scrapy.utils.test import get_crawler

    from newscrawler.extensions.state import StateStoreExtension
    from newscrawler.pipelines.soft404 import Soft404Pipeline
    from newscrawler.soft404.probe import ProbeFingerprint

    url = "https://wire.example/news/2025/04/22/bank-outlook-update.html"
    answer = ProbeFingerprint(url="https://wire.example/news/x", status=200,
                              final_url="https://wire.example/news/x", redirect=None,
                              keys=frozenset({"sorry the page", "try the home page"}), words=12)

    def worker() -> Soft404Pipeline:
        crawler = get_crawler(Spider, {"STATE_URI": redis_url,
                                       "EXTENSIONS": {StateStoreExtension: 0}})
        return build_from_crawler(Soft404Pipeline, crawler)

    async def run() -> tuple[ProbeFingerprint | None, ProbeFingerprint | None, list[str]]:
        fetched: list[str] = []
        first, second = worker(), worker()

        async def download(probe_for: str) -> ProbeFingerprint:
            fetched.append(probe_for)
            return answer

        first._download_probe = download
        second._download_probe = download
        await first.open_spider()
        await second.open_spider()
        try:
            one = await first._fetch_probe(url)
            await asyncio.wrap_future(first._shared.store.submit(lambda: None))  # writes done
            two = await second._fetch_probe(url)
        finally:
            await first.close_spider()
            await second.close_spider()
        assert second.crawler.stats.get_value("soft404/probe/shared_hits") == 1
        return one, two, fetched

    one, two, fetched = asyncio.run(run())
    assert one == answer
    assert two == answer  # from Redis: the second worker did not fetch its own probe
    assert fetched == [url]
