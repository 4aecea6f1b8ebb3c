"""The links of a parsed page, read straight off its lxml tree.

Scrapy's ``LinkExtractor`` re-reads every ``<a>`` with a general rule engine
(allow/deny patterns, tags, attributes, per-link canonicalisation): a fifth of
a crawl's CPU on link-heavy news pages. A news crawl needs less: ``<a href>``
that is not ``nofollow``, resolved against the page (``<base href>`` honoured),
HTTP(S) only, without fragments, no file downloads, each once.
"""

from __future__ import annotations

from collections.abc import Iterator
from posixpath import splitext
from urllib.parse import urljoin, urlsplit

from lxml import etree
from scrapy.linkextractors import IGNORED_EXTENSIONS

_HREFS = etree.XPath("//a[@href]")
_BASE = etree.XPath("//base/@href")
_SKIP_EXTENSIONS = frozenset("." + ext for ext in IGNORED_EXTENSIONS)


def page_links(root: etree._Element, page_url: str) -> Iterator[str]:
    """Absolute HTTP(S) URLs the page links to (not ``nofollow``, no files), each once.

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
    """
    bases = _BASE(root)
    base = urljoin(page_url, str(bases[0]).strip()) if bases else page_url
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    seen: set[str] = set()
    for anchor in _HREFS(root):
        rel = anchor.get("rel")
        if rel and "nofollow" in rel.lower().split():
            continue
        href = anchor.get("href", "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        if "/." in href or "\\" in href or href.startswith("//"):
            url = urljoin(base, href)  # dot segments, backslashes, scheme-relative
        elif href.startswith(("http://", "https://")):
            url = href
        elif href.startswith("/"):
            url = origin + href  # most site links: the common case without urljoin's work
        else:
            url = urljoin(base, href)
        url = url.partition("#")[0]
        if url in seen or not url.startswith(("http://", "https://")):
            continue
        seen.add(url)
        if splitext(urlsplit(url).path)[1].lower() in _SKIP_EXTENSIONS:
            continue
        yield url
