"""Several workers of one distributed crawl on one machine, racing on syndicated copies.

Real ``redis-server``, real ``scrapy crawl`` workers started from one project folder (same
working directory, same ``REDIS_URL`` and ``STATE_URI=redis://.../1``), on a local site of
syndicated near-copies, exact copies and templated look-alikes from the labelled set
(``tests/data/dedup/set.jsonl``). The site holds every copy of a story until all of them
were asked for (or a moment passed) and answers them together, so the copies reach the
workers' duplicate checks at the same time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import read_jsonl

pytest.importorskip("scrapy_redis")
redis = pytest.importorskip("redis")

SET = Path(__file__).parent / "data" / "dedup" / "set.jsonl"
# a short idle rule; a lease long enough that a worker busy on a loaded machine is not dead
FAST = {"REDIS_IDLE_SECONDS": 1.5, "REDIS_HEARTBEAT_SECONDS": 0.3, "REDIS_LEASE_SECONDS": 20,
        "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_TIMEOUT": 15,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "LOG_LEVEL": "INFO"}
HOLD_SECONDS = 1.0  # the longest a copy waits for the others of its story


# --- the corpus --------------------------------------------------------------------------------
def _signature(doc: dict[str, Any]) -> Any:
    from newscrawler.dedup.boilerplate import strip_boilerplate
    from newscrawler.dedup.fingerprint import story_core
    from newscrawler.dedup.minhash import signature
    from newscrawler.dedup.repeats import split_paragraphs

    return signature(story_core(strip_boilerplate(split_paragraphs(doc["body"]))[0]))


def _all_match(docs: list[dict[str, Any]]) -> bool:
    """Every copy verifies as a copy of every other, both ways: which copy a worker sees
    first (the one kept) then cannot change the outcome; only a race can."""
    from newscrawler.dedup.minhash import verify

    sigs = [_signature(d) for d in docs]
    return all(verify(a, b).duplicate for a in sigs for b in sigs if a is not b)


@functools.cache
def corpus(clusters: int = 9, templated: int = 3,
           singles: int = 4) -> tuple[dict[str, Any], ...]:
    """Pages of the labelled set: ``clusters`` stories with 3-6 copies each (near copies and
    an exact one), ``templated`` pairs of look-alike releases (two stories each, that the
    template guard must keep apart) and ``singles``; one page per URL path."""
    docs = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines()]
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        if page_path(doc) not in {page_path(d) for d in by_cluster[doc["cluster"]]}:
            by_cluster[doc["cluster"]].append(doc)
    chosen: list[dict[str, Any]] = []
    copies = (c for c, d in by_cluster.items()
              if len(d) >= 3 and not c.startswith("t") and _all_match(d))
    for cluster in itertools.islice(copies, clusters):
        members = by_cluster[cluster]
        chosen += members
        chosen.append({**members[0], "url": members[0]["url"].replace(".html", "-x.html"),
                       "doc": members[0]["doc"] + "-exact"})  # an exact copy too
    pairs = sorted({tuple(sorted((d["cluster"], d["template_of"].split("/")[1])))
                    for d in docs if d.get("template_of")})
    for a, b in pairs[:templated]:
        chosen += by_cluster[a][:1] + by_cluster[b][:1]
    lone = [c for c, d in by_cluster.items() if len(d) == 1 and not c.startswith("t")]
    for cluster in lone[:singles]:
        chosen += by_cluster[cluster]
    return tuple(chosen)


def page_path(doc: dict[str, Any]) -> str:
    site, rest = doc["url"].split("?")[0].split("//", 1)[1].split("/", 1)
    return f"/{site}/{rest}"


def render(doc: dict[str, Any]) -> bytes:
    title = " ".join(doc["story"][0].split()[:9]).rstrip(",.")
    paras = "".join(f"<p>{p}</p>" for p in doc["body"].split("\n\n") if p.strip())
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": title, "datePublished": "2025-04-28T07:00:00+00:00"})
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title>'
            f'<script type="application/ld+json">{ld}</script></head><body><article>'
            f"<h1>{title}</h1>{paras}</article></body></html>").encode()


def group_of(doc: dict[str, Any]) -> str:
    """Copies of a story, and the two releases of a templated pair, are answered together."""
    if doc.get("template_of"):
        return "/".join(sorted((doc["cluster"], doc["template_of"].split("/")[1])))
    return doc["cluster"]


class WireSite:
    """A local wire: a sitemap of every page; story pages held until their group is in."""

    def __init__(self, docs: Iterable[dict[str, Any]]) -> None:
        self.pages = {page_path(d): d for d in docs}
        self.groups = Counter(group_of(d) for d in docs)
        self.arrived: Counter[str] = Counter()
        self.fetched: Counter[str] = Counter()
        self.cond = threading.Condition()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body, kind = site.answer(self.path.split("?")[0])
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, path: str) -> tuple[int, bytes, str]:
        if path == "/robots.txt":
            return 200, b"User-agent: *\nAllow: /\n", "text/plain"
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{self.base}{p}</loc></url>" for p in self.pages)
            return 200, (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                         f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                         ).encode(), "application/xml"
        doc = self.pages.get(path)
        if doc is None:
            return 404, b"<html><body><h1>Not found</h1></body></html>", "text/html"
        group = group_of(doc)
        with self.cond:
            self.fetched[path] += 1
            self.arrived[group] += 1
            self.cond.notify_all()
            self.cond.wait_for(lambda: self.arrived[group] >= self.groups[group],
                               timeout=HOLD_SECONDS)
        return 200, render(doc), "text/html; charset=utf-8"

    @contextmanager
    def running(self) -> Iterator[WireSite]:
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()


# --- workers -----------------------------------------------------------------------------------
def crawl_args(site: WireSite, redis_url: str, **settings: Any) -> list[str]:
    state = redis_url.rsplit("/", 1)[0] + "/1"
    args = ["generic", "-a", f"url={site.base}/sitemap.xml", "-s", f"REDIS_URL={redis_url}",
            "-s", f"STATE_URI={state}"]
    for key, value in {**FAST, **settings}.items():
        args += ["-s", f"{key}={value}"]
    return args


def env() -> dict[str, str]:
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}


def start_workers(n: int, folder: Path, args: list[str]) -> list[subprocess.Popen[bytes]]:
    """``n`` workers started at once in one folder, as a user (or ``workers N``) does."""
    return [subprocess.Popen([sys.executable, "-m", "scrapy", "crawl", *args,
                              "-s", f"LOG_FILE=worker-{i}.log"], cwd=folder, env=env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for i in range(n)]


def wait_all(procs: list[subprocess.Popen[bytes]], timeout: float = 300) -> list[int]:
    """Exit statuses; generous: a loaded 2-core machine takes long to start 8 Scrapy
    processes (the crawl itself takes seconds)."""
    deadline = time.monotonic() + timeout
    codes = []
    for proc in procs:
        try:
            codes.append(proc.wait(timeout=max(1.0, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            for other in procs:
                other.kill()
                other.wait()
            pytest.fail("a worker did not exit by itself")
    return codes


def exported(folder: Path) -> list[dict[str, Any]]:
    feeds = sorted((folder / "output" / "generic").glob("*.jsonl"))
    return [item for feed in feeds if not feed.name.endswith(".rejects.jsonl")
            for item in read_jsonl(feed)]


def stories_of(items: list[dict[str, Any]], site: WireSite) -> Counter[str]:
    """How many times each story (cluster of the labelled set) was exported."""
    return Counter(site.pages[page_path_of(item["url"])]["cluster"] for item in items)


def page_path_of(url: str) -> str:
    return "/" + url.split("//", 1)[1].split("/", 1)[1]


# --- the race ----------------------------------------------------------------------------------
def check_round(name: str, folder: Path, site: WireSite, codes: list[int]) -> None:
    """Every worker exited 0 with its own feed; every story exported once; no templated
    look-alike merged into its twin."""
    logs = "".join(p.read_text() for p in folder.glob("worker-*.log"))
    assert codes == [0] * len(codes), f"{name}: exit statuses {codes}\n{logs[-3000:]}"
    feeds = [f for f in (folder / "output" / "generic").glob("*.jsonl")
             if not f.name.endswith(".rejects.jsonl")]
    assert len({f.name for f in feeds}) == len(feeds) >= 2, f"{name}: one feed per worker"
    counts = stories_of(exported(folder), site)
    twice = {c: n for c, n in counts.items() if n > 1}
    assert not twice, f"{name}: stories exported more than once: {twice}"
    stories = {d["cluster"] for d in site.pages.values()}
    templated = {d["cluster"] for d in site.pages.values() if d.get("template_of")}
    assert templated <= set(counts), f"{name}: a templated look-alike was merged"
    assert set(counts) == stories, f"{name}: stories never exported: {stories - set(counts)}"
    assert sum(site.fetched.values()) == len(site.pages)  # every copy fetched, once


@pytest.mark.parametrize(("workers", "rounds"), [(2, 3), (4, 2)])
def test_workers_in_one_folder_export_every_story_once(tmp_path: Path, redis_url: str,
                                                       workers: int, rounds: int) -> None:
    """The race, ``rounds`` times: each round is a crawl of its own site by ``workers``
    workers under its own ``REDIS_KEY_PREFIX`` on one Redis (run side by side, which also
    loads the machine: slow workers, more overlap); each must hold on its own."""
    docs = corpus(clusters=12)
    prefixes = [f"race{workers}-{r}" for r in range(rounds)]
    sites = [WireSite(docs) for _ in prefixes]
    with contextlib.ExitStack() as stack:
        procs = []
        for prefix, site in zip(prefixes, sites, strict=True):
            stack.enter_context(site.running())
            (tmp_path / prefix).mkdir()
            procs.append(start_workers(workers, tmp_path / prefix, crawl_args(
                site, redis_url, REDIS_KEY_PREFIX=prefix)))
        codes = [wait_all(round_procs) for round_procs in procs]
    for prefix, site, round_codes in zip(prefixes, sites, codes, strict=True):
        # a round shares nothing with the others: it exports every story itself, once
        check_round(prefix, tmp_path / prefix, site, round_codes)

    # REDIS_KEY_PREFIX covers every key: the queue's (db 0) and the state's (db 1)
    for db in (0, 1):
        with redis.Redis.from_url(redis_url.rsplit("/", 1)[0] + f"/{db}") as client:
            keys = [k.decode() for k in client.keys("*")]
        assert keys, f"db {db} is empty"
        stray = [k for k in keys if not k.startswith(tuple(f"{p}:" for p in prefixes))]
        assert not stray, f"keys outside REDIS_KEY_PREFIX in db {db}: {stray[:10]}"
        assert any(k.startswith(f"{prefixes[0]}:state:") for k in keys) == (db == 1)


def test_a_story_exported_by_an_earlier_run_is_never_exported_again(tmp_path: Path,
                                                                    redis_url: str) -> None:
    docs = corpus(clusters=4, templated=1, singles=2)
    first = WireSite(docs)
    (tmp_path / "first").mkdir()
    with first.running():
        codes = wait_all(start_workers(2, tmp_path / "first", crawl_args(first, redis_url)))
    check_round("first run", tmp_path / "first", first, codes)
    # the next run fetches every page again (its URL fingerprints forgotten, as after
    # REDIS_SEEN_DAYS; incremental skipping off): its workers export nothing again
    with redis.Redis.from_url(redis_url) as client:
        assert client.delete("newscrawler:generic:dupefilter") == 1
    again = WireSite(docs)
    (tmp_path / "next").mkdir()
    with again.running():
        assert wait_all(start_workers(2, tmp_path / "next", crawl_args(
            again, redis_url, INCREMENTAL_ENABLED=False))) == [0, 0]
    assert sum(again.fetched.values()) == len(again.pages)
    assert exported(tmp_path / "next") == [], "a story an earlier run exported came again"


# --- the command -------------------------------------------------------------------------------
def test_workers_command_runs_n_workers_and_reports(tmp_path: Path, redis_url: str) -> None:
    docs = corpus(clusters=3, templated=1, singles=2)
    site = WireSite(docs)
    command = [sys.executable, "-m", "newscrawler.cli", "workers", "2", "--",
               *crawl_args(site, redis_url)]
    with site.running():
        done = subprocess.run(command, cwd=tmp_path, env=env(), capture_output=True,
                              text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("worker ")]
    assert len(lines) == 2
    assert all("exit 0" in line for line in lines)
    feeds = {line.split("feed ", 1)[1].split(",")[0] for line in lines}
    listed = {f for f in feeds if not f.startswith("(none")}
    assert listed, done.stdout
    for feed in listed:
        assert (tmp_path / feed).is_file()
    assert set(stories_of(exported(tmp_path), site)) == {d["cluster"] for d in docs}
    assert sum(stories_of(exported(tmp_path), site).values()) == len({d["cluster"]
                                                                       for d in docs})
    assert len(list((tmp_path / "output" / "workers").glob("generic-*.log"))) == 2


def test_workers_command_forwards_ctrl_c_and_reports_the_status(tmp_path: Path,
                                                                  redis_url: str) -> None:
    site = WireSite(corpus(clusters=2, templated=0, singles=1))
    command = [sys.executable, "-m", "newscrawler.cli", "workers", "2", "--",
               *crawl_args(site, redis_url, REDIS_IDLE_SECONDS=600)]
    with site.running():
        proc = subprocess.Popen(command, cwd=tmp_path, env=env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("Started 2 workers")
        logs = tmp_path / "output" / "workers"
        deadline = time.time() + 60
        while time.time() < deadline and not all(
                "Spider opened" in p.read_text() for p in logs.glob("generic-*.log")):
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    lines = [line for line in out.splitlines() if line.startswith("worker ")]
    assert len(lines) == 2, out + err
    # each worker got the Ctrl-C once (a graceful stop, not a forced one) and stopped on it,
    # not at the crawl's 600 s idle end; the command exits with the worst status it reports
    for log in logs.glob("generic-*.log"):
        text = log.read_text()
        assert text.count("Received SIGINT") == 1, text[-2000:]
        assert "forcing unclean shutdown" not in text
        assert "Shared crawl done" not in text
    statuses = [int(line.split("exit ", 1)[1].split(",")[0]) for line in lines]
    assert proc.returncode == max(statuses)


def test_workers_command_refuses_one_feed_for_all(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "newscrawler.cli", "workers", "2", "--",
                           "generic", "-a", "url=http://127.0.0.1:9/", "-s",
                           "REDIS_URL=redis://127.0.0.1:9/0", "-O", "out.jsonl"],
                          cwd=tmp_path, env=env(), capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2
    assert "%(worker)s" in done.stderr
    assert not list(tmp_path.glob("*.jsonl*"))


# --- units: the claim is one step across workers -------------------------------------------------
def _story(doc: dict[str, Any]) -> Any:
    from newscrawler.dedup.fingerprint import content_hash, story_core
    from newscrawler.dedup.index import Story
    from newscrawler.dedup.repeats import split_paragraphs

    core = story_core(split_paragraphs(doc["body"]))
    return Story(doc["doc"].replace("/", "-"), doc["url"], core, content_hash(core))


@pytest.fixture
def worker(redis_url: str) -> Iterator[Any]:
    """Workers' duplicate indexes: heartbeats in db 0, the state store in db 1."""
    from newscrawler.dedup.index import DuplicateIndex
    from newscrawler.dedup.minhash import stored_band_keys
    from newscrawler.distributed.coordinator import Coordinator
    from newscrawler.state import open_store

    opened: list[Any] = []

    def make() -> tuple[Any, Any]:
        coordinator = Coordinator(redis.Redis.from_url(redis_url), "u", "generic")
        run = f"{coordinator.join()}/{coordinator.worker}"
        store = open_store(redis_url.rsplit("/", 1)[0] + "/1", "u",
                           band_keys=stored_band_keys)
        store.share_claims(coordinator.live, run)
        opened.append((store, coordinator))
        return DuplicateIndex(store, run), coordinator

    yield make
    for store, coordinator in opened:
        store.close()
        coordinator.server.close()


