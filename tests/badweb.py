"""A hostile little web site on 127.0.0.1: real stories among everything that goes wrong.

Standard library only (``http.server``, threaded, port 0). :data:`STORIES` are
real stories, each with the sentences a crawl must export intact; :data:`BAD`
are the bad pages, each with what goes wrong. ``robots.txt`` names every sitemap:
a valid one listing the stories and bad pages, an invalid one, one with an XML
entity bomb, a gzip bomb and a 50,000-URL archive whose entries are all older
than :data:`SINCE` (so a crawl with ``since`` skips them before fetching). The
first story announces a feed holding an entity bomb.

Use :func:`start_badweb` (``.base_url``, ``.hits``, ``.user_agents``, ``.stop()``).
"""

from __future__ import annotations

import email.utils
import gzip
import random
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

SINCE = "2025-01-01"
# an archive sitemap of old stories, all skipped by since=; read between two requests, so
# it must stay well under DOWNLOAD_TIMEOUT on a loaded machine
ARCHIVE_URLS = 10_000
# The test crawl's limits; the bad pages are built against them.
DOWNLOAD_MAXSIZE = 1024 * 1024
DOWNLOAD_TIMEOUT = 2
BOMB_SIZE = 200 * 1024 * 1024  # what the gzip bombs inflate to
SLOW_SECONDS = 30  # the slow page answers after this, or when the server stops

HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Story:
    path: str
    title: str
    published: str
    paragraphs: tuple[str, ...]
    language: str = "en"
    encoding: str = "utf-8"
    content_type: str = HTML
    meta_charset: str | None = "utf-8"
    bom: bool = False
    malformed: bool = False
    head_extra: str = ""

    def html(self) -> str:
        charset = f'<meta charset="{self.meta_charset}">' if self.meta_charset else ""
        if self.malformed:
            # unclosed <p>, <div> and <article>, a stray </span>, no </body></html>
            body = "\n".join(f"<p>{p}" for p in self.paragraphs)
            return (
                f"<html lang={self.language}><head>{charset}<title>{self.title}"
                f"</title><meta property=og:type content=article>{self.head_extra}"
                f"<body><div class=page><article><h1>{self.title}</h1></span>"
                f'<time datetime="{self.published}">{self.published}</time>\n{body}\n'
                f"<div class=footer>All rights reserved"
            )
        body = "\n".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (
            f'<!DOCTYPE html>\n<html lang="{self.language}"><head>{charset}'
            f"<title>{self.title} | Quayside Wire</title>"
            f'<meta property="og:type" content="article">{self.head_extra}</head>\n'
            f'<body><nav><a href="/">Quayside Wire</a></nav><article><h1>{self.title}</h1>'
            f'<time datetime="{self.published}">{self.published}</time>\n{body}\n'
            f"</article><footer>© Quayside Wire</footer></body></html>"
        )

    def body(self) -> bytes:
        data = self.html().encode(self.encoding, "xmlcharrefreplace")
        return (b"\xef\xbb\xbf" + data) if self.bom else data


