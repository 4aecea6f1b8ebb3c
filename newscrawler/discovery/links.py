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
    """
    bases = _BASE(root)
    base = urljoin(page_url, str(bases[0]).strip()) if bases else page_url
    seen: set[str] = set()
    for anchor in _HREFS(root):
        rel = anchor.get("rel")
        if rel and "nofollow" in rel.lower().split():
            continue
        href = anchor.get("href", "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        url = urljoin(base, href).partition("#")[0]
        if url in seen or not url.startswith(("http://", "https://")):
            continue
        seen.add(url)
        if splitext(urlsplit(url).path)[1].lower() in _SKIP_EXTENSIONS:
            continue
        yield url
