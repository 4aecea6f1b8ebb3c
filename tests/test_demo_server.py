"""Tests for the offline Harbour Wire demo site and its server (127.0.0.1 only)."""

from __future__ import annotations

import gzip
import http.client
import json
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from newscrawler.demo.server import DEFAULT_ROOT, DemoServer, start_server

MANIFEST = json.loads((DEFAULT_ROOT.parent / "manifest.json").read_text("utf-8"))
PAGES = MANIFEST["pages"]
BY_PATH = {p["path"]: p for p in PAGES}
REPO_ROOT = Path(__file__).resolve().parent.parent

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "atom": "http://www.w3.org/2005/Atom",
}
XML_DOCS = [
    "/sitemap_index.xml",
    "/sitemaps/stories-2025.xml",
    "/sitemaps/stories-2019.xml",
    "/news-sitemap.xml",
    "/feeds/latest.rss",
    "/feeds/markets.atom",
]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, method: str = "GET") -> Response:
    req = urllib.request.Request(url, method=method)
    try:
        with _OPENER.open(req, timeout=10) as resp:
            return Response(resp.status, dict(resp.headers.items()), resp.read())
    except urllib.error.HTTPError as err:
        with err:
            return Response(err.code, dict(err.headers.items()), err.read())


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with start_server() as srv:
        yield srv


def site_file_exists(path: str) -> bool:
    rel = urlsplit(path).path.lstrip("/")
    if not rel or rel.endswith("/"):
        rel += "index.html"
    target = DEFAULT_ROOT / rel
    return target.is_file() or (rel.endswith(".gz") and target.with_suffix("").is_file())


# ---------------------------------------------------------------------------------------------
# Server basics
# ---------------------------------------------------------------------------------------------
def test_base_url_shape(server: DemoServer) -> None:
    assert server.base_url.startswith("http://127.0.0.1:")
    assert not server.base_url.endswith("/")
    assert server.port > 0


def test_home_page(server: DemoServer) -> None:
    resp = fetch(server.base_url + "/")
    assert resp.status == 200
    assert resp.headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(resp.headers["Content-Length"]) == len(resp.body)
    assert "{{BASE}}" not in resp.text
    doc = lxml.html.fromstring(resp.body)
    assert doc.xpath("//link[@rel='next']/@href") == ["/page/2/"]
    assert doc.xpath("//a[@rel='next']/text()") == ["Older stories"]
    alternates = {
        link.get("type"): link.get("href") for link in doc.xpath("//head/link[@rel='alternate']")
    }
    assert alternates == {
        "application/rss+xml": server.base_url + "/feeds/latest.rss",
        "application/atom+xml": server.base_url + "/feeds/markets.atom",
    }


def test_robots_txt_substituted(server: DemoServer) -> None:
    resp = fetch(server.base_url + "/robots.txt")
    assert resp.status == 200
    assert resp.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "{{BASE}}" not in resp.text
    lines = resp.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /private/" in lines
    assert f"Sitemap: {server.base_url}/sitemap_index.xml" in lines
    assert f"Sitemap: {server.base_url}/news-sitemap.xml" in lines


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/sitemap_index.xml", "application/xml"),
        ("/feeds/latest.rss", "application/rss+xml"),
        ("/feeds/markets.atom", "application/atom+xml"),
        ("/sitemaps/stories-2025.xml.gz", "application/x-gzip"),
        ("/static/site.css", "text/css; charset=utf-8"),
    ],
)
def test_content_types(server: DemoServer, path: str, content_type: str) -> None:
    resp = fetch(server.base_url + path)
    assert resp.status == 200
    assert resp.headers["Content-Type"] == content_type


def test_gzip_sitemap_served_from_plain_file(server: DemoServer) -> None:
    assert not (DEFAULT_ROOT / "sitemaps" / "stories-2025.xml.gz").exists()
    gz = fetch(server.base_url + "/sitemaps/stories-2025.xml.gz")
    plain = fetch(server.base_url + "/sitemaps/stories-2025.xml")
    assert gz.status == plain.status == 200
    assert gz.body[:2] == b"\x1f\x8b"
    assert "Content-Encoding" not in gz.headers
    unzipped = gzip.decompress(gz.body)
    assert unzipped == plain.body
    assert b"{{BASE}}" not in unzipped
    assert server.base_url.encode() in unzipped
    ET.fromstring(unzipped)
    # deterministic bytes (mtime=0)
    assert fetch(server.base_url + "/sitemaps/stories-2025.xml.gz").body == gz.body


