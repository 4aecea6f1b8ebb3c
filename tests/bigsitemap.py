"""A local site whose sitemap lists N story URLs, generated on the fly (tests, benchmarks).

``/sitemap.xml`` is a gzip sitemap of ``/story/<i>.html`` for ``i < N`` (or, with
``per_sitemap``, a sitemap index of gzip sitemaps of that many URLs each, under
``/sitemaps/<k>.xml.gz``; with ``plain``, ``/sitemap.xml`` is served uncompressed); every story URL answers with a small, distinct story page;
anything else is a 404. The sitemap bodies are built once, when the server starts.
Story fetches are counted (``hits``).
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

URLSET = b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
INDEX = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
         b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
_STORY = re.compile(r"^/story/(\d+)\.html$")
_SUB = re.compile(r"^/sitemaps/(\d+)\.xml\.gz$")


def _words() -> list[str]:
    site = Path(__file__).resolve().parent.parent / "newscrawler/demo/site/news"
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))
    return sorted(set(re.findall(r"\b[a-z]{4,12}\b", text)))


def gzip_sitemap(base: str, first: int, count: int) -> bytes:
    """A gzip urlset of ``count`` story URLs from ``first``, compressed as it is built."""
    gz = zlib.compressobj(6, zlib.DEFLATED, 31)
    parts = [gz.compress(URLSET)]
    for start in range(first, first + count, 10_000):
        block = "".join(f"<url><loc>{base}/story/{i}.html</loc><lastmod>2026-11-30</lastmod>"
                        "</url>\n" for i in range(start, min(start + 10_000, first + count)))
        parts.append(gz.compress(block.encode()))
    parts.append(gz.compress(b"</urlset>\n") + gz.flush())
    return b"".join(parts)


class SitemapSite:
    def __init__(self, urls: int, per_sitemap: int = 0, plain: bool = False) -> None:
        self.urls = urls
        self.plain = plain
        self.per_sitemap = per_sitemap
        self.hits = 0
        self._lock = threading.Lock()
        self._words = _words()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._subs: dict[int, bytes] = {}
        if per_sitemap:
            count = -(-urls // per_sitemap)
            self._sitemap = zlib.compress(INDEX + "".join(
                f"<sitemap><loc>{self.base_url}/sitemaps/{k}.xml.gz</loc></sitemap>\n"
                for k in range(count)).encode() + b"</sitemapindex>\n", wbits=31)
            for k in range(count):
                self._subs[k] = gzip_sitemap(self.base_url, k * per_sitemap,
                                             min(per_sitemap, urls - k * per_sitemap))
        else:
            self._sitemap = gzip_sitemap(self.base_url, 0, urls)

    @property
    def sitemap_url(self) -> str:
        return f"{self.base_url}/sitemap.xml"

    def story(self, i: int) -> bytes:
        rng = random.Random(i)
        title = " ".join(rng.sample(self._words, 6)).capitalize()
        paras = "".join("<p>" + " ".join(rng.choice(self._words) for _ in range(45)).capitalize()
                        + ".</p>" for _ in range(5))
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                         "headline": title, "datePublished": "2026-11-30T10:00:00+00:00"})
        return (f"<!doctype html><html lang=en><head><title>{title}</title>"
                f'<script type="application/ld+json">{ld}</script></head><body><article>'
                f"<h1>{title}</h1>{paras}</article></body></html>").encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                if path == "/robots.txt":
                    return self.send(200, b"User-agent: *\nAllow: /\n", "text/plain")
                if path == "/sitemap.xml" and site.plain:
                    return self.send(200, zlib.decompress(site._sitemap, wbits=31),
                                     "application/xml")
                if path == "/sitemap.xml":
                    return self.send(200, site._sitemap, "application/x-gzip")
                if (sub := _SUB.match(path)) and int(sub.group(1)) in site._subs:
                    return self.send(200, site._subs[int(sub.group(1))], "application/x-gzip")
                if (story := _STORY.match(path)) and int(story.group(1)) < site.urls:
                    with site._lock:
                        site.hits += 1
                    return self.send(200, site.story(int(story.group(1))),
                                     "text/html; charset=utf-8")
                return self.send(404, b"<html><body><h1>Not found</h1></body></html>",
                                 "text/html; charset=utf-8")

            def send(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                # the crawler may hang up: it stopped at its limit
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

        return Handler

    def serve(self) -> None:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def sitemap_site(urls: int, per_sitemap: int = 0, plain: bool = False) -> Iterator[SitemapSite]:
    site = SitemapSite(urls, per_sitemap, plain)
    site.serve()
    try:
        yield site
    finally:
        site.stop()
