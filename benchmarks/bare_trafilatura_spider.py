"""Crawl benchmark (d): the bare spider (a) calling trafilatura on every page (benchmark only).

This is "a Scrapy spider that calls trafilatura for extraction": no project code,
Scrapy's defaults, ``trafilatura.extract`` on each HTML page. Its pages per second
bound what any Scrapy crawl can gain over trafilatura: (a)/(d) is the ratio a
crawl whose cleaning cost nothing at all would reach.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import trafilatura  # type: ignore[import-not-found]
from bare_spider import BareSpider  # type: ignore[import-not-found]
from scrapy.http import Response, TextResponse


class BareTrafilaturaSpider(BareSpider):
    name = "bare_trafilatura"

    def parse(self, response: Response) -> Iterator[Any]:
        for result in super().parse(response):
            if isinstance(result, dict) and isinstance(response, TextResponse):
                result["text"] = trafilatura.extract(response.text, include_comments=False,
                                                     include_tables=False)
            yield result
