"""End to end: a local site mixing real stories with every kind of non-story page.

The feed must hold exactly the real stories (the banner-wrapped one without its
banner); the rejects file beside it must hold every other page with its class.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from newscrawler.soft404 import probe_url

from conftest import read_jsonl, run_crawl, validate

CHROME_TOP = ("<header><a href='/'>Tideline News</a><nav><a href='/'>Home</a> "
              "<a href='/markets/'>Markets</a></nav></header>")
CHROME_END = "<footer><p>Tideline News, an invented site for tests.</p></footer>"


def page(title: str, main: str, *, lang: str = "en") -> str:
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<title>{title} | Tideline News</title></head><body>{CHROME_TOP}<main>{main}</main>"
            f"{CHROME_END}</body></html>")


def story(title: str, paras: list[str], *, lead: str = "", lang: str = "en") -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return page(title, f"{lead}<article><h1>{title}</h1><div class='story-body'>{body}</div>"
                       "</article>", lang=lang)


EN = [
    ("PORTSMOUTH, England (Tideline) — Harbour operator Solent Quay said on Monday it would "
    "spend 45 million pounds on shore power so that visiting cruise ships can switch off "
    "their engines while docked."),
    ("The first two berths will be connected next spring, the company said, with a third to "
    "follow in 2027 once the local grid connection has been upgraded by the network operator."),
    ("\"Residents have asked us for years to deal with the fumes,\" chief executive Dana Whitlock "
    "said. \"This is the single biggest step we can take.\""),
]
DE = [
    ("HAMBURG (Tideline) – Die Reederei Nordkap Linien stellt bis 2028 vier neue Containerschiffe "
    "in Dienst, die mit Methanol fahren können, und investiert dafür rund 600 Millionen Euro."),
    ("Die Schiffe sollen auf der Route zwischen Hamburg und Schanghai eingesetzt werden und den "
    "Ausstoß von Kohlendioxid auf dieser Strecke um mehr als die Hälfte senken."),
]
BRIEF = [("LONDON (Tideline) — Quenby Foods raised its full-year profit forecast on Thursday "
         "after sales of its savoury snacks grew faster than expected.")]
HARBOUR_MASTER = [
    ("PORTSMOUTH, England (Tideline) — Solent Quay has appointed Ravi Okonkwo, a former naval "
    "navigator, as harbour master from July, the port operator said in a statement on Tuesday."),
    ("Okonkwo succeeds Maureen Tilby, who retires after nineteen years in the post. He will "
    "oversee pilotage, berth allocation and the port's new traffic control centre."),
    ("The appointment comes as the harbour prepares for a record cruise season, with more than "
    "two hundred ship calls booked between April and October."),
]
BANNER = ("<div class='alert' role='alert'><h2>Sorry!! Error!</h2><p>We're sorry, but the page "
          "you were looking for doesn't exist.</p></div>")
ODD = page("Nothing here, friend", "<div class='empty'><h1>Nothing here, friend</h1><p>Nothing "
           "lives at this address any more. Our archive keeps releases for ninety days; the "
           "index lists what is still online.</p></div>")
WALL_CF = ("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><h2>Checking "
           "if the site connection is secure</h2><script src='/cdn-cgi/challenge-platform/h/b/"
           "orchestrate/chl_page/v1?ray=1'></script></body></html>")
WALL_DD = ("<html><head><title>tideline</title></head><body><script>var dd={'cid':'x','host':"
           "'geo.captcha-delivery.com'}</script><script src='https://ct.captcha-delivery.com/c.js'>"
           "</script></body></html>")

# path -> (html or None, status, expected class: "story" for the feed)
SITE = {
    "/news/2025/05/05/solent-quay-shore-power.html": (story("Solent Quay Plugs In Cruise Ships", EN),
                                                      200, "story"),
    "/de/news/2025/05/05/nordkap-methanol-schiffe.html": (
        story("Nordkap Linien bestellt Methanol-Schiffe", DE, lang="de"), 200, "story"),
    "/news/2025/05/06/quenby-foods-lifts-outlook.html": (story("Quenby Foods Lifts Outlook", BRIEF),
                                                         200, "story"),
    "/news/2025/05/06/solent-quay-banner-story.html": (
        story("Solent Quay Names New Harbour Master", HARBOUR_MASTER, lead=BANNER), 403, "story"),
    "/news/2025/05/01/harbour-fees-update.html": (
        page("Page not found", "<h1>Page not found</h1><p>Sorry, the page you requested could not "
             "be found.</p>"), 200, "soft404"),
    "/news/2025/04/02/ferry-tariff-notice.html": (
        page("This story is no longer available", "<h1>This story is no longer available</h1><p>"
             "This story is no longer available. Releases are removed when their licence "
             "ends.</p>"), 200, "soft404"),
    "/archive/2025/05/01/item-harbour-dues.html": (ODD, 200, "soft404"),
    "/news/2025/05/03/greystone-shell-story.html": (
        story("Greystone Quarry Launches Community Fund", []), 200, "thin"),
    "/news/2025/03/31/brindle-store-closures.html": (
        page("Story removed", "<h1>Story removed</h1><p>This story has been permanently "
             "removed.</p>"), 410, "gone"),
    "/news/2025/04/10/ipo-withdrawn-story.html": (None, 302, "redirect"),
    "/news/2025/05/07/guarded-cloudflare-story.html": (WALL_CF, 403, "blocked"),
    "/news/2025/05/07/guarded-datadome-story.html": (WALL_DD, 403, "blocked"),
}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    from newscrawler.demo.server import start_server

    root = tmp_path_factory.mktemp("tideline")
    routes = {}
    for path, (content, status, _expected) in SITE.items():
        if content is not None:
            target = root / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        if status == 302:
            routes[path] = {"status": 302, "location": "/"}
        elif status != 200:
            routes[path] = {"status": status}
    (root / "_routes.json").write_text(json.dumps(routes))
    # the sitemap is the only way in: every page is requested as a story
    (root / "index.html").write_text(page("Tideline News", "<h1>Latest</h1><p>Stories</p>"))
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\nSitemap: {{BASE}}/sitemap.xml\n")
    urls = "".join(f"<url><loc>{{{{BASE}}}}{p}</loc></url>" for p in SITE)
    (root / "sitemap.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
        f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
    with start_server(root=root, access_log=root.parent / "access.log") as server:
        # this host answers nonexistent /archive/ URLs with its template, status 200
        probe = urlsplit(probe_url(server.url("/archive/2025/05/01/item-harbour-dues.html"))).path
        (root / probe.lstrip("/")).write_text(ODD, encoding="utf-8")
        workdir = tmp_path_factory.mktemp("crawl")
        result = run_crawl("generic", workdir, f"url={server.base_url}/",
                           settings={"SOFT404_HOST_MIN_PAGES": 5})
        result.rejects = read_jsonl(result.feed.with_name("out.rejects.jsonl"))
        result.access = (root.parent / "access.log").read_text()
        result.probe_path = probe
        return result


def paths(records) -> dict[str, dict]:
    return {urlsplit(r["url"]).path: r for r in records}


def test_feed_holds_exactly_the_real_stories(crawl):
    assert crawl.returncode == 0, crawl.log[-2000:]
    validate(crawl.items)
    stories = {p for p, (_c, _s, expected) in SITE.items() if expected == "story"}
    assert set(paths(crawl.items)) == stories


def test_banner_story_is_kept_without_banner(crawl):
    item = paths(crawl.items)["/news/2025/05/06/solent-quay-banner-story.html"]
    assert item["http_status"] == 403
    assert "error_banner_stripped" in item["flags"]
    assert "Sorry" not in item["body"]
    assert "doesn't exist" not in item["body"]


def test_rejects_file_holds_every_other_page_with_its_class(crawl):
    rejects = paths(crawl.rejects)
    expected = {p: cls for p, (_c, _s, cls) in SITE.items() if cls != "story"}
    assert {p: r["reason"] for p, r in rejects.items()} == expected
    for record in crawl.rejects:
        assert {"url", "http_status", "reason", "reasons", "residual_words",
                "probe_similarity"} <= set(record)
    assert rejects["/news/2025/04/10/ipo-withdrawn-story.html"]["http_status"] == 302
    assert rejects["/news/2025/05/07/guarded-cloudflare-story.html"]["vendor"] == "cloudflare"
    assert rejects["/news/2025/05/07/guarded-datadome-story.html"]["vendor"] == "datadome"
    odd = rejects["/archive/2025/05/01/item-harbour-dues.html"]
    assert "probe_match" in odd["reasons"]
    assert odd["probe_similarity"] == 1.0


def test_probes_are_ordinary_requests_and_counted(crawl):
    assert f"GET {crawl.probe_path} 200" in crawl.access
    assert crawl.stat("soft404/probe/requests") >= 2
    assert crawl.stat("soft404/probe/hosts_soft") == 1
    assert crawl.stat("soft404/probe/hosts_hard") >= 1
    assert crawl.stat("soft404/redirect/root") == 1
    assert crawl.stat("soft404/class/ok") == 4
    assert crawl.stat("soft404/blocked/cloudflare") == 1


def test_run_ends_with_blocked_and_drop_rate_lines(crawl):
    assert "blocked by cloudflare" in crawl.log
    assert "blocked by datadome" in crawl.log
    assert "dropped as not stories" in crawl.log


def test_drops_are_logged_with_reason_and_url_not_the_article(crawl):
    drops = [line for line in crawl.log.splitlines() if "Dropped: " in line]
    # one line per rejected page, each naming it; the rejects file carries the evidence
    assert len(drops) == len(crawl.rejects)
    for record in crawl.rejects:
        assert any(record["url"] in line for line in drops), record["url"]
    assert "Article(" not in crawl.log
