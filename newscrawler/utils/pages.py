"""A fetched page's parsed tree, without a reference cycle through the response."""

from __future__ import annotations

from lxml import etree
from scrapy.http import TextResponse
from scrapy.selector import Selector


def page_root(response: TextResponse) -> etree._Element:
    """The page parsed as Scrapy's ``response.selector`` would parse it, not cached on it.

    Scrapy's cached selector points back at its response, so each page it parses is a
    reference cycle that only the cyclic garbage collector frees (some 200 dead pages
    of body, text and tree between its passes); a tree its reader owns goes when the
    reader does.
    """
    return Selector(response).root
