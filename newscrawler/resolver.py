"""Scrapy's caching DNS resolver, refusing a host name that turns from public to private.

DNS rebinding: a hostile host answers a public address when the crawl checks it
(``FetchPolicyMiddleware`` looks discovered host names up before fetching) and a
private one (127.0.0.1, 10.x, 169.254.169.254) when the downloader connects. This
resolver sees every lookup the downloader makes, at connect time, and refuses a
private answer for a name that has had a public one. It holds no crawl policy: a
name whose first answer is private is the middleware's to judge (a local crawl
allows it). Set as ``TWISTED_DNS_RESOLVER`` in ``newscrawler/settings.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError

from newscrawler.discovery.policy import is_public_address


class PrivateAddressRefused(DNSLookupError):
    """A host name that resolved to a public address now resolves to a private one."""


class PublicPinningResolver(CachingThreadedResolver):
    """Once a name has resolved to a public address, a private answer for it is refused."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.public_names: set[str] = set()

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> Deferred[str]:
        return super().getHostByName(name, timeout).addCallback(self.checked, name)

    def checked(self, address: str, name: str) -> str:
        """``address`` for ``name``, or ``PrivateAddressRefused`` when it is a rebinding."""
        key = name.lower().rstrip(".")
        if is_public_address(address):
            self.public_names.add(key)
        elif key in self.public_names:
            raise PrivateAddressRefused(f"{name} resolved to a public address before, now to "
                                        f"{address}: refused (DNS rebinding)")
        return address
