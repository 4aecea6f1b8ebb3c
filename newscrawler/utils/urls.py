"""URL helpers: canonical URLs and ids for de-duplication, mirrors, and cheap page typing.

The same story reaches us as ``...?utm_source=rss#comments``, ``...?src=rss`` and the
bare URL; :func:`canonicalize` folds those into one ``canonical_url`` and
:func:`url_id` fingerprints it.  :func:`url_kind` guesses from the URL alone whether a
link is an article or a hub, so discovery can prioritise before fetching anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import re
from functools import lru_cache
from urllib.parse import unquote, unquote_plus, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

__all__ = [
    "MAX_URL_LENGTH",
    "TRACKING_PARAMS",
    "TRACKING_PARAM_VALUES",
    "absolute_url",
    "canonicalize",
    "host_of",
    "is_same_site",
    "is_tracking_param",
    "replace_base",
    "url_id",
    "url_kind",
]

# --------------------------------------------------------------------------- tracking

# Query parameters that only say where a click came from, never what to show.  Names
# are matched case-insensitively.  Deliberately absent because they select content on
# some sites: id, p, page, article, story, s, q, src (see below), cid (see below).
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "feedref",  # feed readers
        "ref",  # generic referrer tag
        "ref_src",  # Twitter/X embeds
        "ref_url",  # Twitter/X embeds
        "fbclid",  # Facebook click id
        "gclid",  # Google Ads click id
        "dclid",  # Google Display click id
        "gclsrc",  # Google Ads
        "msclkid",  # Microsoft Ads click id
        "yclid",  # Yandex click id
        "twclid",  # X Ads click id
        "ttclid",  # TikTok click id
        "igshid",  # Instagram share id
        "mc_cid",  # Mailchimp campaign
        "mc_eid",  # Mailchimp subscriber
        "_ga",  # Google Analytics cross-domain linker
        "_gl",  # Google Analytics linker
        "_hsenc",  # HubSpot
        "_hsmi",  # HubSpot
        "mkt_tok",  # Marketo
        "cmpid",  # campaign id (CNN, Reuters, ...)
        "ocid",  # Microsoft/MSN origin campaign
        "icid",  # internal campaign id
        "ncid",  # Yahoo/HuffPost campaign id
        "soc_src",  # social source (BuzzFeed, ...)
        "soc_trk",  # social tracking
        "smid",  # NYTimes share medium
        "sref",  # share referrer
        "xtor",  # AT Internet (Le Monde, Le Figaro, ...)
        "at_medium",  # AT Internet
        "at_campaign",  # AT Internet
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "taid",  # Gannett/USA Today
        "wt.mc_id",  # Webtrends
        "guccounter",  # Yahoo consent redirect
        "guce_referrer",
        "guce_referrer_sig",
    }
)

# Parameters that are tracking only for some values: ``src`` and ``cid`` pick content
# or editions on some sites, so they go only when they name a feed.
TRACKING_PARAM_VALUES: dict[str, frozenset[str]] = {
    "src": frozenset({"rss", "feed"}),
}
# ``cid`` is dropped when its value starts with "rss" (cid=rss_feed, cid=rss-world).
_CID_RSS_RE = re.compile(r"rss", re.IGNORECASE)


def is_tracking_param(name: str, value: str) -> bool:
    """Whether the query parameter ``name=value`` only tracks the click (safe to drop).

    >>> is_tracking_param("utm_source", "twitter"), is_tracking_param("UTM_Medium", "x")
    (True, True)
    >>> is_tracking_param("src", "rss"), is_tracking_param("src", "homepage")
    (True, False)
    >>> is_tracking_param("id", "12345")
    False
    """
    key = name.lower()
    if key.startswith("utm_") or key in TRACKING_PARAMS:
        return True
    values = TRACKING_PARAM_VALUES.get(key)
    if values is not None:
        return value.lower() in values
    if key == "cid":
        return _CID_RSS_RE.match(value) is not None
    return False


# --------------------------------------------------------------------------- canonical URL

_DEFAULT_PORTS = {"http": "80", "https": "443"}


def _strip_tracking(query: str) -> str:
    """Drop tracking pairs from a raw query string, keeping the others byte for byte.

    Not ``url_query_cleaner``: it matches exact names only, and we need name prefixes
    (``utm_*``) and value-dependent rules (``src=rss``).
    """
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        if is_tracking_param(unquote_plus(name), unquote_plus(value)):
            continue
        kept.append(pair)
    return "&".join(kept)


def canonicalize(url: str) -> str:
    """The ``canonical_url`` of a link: one spelling per page, for de-duplication.

    Drops the fragment and tracking parameters, sorts and re-encodes the query
    (``w3lib.url.canonicalize_url``), lowercases scheme and host, drops default ports
    and a lone ``?``.  Keeps the path's case and the scheme (http stays http).  Input
    that cannot be parsed is returned stripped rather than raising.

    >>> canonicalize("HTTPS://WWW.Example.com:443/News/Story.html?utm_source=rss&b=2&a=1#top")
    'https://www.example.com/News/Story.html?a=1&b=2'
    >>> canonicalize("http://example.com/story?id=42&src=rss&fbclid=abc")
    'http://example.com/story?id=42'
    """
    return _canonicalize(url)


# Site chrome repeats the same links on every page: the cache saves re-parsing them
# (bounded, so memory stays flat however long the crawl).
URL_CACHE_SIZE = 8192


@lru_cache(maxsize=URL_CACHE_SIZE)
def _canonicalize(url: str) -> str:
    url = url.strip()
    try:
        parts = urlsplit(url)
        query = _strip_tracking(parts.query) if parts.query else ""
        netloc = parts.netloc
        if parts.port is not None and _DEFAULT_PORTS.get(parts.scheme.lower()) == str(parts.port):
            netloc = netloc.rpartition(":")[0]
        url = urlunsplit((parts.scheme, netloc, parts.path, query, ""))
        return canonicalize_url(url, keep_fragments=False)
    except ValueError:
        return url


def url_id(url: str) -> str:
    """Stable 24-hex-digit id of a page: sha1 of :func:`canonicalize` (idempotent).

    >>> url_id("https://example.com/a?utm_medium=x") == url_id("https://example.com/a")
    True
    >>> len(url_id("https://example.com/a"))
    24
    """
    return hashlib.sha1(canonicalize(url).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def replace_base(url: str, base_url: str) -> str:
    """Point ``url`` at another server (a local mirror), keeping its path and query.

    The base's path, if any, prefixes the URL's path.  Raises ValueError only for a URL
    that cannot be split at all (``http://[bad``).

    >>> replace_base("https://www.prnewswire.com/news/x.html?a=1", "http://127.0.0.1:8080")
    'http://127.0.0.1:8080/news/x.html?a=1'
    >>> replace_base("https://www.prnewswire.com/news/x.html", "http://127.0.0.1:8080/mirror/")
    'http://127.0.0.1:8080/mirror/news/x.html'
    """
    url = url.strip()
    with contextlib.suppress(ValueError):  # e.g. lone surrogates: keep the URL as given
        url = safe_url_string(url)
    src = urlsplit(url)
    base = urlsplit(base_url.strip())
    path = src.path if src.path.startswith("/") else "/" + src.path
    path = base.path.rstrip("/") + path
    return urlunsplit((base.scheme, base.netloc, path, src.query, src.fragment))


# --------------------------------------------------------------------------- usable URLs

MAX_URL_LENGTH = 2083
"""Longer URLs are not followed or taken as a page's URL (Scrapy's ``URLLENGTH_LIMIT``)."""
# A host is dot-separated labels of letters (any script), digits, hyphens and underscores;
# an IPv6 literal is checked by the ipaddress module.
_HOST_RE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.?")


def url_scheme(url: str) -> str:
    """The scheme of ``url``, lowercased; ``""`` when it has none or cannot be split.

    >>> url_scheme("FILE:///etc/passwd"), url_scheme("/a/b"), url_scheme("http://[::1")
    ('file', '', '')
    """
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return ""


_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f]")


def absolute_url(base: str, href: str) -> str | None:
    """``href`` resolved against ``base`` when it is a usable HTTP(S) URL, else ``None``.

    Hostile or broken markup names URLs that make ``urljoin``/``urlsplit`` raise or
    that no request could use: a broken IPv6 host, spaces in the host, ports out of
    range, other schemes, control characters, URLs over :data:`MAX_URL_LENGTH`.

    >>> absolute_url("https://w.test/news/", "../a?b=1#c")
    'https://w.test/a?b=1#c'
    >>> [absolute_url("https://w.test/", h) for h in (
    ...     "http://[::1", "http://a b/", "javascript:alert(1)", "http://x:99999/", "http://a%0a/")]
    [None, None, None, None, None]
    """
    href = href.strip()
    if not href or len(href) > MAX_URL_LENGTH or _CONTROL_CHARS.search(href):
        return None
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError:  # "Invalid IPv6 URL", "Port out of range", a bad base
        return None
    if parts.scheme not in ("http", "https") or not host or port == 0 or len(url) > MAX_URL_LENGTH:
        return None
    if not _valid_host(host):
        return None
    return url


def _valid_host(host: str) -> bool:
    if ":" in host:  # an IPv6 literal (urlsplit removed the brackets)
        try:
            ipaddress.IPv6Address(host.partition("%")[0])
        except ValueError:
            return False
        return True
    return len(host) <= 253 and _HOST_RE.fullmatch(host) is not None


# --------------------------------------------------------------------------- hosts


def host_of(url: str) -> str:
    """Lowercased host without ``www.``, port or credentials, for "same site" checks.

    Accepts a bare host or a scheme-less URL too.

    >>> host_of("https://WWW.Reuters.com:443/world/")
    'reuters.com'
    >>> host_of("apnews.com/hub/politics")
    'apnews.com'
    """
    url = url.strip()
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".")
    return host.removeprefix("www.")


def is_same_site(url: str, hosts: frozenset[str] | set[str]) -> bool:
    """Whether ``url`` is on one of ``hosts`` or a subdomain of one of them.

    ``hosts`` should hold lowercased hosts as :func:`host_of` returns them; a ``www.``
    form is accepted too.  Each call costs one set lookup per label of the URL's host.

    >>> is_same_site("https://uk.reuters.com/article/x", {"reuters.com"})
    True
    >>> is_same_site("https://notreuters.com/x", {"reuters.com"})
    False
    """
    host = host_of(url)
    if not host:
        return False
    if host in hosts or "www." + host in hosts:
        return True
    if ":" in host or host.replace(".", "").isdigit():
        return False  # IP addresses have no subdomains
    dot = host.find(".")
    while dot != -1:
        host = host[dot + 1 :]
        if "." not in host:
            break  # never match on a bare TLD
        if host in hosts or "www." + host in hosts:
            return True
        dot = host.find(".")
    return False


# --------------------------------------------------------------------------- url kind

# Path segments that name a collection of stories, wherever they appear.
_LISTING_NAMESPACES = frozenset(
    {
        "tag",
        "tags",
        "topic",
        "topics",
        "category",
        "categories",
        "section",
        "sections",
        "author",
        "authors",
        "search",
        "archive",
        "archives",
        "hub",
        "feed",
        "feeds",
        "rss",
        "by",  # nytimes.com/by/<author>
        "profile",
        "contributor",
        "contributors",
    }
)
# Segments that are hubs only as the last segment ("/news" vs "/news/2016/...").
_LISTING_LAST = frozenset(
    {
        "news",
        "latest",
        "home",
        "index",
        "default",
        "frontpage",
        "newsroom",
        "news-releases",
        "press-releases",
        "releases",
    }
)
# Segments after which an id names one story: /article/<id>, /content/<uuid>.
_ARTICLE_MARKERS = frozenset(
    {"article", "articles", "story", "stories", "content", "articleshow", "news-release"}
)

_DATE_IN_PATH_RE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}"
    r"(?:[/-](?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])"
    r"|/(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    r"(?!\d)",
    re.IGNORECASE,
)
# /2016/04/ followed by a slug: WordPress month permalinks.
_YEAR_MONTH_RE = re.compile(r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/(?=[^/]*[a-z])", re.IGNORECASE)
# A story id: 6+ digits, a 16+ character mixed hex/alphanumeric token, or a UUID.
_STORY_ID_RE = re.compile(
    r"\d{6,}|(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{16,}"
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    re.IGNORECASE,
)
_WORD_SPLIT_RE = re.compile(r"[-_+.,]+")
_ALPHA_RE = re.compile(r"[^\W\d_]{2,}")
_EXT_RE = re.compile(r"\.(?:s?html?|php|aspx?|cms|jsp)$", re.IGNORECASE)
_HTML_EXT_RE = re.compile(r"\.(?:s?html?)$", re.IGNORECASE)
_INDEX_FILE_RE = re.compile(r"(?:index|default)\.(?:s?html?|php|aspx?|jsp)", re.IGNORECASE)
INDEX_FILE_DEPTH = 4
"""Segments of an index file's path (``/news/world/europe/index.html`` is 4) past which, in a
folder its name does not class, it may be a story as well as a section's front."""
_PAGE_NUMBER_RE = re.compile(r"(?:^|/)page/\d+(?:/|$)", re.IGNORECASE)
_PAGE_QUERY_RE = re.compile(r"(?:^|&)(page|p)=\d+(?:&|$)", re.IGNORECASE)


