"""A crawl of the hostile web (``tests/badweb.py``): it finishes, exports every real story
intact, keeps every bad page out of the feed, accounts for each one, and stays small."""

from __future__ import annotations

import asyncio
import resource
from collections import Counter
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import pytest
from badweb import (
    ARCHIVE_URLS,
    DOWNLOAD_MAXSIZE,
    DOWNLOAD_TIMEOUT,
    RATE_LIMITED,
    SINCE,
    STORIES,
    UNAVAILABLE,
    archive_sitemap,
    start_badweb,
)
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from newscrawler.downloadermiddlewares.charset import Cp1252FallbackMiddleware
from newscrawler.extensions.useragent import ContactUserAgent
from newscrawler.spiders.generic import GenericSpider

from conftest import run_crawl, validate


async def collect(outputs: AsyncIterator[Request]) -> list[Request]:
    return [output async for output in outputs]

MAX_RSS = 500 * 1024 * 1024
CONTACT = "crawl-ops@example.com"


@pytest.fixture(scope="module")
def badweb():
    web = start_badweb()
    yield web
    web.stop()


@pytest.fixture(scope="module")
def crawl(badweb, tmp_path_factory):
    result = run_crawl(
        "generic", tmp_path_factory.mktemp("badweb"), f"url={badweb.base_url}/", f"since={SINCE}",
        settings={
            "DOWNLOAD_MAXSIZE": DOWNLOAD_MAXSIZE,
            "DOWNLOAD_WARNSIZE": DOWNLOAD_MAXSIZE // 2,
            "DOWNLOAD_TIMEOUT": DOWNLOAD_TIMEOUT,
            "NEWSCRAWLER_CONTACT": CONTACT,
        },
    )
    # the largest child this process has waited for so far: an upper bound on the crawl's
    # peak (Linux reports KiB)
    result.max_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    result.hits = Counter(badweb.hits)
    result.user_agents = set(badweb.user_agents)
    return result


def by_path(items):
    return {urlsplit(item["url"]).path: item for item in items}


def test_the_crawl_finishes(crawl):
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert "Spider closed (finished)" in crawl.log
    validate(crawl.items)


def test_every_real_story_is_exported_once(crawl):
    paths = [urlsplit(item["url"]).path for item in crawl.items]
    assert sorted(paths) == sorted(story.path for story in STORIES)


@pytest.mark.parametrize("story", STORIES, ids=[s.path.rsplit("/", 1)[1] for s in STORIES])
def test_story_text_is_decoded_correctly(crawl, story):
    item = by_path(crawl.items)[story.path]
    assert item["title"] == story.title
    assert item["language"] == story.language
    assert item["published"] == story.published
    for paragraph in story.paragraphs:
        # the dateline is split off the first paragraph; the sentence after it is intact
        assert paragraph.split(" — ", 1)[-1] in item["body"]
    assert "\ufffd" not in item["body"] + item["title"]


def test_exact_sentences_in_every_charset(crawl):
    items = by_path(crawl.items)
    cafe = items["/news/cafe-on-the-quay-reopens.html"]  # windows-1252 declared UTF-8
    assert "“We’re back, and the crème brûlée is too,” said its owner, Renée Dufresne," in (
        cafe["body"])
    assert cafe["title"] == "Café on the quay reopens after the floods"
    tokyo = items["/news/tokyo-ferry-link.html"]  # Shift_JIS, named only in <meta>
    assert "運航は来年四月に始まり、週三便で旅客と貨物を運ぶ予定である。" in tokyo["body"]
    bom = items["/news/lighthouse-keepers-return.html"]  # UTF-8 BOM, header says Latin-1
    assert "The trust’s director, José Almeida," in bom["body"]
    bare = items["/news/ferry-timetable-no-charset.html"]  # UTF-8, no charset anywhere
    assert "Fares stay at €4.50 for foot passengers; cars pay €19 each way." in bare["body"]
    assert crawl.stat("encoding/cp1252_declared_utf8") == 1


def test_no_bad_page_in_the_feed(crawl):
    paths = set(by_path(crawl.items))
    assert not {p for p in paths if p.startswith(("/bad/", "/tag/")) or "/2019/" in p}


