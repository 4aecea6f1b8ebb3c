from __future__ import annotations

import gzip

from newscrawler.discovery.feeds import parse_feed
from newscrawler.discovery.pages import is_story_page
from newscrawler.discovery.sitemaps import parse_sitemap, sitemaps_from_robots
from newscrawler.discovery.xml import parse_xml
from newscrawler.utils.sniff import sniff

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://wire.test/news/2025/04/25/acme-buys-beta.html</loc>
    <lastmod>2025-04-25T14:00:00+00:00</lastmod>
    <news:news>
      <news:publication><news:name>Test Wire</news:name><news:language>en</news:language>
      </news:publication>
      <news:publication_date>2025-04-25T09:30:00-04:00</news:publication_date>
      <news:title>Acme buys Beta</news:title>
      <news:keywords>M&amp;A, Tech</news:keywords>
      <news:stock_tickers>NASDAQ:ACME, NYSE:BETA</news:stock_tickers>
    </news:news>
  </url>
  <url><loc>https://wire.test/plain.html</loc></url>
  <url><lastmod>2025-01-01</lastmod></url>
</urlset>"""


def test_news_sitemap_fields_are_kept():
    sitemap = parse_sitemap(NEWS_SITEMAP)
    assert sitemap.kind == "urlset"
    first, plain = sitemap.entries
    assert first.loc == "https://wire.test/news/2025/04/25/acme-buys-beta.html"
    assert first.news_title == "Acme buys Beta"
    assert first.news_published == "2025-04-25T09:30:00-04:00"
    assert first.news_publication == "Test Wire"
    assert first.news_language == "en"
    assert first.keywords == ("M&A", "Tech")
    assert first.tickers == ("NASDAQ:ACME", "NYSE:BETA")
    assert first.date == "2025-04-25T09:30:00-04:00"
    assert plain.date is None


def test_sitemap_index_and_sniffing():
    body = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://wire.test/s1.xml.gz</loc><lastmod>2025-04-01</lastmod></sitemap>"
        b"</sitemapindex>"
    )
    assert sniff(body) == "sitemapindex"
    assert sniff(gzip.compress(body)) == "gzip"
    sitemap = parse_sitemap(body)
    assert sitemap.kind == "sitemapindex"
    assert [(e.loc, e.lastmod) for e in sitemap.entries] == [
        ("https://wire.test/s1.xml.gz", "2025-04-01")
    ]


def test_not_a_sitemap():
    assert parse_sitemap(b"<html><body>hi</body></html>") is None
    assert parse_sitemap(b"\x00\x01 binary") is None
    assert parse_sitemap(b"") is None


def test_entity_expansion_bomb_is_not_expanded():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://wire.test/&lol3;</loc></url></urlset>"""
    sitemap = parse_sitemap(bomb)
    assert sitemap is not None
    assert all("lollol" not in e.loc for e in sitemap.entries)


def test_external_entities_are_not_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><item><link>https://wire.test/a</link>'
        "<title>&x;</title></item></channel></rss>"
    ).encode()
    feed = parse_feed(body)
    assert "TOP-SECRET" not in (feed.entries[0].title or "")


def test_rss2_feed():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Latest</title>
    <description>All releases</description>
    <item><title>One</title><link>https://wire.test/one.html?utm_source=rss</link>
      <pubDate>Fri, 25 Apr 2025 13:30:00 GMT</pubDate></item>
    <item><title>Guid only</title><guid>https://wire.test/two.html</guid></item>
    <item><title>Not a link</title><guid isPermaLink="false">abc-123</guid></item>
    </channel></rss>"""
    feed = parse_feed(body)
    assert (feed.kind, feed.title, feed.description) == ("rss", "Latest", "All releases")
    assert [(e.link, e.title, e.date) for e in feed.entries] == [
        ("https://wire.test/one.html?utm_source=rss", "One", "Fri, 25 Apr 2025 13:30:00 GMT"),
        ("https://wire.test/two.html", "Guid only", None),
    ]


def test_atom_feed():
    body = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Markets</title>
    <entry><title>A</title><link rel="self" href="https://wire.test/self"/>
      <link rel="alternate" href="https://wire.test/a.html"/>
      <published>2025-04-20T08:00:00Z</published><updated>2025-04-21T08:00:00Z</updated></entry>
    <entry><title>B</title><link href="https://wire.test/b.html"/>
      <updated>2025-04-22T08:00:00Z</updated></entry>
    </feed>"""
    feed = parse_feed(body)
    assert feed.kind == "atom"
    assert [(e.link, e.published, e.date) for e in feed.entries] == [
        ("https://wire.test/a.html", "2025-04-20T08:00:00Z", "2025-04-20T08:00:00Z"),
        ("https://wire.test/b.html", None, "2025-04-22T08:00:00Z"),
    ]


def test_rdf_feed():
    body = b"""<?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel><title>RDF</title></channel>
    <item><title>R</title><link>https://wire.test/r.html</link><dc:date>2025-04-02</dc:date></item>
    </rdf:RDF>"""
    feed = parse_feed(body)
    assert feed.kind == "rdf"
    assert [(e.link, e.date) for e in feed.entries] == [("https://wire.test/r.html", "2025-04-02")]


def test_empty_channel_is_a_feed_with_no_entries():
    feed = parse_feed(b"<rss><channel><title>x</title><description>Invalid token</description>"
                      b"</channel></rss>")
    assert feed.entries == []
    assert feed.description == "Invalid token"


def test_robots_sitemaps():
    robots = "User-agent: *\nDisallow: /private/\n# Sitemap: https://x/commented\n" \
             "SITEMAP: https://wire.test/a.xml # main\nSitemap: https://wire.test/a.xml\n"
    assert sitemaps_from_robots(robots) == ["https://wire.test/a.xml"]


def test_parse_xml_rejects_non_xml():
    assert parse_xml(b"") is None


def test_story_page_decision():
    def decide(**kw):
        base = {"url_kind": "unknown", "og_type": None, "has_article_ld": False,
                "body_words": 0, "body_blocks": 0}
        return is_story_page(**{**base, **kw})

    assert decide(has_article_ld=True, url_kind="listing")
    assert not decide(og_type="article", url_kind="listing", body_words=500, body_blocks=5)
    assert decide(og_type="Article")
    assert decide(url_kind="article", body_words=35, body_blocks=1)
    assert not decide(url_kind="article", body_words=10, body_blocks=1)
    assert decide(body_words=200, body_blocks=3)
    assert not decide(body_words=200, body_blocks=1)
