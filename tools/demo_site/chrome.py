"""Escaping and the chrome every demo page shares: head, header, share bar, newsletter, footer."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from tools.demo_site.stories import STORY_BY_PATH
from tools.demo_site.stories.others import AUTHORS
from tools.demo_site.structure import BASE, NAV, SITE_NAME, TAG_PAGES


def escape_text(text: str) -> str:
    """Escape text for an HTML text node."""
    return escape(text, quote=False)


def join_lines(parts: Iterable[str]) -> str:
    """The non-empty parts, one per line (an absent block leaves no blank line)."""
    return "\n".join(part for part in parts if part)


def escape_attr(text: str) -> str:
    """Escape text for an HTML attribute value."""
    return escape(text, quote=True)


def head(
    title: str,
    *,
    lang: str = "en",
    description: str | None = None,
    canonical: str | None = None,
    extra: Iterable[str] = (),
    doc_title: str | None = None,
) -> str:
    """``<!DOCTYPE>`` to ``</head>``: title, description, canonical link and the extra tags."""
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape_text(doc_title or f'{title} | {SITE_NAME}')}</title>",
    ]
    if description:
        lines.append(f'<meta name="description" content="{escape_attr(description)}">')
    if canonical:
        lines.append(f'<link rel="canonical" href="{escape_attr(canonical)}">')
    lines.append('<link rel="stylesheet" href="/static/site.css">')
    lines.extend(extra)
    lines.append(
        "<script>window.hwAnalytics = window.hwAnalytics || []; "
        "hwAnalytics.push({event: 'pageview'});</script>"
    )
    lines.append("</head>")
    return "\n".join(lines)


def site_header(active: str | None = None) -> str:
    """Cookie banner, top bar, logo, section navigation (``active`` marked) and search."""
    items = []
    for href, label in NAV:
        current = ' aria-current="page"' if href == active else ""
        items.append(f'<li><a href="{href}"{current}>{escape_text(label)}</a></li>')
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
    """The newsletter sign-up box: boilerplate a body extractor must leave out."""
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
    """Share links: boilerplate next to the headline."""
    url = f"{BASE}{path}"
    return f"""<div class="share-bar" aria-label="Share this story">
<span class="share-label">Share this story</span>
<a class="share-x" href="https://social.example/share?url={escape_attr(url)}">Post</a>
<a class="share-linkedin" href="https://network.example/shareArticle?url={escape_attr(url)}">LinkedIn</a>
<a class="share-email" href="mailto:?subject={escape_attr(title)}">Email</a>
<button type="button" class="share-copy">Copy link</button>
</div>"""


def related_block(story_paths: list[str]) -> str:
    """Links to related stories (their titles are not this story's text)."""
    if not story_paths:
        return ""
    items = "\n".join(
        f'<li><a href="{path}">{escape_text(STORY_BY_PATH[path].title)}</a></li>'
        for path in story_paths
    )
    return f"""<section class="related" aria-label="Related stories">
<h2>Related stories</h2>
<ul>
{items}
</ul>
</section>"""


def comments_block(comments: list[tuple[str, str, str, str]] | None, lang: str) -> str:
    """Reader comments in the page's language; ``None`` prints no block at all."""
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
                f'<p class="comment-meta"><span class="comment-author">{escape_text(name)}</span> '
                f'<time datetime="{dt}">{escape_text(shown)}</time></p>\n'
                f'<p class="comment-body">{escape_text(text)}</p>\n'
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
    """Footer columns (sections, tags, reporters, feeds, company links) and copyright."""
    sections = "\n".join(f'<li><a href="{h}">{escape_text(label)}</a></li>' for h, label in NAV[1:])
    tags = "\n".join(
        f'<li><a href="/tag/{slug}/">{escape_text(label)}</a></li>'
        for slug, (label, _) in TAG_PAGES.items()
        if f"/tag/{slug}/" not in dict(NAV)
    )
    authors = "\n".join(
        f'<li><a href="/author/{slug}/">{escape_text(name)}</a></li>'
        for slug, (name, _) in AUTHORS.items()
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
