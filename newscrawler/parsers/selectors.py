"""Site parsers declare selectors, not methods: a ``<field>_xpath`` class attribute is the field.

As in Fundus, a publisher's parser file holds its selectors and its quirks, not the same
``title()``, ``subtitle()`` and ``published()`` methods over and over. For each field of
:data:`TEXT_FIELDS` and :data:`DATE_FIELDS` that a parser class gives an XPath (or a tuple
of XPaths, tried in order), :func:`declare_fields` writes the method that reads it: the
first text found, on one line (a date: parsed). A class that writes the method itself keeps
its own. The generic layer stays the fallback of a selector that finds nothing, as for any
site method (:mod:`newscrawler.parsers.base`), and a field the class gives no selector is
left to the generic layer without counting a fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from newscrawler.utils.dates import parse_date

Selectors = etree.XPath | tuple[etree.XPath, ...]
"""One XPath, or several tried in order (the page's own element, then a ``<meta>``)."""

TEXT_FIELDS = ("title", "subtitle", "source", "issuer")
DATE_FIELDS = ("published", "modified")


def select_text(parser: Any, selectors: Selectors | None) -> str | None:
    """The first text one of ``selectors`` finds on the page of ``parser`` (which reads an
    XPath with ``first_text``), or ``None``."""
    if selectors is None:
        return None
    for xpath in selectors if isinstance(selectors, tuple) else (selectors,):
        if text := parser.first_text(xpath):
            return str(text)
    return None


def select_date(parser: Any, selectors: Selectors | None) -> str | None:
    """The date the first text of ``selectors`` gives (ISO 8601), or ``None``."""
    value = select_text(parser, selectors)
    return parse_date(value) if value else None


def _field(name: str, read: Callable[[Any, Selectors | None], str | None]) -> Callable[[Any], Any]:
    attribute = f"{name}_xpath"

    def field(self: Any) -> str | None:
        return read(self, getattr(self, attribute))

    field.__name__ = field.__qualname__ = name
    field.__doc__ = f"The ``{attribute}`` selector's {'date' if name in DATE_FIELDS else 'text'}."
    return field


def declare_fields(cls: type) -> None:
    """Give ``cls`` a method for each field it declares a selector for and does not read
    itself (call it from ``__init_subclass__``, before the fallback wrapping)."""
    for name in (*TEXT_FIELDS, *DATE_FIELDS):
        if name in cls.__dict__ or cls.__dict__.get(f"{name}_xpath") is None:
            continue
        setattr(cls, name, _field(name, select_date if name in DATE_FIELDS else select_text))
