"""``WARC_OUTPUT``: a live crawl archived as WARC, and its replay through ``scrapy crawl warc``."""

from __future__ import annotations

import io
from pathlib import Path

from newscrawler.demo.server import DemoServer
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
    # small files, so the archive rolls over several
    live = run_crawl("generic", live_dir, f"url={demo_site.base_url}/",
                     settings={"WARC_OUTPUT": "warc/%(name)s/", "WARC_OUTPUT_MAX_SIZE": 20000})
    assert live.returncode == 0, live.log[-3000:]
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