def test_gz_of_missing_file_is_404(server: DemoServer) -> None:
    assert fetch(server.base_url + "/sitemaps/nothing.xml.gz").status == 404


def test_routes_403_serves_page(server: DemoServer) -> None:
    path = "/news/2025/04/28/ashcombe-water-files-five-year-rate-plan.html"
    assert MANIFEST["routes"][path] == {"status": 403}
    resp = fetch(server.base_url + path)
    assert resp.status == 403
    assert "Sorry!! Error!" in resp.text
    assert BY_PATH[path]["body_starts"] in resp.text


def test_routes_302_redirects_home(server: DemoServer) -> None:
    resp = fetch(server.base_url + "/news/2025/04/10/brackenridge-systems-ipo-withdrawn.html")
    assert resp.status == 302
    assert resp.headers["Location"] == server.base_url + "/"


def test_routes_410(server: DemoServer) -> None:
    resp = fetch(server.base_url + "/news/2025/03/31/brindle-home-goods-store-closures.html")
    assert resp.status == 410
    assert "Story removed" in resp.text


@pytest.mark.parametrize(
    "path",
    [
        "/_routes.json",
        "/static/_routes.json",
        "/no/such/page.html",
        "/news/2025/04/25/missing.html",
        "/.hidden",
        "/%2e%2e/server.py",
    ],
)
def test_not_found(server: DemoServer, path: str) -> None:
    resp = fetch(server.base_url + path)
    assert resp.status == 404
    assert resp.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "404" in resp.text


