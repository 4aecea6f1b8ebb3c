"""``scrapy crawl warc``: WARC records read as pages through every cleaning stage."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcfiles import (
    KINDS,
    PR_URL,
    STORIES,
    archive_entries,
    demo_pages,
    fresh,
    response,
    story_urls,
    write_warc,
)

from newscrawler.warc.records import Bad, Record, iter_records
from newscrawler.warc.writer import gzipped

from conftest import run_crawl, validate


# --- the record reader -----------------------------------------------------------------
def _records(data: bytes) -> list[Record | Bad]:
    return list(iter_records(io.BytesIO(data), max_size=1 << 20))


@pytest.mark.parametrize("compress", [True, False])
def test_reader_skips_a_bad_record_and_reads_on(tmp_path: Path, compress: bool) -> None:
    entries = [response(f"http://a.test/{n}", b"<p>%d</p>" % n) for n in range(4)]
    if compress:
        entries[1].truncate = True
        data = write_warc(tmp_path / "a.warc.gz", entries).read_bytes()
    else:
        data = bytearray(write_warc(tmp_path / "a.warc", entries, compress=False).read_bytes())
        second = data.find(b"WARC/1.1", 10)
        data[second:second + 8] = b"GARBAGE!"
        data = bytes(data)
    records = _records(data)
    assert [type(r).__name__ for r in records] == ["Record", "Bad", "Record", "Record"]
    assert [r.url for r in records if isinstance(r, Record)] == [
        "http://a.test/0", "http://a.test/2", "http://a.test/3"]
    # offsets point at the record: reading from there gives it first
    third = records[2]
    assert _records(data[third.offset:])[0].url == "http://a.test/2"


def test_reader_skips_a_record_over_the_size_limit(tmp_path: Path) -> None:
    entries = [response("http://a.test/big", b"x" * 5000), response("http://a.test/ok", b"<p>")]
    for compress in (True, False):
        data = write_warc(tmp_path / "b.warc", entries, compress=compress).read_bytes()
        records = list(iter_records(io.BytesIO(data), max_size=2000))
        assert isinstance(records[0], Bad)
        assert records[0].why == "too_large"
        assert isinstance(records[1], Record)
        assert records[1].url == "http://a.test/ok"


# --- the crawl ------------------------------------------------------------------------
def test_warc_crawl_local_file(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "in" / "a.warc.gz", archive_entries())
    result = run_crawl("warc", tmp_path, f"url={warc}")
    assert result.returncode == 0, result.log[-3000:]
    validate(result.items)
    # every story once; the bot wall kept (its banner stripped), the soft-404 and the
    # syndicated copy rejected
    assert len(result.items) == STORIES
    assert PR_URL in story_urls(result.items)
    wire = next(i for i in result.items if i["url"] == PR_URL)
    assert wire["release_id"] == "302411876"  # the wire's own parser read it
    assert result.stat("parser/pages/prnewswire") == 1
    for item in result.items:
        assert item["fetched_at"] == "2025-04-29T08:00:00+00:00"
        assert item["archive"]["file"] == str(warc)
        assert isinstance(item["archive"]["offset"], int)
    # the offset is the record's: reading there gives the story's record
    data = warc.read_bytes()
    first = result.items[0]
    record = _records(data[first["archive"]["offset"]:])[0]
    assert record.url == first["url"]
    rejects = [json.loads(line) for line in
               (tmp_path / "out.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["reason"] for r in rejects) == ["duplicate", "soft404"]
    pages = len(demo_pages(*KINDS))
    # the pages, the wire story, the image, the truncated one (the cut member is corrupt)
    assert result.stat("warc/records/response") == pages + 3
    assert result.stat("warc/records/request") == pages
    assert result.stat("warc/skipped/request") == pages
    assert result.stat("warc/skipped/metadata") == pages
    assert result.stat("warc/skipped/revisit") == 1
    assert result.stat("warc/skipped/not_html") == 1
    assert result.stat("warc/skipped/corrupt") == 1
    assert result.stat("warc/skipped/truncated") == 1
    assert result.stat("warc/files/read") == 1


def test_warc_crawl_folder_glob_and_filters(tmp_path: Path) -> None:
    entries = archive_entries()
    write_warc(tmp_path / "in" / "a.warc.gz", entries[:40])
    write_warc(tmp_path / "in" / "sub" / "b.warc", entries[40:], compress=False)
    (tmp_path / "in" / "c.warc.gz.part").write_bytes(b"being written")
    folder = run_crawl("warc", fresh(tmp_path, "folder"), f"url={tmp_path / 'in'}")
    assert folder.returncode == 0, folder.log[-3000:]
    assert len(folder.items) == STORIES
    assert folder.stat("warc/files/read") == 2
    # each run with a fresh state store (in its own folder)
    # hosts: the wire only (a subdomain of prnewswire.com)
    wire = run_crawl("warc", fresh(tmp_path, "wire"), f"url={tmp_path / 'in'}",
                     "hosts=prnewswire.com")
    assert story_urls(wire.items) == {PR_URL}
    # the demo pages and the image (the record marked truncated is counted as such first)
    assert wire.stat("warc/skipped/host") == len(demo_pages(*KINDS)) + 1
    # a glob reads the files it matches only (b.warc, which holds the wire story), and
    # hosts=wires is the hosts of the wire spiders
    assert not any(PR_URL.encode() in e.data for e in entries[:40])
    glob = run_crawl("warc", fresh(tmp_path, "glob"), f"url={tmp_path / 'in' / '*' / '*.warc'}",
                     "hosts=wires")
    assert glob.stat("warc/files/read") == 1
    assert story_urls(glob.items) == {PR_URL}


def test_warc_crawl_date_window(tmp_path: Path) -> None:
    early = archive_entries("2025-04-01T10:00:00Z")[1:10]
    late = archive_entries("2025-05-02T10:00:00Z")
    warc = write_warc(tmp_path / "a.warc.gz", early + late)
    result = run_crawl("warc", tmp_path, f"url={warc}", "since=2025-05-01", "until=2025-05-02")
    assert len(result.items) == STORIES
    assert {i["fetched_at"] for i in result.items} == {"2025-05-02T10:00:00+00:00"}
    assert result.stat("warc/skipped/before_since") == 3  # three pages' response records
    none = run_crawl("warc", fresh(tmp_path, "none"), f"url={warc}", "until=2025-03-31")
    assert none.items == []
    # every response record but the one marked truncated: 3 early, the late pages, the
    # wire story and the image
    assert none.stat("warc/skipped/after_until") == 3 + len(demo_pages(*KINDS)) + 2


def test_warc_crawl_needs_a_source(tmp_path: Path) -> None:
    result = run_crawl("warc", tmp_path)
    assert result.returncode != 0
    assert "needs -a url=SOURCE" in result.log


def test_reader_finds_a_member_that_starts_at_the_end_of_a_read(tmp_path: Path) -> None:
    """A gzip header split across two reads of the file is one member, not a corrupt one."""
    from newscrawler.warc import records as records_module

    first = gzipped(response("http://a.test/0", b"<p>0</p>").data)
    second = gzipped(response("http://a.test/1", b"<p>1</p>").data)
    data = first + second
    for chunk in (len(first) + 1, len(first) + 2, len(first)):
        stream = io.BytesIO(data)
        read = stream.read
        stream.read = lambda n=-1, read=read, chunk=chunk: read(min(n, chunk))  # type: ignore[method-assign]
        records = list(records_module.iter_records(stream, max_size=1 << 20))
        assert [r.url for r in records if isinstance(r, Record)] == [
            "http://a.test/0", "http://a.test/1"], chunk
