"""Safe parsing of untrusted XML (sitemaps, feeds): no entity expansion, no network."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

logger = logging.getLogger(__name__)

# No entity expansion (billion laughs), no network (XXE), no huge-tree mode; recover from the
# small breakages real feeds have.
PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "recover": True,
    "remove_comments": True,
    "remove_pis": True,
    "load_dtd": False,
}

# what libxml2 reports when it refuses to expand entities (billion laughs, quadratic blowup)
_BOMB_ERROR = re.compile(r"amplification|entity reference loop|entities? .*(?:exceed|too many)",
                         re.IGNORECASE)



def parse_xml(body: bytes) -> etree._Element | None:
    """The root element of an XML document, or ``None`` when it is not XML at all."""
    parser = etree.XMLParser(**PARSER_OPTIONS)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None
    # libxml2 stops at an entity bomb and, recovering, would hand back a silently cut tree
    if (bomb := bomb_error(parser.error_log)) is not None:
        logger.warning("Refused an XML entity bomb: %(error)s", {"error": bomb})
        return None
    return root


def bomb_error(error_log: Iterable[Any]) -> str | None:
    """The message of a parser's refusal to expand entities (an entity bomb), if any."""
    return next((e.message for e in error_log if _BOMB_ERROR.search(e.message)), None)


def local_name(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):  # comments, entities
        return ""
    return tag.rpartition("}")[2].lower()


def child_text(el: etree._Element, name: str) -> str | None:
    for child in el:
        if local_name(child) == name:
            text = "".join(child.itertext()).strip()
            return text or None
    return None
