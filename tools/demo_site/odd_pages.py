"""The pages that are not stories: a soft 404, an expired and a removed story, an empty shell."""

from __future__ import annotations

from tools.demo_site.chrome import (
    escape_attr,
    escape_text,
    footer,
    head,
    newsletter,
    share_bar,
    site_header,
)
from tools.demo_site.stories.others import EMPTY_SHELL_PAGE, EXPIRED_PAGE, GONE_PAGE, PRIVATE_PAGE
from tools.demo_site.structure import BASE, SITE_NAME


def simple_page(path: str, title: str, main_html: str, *, doc_title: str | None = None) -> str:
    """A page with the site chrome around ``main_html``."""
    return "\n".join(
        [
            head(title, canonical=f"{BASE}{path}", doc_title=doc_title),
            site_header(),
            main_html,
            footer(),
        ]
    )


def render_soft404() -> str:
    """An error page answered with 200: the soft 404 a crawler must drop."""
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
    """A story replaced by a 'no longer available' notice (200)."""
    page = EXPIRED_PAGE
    main = """<main id="main" class="expired-page">
<article class="story story-expired">
<h1>This story is no longer available</h1>
<p>This story is no longer available. Harbour Wire distributes some releases under licences that expire after a set period, after which they are removed from our site.</p>
<p>Looking for something else? See the <a href="/">latest news</a> or our <a href="/markets/">Markets</a> section.</p>
</article>
</main>"""
    return simple_page(page["path"], page["title"], main)


def render_gone() -> str:
    """A removed story, answered with 410."""
    page = GONE_PAGE
    main = """<main id="main" class="gone-page">
<h1>Story removed</h1>
<p>This story has been permanently removed at the request of the issuer.</p>
<p><a href="/">Return to the home page</a></p>
</main>"""
    return simple_page(page["path"], page["title"], main)


def render_empty_shell() -> str:
    """A story page whose body is empty: headline and chrome only."""
    page = EMPTY_SHELL_PAGE
    title = page["title"]
    main = f"""<main id="main" class="layout-two-col">
<article class="story">
<div class="story-header">
<a class="section-label" href="/markets/">Markets</a>
<h1 class="headline">{escape_text(title)}</h1>
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
        f'<meta property="og:title" content="{escape_attr(title)}">',
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
    """An embargoed page under a robots.txt-disallowed path."""
    page = PRIVATE_PAGE
    main = f"""<main id="main" class="release-page">
<article class="news-release">
<h1>{escape_text(page["title"])}</h1>
<p>AUSTIN, Texas /Harbour Wire/ -- EMBARGOED UNTIL RELEASE. This subscriber preview must never be fetched by a crawler that honours robots.txt.</p>
<p>Kestrel Grid Storage will report first-quarter revenue and project milestones to subscribers ahead of the public release.</p>
</article>
</main>"""
    return simple_page(page["path"], page["title"], main)
