"""Render the Harbour Wire demo site and its ground-truth manifest.

    python -m newscrawler.demo.build_site            # rewrite site/ and manifest.json
    python -m newscrawler.demo.build_site --check    # exit 1 if the stored files are stale

The output is deterministic (no clocks, no randomness), so ``site/`` and ``manifest.json`` are
committed and a test checks that they match what this module renders.  Absolute URLs are
written as ``{{BASE}}``, which the demo server replaces at serve time.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from datetime import datetime
from email.utils import format_datetime
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newscrawler.demo import stories as S
from newscrawler.demo.stories import DISCLAIMER, STORIES, Story

DEMO_DIR = Path(__file__).resolve().parent
SITE_DIR = DEMO_DIR / "site"
MANIFEST_PATH = DEMO_DIR / "manifest.json"
BASE = "{{BASE}}"
SITE_NAME = "Harbour Wire"
OFFSITE = S.OFFSITE

STORY_BY_PATH: dict[str, Story] = {s.path: s for s in STORIES}


def t(text: str) -> str:
    """Escape text for an HTML text node."""
    return escape(text, quote=False)


def a(text: str) -> str:
    """Escape text for an HTML attribute value."""
    return escape(text, quote=True)


def plain(fragment: str) -> str:
    """Visible text of a small HTML fragment, whitespace-normalised."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# ---------------------------------------------------------------------------------------------
# Listings and hubs
# ---------------------------------------------------------------------------------------------
SECTIONS = {"markets": "Markets", "technology": "Technology"}
TAG_PAGES = {
    "energy": ("Energy", [S.KESTREL, S.RHEINFELD]),
    "europe": ("Europe", [S.BERGMANN, S.RHEINFELD, S.CELERIN, S.CORVID, S.VIREO]),
    "earnings": ("Earnings", [S.TIDEWELL, S.ORRIN]),
    "healthcare": ("Healthcare", [S.LUMORA, S.LUMORA_2019]),
    "mergers": ("Mergers & Acquisitions", [S.NORTHGATE, S.CELERIN]),
}
KESTREL_TRACKED = S.KESTREL + "?utm_source=rss"

# path -> (heading, intro, cards, prev, next, extra blocks)
LISTINGS: dict[str, dict[str, Any]] = {
    "/": {
        "heading": "Latest news",
        "intro": "Press releases and business news, updated around the clock.",
        "cards": [
            S.ASHCOMBE,
            S.LUMORA,
            KESTREL_TRACKED,
            S.ORRIN,
            S.SOFT404,
            S.TIDEWELL,
            S.NORTHGATE,
            S.BERGMANN,
        ],
        "partners": [S.LUMORA_COPY],
        "next": "/page/2/",
        "feeds": True,
    },
    "/page/2/": {
        "heading": "Latest news – page 2",
        "intro": "Older press releases and business news.",
        "cards": [S.CORVID, S.EMPTY_SHELL, S.RHEINFELD, S.CELERIN, S.MARROW, S.EXPIRED],
        "prev": "/",
    },
    "/markets/": {
        "heading": "Markets",
        "intro": "Deals, earnings and company news from the world's markets.",
        "cards": [S.ASHCOMBE, S.TIDEWELL, S.NORTHGATE, S.ORRIN, S.REDIRECTED, S.PRIVATE],
        "next": "/markets/page/2/",
    },
    "/markets/page/2/": {
        "heading": "Markets – page 2",
        "intro": "More deals, earnings and company news.",
        "cards": [S.BERGMANN, S.CELERIN, S.CORVID],
        "prev": "/markets/",
    },
    "/technology/": {
        "heading": "Technology",
        "intro": "Cloud, biotech, retail technology and the companies building it.",
        "cards": [S.VIREO, S.LUMORA, S.MARROW, S.EMPTY_SHELL],
    },
}

# Discovery documents (paths of stories they list)
SITEMAP_2025 = [
    S.LUMORA,
    S.NORTHGATE,
    S.KESTREL,
    S.PALISADE,
    S.TIDEWELL,
    S.RHEINFELD,
    S.BERGMANN,
    S.ASHCOMBE,
    S.SOFT404,
    S.GONE,
]
SITEMAP_2019 = [S.LUMORA_2019]
NEWS_SITEMAP = [S.ASHCOMBE, S.LUMORA, S.ORRIN, S.KESTREL, S.TIDEWELL, S.SALTMARSH]
RSS_ITEMS = [S.LUMORA, S.QUILLFEATHER, S.ORRIN, S.KESTREL, S.NORTHGATE, S.VIREO]
RSS_LINK_OVERRIDES = {S.VIREO: S.VIREO + "?utm_source=rss&feedref=x"}
ATOM_ENTRIES = [S.TIDEWELL, S.NORTHGATE, S.BERGMANN, S.HALVORSEN]

ROBOTS_DISALLOW = ["/private/"]

ROUTES = {
    S.ASHCOMBE: {"status": 403},
    S.REDIRECTED: {"status": 302, "location": "/"},
    S.GONE: {"status": 410},
}


def card_info(href: str) -> tuple[str, str | None, str | None, str | None]:
    """(title, summary, date text, section) for a listing card."""
    path = urlsplit(href).path
    story = STORY_BY_PATH.get(path)
    if story is not None:
        date = story.listing_date or story.display_date
        return story.title, story.dek, date, SECTIONS.get(story.section)
    for page in (
        S.SOFT404_PAGE,
        S.EXPIRED_PAGE,
        S.GONE_PAGE,
        S.REDIRECT_PAGE,
        S.EMPTY_SHELL_PAGE,
        S.PRIVATE_PAGE,
    ):
        if page["path"] == path:
            title = page.get("listing_title", page["title"])
            return title, None, page.get("listing_date"), "Markets"
    raise KeyError(href)


