"""End to end: ``scrapy crawl <wire> -a base_url=http://127.0.0.1:<port>`` against local mirrors.

Each mirror under ``tests/sites/<wire>/`` serves the site's real discovery paths (feeds,
sitemaps, listings) and its pages with the real URL patterns and DOM, plus that site's
error, bot-wall and duplicate cases. Links in the mirrors are the real sites' URLs:
``base_url`` is what sends every request to the mirror.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newscrawler.demo.server import start_server

from conftest import run_crawl, validate

SITES = Path(__file__).resolve().parent / "sites"


def crawl(tmp_path_factory, site: str, *args: str, root: str | None = None):
    log = tmp_path_factory.mktemp(site) / "access.log"
    with start_server(root=SITES / (root or site), access_log=log) as server:
        result = run_crawl(site, tmp_path_factory.mktemp(site), f"base_url={server.base_url}",
                           *args)
    result.fetched = [line.split()[1] for line in log.read_text().splitlines()]
    rejects = result.feed.with_name(result.feed.stem + ".rejects.jsonl")
    result.rejects = [json.loads(line) for line in rejects.read_text().splitlines()] \
        if rejects.exists() else []
    assert result.returncode == 0, result.log[-3000:]
    assert "Spider closed (finished)" in result.log
    validate(result.items)
    return result


def by_release(items):
    return {item["release_id"]: item for item in items}


def assert_blocked(result, path: str, vendor: str) -> None:
    """A bot wall never reaches the feed; the soft-404 stage files it as ``blocked``."""
    assert all(urlsplit(item["url"]).path != path for item in result.items)
    assert path in result.fetched
    blocked = [r for r in result.rejects if urlsplit(r["url"]).path == path]
    assert blocked, result.rejects
    assert blocked[0]["reason"] == "blocked"
    assert result.stat(f"soft404/blocked/{vendor}") == 1


@pytest.fixture(scope="module")
def prnewswire(tmp_path_factory):
    return crawl(tmp_path_factory, "prnewswire")


def test_prnewswire_feed_and_list(prnewswire):
    items = by_release(prnewswire.items)
    assert set(items) == {"302411876", "302412093", "302413350", "302300125", "302410555",
                          "302409870"}
    assert "/rss/news-releases-list.rss" in prnewswire.fetched
    assert "/news-releases/news-releases-list/" in prnewswire.fetched
    # in the feed and on the list (with ?tc=...): fetched once
    assert prnewswire.fetched.count(
        "/news-releases/borealis-freight-systems-reports-first-quarter-results-302412093.html") == 1
    assert prnewswire.stat("discovery/stories/rss") == 5
    # page 1: 2 releases, page 2: 2 (one also in the feed), page 3: 1, page 4: nothing new
    assert prnewswire.stat("discovery/stories/listing") == 5
    b = items["302412093"]
    assert b["canonical_url"].startswith("https://www.prnewswire.com/news-releases/")
    assert b["issuer"] == "Borealis Freight Systems"
    assert b["tickers"] == ["NYSE:BFS", "TSX:BFS"]
    assert b["dateline"] == "DULUTH, Minn., April 25, 2025 /PRNewswire/"
    assert b["about"].startswith("About Borealis Freight Systems")
    assert "Teodor Linnqvist" in b["contacts"]
    assert "Teodor" not in b["body"]
    assert prnewswire.stat("parser/pages/prnewswire") >= 4
    assert not any(k.startswith("parser/fallback/prnewswire/") and k.endswith("/title")
                   for k in prnewswire.stats if prnewswire.stats[k] > 2)


def test_prnewswire_list_pagination(prnewswire):
    """Releases listed on pages 2 and 3 only are reached; page 4 names nothing new, so the
    crawl stops there although it links a page 5."""
    pages = [path for path in prnewswire.fetched
             if path.startswith("/news-releases/news-releases-list/")]
    assert pages == ["/news-releases/news-releases-list/",
                     "/news-releases/news-releases-list/?page=2&pagesize=25",
                     "/news-releases/news-releases-list/?page=3&pagesize=25",
                     "/news-releases/news-releases-list/?page=4&pagesize=25"]
    assert prnewswire.stat("discovery/listing_pages_followed") == 3
    items = by_release(prnewswire.items)
    harrow = items["302410555"]
    assert harrow["title"] == "Harrow Glass Works to Build Furnace in Toledo"
    # its forward-looking statements leave the body for their own field
    assert harrow["safe_harbor"].startswith("Forward-Looking Statements\n\nThis press release")
    assert "forward-looking" not in harrow["body"]
    assert items["302409870"]["issuer"] == "Pinecrest Credit Union"
    assert prnewswire.fetched.count(
        "/news-releases/old-harbor-mills-annual-meeting-302300125.html") == 1


def test_prnewswire_errors(prnewswire):
    assert_blocked(prnewswire, "/news-releases/nimbus-tele-health-expands-302414001.html",
                   "cloudflare")
    assert "blocked by cloudflare" in prnewswire.log
    assert all("withdrawn" not in item["url"] for item in prnewswire.items)


def test_prnewswire_since_skips_before_fetching(tmp_path_factory):
    result = crawl(tmp_path_factory, "prnewswire", "since=2025-04-01")
    assert "302300125" not in by_release(result.items)
    assert "/news-releases/old-harbor-mills-annual-meeting-302300125.html" not in result.fetched
    # in the feed, and on list page 2 with its printed date
    assert result.stat("discovery/skipped_before_since") == 2


def test_prnewswire_list_stops_at_a_page_older_than_since(tmp_path_factory):
    """Every card of page 2 is dated before ``since``: none is fetched and page 3 is not
    asked for."""
    result = crawl(tmp_path_factory, "prnewswire", "since=2025-04-25")
    assert "/news-releases/news-releases-list/?page=2&pagesize=25" in result.fetched
    assert not any("page=3" in path for path in result.fetched)
    assert not any("harrow-glass" in path for path in result.fetched)
    assert set(by_release(result.items)) == {"302412093", "302413350"}


@pytest.fixture(scope="module")
def globenewswire(tmp_path_factory):
    return crawl(tmp_path_factory, "globenewswire")


def test_globenewswire_feeds(globenewswire):
    items = by_release(globenewswire.items)
    assert set(items) == {"3067214", "3067552", "3010001"}
    # in both feeds: fetched once
    assert globenewswire.fetched.count(
        "/news-release/2025/04/25/3067552/32716/en/"
        "Carrow-Biologics-Doses-First-Patient-in-Phase-2-Trial.html") == 1
    f = items["3067214"]
    assert f["issuer"] == "Fjordline Batteries ASA"
    assert f["tickers"] == ["EURONEXTGROWTH:FJORD"]
    assert f["dateline"] == "BERGEN, Norway, April 24, 2025 (GLOBE NEWSWIRE)"
    assert f["published"] == "2025-04-24T06:00:00+00:00"
    assert "Ingrid Solvang" in f["contacts"]
    assert "Ingrid" not in f["body"]
    assert_blocked(globenewswire, "/news-release/2025/04/25/3067600/0/en/"
                   "Lattice-Mining-Updates-Reserves.html", "cloudflare")


@pytest.fixture(scope="module")
def apnews(tmp_path_factory):
    return crawl(tmp_path_factory, "apnews")


def test_apnews_sitemaps_and_layouts(apnews):
    items = by_release(apnews.items)
    assert set(items) == {"4f1d8e2c9a7b6e5d4c3b2a1908f7e6d5", "9a8b7c6d5e4f30211203f4e5d6c7b8a9",
                          "0123456789abcdef0123456789abcdef"}
    assert "/news-sitemap-content.xml" in apnews.fetched
    assert "/sitemap.xml" in apnews.fetched
    # hubs and videos are skipped before fetching; a story in both sitemaps is fetched once
    assert "/hub/floods" not in apnews.fetched
    assert apnews.stat("discovery/skipped_not_story") == 2
    assert apnews.fetched.count(
        "/article/river-levee-repair-vote-county-board-4f1d8e2c9a7b6e5d4c3b2a1908f7e6d5") == 1
    assert apnews.stat("parser/pages/apnews_2023") == 1
    levee = items["4f1d8e2c9a7b6e5d4c3b2a1908f7e6d5"]
    assert levee["credits"].endswith("contributed to this report.")
    assert "___" not in levee["body"]
    assert levee["authors"] == ["HOLLIS VANTERPOOL", "MAREN OKAFOR", "JUDE PELLETIER"]
    assert items["9a8b7c6d5e4f30211203f4e5d6c7b8a9"]["dateline"] == "LIMA, Peru (AP)"
    assert all("gone-story" not in item["url"] for item in apnews.items)
    assert_blocked(apnews, "/article/ferry-strike-talks-resume-aa11bb22cc33dd44ee55ff6600112233",
                   "cloudflare")


def test_apnews_since_skips_old_sitemap(tmp_path_factory):
    result = crawl(tmp_path_factory, "apnews", "since=2025-04-01")
    assert "/ap-sitemap-202503.xml" not in result.fetched
    assert "0123456789abcdef0123456789abcdef" not in by_release(result.items)


@pytest.fixture(scope="module")
def menafn(tmp_path_factory):
    return crawl(tmp_path_factory, "menafn")


def test_menafn_feeds_banner_and_tail(menafn):
    items = by_release(menafn.items)
    assert set(items) == {"1110412233", "1110413088", "1109900001"}
    # in two feeds, with ?src=RSS: fetched once, without the parameter
    assert menafn.fetched.count("/1110413088/Regional-Grid-Operator-Reports-Record-Solar-Output") == 1
    grid = items["1110413088"]
    assert grid["http_status"] == 403  # the live story came inside the error template
    assert grid["dateline"] == "(MENAFN)"
    for debris in ("Sorry!!", "MENAFN28042025", "Legal Disclaimer", "No comment"):
        assert debris not in grid["body"]
    assert grid["body"].startswith("A regional grid operator reported record solar output")
    assert items["1110412233"]["issuer"] == "Qamar Business Daily"
    assert all("Withdrawn" not in item["url"] for item in menafn.items)
    assert_blocked(menafn, "/1110413555/Currency-Markets-Steady-Ahead-Of-Rate-Decision", "datadome")


@pytest.fixture(scope="module")
def businesswire(tmp_path_factory):
    return crawl(tmp_path_factory, "businesswire")


def test_businesswire_feed_only(businesswire):
    items = by_release(businesswire.items)
    assert {"20250424512345en", "20250425600718en"} <= set(items)
    # feed only: the www host (Akamai 403 for bots) is never asked for a release
    assert not any(path.startswith("/news/") for path in businesswire.fetched)
    # (the first key of Scrapy's stats dump shares its line with the opening brace)
    assert "'discovery/duplicate_feed_entry': 1" in businesswire.log
    k = items["20250425600718en"]
    assert k["canonical_url"] == ("https://www.businesswire.com/news/home/20250425600718/en/"
                                  "Ketterby-Foods-to-Acquire-Marlow-Dairy")
    assert k["dateline"] == "BENGALURU, India--(BUSINESS WIRE)"
    assert k["tickers"] == ["NSE:KETTR", "BSE:KETTR"]
    assert k["body"].startswith("Ketterby Foods Ltd.")
    assert k["issuer"] == "Ketterby Foods Ltd."
    assert items["20250424512345en"]["issuer"] == "Halyard Robotics"


def test_businesswire_bad_token_is_a_feed_error(tmp_path_factory):
    result = crawl(tmp_path_factory, "businesswire", root="businesswire_bad_token")
    assert result.items == []
    assert "'discovery/feed_error': 1" in result.log
    assert "Feed error, not an empty news day" in result.log
    assert "RSS channel ID is not available" in result.log
