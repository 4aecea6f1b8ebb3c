"""What every component's ``from_crawler`` opens with: its on/off switch, its settings checked
at start-up, and settings renamed in this release still read under their old names."""

from __future__ import annotations

import warnings
from typing import ClassVar, Self, TypeVar

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured, ScrapyDeprecationWarning
from scrapy.settings import BaseSettings

T = TypeVar("T")

RENAMED_SETTINGS: dict[str, str] = {
    # the within-page stage has one name everywhere: repeats
    "DUPLICATES_WITHIN_PAGE_ENABLED": "REPEATS_ENABLED",
}
"""Old name -> new name; the old one is honoured, with a deprecation warning, for one release."""


def require(settings: BaseSettings, switch: str, default: bool = True) -> None:
    """Raise ``NotConfigured`` when the component's ``switch`` setting is off."""
    if not settings.getbool(switch, default):
        raise NotConfigured(f"{switch} is off")


def at_least(settings: BaseSettings, name: str, default: int, minimum: int,
             meaning: str = "") -> int:
    """The whole-number setting ``name``, refused at start-up below ``minimum`` (``meaning``
    says what the minimum means, e.g. 0 for "no limit", for the message)."""
    value = settings.getint(name, default)
    if value < minimum:
        said = f" ({meaning})" if meaning else ""
        raise ValueError(f"{name} must be {minimum}{said} or more, not {value}")
    return value


def positive_days(settings: BaseSettings, name: str, default: float) -> float:
    """An expiry setting, refused unless it is a positive number of days."""
    value = settings.getfloat(name, default)
    if value <= 0:
        raise ValueError(f"{name} must be a positive number of days, not {value!r}")
    return value


def attach(component: T, crawler: Crawler) -> T:
    """``component`` with its crawler set (Scrapy components reach stats and signals through
    it), returned for ``from_crawler``."""
    setattr(component, "crawler", crawler)  # noqa: B010 (any component class)
    return component


class SwitchedComponent:
    """Base of a component whose one setting is its switch: ``from_crawler`` checks
    ``switch`` and attaches the crawler."""

    switch: ClassVar[str]
    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        require(crawler.settings, cls.switch)
        return attach(cls(), crawler)


class RenamedSettings:
    """Add-on: a setting given under its old name (``-s`` or a project's settings) is copied to
    its new name, unless that is set too, and a ``ScrapyDeprecationWarning`` names both."""

    def update_settings(self, settings: BaseSettings) -> None:
        for old, new in RENAMED_SETTINGS.items():
            priority = settings.getpriority(old)
            if priority is None:
                continue
            warnings.warn(f"The {old} setting is deprecated; use {new}",
                          ScrapyDeprecationWarning, stacklevel=2)
            if (settings.getpriority(new) or 0) < priority:
                settings.set(new, settings[old], priority)
