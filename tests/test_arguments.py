"""Spider arguments: unknown names, spider attributes and ambiguous dates are usage errors
(exit status 2, before anything starts); the accepted ``since`` forms work end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from scrapy.exceptions import UsageError

from newscrawler.arguments import before_since, check_argument_names, parse_since
from newscrawler.spiders.apnews import ApNewsSpider
from newscrawler.spiders.generic import GenericSpider

ENV = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}
SINCE_HELP = "use YYYY-MM-DD, an ISO 8601 time with a UTC offset"


def crawl(cwd: Path, spider: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-s", "LOG_FILE=crawl.log",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False"]
    for arg in args:
        command += ["-a", arg]
    return subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=120, check=False)


def usage_error(result: subprocess.CompletedProcess[str]) -> str:
    """The one ``error:`` line of Scrapy's usage error; nothing was started."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if "error:" in line]
    return line


@pytest.mark.parametrize(
    ("spider", "args", "message"),
    [
        ("generic", ["max_item=1"], "unknown argument -a max_item (did you mean max_items?)"),
        ("generic", ["sinse=2030-01-01"], "unknown argument -a sinse (did you mean since?)"),
        ("generic", ["name=../../x"], "-a name= cannot be set: name is a spider attribute"),
        ("generic", ["allowed_domains=evil.example"], "-a allowed_domains= cannot be set"),
        ("apnews", ["url=https://apnews.com/"],
         "unknown argument -a url; the apnews spider takes -a since, max_items, base_url"),
        ("generic", ["since=01/02/2025"], f"since='01/02/2025' is not a date; {SINCE_HELP}"),
        ("generic", ["since=2/1/25"], "since='2/1/25' is not a date"),
        ("generic", ["since=Jan 2"], "since='Jan 2' is not a date"),
        ("generic", ["since=2025-04-01T06:00"], "has no UTC offset"),
        ("generic", ["since=2025-02-30"], "since='2025-02-30' is not a date"),
        ("generic", ["since=2m"], "since='2m' is not a date"),  # minutes or months?
    ],
)
def test_bad_arguments_are_usage_errors(tmp_path, spider, args, message):
    url = ["url=http://127.0.0.1:9/"] if spider == "generic" else []
    line = usage_error(crawl(tmp_path, spider, *url, *args))
    assert message in line
    assert not (tmp_path / "crawl.log").exists() or "Spider opened" not in (
        tmp_path / "crawl.log").read_text()
    assert not (tmp_path / "output").exists()
    assert not (tmp_path.parent.parent / "x").exists()


@pytest.mark.parametrize("since", ["2d", "2025-04-24T20:00:00-04:00", "2025-04-25"])
def test_accepted_since_forms_filter_the_feed(demo_site, tmp_path, since):
    """The demo feed's stories are of 24-25 April 2025: a span before now skips them all; an
    instant keeps only the stories published after it."""
    result = crawl(tmp_path, "generic", f"url={demo_site.base_url}/feeds/latest.rss",
                   f"since={since}")
    assert result.returncode == 0, result.stderr[-2000:]
    (summary_path,) = (tmp_path / "output" / "generic").glob("*.summary.json")
    summary = json.loads(summary_path.read_text())
    feeds = list((tmp_path / "output" / "generic").glob("*[0-9].jsonl"))
    items = [json.loads(line) for f in feeds for line in f.read_text().splitlines()]
    bound = parse_since(since)
    if isinstance(bound, date) and not isinstance(bound, datetime):
        bound = datetime(bound.year, bound.month, bound.day, tzinfo=UTC)
    assert all(datetime.fromisoformat(item["published"]) >= bound for item in items)
    if since[-1] in "dhw":
        assert summary["items_exported"] == 0
    else:
        assert summary["items_exported"] > 0
    assert "skipped_before_since" in (tmp_path / "crawl.log").read_text()