def test_two_workers_claiming_copies_at_once_keep_one(worker: Any) -> None:
    """Worker A looks a copy up; before A claims it, worker B claims another copy of the
    story. A's claim must not go through on what it read: it decides again and sees B's."""
    first, second, third = (_story(d) for d in corpus(clusters=1, templated=0,
                                                       singles=0)[:3])
    a, a_coordinator = worker()
    b, b_coordinator = worker()
    lookup = a.store.band_candidates
    raced: list[Any] = []

    def band_candidates_then_b_claims(*args: Any) -> Any:
        found = lookup(*args)
        if not raced:  # B claims between A's lookup and A's claim
            raced.append(b.check_and_claim(second, time.time()))
        return found

    a.store.band_candidates = band_candidates_then_b_claims
    decision = a.check_and_claim(first, time.time())
    assert raced
    assert not raced[0].duplicate
    assert decision.duplicate
    assert decision.duplicate_of["id"] == second.id
    assert a.store.conflicts >= 1
    # B's claim counts while B beats (heartbeats in db 0, the store in db 1) ...
    assert a.check_and_claim(third, time.time()).duplicate_of["id"] == second.id
    # ... and is abandoned once B is dead (its requests are fetched again by others)
    b_coordinator.server.zadd(b_coordinator.workers_key, {b_coordinator.worker: 0})
    a_coordinator._live = (0.0, set())  # A's short cache of live workers runs out
    fourth = dataclasses.replace(third, id="fourth")
    assert not a.check_and_claim(fourth, time.time()).duplicate