# ---------------------------------------------------------------------------------------------
# Chrome
# ---------------------------------------------------------------------------------------------
NAV = [
    ("/", "Home"),
    ("/markets/", "Markets"),
    ("/technology/", "Technology"),
    ("/tag/energy/", "Energy"),
    ("/tag/healthcare/", "Healthcare"),
    ("/tag/europe/", "Europe"),
    ("/tag/earnings/", "Earnings"),
]


def head(
    title: str,
    *,
    lang: str = "en",
    description: str | None = None,
    canonical: str | None = None,
    extra: Iterable[str] = (),
    doc_title: str | None = None,
) -> str:
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{t(doc_title or f'{title} | {SITE_NAME}')}</title>",
    ]
    if description:
        lines.append(f'<meta name="description" content="{a(description)}">')
    if canonical:
        lines.append(f'<link rel="canonical" href="{a(canonical)}">')
    lines.append('<link rel="stylesheet" href="/static/site.css">')
    lines.extend(extra)
    lines.append(
        "<script>window.hwAnalytics = window.hwAnalytics || []; "
        "hwAnalytics.push({event: 'pageview'});</script>"
    )
    lines.append("</head>")
    return "\n".join(lines)


def site_header(active: str | None = None) -> str:
    items = []
    for href, label in NAV:
        current = ' aria-current="page"' if href == active else ""
        items.append(f'<li><a href="{href}"{current}>{t(label)}</a></li>')
    return f"""<body>
<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-consent" class="cookie-banner" role="dialog" aria-label="Cookie consent">
<p>We use cookies to keep you signed in, to understand how our site is used and to show you relevant advertising. You can change your choices at any time under Cookie settings.</p>
<button type="button" class="cookie-accept">Accept all</button>
<button type="button" class="cookie-reject">Reject non-essential</button>
<a href="javascript:void(0)" class="cookie-settings">Cookie settings</a>
</div>
<header class="site-header">
<div class="topbar"><span>Press releases and business news from around the world</span>
<a href="/feeds/latest.rss">RSS</a> <a href="mailto:newsdesk@harbourwire.example">Send us a release</a></div>
<a class="logo" href="/" aria-label="Harbour Wire home"><span class="logo-mark">HW</span> <span class="logo-text">Harbour Wire</span></a>
<nav class="main-nav" aria-label="Sections">
<ul>
{chr(10).join(items)}
</ul>
</nav>
<form class="site-search" role="search" action="https://example.org/search" method="get">
<label for="q">Search</label> <input id="q" name="q" type="search" placeholder="Search releases">
<button type="submit">Go</button>
</form>
</header>"""


def newsletter() -> str:
    return """<aside class="newsletter" aria-label="Newsletter sign-up">
<h3>The Morning Manifest</h3>
<p>Get the day's most important press releases and market news in your inbox before the opening bell.</p>
<form action="https://example.org/newsletter" method="post">
<label for="nl-email">Email address</label> <input id="nl-email" name="email" type="email" placeholder="you@example.com">
<button type="submit">Sign up</button>
</form>
<p class="small">By signing up you agree to our terms and privacy policy. Unsubscribe at any time.</p>
</aside>"""


def share_bar(path: str, title: str) -> str:
    url = f"{BASE}{path}"
    return f"""<div class="share-bar" aria-label="Share this story">
<span class="share-label">Share this story</span>
<a class="share-x" href="https://social.example/share?url={a(url)}">Post</a>
<a class="share-linkedin" href="https://network.example/shareArticle?url={a(url)}">LinkedIn</a>
<a class="share-email" href="mailto:?subject={a(title)}">Email</a>
<button type="button" class="share-copy">Copy link</button>
</div>"""


def related_block(paths: list[str]) -> str:
    if not paths:
        return ""
    items = "\n".join(f'<li><a href="{p}">{t(STORY_BY_PATH[p].title)}</a></li>' for p in paths)
    return f"""<section class="related" aria-label="Related stories">
<h2>Related stories</h2>
<ul>
{items}
</ul>
</section>"""


def comments_block(comments: list[tuple[str, str, str, str]] | None, lang: str) -> str:
    if comments is None:
        return ""
    heading = {"de": "Kommentare", "fr": "Commentaires"}.get(lang, "Comments")
    if not comments:
        body = '<p class="no-comments">Be the first to comment on this story.</p>'
    else:
        items = []
        for name, dt, shown, text in comments:
            items.append(
                '<li class="comment">\n'
                f'<p class="comment-meta"><span class="comment-author">{t(name)}</span> '
                f'<time datetime="{dt}">{t(shown)}</time></p>\n'
                f'<p class="comment-body">{t(text)}</p>\n'
                '<a class="comment-reply" href="#comment-form">Reply</a>\n'
                "</li>"
            )
        body = '<ol class="comment-list">\n' + "\n".join(items) + "\n</ol>"
    return f"""<section id="comments" class="comments">
<h2>{heading} ({len(comments)})</h2>
{body}
<form id="comment-form" class="comment-form" action="https://example.org/comments" method="post">
<label for="comment-text">Join the discussion</label>
<textarea id="comment-text" name="comment" rows="3"></textarea>
<button type="submit">Post comment</button>
</form>
</section>"""


