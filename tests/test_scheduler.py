from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from newscrawler.scheduler import (
    DISK_QUEUE,
    LOCK_NAME,
    SCHEDULER,
    DiskFrontier,
    DiskFrontierScheduler,
    FrontierDiskQueue,
    remove_stale_frontiers,
)


class QueueSpider(Spider):
    name = "queue"

    def parse(self, response):  # pragma: no cover - never called
        pass


def test_waiting_requests_go_to_a_temporary_disk_queue_removed_at_close():
    # the plain priority queue: the default one asks the engine's downloader for slots
    crawler = get_crawler(QueueSpider,
                          {"SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue"})
    crawler.spider = spider = QueueSpider()
    scheduler = DiskFrontierScheduler.from_crawler(crawler)
    assert scheduler._tmpdir is None  # nothing on disk before the crawl opens
    scheduler.open(spider)
    folder = Path(scheduler._tmpdir)
    assert folder.is_dir()
    assert folder.name.startswith(f"newscrawler-frontier-{os.getpid()}-")
    for n in range(5):
        assert scheduler.enqueue_request(Request(f"https://a.test/{n}", callback=spider.parse))
    assert crawler.stats.get_value("scheduler/enqueued/disk") == 5
    assert crawler.stats.get_value("scheduler/enqueued/memory") is None
    assert (folder / "requests.queue").is_dir()
    urls = {scheduler.next_request().url for _ in range(5)}
    assert urls == {f"https://a.test/{n}" for n in range(5)}
    scheduler.close("finished")
    assert not folder.exists()


class CallbackSpider(QueueSpider):
    def parse_page(self, response):  # pragma: no cover - never called
        pass

    def failed(self, failure):  # pragma: no cover - never called
        pass

    other = parse_page  # the same method under a second name


def test_frontier_queue_names_callbacks_as_scrapy_does(tmp_path):
    crawler = get_crawler(CallbackSpider)
    crawler.spider = spider = CallbackSpider()
    queue = FrontierDiskQueue.from_crawler(crawler, str(tmp_path / "q"))
    requests = [
        Request("https://a.test/1", callback=spider.parse_page, errback=spider.failed,
                meta={"k": 1}, priority=5),
        Request("https://a.test/2"),
        Request("https://a.test/3", callback=spider.other),  # named "parse_page" on the spider
    ]
    for request in requests:
        queue.push(request)
    for request in reversed(requests):
        back = queue.pop()
        assert back.to_dict(spider=spider) == request.to_dict(spider=spider)
        assert back.callback == request.callback
        assert back.errback == request.errback
    queue.close()


class Elsewhere:
    def parse_page(self, response):  # pragma: no cover - never called
        pass


def test_frontier_queue_refuses_a_callback_of_another_object_as_scrapy_does(tmp_path):
    crawler = get_crawler(CallbackSpider)
    crawler.spider = CallbackSpider()
    queue = FrontierDiskQueue.from_crawler(crawler, str(tmp_path / "q"))
    try:
        # the spider's name, another class's function: Scrapy's own lookup says no
        queue.push(Request("https://a.test/1", callback=Elsewhere().parse_page))
    except ValueError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a foreign callback was queued")
    finally:
        queue.close()


def test_with_jobdir_it_is_scrapys_own_disk_queue(tmp_path):
    crawler = get_crawler(QueueSpider, {"JOBDIR": str(tmp_path)})
    scheduler = DiskFrontierScheduler.from_crawler(crawler)
    assert scheduler._tmpdir is None
    assert scheduler.dqdir == str(tmp_path / "requests.queue")
    scheduler.df.close("finished")


def test_addon_leaves_the_scheduler_to_redis_when_distributed():
    settings = Settings()
    DiskFrontier().update_settings(settings)
    assert settings.get("SCHEDULER") == SCHEDULER
    assert settings.get("SCHEDULER_DISK_QUEUE") == DISK_QUEUE
    distributed = Settings({"REDIS_URL": "redis://127.0.0.1:6379/0"})
    default = distributed.get("SCHEDULER")
    DiskFrontier().update_settings(distributed)
    assert distributed.get("SCHEDULER") == default


def test_frontiers_of_killed_runs_are_removed_and_live_ones_kept(tmp_path):
    def frontier(name: str, locked: bool | None) -> Path:
        folder = tmp_path / f"newscrawler-frontier-{name}"
        (folder / "requests.queue").mkdir(parents=True)
        (folder / "requests.queue" / "q00000").write_bytes(b"x" * 1000)
        if locked is not None:
            (folder / LOCK_NAME).touch()
        return folder

    dead = frontier("1-dead", locked=False)
    live = frontier("2-live", locked=True)
    old = frontier("3-old", locked=None)
    young = frontier("4-young", locked=None)
    os.utime(old, (time.time() - 2 * 86400,) * 2)
    other = tmp_path / "unrelated"
    other.mkdir()
    with (live / LOCK_NAME).open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a crawl that is still running
        removed, size = remove_stale_frontiers(tmp_path)
    assert (removed, size) == (2, 2000)
    assert not dead.exists()
    assert not old.exists()
    assert live.is_dir()
    assert young.is_dir()  # being created right now, or by an older release: left an hour
    assert other.is_dir()


def test_a_new_frontiers_lock_file_is_locked_the_moment_it_exists(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    crawler = get_crawler(QueueSpider,
                          {"SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.ScrapyPriorityQueue"})
    crawler.spider = spider = QueueSpider()
    scheduler = DiskFrontierScheduler.from_crawler(crawler)
    scheduler.open(spider)
    folder = Path(scheduler._tmpdir)
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [LOCK_NAME]
    # another run starting now sees a live crawl, not a dead one
    assert remove_stale_frontiers(tmp_path) == (0, 0)
    assert folder.is_dir()
    scheduler.close("finished")
    assert not folder.exists()


def test_runs_cleaning_up_at_the_same_time_do_not_trip_over_each_other(tmp_path):
    """Several crawls start on one machine at once: each scans and removes the dead
    frontiers, so folders vanish while another run is looking at them."""
    from concurrent.futures import ThreadPoolExecutor

    def dead_frontiers(start: int) -> None:
        for n in range(start, start + 150):
            folder = tmp_path / f"newscrawler-frontier-{n}-dead"
            (folder / "requests.queue").mkdir(parents=True)
            (folder / "requests.queue" / "q00000").write_bytes(b"x" * 10)
            if n % 2:
                (folder / LOCK_NAME).touch()  # killed run: its lock file is not held
            else:
                os.utime(folder, (time.time() - 2 * 86400,) * 2)  # old, without a lock file

    dead_frontiers(0)
    with ThreadPoolExecutor(4) as pool:
        scans = [pool.submit(remove_stale_frontiers, tmp_path) for _ in range(6)]
        pool.submit(dead_frontiers, 1000).result()
        removed = sum(scan.result()[0] for scan in scans)  # re-raises what a scan raised
    removed += remove_stale_frontiers(tmp_path)[0]
    assert removed == 300
    assert not list(tmp_path.glob("newscrawler-frontier-*"))
