"""Pages declared UTF-8 that are windows-1252: decode them as what they are.

Old CMSs and wire feeds pasted into UTF-8 templates send windows-1252 bytes
under ``charset=utf-8`` (in the header, the ``<meta>``, or both). Decoded as
declared, every curly quote, dash and accented letter becomes U+FFFD. When a
page that resolves to UTF-8 is not valid UTF-8 and reads better as
windows-1252, this middleware re-decodes it as windows-1252 and counts
``encoding/cp1252_declared_utf8``. A UTF-8 page with one stray byte stays UTF-8.

It works on the way back from the downloader, after decompression
(``HttpCompressionMiddleware``, 590), so its order is below 590.
"""

from __future__ import annotations

import codecs
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse

from newscrawler.discovery.xml import is_binary


def is_cp1252_declared_utf8(body: bytes) -> bool:
    """Whether ``body``, said to be UTF-8, is really windows-1252.

    It is when it is not binary, not valid UTF-8, and has more invalid sequences
    than valid non-ASCII characters.

    >>> is_cp1252_declared_utf8("“Café” – déjà vu".encode("cp1252"))
    True
    >>> is_cp1252_declared_utf8("“Café” – déjà vu".encode("utf-8"))
    False
    >>> is_cp1252_declared_utf8("“Café” – déjà vu".encode("utf-8") + b"\\x92")  # one stray byte
    False
    """
    if is_binary(body):
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return False
    text = body.decode("utf-8", "replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for char in text if char > "\x7f") - invalid
    return invalid > valid


class Cp1252FallbackMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if (
            isinstance(response, TextResponse)
            and codecs.lookup(response.encoding).name == "utf-8"
            and is_cp1252_declared_utf8(response.body)
        ):
            self.stats.inc_value("encoding/cp1252_declared_utf8")
            return response.replace(encoding="cp1252")
        return response
