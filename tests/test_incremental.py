"""Incremental runs with real processes: no re-fetch, new versions, kill -9, JOBDIR."""

from __future__ import annotations

import json
import math
import re
import shutil
import signal
import subprocess
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_cron import ENV, crawl_command, outputs, run, wait_for

from newscrawler.demo.server import DEFAULT_ROOT, start_server

from conftest import read_jsonl, validate

STORY = "/news/2025/04/18/northgate-freight-to-acquire-polar-lane-logistics.html"
DATE = "2025-04-18T09:10:00-04:00"


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def exported(cwd: Path) -> list[dict]:
    """Every line of the finished exports (not rejects files, not .part files)."""
    return [item for feed in outputs(cwd, "*.jsonl") for item in read_jsonl(feed)]


def fetched(log: Path, start: int = 0) -> list[str]:
    """Paths the server answered, from the access log's line ``start`` on."""
    lines = log.read_text(encoding="utf-8").splitlines()[start:]
    return [line.split()[1] for line in lines if line.startswith("GET ")]


def summaries(cwd: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in outputs(cwd, "*.summary.json")]


@pytest.fixture(scope="module")
def expected(demo_site, tmp_path_factory) -> dict[str, str]:
    """The stories one uninterrupted crawl of the demo site exports: the cluster of each URL
    id (a syndicated story has several URLs; which copy is exported first depends on timing,
    so a story is its cluster)."""
    cwd = tmp_path_factory.mktemp("reference")
    result = run(cwd, f"url={demo_site.base_url}/")
    assert result.returncode == 0, result.stderr[-2000:]
    clusters = {item["id"]: item["id"] for item in exported(cwd)}
    assert len(clusters) > 5
    rejects = sorted((cwd / "output" / "generic").glob("*.rejects.jsonl"))
    assert rejects
    for reject in (r for f in rejects for r in read_jsonl(f)):
        if reject["reason"] == "duplicate":
            clusters[reject["id"]] = reject["duplicate_of"]["id"]
    return clusters


def assert_each_story_once(items: list[dict], expected: dict[str, str]) -> None:
    """Every story of the reference crawl once, and no story twice. (A page the reference
    rejected may be kept by a run that saw the site in another order: the soft-404 stage
    learns a site's chrome as it goes. That is not a duplicate.)"""
    stories = Counter(expected.get(item["id"], item["id"]) for item in items)
    assert max(stories.values()) == 1, [s for s, n in stories.items() if n > 1]
    assert set(expected.values()) <= set(stories)


def test_second_run_fetches_no_exported_story_and_exports_nothing(tmp_path):
    log = tmp_path / "access.log"
    with start_server(access_log=log) as server:
        first = run(tmp_path, f"url={server.base_url}/")
        assert first.returncode == 0, first.stderr[-2000:]
        items = exported(tmp_path)
        validate(items)
        assert {item["version"] for item in items} == {1}
        stories = {path_of(item["url"]) for item in items}
        mark = len(log.read_text().splitlines())
        assert stories <= set(fetched(log))
        second = run(tmp_path, f"url={server.base_url}/")
    assert second.returncode == 0, second.stderr[-2000:]
    again = fetched(log, mark)
    assert not stories & set(again), "an exported story was fetched again"
    # feeds, sitemaps, robots.txt and listings are fetched every time
    for path in ("/", "/robots.txt", "/sitemap_index.xml", "/news-sitemap.xml",
                 "/feeds/latest.rss", "/markets/"):
        assert path in again, path
    assert exported(tmp_path) == items  # nothing more
    last = summaries(tmp_path)[-1]
    assert (last["items_exported"], last["exit_status"]) == (0, 0)
    assert last["already_exported"] >= len(stories)


