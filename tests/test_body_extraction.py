"""Tests for the generic article-body extractor (fixtures are our own pages, not the benchmark)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import parsel
import pytest

from newscrawler.extract.body import extract_body
from newscrawler.extract.structured import pick_body

DATA = Path(__file__).parent / "data" / "extraction"


def root_of(name: str) -> lxml.html.HtmlElement:
    """Parse a fixture the way Scrapy does (parsel over lxml's HTMLParser)."""
    return parsel.Selector(text=(DATA / name).read_text(encoding="utf-8")).root


def extract(name: str) -> list[str]:
    return extract_body(root_of(name))


def assert_absent(blocks: list[str], *pieces: str) -> None:
    text = "\n".join(blocks)
    for piece in pieces:
        assert piece not in text, piece


def test_semantic_article_drops_page_chrome() -> None:
    blocks = extract("article_semantic.html")
    assert blocks == [
        (
            "The harbour council voted on Tuesday evening to approve a new winter ferry timetable, "
            "adding two early crossings on weekdays and ending the long gap between the lunchtime "
            "and evening sailings."
        ),
        (
            "Commuters had complained for years that the old schedule forced them to choose between "
            "arriving an hour early or half an hour late, and a petition signed by more than 1,200 "
            "residents was presented at the meeting."
        ),
        (
            "“This is the change people asked for,” said councillor Maren Holt, who chairs the "
            "transport committee. “It costs us one extra crew shift a day, and we think that is "
            "money well spent.”"
        ),
        (
            "The new timetable takes effect on the first Monday of December and will be reviewed "
            "after three months."
        ),
    ]
    assert_absent(blocks, "Sport", "Most read", "Storm warning", "All rights reserved", "Privacy")


def test_div_soup_with_link_dense_sidebar() -> None:
    blocks = extract("div_soup.html")
    assert len(blocks) == 3
    assert blocks[0].startswith("Apple and pear growers in the upper valley")
    assert blocks[-1].endswith("may not survive until the next harvest.")
    assert_absent(blocks, "Regional news", "Log in", "Copyright", "Sections")


def test_br_br_splits_paragraphs_and_single_br_does_not() -> None:
    blocks = extract("br_paragraphs.html")
    assert blocks == [
        (
            "The town library reopened on Saturday, eight months after a burst river bank flooded "
            "its ground floor and ruined thousands of books."
        ),
        (
            "Volunteers spent the summer drying, sorting and cataloguing donated books, and the "
            "children's corner now has more titles than before the flood."
        ),
        (
            'The head librarian thanked the fire brigade, the building crews and "every neighbour '
            'who turned up with a box of paperbacks".'
        ),
        "Opening hours are unchanged: nine until six on weekdays and ten until four on Saturdays.",
    ]
    assert_absent(blocks, "Front page", "Archive")


def test_subheadings_and_list_items_kept_in_order() -> None:
    blocks = extract("headings_lists.html")
    assert blocks[1:8] == [
        "Which bin is which",
        (
            "The council has published a colour guide, and new bins will be delivered during the "
            "last two weeks of this month."
        ),
        "Blue: paper, cardboard and clean cartons.",
        "Green: garden and food waste.",
        "Yellow: plastic bottles, tins and cans.",
        "Grey: everything that cannot be recycled.",
        "Glass still goes to the bank",
    ]
    assert blocks[8].startswith("Glass bottles and jars")
    assert blocks[9:11] == ["Rinse the jar or bottle.", "Remove lids and corks."]
    assert blocks[-1].startswith("Residents who are unsure")
    assert len(blocks) == 12
    assert_absent(blocks, "Guides")


def test_boilerplate_inside_and_around_the_article_is_removed() -> None:
    blocks = extract("boilerplate_inside.html")
    assert [b.split(",")[0] for b in blocks] == [
        (
            "A young energy company wants to build solar canopies over five of the city's largest "
            "open-air car parks"
        ),
        "The founders say the steel frames can be assembled in sections over a weekend",
        "City planners will study the proposal next month",
        "If approved",
    ]
    assert_absent(
        blocks,
        "cookies",  # cookie banner
        "Tomas Reyes",  # byline outside the text flow
        "Share on",  # share bar
        "artist's impression",  # figure caption
        "newsletter",  # newsletter box
        "Advertisement",  # ad stub
        "Related stories",  # related links
        "carbon neutral",
        "comments",  # comments section
        "maintenance",
        "Startup plans solar canopy",  # the headline is not body text
    )


def test_short_wire_flash_is_extracted() -> None:
    assert extract("wire_flash.html") == [
        (
            "ROTTERDAM, March 3 - Dock workers' unions called off a planned 48-hour strike at the "
            "port on Tuesday after reaching a pay agreement with employers in overnight talks."
        ),
        "Details of the deal will be presented to members later this week, a union spokesman said.",
    ]


def test_story_split_by_an_ad_is_joined() -> None:
    blocks = extract("split_story.html")
    assert len(blocks) == 4
    assert blocks[0].startswith("The city museum has agreed")
    assert blocks[2].startswith("Parish records, however")
    assert blocks[3].endswith("has been fitted in the church.")
    assert_absent(blocks, "Advertisement", "Five things", "Theatre festival")


def test_navigation_only_page_gives_nothing() -> None:
    assert extract("nav_only.html") == []


def test_empty_and_textless_documents() -> None:
    assert extract_body(parsel.Selector(text="<html><body></body></html>").root) == []
    assert extract_body(parsel.Selector(text="<html><body><img src=x></body></html>").root) == []


def test_whitespace_is_normalised() -> None:
    html = (
        "<html><body><div class='content'><p>  Rain\u00a0and\u00a0 wind\n\n are "
        "expected <b>across</b>\tthe\u2009region, forecasters said on Monday.  </p>"
        "<p>\u00a0</p><p>Schools will stay open, the education office said in a statement.</p>"
        "</div></body></html>"
    )
    blocks = extract_body(parsel.Selector(text=html).root)
    assert blocks == [
        "Rain and wind are expected across the region, forecasters said on Monday.",
        "Schools will stay open, the education office said in a statement.",
    ]


def test_factbox_chart_labels_and_credit_lines_inside_the_story_are_dropped() -> None:
    blocks = extract("boxes_factbox_chart.html")
    assert [b.split(" ")[0] for b in blocks] == ["Four", "The", "Bills", "Opponents,", "A"]
    assert_absent(
        blocks,
        "At a glance",  # factbox of short items
        "Households served",
        "Average yearly bill",  # chart title and axis labels
        "$500",
        "’19",
        "Valley Photo Agency",  # credit line in the paragraph after a photo
        "J. Marsh",  # caption in the photo's own box
        "More from the valley",  # lead-in of the list of links
        "robotics prize",
    )


def test_read_more_boxes_and_credits_in_german() -> None:
    blocks = extract("boxes_read_more_de.html")
    assert [b.split(" ")[0] for b in blocks] == ["Die", "Nach", "Der", "Anwohner"]
    assert_absent(blocks, "Visualisierung", "Lesen Sie auch", "Fernwärme:", "Foto:", "Mehr zum")


def test_read_more_teaser_cards_and_credit_in_spanish() -> None:
    blocks = extract("boxes_read_more_es.html")
    assert [b.split(" ")[0] for b in blocks] == ["Las", "La", "El"]
    assert_absent(blocks, "EFE", "Más noticias", "Noticia", "mercado", "puestos", "carril")


def test_captions_of_a_photo_story_are_its_text() -> None:
    blocks = extract("photo_story.html")
    assert len(blocks) == 6
    assert blocks[0] == "The camp sits at the end of a gravel road in the hills"
    assert blocks[4] == "In the morning the fog lay over the valley until ten"


def test_lists_of_linked_items_that_are_the_text_are_kept() -> None:
    blocks = extract("link_rich_lists.html")
    assert len(blocks) == 14
    assert blocks[2] == "ada removed the old theme loader from the settings page"
    assert blocks[-2] == "lin fixed plugins that broke on paths with spaces"


def test_linked_subheadings_between_paragraphs_are_kept_and_teaser_cards_dropped() -> None:
    blocks = extract("linked_subheadings.html")
    assert blocks[1:6:2] == [
        "“Harbour Lights” ($35)",
        "“Orchard Rivals” ($25)",
        "“Tunnels of Karst” ($50)",
    ]
    assert blocks[2].startswith("Players steer fishing boats")
    assert len(blocks) == 7
    assert_absent(blocks, "best puzzles", "Jigsaws", "Gifts", "Our editors")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.html")))
def test_tree_is_not_modified(name: str) -> None:
    root = root_of(name)
    before = lxml.html.tostring(root)
    extract_body(root)
    assert lxml.html.tostring(root) == before


# --------------------------------------------------------------------------- pick_body

DOM = [
    "The bridge will close for repairs on Monday, the transport office said.",
    "Buses will replace the tram line for six weeks while the deck is rebuilt.",
]


def test_pick_without_structured_text_uses_dom() -> None:
    assert pick_body(None, DOM) == (DOM, "dom")
    assert pick_body("  \n ", DOM) == (DOM, "dom")
    assert pick_body("<p></p>", DOM) == (DOM, "dom")


def test_pick_uses_structured_text_when_dom_is_empty() -> None:
    blocks, source = pick_body("First paragraph.\n\nSecond paragraph.", [])
    assert (blocks, source) == (["First paragraph.", "Second paragraph."], "jsonld")


def test_pick_prefers_dom_when_it_covers_a_teaser() -> None:
    teaser = "The bridge will close for repairs on Monday, the transport office said."
    assert pick_body(teaser, DOM) == (DOM, "dom")


def test_pick_prefers_dom_when_it_covers_the_same_text_without_breaks() -> None:
    assert pick_body(" ".join(DOM), DOM) == (DOM, "dom")


def test_pick_uses_structured_text_when_dom_lost_part_of_the_story() -> None:
    extra = " ".join(
        f"Paragraph {i} adds more detail about the works and the diversions." for i in range(8)
    )
    structured = "\n\n".join([*DOM, extra])
    blocks, source = pick_body(structured, DOM[:1])
    assert source == "jsonld"
    assert blocks == [*DOM, extra]


def test_pick_uses_structured_text_when_dom_is_a_different_text() -> None:
    story = " ".join(
        f"Sentence {i} of the real story about the harbour and its ferries." for i in range(6)
    )
    other = [
        f"Reader comment number {i}: I never take the ferry, the buses are cheaper."
        for i in range(8)
    ]
    assert pick_body(story, other) == ([story], "jsonld")


def test_pick_strips_html_and_splits_paragraphs_from_structured_text() -> None:
    structured = (
        "<p>Rain &amp; wind are <b>expected</b> tonight.</p><p>Schools stay open.</p>"
        "Line one<br>line two"
    )
    blocks, source = pick_body(structured, [])
    assert source == "jsonld"
    assert blocks == [
        "Rain & wind are expected tonight.",
        "Schools stay open.",
        "Line one",
        "line two",
    ]


def test_pick_splits_single_newlines_when_there_are_no_blank_lines() -> None:
    blocks, _ = pick_body("One.\nTwo.\r\nThree.", [])
    assert blocks == ["One.", "Two.", "Three."]


def test_absurdly_deep_nesting_does_not_crash() -> None:
    text = "Deep in the markup, this paragraph still tells the story of the day."
    html = "<html><body>" + "<div>" * 1500 + f"<p>{text}</p>" + "</div>" * 1500 + "</body></html>"
    assert extract_body(parsel.Selector(text=html).root) == [text]


def test_story_in_sections_between_photo_and_ad_rows_is_joined() -> None:
    # each section sits in its own layout row (the first one wrapped once more), with
    # photo and ad rows between: the sections are cousins, not siblings
    blocks = extract("split_sections.html")
    assert len(blocks) == 5
    assert blocks[0].startswith("For nearly ninety years")
    assert blocks[2].startswith("Climate researchers")
    assert blocks[4].startswith("The volunteers have finished")
    assert_absent(blocks, "Advertisement", "Harbour dredging", "School choir", "Coastal Weekly")


def test_story_in_containers_named_like_a_sidebar_still_wins() -> None:
    # every container of the story has a layout word in its class; a class word lowers the
    # votes of its prose but does not silence them, so the story beats the comments
    blocks = extract("sidebar_named.html")
    assert len(blocks) == 4
    assert blocks[0].startswith("The waiting list for a council allotment")
    assert blocks[3].startswith("“People want to grow their own food")
    assert_absent(blocks, "I applied in 2019", "Splitting the plots", "Parking charges")


def test_second_article_below_the_story_is_left_out() -> None:
    # the join of the story's pieces stops at its <article>: climbing to <main> would
    # keep the next story too
    blocks = extract("second_article.html")
    assert len(blocks) == 4
    assert blocks[0].startswith("The island ferry company")
    assert blocks[3].startswith("The company's director")
    assert_absent(blocks, "lifeboat", "Lifeboat", "Advertisement")


def test_story_told_in_list_items_is_found() -> None:
    # no paragraph at all: prose list items vote for their list's container
    blocks = extract("list_story.html")
    assert blocks[0] == "Highlights"
    assert blocks[1].startswith("The new importer has landed")
    assert blocks[-1].startswith("The translation team")
    assert len(blocks) == 7
    assert_absent(blocks, "About the project", "free licence")


def test_section_front_gives_all_its_teasers() -> None:
    # a page of teaser <article>s (each links to its story) in separate bands and no story:
    # the votes elect one teaser, the page's text is all of them
    blocks = extract("section_front.html")
    assert len(blocks) == 6
    assert blocks[0].startswith("Engineers found cracks")
    assert blocks[5].startswith("Three local bands")
    assert_absent(blocks, "All rights reserved")


def test_steps_that_follow_each_other_are_all_kept() -> None:
    # a how-to in sibling step boxes: the lead step wins the vote, the rest are fragments of
    # the same shape; a step right after another step is the next step, not an "about" box
    blocks = extract("step_series.html")
    assert len(blocks) == 5
    assert blocks[0].startswith("A fern in an old teacup")
    assert blocks[1].startswith("Rinse the cup")
    assert blocks[2].startswith("Fill the cup")
    assert blocks[3].startswith("Set the fern")
    assert blocks[4].startswith("Keep the cup")
    assert_absent(blocks, "People are reading", "herbs", "jam jar", "seed shops", "Copyright")


def test_sibling_section_with_a_layout_class_word_continuing_the_list_is_kept() -> None:
    # "more-features" is a weak class word; the section repeats the first section's list of
    # items (same tag and class) in link-poor prose, so it is the second half of the page
    blocks = extract("weak_word_sibling.html")
    assert blocks[0] == "Live preview"
    assert "Keep your settings" in blocks
    assert blocks[-2] == "Task runner"
    assert blocks[-1].startswith("Run tests and scripts")
    assert "Tools for every day" in blocks
    assert len(blocks) == 13
    assert_absent(blocks, "volunteers", "Privacy")


def test_status_report_keeps_section_headings_and_linked_items_of_prose_lists() -> None:
    # a heading that opens a deeper sub-section is kept with it; a fully linked item of a
    # list of prose items is one more item, not a link list; headings with nothing after
    # them (or only a heading of the same level) still go
    blocks = extract("status_report.html")
    assert blocks[:3] == [
        "Highlights",
        blocks[1],
        "Read our look back at the whole year!",
    ]
    assert blocks[4:6] == ["Project updates", "Search"]
    assert blocks[-1].startswith("Margins set by hand")
    assert len(blocks) == 11
    assert_absent(blocks, "Elsewhere", "Older issues", "Planet feed", "Blog home")


def test_linked_lead_in_fewer_wrappers_and_adjacent_sections_are_joined() -> None:
    # the lead sits one wrapper higher than the story's sections and links to background
    # stories (40% of it linked): a cousin shaped like a level climbed, and a lead above the
    # story may link more than its body; the section right after the winning one is kept
    # because more of the story follows it (an "about" box right after a story is not)
    blocks = extract("linked_lead_outside_wrapper.html")
    assert len(blocks) == 4
    assert blocks[0].startswith("The Kettle Pro is the fastest kettle")
    assert blocks[1].startswith("Out of the box")
    assert blocks[2].startswith("The dial on the base")
    assert blocks[3].startswith("Is it worth the money?")
    assert_absent(blocks, "Score", "Copyright", "Deals")