def test_the_spider_itself_refuses_bad_arguments():
    """``scrapy runspider`` and ``CrawlerProcess`` build the spider without our command."""
    with pytest.raises(UsageError, match="did you mean max_items"):
        GenericSpider(url="http://127.0.0.1:9/", max_item="1")
    with pytest.raises(UsageError, match="name is a spider attribute"):
        GenericSpider(url="http://127.0.0.1:9/", name="../../x")
    with pytest.raises(UsageError, match="is not a date"):
        ApNewsSpider(since="01/02/2025")
    with pytest.raises(UsageError, match="unknown argument -a url"):
        ApNewsSpider(url="https://apnews.com/")
    spider = GenericSpider(url="http://127.0.0.1:9/", _job="scrapyd-job-1", since="1w")
    assert spider.name == "generic"
    assert isinstance(spider.since, datetime)


# what a spider cannot start without (the wire spiders need nothing)
REQUIRED_ARGUMENTS = {
    "generic": {"url": "http://127.0.0.1:9/"},
    "warc": {"url": "archive.warc.gz"},
    "ccnews": {"month": "2025-04"},
}


def test_every_spider_declares_its_arguments():
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawler.settings")
    loader = SpiderLoader.from_settings(get_project_settings())
    for name in loader.list():
        spidercls = loader.load(name)
        known = set(spidercls.spider_arguments)
        assert {"since", "max_items", "base_url"} <= known, name
        assert ("url" in known) == (name in ("generic", "warc")), name
        spidercls.check_arguments(**REQUIRED_ARGUMENTS.get(name, {}),
                                  since="2025-04-01", max_items="3")


def test_check_argument_names():
    check_argument_names("x", ["since", "_job"], ["since"])
    with pytest.raises(UsageError, match=r"unknown argument -a foo; the x spider takes -a since"):
        check_argument_names("x", ["foo"], ["since"])  # nothing close: no guess
    with pytest.raises(UsageError, match=r"did you mean base_url\?"):
        check_argument_names("x", ["baseurl"], ["since", "base_url"])
    with pytest.raises(UsageError, match="is a spider attribute"):
        check_argument_names("x", ["custom_settings"], ["since"], ["custom_settings"])


def test_parse_since_forms():
    now = datetime(2025, 4, 10, 12, 30, tzinfo=UTC)
    assert parse_since("2025-04-01", now=now) == date(2025, 4, 1)
    assert parse_since(" 2025-04-01 ", now=now) == date(2025, 4, 1)
    assert parse_since("2025-04-01T06:00:00+02:00", now=now) == datetime(2025, 4, 1, 4,
                                                                         tzinfo=UTC)
    assert parse_since("2025-04-01 06:00Z", now=now) == datetime(2025, 4, 1, 6, tzinfo=UTC)
    assert parse_since("2025-04-01T06:00:00.5+0530", now=now).utcoffset() == timedelta(
        hours=5, minutes=30)
    assert parse_since("36h", now=now) == now - timedelta(hours=36)
    assert parse_since("2d", now=now) == now - timedelta(days=2)
    assert parse_since("1W", now=now) == now - timedelta(weeks=1)
    assert parse_since(None) is None
    for bad in ("01/02/2025", "2/1/25", "Jan 2", "2025-4-1", "20250401", "2025-W14",
                "yesterday", "2d ago", "-2d", "1.5d", "2025-04-01T06:00:00"):
        with pytest.raises(UsageError, match="since="):
            parse_since(bad, now=now)


def test_before_since():
    instant = datetime(2025, 4, 2, 6, tzinfo=UTC)
    assert before_since("2025-04-02T05:59:59+00:00", instant)
    assert not before_since("2025-04-02T06:00:00+00:00", instant)
    assert not before_since("2025-04-02T03:00:00-04:00", instant)  # 07:00 UTC
    # no zone, or no time: only a day before the instant's day is surely before it
    assert not before_since("2025-04-02T01:00:00", instant)
    assert not before_since("2025-04-02", instant)
    assert before_since("2025-04-01", instant)
    assert before_since("2025-03-31", date(2025, 4, 1))
    assert not before_since("2025-04-01T00:00:00-07:00", date(2025, 4, 1))


def test_unknown_spider_is_a_usage_error(tmp_path):
    line = usage_error(crawl(tmp_path, "generc", "url=http://127.0.0.1:9/"))
    assert "no spider named 'generc'; the spiders are " in line
    assert "generic" in line
