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


def test_comment_thread_longer_than_the_story_in_the_articles_footer_is_left_out() -> None:
    # the thread holds most of the page's prose, so its <footer> looks like a page wrapper
    # until the story is elected outside it: then it is boilerplate again
    blocks = extract("comments_in_article_footer.html")
    assert len(blocks) == 3
    assert blocks[0].startswith("The town's swimming pool will reopen")
    assert not any("Reader" in b or "About time too" in b for b in blocks)


def test_comment_thread_in_list_items_of_plain_divs_is_not_joined_to_the_story() -> None:
    # no class word and no semantic tag: the posts are list items holding block elements
    blocks = extract("comments_list_div_only.html")
    assert len(blocks) == 3
    assert blocks[-1].startswith("The learner pool and the gym")
    assert not any("About time too" in b for b in blocks)


def test_titled_sections_of_one_wrapped_paragraph_each_are_all_kept() -> None:
    # a product or feature page of short titled sections: each lone paragraph sits in the
    # page's usual wrapper stack, which must not make one section a box of its own
    blocks = extract("wrapped_titled_sections.html")
    assert blocks[0].startswith("It has never been easier")
    assert "Built to be rebuilt" in blocks
    assert "Add what you need" in blocks
    assert "Racks and baskets" in blocks
    assert blocks[-1].startswith("Choose three, seven or eleven speeds")
    assert len(blocks) == 10


def test_linked_subheading_over_a_wrapped_paragraph_is_kept() -> None:
    # a listicle's item titles link to the item; the paragraph under each is wrapped, so
    # the heading and its paragraph share a holder only past the wrappers
    blocks = extract("wrapped_linked_subheadings.html")
    assert "Lighthouse Keepers (£30)" in blocks
    assert "Night Market (£35)" in blocks
    assert blocks[-1].startswith("Stalls, lanterns and a rising moon")
    assert len(blocks) == 11


def test_lead_paragraphs_before_a_folded_rest_of_the_story_are_kept() -> None:
    # the rest of the story sits in a "read more" box that elects itself; the lead is
    # loose paragraphs of the box's parent, which votes for itself with them
    blocks = extract("lead_before_folded_rest.html")
    assert blocks[0].startswith("The council will review its plan")
    assert blocks[-1].startswith("Councillors from both sides")
    assert len(blocks) == 10


def test_comment_thread_after_the_comment_form_is_left_out() -> None:
    # no class word names the thread (its classes are random tokens): it is a sibling of
    # the story that comes after a box of text left out (the comment form), and weaker
    blocks = extract("thread_after_comment_form.html")
    assert len(blocks) == 8
    assert blocks[-1].startswith("The harbour master, Jory Pascoe")
    assert not any("About time too" in b or "Kernow_Kate" in b for b in blocks)


def test_sidebar_aside_outweighing_a_short_story_stays_boilerplate() -> None:
    # the <aside> holds a little more prose than the short story beside it: that does not
    # make it the page's wrapper (one misused as a wrapper holds nearly all the prose)
    blocks = extract("aside_outweighs_short_story.html")
    assert len(blocks) == 3
    assert blocks[0].startswith("The regional karting championship")
    assert not any("podcast" in b for b in blocks)


def test_a_column_of_cut_off_teasers_after_the_story_is_not_joined() -> None:
    # a plain div (no aside, no class word) of teaser summaries scores like a second part
    # of the story; its summaries are cut off ("..."): teasers of other stories
    blocks = extract("teaser_column_after_story.html")
    assert len(blocks) == 4
    assert blocks[-1].startswith("Players who paid for the founder's edition")
