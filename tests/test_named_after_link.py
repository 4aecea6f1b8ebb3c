"""A page first reached by a link and judged "not a story", later named a story by a feed.

Scrapy's duplicate filter drops the feed's request for a URL already fetched; the spider must
read the page again as the story the feed says it is, not lose it without a rejects line.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


class _SlowPostHandler(BaseHTTPRequestHandler):
    """The linked post answers only once the feed's second story was asked for, i.e. after
    the feed was read and named the post a story while the link's request was in flight."""

    other_asked = threading.Event()

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        pages = {"/": HOME_WITH_FEED, "/notes/ferry": POST, "/notes/other": OTHER,
                 "/feed.xml": FEED_TWO.format(base=base), "/robots.txt": "User-agent: *\n"}
        if self.path == "/notes/other":
            type(self).other_asked.set()
        elif self.path == "/notes/ferry":
            type(self).other_asked.wait(5)  # bounded: a broken run fails, never hangs
        body = pages.get(self.path)
        data = (body or "not found").encode()
        self.send_response(200 if body is not None else 404)
        kind = "application/rss+xml" if self.path.endswith(".xml") else "text/html"
        self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


HOME_WITH_FEED = HOME.replace(
    "</title>", '</title><link rel="alternate" type="application/rss+xml" href="/feed.xml">')

OTHER = """<!doctype html><html lang="en"><head><title>Library hours</title></head><body>
<h1>Library hours</h1>
<p>The town library will stay open until nine on weekday evenings from next month, after a
survey found that most borrowers could only visit after work, the head librarian said.</p>
</body></html>"""

FEED_TWO = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Fjordside Notes</title><link>{base}/</link>
<item><title>Winter ferry times</title><link>{base}/notes/ferry</link></item>
<item><title>Library hours</title><link>{base}/notes/other</link></item>
</channel></rss>"""


def test_a_page_a_feed_names_while_its_link_request_is_in_flight_is_read_as_a_story(
        tmp_path):
    _SlowPostHandler.other_asked.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowPostHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        result = run_crawl("generic", tmp_path, f"url={base}/")
    finally:
        server.shutdown()
        server.server_close()

    assert result.returncode == 0, result.log[-2000:]
    assert _SlowPostHandler.other_asked.is_set()
    paths = sorted(urlsplit(item["url"]).path for item in result.items)
    assert paths == ["/notes/ferry", "/notes/other"], result.log[-3000:]