def footer() -> str:
    sections = "\n".join(f'<li><a href="{h}">{t(label)}</a></li>' for h, label in NAV[1:])
    tags = "\n".join(
        f'<li><a href="/tag/{slug}/">{t(label)}</a></li>'
        for slug, (label, _) in TAG_PAGES.items()
        if f"/tag/{slug}/" not in dict(NAV)
    )
    authors = "\n".join(
        f'<li><a href="/author/{slug}/">{t(name)}</a></li>' for slug, (name, _) in S.AUTHORS.items()
    )
    return f"""<footer class="site-footer">
<div class="footer-columns">
<div class="footer-col">
<h4>Sections</h4>
<ul>
{sections}
{tags}
</ul>
</div>
<div class="footer-col">
<h4>Our reporters</h4>
<ul>
{authors}
</ul>
</div>
<div class="footer-col">
<h4>Feeds &amp; data</h4>
<ul>
<li><a href="/feeds/latest.rss">Latest news (RSS)</a></li>
<li><a href="/feeds/markets.atom">Markets (Atom)</a></li>
<li><a href="/sitemap_index.xml">Sitemap</a></li>
</ul>
</div>
<div class="footer-col">
<h4>Harbour Wire</h4>
<ul>
<li><a href="https://example.org/harbour-wire/about">About us</a></li>
<li><a href="https://example.org/harbour-wire/careers">Careers</a></li>
<li><a href="https://example.org/harbour-wire/advertise">Advertise</a></li>
<li><a href="https://example.org/harbour-wire/terms">Terms of use</a></li>
<li><a href="https://example.org/harbour-wire/privacy">Privacy policy</a></li>
<li><a href="javascript:void(0)" class="cookie-settings">Cookie settings</a></li>
<li><a href="mailto:newsdesk@harbourwire.example">Contact the newsdesk</a></li>
</ul>
</div>
</div>
<p class="copyright">&copy; 2025 Harbour Wire Ltd. All rights reserved. Harbour Wire is a fictional news service; every company, person and event on this site is invented.</p>
<a class="back-to-top" href="#main">Back to top</a>
</footer>
</body>
</html>
"""


# ---------------------------------------------------------------------------------------------
# Story metadata
# ---------------------------------------------------------------------------------------------
def jsonld(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def story_url(story: Story) -> str:
    return f"{BASE}{story.path}"


def person(name: str) -> dict[str, str]:
    slug = author_slug(name)
    return {"@type": "Person", "name": name, "url": f"{BASE}/author/{slug}/"}


def author_slug(name: str) -> str:
    for slug, (full, _) in S.AUTHORS.items():
        if full == name:
            return slug
    raise KeyError(name)


PUBLISHER = {
    "@type": "Organization",
    "name": SITE_NAME,
    "url": f"{BASE}/",
}


def story_head_extra(story: Story) -> list[str]:
    out: list[str] = []
    og_title = story.title
    og = [
        f'<meta property="og:title" content="{a(og_title)}">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{a(story_url(story))}">',
    ]
    if story.dek:
        og.append(f'<meta property="og:description" content="{a(story.dek)}">')
    if story.meta == "og":
        og.append(f'<meta property="article:published_time" content="{story.published}">')
        if story.modified:
            og.append(f'<meta property="article:modified_time" content="{story.modified}">')
        og.append(
            f'<meta property="article:section" content="{SECTIONS.get(story.section, "News")}">'
        )
    if story.meta == "meta_date":
        out.append(f'<meta name="date" content="{story.published}">')
    out.extend(og)
    out.append('<meta name="twitter:card" content="summary_large_image">')
    if story.authors and story.meta not in ("jsonld", "jsonld_graph", "jsonld_authors"):
        out.append(f'<meta name="author" content="{a(", ".join(story.authors))}">')

    article: dict[str, Any]
    if story.meta == "jsonld":
        article = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "description": story.dek or story.title,
            "datePublished": story.published,
        }
        if story.modified:
            article["dateModified"] = story.modified
        article["inLanguage"] = story.lang
        article["mainEntityOfPage"] = {"@type": "WebPage", "@id": story_url(story)}
        if story.authors:
            article["author"] = person(story.authors[0])
        article["publisher"] = PUBLISHER
        out.append(jsonld(article))
        out.append(
            jsonld(
                {
                    "@context": "https://schema.org",
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{BASE}/"},
                        {
                            "@type": "ListItem",
                            "position": 2,
                            "name": SECTIONS.get(story.section, "News"),
                            "item": f"{BASE}/{story.section}/",
                        },
                    ],
                }
            )
        )
    elif story.meta == "jsonld_graph":
        page_id = story_url(story)
        out.append(
            jsonld(
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        {
                            "@type": "Organization",
                            "@id": f"{BASE}/#organization",
                            "name": SITE_NAME,
                            "url": f"{BASE}/",
                        },
                        {
                            "@type": "WebSite",
                            "@id": f"{BASE}/#website",
                            "url": f"{BASE}/",
                            "name": SITE_NAME,
                            "publisher": {"@id": f"{BASE}/#organization"},
                        },
                        {
                            "@type": "WebPage",
                            "@id": page_id,
                            "url": page_id,
                            "name": f"{story.title} | {SITE_NAME}",
                            "isPartOf": {"@id": f"{BASE}/#website"},
                        },
                        {
                            "@type": "NewsArticle",
                            "@id": f"{page_id}#article",
                            "isPartOf": {"@id": page_id},
                            "mainEntityOfPage": {"@id": page_id},
                            "headline": story.title,
                            "description": story.dek,
                            "datePublished": story.published,
                            "dateModified": story.modified,
                            "author": person(story.authors[0]),
                            "publisher": {"@id": f"{BASE}/#organization"},
                            "articleSection": SECTIONS.get(story.section),
                            "inLanguage": story.lang,
                        },
                    ],
                }
            )
        )
    elif story.meta == "jsonld_authors":
        article = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": story.title,
            "description": story.dek,
            "datePublished": story.published,
            "author": [person(n) for n in story.authors],
            "publisher": PUBLISHER,
            "mainEntityOfPage": story_url(story),
            "inLanguage": story.lang,
        }
        out.append(jsonld(article))
    elif story.meta == "jsonld_gnw":
        out.append(
            jsonld(
                {
                    "@context": "https://schema.org",
                    "@type": "NewsArticle",
                    "Headline": story.title,
                    "DatePublished": story.published_raw,
                    "Publisher": {"@type": "Organization", "Name": SITE_NAME},
                    "SourceOrganization": [{"@type": "Organization", "Name": story.source}],
                    "Keywords": ["Copper", "Gold", "Exploration", "British Columbia"],
                }
            )
        )
    return out


def canonical_href(story: Story) -> str | None:
    if story.canonical is None:
        return None
    if story.canonical == "self":
        return story_url(story)
    return story_url(story) + story.canonical


