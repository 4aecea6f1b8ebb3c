"""A fetched page's parsed tree, without a reference cycle through the response."""

from __future__ import annotations

from lxml import etree, html
from parsel.selector import create_root_node
from scrapy.http import HtmlResponse, TextResponse
from scrapy.selector import Selector
from scrapy.utils.response import get_base_url

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
    if isinstance(response, HtmlResponse):
        # parsel's parse of an HTML response (text, base URL, huge trees), lxml.html's classes
        root = create_root_node(response.text, _HTMLParser, base_url=get_base_url(response),
                                huge_tree=True)
    else:
        root = Selector(response).root
    if len(response.body) > PRUNE_FROM_BYTES:
        prune_link_lists(root)
    return root


# lxml.html names each element's class in Python (HtmlElementClassLookup.lookup, for its form
# field classes) each time a reader touches an element: ~560 calls a page in the crawl
# benchmark. The same classes for every element, named in C: 200 pages parsed and walked
# three times, 2.0 -> 1.1 us per element read.
_CLASSES = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction,
    entity=html.HtmlEntity)


class _HTMLParser(html.HTMLParser):
    """lxml.html's parser with :data:`_CLASSES` (no form element classes: none is used)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.set_element_class_lookup(_CLASSES)
