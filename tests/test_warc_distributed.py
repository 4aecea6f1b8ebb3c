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

# bytes of the test archive (94 KB) sent before it holds: the reader reads 64 KiB at a time,
# so the first 15 stories come and not the rest
HALF_ARCHIVE = 70_000


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


def taken(client: redis.Redis) -> bool:
    """Whether a worker took the file (claimed it for the run)."""
    run = client.get("newscrawler:warc:run")
    return run is not None and client.hlen(b"newscrawler:warc:units:" + run) > 0


def held(client: redis.Redis) -> bool:
    """Whether a worker read the file to the end (and holds it until its feed is out)."""
    return bool(client.keys("newscrawler:warc:held:*"))


@pytest.mark.parametrize("run", ["same-run", "new-run"])
@pytest.mark.parametrize("killed", ["mid-file", "after-file"])
def test_killed_worker_file_is_taken_up_again(tmp_path: Path, redis_url: str, run: str,
                                              killed: str) -> None:
    """A worker is killed (kill -9) while reading the only file, or once it has read it
    and queued its pages, with stories exported; another worker finishes the crawl.

    Whether that worker joins the killed worker's run or starts a new one depends on how
    long it took to start (the run key expires ``REDIS_LEASE_SECONDS`` after the last
    beat): both are made to happen here. In a new run, the file's request can be queued
    twice (seeded again, and put back from the dead worker): it is read once all the same."""
    write_warc(tmp_path / "site" / "a.warc.gz", archive_entries())
    hold = HALF_ARCHIVE if killed == "mid-file" else None
    with ArchiveServer(tmp_path / "site", hold=hold) as server, \
            redis.Redis.from_url(redis_url) as client:
        url = server.base_url + "/a.warc.gz"
        victim = start_worker(tmp_path / "w1", url, redis_url, "warc")
        part = tmp_path / "w1" / "out.jsonl.part"
        deadline = time.time() + 180  # a loaded machine: the worker takes long to start
        while not (ready := (
                # reading it (the server holds the rest back) ...
                (hold and taken(client))
                # ... or read to the end, and some stories exported
                or (not hold and held(client) and len(read_jsonl(part)) >= 2))):
            if time.time() > deadline or victim.poll() is not None:
                break
            time.sleep(0.05)
        assert ready, "the first worker never got to the point where it is killed"
        assert victim.poll() is None, "the worker finished before it could be killed"
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        if run == "same-run":
            client.pexpire("newscrawler:warc:run", 120_000)
        else:
            client.delete("newscrawler:warc:run")
        partial = {item["url"] for item in read_jsonl(part)}
        assert len(partial) >= (2 if killed == "after-file" else 0)
        server.hold = None  # held only while there was a worker to kill
        server.released.set()
        second = start_worker(tmp_path / "w2", url, redis_url, "warc")
        assert wait_all([second], timeout=120) == [0]
    # the killed worker's feed stays an unpublished .part and its claims never became
    # exports: the second worker publishes every story once
    assert not (tmp_path / "w1" / "out.jsonl").exists()
    published = [item["url"] for item in read_jsonl(tmp_path / "w2" / "out.jsonl")]
    assert len(published) == len(set(published)) == STORIES
    # what the victim had exported is in the published feed, or the copy that was
    rejects = read_jsonl(tmp_path / "w2" / "out.rejects.jsonl")
    copies = {r["url"]: r["duplicate_of"]["url"] for r in rejects if r.get("duplicate_of")}
    assert all(url in published or copies.get(url) in published for url in partial)
    stats = parse_stats((tmp_path / "w2" / "crawl.log").read_text())
    assert stats.get("distributed/seeder") == (run == "new-run")
    assert stats.get("distributed/requeued_from_dead", 0) >= 1
    # The file is read again from its start, once: what the killed worker read and exported
    # is lost with its unpublished feed, in the middle of the file or after it. In a new
    # run its request is queued twice (seeded, and put back from the dead worker): one copy
    # is dropped
    assert stats.get("warc/files/read") == 1
    assert stats.get("warc/files/not_read_twice", 0) == (run == "new-run")