# ---------------------------------------------------------------------------------------------
# Story bodies
# ---------------------------------------------------------------------------------------------
def body_blocks(blocks: list[Any], *, p_class: str = "") -> list[str]:
    out: list[str] = []
    cls = f' class="{p_class}"' if p_class else ""
    for block in blocks:
        if isinstance(block, str):
            out.append(f"<p{cls}>{t(block)}</p>")
        elif block[0] == "h2":
            out.append(f"<h2>{t(block[1])}</h2>")
        elif block[0] == "ul":
            items = "\n".join(f"<li>{t(item)}</li>" for item in block[1])
            out.append(f"<ul>\n{items}\n</ul>")
        elif block[0] == "ad":
            out.append(
                '<div class="ad-slot" aria-hidden="true"><span>Advertisement</span>'
                '<div class="ad-placeholder">Your ad could be here. Reach 2 million business '
                "readers a month.</div></div>"
            )
        elif block[0] == "figure":
            out.append(
                '<figure class="lead-image"><div class="image-placeholder" role="img" '
                f'aria-label="{a(block[1])}"></div><figcaption>{t(block[1])}</figcaption>'
                "</figure>"
            )
        else:  # pragma: no cover - data error
            raise ValueError(block)
    return out


def tail_blocks(story: Story) -> list[str]:
    out: list[str] = []
    if story.about:
        out.append(f'<h3 class="about-heading">{t(story.about[0])}</h3>')
        out.append(f'<p class="about">{t(story.about[1])}</p>')
    if story.contacts:
        lines = "<br>\n".join(t(c) for c in story.contacts)
        out.append(f'<p class="contacts">{lines}</p>')
    if story.end_marker:
        out.append('<p class="end-marker">###</p>')
    if story.disclaimer:
        out.append(f'<p class="disclaimer">{t(DISCLAIMER)}</p>')
    return out


def date_line(story: Story) -> str:
    """Visible date markup (depends on the metadata style under test)."""
    if story.meta in ("none", "meta_date"):
        return ""
    if story.meta == "visible":
        return f'<p class="release-date">{t(story.display_date or "")}</p>'
    if story.meta == "jsonld_gnw":
        return ""  # the dateline is the only visible date
    if story.meta == "time" or story.meta.startswith("jsonld"):
        raw = story.published_raw or story.published
        return (
            f'<p class="release-date"><time datetime="{raw}">{t(story.display_date or "")}'
            "</time></p>"
        )
    # og: visible text only
    return f'<p class="release-date">{t(story.display_date or "")}</p>'


def byline(story: Story) -> str:
    if not story.authors:
        return ""
    links = [f'<a rel="author" href="/author/{author_slug(n)}/">{t(n)}</a>' for n in story.authors]
    who = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    by = {"de": "Von", "fr": "Par"}.get(story.lang, "By")
    return f'<p class="byline">{by} {who}<span class="byline-org">, Harbour Wire</span></p>'


def tag_links(story: Story) -> str:
    tags = [tg for tg in story.tags if tg in TAG_PAGES]
    if not tags:
        return ""
    links = " ".join(f'<a href="/tag/{tg}/">{t(TAG_PAGES[tg][0])}</a>' for tg in tags)
    return f'<p class="tags">Topics: {links}</p>'


def render_release(story: Story) -> str:
    parts = [
        '<main id="main" class="release-page">',
        '<article class="news-release">',
        '<header class="release-header">',
    ]
    if story.source:
        parts.append(
            f'<p class="release-source">News provided by <strong>{t(story.source)}</strong></p>'
        )
    parts.append(f"<h1>{t(story.title)}</h1>")
    if story.dek:
        parts.append(f'<h2 class="subtitle">{t(story.dek)}</h2>')
    parts.append(date_line(story))
    parts.append(share_bar(story.path, story.title))
    parts.append("</header>")
    parts.append('<section class="release-body" itemprop="articleBody">')
    parts.extend(body_blocks(story.body))
    parts.extend(tail_blocks(story))
    parts.append("</section>")
    parts.append(tag_links(story))
    parts.append("</article>")
    parts.append(related_block(story.related))
    parts.append(comments_block(story.comments, story.lang))
    parts.append(newsletter())
    parts.append("</main>")
    return "\n".join(p for p in parts if p)


def render_article(story: Story) -> str:
    section_label = SECTIONS.get(story.section, "News")
    parts = [
        '<main id="main" class="layout-two-col">',
        '<article class="story">',
        '<div class="story-header">',
        f'<a class="section-label" href="/{story.section}/">{t(section_label)}</a>',
        f'<h1 class="headline">{t(story.title)}</h1>',
    ]
    if story.dek:
        parts.append(f'<p class="dek">{t(story.dek)}</p>')
    parts.append(byline(story))
    parts.append(date_line(story))
    parts.append("</div>")
    parts.append(share_bar(story.path, story.title))
    parts.append('<div class="story-body">')
    parts.extend(body_blocks(story.body, p_class="story-text"))
    parts.extend(tail_blocks(story))
    parts.append("</div>")
    parts.append(tag_links(story))
    parts.append("</article>")
    parts.append('<aside class="sidebar">')
    parts.append(newsletter())
    parts.append(related_block(story.related))
    parts.append("</aside>")
    parts.append(comments_block(story.comments, story.lang))
    parts.append("</main>")
    return "\n".join(p for p in parts if p)


def render_divs(story: Story) -> str:
    parts = [
        '<div id="main" class="page-content">',
        '<div class="post">',
        f'<div class="post-title"><h1>{t(story.title)}</h1></div>',
    ]
    if story.dek:
        parts.append(f'<div class="post-subtitle">{t(story.dek)}</div>')
    meta = []
    if story.source:
        meta.append(f'<span class="post-source">{t(story.source)}</span>')
    dl = date_line(story)
    if dl:
        meta.append(
            dl.replace('<p class="release-date">', '<span class="post-date">').replace(
                "</p>", "</span>"
            )
        )
    parts.append(f'<div class="post-meta">{" | ".join(meta)}</div>')
    parts.append(share_bar(story.path, story.title))
    parts.append('<div class="entry-content">')
    parts.extend(body_blocks(story.body))
    parts.append("</div>")
    tail = tail_blocks(story)
    if tail:
        parts.append('<div class="post-footer">')
        parts.extend(tail)
        parts.append("</div>")
    parts.append(tag_links(story))
    parts.append("</div>")
    parts.append(related_block(story.related))
    parts.append(newsletter())
    parts.append("</div>")
    return "\n".join(p for p in parts if p)


