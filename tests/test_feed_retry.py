"""A feed that redirects to a URL that 404s (Cloudflare's cookie redirect) is asked again."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import run_crawl, validate

STORY = (
    "<html><head><title>Brine Works expands</title></head><body><article>"
    "<h1>Brine Works expands its Gulf plant</h1>"
    + "".join(
        f"<p>Brine Works said on Monday it would add a fourth evaporation line, paragraph {i}, "
        "raising output of industrial salt by a fifth by the end of next year.</p>"
        for i in range(4)
    )
    + "</article></body></html>"
)


class QuirkyFeedHandler(BaseHTTPRequestHandler):
    feed_requests = 0
    broken_answers = 1  # how many first feed requests get the redirect to a 404

    def log_message(self, format, *args):
        pass

    def _send(self, status: int, body: str = "", ctype: str = "text/html", **headers: str):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/rss/news-releases-list.rss":
            type(self).feed_requests += 1
            if type(self).feed_requests <= self.broken_answers:
                self._send(301, Location=f"{base}/rss/news-releases-list.rss/")
                return
            feed = (f"<rss version='2.0'><channel><title>x</title><item><title>Brine</title>"
                    f"<link>{base}/news-releases/brine-works-expands-gulf-plant-302000001.html"
                    "</link></item></channel></rss>")
            self._send(200, feed, "application/rss+xml")
        elif self.path == "/news-releases/brine-works-expands-gulf-plant-302000001.html":
            self._send(200, STORY)
        elif self.path == "/":
            self._send(200, "<html><head><title>Wire</title><link rel='alternate' "
                       "type='application/rss+xml' href='/rss/news-releases-list.rss'></head>"
                       "<body></body></html>")
        elif self.path == "/robots.txt":
            self._send(200, "User-agent: *\n", "text/plain")
        else:
            self._send(404, "<html><body>Not found</body></html>")


@pytest.fixture
def quirky_site():
    QuirkyFeedHandler.feed_requests = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), QuirkyFeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_redirected_to_a_404_is_asked_again(quirky_site, tmp_path):
    result = run_crawl("generic", tmp_path, f"url={quirky_site}/rss/news-releases-list.rss",
                       settings={"SOFT404_PROBE_ENABLED": False})
    assert result.returncode == 0, result.log[-2000:]
    validate(result.items)
    assert [item["title"] for item in result.items] == ["Brine Works expands its Gulf plant"]
    assert result.stat("discovery/feed_http_error/404") == 1
    assert result.stat("discovery/feed_retry") == 1
    assert QuirkyFeedHandler.feed_requests == 2


def test_a_feed_that_keeps_failing_is_given_up_with_a_warning(quirky_site, tmp_path):
    QuirkyFeedHandler.broken_answers = 10
    try:
        result = run_crawl("generic", tmp_path, f"url={quirky_site}/rss/news-releases-list.rss",
                           settings={"FEED_RETRY_TIMES": 2})
    finally:
        QuirkyFeedHandler.broken_answers = 1
    assert result.items == []
    assert result.stat("discovery/feed_retry") == 2
    assert QuirkyFeedHandler.feed_requests == 3
    assert "failed with HTTP 404 after 2 retries" in result.log


def test_a_feed_found_on_a_page_is_asked_again_too(quirky_site, tmp_path):
    result = run_crawl("generic", tmp_path, f"url={quirky_site}/",
                       settings={"SOFT404_PROBE_ENABLED": False})
    assert result.returncode == 0, result.log[-2000:]
    assert [item["title"] for item in result.items] == ["Brine Works expands its Gulf plant"]
    assert result.stat("discovery/feed_retry") == 1
    assert result.stat("discovery_retry/count") == 1
    assert QuirkyFeedHandler.feed_requests == 2
