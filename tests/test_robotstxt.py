"""robots.txt is fetched once per host: the copy Scrapy fetched to obey it gives the spider
its ``Sitemap:`` lines; without ``ROBOTSTXT_OBEY`` the spider's own fetch is the one."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from conftest import CrawlResult, run_crawl, validate

STORY_PATH = "/2025/06/02/lock-gates-replaced-on-the-upper-canal.html"
PRIVATE_PATH = "/private/2025/06/02/staff-rota-for-the-lock-keepers.html"


def story(title: str, sentence: str) -> bytes:
    paragraphs = "".join(f"<p>{sentence}, paragraph {n} of the report says, and the work "
                         f"took the crew of nine most of the spring.</p>" for n in range(6))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:type" content="article"></head><body><article><h1>{title}</h1>'
            f'<time datetime="2025-06-02T09:00:00Z">2 June 2025</time>{paragraphs}</article>'
            "</body></html>").encode()


class Site:
    """A site on 127.0.0.1 whose robots.txt names a sitemap listing one story; the home
    page links a page robots.txt disallows. Every request path is counted in ``hits``."""

    def __init__(self, robots: tuple[int, bytes] | None = None) -> None:
        self.hits: Counter[str] = Counter()
        self.robots = robots
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                site.hits[self.path] += 1
                status, ctype, body = site.page(self.path)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def page(self, path: str) -> tuple[int, str, bytes]:
        if path == "/robots.txt":
            status, body = self.robots or (200, (
                f"User-agent: *\nDisallow: /private/\nSitemap: {self.base}/stories.xml\n"
            ).encode())
            return status, "text/plain", body
        if path == "/stories.xml":
            return 200, "application/xml", (
                '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                f'schemas/sitemap/0.9"><url><loc>{self.base}{STORY_PATH}</loc>'
                "<lastmod>2025-06-02</lastmod></url></urlset>").encode()
        if path == "/":
            return 200, "text/html", (
                f'<html><head><title>Canal news</title></head><body><a href="{PRIVATE_PATH}">'
                "Rota</a></body></html>").encode()
        if path == STORY_PATH:
            return 200, "text/html", story("Lock gates replaced on the upper canal",
                                           "The lock gates on the upper canal were replaced")
        if path == PRIVATE_PATH:
            return 200, "text/html", story("Staff rota for the lock keepers",
                                           "Keepers swap the night shifts at the weir lock")
        return 404, "text/html", b"<html><body>Not here</body></html>"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    yield served
    served.stop()


def crawl(tmp_path, url: str, **settings: Any) -> CrawlResult:
    result = run_crawl("generic", tmp_path, f"url={url}",
                       settings={"SOFT404_PROBE_ENABLED": False, "LOG_LEVEL": "DEBUG", **settings})
    assert result.returncode == 0, result.log[-3000:]
    validate(result.items)
    return result


def exported_paths(result: CrawlResult, site: Site) -> list[str]:
    return [item["url"].removeprefix(site.base) for item in result.items]


def test_robots_txt_is_fetched_once_and_its_sitemap_read(site, tmp_path):
    result = crawl(tmp_path, f"{site.base}/")
    assert site.hits["/robots.txt"] == 1
    assert result.stat("robotstxt/request_count") == 1  # Scrapy's fetch, to obey it
    assert result.stat("robotstxt/reused") == 1  # the spider's read of its Sitemap: lines
    assert result.stat("discovery/robots_sitemaps") == 1
    assert site.hits["/stories.xml"] == 1
    assert exported_paths(result, site) == [STORY_PATH]
    # the rules Scrapy parsed keep a disallowed link from being scheduled at all
    assert site.hits[PRIVATE_PATH] == 0
    assert result.stat("discovery/links_disallowed") == 1
    assert result.stat("robotstxt/forbidden") == 0


def test_without_robotstxt_obey_the_spider_fetches_it_once(site, tmp_path):
    result = crawl(tmp_path, f"{site.base}/", ROBOTSTXT_OBEY=False)
    assert site.hits["/robots.txt"] == 1
    assert result.stat("robotstxt/request_count") == 0
    assert result.stat("discovery/robots_sitemaps") == 1
    assert sorted(exported_paths(result, site)) == [STORY_PATH, PRIVATE_PATH]
    assert site.hits[PRIVATE_PATH] == 1  # not obeyed: the link is followed


def test_a_start_url_that_is_robots_txt_is_fetched_once(site, tmp_path):
    result = crawl(tmp_path, f"{site.base}/robots.txt")
    assert site.hits["/robots.txt"] == 1
    assert result.stat("robotstxt/reused") == 2  # as the start URL and for its sitemaps
    assert exported_paths(result, site) == [STORY_PATH]


def test_a_broken_robots_txt_is_not_fetched_again(tmp_path):
    site = Site(robots=(500, b"<html><body>Internal error</body></html>"))
    try:
        result = crawl(tmp_path, f"{site.base}/", RETRY_TIMES=2)
    finally:
        site.stop()
    # Scrapy's fetch and its two retries; the spider is answered with the last answer
    assert site.hits["/robots.txt"] == 3
    assert result.stat("robotstxt/reused") == 1
    # nothing to obey, no sitemap named or guessed (the error page never reached the
    # spider): the crawl goes on from the home page's links
    assert site.hits["/stories.xml"] == site.hits["/sitemap.xml"] == 0
    assert exported_paths(result, site) == [PRIVATE_PATH]


def test_a_robots_txt_of_noise_guesses_the_sitemap(tmp_path):
    site = Site(robots=(200, bytes(range(256)) * 4))
    try:
        result = crawl(tmp_path, f"{site.base}/")
    finally:
        site.stop()
    assert site.hits["/robots.txt"] == 1
    assert result.stat("discovery/robots_sitemaps") == 0
    assert site.hits["/sitemap.xml"] == 1  # guessed, 404 here
    assert exported_paths(result, site) == [PRIVATE_PATH]