def render_gnw(story: Story) -> str:
    parts = [
        '<main id="main" class="main-container">',
        '<div class="article-header">',
        f'<h1 class="article-headline">{t(story.title)}</h1>',
    ]
    if story.dek:
        parts.append(f'<h2 class="article-subheadline">{t(story.dek)}</h2>')
    parts.append("</div>")
    parts.append(
        f'<div class="article-published-source"><span class="source">Source: '
        f"{t(story.source or '')}</span></div>"
    )
    parts.append(share_bar(story.path, story.title))
    parts.append(
        '<div class="main-body-container article-body" id="main-body-container" '
        'itemprop="articleBody">'
    )
    parts.extend(body_blocks(story.body))
    parts.extend(tail_blocks(story))
    parts.append("</div>")
    parts.append(
        '<div class="attachments"><h3>Attachments</h3><ul><li>Cold Creek drill plan map (PDF, '
        "not available in this demo)</li></ul></div>"
    )
    parts.append(related_block(story.related))
    parts.append(newsletter())
    parts.append("</main>")
    return "\n".join(p for p in parts if p)


ASHCOMBE_ID = "HARBOUR20250428000123ID1109482139"


def render_menafn(story: Story) -> str:
    paras = [b for b in story.body if isinstance(b, str)]
    repeated = paras + paras[1:]  # p1 p2 p3 p4 p2 p3 p4
    parts = [
        '<main id="main" class="mnf-page">',
        '<div class="alert alert-danger error-banner" role="alert">',
        "<h2>Sorry!! Error!</h2>",
        "<p>We're sorry, but the page you were looking for doesn't exist.</p>",
        "</div>",
        '<div class="mnf-article">',
        f'<h1 class="mnf-title">{t(story.title)}</h1>',
        (
            f'<div class="mnf-meta"><span class="mnf-source">({t(story.source or "")})</span> '
            f'<span class="mnf-date">{t(story.display_date or "")}</span></div>'
        ),
        share_bar(story.path, story.title),
        '<div class="article-content" id="article-content">',
        f'<p class="mnf-id">{ASHCOMBE_ID}</p>',
    ]
    parts.extend(f"<p>{t(p)}</p>" for p in repeated)
    parts.append(f'<p class="mnf-id">{ASHCOMBE_ID}</p>')
    parts.append(f'<p class="disclaimer">{t(DISCLAIMER)}</p>')
    parts.append("</div>")
    parts.append(
        '<div class="mnf-comments"><h3>Comments</h3><p class="mnf-no-comment">No comment</p></div>'
    )
    parts.append("</div>")
    parts.append(newsletter())
    parts.append("</main>")
    return "\n".join(parts)


RENDERERS = {
    "release": render_release,
    "article": render_article,
    "divs": render_divs,
    "gnw": render_gnw,
    "menafn": render_menafn,
}


def render_story(story: Story) -> str:
    doc = head(
        story.title,
        lang=story.lang,
        description=story.dek or story.title,
        canonical=canonical_href(story),
        extra=story_head_extra(story),
    )
    active = f"/{story.section}/"
    return "\n".join([doc, site_header(active), RENDERERS[story.template](story), footer()])


# ---------------------------------------------------------------------------------------------
# Non-story pages
# ---------------------------------------------------------------------------------------------
def simple_page(path: str, title: str, main_html: str, *, doc_title: str | None = None) -> str:
    return "\n".join(
        [
            head(title, canonical=f"{BASE}{path}", doc_title=doc_title),
            site_header(),
            main_html,
            footer(),
        ]
    )


def render_soft404() -> str:
    main = """<main id="main" class="error-page">
<div class="error-template">
<h1>Page not found</h1>
<p>Sorry, the page you requested could not be found.</p>
<p>It may have been moved or deleted, or the address may have been typed incorrectly. Try the <a href="/">home page</a> or browse the latest <a href="/markets/">market news</a>.</p>
<p class="error-code">Error code: 404</p>
</div>
</main>"""
    return "\n".join(
        [
            head("Page not found", doc_title=f"Page not found | {SITE_NAME}"),
            site_header(),
            main,
            footer(),
        ]
    )


def render_expired() -> str:
    page = S.EXPIRED_PAGE
    main = """<main id="main" class="expired-page">
<article class="story story-expired">
<h1>This story is no longer available</h1>
<p>This story is no longer available. Harbour Wire distributes some releases under licences that expire after a set period, after which they are removed from our site.</p>
<p>Looking for something else? See the <a href="/">latest news</a> or our <a href="/markets/">Markets</a> section.</p>
</article>
</main>"""
    return simple_page(page["path"], page["title"], main)


def render_gone() -> str:
    page = S.GONE_PAGE
    main = """<main id="main" class="gone-page">
<h1>Story removed</h1>
<p>This story has been permanently removed at the request of the issuer.</p>
<p><a href="/">Return to the home page</a></p>
</main>"""
    return simple_page(page["path"], page["title"], main)


def render_empty_shell() -> str:
    page = S.EMPTY_SHELL_PAGE
    title = page["title"]
    main = f"""<main id="main" class="layout-two-col">
<article class="story">
<div class="story-header">
<a class="section-label" href="/markets/">Markets</a>
<h1 class="headline">{t(title)}</h1>
</div>
{share_bar(page["path"], title)}
<div class="story-body">
</div>
</article>
<aside class="sidebar">
{newsletter()}
</aside>
</main>"""
    extra = [
        f'<meta property="og:title" content="{a(title)}">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        '<meta property="og:type" content="article">',
    ]
    return "\n".join(
        [
            head(title, canonical=f"{BASE}{page['path']}", extra=extra),
            site_header("/markets/"),
            main,
            footer(),
        ]
    )


