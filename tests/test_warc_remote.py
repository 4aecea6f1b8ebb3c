"""WARC files over HTTP: a ``warc.paths.gz`` listing, ``scrapy crawl ccnews``, resumed reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.exceptions import UsageError
from warcfiles import (
    PR_URL,
    STORIES,
    ArchiveServer,
    archive_entries,
    fresh,
    response,
    write_listing,
)

from newscrawler.spiders.ccnews import CcNewsSpider

from conftest import run_crawl

MONTH = "2025-04"


def two_days() -> dict[str, list]:
    entries = archive_entries()
    return {
        "CC-NEWS-20250429000000-00001.warc.gz": entries[:40],
        "CC-NEWS-20250429120000-00002.warc.gz": entries[40:],
        "CC-NEWS-20250430000000-00003.warc.gz": [
            response("https://harbourwire.test/news/2025/04/30/late.html", b"<p>late</p>")],
    }


def test_listing_over_http(tmp_path: Path) -> None:
    listing = write_listing(tmp_path / "site", MONTH, two_days())
    with ArchiveServer(tmp_path / "site") as server:
        url = server.base_url + "/" + str(listing.relative_to(tmp_path / "site"))
        result = run_crawl("warc", fresh(tmp_path, "run"), f"url={url}")
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.items) == STORIES
    assert result.stat("warc/files/listed") == 3
    assert result.stat("warc/files/read") == 3
    files = {item["archive"]["file"] for item in result.items}
    assert all(f.startswith(server.base_url + "/crawl-data/CC-NEWS/2025/04/CC-NEWS-")
               for f in files)


def test_ccnews_against_a_mirror(tmp_path: Path) -> None:
    write_listing(tmp_path / "site", MONTH, two_days())
    with ArchiveServer(tmp_path / "site") as server:
        month = run_crawl("ccnews", fresh(tmp_path, "month"), f"month={MONTH}",
                          f"base_url={server.base_url}", "hosts=prnewswire.com")
        day = run_crawl("ccnews", fresh(tmp_path, "day"), "day=2025-04-30",
                        f"base_url={server.base_url}")
    assert month.returncode == 0, month.log[-3000:]
    assert {i["url"] for i in month.items} == {PR_URL}
    assert month.stat("warc/files/read") == 3
    asked = [path for path, _ in server.requests]
    assert "/crawl-data/CC-NEWS/2025/04/warc.paths.gz" in asked
    # one day: the listing, then that day's file only
    assert day.stat("warc/files/listed") == 1
    assert day.stat("warc/skipped/not_html") == 0


def test_ccnews_needs_a_month_or_a_day(tmp_path: Path) -> None:
    result = run_crawl("ccnews", tmp_path)
    assert result.returncode != 0
    assert "needs -a month=YYYY-MM or -a day=YYYY-MM-DD" in result.log
    # the same check, on the other wrong arguments (no crawl needed to see it refuse them)
    for args in ({"month": "2025-13"}, {"month": "2025-04", "day": "2025-04-01"},
                 {"day": "2025-04-31"}):
        with pytest.raises(UsageError, match=r"month|day"):
            CcNewsSpider.check_arguments(**args)


def test_a_dropped_connection_resumes_where_it_broke(tmp_path: Path) -> None:
    listing = write_listing(tmp_path / "site", MONTH, two_days())
    with ArchiveServer(tmp_path / "site", cut=30_000) as server:
        url = server.base_url + "/" + str(listing.relative_to(tmp_path / "site"))
        result = run_crawl("warc", fresh(tmp_path, "run"), f"url={url}")
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.items) == STORIES  # nothing lost, nothing twice
    assert result.stat("warc/resumes") >= 1
    ranges = [rng for path, rng in server.requests if rng]
    assert ranges
    assert all(rng.startswith("bytes=30000-") for rng in ranges)
    assert result.stat("warc/skipped/corrupt") == 1  # the file's own truncated member only
