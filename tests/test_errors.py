"""Pages that raise: hostile structure never does, and what still raises is a rejects line.

A small hostile site on 127.0.0.1 (the demo server over a folder built here): a home page
with JSON-LD nested thousands of levels deep and links that are no URLs, stories with a
broken canonical, og:url or ``<base>``, a story nested 100,000 ``<div>``s deep. Crawled
through ``scrapy crawl generic``: every story is exported, nothing raises. Then the same
site with two test-only stages (tests/errorstages.py) that fail like a corrupt state store
and a buggy spider middleware: each failed page is a rejects line with reason ``error``,
counted, and the run exits 1 past ``RUN_FAIL_MAX_PAGE_ERROR_RATE``, 0 below it.
"""

from __future__ import annotations

import json
import logging
import os
import random
import re
import zlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from errorstages import PARSE_MARKER, STORE_MARKER
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawler import settings as project_settings
from newscrawler.demo.server import start_server
from newscrawler.exceptions import Rejected
from newscrawler.extensions.rejects import RejectsWriter
from newscrawler.extensions.summary import EXIT_STATUS_STAT, RunSummary
from newscrawler.items import Article
from newscrawler.parsers.base import ArticleParser
from newscrawler.spiders.generic import GenericSpider

from conftest import read_jsonl, run_crawl, validate

TESTS = Path(__file__).resolve().parent
DAY = "/news/2026/11/20/"
BAD_HREFS = ("http://[::1", "http://a b/story", "http://x:99999/story", "http://a%0a/",
             "http://w.test/" + "a" * 3000)
WORDS = ["harbour", "crane", "ferry", "tide", "pier", "cargo", "union", "vessel", "dock", "quay", "berth", "container", "pilot", "tug", "freight", "customs", "warehouse", "lighthouse", "channel", "dredging", "ballast", "captain", "crew", "schedule", "tariff", "permit", "inspection", "ledger", "council", "budget", "engineer", "contract", "weather", "storm", "delay", "night", "shift", "morning", "record", "tonnage", "route", "island", "coast", "estuary", "river", "bridge", "lock", "gate", "signal", "radar", "beacon", "mooring", "anchor", "hull", "deck", "engine", "fuel", "grid"]

# path -> extra <head> markup (and a marker for the failing store)
STORIES = {
    "harbour-cranes-double-capacity.html": "",
    "bad-canonical-ipv6.html": '<link rel="canonical" href="http://[::1">',
    "bad-og-url-port.html": '<meta property="og:url" content="http://x:99999/story">',
    "broken-base-href.html": '<base href="http://[::1"><link rel="canonical" href="story">',
    "deeply-nested-divs.html": "",
    "store-fails-on-this-story.html": "",
}
LISTED = ("lighthouse-keepers-return.html", "ferry-timetable-changes.html")
"""Stories only the listing page links to (the page whose middleware raises)."""


def paragraphs(seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(5)]


def story_html(name: str, head: str) -> str:
    title = name.removesuffix(".html").replace("-", " ").capitalize()
    body = "".join(f"<p>{p}</p>" for p in paragraphs(zlib.crc32(name.encode())))
    if name.startswith("store-fails"):
        body += f"<p>Filed under {STORE_MARKER} by the harbour desk, with more notes.</p>"
    nest = "<div>" * 100_000 + "deep text" + "</div>" * 100_000 if "nested" in name else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:type" content="article">{head}</head><body><article>'
            f'<h1>{title}</h1><time datetime="2026-11-20">20 November 2026</time>{body}'
            f"</article>{nest}</body></html>")