def render_private() -> str:
    page = S.PRIVATE_PAGE
    main = f"""<main id="main" class="release-page">
<article class="news-release">
<h1>{t(page["title"])}</h1>
<p>AUSTIN, Texas /Harbour Wire/ -- EMBARGOED UNTIL RELEASE. This subscriber preview must never be fetched by a crawler that honours robots.txt.</p>
<p>Kestrel Grid Storage will report first-quarter revenue and project milestones to subscribers ahead of the public release.</p>
</article>
</main>"""
    return simple_page(page["path"], page["title"], main)


def render_listing(path: str, spec: dict[str, Any]) -> str:
    cards = []
    for href in spec["cards"]:
        title, summary, date, section = card_info(href)
        lines = ['<li class="story-card">']
        if section:
            lines.append(f'<span class="card-section">{t(section)}</span>')
        lines.append(f'<h2 class="card-title"><a href="{a(href)}">{t(title)}</a></h2>')
        if summary:
            lines.append(f'<p class="card-summary">{t(summary)}</p>')
        if date:
            lines.append(f'<p class="card-date">{t(date)}</p>')
        lines.append("</li>")
        cards.append("\n".join(lines))
    pager = []
    if spec.get("prev"):
        pager.append(f'<a rel="prev" href="{spec["prev"]}">Newer stories</a>')
    if spec.get("next"):
        pager.append(f'<a rel="next" href="{spec["next"]}">Older stories</a>')
    extra_head = []
    if spec.get("prev"):
        extra_head.append(f'<link rel="prev" href="{spec["prev"]}">')
    if spec.get("next"):
        extra_head.append(f'<link rel="next" href="{spec["next"]}">')
    if spec.get("feeds"):
        extra_head.append(
            '<link rel="alternate" type="application/rss+xml" title="Harbour Wire – latest '
            f'news" href="{BASE}/feeds/latest.rss">'
        )
        extra_head.append(
            '<link rel="alternate" type="application/atom+xml" title="Harbour Wire – markets" '
            f'href="{BASE}/feeds/markets.atom">'
        )
    extra_head.append(f'<meta property="og:site_name" content="{SITE_NAME}">')
    extra_head.append('<meta property="og:type" content="website">')
    partners = ""
    if spec.get("partners"):
        items = "\n".join(
            f'<li><a href="{p}">{t(STORY_BY_PATH[p].title)}</a> '
            '<span class="partner-name">Coastal Ledger</span></li>'
            for p in spec["partners"]
        )
        partners = f"""<section class="partner-stories">
<h2>From our partners</h2>
<ul>
{items}
</ul>
</section>"""
    main = f"""<main id="main" class="listing">
<h1>{t(spec["heading"])}</h1>
<p class="listing-intro">{t(spec["intro"])}</p>
<ul class="story-list">
{chr(10).join(cards)}
</ul>
<nav class="pagination" aria-label="Pagination">{" ".join(pager)}</nav>
{partners}
<aside class="around-the-web">
<h2>Around the web</h2>
<ul>
<li><a href="{OFFSITE}">Port authorities weigh new shore-power rules (example.org)</a></li>
</ul>
</aside>
{newsletter()}
</main>"""
    doc_title = (
        f"{SITE_NAME} – press releases and business news"
        if path == "/"
        else f"{spec['heading']} | {SITE_NAME}"
    )
    return "\n".join(
        [
            head(
                spec["heading"],
                description=spec["intro"],
                canonical=f"{BASE}{path}",
                extra=extra_head,
                doc_title=doc_title,
            ),
            site_header(path if path in dict(NAV) else None),
            main.replace("\n\n", "\n"),
            footer(),
        ]
    )


def render_hub(path: str, heading: str, intro: str, links: list[str]) -> str:
    items = "\n".join(f'<li><a href="{p}">{t(card_info(p)[0])}</a></li>' for p in links)
    main = f"""<main id="main" class="hub">
<h1>{t(heading)}</h1>
<p class="hub-intro">{t(intro)}</p>
<ul class="hub-links">
{items}
</ul>
{newsletter()}
</main>"""
    return "\n".join(
        [
            head(heading, description=intro, canonical=f"{BASE}{path}"),
            site_header(path if path in dict(NAV) else None),
            main,
            footer(),
        ]
    )


def author_pages() -> dict[str, tuple[str, str, list[str]]]:
    pages: dict[str, tuple[str, str, list[str]]] = {}
    for slug, (name, bio) in S.AUTHORS.items():
        links = [s.path for s in STORIES if name in s.authors]
        pages[f"/author/{slug}/"] = (name, bio, links)
    return pages


def tag_pages() -> dict[str, tuple[str, str, list[str]]]:
    return {
        f"/tag/{slug}/": (label, f"Stories tagged {label}.", links)
        for slug, (label, links) in TAG_PAGES.items()
    }


# ---------------------------------------------------------------------------------------------
# Discovery documents
# ---------------------------------------------------------------------------------------------
def xml_escape(text: str) -> str:
    return escape(text, quote=False)


def lastmod_for(path: str) -> str:
    story = STORY_BY_PATH.get(path)
    if story is not None:
        return story.modified or story.published or ""
    if path == S.GONE:
        return S.GONE_PAGE["lastmod"]
    if path == S.SOFT404:
        return "2025-04-22T08:00:00+00:00"
    raise KeyError(path)


def render_urlset(paths: list[str]) -> str:
    urls = "\n".join(
        f"  <url>\n    <loc>{BASE}{p}</loc>\n    <lastmod>{lastmod_for(p)}</lastmod>\n  </url>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}\n</urlset>\n"
    )


def render_sitemap_index() -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap>
    <loc>{BASE}/sitemaps/stories-2025.xml.gz</loc>
    <lastmod>2025-04-28T07:15:22-04:00</lastmod>
  </sitemap>
  <sitemap>
    <loc>{BASE}/sitemaps/stories-2019.xml</loc>
    <lastmod>2019-06-11</lastmod>
  </sitemap>