STORIES = [
    Story(
        "/news/harbour-crane-contract.html",
        "Port of Quayside orders four electric cranes",
        "2025-04-22",
        (
            ("QUAYSIDE, April 22, 2025 — The Port of Quayside has ordered four electric "
            "ship-to-shore cranes from a Finnish supplier, the port authority said on Tuesday."),
            ("The cranes will replace diesel machines that have worked the container berth "
            "since 1998, and are due to arrive in the spring of 2027."),
            ("Harbour master Ines Calloway said the order would cut the terminal's fuel bill "
            "by about a third and keep the berth open during night-time noise limits."),
        ),
        head_extra='<link rel="alternate" type="application/rss+xml" href="/feeds/latest.rss">',
    ),
    Story(
        "/news/cafe-on-the-quay-reopens.html",
        "Café on the quay reopens after the floods",
        "2025-04-18",
        (
            ("The Café du Port reopened on Friday, six weeks after the spring floods filled "
            "its cellar with seawater and ruined the old espresso machine."),
            ("“We’re back, and the crème brûlée is too,” said its owner, Renée Dufresne, "
            "who spent the closure repainting the dining room herself."),
            "The café’s regulars, mostly dockers and ferry crews, queued from six o’clock.",
        ),
        # windows-1252 bytes, declared as UTF-8 in the header and the page
        encoding="cp1252",
    ),
    Story(
        "/news/tokyo-ferry-link.html",
        "東京とクエイサイドを結ぶ新しいフェリー航路",
        "2025-04-20",
        (
            "クエイサイド港湾局は二十日、東京港との間に新しい貨客フェリー航路を開設すると発表した。",
            "運航は来年四月に始まり、週三便で旅客と貨物を運ぶ予定である。",
            "港湾局の担当者は「地元の水産物を新鮮なまま届けられる」と期待を示した。",
        ),
        language="ja",
        encoding="shift_jis",
        # the header names no charset; only the page's <meta> does
        content_type="text/html",
        meta_charset="Shift_JIS",
    ),
    Story(
        "/news/lighthouse-keepers-return.html",
        "Lighthouse keepers return to Gull Point",
        "2025-04-16",
        (
            ("For the first time since 1987, keepers will live at the Gull Point lighthouse, "
            "the maritime trust said on Wednesday — two of them, on month-long shifts."),
            ("The trust’s director, José Almeida, said automation had left the tower "
            "“dark in every sense” and that visitors had asked for its rooms to reopen."),
        ),
        # a UTF-8 BOM, and a header that wrongly says Latin-1: the BOM wins
        bom=True,
        content_type="text/html; charset=iso-8859-1",
        meta_charset=None,
    ),
    Story(
        "/news/dockers-vote-on-pay-deal.html",
        "Dockers vote on a two-year pay deal",
        "2025-04-24",
        (
            ("QUAYSIDE, April 24, 2025 — Dockers at the container terminal will vote next week "
            "on a two-year pay deal that raises basic wages by 4.5% this year and 3% in 2026."),
            ("The union said the offer also ends split shifts for crane drivers, a demand it "
            "had pressed since the strike of 2023."),
            "Results of the ballot are expected on May 2.",
        ),
        malformed=True,
    ),
    Story(
        "/news/ferry-timetable-no-charset.html",
        "Winter ferry timetable extended to Saint-Rémy",
        "2025-04-12",
        (
            ("The island ferry will call at Saint-Rémy twice a day all winter, the operator "
            "said, ending the years when the village was cut off from November to March."),
            "Fares stay at €4.50 for foot passengers; cars pay €19 each way.",
        ),
        # UTF-8 without any charset in the header or the page
        content_type="text/html",
        meta_charset=None,
    ),
    Story(
        "/news/rate-limited-grain-record.html",
        "Grain terminal ships a record 1.2 million tonnes",
        "2025-04-23",
        (
            ("The grain terminal shipped a record 1.2 million tonnes in the first quarter, "
            "helped by an early harvest in the hinterland and low river levels elsewhere."),
            "Its manager, Tomasz Wierzbicki, said a second loading arm would be ordered.",
        ),
    ),
    Story(
        "/news/unavailable-pilot-boats.html",
        "Two new pilot boats enter service",
        "2025-04-21",
        (
            ("Two new pilot boats entered service at the harbour mouth on Monday, replacing "
            "a pair of launches built in 1979."),
            "The boats are faster in heavy swell and carry a heated cabin for the pilots.",
        ),
    ),
]
STORY_BY_PATH = {story.path: story for story in STORIES}
# Answered 429 / 503 with Retry-After the first time, then served normally.
RATE_LIMITED = "/news/rate-limited-grain-record.html"
UNAVAILABLE = "/news/unavailable-pilot-boats.html"

def _entity_bomb_dtd(levels: int = 9) -> str:
    """The "billion laughs" DTD: ``&lol9;`` would expand to 10**9 "lol"s."""
    entities = ['<!ENTITY lol0 "lol">']
    for i in range(1, levels + 1):
        previous = f"&lol{i - 1};"
        entities.append(f'<!ENTITY lol{i} "{previous * 10}">')
    return "<!DOCTYPE lolz [\n" + "\n".join(entities) + "\n]>\n"


ENTITY_BOMB_DTD = _entity_bomb_dtd()

BAD = {
    "/bad/binary.html": "binary data served as text/html",
    "/bad/empty.html": "an empty 200",
    "/bad/huge.html": "larger than DOWNLOAD_MAXSIZE",
    "/bad/gzip-bomb.html": "Content-Encoding: gzip of 200 MB of zeros",
    "/bad/truncated.html": "Content-Length larger than the body sent",
    "/bad/redirect-loop.html": "redirects to itself for ever",
    "/bad/slow.html": "answers after DOWNLOAD_TIMEOUT",
}


PAGE_BOMB_PREFIX = b"<html><body><p>"
SITEMAP_BOMB_PREFIX = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


