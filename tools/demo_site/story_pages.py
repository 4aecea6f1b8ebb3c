"""Story pages in the five layouts the demo site uses (press release, article, divs, GNW, MENAFN)."""

from __future__ import annotations

from typing import Any

from tools.demo_site.chrome import (
    comments_block,
    escape_attr,
    escape_text,
    footer,
    head,
    join_lines,
    newsletter,
    related_block,
    share_bar,
    site_header,
)
from tools.demo_site.story import DISCLAIMER, Story
from tools.demo_site.story_meta import author_slug, canonical_href, story_head_extra
from tools.demo_site.structure import SECTIONS, TAG_PAGES


def body_blocks(blocks: list[Any], *, p_class: str = "") -> list[str]:
    """The story's body blocks as HTML (paragraphs, headings, lists, ads, figures)."""
    out: list[str] = []
    cls = f' class="{p_class}"' if p_class else ""
    for block in blocks:
        if isinstance(block, str):
            out.append(f"<p{cls}>{escape_text(block)}</p>")
        elif block[0] == "h2":
            out.append(f"<h2>{escape_text(block[1])}</h2>")
        elif block[0] == "ul":
            items = "\n".join(f"<li>{escape_text(item)}</li>" for item in block[1])
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
                f'aria-label="{escape_attr(block[1])}"></div><figcaption>{escape_text(block[1])}</figcaption>'
                "</figure>"
            )
        else:  # pragma: no cover - data error
            raise ValueError(block)
    return out


def tail_blocks(story: Story) -> list[str]:
    """What follows a release: About, contacts, ``###`` and the legal disclaimer."""
    out: list[str] = []
    if story.about:
        out.append(f'<h3 class="about-heading">{escape_text(story.about[0])}</h3>')
        out.append(f'<p class="about">{escape_text(story.about[1])}</p>')
    if story.contacts:
        lines = "<br>\n".join(escape_text(contact) for contact in story.contacts)
        out.append(f'<p class="contacts">{lines}</p>')
    if story.end_marker:
        out.append('<p class="end-marker">###</p>')
    if story.disclaimer:
        out.append(f'<p class="disclaimer">{escape_text(DISCLAIMER)}</p>')
    return out


def date_line(story: Story) -> str:
    """Visible date markup (depends on the metadata style under test)."""
    if story.meta in ("none", "meta_date"):
        return ""
    if story.meta == "visible":
        return f'<p class="release-date">{escape_text(story.display_date or "")}</p>'
    if story.meta == "jsonld_gnw":
        return ""  # the dateline is the only visible date
    if story.meta == "time" or story.meta.startswith("jsonld"):
        raw = story.published_raw or story.published
        return (
            f'<p class="release-date"><time datetime="{raw}">{escape_text(story.display_date or "")}'
            "</time></p>"
        )
    # og: visible text only
    return f'<p class="release-date">{escape_text(story.display_date or "")}</p>'


def byline(story: Story) -> str:
    """The byline with links to the reporters' pages, in the story's language."""
    if not story.authors:
        return ""
    links = [
        f'<a rel="author" href="/author/{author_slug(name)}/">{escape_text(name)}</a>'
        for name in story.authors
    ]
    who = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    by = {"de": "Von", "fr": "Par"}.get(story.lang, "By")
    return f'<p class="byline">{by} {who}<span class="byline-org">, Harbour Wire</span></p>'


def tag_links(story: Story) -> str:
    """Topic links under the story."""
    tags = [tag for tag in story.tags if tag in TAG_PAGES]
    if not tags:
        return ""
    links = " ".join(f'<a href="/tag/{tag}/">{escape_text(TAG_PAGES[tag][0])}</a>' for tag in tags)
    return f'<p class="tags">Topics: {links}</p>'


