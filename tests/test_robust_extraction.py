"""Extraction of pages whose only cues are structure (no class words, no semantic tags, no JSON-LD).

The fixtures are our own invented pages with the structure of a kind of page the dev sets
under-represent (``benchmarks/robustness.py`` perturbs the dev pages into these kinds).
"""

from __future__ import annotations

from pathlib import Path

import parsel

from newscrawler.extract.body import extract_body

DATA = Path(__file__).parent / "data" / "extraction"


def extract(name: str) -> list[str]:
    return extract_body(parsel.Selector(text=(DATA / name).read_text(encoding="utf-8")).root)


def test_paragraphs_each_in_a_wrapper_stack_elect_their_container() -> None:
    # React/CMS pages wrap every <p> in its own <div><div>: the story's container is two
    # levels further from each paragraph than a single comma-rich box (an author bio) is
    # from its own; the wrappers must not divide the story's votes.
    blocks = extract("wrapped_paragraphs.html")
    assert blocks[0].startswith("The paper lanterns came back")
    assert blocks[-1].startswith("The last boat of lanterns")
    assert len(blocks) == 6
    assert not any("Ama Brookfield writes" in b for b in blocks)