@cache
def gzip_bomb(prefix: bytes = b"") -> bytes:
    """``prefix`` then zeros up to :data:`BOMB_SIZE`, gzipped (about 200 KB), built once."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip container
    parts = [compressor.compress(prefix)]
    chunk = bytes(1024 * 1024)
    for _ in range(BOMB_SIZE // len(chunk)):
        parts.append(compressor.compress(chunk))
    parts.append(compressor.flush())
    return b"".join(parts)


def _sitemap(entries: list[tuple[str, str]]) -> bytes:
    urls = "".join(f"<url><loc>{loc}</loc><lastmod>{lastmod}</lastmod></url>\n"
                   for loc, lastmod in entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n"
    ).encode()


@cache
def archive_sitemap(base: str) -> bytes:
    """:data:`ARCHIVE_URLS` pages of 2019, gzipped: stories, and every 100th a tag listing."""
    entries = []
    for n in range(ARCHIVE_URLS):
        day = f"2019-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
        path = (f"/tag/notices-{n:05d}/" if n % 100 == 0
                else f"/news/{day.replace('-', '/')}/harbour-notice-{n:05d}.html")
        entries.append((base + path, day))
    return gzip.compress(_sitemap(entries), mtime=0)


def entity_bomb_sitemap(base: str) -> bytes:
    return (
        '<?xml version="1.0"?>\n' + ENTITY_BOMB_DTD
        + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"<url><loc>{base}/news/harbour-crane-contract.html&lol9;</loc></url>\n</urlset>\n"
    ).encode()


def entity_bomb_feed(base: str) -> bytes:
    return (
        '<?xml version="1.0"?>\n' + ENTITY_BOMB_DTD
        + '<rss version="2.0"><channel><title>Quayside Wire &lol9;</title>\n'
        f"<item><title>&lol9;</title><link>{base}/news/harbour-crane-contract.html</link>"
        "<description>&lol9;</description></item>\n</channel></rss>\n"
    ).encode()


def robots(base: str) -> bytes:
    return (
        "User-agent: *\nDisallow: /private/\n\n"
        f"Sitemap: {base}/sitemap.xml\n"
        f"Sitemap: {base}/sitemaps/invalid.xml\n"
        f"Sitemap: {base}/sitemaps/entities.xml\n"
        f"Sitemap: {base}/sitemaps/bomb.xml.gz\n"
        f"Sitemap: {base}/sitemaps/archive-2019.xml.gz\n"
    ).encode()


def home(base: str) -> bytes:
    links = "".join(f'<li><a href="{s.path}">{s.title}</a></li>' for s in STORIES)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quayside Wire'
        f"</title></head><body><h1>Quayside Wire</h1><ul>{links}</ul></body></html>"
    ).encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    base_url: str
    stopping: threading.Event
    hits: Counter[str]
    user_agents: set[str]
    lock: threading.Lock

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Quiet: the crawler hangs up on the slow, huge and bomb pages by design."""


class BadWebHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        with self.server.lock:
            self.server.hits[path] += 1
            hits = self.server.hits[path]
            self.server.user_agents.add(self.headers.get("User-Agent", ""))
        handler = ROUTES.get(path)
        if handler is not None:
            handler(self, hits)
        elif story := STORY_BY_PATH.get(path):
            self.send(200, story.body(), story.content_type)
        else:
            self.send(404, b"<html><body><h1>Not found</h1></body></html>", HTML)

    def send(self, status: int, body: bytes, content_type: str | None = HTML,
             headers: dict[str, str] | None = None, length: int | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        if length is not None:
            self.close_connection = True

    # --- the bad web ----------------------------------------------------------------------
    def rate_limited(self, hits: int) -> None:
        if hits == 1:
            self.send(429, b"Too many requests", "text/plain", {"Retry-After": "1"})
        else:
            self.send(200, STORY_BY_PATH[RATE_LIMITED].body())

    def unavailable(self, hits: int) -> None:
        if hits == 1:
            when = email.utils.formatdate(time.time() + 1, usegmt=True)
            self.send(503, b"Down for maintenance", "text/plain", {"Retry-After": when})
        else:
            self.send(200, STORY_BY_PATH[UNAVAILABLE].body())

    def binary(self, hits: int) -> None:
        noise = random.Random(6).randbytes(64 * 1024)
        self.send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise, HTML)

    def empty(self, hits: int) -> None:
        self.send(200, b"", HTML)

    def huge(self, hits: int) -> None:
        paragraph = b"<p>" + b"Padding that no story needs. " * 40 + b"</p>\n"
        body = b"<html><body>" + paragraph * (2 * DOWNLOAD_MAXSIZE // len(paragraph)) + b"</body>"
        self.send(200, body, HTML)

    def gzip_bomb_page(self, hits: int) -> None:
        self.send(200, gzip_bomb(PAGE_BOMB_PREFIX), HTML, {"Content-Encoding": "gzip"})

    def truncated(self, hits: int) -> None:
        body = STORY_BY_PATH["/news/harbour-crane-contract.html"].body()
        self.send(200, body[: len(body) // 2], HTML, length=len(body))

    def redirect_loop(self, hits: int) -> None:
        # a new query each time, so no duplicate filter ends it: only the redirect limit does
        self.send(302, b"", HTML, {"Location": f"/bad/redirect-loop.html?hop={hits}"})

    def slow(self, hits: int) -> None:
        self.server.stopping.wait(SLOW_SECONDS)
        self.send(200, b"<html><body><p>Too late.</p></body></html>", HTML)

    def robots_txt(self, hits: int) -> None:
        self.send(200, robots(self.server.base_url), "text/plain")

    def home_page(self, hits: int) -> None:
        self.send(200, home(self.server.base_url), HTML)

    def sitemap(self, hits: int) -> None:
        base = self.server.base_url
        entries = [(base + s.path, s.published) for s in STORIES]
        entries += [(base + path, "2025-04-25") for path in BAD]
        self.send(200, _sitemap(entries), "application/xml")

    def invalid_sitemap(self, hits: int) -> None:
        body = b"<html><body><h1>Sitemap temporarily unavailable</h1></body></html>"
        self.send(200, body, "application/xml")

    def entities_sitemap(self, hits: int) -> None:
        self.send(200, entity_bomb_sitemap(self.server.base_url), "application/xml")

    def bomb_sitemap(self, hits: int) -> None:
        self.send(200, gzip_bomb(SITEMAP_BOMB_PREFIX), "application/x-gzip")

    def archive(self, hits: int) -> None:
        self.send(200, archive_sitemap(self.server.base_url), "application/x-gzip")

    def feed(self, hits: int) -> None:
        self.send(200, entity_bomb_feed(self.server.base_url), "application/rss+xml")


ROUTES: dict[str, Callable[[BadWebHandler, int], None]] = {
    "/": BadWebHandler.home_page,
    "/robots.txt": BadWebHandler.robots_txt,
    "/sitemap.xml": BadWebHandler.sitemap,
    "/sitemaps/invalid.xml": BadWebHandler.invalid_sitemap,
    "/sitemaps/entities.xml": BadWebHandler.entities_sitemap,
    "/sitemaps/bomb.xml.gz": BadWebHandler.bomb_sitemap,
    "/sitemaps/archive-2019.xml.gz": BadWebHandler.archive,
    "/feeds/latest.rss": BadWebHandler.feed,
    RATE_LIMITED: BadWebHandler.rate_limited,
    UNAVAILABLE: BadWebHandler.unavailable,
    "/bad/binary.html": BadWebHandler.binary,
    "/bad/empty.html": BadWebHandler.empty,
    "/bad/huge.html": BadWebHandler.huge,
    "/bad/gzip-bomb.html": BadWebHandler.gzip_bomb_page,
    "/bad/truncated.html": BadWebHandler.truncated,
    "/bad/redirect-loop.html": BadWebHandler.redirect_loop,
    "/bad/slow.html": BadWebHandler.slow,
}


class BadWeb:
    """The running server: ``base_url``, ``hits`` (requests per path), ``user_agents``."""

    def __init__(self) -> None:
        self._httpd = _Server(("127.0.0.1", 0), BadWebHandler)
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._httpd.base_url = self.base_url
        self._httpd.stopping = threading.Event()
        self._httpd.hits = Counter()
        self._httpd.user_agents = set()
        self._httpd.lock = threading.Lock()
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.1}, daemon=True)

    @property
    def hits(self) -> Counter[str]:
        return self._httpd.hits

    @property
    def user_agents(self) -> set[str]:
        return self._httpd.user_agents

    def start(self) -> BadWeb:
        gzip_bomb(PAGE_BOMB_PREFIX)  # build the slow parts before the crawl starts
        gzip_bomb(SITEMAP_BOMB_PREFIX)
        archive_sitemap(self.base_url)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.stopping.set()  # the slow page gives up waiting
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def start_badweb() -> BadWeb:
    return BadWeb().start()
