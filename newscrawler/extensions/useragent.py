"""``NEWSCRAWLER_CONTACT``: say who runs the crawl, in the default ``User-Agent``.

An add-on (enabled in ``settings.ADDONS``) rather than a middleware: it only
turns one setting into another, once, before the crawl starts. It sets
``USER_AGENT`` at add-on priority, which is below every place a user sets
``USER_AGENT`` themselves (``settings.py``, ``-s``, a spider's
``custom_settings``), so their own value always wins. Robots.txt rules are
matched against the same User-Agent (``newscrawler``).
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

PRODUCT = "newscrawler/0.1"
DEFAULT_CONTACT = "https://github.com/newscrawler/newscrawler"


def user_agent(contact: str | None) -> str:
    """The User-Agent naming ``contact``: a URL, a ``mailto:`` URL or a bare e-mail address.

    >>> user_agent("data-team@example.com")
    'newscrawler/0.1 (+mailto:data-team@example.com)'
    >>> user_agent("https://example.com/crawler")
    'newscrawler/0.1 (+https://example.com/crawler)'
    >>> user_agent(None)
    'newscrawler/0.1 (+https://github.com/newscrawler/newscrawler)'
    """
    contact = (contact or "").strip() or DEFAULT_CONTACT
    if "@" in contact and ":" not in contact:
        contact = f"mailto:{contact}"
    return f"{PRODUCT} (+{contact})"


class ContactUserAgent:
    """Add-on: ``USER_AGENT = newscrawler/0.1 (+<NEWSCRAWLER_CONTACT>)`` unless set elsewhere."""

    def update_settings(self, settings: BaseSettings) -> None:
        settings.set("USER_AGENT", user_agent(settings.get("NEWSCRAWLER_CONTACT")),
                     priority="addon")
