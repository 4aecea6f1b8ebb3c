"""A deterministic local news site for the crawl benchmark, and a fast server for it.

    .venv/bin/python benchmarks/bench_site.py build DIR --pages 5000 --port 8123
    .venv/bin/python benchmarks/bench_site.py serve DIR --port 8123

The site: real-sized story pages (30-100 KB of HTML: head with CSS and scripts,
header and navigation, story with byline and 5-10 paragraphs, related links,
"most read" aside, newsletter box, footer, an inline state script), JSON-LD on
half of them and OpenGraph on most; a share of syndicated near-copies (the same
story under another section with one sentence changed), of stories that print
their paragraphs twice, of error pages served with status 200 and of links to
pages that do not exist (404). Section listings paginate with ``rel=next``;
robots.txt names a sitemap index; every story is in a sitemap.

The server is Twisted's static ``File`` resource in its own process (Twisted
ships with Scrapy), so it neither competes for the crawler's GIL nor limits it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

from w3lib.encoding import html_to_unicode

SECTIONS = ("world", "business", "markets", "technology", "science", "health", "sport",
            "culture")
LISTING_SIZE = 40
SITEMAP_SIZE = 10_000
SHARE_SYNDICATED = 0.10
SHARE_DOUBLED = 0.05
SHARE_ERROR_200 = 0.03
SHARE_DEAD_LINKS = 0.02
SHARE_NO_LANG = 0.10

_NOUNS = ["government", "minister", "council", "company", "bank", "market", "investor", "analyst", "official", "court", "report", "agency", "city", "region", "country", "election", "vote", "budget", "economy", "inflation", "price", "rate", "growth", "sector", "industry", "worker", "union", "strike", "factory", "plant", "project", "plan", "deal", "agreement", "talks", "summit", "leader", "party", "coalition", "opposition", "parliament", "committee", "inquiry", "police", "study", "researcher", "scientist", "hospital", "patient", "doctor", "school", "student", "teacher", "university", "team", "player", "coach", "season", "match", "league", "title", "record", "fan", "club", "festival", "artist", "film", "album", "museum", "exhibition", "river", "storm", "flood", "drought", "harvest", "farmer", "port", "ship", "airline", "airport", "railway", "road", "bridge", "energy", "power", "grid", "oil", "gas", "pipeline", "reactor", "solar", "wind", "battery", "vehicle", "chip", "software", "platform", "network", "data", "security", "breach", "outage", "customer", "retailer", "supplier", "shareholder", "dividend", "quarter", "revenue", "profit", "loss", "forecast", "outlook", "statement", "spokesperson", "resident", "community"]
_VERBS = ["said", "announced", "reported", "confirmed", "denied", "warned", "rejected", "approved", "launched", "opened", "closed", "raised", "cut", "increased", "reduced", "expanded", "delayed", "cancelled", "signed", "agreed", "proposed", "criticised", "welcomed", "questioned", "expected", "estimated", "forecast", "revealed", "disclosed", "acquired", "sold", "bought", "hired", "fired", "appointed", "elected", "won", "lost", "defeated", "extended", "suspended", "resumed", "completed", "reviewed", "investigated", "published", "released"]
_ADJS = ["new", "major", "local", "national", "regional", "international", "final", "early", "late", "strong", "weak", "sharp", "modest", "record", "annual", "quarterly", "senior", "former", "current", "public", "private", "key", "small", "large", "rising", "falling", "steady", "surprising", "controversial", "long-awaited", "rapid", "slow", "unexpected", "recent", "previous", "further", "additional", "significant", "limited"]
_FUNC = ["the", "a", "an", "this", "that", "its", "their", "our"]
_PREP = ["in", "on", "at", "for", "with", "after", "before", "during", "across", "under", "over", "against", "amid"]
_FIRST = ["Anna", "Ben", "Clara", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemal", "Lena", "Marco", "Nadia", "Omar", "Paula", "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wim", "Yara", "Zoe"]
_LAST = ["Adeyemi", "Brandt", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Umeh", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann"]
_PLACES = ["LONDON", "PARIS", "BERLIN", "MADRID", "ROME", "TOKYO", "LAGOS", "NAIROBI", "DELHI", "SYDNEY", "TORONTO", "CHICAGO"]


def _sentence(r: random.Random) -> str:
    words = [r.choice(_FUNC), r.choice(_ADJS), r.choice(_NOUNS), r.choice(_VERBS)]
    for _ in range(r.randrange(1, 4)):
        words += [r.choice(_PREP), r.choice(_FUNC), r.choice(_ADJS), r.choice(_NOUNS)]
    if r.random() < 0.5:
        words.insert(r.randrange(2, len(words)), f"{r.choice(_FIRST)} {r.choice(_LAST)},")
    if r.random() < 0.4:
        words += ["by", f"{r.randrange(2, 95)}.{r.randrange(10)} percent"]
    if r.random() < 0.3:
        cut = r.randrange(3, len(words))
        words[cut] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(r: random.Random) -> str:
    return " ".join(_sentence(r) for _ in range(r.randrange(3, 7)))


def _title(r: random.Random) -> str:
    t = f"{r.choice(_ADJS)} {r.choice(_NOUNS)} {r.choice(_VERBS)} {r.choice(_PREP)} " \
        f"{r.choice(_ADJS)} {r.choice(_NOUNS)} {r.choice(_NOUNS)}"
    return t[0].upper() + t[1:]


def _blob(seed: int, size: int) -> str:
    r = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(r.choices(alphabet, k=size))


_CSS = "\n".join(
    f".c{i} .x{i % 17} > .y{i % 13} {{ margin: {i % 9}px {i % 5}px; padding: {i % 7}px; "
    f"color: #{(i * 2654435761) % 0xFFFFFF:06x}; font-size: {12 + i % 6}px; }}"
    for i in range(120)
)
_STATE = _blob(7, 400_000)
_CHARSET_META = re.compile(r"<meta[^>]+charset[^>]*>", re.IGNORECASE)


class Site:
    def __init__(self, pages: int, base: str, seed: int = 1,
                 real_pages: list[str] | None = None) -> None:
        self.pages = pages
        # real saved news pages served as the stories (their own DOM, ads, scripts, embeds)
        self.real_pages = real_pages or []
        self.base = base.rstrip("/")
        self.seed = seed
        r = random.Random(seed)
        # story n: section, path, kind (story | syndicated copy of m | error200 | dead)
        self.section = [r.choice(SECTIONS) for _ in range(pages)]
        self.kind: list[str] = []
        self.copy_of: dict[int, int] = {}
        for n in range(pages):
            x = r.random()
            if n > 50 and x < SHARE_SYNDICATED:
                self.kind.append("copy")
                self.copy_of[n] = r.randrange(0, n)
            elif x < SHARE_SYNDICATED + SHARE_DOUBLED:
                self.kind.append("doubled")
            elif x < SHARE_SYNDICATED + SHARE_DOUBLED + SHARE_ERROR_200:
                self.kind.append("error200")
            elif x < SHARE_SYNDICATED + SHARE_DOUBLED + SHARE_ERROR_200 + SHARE_DEAD_LINKS:
                self.kind.append("dead")  # linked and in the sitemap, never written: 404
            else:
                self.kind.append("story")

    def path(self, n: int) -> str:
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        return f"/{self.section[n]}/2025/{month:02d}/{day:02d}/story-{n}-report.html"

    # --- pieces ---------------------------------------------------------------------------
    def head(self, title: str, r: random.Random, extra: str = "") -> str:
        css = _CSS[: r.randrange(6000, len(_CSS))]
        return (
            f"<head><meta charset=\"utf-8\"><title>{title} | Bench Herald</title>"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"{extra}<link rel=\"stylesheet\" href=\"/static/site.css\">"
            f"<style>{css}</style>"
            "<script src=\"/static/vendor.js\" defer></script>"
            "<script src=\"/static/app.js\" defer></script></head>"
        )

    def header(self) -> str:
        nav = "".join(f"<li><a href=\"/{s}/\">{s.title()}</a></li>" for s in SECTIONS)
        sub = "".join(
            f"<li><a href=\"/{s}/page/{k}/\">{s.title()} archive {k}</a></li>"
            for s in SECTIONS for k in (2, 3)
        )
        return (
            "<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">Bench Herald</a>"
            "</div><nav class=\"main-nav\" role=\"navigation\"><ul>"
            f"{nav}</ul><ul class=\"sub-nav\">{sub}</ul></nav>"
            "<div class=\"cookie-banner\">We use cookies to improve your experience. "
            "<a href=\"/privacy.html\">Privacy policy</a></div></header>"
        )

    def footer(self) -> str:
        cols = "".join(
            f"<div class=\"col\"><h4>{s.title()}</h4><ul>"
            + "".join(f"<li><a href=\"/{s}/\">{s.title()} {t}</a></li>"
                      for t in ("news", "analysis", "opinion", "video"))
            + "</ul></div>"
            for s in SECTIONS
        )
        return (
            f"<footer class=\"site-footer\">{cols}<div class=\"newsletter\">Sign up for our "
            "daily newsletter and get the headlines in your inbox every morning.</div>"
            "<p class=\"copyright\">Copyright 2025 Bench Herald Media. All rights reserved. "
            "Reproduction without permission is prohibited.</p></footer>"
        )

    def teaser_links(self, r: random.Random, count: int, cls: str) -> str:
        items = []
        for _ in range(count):
            m = r.randrange(self.pages)
            items.append(f"<li><a href=\"{self.path(m)}\">{_title(random.Random(m))}</a></li>")
        return f"<ul class=\"{cls}\">{''.join(items)}</ul>"

    def state_script(self, r: random.Random, size: int) -> str:
        start = r.randrange(0, len(_STATE) - size)
        return (f"<script>window.__STATE__ = {{\"k\": \"{_STATE[start:start + size]}\"}};"
                "</script>")

    # --- pages ----------------------------------------------------------------------------
    def story(self, n: int) -> str:
        kind = self.kind[n]
        source = self.copy_of.get(n, n)
        sr = random.Random(self.seed * 7919 + source)
        title = _title(random.Random(source))
        paragraphs = [_paragraph(sr) for _ in range(sr.randrange(5, 11))]
        author = f"{sr.choice(_FIRST)} {sr.choice(_LAST)}"
        r = random.Random(self.seed * 104729 + n)
        if kind == "copy":  # syndicated: another byline, one sentence rewritten
            author = f"{r.choice(_FIRST)} {r.choice(_LAST)}"
            k = r.randrange(len(paragraphs))
            paragraphs[k] = _sentence(r) + " " + paragraphs[k].split(". ", 1)[-1]
        if kind == "doubled":
            paragraphs = paragraphs + paragraphs[:3]
        if kind == "error200":
            return self.error_page(r)
        if self.real_pages:
            return self.real_pages[n % len(self.real_pages)]
        date = f"2025-{1 + (n // 28) % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:15:00+00:00"
        url = self.base + self.path(n)
        extra = f"<link rel=\"canonical\" href=\"{url}\">"
        if r.random() < 0.8:
            extra += (f"<meta property=\"og:type\" content=\"article\">"
                      f"<meta property=\"og:title\" content=\"{title}\">"
                      f"<meta property=\"og:url\" content=\"{url}\">")
        if r.random() < 0.5:
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                  "datePublished": date, "author": {"@type": "Person", "name": author},
                  "publisher": {"@type": "Organization", "name": "Bench Herald"}}
            extra += f"<script type=\"application/ld+json\">{json.dumps(ld)}</script>"
        lang = "" if r.random() < SHARE_NO_LANG else " lang=\"en\""
        dateline = f"{r.choice(_PLACES)} (Bench) - "
        body = "".join(
            f"<p>{dateline if i == 0 else ''}{p}</p>"
            + ("<div class=\"ad-slot\">Advertisement</div>" if i == 2 else "")
            for i, p in enumerate(paragraphs)
        )
        size = r.randrange(12_000, 75_000)
        return (
            f"<!DOCTYPE html><html{lang}>{self.head(title, r, extra)}<body>{self.header()}"
            "<main><article class=\"story\">"
            f"<h1>{title}</h1><div class=\"byline\">By {author}</div>"
            f"<time class=\"published\" datetime=\"{date}\">{date[:10]}</time>"
            f"<div class=\"share-bar\"><a href=\"/share?u={n}\">Share</a></div>"
            f"<div class=\"story-body\">{body}</div></article>"
            f"<section class=\"related\"><h3>Related stories</h3>"
            f"{self.teaser_links(r, 10, 'related-links')}</section></main>"
            f"<aside class=\"most-read\"><h3>Most read</h3>"
            f"{self.teaser_links(r, 10, 'most-read-links')}</aside>"
            f"{self.footer()}{self.state_script(r, size)}</body></html>"
        )

    def error_page(self, r: random.Random) -> str:
        return (
            f"<!DOCTYPE html><html lang=\"en\">{self.head('Page not found', r)}<body>"
            f"{self.header()}<main><h1>Page not found</h1><p>Sorry, the page you are "
            "looking for could not be found. It may have been moved or deleted.</p>"
            f"<p><a href=\"/\">Return to the home page</a></p>"
            f"{self.teaser_links(r, 10, 'most-read-links')}</main>{self.footer()}"
            f"{self.state_script(r, r.randrange(12_000, 60_000))}</body></html>"
        )

    def listing(self, section: str, members: list[int], page: int, pages: int) -> str:
        r = random.Random(f"{section}/{page}")
        head_extra = ""
        if page < pages:
            head_extra = f"<link rel=\"next\" href=\"/{section}/page/{page + 1}/\">"
        items = "".join(
            f"<li class=\"teaser\"><a href=\"{self.path(m)}\">{_title(random.Random(m))}</a>"
            f"<p>{_sentence(random.Random(m))}</p></li>"
            for m in members
        )
        nxt = (f"<a class=\"next\" href=\"/{section}/page/{page + 1}/\">Next</a>"
               if page < pages else "")
        return (
            f"<!DOCTYPE html><html lang=\"en\">"
            f"{self.head(section.title() + ' news', r, head_extra)}<body>{self.header()}"
            f"<main><h1>{section.title()}</h1><ul class=\"teasers\">{items}</ul>{nxt}</main>"
            f"{self.footer()}{self.state_script(r, 20_000)}</body></html>"
        )

    # --- the whole site ---------------------------------------------------------------------
    def build(self, out: Path) -> dict[str, int]:
        out.mkdir(parents=True, exist_ok=True)
        written = 0
        total = 0
        for n in range(self.pages):
            if self.kind[n] == "dead":
                continue
            html = self.story(n)
            target = out / self.path(n).lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
            written += 1
            total += len(html)
        listings = 0
        for section in SECTIONS:
            members = [n for n in range(self.pages) if self.section[n] == section]
            chunks = [members[i:i + LISTING_SIZE] for i in range(0, len(members), LISTING_SIZE)]
            for k, chunk in enumerate(chunks, 1):
                folder = out / section if k == 1 else out / section / "page" / str(k)
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "index.html").write_text(self.listing(section, chunk, k, len(chunks)),
                                                   encoding="utf-8")
                listings += 1
        latest = list(range(max(0, self.pages - LISTING_SIZE), self.pages))
        (out / "index.html").write_text(self.listing("latest", latest, 1, 1).replace(
            "Latest news", "Bench Herald"), encoding="utf-8")
        (out / "privacy.html").write_text(
            "<html><head><title>Privacy</title></head><body><p>Privacy policy.</p></body></html>",
            encoding="utf-8")
        (out / "static").mkdir(exist_ok=True)
        for name in ("site.css", "vendor.js", "app.js"):
            (out / "static" / name).write_text("/* bench */", encoding="utf-8")
        # sitemaps: every story URL (dead ones too, as real sitemaps lag), then the listings
        (out / "sitemaps").mkdir(exist_ok=True)
        maps = []
        for i in range(0, self.pages, SITEMAP_SIZE):
            urls = "".join(f"<url><loc>{self.base}{self.path(n)}</loc></url>"
                           for n in range(i, min(self.pages, i + SITEMAP_SIZE)))
            name = f"sitemaps/stories-{i // SITEMAP_SIZE + 1}.xml"
            (out / name).write_text(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns="
                f"\"http://www.sitemaps.org/schemas/sitemap/0.9\">{urls}</urlset>",
                encoding="utf-8")
            maps.append(name)
        index = "".join(f"<sitemap><loc>{self.base}/{m}</loc></sitemap>" for m in maps)
        (out / "sitemap_index.xml").write_text(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sitemapindex xmlns="
            f"\"http://www.sitemaps.org/schemas/sitemap/0.9\">{index}</sitemapindex>",
            encoding="utf-8")
        (out / "robots.txt").write_text(
            f"User-agent: *\nDisallow: /share\nSitemap: {self.base}/sitemap_index.xml\n",
            encoding="utf-8")
        manifest = {
            "pages": self.pages, "base": self.base, "seed": self.seed,
            "story_files": written, "listings": listings,
            "mean_story_kb": round(total / max(written, 1) / 1024, 1),
            "kinds": {k: self.kind.count(k) for k in sorted(set(self.kind))},
        }
        (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        return manifest


def serve(folder: Path, port: int) -> None:
    """Serve ``folder`` with Twisted's static File resource until killed."""
    from twisted.internet import reactor
    from twisted.web.server import Site as WebSite
    from twisted.web.static import File

    resource = File(str(folder))
    resource.contentTypes[".xml"] = "application/xml"
    factory = WebSite(resource)
    factory.log = lambda request: None  # no access log: it would cost more than serving
    listening = reactor.listenTCP(port, factory, interface="127.0.0.1")  # type: ignore[attr-defined]
    print(listening.getHost().port, flush=True)
    reactor.run()  # type: ignore[attr-defined]


