"""The manifest: ground truth of every page, derived from the records and the rendered links."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from tools.demo_site import paths
from tools.demo_site.stories import STORIES
from tools.demo_site.stories.others import EMPTY_SHELL_PAGE, EXPIRED_PAGE, GONE_PAGE, PRIVATE_PAGE
from tools.demo_site.story import DISCLAIMER, Story
from tools.demo_site.story_meta import canonical_href
from tools.demo_site.story_pages import ASHCOMBE_ID
from tools.demo_site.structure import (
    ATOM_ENTRIES,
    BASE,
    KESTREL_TRACKED,
    LISTINGS,
    NEWS_SITEMAP,
    ROBOTS_DISALLOW,
    ROUTES,
    RSS_ITEMS,
    RSS_LINK_OVERRIDES,
    SITE_NAME,
    SITEMAP_2019,
    SITEMAP_2025,
    author_pages,
    tag_pages,
)


def plain(fragment: str) -> str:
    """Visible text of a small HTML fragment, whitespace-normalised."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def links_of(html_text: str) -> list[str]:
    """Every ``<a href>`` of a page, in order."""
    parser = _LinkCollector()
    parser.feed(html_text)
    parser.close()
    return parser.links


def page_status(path: str) -> int:
    """The status the demo server answers for a path."""
    route = ROUTES.get(path)
    return int(route["status"]) if route else 200


def link_reachable(pages: dict[str, str]) -> set[str]:
    """Paths a link-following crawler reaches from "/" (200 pages only, robots honoured)."""
    seen = {"/"}
    queue = ["/"]
    while queue:
        path = queue.pop(0)
        html_text = pages.get(path)
        if html_text is None or page_status(path) != 200:
            continue
        for href in links_of(html_text):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            target = parts.path
            if target in seen:
                continue
            seen.add(target)
            if any(target.startswith(prefix) for prefix in ROBOTS_DISALLOW):
                continue  # linked, but never fetched
            if page_status(target) in (301, 302):
                target = ROUTES[target]["location"]
            queue.append(target)
    return seen


def html_pages(files: dict[str, str]) -> dict[str, str]:
    """URL path -> HTML of every rendered page."""
    pages = {}
    for rel, text in files.items():
        if not rel.endswith(".html"):
            continue
        path = "/" + rel
        if path.endswith("/index.html"):
            path = path[: -len("index.html")]
        pages[path] = text
    return pages


def story_entry(story: Story, discovered: list[str]) -> dict[str, Any]:
    """A story's manifest entry: what a correct crawler exports for it."""
    paras = [block for block in story.body if isinstance(block, str)]
    canonical = canonical_href(story)
    entry: dict[str, Any] = {
        "path": story.path,
        "kind": story.kind,
        "status": story.status,
        "discovered_via": discovered,
        "title": story.title,
        "published": story.published,
        "modified": story.modified,
        "authors": list(story.authors),
        "language": story.lang,
        "dateline": story.dateline,
        "body_starts": plain(paras[0])[:60],
        "body_ends": plain(paras[-1])[:60],
        "paragraphs": len(paras),
        "canonical": story.path,
        "canonical_link": None if canonical is None else canonical.replace(BASE, "", 1),
        "date_source": {
            "jsonld": "json-ld",
            "jsonld_graph": "json-ld @graph",
            "jsonld_authors": "json-ld",
            "jsonld_gnw": "json-ld (capitalised keys, M/D/YYYY)",
            "og": "article:published_time",
            "meta_date": "meta name=date",
            "time": "time datetime",
            "visible": "visible text (ET)",
            "none": "news sitemap only",
        }[story.meta],
        "has_about": story.about is not None,
        "has_disclaimer": story.disclaimer,
        "end_marker": story.end_marker,
    }
    if story.copy_of:
        entry["copy_of"] = story.copy_of
    if story.kind == "banner_story":
        entry["repeated_paragraphs"] = len(paras) - 1
        entry["id_line"] = ASHCOMBE_ID
    return entry


def other_entry(
    path: str,
    kind: str,
    title: str | None,
    discovered: list[str],
    *,
    status: int = 200,
    canonical: str | None = None,
    language: str | None = "en",
) -> dict[str, Any]:
    """The manifest entry of a page that is not a story (no item expected)."""
    return {
        "path": path,
        "kind": kind,
        "status": status,
        "discovered_via": discovered,
        "title": title,
        "published": None,
        "modified": None,
        "authors": [],
        "language": language,
        "dateline": None,
        "body_starts": None,
        "body_ends": None,
        "paragraphs": 0,
        "canonical": canonical or path,
        "canonical_link": canonical,
    }