def _slug_words(segment: str) -> int:
    """Number of word-like parts in a hyphenated slug ("why-the-fed-waited" -> 4)."""
    stem = _EXT_RE.sub("", segment)
    return sum(1 for part in _WORD_SPLIT_RE.split(stem) if _ALPHA_RE.search(part))


def url_kind(url: str) -> str:
    """Guess from the URL alone whether it is an ``"article"``, a ``"listing"`` or ``"unknown"``.

    Cheap heuristics, in this order: a site root or a pagination marker is a listing
    (``/?p=123`` on a root is a WordPress post, so an article); a date followed by more
    path, or inside a slug, is an article; a collection segment (``tag``, ``topic``,
    ``author``, ``hub``...) or a path ending in a date (a day archive) is a listing; a
    last segment like ``news`` or ``latest`` is a listing; a slug of 4+ words, a story
    id (6+ digits, long alphanumeric, UUID) with a slug or after ``/article/``, or a
    ``.html`` page with a slug is an article.  Everything else (``/politics``) is unknown.

    >>> url_kind("https://www.cnn.com/2016/04/25/politics/primary-results/index.html")
    'article'
    >>> url_kind("https://apnews.com/hub/politics")
    'listing'
    >>> url_kind("https://www.bbc.com/sport")
    'unknown'
    >>> url_kind("https://www.example.com/world/index.html")
    'listing'
    """
    return _url_kind(url)


