"""Listing pages (home, sections, their page 2) and hub pages (tags, reporters)."""

from __future__ import annotations

from typing import Any

from tools.demo_site.chrome import (
    escape_attr,
    escape_text,
    footer,
    head,
    newsletter,
    site_header,
)
from tools.demo_site.paths import OFFSITE
from tools.demo_site.stories import STORY_BY_PATH
from tools.demo_site.structure import BASE, NAV, SITE_NAME, card_info


def render_listing(path: str, spec: dict[str, Any]) -> str:
    """A listing page: story cards, pagination, partner links and an off-site link."""
    cards = []
    for href in spec["cards"]:
        title, summary, date, section = card_info(href)
        lines = ['<li class="story-card">']
        if section:
            lines.append(f'<span class="card-section">{escape_text(section)}</span>')
        lines.append(
            f'<h2 class="card-title"><a href="{escape_attr(href)}">{escape_text(title)}</a></h2>'
        )
        if summary:
            lines.append(f'<p class="card-summary">{escape_text(summary)}</p>')
        if date:
            lines.append(f'<p class="card-date">{escape_text(date)}</p>')
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
            f'<li><a href="{path}">{escape_text(STORY_BY_PATH[path].title)}</a> '
            '<span class="partner-name">Coastal Ledger</span></li>'
            for path in spec["partners"]
        )
        partners = f"""<section class="partner-stories">
<h2>From our partners</h2>
<ul>
{items}
</ul>
</section>"""
    main = f"""<main id="main" class="listing">
<h1>{escape_text(spec["heading"])}</h1>
<p class="listing-intro">{escape_text(spec["intro"])}</p>
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
    """A tag or reporter page: a heading, an intro and links to stories."""
    items = "\n".join(
        f'<li><a href="{path}">{escape_text(card_info(path)[0])}</a></li>' for path in links
    )
    main = f"""<main id="main" class="hub">
<h1>{escape_text(heading)}</h1>
<p class="hub-intro">{escape_text(intro)}</p>
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
