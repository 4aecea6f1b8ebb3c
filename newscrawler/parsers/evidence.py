"""The page evidence a parser builds for the cleaning stages while it holds the tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscrawler.evidence import PageEvidence
from newscrawler.meta import REDIRECT
from newscrawler.soft404.botwall import HTML_SAMPLE_CHARS
from newscrawler.soft404.tree import read_tree
from newscrawler.utils.urls import absolute_url

if TYPE_CHECKING:
    from newscrawler.parsers.base import ArticleParser


def page_evidence_of(parser: ArticleParser) -> PageEvidence:
    """Everything the stages after the parser read of the page, as plain values."""
    response = parser.response
    request = response.request
    meta = request.meta if request is not None else {}
    headers = {
        key.decode("latin-1").lower(): tuple(v.decode("latin-1") for v in values)
        for key, values in response.headers.items()
    }
    location = headers.get("location", (None,))[0]
    blocks = parser.extracted_blocks
    tree = read_tree(parser.root, blocks)
    return PageEvidence(
        url=response.url,
        status=response.status,
        headers=headers,
        html_sample=response.text[:HTML_SAMPLE_CHARS],
        redirect_urls=tuple(meta.get("redirect_urls", ())),
        redirect=meta.get(REDIRECT),
        location=absolute_url(response.url, location) if location else None,
        title=parser.meta.title,
        h1s=tuple(parser.meta.h1),
        meta_robots=parser.meta.first(("robots",)),
        canonical=absolute_url(parser.base_url, parser.meta.link("canonical") or ""),
        blocks=tuple(blocks),
        page_blocks=tree.page_blocks,
        page_blocks_bounded=tree.bounded,
        framework=tree.framework,
        hints=parser.hints,
    )