def test_a_claim_never_overwrites_a_publish_it_raced(worker: Any) -> None:
    """A worker touching a story (seen again) while another publishes it: the export stays."""
    a, _ = worker()
    b, _ = worker()
    story = _story(corpus(clusters=1, templated=0, singles=0)[0])
    b.check_and_claim(story, time.time())
    read = a.store._get_raw
    published: list[int] = []

    def read_then_b_publishes(story_id: str) -> Any:
        row = read(story_id)
        if not published:
            published.append(b.store.publish_run(b.run, time.time()))
        return row

    a.store._get_raw = read_then_b_publishes
    a.store.touch([story.id], time.time() + 5)
    assert published == [1]
    row = b.store.get_story(story.id)
    assert row is not None
    assert row.state == "exported"
    assert row.exported_at is not None


def test_a_second_worker_writing_the_same_feed_file_is_refused(tmp_path: Path) -> None:
    from newscrawler.runs.lock import RunLock, feed_lock_paths
    from newscrawler.runs.outcome import EXIT_LOCKED

    (held,) = feed_lock_paths({str(tmp_path / "out.jsonl"): {}}, "generic")
    with RunLock(held):  # a live worker on this machine writes out.jsonl
        done = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "generic", "-a",
                               "url=http://127.0.0.1:9/", "-s", "REDIS_URL=redis://127.0.0.1:9/0",
                               "-O", str(tmp_path / "out.jsonl")], cwd=tmp_path, env=env(),
                              capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == EXIT_LOCKED
    assert "same feed file" in done.stderr
    assert f"pid {os.getpid()}" in done.stderr
    assert not (tmp_path / "out.jsonl.part").exists()
