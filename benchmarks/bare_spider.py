"""Crawl benchmark (a): bare Scrapy on the benchmark site, no project code or settings.

It discovers what ``generic`` discovers (robots.txt -> sitemap index -> sitemaps,
and every in-site link of every page, ``rel=next`` included) and yields only
``url`` and ``title``. ``benchmarks/crawl.py`` runs it with ``scrapy runspider``
from a folder without ``scrapy.cfg``, so Scrapy's defaults apply plus the same
concurrency, delay and robots settings as run (b), and the same error pages reach
its callback (401, 403, 404, 410, as the project's ``HTTPERROR_ALLOWED_CODES``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots


class BareSpider(Spider):
    name = "bare"
    # the error pages the project's stages see (its HTTPERROR_ALLOWED_CODES) reach this
    # callback too, so (a) and (d) handle the same pages as (b) and (c)
    handle_httpstatus_list: ClassVar[list[int]] = [401, 403, 404, 410]

    def __init__(self, url: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_url = url
        self.host = urlsplit(url).netloc
        self.links = LinkExtractor(unique=True)

    async def start(self) -> AsyncIterator[Request]:
        yield Request(self.start_url, callback=self.parse, dont_filter=True)
        root = f"{urlsplit(self.start_url).scheme}://{self.host}"
        yield Request(f"{root}/robots.txt", callback=self.parse_robots)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            yield Request(url, callback=self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        sitemap = Sitemap(response.body)
        for entry in sitemap:
            callback = self.parse_sitemap if sitemap.type == "sitemapindex" else self.parse
            yield Request(entry["loc"], callback=callback)

    def parse(self, response: Response) -> Iterator[Any]:
        if not isinstance(response, TextResponse):
            return
        yield {"url": response.url, "title": response.css("title::text").get()}
        for link in self.links.extract_links(response):
            if urlsplit(link.url).netloc == self.host:
                yield Request(link.url, callback=self.parse)