def build_manifest(files: dict[str, str]) -> dict[str, Any]:
    """The manifest: conventions, discovery documents, routes and one entry per page."""
    pages = html_pages(files)
    reachable = link_reachable(pages)
    feeds = {
        "sitemap": set(SITEMAP_2025) | set(SITEMAP_2019),
        "news_sitemap": set(NEWS_SITEMAP),
        "rss": set(RSS_ITEMS),
        "atom": set(ATOM_ENTRIES),
    }

    def discovered(path: str) -> list[str]:
        out = [name for name, paths in feeds.items() if path in paths]
        if path in reachable:
            out.append("listing")
        return out

    entries: list[dict[str, Any]] = []
    for story in STORIES:
        entries.append(story_entry(story, discovered(story.path)))
    entries.append(
        other_entry(
            paths.SOFT404, "soft404", "Page not found", discovered(paths.SOFT404), canonical=None
        )
    )
    entries.append(
        other_entry(
            paths.EXPIRED,
            "expired",
            EXPIRED_PAGE["title"],
            discovered(paths.EXPIRED),
            canonical=paths.EXPIRED,
        )
    )
    entries.append(
        other_entry(
            paths.GONE,
            "gone",
            GONE_PAGE["title"],
            discovered(paths.GONE),
            status=410,
            canonical=paths.GONE,
        )
    )
    entries.append(
        other_entry(
            paths.REDIRECTED,
            "redirect_home",
            None,
            discovered(paths.REDIRECTED),
            status=302,
            language=None,
        )
        | {"location": "/"}
    )
    entries.append(
        other_entry(
            paths.EMPTY_SHELL,
            "empty_shell",
            EMPTY_SHELL_PAGE["title"],
            discovered(paths.EMPTY_SHELL),
            canonical=paths.EMPTY_SHELL,
        )
    )
    entries.append(
        other_entry(
            paths.PRIVATE,
            "disallowed",
            PRIVATE_PAGE["title"],
            discovered(paths.PRIVATE),
            canonical=paths.PRIVATE,
        )
    )
    for path, spec in LISTINGS.items():
        entries.append(
            other_entry(path, "listing", spec["heading"], discovered(path), canonical=path)
        )
    for path, (heading, _, _) in {**tag_pages(), **author_pages()}.items():
        entries.append(other_entry(path, "hub", heading, discovered(path), canonical=path))

    aliases = {
        paths.KESTREL: [KESTREL_TRACKED],
        paths.VIREO: [RSS_LINK_OVERRIDES[paths.VIREO], paths.VIREO + "?utm_source=feed"],
    }
    for entry in entries:
        entry["aliases"] = aliases.get(entry["path"], [])

    return {
        "site": SITE_NAME,
        "description": (
            "Ground truth for the offline demo site in newscrawler/demo/site, generated by "
            "tools/demo_site (python -m tools.demo_site). Paths are root-relative; the server substitutes "
            "{{BASE}} with http://127.0.0.1:PORT."
        ),
        "conventions": {
            "published": (
                "ISO 8601 as a correct parser outputs it: offset kept when the source gives a "
                "zone ('Z' is written +00:00, 'ET' resolved to America/New_York), no offset when "
                "the source has none, date only when the source has no time; for the page "
                "without any date the news sitemap's value."
            ),
            "body_starts": "first 60 chars of the first story paragraph, dateline included",
            "body_ends": "first 60 chars of the last story paragraph (before About/contacts/"
            "###/Legal Disclaimer)",
            "paragraphs": "number of story <p> paragraphs; headings, list items, ad slots, "
            "About/contacts/###/disclaimer blocks are not counted; for the banner story the "
            "repeated copies are not counted",
            "canonical": "the path a correct crawler uses as canonical (declared canonical with "
            "tracking parameters removed, or the page's own path)",
            "canonical_link": "path+query of <link rel=canonical> as written, or null if absent",
            "discovered_via": "sitemap = sitemap index (stories-2025.xml.gz, stories-2019.xml); "
            "listing = reachable from / by following <a href> links through 200 pages without "
            "entering robots-disallowed paths",
            "aliases": "other URLs (path+query) under which the site links to the same page",
        },
        "robots_disallow": ROBOTS_DISALLOW,
        "offsite_links": [paths.OFFSITE],
        "legal_disclaimer": DISCLAIMER,
        "discovery": {
            "robots": "/robots.txt",
            "sitemap_index": "/sitemap_index.xml",
            "sitemaps": {
                "/sitemaps/stories-2025.xml.gz": SITEMAP_2025,
                "/sitemaps/stories-2019.xml": SITEMAP_2019,
            },
            "news_sitemap": {"/news-sitemap.xml": NEWS_SITEMAP},
            "rss": {
                "/feeds/latest.rss": [RSS_LINK_OVERRIDES.get(path, path) for path in RSS_ITEMS]
            },
            "atom": {"/feeds/markets.atom": ATOM_ENTRIES},
        },
        "routes": ROUTES,
        "pages": entries,
    }


def check_invariants(manifest: dict[str, Any]) -> None:
    """Guard the properties the brief asks for, so edits to the content cannot break them."""
    pages = manifest["pages"]
    by_path = {p["path"]: p for p in pages}
    stories = [p for p in pages if p["kind"] in ("story", "old_story")]
    assert len(stories) == 16, len(stories)
    listing_only = [p for p in stories if p["discovered_via"] == ["listing"]]
    feed_only = [p for p in stories if "listing" not in p["discovered_via"]]
    assert len(listing_only) >= 3, listing_only
    assert len(feed_only) >= 3, feed_only
    assert {tuple(p["discovered_via"]) for p in feed_only} >= {
        ("sitemap",),
        ("news_sitemap",),
        ("rss",),
        ("atom",),
    }
    for p in pages:
        assert p["discovered_via"], p["path"]
    assert by_path[paths.SALTMARSH]["discovered_via"] == ["news_sitemap"]
    disclaimers = [p for p in stories if p.get("has_disclaimer")]
    assert len(disclaimers) >= 4
    assert sum(1 for p in stories if p["paragraphs"] <= 2) == 2
    assert sorted(p["language"] for p in stories if p["language"] != "en") == ["de", "de", "fr"]
