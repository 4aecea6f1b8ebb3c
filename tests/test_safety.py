"""A hostile site cannot make a crawl read local files, reach other hosts or private addresses.

Each attack is served by a site on 127.0.0.1 and run through ``scrapy crawl generic
-a url=...``: robots.txt ``Sitemap:`` lines, sitemap-index ``<loc>``s, sitemap entries
taken for listings, ``<link rel=alternate>`` feeds and 30x redirects of these point at
a ``file://`` URL of a real story on disk and at a second server on 127.0.0.2. The
file is never read, the second server never asked. Private addresses seen from a
public start are checked through a recording HTTP proxy (no public address is
reachable here), and the policy and the resolver on their own.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from scrapy.resolver import dnscache
from twisted.python.failure import Failure

from newscrawler.discovery.policy import FetchPolicy, host_pattern, is_public_address
from newscrawler.resolver import PrivateAddressRefused, PublicPinningResolver

from conftest import CrawlResult, run_crawl, validate

SECRET = "The harbour master kept the vault code in a drawer marked seventeen"
STORY = "The quayside cranes were repaired over the winter by a crew of eleven welders"
OTHER = "A story served by another host that the crawl must never ask for at all"


def story_html(title: str, sentence: str) -> bytes:
    paragraphs = "".join(
        f"<p>{sentence}, and paragraph {n} of the report adds a few more plain words about "
        f"the work, the weather, the costs and the people who did it.</p>" for n in range(8))
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:type" content="article"></head><body><article><h1>{title}</h1>'
            f'<time datetime="2025-06-01T09:00:00Z">1 June 2025</time>{paragraphs}</article>'
            f"</body></html>").encode()


def sitemap(urls: list[str]) -> bytes:
    entries = "".join(f"<url><loc>{u}</loc><lastmod>2025-06-01</lastmod></url>" for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
            f'"http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>').encode()


def sitemap_index(urls: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns='
            f'"http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>').encode()


# --- a tiny site that records what it is asked ---------------------------------------------
Page = tuple[int, dict[str, str], bytes]


@dataclass
class Site:
    """A threaded HTTP server on ``host``: ``pages`` by path (or absolute URL, as a proxy
    is asked), every request line recorded in ``requested``."""

    host: str = "127.0.0.1"
    pages: dict[str, Page] = field(default_factory=dict)
    fallback: Page | None = None
    requested: list[str] = field(default_factory=list)

    def start(self) -> Site:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                site.requested.append(self.path)
                page = site.pages.get(self.path) or site.pages.get(urlsplit(self.path).path)
                status, headers, body = page or site.fallback or (404, {}, b"not here")
                self.send_response(status)
                for key, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def html(body: bytes | str) -> Page:
    return 200, {}, body.encode() if isinstance(body, str) else body


def xml(body: bytes) -> Page:
    return 200, {"Content-Type": "application/xml"}, body


def redirect(location: str) -> Page:
    return 302, {"Location": location}, b""


@pytest.fixture
def other_host() -> Iterator[Site]:
    """The host a hostile site points at: 127.0.0.2 (Linux routes 127/8 to lo). Anything it
    would serve is a story, so a request that reached it would show in the feed too."""
    site = Site(host="127.0.0.2", fallback=html(story_html("Other host", OTHER))).start()
    yield site
    site.stop()


@pytest.fixture
def secret(tmp_path: Path) -> dict[str, str]:
    """Story-like local files, as ``file://`` URLs: a story page, a "listing", a feed."""
    folder = tmp_path / "secret" / "2025" / "06" / "01"
    folder.mkdir(parents=True)
    story = folder / "vault-code-kept-in-the-harbour-office.html"
    story.write_bytes(story_html("Vault code", SECRET))
    listing = tmp_path / "secret" / "latest"  # a URL ending in /latest is taken for a listing
    listing.write_bytes(story_html("Vault code listing", SECRET))
    return {"story": story.as_uri(), "listing": listing.as_uri()}


HOME = "/"
STORY_PATH = "/2025/06/01/quayside-cranes-repaired-over-the-winter.html"


