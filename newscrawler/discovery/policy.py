"""What a crawl may fetch: which schemes, which hosts, which addresses (pure, no Scrapy).

A hostile page, feed, sitemap or redirect names URLs; only the user's start URLs
(``-a url=``) are trusted as given. Everything else must be ``http``/``https``, on a
start host or a host of ``DISCOVERY_ALLOWED_HOSTS``, and on a public address unless
a start URL is itself on a private one (a local test site, a mirror on 127.0.0.1).
:class:`FetchPolicy` decides; ``newscrawler.downloadermiddlewares.fetchpolicy``
applies it to every request the downloader sees, redirects included.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

from w3lib.url import safe_url_string

from newscrawler.utils.urls import is_same_site

__all__ = [
    "DEFAULT_ALLOWED_HOSTS",
    "SCHEMES",
    "FetchPolicy",
    "host_pattern",
    "ip_of",
    "is_local_name",
    "is_public_address",
    "url_host",
]

SCHEMES = frozenset({"http", "https"})
"""The only schemes a discovered URL may have; ``file:``, ``data:``, ``ftp:``, ``s3:`` and
the rest are read only when the user gives such a URL as a start URL."""

DEFAULT_ALLOWED_HOSTS = (
    # feed services sites point their <link rel=alternate> and robots.txt at
    "feeds.feedburner.com",
    "feeds.feedblitz.com",
    # Business Wire's open feed host (www.businesswire.com blocks crawlers); the other wires
    # serve their feeds from their own sites, which their spiders' allowed_domains cover
    "feed.businesswire.com",
)
"""``DISCOVERY_ALLOWED_HOSTS`` unless set: hosts (and their subdomains) discovery may reach
from any start site."""

# RFC 6761 names that never leave the machine; resolvers answer them without asking DNS
_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost",
                          "ip6-loopback"})
# the legacy IPv4 spellings inet_aton accepts: 127.1, 0x7f.1, 2130706433, 0177.0.0.1
_LEGACY_IPV4 = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_HOST = re.compile(r"^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _clean(host: str) -> str:
    return host.strip().lower().rstrip(".").removeprefix("[").removesuffix("]")


def ip_of(host: str) -> Address | None:
    """The address a host names literally, in any spelling a resolver accepts, else ``None``.

    >>> str(ip_of("127.1")), str(ip_of("2130706433")), str(ip_of("[::ffff:a00:1]"))
    ('127.0.0.1', '127.0.0.1', '::ffff:a00:1')
    >>> ip_of("news.example") is None
    True
    """
    host = _clean(host)
    try:
        return ipaddress.ip_address(host.split("%")[0])  # an IPv6 zone id names no address
    except ValueError:
        pass
    if _LEGACY_IPV4.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))  # parsing only, no lookup
        except OSError:
            return None
    return None


def is_local_name(host: str) -> bool:
    """Whether a name means this machine without asking DNS (``localhost``, ``x.localhost``)."""
    host = _clean(host)
    return host in _LOCAL_NAMES or host.endswith(".localhost")


def is_public_address(address: str | Address) -> bool:
    """Whether an address is on the public internet: not private, loopback, link-local
    (169.254.169.254 included), unique-local, shared, multicast, reserved or unspecified,
    and, for IPv6, not carrying such an IPv4 address (mapped, NAT64, 6to4, Teredo).

    >>> [is_public_address(a) for a in ("93.184.216.34", "2606:4700::1")]
    [True, True]
    >>> [is_public_address(a) for a in ("10.0.0.1", "169.254.169.254", "100.64.0.1",
    ...     "224.0.0.1", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "64:ff9b::a00:1")]
    [False, False, False, False, False, False, False, False, False]
    """
    if isinstance(address, str):
        try:
            address = ipaddress.ip_address(_clean(address).split("%")[0])
        except ValueError:
            return False
    if isinstance(address, ipaddress.IPv6Address):
        embedded: list[ipaddress.IPv4Address | None] = [address.ipv4_mapped, address.sixtofour]
        if address.teredo:
            embedded.append(address.teredo[1])
        if address in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if any(e is not None and not is_public_address(e) for e in embedded):
            return False
    return address.is_global and not (
        address.is_private or address.is_loopback or address.is_link_local
        or address.is_multicast or address.is_reserved or address.is_unspecified
    )


def host_pattern(value: str) -> str:
    """A ``DISCOVERY_ALLOWED_HOSTS`` entry as a host: ``*.x.com``, ``.x.com`` and ``X.com.``
    all mean ``x.com`` (itself and its subdomains). Raises ``ValueError`` for anything else.

    >>> host_pattern("*.Feeds.Example.com."), host_pattern("[::1]")
    ('feeds.example.com', '::1')
    """
    host = _clean(value).removeprefix("*.").removeprefix(".")
    if ip_of(host) is not None or _HOST.match(host):
        return host
    raise ValueError(f"{value!r} is not a host name (write feeds.example.com, without "
                     "scheme, port or path)")


def url_host(url: str) -> str:
    """The host of ``url``, lowercased, without brackets or a final dot; ``""`` when it has
    none or cannot be split."""
    try:
        return _clean(urlsplit(url).hostname or "")
    except ValueError:
        return ""


class FetchPolicy:
    """The crawl's rules for what may be fetched, from its start URLs and hosts.

    ``start_urls`` are read as given (any scheme, any address): the user chose them.
    ``start_hosts`` are the sites the crawl is on (a spider's ``allowed_domains``: the
    hosts of ``-a url=``, a wire's own hosts, the ``-a base_url=`` mirror); their
    subdomains count, ``www.`` aside. ``allowed_hosts`` are other hosts discovery may
    reach (``DISCOVERY_ALLOWED_HOSTS``), with their subdomains.
    """

    def __init__(self, start_urls: Iterable[str] = (), start_hosts: Iterable[str] = (),
                 allowed_hosts: Iterable[str] = DEFAULT_ALLOWED_HOSTS) -> None:
        self.start_urls = frozenset(safe_url_string(u) for u in start_urls)
        self.allowed_hosts = tuple(host_pattern(h) for h in allowed_hosts)
        self._start_hosts: set[str] = set()
        self._sites: set[str] = set()  # start hosts without "www.", for is_same_site
        self._private_start = False
        for host in (*(url_host(u) for u in self.start_urls), *start_hosts):
            self.add_start_host(host)

    def add_start_host(self, host: str) -> None:
        """A host the crawl is on: the user named it (or a local file the user gave did)."""
        host = _clean(host)
        if not host:
            return
        self._start_hosts.add(host)
        self._sites.add(host.removeprefix("www."))
        if is_local_name(host) or ((ip := ip_of(host)) is not None and not is_public_address(ip)):
            self._private_start = True

    @property
    def allows_private(self) -> bool:
        """Whether a start URL is on a private address (by IP or a ``localhost`` name):
        then the crawl is local, and private addresses are not refused."""
        return self._private_start

    def is_start(self, url: str, *, redirected: bool = False) -> bool:
        """A start URL the user gave, asked for itself (not reached by a redirect)."""
        return not redirected and url in self.start_urls

    def refusal(self, url: str, *, redirected: bool = False) -> str | None:
        """Why ``url`` must not be fetched (``scheme``, ``private_address``, ``offsite_host``),
        or ``None``. A host name's address is checked apart (:meth:`needs_lookup`)."""
        if self.is_start(url, redirected=redirected):
            return None
        try:
            scheme = urlsplit(url).scheme.lower()
        except ValueError:
            return "scheme"
        if scheme not in SCHEMES:
            return "scheme"
        host = url_host(url)
        if not host:
            return "offsite_host"
        if host in self._start_hosts:
            return None
        ip = ip_of(host)
        private = is_local_name(host) if ip is None else not is_public_address(ip)
        if private and not self._private_start:
            return "private_address"
        if ip is not None:
            # an address has no subdomains: on the crawl only when named exactly
            return None if str(ip) in self.allowed_hosts or host in self.allowed_hosts \
                else "offsite_host"
        if is_same_site(host, self._sites) or self._allowed(host):
            return None
        return "offsite_host"

    def needs_lookup(self, url: str) -> str | None:
        """The host name whose address must be checked before ``url`` is fetched, or ``None``:
        a name other than a start host, in a crawl that does not allow private addresses."""
        if self._private_start:
            return None
        host = url_host(url)
        if not host or host in self._start_hosts or ip_of(host) is not None:
            return None
        return host

    def _allowed(self, host: str) -> bool:
        return any(host == h or host.endswith("." + h) for h in self.allowed_hosts)