def build_site(root: Path) -> None:
    deep_for_json = '{"@graph": ' + "[" * 5000 + "]" * 5000 + "}"  # json.loads gives up
    deep = '{"@type": "WebSite", "name": "Quay", "x": ' + '{"a": [' * 500 + "1" + "]}" * 500 + "}"
    links = "".join(f'<a href="{DAY}{name}">{name}</a> ' for name in STORIES)
    bad = "".join(f'<a href="{href}">bad</a> ' for href in BAD_HREFS)
    home = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quay News</title>'
        f'<script type="application/ld+json">{deep_for_json}</script>'
        f'<script type="application/ld+json">{deep}</script>'
        '<link rel="next" href="http://[::1">'
        '<link rel="alternate" type="application/rss+xml" href="http://a b/feed.xml">'
        f'</head><body><nav>{links}{bad}<a href="javascript:void(0)">menu</a>'
        f'<a href="/section/{PARSE_MARKER}/">section</a></nav></body></html>'
    )
    (root / "index.html").write_text(home, encoding="utf-8")
    (root / "news/2026/11/20").mkdir(parents=True)
    for name, head in STORIES.items():
        (root / DAY.strip("/") / name).write_text(story_html(name, head), encoding="utf-8")
    for name in LISTED:
        (root / DAY.strip("/") / name).write_text(story_html(name, ""), encoding="utf-8")
    section = root / "section" / PARSE_MARKER
    section.mkdir(parents=True)
    listing = "".join(f'<li><a href="{DAY}{name}">{name}</a></li>' for name in LISTED)
    (section / "index.html").write_text(
        f"<html><head><title>Section</title></head><body><ul>{listing}</ul></body></html>",
        encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("errors-site")
    build_site(root)
    server = start_server(root=root)
    yield server
    server.stop()


def failing_stages() -> dict[str, str]:
    """The project's stages plus the two that fail on marked pages."""
    pipelines = {**project_settings.ITEM_PIPELINES, "errorstages.CorruptStorePipeline": 250}
    middlewares = {**project_settings.SPIDER_MIDDLEWARES,
                   "errorstages.FailingOutputMiddleware": 980}
    return {"ITEM_PIPELINES": json.dumps(pipelines),
            "SPIDER_MIDDLEWARES": json.dumps(middlewares)}


@pytest.fixture
def tests_importable(monkeypatch):
    """The crawl subprocess imports errorstages from tests/."""
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", str(TESTS) + (os.pathsep + path if path else ""))


def crawl(site, workdir: Path, **settings):
    result = run_crawl("generic", workdir, f"url={site.base_url}/", settings=settings)
    result.rejects = read_jsonl(workdir / "out.rejects.jsonl")
    summary = workdir / "out.summary.json"
    result.summary = json.loads(summary.read_text()) if summary.exists() else {}
    return result


def paths(items):
    return sorted(urlsplit(item["url"]).path.rsplit("/", 1)[-1] for item in items)


@pytest.fixture(scope="module")
def clean(site, tmp_path_factory):
    return crawl(site, tmp_path_factory.mktemp("clean"))


def test_hostile_structure_never_raises(clean):
    assert clean.returncode == 0, clean.log[-3000:]
    assert "Traceback" not in clean.log
    assert clean.stat("spider_exceptions/count") == 0
    assert clean.stat("errors/parse") == clean.stat("errors/item") == 0
    assert not clean.rejects
    validate(clean.items)


def test_deep_json_ld_home_page_still_leads_to_its_stories(clean):
    assert paths(clean.items) == sorted([*STORIES, *LISTED])


def test_bad_canonical_og_url_and_base_keep_the_fetched_url(clean):
    by_name = {urlsplit(item["url"]).path.rsplit("/", 1)[-1]: item for item in clean.items}
    for name in ("bad-canonical-ipv6.html", "bad-og-url-port.html"):
        item = by_name[name]
        assert item["canonical_url"] == item["url"]
        assert urlsplit(item["url"]).path == DAY + name
    # the broken <base> is ignored: the relative canonical resolves against the page
    assert by_name["broken-base-href.html"]["canonical_url"] == f"{clean_base(clean)}{DAY}story"
    # the canonical, the og:url and the <base> (Scrapy itself would raise on it: the page
    # is not meta-refreshed and is read at its own URL)
    assert clean.stat("parser/bad_url") == 3
    assert clean.stat("download/bad_refresh_url") == 1
    # five bad <a href>s, a bad rel=next and a bad feed link on the home page
    assert clean.stat("discovery/bad_url") == len(BAD_HREFS) + 2


def clean_base(result) -> str:
    parts = urlsplit(result.items[0]["url"])
    return f"{parts.scheme}://{parts.netloc}"


def test_deeply_nested_story_is_read(clean):
    item = next(i for i in clean.items if i["url"].endswith("deeply-nested-divs.html"))
    assert item["body"].startswith(paragraphs(zlib.crc32(b"deeply-nested-divs.html"))[0])


@pytest.fixture(scope="module")
def failing(site, tmp_path_factory):
    monkeypatch = pytest.MonkeyPatch()
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", str(TESTS) + (os.pathsep + path if path else ""))
    try:
        yield crawl(site, tmp_path_factory.mktemp("failing"), **failing_stages())
    finally:
        monkeypatch.undo()


def test_pages_that_raise_are_rejects_with_reason_error(failing):
    errors = [r for r in failing.rejects if r["reason"] == "error"]
    assert len(errors) == 2, failing.rejects
    item_error = next(r for r in errors if r["stage"] == "item")
    assert item_error["url"].endswith(DAY + "store-fails-on-this-story.html")
    assert item_error["error_type"] == "sqlite3.DatabaseError"
    assert item_error["error"] == "database disk image is malformed"
    assert item_error["error_at"].startswith("errorstages.py:")
    assert item_error["http_status"] == 200
    # dates as the feed writes them: ISO 8601
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00", item_error["fetched_at"])
    parse_error = next(r for r in errors if r["stage"] == "parse")
    assert parse_error["url"].endswith(f"/section/{PARSE_MARKER}/")
    assert parse_error["error_type"] == "RuntimeError"
    assert parse_error["error"] == f"middleware bug on {parse_error['url']} second line"
    assert "\n" not in parse_error["error"]


def test_errors_are_counted_and_the_rest_of_the_page_counts(failing):
    assert failing.stat("errors/item") == failing.stat("errors/parse") == 1
    assert failing.stat("rejects/count/error") == 2
    assert failing.summary["errors"] == {"parse": 1, "item": 1}
    assert failing.summary["rejects"]["error"] == 2
    # the failed listing's links were followed: its stories are exported
    assert paths(failing.items) == sorted(n for n in [*STORIES, *LISTED]
                                          if not n.startswith("store-fails"))
    assert "2 page errors" in failing.log


def test_run_fails_past_the_page_error_rate(failing):
    pages, errors = failing.summary["pages_fetched"], 2
    assert pages >= 10  # RUN_FAIL_MIN_REQUESTS: the rate is judged
    assert errors / pages > 0.05
    assert failing.returncode == 1
    assert failing.summary["exit_status"] == 1
    rate = f"{errors / pages:.0%}"
    assert failing.summary["failure"] == [f"errors on {rate} of pages ({errors} of {pages})"]


def test_run_passes_below_the_page_error_rate(site, failing, tmp_path, tests_importable):
    pages = failing.summary["pages_fetched"]
    result = crawl(site, tmp_path, RUN_FAIL_MAX_PAGE_ERROR_RATE=round(2 / pages + 0.01, 2),
                   **failing_stages())
    assert result.summary["pages_fetched"] == pages
    assert result.summary["errors"] == {"parse": 1, "item": 1}
    assert result.summary["failure"] == []
    assert result.returncode == 0, result.log[-2000:]


def test_a_full_disk_for_rejects_fails_the_run(site, tmp_path, tests_importable):
    rejects = tmp_path / "full.rejects.jsonl"
    (tmp_path / "full.rejects.jsonl.part").symlink_to("/dev/full")  # writes: ENOSPC
    result = crawl(site, tmp_path, REJECTS_URI=str(rejects),
                   RUN_FAIL_MAX_PAGE_ERROR_RATE=1, **failing_stages())
    assert result.returncode == 1
    lines = [line for line in result.log.splitlines()
             if "[newscrawler.extensions.rejects] ERROR" in line]
    assert len(lines) == 1, lines  # once, however many rejects are lost
    assert "cannot write the rejects file" in lines[0]
    assert "No space left on device" in lines[0]
    assert result.stat("rejects/not_written") == 2
    assert result.summary["rejects_not_written"] == 2
    assert result.summary["failure"][0].startswith("2 rejects not written (cannot write")


# --- the writer, without a crawl ----------------------------------------------------------------
def writer_for(uri: str, tmp_path: Path) -> tuple[RejectsWriter, object]:
    crawler = get_crawler(GenericSpider, {"REJECTS_URI": uri})
    crawler.spider = crawler._create_spider(url="http://w.test/")
    return RejectsWriter.from_crawler(crawler), crawler


# ("100%done" is a valid name, as in Scrapy's FEEDS: the crawl command checks templates at start)
@pytest.mark.parametrize("uri", ["{tmp}/%(bogus)s.jsonl", "{tmp}/file/x.rejects.jsonl"])
def test_a_reject_that_cannot_be_written_is_one_error_and_counted(uri, tmp_path, caplog):
    (tmp_path / "file").write_text("a file, not a folder")
    writer, crawler = writer_for(uri.format(tmp=tmp_path), tmp_path)
    item = Article(url="http://w.test/a", canonical_url="http://w.test/a", id="a1", title="A")
    with caplog.at_level(logging.ERROR):
        for _ in range(3):
            writer.item_dropped(item, None, Rejected("thin", "thin page"), crawler.spider)
        writer.spider_closed(crawler.spider)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "cannot write the rejects file" in errors[0].getMessage()
    stats = crawler.stats
    assert stats.get_value("rejects/not_written") == 3
    assert stats.get_value("rejects/count/thin") == 3
    assert stats.get_value("rejects/write_error").startswith("cannot write the rejects file")


@pytest.mark.parametrize("uri", ["{tmp}/%(bogus)s.json", "{tmp}/file/x.summary.json"])
def test_a_summary_that_cannot_be_written_fails_the_run(uri, tmp_path, caplog):
    (tmp_path / "file").write_text("a file, not a folder")
    crawler = get_crawler(GenericSpider, {"RUN_SUMMARY_URI": uri.format(tmp=tmp_path)})
    crawler.spider = crawler._create_spider(url="http://w.test/")
    crawler.stats.open_spider()
    crawler.stats.set_value("response_received_count", 3)
    summary = RunSummary.from_crawler(crawler)
    with caplog.at_level(logging.ERROR):
        summary.spider_closed(crawler.spider, "finished")
    assert crawler.stats.get_value(EXIT_STATUS_STAT) == 1
    [line] = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert "-- FAILED: summary not written" in line


# --- a story that cannot be read keeps its links ------------------------------------------------
class RaisingParser(ArticleParser):
    def to_item(self) -> Article:
        raise ValueError("cannot read this story")


def test_a_story_that_raises_still_yields_its_links():
    crawler = get_crawler(GenericSpider)
    spider = crawler._create_spider(url="http://w.test/")
    spider.parser_class = RaisingParser
    body = ('<html><head><meta property="og:type" content="article"></head><body><article>'
            + "<p>" + " ".join(["word"] * 300) + "</p></article>"
            '<a href="/news/2026/11/20/next-story-of-the-day.html">next</a></body></html>')
    url = "http://w.test/news/2026/11/20/a-story-of-the-day.html"
    response = HtmlResponse(url, body=body.encode(), encoding="utf-8", request=Request(url))
    output = spider.parse_html(response)
    links = []
    with pytest.raises(ValueError, match="cannot read this story"):
        links.extend(request.url for request in output)
    assert links == ["http://w.test/news/2026/11/20/next-story-of-the-day.html"]
