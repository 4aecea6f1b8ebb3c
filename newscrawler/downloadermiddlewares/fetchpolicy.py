"""Refuse every request a hostile page, feed, sitemap or redirect could abuse (see README, Safety).

Discovery requests (robots.txt ``Sitemap:`` lines, sitemap entries, feeds) carry
``allow_offsite``, so Scrapy's offsite filter lets them through, and a redirect
copies that meta. This middleware runs on every request the downloader sees,
redirects and retries included, before robots.txt is asked, and applies
:class:`newscrawler.discovery.policy.FetchPolicy`: http/https only, start hosts and
``DISCOVERY_ALLOWED_HOSTS`` only, no private address unless a start URL is on one.
Host names are looked up through the reactor's resolver (cached, threaded: the
reactor never blocks) before the request goes on. Refusals raise ``IgnoreRequest``
and count under ``discovery/refused/<why>``; each host is logged once.
"""

from __future__ import annotations

import logging
from typing import Self
from urllib.parse import urljoin

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.error import DNSLookupError

from newscrawler.discovery.policy import (
    DEFAULT_ALLOWED_HOSTS,
    SCHEMES,
    FetchPolicy,
    host_pattern,
    is_public_address,
    url_host,
)
from newscrawler.meta import NAMED_BY_START, WARC_FILE, WARC_RECORD
from newscrawler.resolver import PrivateAddressRefused
from newscrawler.utils.urls import url_scheme

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

_EXPLAIN = {
    "scheme": "only http and https URLs are fetched, except a start URL given with -a url=",
    "offsite_host": "its host is not a start host and not in DISCOVERY_ALLOWED_HOSTS",
    "private_address": "its host is on a private address and no start URL is",
}


def allowed_hosts(value: list[str]) -> tuple[str, ...]:
    """``DISCOVERY_ALLOWED_HOSTS``, checked: a clear error names a bad entry."""
    try:
        return tuple(host_pattern(v) for v in value if v.strip())
    except ValueError as error:
        raise ValueError(f"DISCOVERY_ALLOWED_HOSTS: {error}") from None


class FetchPolicyMiddleware:
    """Applies the crawl's :class:`FetchPolicy` to every request, redirects included."""

    crawler: Crawler
    policy: FetchPolicy

    def __init__(self, crawler: Crawler, hosts: tuple[str, ...]) -> None:
        self.crawler = crawler
        self.allowed_hosts = hosts
        self.logged: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        hosts = crawler.settings.getlist("DISCOVERY_ALLOWED_HOSTS", list(DEFAULT_ALLOWED_HOSTS))
        middleware = cls(crawler, allowed_hosts(hosts))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.request_scheduled, signal=signals.request_scheduled)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        # a spider's allowed_domains are its start hosts: the hosts of -a url=, a wire's
        # own hosts, the -a base_url= mirror; its start_urls are the URLs the user gave
        self.policy = FetchPolicy(
            getattr(spider, "start_urls", None) or (),
            getattr(spider, "allowed_domains", None) or (),
            self.allowed_hosts,
        )

    def request_scheduled(self, request: Request) -> None:
        """Refused before it takes a place in the queue (Scrapy's offsite filter does the same)."""
        if (why := self.refusal(request)) is not None:
            self.refuse(request.url, why)

    async def process_request(self, request: Request) -> None:
        why = self.refusal(request)
        if why is None and (name := self.policy.needs_lookup(request.url)):
            why = await self._address_refusal(name)
        if why is not None:
            self.refuse(request.url, why)

    def refusal(self, request: Request) -> str | None:
        """What the URL alone tells (scheme, host, an address written as such)."""
        if WARC_RECORD in request.meta or WARC_FILE in request.meta:
            return None  # answered from a WARC file (scrapy crawl warc): nothing is fetched
        redirected = bool(request.meta.get("redirect_urls"))
        if request.meta.get(NAMED_BY_START) and not redirected and url_scheme(request.url) in SCHEMES:
            # named by a local file the user gave: its host is one of the crawl's sites
            self.policy.add_start_host(url_host(request.url))
        return self.policy.refusal(request.url, redirected=redirected)

    def process_response(self, request: Request, response: Response) -> Response:
        """A redirect to ``file:`` (or any scheme but http/https): Scrapy does not follow it
        and hands the 3xx on; it is refused and counted here like any other."""
        if (response.status in REDIRECT_STATUSES and not request.meta.get("dont_redirect")
                and (location := response.headers.get(b"Location"))):
            target = urljoin(request.url, location.decode("latin-1").strip())
            if url_scheme(target) not in SCHEMES:
                self.refuse(target, "scheme", via=request.url)
        return response

    async def _address_refusal(self, name: str) -> str | None:
        from twisted.internet import reactor

        try:
            address = await maybe_deferred_to_future(reactor.resolve(name))
        except PrivateAddressRefused:
            return "private_address"
        except DNSLookupError:
            return None  # the download fails the same way, or a proxy resolves the name
        return None if is_public_address(address) else "private_address"

    def refuse(self, url: str, why: str, via: str | None = None) -> None:
        """Count, log once per host, and raise ``IgnoreRequest``."""
        self.crawler.stats.inc_value(f"discovery/refused/{why}")
        host = url_host(url) or url[:60]
        if (why, host) not in self.logged:
            self.logged.add((why, host))
            logger.warning("Refused %(url)s%(via)s: %(explain)s (further refusals for this "
                           "host are counted in discovery/refused/%(why)s, not logged)",
                           {"url": url, "via": f" (redirect from {via})" if via else "",
                            "explain": _EXPLAIN[why], "why": why})
        raise IgnoreRequest(f"Refused by the fetch policy ({why}): {url}")
