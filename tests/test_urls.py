from __future__ import annotations

import hashlib

import pytest

from newscrawler.utils.urls import (
    canonicalize,
    host_of,
    is_same_site,
    is_tracking_param,
    replace_base,
    url_id,
    url_kind,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # fragment, tracking parameters, query order
        (
            "https://www.reuters.com/world/us/story-idUSKCN0XM1AB?utm_source=rss&utm_medium=feed",
            "https://www.reuters.com/world/us/story-idUSKCN0XM1AB",
        ),
        ("https://example.com/a?UTM_Source=x&Utm_Campaign=y", "https://example.com/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?id=42&utm_source=x#top", "https://example.com/a?id=42"),
        ("https://example.com/a?feedref=x&ref=tw&ref_src=twsrc", "https://example.com/a"),
        ("https://example.com/a?fbclid=IwAR0abc&gclid=Cj0K", "https://example.com/a"),
        ("https://example.com/a?dclid=1&msclkid=2&igshid=3", "https://example.com/a"),
        ("https://example.com/a?mc_cid=1&mc_eid=2&_ga=2.1.2.3", "https://example.com/a"),
        ("https://example.com/a?cmpid=1&ocid=2&icid=3&ncid=4", "https://example.com/a"),
        ("https://example.com/a?soc_src=1&soc_trk=2&smid=tw-share", "https://example.com/a"),
        ("https://example.com/a?sref=x&xtor=RSS-1&taid=abc", "https://example.com/a"),
        ("https://example.com/a?at_medium=rss&at_campaign=x", "https://example.com/a"),
        ("https://example.com/a?FBCLID=x", "https://example.com/a"),
        # value-dependent: src and cid go only when they name a feed
        ("https://example.com/a?src=rss", "https://example.com/a"),
        ("https://example.com/a?src=RSS", "https://example.com/a"),
        ("https://example.com/a?src=feed", "https://example.com/a"),
        ("https://example.com/a?src=homepage", "https://example.com/a?src=homepage"),
        ("https://example.com/a?cid=rss_world", "https://example.com/a"),
        ("https://example.com/a?cid=12345", "https://example.com/a?cid=12345"),
        # content-selecting parameters are kept
        (
            "https://example.com/story.php?id=7&p=2&page=3&article=9&utm_term=x",
            "https://example.com/story.php?article=9&id=7&p=2&page=3",
        ),
        ("https://example.com/?p=12345", "https://example.com/?p=12345"),
        (
            "https://example.com/search?q=climate+change",
            "https://example.com/search?q=climate+change",
        ),
        # scheme, host, port
        ("HTTPS://WWW.Example.COM/News/Story", "https://www.example.com/News/Story"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("http://example.com:443/a", "http://example.com:443/a"),
        ("http://example.com/a", "http://example.com/a"),  # never rewritten to https
        ("https://example.com", "https://example.com/"),
        # lone or emptied query
        ("https://example.com/a?", "https://example.com/a"),
        ("https://example.com/a?utm_source=x", "https://example.com/a"),
        ("https://example.com/a?&&", "https://example.com/a"),
        # percent-encoding normalisation
        ("https://example.com/caf\u00e9?q=\u00e9", "https://example.com/caf%C3%A9?q=%C3%A9"),
        ("https://example.com/%7Euser/a%2fb", "https://example.com/~user/a%2Fb"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("https://example.com/a/../b/./c", "https://example.com/b/c"),
        ("https://b\u00fccher.de/x", "https://xn--bcher-kva.de/x"),
        ("  https://example.com/a  ", "https://example.com/a"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected
    assert canonicalize(expected) == expected  # idempotent


def test_canonicalize_keeps_unparseable_input() -> None:
    assert canonicalize(" http://[bad ") == "http://[bad"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("utm_source", "rss", True),
        ("UTM_MEDIUM", "", True),
        ("utm_whatever", "1", True),
        ("fbclid", "x", True),
        ("src", "rss", True),
        ("src", "Feed", True),
        ("src", "nav", False),
        ("cid", "rss_feed", True),
        ("cid", "42", False),
        ("id", "42", False),
        ("p", "2", False),
        ("page", "2", False),
        ("article", "x", False),
        ("q", "x", False),
        ("utm", "x", False),
    ],
)
def test_is_tracking_param(name: str, value: str, expected: bool) -> None:
    assert is_tracking_param(name, value) is expected


def test_url_id() -> None:
    canonical = "https://example.com/a?id=1"
    expected = hashlib.sha1(canonical.encode()).hexdigest()[:24]
    assert url_id(canonical) == expected
    assert url_id("HTTPS://Example.com:443/a?utm_source=x&id=1#f") == expected
    assert url_id("https://example.com/b") != expected
    assert len(expected) == 24


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        (
            "https://www.prnewswire.com/news/x.html?a=1",
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080/news/x.html?a=1",
        ),
        (
            "https://www.prnewswire.com/news/x.html?a=1",
            "http://127.0.0.1:8080/",
            "http://127.0.0.1:8080/news/x.html?a=1",
        ),
        (
            "https://www.prnewswire.com/news/x.html?a=1",
            "http://127.0.0.1:8080/mirror",
            "http://127.0.0.1:8080/mirror/news/x.html?a=1",
        ),
        (
            "https://www.prnewswire.com/news/x.html",
            "http://127.0.0.1:8080/mirror/",
            "http://127.0.0.1:8080/mirror/news/x.html",
        ),
        ("https://apnews.com", "http://localhost:9000", "http://localhost:9000/"),
        ("/news/x.html?a=1", "http://localhost:9000", "http://localhost:9000/news/x.html?a=1"),
        ("https://example.com/a#frag", "http://localhost", "http://localhost/a#frag"),
    ],
)
def test_replace_base(url: str, base: str, expected: str) -> None:
    assert replace_base(url, base) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.Reuters.com/world/", "reuters.com"),
        ("https://WWW.REUTERS.COM:443/", "reuters.com"),
        ("https://uk.reuters.com/article/x", "uk.reuters.com"),
        ("http://user:pw@www.example.com:8080/x", "example.com"),
        ("https://www.example.com./x", "example.com"),
        ("apnews.com/hub/politics", "apnews.com"),
        ("www.apnews.com", "apnews.com"),
        ("http://127.0.0.1:8080/x", "127.0.0.1"),
        ("http://[::1]:8080/x", "::1"),
        ("", ""),
        ("http://[bad", ""),
    ],
)
def test_host_of(url: str, expected: str) -> None:
    assert host_of(url) == expected


