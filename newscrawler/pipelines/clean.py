"""Normalise every field's text, whatever parser produced it.

Parsers return what their selectors find; this stage makes all spiders' items
read the same: entities decoded, whitespace folded, paragraphs separated by one
blank line, authors de-duplicated, languages as ISO 639-1 codes.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from newscrawler.components import SwitchedComponent
from newscrawler.utils.language import normalize_language
from newscrawler.utils.text import clean_body, clean_inline, unique

INLINE_FIELDS = ("title", "subtitle", "description", "source", "dateline")


def clean_fields(adapter: ItemAdapter) -> None:
    """Clean an item's text fields in place."""
    for name in INLINE_FIELDS:
        if name in adapter:
            adapter[name] = clean_inline(adapter.get(name))
    if "body" in adapter:
        adapter["body"] = clean_body(adapter.get("body") or "")
    if "authors" in adapter:
        adapter["authors"] = unique(
            a for a in (clean_inline(x) for x in adapter.get("authors") or []) if a
        )
    if "language" in adapter:
        adapter["language"] = normalize_language(adapter.get("language"))
    if "flags" in adapter:
        adapter["flags"] = unique(adapter.get("flags") or [])


class CleanArticlePipeline(SwitchedComponent):
    """``CLEAN_ENABLED`` (default ``True``) switches it off."""

    switch = "CLEAN_ENABLED"

    def process_item(self, item: Any) -> Any:
        clean_fields(ItemAdapter(item))
        return item
