"""What a fetched body is (sitemap, feed, HTML, gzip, binary), from its first bytes, whatever
its Content-Type says."""

from __future__ import annotations

import re

_ROOT_TAG = re.compile(rb"<(?!\?|!)([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")


def is_binary(body: bytes) -> bool:
    """Whether a body is binary data (an image, a PDF, an archive), whatever its Content-Type.

    >>> is_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR"), is_binary("<p>Café</p>".encode())
    (True, False)
    >>> is_binary("<p>Hi</p>".encode("utf-16"))  # UTF-16 text has NULs, and a BOM
    False
    """
    head = body[:1024]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def sniff(body: bytes) -> str:
    """What a fetched body is, from its first element: sitemap, sitemapindex, feed or html.

    >>> sniff(b'<?xml version="1.0"?><urlset xmlns="x"><url/></urlset>')
    'sitemap'
    >>> sniff(b"<rss version='2.0'><channel/></rss>")
    'feed'
    >>> sniff(b"<!DOCTYPE html><html><body></body></html>")
    'html'
    """
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    match = _ROOT_TAG.search(head)
    if not match:
        return "text"
    tag = match.group(2).lower()
    if tag == b"urlset":
        return "sitemap"
    if tag == b"sitemapindex":
        return "sitemapindex"
    if tag in (b"rss", b"feed", b"rdf"):
        return "feed"
    return "html"