</sitemapindex>
"""


def render_news_sitemap() -> str:
    entries = []
    for p in NEWS_SITEMAP:
        story = STORY_BY_PATH[p]
        entries.append(
            f"""  <url>
    <loc>{BASE}{p}</loc>
    <news:news>
      <news:publication>
        <news:name>{SITE_NAME}</news:name>
        <news:language>{story.lang}</news:language>
      </news:publication>
      <news:publication_date>{story.published}</news:publication_date>
      <news:title>{xml_escape(story.title)}</news:title>
    </news:news>
  </url>"""
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\n'
        '        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )


def rfc822(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso))


def render_rss() -> str:
    items = []
    for p in RSS_ITEMS:
        story = STORY_BY_PATH[p]
        link = f"{BASE}{RSS_LINK_OVERRIDES.get(p, p)}"
        author = ""
        if story.authors:
            author = f"\n      <dc:creator>{xml_escape(', '.join(story.authors))}</dc:creator>"
        items.append(
            f"""    <item>
      <title>{xml_escape(story.title)}</title>
      <link>{xml_escape(link)}</link>
      <description>{xml_escape(story.dek or story.title)}</description>
      <pubDate>{rfc822(story.published or "")}</pubDate>
      <guid isPermaLink="false">harbourwire:{p.rsplit("/", 1)[-1].removesuffix(".html")}</guid>
      <category>{SECTIONS.get(story.section, "News")}</category>{author}
    </item>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbour Wire – Latest news</title>
    <link>{BASE}/</link>
    <description>The latest press releases and business news from Harbour Wire.</description>
    <language>en</language>
    <lastBuildDate>Fri, 25 Apr 2025 16:00:00 -0400</lastBuildDate>
    <atom:link href="{BASE}/feeds/latest.rss" rel="self" type="application/rss+xml"/>
{chr(10).join(items)}
  </channel>
</rss>
"""


def render_atom() -> str:
    entries = []
    for p in ATOM_ENTRIES:
        story = STORY_BY_PATH[p]
        published = story.published_raw or story.published
        updated = story.modified or published
        author = story.authors[0] if story.authors else (story.source or SITE_NAME)
        entries.append(
            f"""  <entry>
    <title>{xml_escape(story.title)}</title>
    <link rel="alternate" type="text/html" href="{BASE}{p}"/>
    <id>tag:harbourwire.example,2025:{p}</id>
    <published>{published}</published>
    <updated>{updated}</updated>
    <author><name>{xml_escape(author)}</name></author>
    <summary>{xml_escape(story.dek or story.title)}</summary>
  </entry>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Harbour Wire – Markets</title>
  <subtitle>Deals, earnings and company news.</subtitle>
  <link rel="self" type="application/atom+xml" href="{BASE}/feeds/markets.atom"/>
  <link rel="alternate" type="text/html" href="{BASE}/markets/"/>
  <id>tag:harbourwire.example,2025:/feeds/markets.atom</id>
  <updated>2025-04-22T18:40:00-05:00</updated>
{chr(10).join(entries)}
</feed>
"""


def render_robots() -> str:
    disallow = "\n".join(f"Disallow: {p}" for p in ROBOTS_DISALLOW)
    return f"""# Harbour Wire robots.txt
User-agent: *
{disallow}