@pytest.mark.parametrize(
    ("url", "hosts", "expected"),
    [
        ("https://www.reuters.com/world", {"reuters.com"}, True),
        ("https://reuters.com/world", {"reuters.com"}, True),
        ("https://uk.reuters.com/world", {"reuters.com"}, True),
        ("https://a.b.reuters.com/world", frozenset({"reuters.com"}), True),
        ("https://reuters.com/world", {"www.reuters.com"}, True),
        ("https://notreuters.com/world", {"reuters.com"}, False),
        ("https://reuters.com.evil.example/x", {"reuters.com"}, False),
        ("https://reuters.co.uk/x", {"reuters.com"}, False),
        ("https://apnews.com/x", {"reuters.com", "apnews.com"}, True),
        ("http://127.0.0.1:8080/x", {"127.0.0.1"}, True),
        ("http://10.0.0.1/x", {"0.0.1"}, False),
        ("https://example.com/x", {"com"}, False),  # a bare TLD never matches
        ("", {"reuters.com"}, False),
        ("https://reuters.com/x", set(), False),
    ],
)
def test_is_same_site(url: str, hosts: set[str] | frozenset[str], expected: bool) -> None:
    assert is_same_site(url, hosts) is expected


URL_KINDS: list[tuple[str, str]] = [
    # articles
    ("https://www.reuters.com/article/us-usa-election-idUSKCN0XM1AB", "article"),
    ("https://www.reuters.com/world/us/biden-signs-executive-order-on-ai-2023-10-30/", "article"),
    ("https://apnews.com/article/election-2024-harris-trump-debate-9a1b2c3d4e5f6071", "article"),
    ("https://apnews.com/article/9a1b2c3d4e5f60718293a4b5c6d7e8f9", "article"),
    (
        "https://www.prnewswire.com/news-releases/acme-corp-reports-first-quarter-results-301234567.html",
        "article",
    ),
    (
        "https://www.businesswire.com/news/home/20160425005123/en/Acme-Announces-Results",
        "article",
    ),
    (
        "https://www.globenewswire.com/news-release/2023/10/03/2753456/0/en/Acme-Launches-Widget.html",
        "article",
    ),
    ("https://www.cnn.com/2016/04/25/politics/primary-results/index.html", "article"),
    ("https://www.nytimes.com/2016/04/25/world/europe/brexit-vote.html", "article"),
    ("https://www.theguardian.com/world/2016/apr/25/eu-referendum-obama-warns", "article"),
    ("https://www.bbc.com/news/world-us-canada-36129373", "article"),
    (
        "https://www.washingtonpost.com/politics/2016/04/25/abc123-0a1b-11e6_story.html",
        "article",
    ),
    (
        "https://www.lemonde.fr/international/article/2016/04/25/la-france-et-l-allemagne_4908123_3210.html",
        "article",
    ),
    (
        "https://www.spiegel.de/politik/deutschland/olaf-scholz-verteidigt-haushalt-a-1234567.html",
        "article",
    ),
    ("https://www.aljazeera.com/news/2023/10/3/israel-gaza-war-live", "article"),
    ("https://example.wordpress.com/2016/04/some-post-title/", "article"),
    ("https://example.com/news/20160425/city-council-vote", "article"),
    ("https://example.com/2016-04-25/city-council-vote", "article"),
    ("https://www.ft.com/content/6f2b0c1c-5a4e-11e6-8d05-4eaa66292c32", "article"),
    ("https://www.example.com/local/mayor-resigns.html", "article"),
    ("https://example.com/?p=12345", "article"),
    # a story served as its folder's index file (dated folder, or a slug folder)
    ("https://www.example.com/2016/04/25/politics/council-vote/index.html", "article"),
    ("https://example.com/blog/the-harbour-council-votes-again/index.html", "article"),
    # listings
    ("https://www.reuters.com/", "listing"),
    ("https://www.reuters.com", "listing"),
    ("https://apnews.com/hub/politics", "listing"),
    ("https://www.nytimes.com/section/world", "listing"),
    ("https://www.nytimes.com/by/jane-doe", "listing"),
    ("https://www.theguardian.com/world/2016/apr/25", "listing"),
    ("https://www.bbc.co.uk/news", "listing"),
    ("https://www.businesswire.com/news/home/", "listing"),
    ("https://www.prnewswire.com/news-releases/", "listing"),
    ("https://www.prnewswire.com/news-releases/news-releases-list/?page=2&pagesize=25", "listing"),
    ("https://example.com/2016/04/25/", "listing"),
    ("https://example.com/blog/page/3/", "listing"),
    ("https://example.com/tag/elections/", "listing"),
    ("https://example.com/tags/us-election-2016-results", "listing"),
    ("https://example.com/topics/climate", "listing"),
    ("https://example.com/category/us-news-and-politics/", "listing"),
    ("https://example.com/author/jane-doe/", "listing"),
    ("https://example.com/authors/", "listing"),
    ("https://example.com/search?q=election", "listing"),
    ("https://example.com/archive/", "listing"),
    ("https://example.com/feed/", "listing"),
    ("https://example.com/rss/world.xml", "listing"),
    ("https://example.com/latest", "listing"),
    ("https://example.com/world/index.html", "listing"),
    ("https://example.com/news/world/europe/index.html", "listing"),
    ("https://example.com/tag/a/b/c/index.html", "listing"),
    ("https://example.com/news?page=2", "listing"),
    ("https://example.com/world?p=3", "listing"),
    # unknown
    ("https://www.cnn.com/politics", "unknown"),
    ("https://www.spiegel.de/politik/", "unknown"),
    ("https://example.com/about", "unknown"),
    ("https://example.com/contact-us", "unknown"),
    ("https://www.bbc.com/sport/football", "unknown"),
    # deep under folders that say nothing: a story or a front, the page decides
    ("https://example.com/2013/mideast/8/3/harbour.strike/index.html", "unknown"),
    ("", "unknown"),
    ("http://[bad", "unknown"),
]


@pytest.mark.parametrize(("url", "expected"), URL_KINDS)
def test_url_kind(url: str, expected: str) -> None:
    assert url_kind(url) == expected


def test_url_kind_table_covers_all_kinds() -> None:
    kinds = [kind for _, kind in URL_KINDS]
    assert len(kinds) >= 25
    assert {"article", "listing", "unknown"} <= set(kinds)
