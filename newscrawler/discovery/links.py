"""The links of a parsed page, read straight off its lxml tree.

Scrapy's ``LinkExtractor`` re-reads every ``<a>`` with a general rule engine
(allow/deny patterns, tags, attributes, per-link canonicalisation): a fifth of
a crawl's CPU on link-heavy news pages. A news crawl needs less: ``<a href>``
that is not ``nofollow``, resolved against the page (``<base href>`` honoured),
HTTP(S) only, without fragments, no file downloads, each once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from posixpath import splitext
from urllib.parse import urlsplit

import scrapy.utils.response
from lxml import etree
from scrapy.http import TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS

from newscrawler.utils.urls import MAX_URL_LENGTH, absolute_url

_HREFS = etree.XPath("//a[@href]")
_BASE = etree.XPath("//base/@href")
_SKIP_EXTENSIONS = frozenset("." + ext for ext in IGNORED_EXTENSIONS)
# Links that are not pages, on purpose: skipped without a word.
_NOT_PAGES = ("javascript:", "mailto:", "tel:", "data:")
# A site path that needs no resolving or checking (no dot segments, backslashes, spaces,
# control characters) and is not over-long.
_PLAIN_PATH = re.compile(rf"/(?!/)[^\s\\\x00-\x1f\x7f]{{0,{MAX_URL_LENGTH - 64}}}").fullmatch
# An absolute http(s) URL that needs no checking: a plain host, a port under 10000.
_PLAIN_ABSOLUTE = re.compile(
    r"https?://[\w-]+(?:\.[\w-]+)*\.?(?::[1-9]\d{0,3})?"
    rf"(?:[/?#][^\s\\\x00-\x1f\x7f]{{0,{MAX_URL_LENGTH - 320}}})?"
).fullmatch


def base_of(root: etree._Element, page_url: str) -> str:
    """What the page's relative URLs resolve against: its ``<base href>`` when usable.

    >>> import lxml.html
    >>> base_of(lxml.html.fromstring('<p><base href="/b/"></p>'), "https://w.test/a")
    'https://w.test/b/'
    >>> base_of(lxml.html.fromstring('<p><base href="http://[::1"></p>'), "https://w.test/a")
    'https://w.test/a'
    """
    bases = _BASE(root)
    return (absolute_url(page_url, str(bases[0])) if bases else None) or page_url


def tolerate_bad_base(response: TextResponse) -> bool:
    """Make Scrapy read a page whose ``<base href>`` is no URL (``http://[::1``) at its own URL.

    Scrapy's ``get_base_url`` raises ``ValueError`` on such a page, and with it
    ``response.selector``, ``response.xpath`` and ``response.urljoin``: the page would be
    lost. Its cache of base URLs is set to the page's URL instead (what :func:`base_of`
    does); ``True`` when that was needed.
    """
    try:
        scrapy.utils.response.get_base_url(response)
    except ValueError:
        cache = getattr(scrapy.utils.response, "_baseurl_cache", None)
        if cache is not None:  # a Scrapy without it: the page fails, as a counted error
            cache[response] = response.url
        return True
    return False


def page_links(
    root: etree._Element, page_url: str, on_bad_url: Callable[[str], object] | None = None
) -> Iterator[str]:
    """Absolute HTTP(S) URLs the page links to (not ``nofollow``, no files), each once.

    An ``href`` that is no usable URL (``http://[::1``, ``http://a b/``, a port out of
    range, over-long) is skipped and handed to ``on_bad_url``.

    >>> import lxml.html
    >>> root = lxml.html.fromstring(
    ...     '<p><a href="/a#top">A</a> <a href="b.pdf">B</a> <a rel="nofollow" href="/c">C</a>'
    ...     ' <a href="mailto:x@y">M</a> <a href="/a">again</a> <a href="//o.test/d">D</a></p>')
    >>> list(page_links(root, "https://w.test/news/"))
    ['https://w.test/a', 'https://o.test/d']
    >>> root = lxml.html.fromstring(
    ...     '<p><a href="/x/../y?q=1">Y</a> <a href="z">Z</a> <a href="HTTPS://w.test/u">U</a></p>')
    >>> list(page_links(root, "https://w.test/news/"))
    ['https://w.test/y?q=1', 'https://w.test/news/z', 'https://w.test/u']
    >>> bad = []
    >>> root = lxml.html.fromstring('<p><a href="http://[::1">X</a> <a href="/ok">OK</a></p>')
    >>> list(page_links(root, "https://w.test/", bad.append)), bad
    (['https://w.test/ok'], ['http://[::1'])
    """
    base = base_of(root, page_url)
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    seen: set[str] = set()
    for anchor in _HREFS(root):
        rel = anchor.get("rel")
        if rel and "nofollow" in rel.lower().split():
            continue
        href = anchor.get("href", "").strip()
        if not href or href.startswith("#") or href[:11].lower().startswith(_NOT_PAGES):
            continue
        if href.startswith("/") and "/." not in href and _PLAIN_PATH(href):
            url = origin + href  # most site links: the common case without urljoin's work
        elif "/." not in href and _PLAIN_ABSOLUTE(href):
            url = href
        elif (checked := absolute_url(base, href)) is not None:
            url = checked  # dot segments, backslashes, other hosts: resolved and checked
        else:
            if on_bad_url is not None:
                on_bad_url(href)
            continue
        url = url.partition("#")[0]
        if url in seen:
            continue
        seen.add(url)
        if splitext(urlsplit(url).path)[1].lower() in _SKIP_EXTENSIONS:
            continue
        yield url
