"""The head of a story page: OpenGraph and author meta tags, the JSON-LD in its several shapes."""

from __future__ import annotations

import json
from typing import Any

from tools.demo_site.chrome import escape_attr
from tools.demo_site.stories.others import AUTHORS
from tools.demo_site.story import Story
from tools.demo_site.structure import BASE, SECTIONS, SITE_NAME


def jsonld(data: Any) -> str:
    """A JSON-LD ``<script>`` (``</`` escaped so the JSON cannot close the script)."""
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def story_url(story: Story) -> str:
    """The story's absolute URL (with the server's ``{{BASE}}`` placeholder)."""
    return f"{BASE}{story.path}"


def person(name: str) -> dict[str, str]:
    """A schema.org Person with the reporter's page as URL."""
    slug = author_slug(name)
    return {"@type": "Person", "name": name, "url": f"{BASE}/author/{slug}/"}


def author_slug(name: str) -> str:
    """The reporter page slug of a byline name."""
    for slug, (full, _) in AUTHORS.items():
        if full == name:
            return slug
    raise KeyError(name)


PUBLISHER = {
    "@type": "Organization",
    "name": SITE_NAME,
    "url": f"{BASE}/",
}


def meta_tags(story: Story) -> list[str]:
    """The ``<meta>`` tags: OpenGraph always, dates and author only in the styles that use them."""
    tags: list[str] = []
    if story.meta == "meta_date":
        tags.append(f'<meta name="date" content="{story.published}">')
    tags += [
        f'<meta property="og:title" content="{escape_attr(story.title)}">',
        f'<meta property="og:site_name" content="{SITE_NAME}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{escape_attr(story_url(story))}">',
    ]
    if story.dek:
        tags.append(f'<meta property="og:description" content="{escape_attr(story.dek)}">')
    if story.meta == "og":
        tags.append(f'<meta property="article:published_time" content="{story.published}">')
        if story.modified:
            tags.append(f'<meta property="article:modified_time" content="{story.modified}">')
        section = SECTIONS.get(story.section, "News")
        tags.append(f'<meta property="article:section" content="{section}">')
    tags.append('<meta name="twitter:card" content="summary_large_image">')
    if story.authors and story.meta not in ("jsonld", "jsonld_graph", "jsonld_authors"):
        tags.append(f'<meta name="author" content="{escape_attr(", ".join(story.authors))}">')
    return tags


def news_article(story: Story) -> list[dict[str, Any]]:
    """A plain NewsArticle and a breadcrumb list, as most news CMSes print them."""
    article: dict[str, Any] = {
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
    breadcrumbs = {
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
    return [article, breadcrumbs]


def news_article_in_graph(story: Story) -> list[dict[str, Any]]:
    """The article as one node of an ``@graph`` beside the site and page (Yoast's shape)."""
    page_id = story_url(story)
    graph = [
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
    ]
    return [{"@context": "https://schema.org", "@graph": graph}]


def news_article_with_authors(story: Story) -> list[dict[str, Any]]:
    """An article whose ``author`` is a list of Person objects."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "description": story.dek,
        "datePublished": story.published,
        "author": [person(name) for name in story.authors],
        "publisher": PUBLISHER,
        "mainEntityOfPage": story_url(story),
        "inLanguage": story.lang,
    }
    return [article]


def globenewswire_article(story: Story) -> list[dict[str, Any]]:
    """GlobeNewswire's shape: capitalised keys and a US-style date without a time."""
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "Headline": story.title,
        "DatePublished": story.published_raw,
        "Publisher": {"@type": "Organization", "Name": SITE_NAME},
        "SourceOrganization": [{"@type": "Organization", "Name": story.source}],
        "Keywords": ["Copper", "Gold", "Exploration", "British Columbia"],
    }
    return [article]


JSONLD_STYLES = {
    "jsonld": news_article,
    "jsonld_graph": news_article_in_graph,
    "jsonld_authors": news_article_with_authors,
    "jsonld_gnw": globenewswire_article,
}
"""Story.meta -> the JSON-LD documents of that style (other styles have none)."""


def story_head_extra(story: Story) -> list[str]:
    """What a story page adds to ``<head>``: meta tags, then its JSON-LD scripts."""
    documents = JSONLD_STYLES[story.meta](story) if story.meta in JSONLD_STYLES else []
    return meta_tags(story) + [jsonld(document) for document in documents]


def canonical_href(story: Story) -> str | None:
    """The story's ``<link rel=canonical>`` href, or None when it has none."""
    if story.canonical is None:
        return None
    if story.canonical == "self":
        return story_url(story)
    return story_url(story) + story.canonical
