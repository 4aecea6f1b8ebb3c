"""End to end: stories whose text is only in app-shell data or JSON-LD are exported, not
dropped as ``thin``; a shell with no story anywhere still is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import read_jsonl, run_crawl, validate

DATA = Path(__file__).parent / "data" / "appshell"
LAST = "although the heritage board still has to approve the new glazing."

ARTICLE_BODY_ONLY = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ferry fares frozen"
    "</title><script type='application/ld+json'>{}</script></head><body><header><a href='/'>"
    "Tideline</a></header><main><div id='root'><div class='skeleton'></div></div></main>"
    "<script src='/static/app.js'></script></body></html>"
).format(json.dumps({
    "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry fares frozen",
    "datePublished": "2026-03-04T08:00:00Z",
    "articleBody": "HARBOURSIDE (Tideline) — The island ferry company said on Wednesday it "
    "would freeze fares for another year, after passenger numbers recovered faster than "
    "expected over the winter.\n\nThe company carried just over a million passengers last "
    "year, its chief executive said, and expects to add a third sailing on summer weekends."}))
EMPTY_SHELL = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Tideline</title></head>"
    "<body><div id='__next'><header><a href='/'>Tideline</a></header><main></main></div>"
    "<script id='__NEXT_DATA__' type='application/json'>{\"props\":{\"pageProps\":{}},"
    "\"page\":\"/news/[slug]\"}</script></body></html>")

LIBRARY = [
    ("ESKDALE (Tideline) — The county library in Eskdale will open on Sundays from April, the "
    "council said, after a petition signed by two thousand readers asked for weekend hours."),
    ("The extra day will be staffed by volunteers from the friends of the library, who have "
    "trained with the librarians over the winter and will run the children's reading hour."),
    ("\"People work all week and Saturday is for errands,\" said the petition's organiser, a "
    "retired teacher. \"Sunday is when families have time to sit down with a book.\""),
]
STREAMING = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Library opens on "
    "Sundays</title></head><body><main><h1>Library opens on Sundays</h1><template id='B:0'>"
    "</template><p>Loading…</p></main><div hidden id='S:0'><article>"
    + "".join(f"<p>{p}</p>" for p in LIBRARY)
    + "</article></div><script>$RC(\"B:0\",\"S:0\")</script></body></html>")

# path -> (content, expected: "story" or the reject class)
SITE = {
    "/news/2026/03/03/depot-flight.html": ((DATA / "next-flight.html").read_text(), "story"),
    "/news/2026/03/05/library-sundays.html": (STREAMING, "story"),
    "/news/2026/03/04/ferry-fares-frozen.html": (ARTICLE_BODY_ONLY, "story"),
    "/news/2026/03/04/empty-shell.html": (EMPTY_SHELL, "thin"),
}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    from newscrawler.demo.server import start_server

    root = tmp_path_factory.mktemp("appshell-site")
    for path, (content, _expected) in SITE.items():
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    (root / "_routes.json").write_text("{}")
    (root / "index.html").write_text("<html><body><h1>Tideline</h1></body></html>")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\nSitemap: {{BASE}}/sitemap.xml\n")
    urls = "".join(f"<url><loc>{{{{BASE}}}}{p}</loc></url>" for p in SITE)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
        f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
    with start_server(root=root) as server:
        workdir = tmp_path_factory.mktemp("crawl")
        result = run_crawl("generic", workdir, f"url={server.base_url}/",
                           settings={"SOFT404_PROBE_ENABLED": False})
        result.rejects = read_jsonl(result.feed.with_name("out.rejects.jsonl"))
    shutil.rmtree(root, ignore_errors=True)
    return result


def by_path(records) -> dict[str, dict]:
    return {urlsplit(r["url"]).path: r for r in records}


def test_stories_outside_the_dom_are_exported(crawl):
    assert crawl.returncode == 0, crawl.log[-2000:]
    validate(crawl.items)
    items = by_path(crawl.items)
    assert set(items) == {p for p, (_c, expected) in SITE.items() if expected == "story"}
    depot = items["/news/2026/03/03/depot-flight.html"]["body"]
    assert "The town council of Marrowfield voted on Tuesday" in depot
    assert depot.endswith(LAST)
    assert "Ottilie Brann" in depot
    library = items["/news/2026/03/05/library-sundays.html"]["body"]
    assert library.startswith("The county library in Eskdale will open on Sundays")
    assert library.endswith("time to sit down with a book.\"")
    ferry = items["/news/2026/03/04/ferry-fares-frozen.html"]
    assert "freeze fares for another year" in ferry["body"]
    assert "a third sailing on summer weekends" in ferry["body"]


def test_a_shell_with_no_story_anywhere_is_still_thin(crawl):
    rejects = by_path(crawl.rejects)
    assert {p: r["reason"] for p, r in rejects.items()} == {
        p: expected for p, (_c, expected) in SITE.items() if expected != "story"}
