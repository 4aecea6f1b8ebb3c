"""``WARC_OUTPUT``: a live crawl archived as WARC, and its replay through ``scrapy crawl warc``."""

from __future__ import annotations

import asyncio
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from scrapy import Request
from scrapy.http import HtmlResponse

from newscrawler.demo.server import DemoServer
from newscrawler.downloadermiddlewares.warcoutput import WarcOutputMiddleware
from newscrawler.warc.records import Record, iter_records

from conftest import run_crawl, validate

VOLATILE = ("fetched_at", "archive")


def comparable(items: list[dict]) -> list[dict]:
    return sorted(({k: v for k, v in item.items() if k not in VOLATILE} for item in items),
                  key=lambda item: item["url"])


def records_in(folder: Path) -> list[Record]:
    found = []
    for path in sorted(folder.rglob("*.warc.gz")):
        with path.open("rb") as stream:
            found += [r for r in iter_records(stream, max_size=1 << 24) if isinstance(r, Record)]
    return found


def test_live_crawl_archived_and_replayed(tmp_path: Path, demo_site: DemoServer) -> None:
    live_dir, replay_dir = tmp_path / "live", tmp_path / "replay"
    live_dir.mkdir()
    replay_dir.mkdir()
    # small files, so the archive rolls over several; a 1-byte queue, so every response
    # waits for its records to be written (the crawl must still end, with all of them)
    live = run_crawl("generic", live_dir, f"url={demo_site.base_url}/",
                     settings={"WARC_OUTPUT": "warc/%(name)s/", "WARC_OUTPUT_MAX_SIZE": 20000,
                               "WARC_OUTPUT_MAX_QUEUED": 1})
    assert live.returncode == 0, live.log[-3000:]
    assert live.stat("warc_output/held") == sum(
        v for k, v in live.stats.items() if k.startswith("warc_output/records/"))
    folder = live_dir / "warc" / "generic"
    files = sorted(folder.iterdir())
    assert len(files) > 2
    assert all(f.name.endswith(".warc.gz") for f in files)  # every .part renamed
    assert live.stat("warc_output/files") == len(files)
    records = records_in(folder)
    kinds = {}
    for record in records:
        kinds.setdefault(record.type, set()).add(record.headers.get("warc-newscrawler-kind"))
    assert kinds["warcinfo"] == {None}
    assert kinds["request"] == kinds["response"]
    # robots.txt, sitemaps and feeds, the soft-404 probes: archived and marked
    assert {"robots", "discovery", "probe", "story", "page"} <= kinds["response"]
    responses = {r.headers["warc-record-id"] for r in records if r.type == "response"}
    concurrent = {r.headers["warc-concurrent-to"] for r in records if r.type == "request"}
    assert concurrent == responses
    assert live.stat("warc_output/records/story") > 0

    # replay with a fresh state store: the same stories with the same bodies
    replay = run_crawl("warc", replay_dir, f"url={folder}")
    assert replay.returncode == 0, replay.log[-3000:]
    validate(replay.items)
    assert len(replay.items) == len(live.items) > 10
    assert comparable(replay.items) == comparable(live.items)
    for item in replay.items:
        offset = item["archive"]["offset"]
        with open(item["archive"]["file"], "rb") as stream:
            stream.seek(offset)
            first = next(iter_records(io.BytesIO(stream.read(1 << 20)), max_size=1 << 24))
        assert isinstance(first, Record)
        assert first.url == item["url"]
    assert replay.stat("warc/skipped/robots") > 0
    assert replay.stat("warc/skipped/discovery") > 0
    # nothing reached the downloader: every page was answered from the archive
    assert replay.stat("downloader/request_count") == 0
    assert replay.stat("response_received_count") == replay.stat("warc/records/response") - sum(
        v for k, v in replay.stats.items() if k.startswith("warc/skipped/")
        and k not in ("warc/skipped/request", "warc/skipped/warcinfo"))


class Stats:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count


def test_a_slow_writer_holds_responses_not_memory() -> None:
    """The disk is slower than the crawl: past ``WARC_OUTPUT_MAX_QUEUED`` bytes waiting, a
    response is held (its download stays active, so no new one starts) until written."""
    release = threading.Event()
    written: list[str] = []

    class SlowWriter:
        def write(self, *records: bytes) -> None:
            assert release.wait(10)
            written.append(records[0].split(b"WARC-Target-URI: ")[1].split(b"\r")[0].decode())

    stats = Stats()
    middleware = WarcOutputMiddleware(SimpleNamespace(stats=stats), "unused",  # type: ignore[arg-type]
                                      max_size=1 << 30, max_queued=3000)
    middleware.writer = SlowWriter()  # type: ignore[assignment]
    middleware.executor = ThreadPoolExecutor(max_workers=1)

    def fetch(n: int) -> Any:
        url = f"http://news.example/{n}.html"
        request = Request(url)
        return middleware.process_response(request, HtmlResponse(
            url, body=b"<p>%d</p>" % n * 200, request=request))

    async def crawl() -> None:
        first = await asyncio.wait_for(fetch(1), 5)  # under the bound: passed on at once
        assert first.url.endswith("/1.html")
        assert 0 < middleware.queued < 3000
        held = asyncio.ensure_future(fetch(2))
        _, pending = await asyncio.wait([held], timeout=0.2)
        assert pending == {held}  # over the bound: held while the writer is stuck
        assert stats.values["warc_output/held"] == 1
        release.set()
        second = await asyncio.wait_for(held, 5)
        assert second.url.endswith("/2.html")
        assert written == ["http://news.example/1.html", "http://news.example/2.html"]

    try:
        asyncio.run(crawl())
    finally:
        release.set()
        middleware.executor.shutdown()
    assert middleware.queued == 0
    assert "warc_output/errors" not in stats.values