def hostile_site(attack: str, file_urls: dict[str, str], other: str) -> Site:
    """A site with one real story and one way of pointing elsewhere (``attack``)."""
    site = Site().start()
    base = site.base
    story = f"{base}{STORY_PATH}"
    file_story, file_listing = file_urls["story"], file_urls["listing"]
    other_story = f"{other}/2025/06/01/another-hosts-story-about-cranes.html"
    pages: dict[str, Page] = {
        STORY_PATH: html(story_html("Cranes repaired", STORY)),
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"),
        HOME: html(f'<html><head><title>Home</title></head><body><a href="{STORY_PATH}">'
                   f"Cranes</a></body></html>"),
    }
    if attack == "robots":
        lines = [file_story, f"{other}/sitemap.xml", f"{base}/sitemap.xml"]
        pages["/robots.txt"] = (200, {"Content-Type": "text/plain"}, (
            "User-agent: *\nAllow: /\n" + "".join(f"Sitemap: {u}\n" for u in lines)).encode())
        pages["/sitemap.xml"] = xml(sitemap([story]))
    elif attack == "sitemap_index":
        pages["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                f"Sitemap: {base}/index.xml\n".encode())
        pages["/index.xml"] = xml(sitemap_index(
            [file_story, f"{other}/news-sitemap.xml", f"{base}/sitemap.xml"]))
        pages["/sitemap.xml"] = xml(sitemap([story]))
    elif attack == "sitemap_listing":
        pages["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                f"Sitemap: {base}/sitemap.xml\n".encode())
        # listings are fetched as discovery pages; stories on other hosts or in files too
        pages["/sitemap.xml"] = xml(sitemap(
            [file_listing, f"{other}/news/", file_story, other_story, story]))
    elif attack == "feed_link":
        feeds = [file_story, f"{other}/feed.xml", "/feed.xml"]
        links = "".join(f'<link rel="alternate" type="application/rss+xml" href="{u}">'
                        for u in feeds)
        pages[HOME] = html(f"<html><head><title>Home</title>{links}</head><body>"
                           f'<a href="{STORY_PATH}">Cranes</a>'
                           f'<link rel="next" href="{file_listing}"></body></html>')
        pages["/feed.xml"] = xml(
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
            + "".join(f"<item><title>t</title><link>{u}</link></item>"
                      for u in (story, file_story, other_story)).encode()
            + b"</channel></rss>")
    elif attack == "redirect":
        # every discovery path through a 302: robots.txt's sitemap, the sitemap, a feed
        pages["/robots.txt"] = (200, {"Content-Type": "text/plain"}, (
            f"Sitemap: {base}/go/file-sitemap\nSitemap: {base}/go/other-sitemap\n"
            f"Sitemap: {base}/sitemap.xml\n").encode())
        pages["/go/file-sitemap"] = redirect(file_story)
        pages["/go/other-sitemap"] = redirect(f"{other}/sitemap.xml")
        pages["/go/file-listing"] = redirect(file_listing)
        pages["/go/other-listing"] = redirect(f"{other}/news/")
        pages["/sitemap.xml"] = xml(sitemap(
            [f"{base}/go/file-listing", f"{base}/go/other-listing", story]))
        pages[HOME] = html(
            '<html><head><title>Home</title><link rel="alternate" type="application/rss+xml" '
            f'href="{base}/go/other-sitemap"></head><body><a href="{STORY_PATH}">Cranes</a>'
            "</body></html>")
    else:
        raise ValueError(attack)
    site.pages.update(pages)
    return site


def crawl(tmp_path: Path, url: str, name: str = "crawl", **settings: Any) -> CrawlResult:
    workdir = tmp_path / name
    workdir.mkdir()
    # DEBUG: Scrapy logs "Crawled (200) <GET url>" for every response it gets
    return run_crawl("generic", workdir, f"url={url}",
                     settings={"LOG_LEVEL": "DEBUG", **settings})


def fetched(result: CrawlResult) -> list[str]:
    """Every URL a response was received for."""
    return [line.split("<GET ", 1)[1].split(">", 1)[0]
            for line in result.log.splitlines() if "Crawled (" in line and "<GET " in line]


def assert_nothing_from(result: CrawlResult, *markers: str) -> None:
    text = "\n".join(f"{i.get('url')} {i.get('title')} {i.get('body')}" for i in result.items)
    for marker in markers:
        assert marker not in text


# --- the hostile site, one attack at a time ---------------------------------------------------
ATTACKS = ["robots", "sitemap_index", "sitemap_listing", "feed_link", "redirect"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_discovery_never_reads_local_files_or_other_hosts(
    attack: str, tmp_path: Path, other_host: Site, secret: dict[str, str]
) -> None:
    site = hostile_site(attack, secret, other_host.base)
    try:
        result = crawl(tmp_path, f"{site.base}/")
    finally:
        site.stop()
    assert result.returncode == 0, result.log[-3000:]
    validate(result.items)
    # the crawl worked: the real story is in the feed
    assert [i["url"] for i in result.items] == [f"{site.base}{STORY_PATH}"]
    # the local files were never read, the other host never asked
    assert not [u for u in fetched(result) if not u.startswith(site.base)]
    assert_nothing_from(result, SECRET, OTHER)
    assert other_host.requested == []
    # and every refusal is counted and said
    assert result.stat("discovery/refused/scheme") >= 1
    assert result.stat("discovery/refused/offsite_host") >= 1
    assert "Refused file://" in result.log
    assert result.log.count(f"Refused {other_host.base}") == 1  # once per host
    assert "discovery/refused/private_address" not in result.stats  # the start is local


def test_a_local_file_given_as_start_url_is_read_and_held_to_http(
    tmp_path: Path, other_host: Site, secret: dict[str, str]
) -> None:
    """The one way a local file is read: the user gives it. What it names is still held
    to http/https (and to its own hosts)."""
    site = Site(pages={STORY_PATH: html(story_html("Cranes repaired", STORY))}).start()
    story = f"{site.base}{STORY_PATH}"
    local = tmp_path / "sitemap.xml"
    local.write_bytes(sitemap([story, secret["story"], secret["listing"]]))
    try:
        given = crawl(tmp_path, local.as_uri())
        # the file itself, given on purpose, is read (this is what the tests above would see)
        direct = crawl(tmp_path, secret["story"], name="direct")
    finally:
        site.stop()
    assert given.returncode == 0, given.log[-3000:]
    assert local.as_uri() in fetched(given)
    assert [i["url"] for i in given.items] == [story]
    assert given.stat("discovery/refused/scheme") == 2
    assert_nothing_from(given, SECRET)
    assert secret["story"] in fetched(direct)
    assert SECRET in direct.items[0]["body"]
    assert other_host.requested == []


def test_wire_spider_on_a_mirror_keeps_working(tmp_path: Path, other_host: Site) -> None:
    """With ``-a base_url=`` every request goes to the mirror: its host is a start host, and
    a redirect off the mirror is refused like any other."""
    site = Site().start()
    base = site.base
    path = "/article/cranes-repaired-0123456789abcdef0123456789abcdef"
    site.pages.update({
        "/news-sitemap-content.xml": xml(sitemap([f"https://apnews.com{path}"])),
        "/sitemap.xml": redirect(f"{other_host.base}/sitemap.xml"),
        path: html(story_html("Cranes repaired", STORY)),
    })
    try:
        result = run_crawl("apnews", tmp_path, f"base_url={base}", settings={"LOG_LEVEL": "DEBUG"})
    finally:
        site.stop()
    assert result.returncode == 0, result.log[-3000:]
    assert [urlsplit(i["url"]).path for i in result.items] == [path]
    assert other_host.requested == []
    assert result.stat("discovery/refused/offsite_host") == 1


# --- private addresses, seen from a public start ----------------------------------------------
PRIVATE_URLS = [
    "http://10.0.0.1/sitemap.xml",
    "http://169.254.169.254/latest/meta-data/",
    "http://192.168.1.1/",
    "http://[::1]:{port}/sitemap.xml",
    "http://[::ffff:127.0.0.1]:{port}/sitemap.xml",
    "http://127.0.0.1:{port}/sitemap.xml",
    "http://2130706433:{port}/sitemap.xml",
    "http://localhost:{port}/sitemap.xml",
    "http://{hostname}:{port}/sitemap.xml",
]


def _private_hostname() -> str | None:
    """This machine's name when it resolves to a private address (a name, not a literal)."""
    name = socket.gethostname()
    try:
        address = socket.gethostbyname(name)
    except OSError:
        return None
    return None if is_public_address(address) else name.lower()


def test_private_addresses_refused_when_the_start_is_public(tmp_path: Path) -> None:
    """``news.example`` is served through a local HTTP proxy that records every URL it is
    asked for; the site names private addresses every way discovery can. None reaches the
    proxy, so none would have been fetched."""
    hostname = _private_hostname()
    proxy = Site().start()
    port = proxy.server.server_address[1]
    targets = [u.format(port=port, hostname=hostname) for u in PRIVATE_URLS
               if hostname or "{hostname}" not in u]
    start = "http://news.example"
    proxy.pages.update({
        f"{start}/": html('<html><head><title>Home</title>'
                          + "".join(f'<link rel="alternate" type="application/rss+xml" '
                                    f'href="{u}">' for u in targets)
                          + f'</head><body><a href="{STORY_PATH}">Cranes</a></body></html>'),
        f"{start}/robots.txt": (200, {"Content-Type": "text/plain"},
                                "".join(f"Sitemap: {u}\n" for u in targets).encode()),
        f"{start}/go/private": redirect(targets[0]),
        f"{start}/sitemap.xml": xml(sitemap([f"{start}{STORY_PATH}", f"{start}/go/private"])),
        f"{start}{STORY_PATH}": html(story_html("Cranes repaired", STORY)),
    })
    proxy.fallback = html(story_html("Private", SECRET))
    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("http_proxy", proxy.base)
            env.delenv("no_proxy", raising=False)
            env.delenv("NO_PROXY", raising=False)
            # the machine's own name is a host the user allowed: its address still counts
            result = crawl(tmp_path, f"{start}/",
                           DISCOVERY_ALLOWED_HOSTS=hostname or "feeds.feedburner.com")
    finally:
        proxy.stop()
    assert result.returncode == 0, result.log[-3000:]
    assert f"{start}/robots.txt" in proxy.requested  # the proxy did serve the crawl
    assert [i["url"] for i in result.items] == [f"{start}{STORY_PATH}"]
    assert [u for u in proxy.requested if not u.startswith(f"{start}/")] == []
    assert_nothing_from(result, SECRET)
    assert result.stat("discovery/refused/private_address") >= len(targets)


# --- the policy and the resolver on their own ----------------------------------------------------
@pytest.fixture
def public_policy() -> FetchPolicy:
    return FetchPolicy(["https://www.news.example/"], ["www.news.example"],
                                 ["feeds.feedburner.com"])


@pytest.mark.parametrize(("url", "why"), [
    ("https://www.news.example/a", None),
    ("https://news.example/sitemap.xml", None),  # www. aside
    ("https://cdn.news.example/feed", None),  # a subdomain
    ("https://feeds.feedburner.com/NewsExample", None),
    ("https://x.feeds.feedburner.com/NewsExample", None),
    ("file:///etc/passwd", "scheme"),
    ("FILE:///etc/passwd", "scheme"),
    ("data:text/html,<p>x</p>", "scheme"),
    ("ftp://news.example/x", "scheme"),
    ("s3://bucket/key", "scheme"),
    ("gopher://news.example/", "scheme"),
    ("https://evil.example/", "offsite_host"),
    ("https://news.example.evil.example/", "offsite_host"),
    ("https://feedburner.com/", "offsite_host"),
    ("http:///path", "offsite_host"),
    ("http://10.0.0.1/", "private_address"),
    ("http://169.254.169.254/latest/meta-data/", "private_address"),
    ("http://100.64.0.1/", "private_address"),
    ("http://[fd00::1]/", "private_address"),
    ("http://[fe80::1]/", "private_address"),
    ("http://[::ffff:10.0.0.1]/", "private_address"),
    ("http://[::ffff:7f00:1]/", "private_address"),
    ("http://[ff02::1]/", "private_address"),
    ("http://224.0.0.1/", "private_address"),
    ("http://0.0.0.0/", "private_address"),
    ("http://0x7f.1/", "private_address"),
    ("http://017700000001/", "private_address"),
    ("http://localhost/", "private_address"),
    ("http://LOCALHOST./", "private_address"),
    ("http://app.localhost/", "private_address"),
    ("http://93.184.216.34/", "offsite_host"),  # public, but not a start host
])
def test_policy_for_a_public_start(public_policy: FetchPolicy, url: str, why: str | None) -> None:
    assert public_policy.refusal(url) == why
    assert public_policy.refusal(url, redirected=True) == why


def test_policy_looks_up_names_off_the_start_hosts(public_policy: FetchPolicy) -> None:
    assert public_policy.needs_lookup("https://cdn.news.example/feed") == "cdn.news.example"
    assert public_policy.needs_lookup("https://feeds.feedburner.com/x") == "feeds.feedburner.com"
    assert public_policy.needs_lookup("https://www.news.example/a") is None  # the user's own
    assert public_policy.needs_lookup("http://10.0.0.1/") is None  # a literal: judged already


def test_policy_for_a_local_start() -> None:
    """A start on a private address (a test site, a mirror): private addresses are allowed,
    hosts and schemes are still held."""
    policy = FetchPolicy(["http://127.0.0.1:8000/"], ["127.0.0.1"], [])
    assert policy.allows_private
    assert policy.refusal("http://127.0.0.1:9999/x") is None  # another port, same host
    assert policy.refusal("http://127.0.0.2:8000/x") == "offsite_host"
    assert policy.refusal("http://localhost:8000/x") == "offsite_host"
    assert policy.refusal("file:///etc/passwd") == "scheme"
    assert policy.needs_lookup("http://anything.example/") is None
    assert FetchPolicy(["http://localhost:8000/"], ["localhost"]).allows_private


def test_policy_start_urls_are_read_as_given() -> None:
    policy = FetchPolicy(["file:///srv/my sitemap.xml"], [], [])
    assert policy.refusal("file:///srv/my%20sitemap.xml") is None
    # a redirect to it is not the user's start URL
    assert policy.refusal("file:///srv/my%20sitemap.xml", redirected=True) == "scheme"
    assert policy.refusal("file:///srv/other.xml") == "scheme"
    # hosts a given local file names join the crawl
    assert policy.refusal("http://127.0.0.1:8000/a") == "private_address"
    policy.add_start_host("127.0.0.1")
    assert policy.refusal("http://127.0.0.1:8000/a") is None


@pytest.mark.parametrize("value", ["https://feeds.example.com/", "feeds.example.com:80",
                                   "feeds example", ""])
def test_allowed_hosts_are_checked(value: str) -> None:
    with pytest.raises(ValueError, match="not a host name"):
        host_pattern(value)


def _resolve(resolver: PublicPinningResolver, name: str, answer: str) -> Any:
    """``name`` through the resolver, with ``answer`` as what DNS says (Scrapy's cache)."""
    dnscache[name] = answer
    results: list[Any] = []
    resolver.getHostByName(name).addBoth(results.append)
    del dnscache[name]
    return results[0]


def test_resolver_refuses_a_name_turning_private() -> None:
    """DNS rebinding: public when the fetch policy looked, private when the downloader
    connects. The resolver refuses the second answer."""
    resolver = PublicPinningResolver(reactor=None, cache_size=100, timeout=1)
    assert _resolve(resolver, "rebind.example", "93.184.216.34") == "93.184.216.34"
    refused = _resolve(resolver, "rebind.example", "169.254.169.254")
    assert isinstance(refused, Failure)
    assert refused.check(PrivateAddressRefused)
    assert "rebinding" in str(refused.value)
    # a name that was private from the start is the fetch policy's to judge (a local crawl)
    assert _resolve(resolver, "intranet.example", "10.0.0.5") == "10.0.0.5"
    assert _resolve(resolver, "intranet.example", "10.0.0.5") == "10.0.0.5"


def test_settings_use_the_policy() -> None:
    from newscrawler import settings

    assert "newscrawler.downloadermiddlewares.fetchpolicy.FetchPolicyMiddleware" in \
        settings.DOWNLOADER_MIDDLEWARES
    assert settings.TWISTED_DNS_RESOLVER == "newscrawler.resolver.PublicPinningResolver"

