"""Paginated listings: which URL is a listing's next page, and whether to ask for it.

A wire's releases list is numbered by a query parameter (PR Newswire:
``?page=2&pagesize=25``). The next page is the page's own "next" link when it has one,
else the same URL with the page number one higher. Either way it must stay on the
listing's host and path and move forward, so a link back to page 1, to another section
or to another site never starts a loop or a second crawl.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["next_page_url", "page_number"]


def page_number(url: str, param: str = "page") -> int:
    """The page a listing URL asks for (1 when it names none or no usable number).

    >>> page_number("https://w.test/list/?page=3&pagesize=25"), page_number("https://w.test/list/")
    (3, 1)
    """
    for key, value in parse_qsl(urlsplit(url).query):
        if key == param and value.isdigit():
            return max(int(value), 1)
    return 1


def _with_page(url: str, param: str, number: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != param]
    return urlunsplit(parts._replace(query=urlencode([(param, str(number)), *query])))


def next_page_url(current: str, next_link: str | None = None, param: str = "page") -> str | None:
    """The listing page after ``current``, or ``None`` when the next link leads elsewhere.

    ``next_link`` is the page's own (absolute) next link; without one the page number is
    counted up. A next link is followed only on the same host and path and to a higher page.

    >>> next_page_url("https://w.test/list/", "https://w.test/list/?page=2&pagesize=25")
    'https://w.test/list/?page=2&pagesize=25'
    >>> next_page_url("https://w.test/list/?page=2&pagesize=25")
    'https://w.test/list/?page=3&pagesize=25'
    >>> next_page_url("https://w.test/list/?page=2", "https://w.test/list/?page=1") is None
    True
    >>> next_page_url("https://w.test/list/", "https://other.test/list/?page=2") is None
    True
    """
    here = urlsplit(current)
    if next_link is None:
        return _with_page(current, param, page_number(current, param) + 1)
    there = urlsplit(next_link)
    if (there.scheme, there.netloc.lower(), there.path) != (here.scheme, here.netloc.lower(),
                                                            here.path):
        return None
    if page_number(next_link, param) <= page_number(current, param):
        return None
    return next_link