def test_a_changed_story_gets_a_new_version_an_unchanged_one_nothing(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(DEFAULT_ROOT, root)
    work = tmp_path / "work"
    work.mkdir()
    with start_server(root=root) as server:
        first = run(work, f"url={server.base_url}/", "-O", "first.jsonl")
        assert first.returncode == 0, first.stderr[-2000:]
        before = {path_of(i["url"]): i for i in read_jsonl(work / "first.jsonl")}
        assert before[STORY]["version"] == 1
        # the story was first reached by a link (no date): its change must be dated after
        # the export, which is all the first run recorded
        new_date = datetime.fromtimestamp(math.ceil(time.time()) + 1, UTC).isoformat()
        # the newsroom rewrites the story and says so in its page and its sitemap
        page = root / STORY.lstrip("/")
        html = page.read_text(encoding="utf-8")
        paragraphs = iter(range(100))
        html = re.sub(
            r'(<p class="story-text">)(?!COLUMBUS)[^<]*(</p>)',
            lambda m: f"{m[1]}Update {next(paragraphs)}: Polar Lane's owners withdrew from the "
                      "deal on Tuesday after a rival bid from Keelhaven Partners, and Northgate "
                      f"said it would not raise its offer.{m[2]}",
            html,
        )
        assert next(paragraphs) > 3
        page.write_text(html.replace(f'"dateModified": "{DATE}"',
                                     f'"dateModified": "{new_date}"'), encoding="utf-8")
        sitemap = root / "sitemaps" / "stories-2025.xml"
        sitemap.write_text(sitemap.read_text().replace(f"<lastmod>{DATE}</lastmod>",
                                                       f"<lastmod>{new_date}</lastmod>"))
        second = run(work, f"url={server.base_url}/", "-O", "second.jsonl")
    assert second.returncode == 0, second.stderr[-2000:]
    again = read_jsonl(work / "second.jsonl")
    validate(again)
    assert [path_of(i["url"]) for i in again] == [STORY]
    (story,) = again
    assert story["version"] == 2
    assert story["id"] == before[STORY]["id"]
    assert story["modified"] == new_date
    assert "Update 0" in story["body"]
    assert second.returncode == 0
    assert not (work / "second.rejects.jsonl").exists() or all(
        r["reason"] != "unchanged" for r in read_jsonl(work / "second.rejects.jsonl"))


def kill_when_exporting(proc: subprocess.Popen, cwd: Path, sig: int) -> None:
    """Send ``sig`` once the run's part file holds a few stories."""
    try:
        wait_for(lambda: any(len(p.read_bytes().splitlines()) >= 3
                             for p in outputs(cwd, "*.jsonl.part")))
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_kill_minus_9_then_the_union_holds_every_story_once(demo_site, expected, tmp_path):
    url = f"url={demo_site.base_url}/"
    slow = subprocess.Popen(crawl_command(url, delay=0.2), cwd=tmp_path, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when_exporting(slow, tmp_path, signal.SIGKILL)
    assert not outputs(tmp_path, "*.jsonl")
    (part,) = outputs(tmp_path, "*.jsonl.part")
    killed = {json.loads(line)["id"] for line in part.read_text().splitlines() if line}
    assert killed
    for _ in range(2):  # the next run picks up; one more finds nothing new
        result = run(tmp_path, url)
        assert result.returncode == 0, result.stderr[-2000:]
    union = exported(tmp_path)
    assert_each_story_once(union, expected)
    # what the killed run had in its part file was exported by a later run (its own copy of
    # a syndicated story, or another: which copy comes first depends on timing)
    assert {expected.get(i, i) for i in killed} <= {expected.get(i["id"], i["id"]) for i in union}


def test_jobdir_pause_and_resume(demo_site, expected, tmp_path):
    url = f"url={demo_site.base_url}/"
    job = ["-s", "JOBDIR=job"]
    paused = subprocess.Popen([*crawl_command(url, delay=0.2), *job], cwd=tmp_path, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when_exporting(paused, tmp_path, signal.SIGINT)  # one Ctrl-C: a graceful stop
    (first,) = summaries(tmp_path)
    assert first["finish_reason"] == "shutdown"
    assert 0 < first["items_exported"] < len(set(expected.values()))
    assert (tmp_path / "job" / "requests.queue").exists()
    resumed = subprocess.run([*crawl_command(url), *job], cwd=tmp_path, env=ENV,
                             capture_output=True, text=True, timeout=120, check=False)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert len(outputs(tmp_path, "*.jsonl")) == 2  # the resumed run wrote a feed of its own
    assert_each_story_once(exported(tmp_path), expected)


def test_stories_a_killed_run_claimed_are_fetched_even_when_no_feed_lists_them(demo_site,
                                                                               tmp_path):
    # the killed run read the RSS feed; the next one starts from the Atom feed, which lists
    # other stories: what was only in the dead .part file must still come out, exactly once
    rss = f"url={demo_site.base_url}/feeds/latest.rss"
    atom = f"url={demo_site.base_url}/feeds/markets.atom"
    slow = subprocess.Popen([*crawl_command(rss, delay=0.3), "-s", "DEPTH_LIMIT=1"],
                            cwd=tmp_path, env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    kill_when_exporting(slow, tmp_path, signal.SIGKILL)
    (part,) = outputs(tmp_path, "*.jsonl.part")
    killed = {json.loads(line)["url"] for line in part.read_text().splitlines() if line}
    result = subprocess.run([*crawl_command(atom), "-s", "DEPTH_LIMIT=1"], cwd=tmp_path,
                            env=ENV, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"Fetching again {len(killed)} stories a killed run had claimed" in result.stderr
    urls = [item["url"] for item in exported(tmp_path)]
    assert killed <= set(urls)
    assert len(urls) == len(set(urls))