def render_release(story: Story) -> str:
    """The press-release layout (PR Newswire-like)."""
    parts = [
        '<main id="main" class="release-page">',
        '<article class="news-release">',
        '<header class="release-header">',
    ]
    if story.source:
        parts.append(
            f'<p class="release-source">News provided by <strong>{escape_text(story.source)}</strong></p>'
        )
    parts.append(f"<h1>{escape_text(story.title)}</h1>")
    if story.dek:
        parts.append(f'<h2 class="subtitle">{escape_text(story.dek)}</h2>')
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
    return join_lines(parts)


def render_article(story: Story) -> str:
    """The reporter-article layout: two columns with a sidebar."""
    section_label = SECTIONS.get(story.section, "News")
    parts = [
        '<main id="main" class="layout-two-col">',
        '<article class="story">',
        '<div class="story-header">',
        f'<a class="section-label" href="/{story.section}/">{escape_text(section_label)}</a>',
        f'<h1 class="headline">{escape_text(story.title)}</h1>',
    ]
    if story.dek:
        parts.append(f'<p class="dek">{escape_text(story.dek)}</p>')
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
    return join_lines(parts)


def render_divs(story: Story) -> str:
    """A layout of ``<div>``s only: no ``<article>`` or ``<main>`` element."""
    parts = [
        '<div id="main" class="page-content">',
        '<div class="post">',
        f'<div class="post-title"><h1>{escape_text(story.title)}</h1></div>',
    ]
    if story.dek:
        parts.append(f'<div class="post-subtitle">{escape_text(story.dek)}</div>')
    meta = []
    if story.source:
        meta.append(f'<span class="post-source">{escape_text(story.source)}</span>')
    date_html = date_line(story)
    if date_html:
        meta.append(
            date_html.replace('<p class="release-date">', '<span class="post-date">').replace(
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
    return join_lines(parts)


def render_gnw(story: Story) -> str:
    """The GlobeNewswire-like layout."""
    parts = [
        '<main id="main" class="main-container">',
        '<div class="article-header">',
        f'<h1 class="article-headline">{escape_text(story.title)}</h1>',
    ]
    if story.dek:
        parts.append(f'<h2 class="article-subheadline">{escape_text(story.dek)}</h2>')
    parts.append("</div>")
    parts.append(
        f'<div class="article-published-source"><span class="source">Source: '
        f"{escape_text(story.source or '')}</span></div>"
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
    return join_lines(parts)


ASHCOMBE_ID = "HARBOUR20250428000123ID1109482139"


def render_menafn(story: Story) -> str:
    """The MENAFN-like page: error banner above a story printed with repeats."""
    paras = [block for block in story.body if isinstance(block, str)]
    repeated = paras + paras[1:]  # p1 p2 p3 p4 p2 p3 p4
    parts = [
        '<main id="main" class="mnf-page">',
        '<div class="alert alert-danger error-banner" role="alert">',
        "<h2>Sorry!! Error!</h2>",
        "<p>We're sorry, but the page you were looking for doesn't exist.</p>",
        "</div>",
        '<div class="mnf-article">',
        f'<h1 class="mnf-title">{escape_text(story.title)}</h1>',
        (
            f'<div class="mnf-meta"><span class="mnf-source">({escape_text(story.source or "")})</span> '
            f'<span class="mnf-date">{escape_text(story.display_date or "")}</span></div>'
        ),
        share_bar(story.path, story.title),
        '<div class="article-content" id="article-content">',
        f'<p class="mnf-id">{ASHCOMBE_ID}</p>',
    ]
    parts.extend(f"<p>{escape_text(para)}</p>" for para in repeated)
    parts.append(f'<p class="mnf-id">{ASHCOMBE_ID}</p>')
    parts.append(f'<p class="disclaimer">{escape_text(DISCLAIMER)}</p>')
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
    """A story's whole page: head, chrome and the story in its layout."""
    doc = head(
        story.title,
        lang=story.lang,
        description=story.dek or story.title,
        canonical=canonical_href(story),
        extra=story_head_extra(story),
    )
    active = f"/{story.section}/"
    return "\n".join([doc, site_header(active), RENDERERS[story.template](story), footer()])