def test_every_bad_page_is_accounted_for(crawl):
    stat = crawl.stat
    assert stat("discovery/binary") == 1  # /bad/binary.html
    assert stat("discovery/empty_page") == 1  # /bad/empty.html
    # /bad/huge.html: cancelled on its Content-Length
    assert stat("downloader/exception_type_count/scrapy.exceptions.DownloadCancelledError") == 1
    assert stat("download/ignored/too_large") == 1  # /bad/gzip-bomb.html, while inflating
    # /bad/truncated.html and /bad/slow.html: tried 1 + RETRY_TIMES times
    assert stat("downloader/exception_type_count/scrapy.exceptions.ResponseDataLossError") == 3
    assert crawl.hits["/bad/slow.html"] == 3
    assert stat("downloader/exception_type_count/scrapy.exceptions.DownloadTimeoutError") >= 3
    assert stat("retry/max_reached") == 2
    assert stat("download/ignored/too_many_redirects") == 1  # /bad/redirect-loop.html
    assert crawl.hits["/bad/redirect-loop.html"] == 21  # REDIRECT_MAX_TIMES + 1
    # the invalid sitemap, the entity-bomb sitemap and the gzip bomb of zeros (refused after
    # a megabyte without a tag, not parsed to SITEMAP_MAX_SIZE with the crawl waiting); the
    # entity-bomb feed
    assert stat("discovery/invalid_sitemap") == 3
    assert stat("discovery/invalid_feed") == 1
    assert crawl.log.count("Refused an XML entity bomb") == 2
    assert crawl.log.count("Refused a sitemap: 1114112 bytes without a tag") == 1
    assert stat("discovery/skipped_before_since") == ARCHIVE_URLS


def test_rate_limited_pages_wait_and_then_succeed(crawl):
    assert crawl.hits[RATE_LIMITED] == crawl.hits[UNAVAILABLE] == 2
    assert crawl.stat("retry_after/count") == 2
    assert crawl.stat("retry_after/reason_count/429 Unknown Status") == 1
    assert crawl.stat("retry_after/reason_count/503 Service Unavailable") == 1
    items = by_path(crawl.items)
    assert items[RATE_LIMITED]["http_status"] == items[UNAVAILABLE]["http_status"] == 200


def test_the_old_archive_is_never_fetched(crawl):
    assert crawl.hits["/sitemaps/archive-2019.xml.gz"] == 1
    assert not [p for p in crawl.hits if "/2019/" in p or p.startswith("/tag/")]


def test_the_crawl_says_who_runs_it(crawl):
    assert crawl.user_agents == {f"newscrawler/0.1 (+mailto:{CONTACT})"}


def test_peak_memory_stays_under_500_mb(crawl):
    assert 0 < crawl.max_rss < MAX_RSS


# --- the pieces -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({}, "newscrawler/0.1 (+https://github.com/newscrawler/newscrawler)"),
        ({"NEWSCRAWLER_CONTACT": "https://example.com/bot"}, "newscrawler/0.1 (+https://example.com/bot)"),
        ({"NEWSCRAWLER_CONTACT": "ops@example.com", "USER_AGENT": "mine/1.0"}, "mine/1.0"),
    ],
)
def test_user_agent_names_the_contact_unless_set(settings, expected):
    values = Settings()
    for name, value in settings.items():
        values.set(name, value, priority="cmdline")
    ContactUserAgent().update_settings(values)
    assert values["USER_AGENT"] == expected


def test_cp1252_fallback_middleware():
    crawler = get_crawler()
    middleware = Cp1252FallbackMiddleware.from_crawler(crawler)
    html = "<html><head><meta charset='utf-8'></head><p>“Café”</p></html>"
    lying = HtmlResponse("https://a.test/", body=html.encode("cp1252"),
                         headers={"Content-Type": "text/html; charset=utf-8"})
    request = Request("https://a.test/")
    fixed = middleware.process_response(request, lying)
    assert "<p>“Café”</p>" in fixed.text
    assert crawler.stats.get_value("encoding/cp1252_declared_utf8") == 1
    honest = HtmlResponse("https://a.test/", body=html.encode(), encoding="utf-8")
    assert middleware.process_response(request, honest) is honest
    binary = Response("https://a.test/x.png", body=b"\x89PNG\x00\xff")
    assert middleware.process_response(request, binary) is binary


def test_old_sitemap_entries_are_skipped_before_any_other_work():
    crawler = get_crawler(GenericSpider)
    spider = GenericSpider.from_crawler(crawler, url="http://127.0.0.1:1/", since=SINCE)
    response = Response("http://127.0.0.1:1/archive.xml.gz", body=archive_sitemap("http://x"))
    assert asyncio.run(collect(spider.parse_sitemap(response))) == []
    # stories and the listings among them (/tag/...)
    assert crawler.stats.get_value("discovery/skipped_before_since") == ARCHIVE_URLS