Sitemap: {BASE}/sitemap_index.xml
Sitemap: {BASE}/news-sitemap.xml
"""


CSS = """/* Harbour Wire demo stylesheet */
body { font-family: Georgia, serif; margin: 0 auto; max-width: 62rem; padding: 0 1rem; color: #1b1f24; }
a { color: #0b4f8a; }
.skip-link { position: absolute; left: -999px; }
.cookie-banner { background: #f3efe6; border: 1px solid #d8cfb9; padding: .5rem 1rem; font-size: .85rem; }
.site-header { border-bottom: 3px solid #0b4f8a; padding: .5rem 0; }
.topbar { font-size: .8rem; color: #555; }
.logo { font-size: 1.8rem; font-weight: bold; text-decoration: none; }
.logo-mark { background: #0b4f8a; color: #fff; padding: 0 .3rem; }
.main-nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; }
.share-bar { font-size: .85rem; margin: .5rem 0; display: flex; gap: .6rem; }
.layout-two-col { display: grid; grid-template-columns: 3fr 1fr; gap: 2rem; }
.comments { grid-column: 1 / -1; }
.dek, .subtitle, .post-subtitle, .article-subheadline { color: #444; font-weight: normal; }
.ad-slot { background: #eee; font-size: .75rem; padding: 1rem; margin: 1rem 0; }
.newsletter { background: #eef4fa; padding: 1rem; margin: 1rem 0; }
.related, .partner-stories, .around-the-web { border-top: 1px solid #ccc; margin-top: 1rem; }
.error-banner { background: #f8d7da; padding: .5rem 1rem; }
.site-footer { border-top: 1px solid #ccc; margin-top: 2rem; font-size: .85rem; }
.footer-columns { display: flex; gap: 2rem; flex-wrap: wrap; }
.image-placeholder { background: #c9d6e3; height: 12rem; }
"""


# ---------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------
def site_files() -> dict[str, str]:
    """Relative file path -> content."""
    files: dict[str, str] = {}

    def put_page(path: str, html_text: str) -> None:
        rel = path.lstrip("/")
        if not rel or rel.endswith("/"):
            rel += "index.html"
        files[rel] = html_text

    for story in STORIES:
        put_page(story.path, render_story(story))
    put_page(S.SOFT404, render_soft404())
    put_page(S.EXPIRED, render_expired())
    put_page(S.GONE, render_gone())
    put_page(S.EMPTY_SHELL, render_empty_shell())
    put_page(S.PRIVATE, render_private())
    for path, spec in LISTINGS.items():
        put_page(path, render_listing(path, spec))
    for path, (heading, intro, links) in {**tag_pages(), **author_pages()}.items():
        put_page(path, render_hub(path, heading, intro, links))

    files["robots.txt"] = render_robots()
    files["sitemap_index.xml"] = render_sitemap_index()
    files["sitemaps/stories-2025.xml"] = render_urlset(SITEMAP_2025)
    files["sitemaps/stories-2019.xml"] = render_urlset(SITEMAP_2019)
    files["news-sitemap.xml"] = render_news_sitemap()
    files["feeds/latest.rss"] = render_rss()
    files["feeds/markets.atom"] = render_atom()
    files["static/site.css"] = CSS
    files["_routes.json"] = json.dumps(ROUTES, indent=2, sort_keys=True) + "\n"
    return files


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
    parser = _LinkCollector()
    parser.feed(html_text)
    parser.close()
    return parser.links


def page_status(path: str) -> int:
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
            if any(target.startswith(p) for p in ROBOTS_DISALLOW):
                continue  # linked, but never fetched
            if page_status(target) in (301, 302):
                target = ROUTES[target]["location"]
            queue.append(target)
    return seen


def html_pages(files: dict[str, str]) -> dict[str, str]:
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
    paras = [b for b in story.body if isinstance(b, str)]
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
        other_entry(S.SOFT404, "soft404", "Page not found", discovered(S.SOFT404), canonical=None)
    )
    entries.append(
        other_entry(
            S.EXPIRED,
            "expired",
            S.EXPIRED_PAGE["title"],
            discovered(S.EXPIRED),
            canonical=S.EXPIRED,
        )
    )
    entries.append(
        other_entry(
            S.GONE, "gone", S.GONE_PAGE["title"], discovered(S.GONE), status=410, canonical=S.GONE
        )
    )
    entries.append(
        other_entry(
            S.REDIRECTED,
            "redirect_home",
            None,
            discovered(S.REDIRECTED),
            status=302,
            language=None,
        )
        | {"location": "/"}
    )
    entries.append(
        other_entry(
            S.EMPTY_SHELL,
            "empty_shell",
            S.EMPTY_SHELL_PAGE["title"],
            discovered(S.EMPTY_SHELL),
            canonical=S.EMPTY_SHELL,
        )
    )
    entries.append(
        other_entry(
            S.PRIVATE,
            "disallowed",
            S.PRIVATE_PAGE["title"],
            discovered(S.PRIVATE),
            canonical=S.PRIVATE,
        )
    )
    for path, spec in LISTINGS.items():
        entries.append(
            other_entry(path, "listing", spec["heading"], discovered(path), canonical=path)
        )
    for path, (heading, _, _) in {**tag_pages(), **author_pages()}.items():
        entries.append(other_entry(path, "hub", heading, discovered(path), canonical=path))

    aliases = {
        S.KESTREL: [KESTREL_TRACKED],
        S.VIREO: [RSS_LINK_OVERRIDES[S.VIREO], S.VIREO + "?utm_source=feed"],
    }
    for entry in entries:
        entry["aliases"] = aliases.get(entry["path"], [])

    return {
        "site": SITE_NAME,
        "description": (
            "Ground truth for the offline demo site in newscrawler/demo/site, generated by "
            "newscrawler/demo/build_site.py. Paths are root-relative; the server substitutes "
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
        "offsite_links": [OFFSITE],
        "legal_disclaimer": DISCLAIMER,
        "discovery": {
            "robots": "/robots.txt",
            "sitemap_index": "/sitemap_index.xml",
            "sitemaps": {
                "/sitemaps/stories-2025.xml.gz": SITEMAP_2025,
                "/sitemaps/stories-2019.xml": SITEMAP_2019,
            },
            "news_sitemap": {"/news-sitemap.xml": NEWS_SITEMAP},
            "rss": {"/feeds/latest.rss": [RSS_LINK_OVERRIDES.get(p, p) for p in RSS_ITEMS]},
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
    assert by_path[S.SALTMARSH]["discovered_via"] == ["news_sitemap"]
    disclaimers = [p for p in stories if p.get("has_disclaimer")]
    assert len(disclaimers) >= 4
    assert sum(1 for p in stories if p["paragraphs"] <= 2) == 2
    assert sorted(p["language"] for p in stories if p["language"] != "en") == ["de", "de", "fr"]


def write_all(files: dict[str, str], manifest: dict[str, Any]) -> None:
    if SITE_DIR.exists():
        for old in sorted(SITE_DIR.rglob("*"), reverse=True):
            if old.is_file():
                old.unlink()
            elif old.is_dir():
                old.rmdir()
    for rel, text in sorted(files.items()):
        target = SITE_DIR / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    MANIFEST_PATH.write_text(manifest_text(manifest), encoding="utf-8", newline="\n")


def manifest_text(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"


def stale_files(files: dict[str, str], manifest: dict[str, Any]) -> list[str]:
    """Relative paths whose stored content differs from the rendering (or that are extra)."""
    stale = []
    for rel, text in files.items():
        target = SITE_DIR / rel
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            stale.append(rel)
    stored = (
        {p.relative_to(SITE_DIR).as_posix() for p in SITE_DIR.rglob("*") if p.is_file()}
        if SITE_DIR.exists()
        else set()
    )
    stale.extend(sorted(stored - set(files)))
    if not MANIFEST_PATH.is_file() or MANIFEST_PATH.read_text(encoding="utf-8") != manifest_text(
        manifest
    ):
        stale.append("../manifest.json")
    return stale


def build() -> tuple[dict[str, str], dict[str, Any]]:
    files = site_files()
    manifest = build_manifest(files)
    check_invariants(manifest)
    return files, manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawler.demo.build_site")
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    files, manifest = build()
    if args.check:
        stale = stale_files(files, manifest)
        for rel in stale:
            print(f"stale: {rel}")
        return 1 if stale else 0
    write_all(files, manifest)
    print(f"wrote {len(files)} files to {SITE_DIR} and {MANIFEST_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
