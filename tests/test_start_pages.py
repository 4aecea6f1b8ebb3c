"""Stories the user names at addresses that say nothing about them, and saved pages.

A mirror or a local file server puts a story at ``/p/7`` or at the site root; the URL alone
reads "unknown" or "listing", so a short story without article markup was judged no story
and gave no item and no rejects line. The page's own canonical URL says what it is.

A saved page handed over as a local file is read as the story it is; its links and the feeds
its ``<head>`` announces lead to the live site it was saved from, which nobody named.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from newscrawler.demo.server import start_server

from conftest import run_crawl

# A one-paragraph story (no og:type, no JSON-LD, one block: under the prose bar for a page
# whose URL says nothing), with or without a canonical link that reads as a story URL.
STORY = """<!doctype html><html lang="en"><head><title>{title}</title>{canonical}</head>
<body><nav><a href="/">Home</a> <a href="/weather">Weather</a></nav>
<h1>{title}</h1>
<p>{text}</p>
</body></html>"""

FERRY = """The harbour council approved two early weekday crossings on Tuesday, closing the gap
between the lunchtime and evening sailings that commuters had complained about for two
winters. The new timetable starts on the first Monday of November, and the ferry company
said it would add a third boat on the route if the early crossings fill up by spring."""

LIBRARY = """The town library will stay open until nine on weekday evenings from next month,
after a survey found that most borrowers could only visit after work. The extra hours are
paid for by closing the reading room on Sunday mornings, when fewer than a dozen people
came in, the head librarian told a meeting of the culture committee on Monday."""

CANONICAL = '<link rel="canonical" href="https://fjordside.example/news/{slug}">'

HOME = """<!doctype html><html><head><title>Fjordside Notes</title>
<link rel="canonical" href="https://fjordside.example/"></head><body>
<h1>Latest</h1>
<ul><li><a href="/p/7">Council adds early ferry crossings</a> The harbour council approved
two early weekday crossings on Tuesday, closing the gap between sailings.</li>
<li><a href="/p/9">Library extends opening hours</a> The town library will open until nine
on weekdays from next month.</li></ul>
</body></html>"""


def _story(title: str, slug: str | None, text: str = FERRY) -> str:
    canonical = CANONICAL.format(slug=slug) if slug else ""
    return STORY.format(title=title, canonical=canonical, text=text)


def test_a_story_at_an_opaque_address_is_exported_when_its_canonical_reads_as_one(
        tmp_path, serve_dir):
    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    (site / "p" / "7").write_text(
        _story("Council adds early ferry crossings", "council-adds-early-ferry-crossings"))
    (site / "p" / "8").write_text(_story("Ferry notes", None))
    server = serve_dir(site)

    result = run_crawl("generic", tmp_path,
                       f"url={server.base_url}/p/7,{server.base_url}/p/8")

    assert result.returncode == 0, result.log[-2000:]
    assert [urlsplit(item["url"]).path for item in result.items] == ["/p/7"], result.log[-3000:]
    assert result.items[0]["canonical_url"] == (
        "https://fjordside.example/news/council-adds-early-ferry-crossings")
    # the page that says nothing of itself gives no item, and the log says why
    assert f"{server.base_url}/p/8 is not judged a story" in result.log


def test_a_story_served_at_a_site_root_is_exported_and_a_home_page_is_not(tmp_path,
                                                                        serve_dir):
    story_site = tmp_path / "copy"
    story_site.mkdir()
    (story_site / "index.html").write_text(
        _story("Council adds early ferry crossings", "council-adds-early-ferry-crossings"))
    home_site = tmp_path / "home"
    (home_site / "p").mkdir(parents=True)
    (home_site / "index.html").write_text(HOME)
    (home_site / "p" / "9").write_text(
        _story("Library extends opening hours", "library-extends-opening-hours", LIBRARY))
    copy, home = serve_dir(story_site), serve_dir(home_site)

    result = run_crawl("generic", tmp_path, f"url={copy.base_url}/,{home.base_url}/")

    assert result.returncode == 0, result.log[-2000:]
    exported = sorted(item["url"] for item in result.items)
    # the copy at a root is a story; the home page is a listing whose link leads to one
    assert exported == sorted([f"{copy.base_url}/", f"{home.base_url}/p/9"]), result.log[-3000:]
    assert f"{home.base_url}/ is not judged a story" in result.log
    assert f"{copy.base_url}/ is not judged a story" not in result.log


def test_a_saved_page_given_as_a_path_is_read_as_a_story_and_nothing_it_links_is_fetched(
        tmp_path):
    live = tmp_path / "live"
    live.mkdir()
    (live / "feed.xml").write_text("<rss version='2.0'><channel></channel></rss>")
    access = tmp_path / "live-access.log"
    server = start_server(root=live, access_log=access)
    saved = tmp_path / "saved"
    saved.mkdir()
    head = (f'<link rel="alternate" type="application/rss+xml" href="{server.base_url}/feed.xml">'
            f'<link rel="canonical" href="{server.base_url}/news/ferry">')
    page = _story("Council adds early ferry crossings", None).replace("</head>", head + "</head>")
    page = page.replace('<a href="/weather">', f'<a href="{server.base_url}/weather">')
    (saved / "ferry-page.html").write_text(page)

    try:
        result = run_crawl("generic", tmp_path, f"url={saved / 'ferry-page.html'}")
    finally:
        server.stop()

    assert result.returncode == 0, result.log[-2000:]
    assert [item["title"] for item in result.items] == ["Council adds early ferry crossings"]
    assert result.items[0]["url"] == (saved / "ferry-page.html").as_uri()
    assert "harbour council approved" in result.items[0]["body"]
    assert access.read_text() == ""  # the live site was never asked: feed, links, robots.txt


def test_a_story_served_as_a_deep_folder_index_file_is_exported(tmp_path, serve_dir):
    # /2013/harbour/8/3/ferry.crossings/index.html: the last segment alone reads as a section
    # front; the folders above say nothing, and the page calls itself an article
    folder = tmp_path / "site" / "2013" / "harbour" / "8" / "3" / "ferry.crossings"
    folder.mkdir(parents=True)
    page = _story("Council adds early ferry crossings", None).replace(
        "</title>", '</title><meta property="og:type" content="article">')
    (folder / "index.html").write_text(page)
    server = serve_dir(tmp_path / "site")

    url = f"{server.base_url}/2013/harbour/8/3/ferry.crossings/index.html"
    result = run_crawl("generic", tmp_path, f"url={url}")

    assert result.returncode == 0, result.log[-2000:]
    assert [item["url"] for item in result.items] == [url], result.log[-3000:]
    assert "is not judged a story" not in result.log


def test_a_start_story_linked_back_by_its_site_is_fetched_once(tmp_path, serve_dir):
    # the story the user names is linked from the site's menu on every page (and from itself):
    # the start request passes Scrapy's duplicate filter unrecorded, so each link fetched it
    # again and the copy was rejected as a duplicate of itself
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    menu = '<nav><a href="/">Home</a> <a href="/news/ferry-crossings.html">Ferries</a></nav>'
    story = _story("Council adds early ferry crossings", None).replace("<nav>", menu + "<nav>")
    (site / "news" / "ferry-crossings.html").write_text(story)
    (site / "index.html").write_text(HOME.replace("<h1>", menu + "<h1>"))
    log = tmp_path / "access.log"
    server = start_server(root=site, access_log=log)
    try:
        result = run_crawl("generic", tmp_path, f"url={server.base_url}/news/ferry-crossings.html",
                           settings={"REJECTS_URI": str(tmp_path / "rejects.jsonl")})
    finally:
        server.stop()

    assert result.returncode == 0, result.log[-2000:]
    assert len(result.items) == 1, result.log[-3000:]
    fetches = [line for line in log.read_text().splitlines()
               if line.split()[1] == "/news/ferry-crossings.html"]
    assert len(fetches) == 1, fetches
    assert not (tmp_path / "rejects.jsonl").exists() or not (
        tmp_path / "rejects.jsonl").read_text().strip()