@lru_cache(maxsize=URL_CACHE_SIZE)
def _url_kind(url: str) -> str:
    url = url.strip()
    if not url:
        return "unknown"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "unknown"
    path = unquote(parts.path)
    segments = [s for s in path.lower().split("/") if s]
    page_query = _PAGE_QUERY_RE.search(parts.query) if parts.query else None

    if not segments:
        if page_query and page_query.group(1).lower() == "p":
            return "article"  # WordPress post shortlink: /?p=12345
        return "listing"
    if page_query or _PAGE_NUMBER_RE.search(path):
        return "listing"
    if len(segments) > 1 and _INDEX_FILE_RE.fullmatch(segments[-1]):
        # /politics/slug/index.html: a page served as its folder's index is what the folder is;
        # a shallow one (/world/index.html) is a section's front, a deep one may be either
        folder = _url_kind(f"{parts.scheme}://{parts.netloc}{path[:path.rfind('/') + 1]}")
        if folder != "unknown":
            return folder
        return "unknown" if len(segments) > INDEX_FILE_DEPTH else "listing"

    date_match = _DATE_IN_PATH_RE.search(path)
    if date_match and (
        path[date_match.end() :].strip("/")
        or (date_match.start() > 0 and path[date_match.start() - 1] != "/")
    ):
        return "article"  # /2016/04/25/slug or a slug-with-date-2016-04-25
    if any(s in _LISTING_NAMESPACES for s in segments):
        return "listing"
    if date_match:
        return "listing"  # /2016/04/25/ : a day archive
    if _YEAR_MONTH_RE.search(path):
        return "article"

    last = segments[-1]
    if _EXT_RE.sub("", last) in _LISTING_LAST:
        return "listing"
    words = _slug_words(last)
    if words >= 4:
        return "article"
    id_at = next((i for i, s in enumerate(segments) if _STORY_ID_RE.search(s)), -1)
    if id_at >= 0 and (
        max(_slug_words(s) for s in segments) >= 2
        or (id_at > 0 and segments[id_at - 1] in _ARTICLE_MARKERS)
    ):
        return "article"
    if _HTML_EXT_RE.search(last) and words >= 2:
        return "article"
    return "unknown"
