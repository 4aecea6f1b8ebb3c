"""A page first reached by a link and judged "not a story", later named a story by a feed.

Scrapy's duplicate filter drops the feed's request for a URL already fetched; the spider must
read the page again as the story the feed says it is, not lose it without a rejects line.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import run_crawl

HOME = """<!doctype html><html><head><title>Fjordside Notes</title></head><body>
<nav><a href="/">Home</a></nav>
<p>Latest: <a href="/notes/ferry">Winter ferry times</a></p>
</body></html>"""

# A short post: no og:type, no JSON-LD, a URL that says nothing, under the link-following
# prose bar; only the feed its <head> announces says it is a story.
POST = """<!doctype html><html lang="en"><head><title>Winter ferry times</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>
<h1>Winter ferry times</h1>
<p>The harbour council approved two early weekday crossings on Tuesday, closing the gap
between the lunchtime and evening sailings that commuters had complained about.</p>
<p>The new timetable starts on the first Monday of November, the council said.</p>
</body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Fjordside Notes</title><link>{base}/</link>
<item><title>Winter ferry times</title><link>{base}/notes/ferry</link>
<pubDate>Tue, 03 Nov 2026 09:00:00 +0000</pubDate></item>
</channel></rss>"""


def test_a_page_a_feed_names_after_its_link_was_followed_is_read_as_a_story(tmp_path,
                                                                          serve_dir):
    site = tmp_path / "site"
    (site / "notes").mkdir(parents=True)
    (site / "index.html").write_text(HOME)
    (site / "notes" / "ferry").write_text(POST)
    server = serve_dir(site)
    (site / "feed.xml").write_text(FEED.format(base=server.base_url))

    result = run_crawl("generic", tmp_path, f"url={server.base_url}/")

    assert result.returncode == 0, result.log[-2000:]
    paths = [urlsplit(item["url"]).path for item in result.items]
    assert paths == ["/notes/ferry"], result.log[-3000:]
    assert result.items[0]["published"] == "2026-11-03T09:00:00+00:00"
    assert result.stats.get("discovery/pages/other", 0) >= 1  # the first, link-found read
    assert result.stats["discovery/stories/refetched"] == 1
