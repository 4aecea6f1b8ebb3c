from __future__ import annotations

from pathlib import Path

from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from newscrawler.scheduler import SCHEDULER, DiskFrontier, DiskFrontierScheduler


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
    folder = Path(scheduler._tmpdir)
    assert folder.is_dir()
    scheduler.open(spider)
    for n in range(5):
        assert scheduler.enqueue_request(Request(f"https://a.test/{n}", callback=spider.parse))
    assert crawler.stats.get_value("scheduler/enqueued/disk") == 5
    assert crawler.stats.get_value("scheduler/enqueued/memory") is None
    assert (folder / "requests.queue").is_dir()
    urls = {scheduler.next_request().url for _ in range(5)}
    assert urls == {f"https://a.test/{n}" for n in range(5)}
    scheduler.close("finished")
    assert not folder.exists()


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
    distributed = Settings({"REDIS_URL": "redis://127.0.0.1:6379/0"})
    default = distributed.get("SCHEDULER")
    DiskFrontier().update_settings(distributed)
    assert distributed.get("SCHEDULER") == default
