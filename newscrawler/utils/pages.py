"""A fetched page's parsed tree, without a reference cycle through the response."""

from __future__ import annotations

from lxml import etree
from scrapy.http import TextResponse
from scrapy.selector import Selector

from newscrawler.utils.linklists import PRUNE_FROM_BYTES, prune_link_lists


def page_root(response: TextResponse) -> etree._Element:
    """The page parsed as Scrapy's ``response.selector`` would parse it, not cached on it.

    Scrapy's cached selector points back at its response, so each page it parses is a
    reference cycle that only the cyclic garbage collector frees (some 200 dead pages
    of body, text and tree between its passes); a tree its reader owns goes when the
    reader does.

    A big page's huge lists of links are cut to their ends here, once for every reader
    (:mod:`newscrawler.utils.linklists`).
    """
    root = Selector(response).root
    if len(response.body) > PRUNE_FROM_BYTES:
        prune_link_lists(root)
    return root
