"""Crawl benchmark (c): ``generic`` with trafilatura as the body extractor (benchmark only).

Everything else is run (b): the project's settings and every stage. trafilatura is
never a project dependency; ``benchmarks/crawl.py`` puts a throwaway install
(``pip install --target /tmp/trafi trafilatura``) on ``PYTHONPATH`` for this run.
"""

from __future__ import annotations

from functools import cached_property

import trafilatura  # type: ignore[import-not-found]

from newscrawler.parsers.base import ArticleParser
from newscrawler.spiders.generic import GenericSpider


class TrafilaturaParser(ArticleParser):
    name = "generic"

    @cached_property
    def extracted_blocks(self) -> list[str]:
        text = trafilatura.extract(self.response.text, include_comments=False,
                                   include_tables=False)
        return [line for line in (text or "").split("\n") if line.strip()]


class GenericTrafilaturaSpider(GenericSpider):
    name = "generic_trafilatura"
    parser_class = TrafilaturaParser