def test_path_traversal_rejected(server: DemoServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        for raw in ("/../server.py", "/../../pyproject.toml", "/static/../../server.py"):
            conn.request("GET", raw)
            resp = conn.getresponse()
            resp.read()
            assert resp.status == 404, raw
    finally:
        conn.close()


def test_query_string_ignored(server: DemoServer) -> None:
    path = "/news/2025/04/23/kestrel-grid-storage-west-texas-battery-project.html"
    clean = fetch(server.base_url + path)
    tracked = fetch(server.base_url + path + "?utm_source=rss&x=1")
    assert clean.status == tracked.status == 200
    assert clean.body == tracked.body
    assert fetch(server.base_url + "/robots.txt?v=2").status == 200


def test_directory_without_slash_redirects(server: DemoServer) -> None:
    resp = fetch(server.base_url + "/markets")
    assert resp.status == 301
    assert resp.headers["Location"] == server.base_url + "/markets/"


def test_head_request(server: DemoServer) -> None:
    get = fetch(server.base_url + "/feeds/latest.rss")
    head = fetch(server.base_url + "/feeds/latest.rss", method="HEAD")
    assert head.status == 200
    assert head.body == b""
    assert int(head.headers["Content-Length"]) == len(get.body)
    assert fetch(server.base_url + "/nope", method="HEAD").status == 404


def test_post_not_supported(server: DemoServer) -> None:
    assert fetch(server.base_url + "/", method="POST").status == 501


def test_access_log(tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    with start_server(access_log=log) as srv:
        fetch(srv.base_url + "/robots.txt")
        fetch(srv.base_url + "/robots.txt")
        fetch(srv.base_url + "/feeds/latest.rss?x=1", method="HEAD")
        fetch(srv.base_url + "/missing.html")
        fetch(srv.base_url + "/news/2025/04/10/brackenridge-systems-ipo-withdrawn.html")
        threads = [threading.Thread(target=fetch, args=(srv.base_url + "/",)) for _ in range(8)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
    lines = log.read_text("utf-8").splitlines()
    assert lines[:5] == [
        "GET /robots.txt 200",
        "GET /robots.txt 200",
        "HEAD /feeds/latest.rss?x=1 200",
        "GET /missing.html 404",
        "GET /news/2025/04/10/brackenridge-systems-ipo-withdrawn.html 302",
    ]
    assert lines[5:] == ["GET / 200"] * 8


def test_custom_root_and_stop_idempotent(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>{{BASE}}</p>", encoding="utf-8")
    (tmp_path / "data.txt").write_text("base={{BASE}}", encoding="utf-8")
    (tmp_path / "_routes.json").write_text(
        json.dumps({"/teapot": {"status": 418}}), encoding="utf-8"
    )
    srv = start_server(root=tmp_path)
    try:
        assert fetch(srv.base_url + "/").text == f"<p>{srv.base_url}</p>"
        assert fetch(srv.base_url + "/data.txt").text == f"base={srv.base_url}"
        teapot = fetch(srv.base_url + "/teapot")
        assert teapot.status == 418
        assert "418" in teapot.text
    finally:
        srv.stop()
        srv.stop()


def test_route_with_query_serves_its_file(tmp_path: Path) -> None:
    """A paginated listing: ``?page=2`` is a stored file of its own, never served directly."""
    (tmp_path / "list").mkdir()
    (tmp_path / "list" / "index.html").write_text("page one", encoding="utf-8")
    (tmp_path / "list" / "_page-2.html").write_text("page two", encoding="utf-8")
    (tmp_path / "_routes.json").write_text(
        json.dumps({"/list/?page=2&size=5": {"file": "list/_page-2.html"}}), encoding="utf-8")
    srv = start_server(root=tmp_path)
    try:
        assert fetch(srv.base_url + "/list/?page=2&size=5").text == "page two"
        assert fetch(srv.base_url + "/list/?page=3&size=5").text == "page one"
        assert fetch(srv.base_url + "/list/").text == "page one"
        assert fetch(srv.base_url + "/list/_page-2.html").status == 404
    finally:
        srv.stop()


def test_missing_root_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        start_server(root=tmp_path / "nope")


# ---------------------------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------------------------
def _run_cli(sig: signal.Signals, tmp_path: Path) -> None:
    log = tmp_path / f"access-{sig.name}.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newscrawler.demo.server", "--port", "0", "--access-log", str(log)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        base = line.strip()
        assert line == base + "\n"
        assert base.startswith("http://127.0.0.1:")
        assert fetch(base + "/robots.txt").status == 200
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert out == ""  # exactly one line on stdout
    assert err == ""  # quiet: no per-request lines
    assert log.read_text("utf-8") == "GET /robots.txt 200\n"


def test_cli_sigterm(tmp_path: Path) -> None:
    _run_cli(signal.SIGTERM, tmp_path)


def test_cli_sigint(tmp_path: Path) -> None:
    _run_cli(signal.SIGINT, tmp_path)


# ---------------------------------------------------------------------------------------------
# Sitemaps and feeds
# ---------------------------------------------------------------------------------------------
def _urls_in(path: str, root: ET.Element) -> list[str]:
    if path.endswith(".rss"):
        return [el.text or "" for el in root.iter("link")]
    if path.endswith(".atom"):
        return [el.get("href", "") for el in root.iter(f"{{{NS['atom']}}}link")]
    return [el.text or "" for el in root.iter(f"{{{NS['sm']}}}loc")]


@pytest.mark.parametrize("path", XML_DOCS)
def test_xml_documents_wellformed_and_links_exist(server: DemoServer, path: str) -> None:
    resp = fetch(server.base_url + path)
    assert resp.status == 200
    assert b"{{BASE}}" not in resp.body
    root = ET.fromstring(resp.body)
    urls = _urls_in(path, root)
    assert urls
    for url in urls:
        assert url.startswith(server.base_url + "/"), url
        target = url[len(server.base_url) :]
        assert site_file_exists(target), url
        expected = (
            BY_PATH[urlsplit(target).path]["status"] if urlsplit(target).path in BY_PATH else 200
        )
        assert fetch(url, method="HEAD").status == expected, url


def test_sitemap_contents_match_manifest(server: DemoServer) -> None:
    disc = MANIFEST["discovery"]
    index = ET.fromstring(fetch(server.base_url + "/sitemap_index.xml").body)
    locs = [el.text for el in index.iter(f"{{{NS['sm']}}}loc")]
    assert locs == [server.base_url + p for p in disc["sitemaps"]]
    assert all(el.text for el in index.findall("sm:sitemap/sm:lastmod", NS)), (
        "every sitemap has a lastmod"
    )
    for sitemap_path, paths in disc["sitemaps"].items():
        body = fetch(server.base_url + sitemap_path).body
        if sitemap_path.endswith(".gz"):
            body = gzip.decompress(body)
        urls = ET.fromstring(body).findall("sm:url", NS)
        assert [u.findtext("sm:loc", namespaces=NS) for u in urls] == [
            server.base_url + p for p in paths
        ]
        assert all(u.findtext("sm:lastmod", namespaces=NS) for u in urls)


def test_news_sitemap(server: DemoServer) -> None:
    ((path, paths),) = MANIFEST["discovery"]["news_sitemap"].items()
    root = ET.fromstring(fetch(server.base_url + path).body)
    urls = root.findall("sm:url", NS)
    assert [u.findtext("sm:loc", namespaces=NS) for u in urls] == [
        server.base_url + p for p in paths
    ]
    for u in urls:
        page = BY_PATH[urlsplit(u.findtext("sm:loc", namespaces=NS) or "").path]
        news = u.find("news:news", NS)
        assert news is not None
        assert news.findtext("news:publication/news:name", namespaces=NS) == "Harbour Wire"
        assert news.findtext("news:publication/news:language", namespaces=NS) == page["language"]
        assert news.findtext("news:publication_date", namespaces=NS) == page["published"]
        assert news.findtext("news:title", namespaces=NS) == page["title"]


def test_rss_feed(server: DemoServer) -> None:
    ((path, links),) = MANIFEST["discovery"]["rss"].items()
    channel = ET.fromstring(fetch(server.base_url + path).body).find("channel")
    assert channel is not None
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [server.base_url + p for p in links]
    assert any("?utm_source=rss&feedref=x" in (i.findtext("link") or "") for i in items)
    for item in items:
        assert item.findtext("title")
        assert item.findtext("guid")
        pub = item.findtext("pubDate") or ""
        assert pub[:3] in {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}, pub


def test_atom_feed(server: DemoServer) -> None:
    ((path, paths),) = MANIFEST["discovery"]["atom"].items()
    root = ET.fromstring(fetch(server.base_url + path).body)
    entries = root.findall("atom:entry", NS)
    hrefs = [e.find("atom:link[@rel='alternate']", NS).get("href") for e in entries]  # type: ignore[union-attr]
    assert hrefs == [server.base_url + p for p in paths]
    for entry in entries:
        assert entry.findtext("atom:published", namespaces=NS)
        assert entry.findtext("atom:updated", namespaces=NS)


# ---------------------------------------------------------------------------------------------
# Manifest against the served pages
# ---------------------------------------------------------------------------------------------
def test_manifest_shape() -> None:
    kinds = {p["kind"] for p in PAGES}
    assert kinds == {
        "story",
        "old_story",
        "listing",
        "hub",
        "soft404",
        "banner_story",
        "syndicated_copy",
        "redirect_home",
        "gone",
        "expired",
        "empty_shell",
        "disallowed",
    }
    assert len(BY_PATH) == len(PAGES)
    required = {
        "path",
        "kind",
        "discovered_via",
        "title",
        "published",
        "modified",
        "authors",
        "language",
        "dateline",
        "body_starts",
        "body_ends",
        "paragraphs",
        "canonical",
    }
    for page in PAGES:
        assert required <= page.keys(), page["path"]
        assert page["discovered_via"], page["path"]
        assert set(page["discovered_via"]) <= {"sitemap", "news_sitemap", "rss", "atom", "listing"}
    stories = [p for p in PAGES if p["kind"] in ("story", "old_story")]
    assert len(stories) == 16
    assert any(p["discovered_via"] == ["listing"] for p in stories)
    assert any("listing" not in p["discovered_via"] for p in stories)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p["path"])
def test_manifest_page_served(server: DemoServer, page: dict) -> None:
    resp = fetch(server.base_url + page["path"])
    assert resp.status == page["status"]
    if page["kind"] == "redirect_home":
        assert resp.headers["Location"] == server.base_url + "/"
        return
    assert resp.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "{{BASE}}" not in resp.text
    doc = lxml.html.fromstring(resp.body)
    assert doc.tag == "html"
    assert doc.get("lang") == page["language"]
    assert doc.find("body/header") is not None
    assert doc.find("body/footer") is not None
    assert doc.xpath("//nav")
    h1 = doc.xpath("//h1")
    assert h1, page["path"]
    assert h1[0].text_content().strip() == page["title"]
    canonical = doc.xpath("//link[@rel='canonical']/@href")
    if page.get("canonical_link"):
        assert canonical == [server.base_url + page["canonical_link"]]
    else:
        assert canonical == []
    if page["body_starts"] is None:
        return
    paragraphs = [" ".join(p.text_content().split()) for p in doc.xpath("//p")]
    firsts = [i for i, text in enumerate(paragraphs) if text.startswith(page["body_starts"])]
    lasts = [i for i, text in enumerate(paragraphs) if text.startswith(page["body_ends"])]
    assert len(firsts) == 1
    if page["kind"] == "banner_story":
        assert len(lasts) == 2  # printed twice
    else:
        assert len(lasts) == 1
        assert lasts[0] - firsts[0] + 1 == page["paragraphs"]
    if page["dateline"]:
        assert paragraphs[firsts[0]].startswith(page["dateline"] + " -- ")


def test_mess_pages(server: DemoServer) -> None:
    by_kind: dict[str, list[dict]] = {}
    for p in PAGES:
        by_kind.setdefault(p["kind"], []).append(p)
    soft = fetch(server.base_url + by_kind["soft404"][0]["path"])
    assert soft.status == 200
    assert "Sorry, the page you requested could not be found" in soft.text
    expired = fetch(server.base_url + by_kind["expired"][0]["path"])
    assert expired.status == 200
    assert "This story is no longer available" in expired.text
    shell = lxml.html.fromstring(fetch(server.base_url + by_kind["empty_shell"][0]["path"]).body)
    assert shell.xpath("//article/descendant::h1")
    assert shell.xpath("//article//p") == []
    banner = fetch(server.base_url + by_kind["banner_story"][0]["path"]).text
    assert banner.count(by_kind["banner_story"][0]["id_line"]) == 2
    assert banner.count("Legal Disclaimer:") == 1
    assert "No comment" in banner
    copy = by_kind["syndicated_copy"][0]
    original = BY_PATH[copy["copy_of"]]
    assert copy["title"] == "UPDATE 1-" + original["title"]
    assert copy["dateline"] != original["dateline"]
    assert copy["paragraphs"] == original["paragraphs"] + 1


def test_disclaimer_on_several_stories(server: DemoServer) -> None:
    disclaimer = MANIFEST["legal_disclaimer"]
    count = 0
    for page in PAGES:
        if page["kind"] in ("story", "old_story") and page.get("has_disclaimer"):
            text = " ".join(
                lxml.html.fromstring(fetch(server.base_url + page["path"]).body)
                .text_content()
                .split()
            )
            assert disclaimer in text
            count += 1
    assert count >= 4


def test_story_without_date_has_none_on_page(server: DemoServer) -> None:
    page = next(p for p in PAGES if p.get("date_source") == "news sitemap only")
    html_text = fetch(server.base_url + page["path"]).text
    for needle in ("<time", "datetime", "published_time", 'name="date"', "datePublished", "April"):
        assert needle not in html_text
    assert page["discovered_via"] == ["news_sitemap"]


def test_listings_link_offsite_and_private(server: DemoServer) -> None:
    offsite = MANIFEST["offsite_links"][0]
    hrefs: set[str] = set()
    for page in PAGES:
        if page["kind"] == "listing":
            doc = lxml.html.fromstring(fetch(server.base_url + page["path"]).body)
            hrefs.update(doc.xpath("//a/@href"))
    assert offsite in hrefs
    private = next(p["path"] for p in PAGES if p["kind"] == "disallowed")
    assert private in hrefs
    assert private.startswith(tuple(MANIFEST["robots_disallow"]))
    tracked = BY_PATH["/news/2025/04/23/kestrel-grid-storage-west-texas-battery-project.html"]
    assert tracked["aliases"][0] in hrefs