def read_real_pages(folder: Path) -> list[str]:
    """Saved pages as text (their declared charset honoured), sorted by name."""
    pages = []
    for path in sorted(folder.glob("*.html*")):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        _encoding, text = html_to_unicode(None, raw)
        # served as UTF-8: say so, whatever the saved page declared
        pages.append(_CHARSET_META.sub('<meta charset="utf-8">', text, count=1))
    if not pages:
        raise SystemExit(f"no *.html or *.html.gz pages in {folder}")
    return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="write the site into DIR")
    b.add_argument("dir", type=Path)
    b.add_argument("--pages", type=int, default=5000)
    b.add_argument("--port", type=int, required=True, help="the port the site will be served on")
    b.add_argument("--real-pages", type=Path, default=None,
                   help="a folder of saved real pages (*.html or *.html.gz) to serve as the "
                        "stories, e.g. ../shared/datasets/extraction-dev/html")
    s = sub.add_parser("serve", help="serve DIR on 127.0.0.1 (prints the port)")
    s.add_argument("dir", type=Path)
    s.add_argument("--port", type=int, default=0)
    args = ap.parse_args(argv)
    if args.command == "build":
        site = Site(args.pages, f"http://127.0.0.1:{args.port}",
                    real_pages=read_real_pages(args.real_pages) if args.real_pages else None)
        print(json.dumps(site.build(args.dir)))
    else:
        serve(args.dir, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
