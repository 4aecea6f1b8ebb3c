"""Pages declared UTF-8 that are windows-1252: decode them as what they are.

Old CMSs and wire feeds pasted into UTF-8 templates send windows-1252 bytes
under ``charset=utf-8`` (in the header, the ``<meta>``, or both). Decoded as
declared, every curly quote, dash and accented letter becomes U+FFFD. When a
page that resolves to UTF-8 has non-ASCII bytes but not one valid multi-byte
UTF-8 sequence, nothing in it is UTF-8: this middleware re-decodes it as
windows-1252 and counts ``encoding/cp1252_declared_utf8``.

A page with any valid multi-byte sequence is UTF-8 with some bad bytes (a
pasted paragraph, a stray byte): it stays UTF-8, decoded with U+FFFD for the
invalid bytes only. Re-decoding it as windows-1252 would turn every valid
``é`` into ``Ã©``.

It works on the way back from the downloader, after decompression
(``HttpCompressionMiddleware``, 590), so its order is below 590.
"""

from __future__ import annotations

import codecs
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse

from newscrawler.utils.sniff import is_binary

_CHUNK = 64 * 1024


def is_cp1252_declared_utf8(body: bytes) -> bool:
    """Whether ``body``, said to be UTF-8, is really windows-1252.

    It is when it is not binary, has non-ASCII bytes, and not one of them is part
    of a valid multi-byte UTF-8 sequence (so none is valid UTF-8). Decoded in
    chunks with the invalid bytes dropped, stopping at the first chunk where a
    non-ASCII character survives: bounded memory, and quick for real UTF-8.

    >>> is_cp1252_declared_utf8("“Café” – déjà vu".encode("cp1252"))
    True
    >>> is_cp1252_declared_utf8("“Café” – déjà vu".encode("utf-8"))
    False
    >>> is_cp1252_declared_utf8("“Café” – déjà vu".encode("utf-8") + b"\\x92")  # one stray byte
    False
    >>> is_cp1252_declared_utf8(b"caf\\xc3\\xa9 \\xe9t\\xe9 \\x93quoted\\x94")  # mostly bad: still UTF-8
    False
    >>> is_cp1252_declared_utf8(b"plain ASCII")
    False
    """
    if body.isascii() or is_binary(body):
        return False
    decoder = codecs.getincrementaldecoder("utf-8")("ignore")
    view = memoryview(body)
    for start in range(0, len(body), _CHUNK):
        if not decoder.decode(view[start:start + _CHUNK]).isascii():
            return False
    return decoder.decode(b"", final=True).isascii()


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
