"""The discovery documents: robots.txt, sitemap index, sitemaps, news sitemap, RSS and Atom."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from html import escape

from tools.demo_site import paths
from tools.demo_site.stories import STORY_BY_PATH
from tools.demo_site.stories.others import GONE_PAGE
from tools.demo_site.structure import (
    ATOM_ENTRIES,
    BASE,
    NEWS_SITEMAP,
    ROBOTS_DISALLOW,
    RSS_ITEMS,
    RSS_LINK_OVERRIDES,
    SECTIONS,
    SITE_NAME,
)


def xml_escape(text: str) -> str:
    """Escape text for an XML text node."""
    return escape(text, quote=False)


def lastmod_for(path: str) -> str:
    """A sitemap's ``<lastmod>`` for a path: the story's last change, or a fixed date."""
    story = STORY_BY_PATH.get(path)
    if story is not None:
        return story.modified or story.published or ""
    if path == paths.GONE:
        return GONE_PAGE["lastmod"]
    if path == paths.SOFT404:
        return "2025-04-22T08:00:00+00:00"
    raise KeyError(path)


def render_urlset(page_paths: list[str]) -> str:
    """A plain sitemap of these paths."""
    urls = "\n".join(
        f"  <url>\n    <loc>{BASE}{path}</loc>\n    <lastmod>{lastmod_for(path)}</lastmod>\n  </url>"
        for path in page_paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}\n</urlset>\n"
    )


def render_sitemap_index() -> str:
    """The sitemap index: the gzip-served 2025 sitemap and the 2019 one."""
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
    """A Google News sitemap: the only place story 10 gives its date."""
    entries = []
    for path in NEWS_SITEMAP:
        story = STORY_BY_PATH[path]
        entries.append(
            f"""  <url>
    <loc>{BASE}{path}</loc>
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
    """An ISO 8601 date as RSS writes it (``Fri, 25 Apr 2025 07:00:00 -0700``)."""
    return format_datetime(datetime.fromisoformat(iso))


def render_rss() -> str:
    """The latest-news RSS feed (one link with tracking parameters)."""
    items = []
    for path in RSS_ITEMS:
        story = STORY_BY_PATH[path]
        link = f"{BASE}{RSS_LINK_OVERRIDES.get(path, path)}"
        author = ""
        if story.authors:
            author = f"\n      <dc:creator>{xml_escape(', '.join(story.authors))}</dc:creator>"
        items.append(
            f"""    <item>
      <title>{xml_escape(story.title)}</title>
      <link>{xml_escape(link)}</link>
      <description>{xml_escape(story.dek or story.title)}</description>
      <pubDate>{rfc822(story.published or "")}</pubDate>
      <guid isPermaLink="false">harbourwire:{path.rsplit("/", 1)[-1].removesuffix(".html")}</guid>
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
    """The markets Atom feed."""
    entries = []
    for path in ATOM_ENTRIES:
        story = STORY_BY_PATH[path]
        published = story.published_raw or story.published
        updated = story.modified or published
        author = story.authors[0] if story.authors else (story.source or SITE_NAME)
        entries.append(
            f"""  <entry>
    <title>{xml_escape(story.title)}</title>
    <link rel="alternate" type="text/html" href="{BASE}{path}"/>
    <id>tag:harbourwire.example,2025:{path}</id>
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
    """robots.txt: the disallowed paths and both sitemaps."""
    disallow = "\n".join(f"Disallow: {path}" for path in ROBOTS_DISALLOW)
    return f"""# Harbour Wire robots.txt
User-agent: *
{disallow}

Sitemap: {BASE}/sitemap_index.xml
Sitemap: {BASE}/news-sitemap.xml
"""
