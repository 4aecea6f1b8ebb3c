"""Forward-looking-statement (safe-harbor) sections leave ``body`` for ``safe_harbor``.

Hand-written pages with each wire's real body structure (our own text): the section is
found by its heading (in the wire's language too) or by the paragraph that opens it, and
ends at the next heading or the release's tail.
"""

from __future__ import annotations

from scrapy.http import HtmlResponse

from newscrawler.parsers.base import ArticleParser
from newscrawler.parsers.businesswire import BusinessWireParser
from newscrawler.parsers.globenewswire import GlobeNewswireParser
from newscrawler.parsers.menafn import MenafnParser
from newscrawler.parsers.prnewswire import PrNewswireParser
from newscrawler.parsers.safeharbor import split_safe_harbor

LEAD = ("Tamsin Rail Corp. (NYSE: TMR) today announced an order for forty electric shunting "
        "locomotives from a regional freight operator, its largest order in a decade.")
SECOND = "Deliveries are to start next spring and run through the following year."
RISK = ("This press release contains forward-looking statements about deliveries, costs and "
        "demand. Actual results could differ materially because of supply delays and other risks.")
NO_UPDATE = "Tamsin Rail undertakes no obligation to update these statements."


def page(body: str, url: str) -> HtmlResponse:
    html = f"<html lang='en'><head><title>Tamsin Rail</title></head><body>{body}</body></html>"
    return HtmlResponse(url=url, body=html.encode(), encoding="utf-8")


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_prnewswire_section_by_heading_before_about():
    body = ("<article class='news-release'><header class='release-header'><h1>Order</h1>"
            "</header><section class='release-body container '>"
            + paragraphs(f"CHICAGO, May 5, 2025 /PRNewswire/ -- {LEAD}", SECOND,
                         "<b>Forward-Looking Statements</b>", RISK, NO_UPDATE,
                         "<b>About Tamsin Rail</b>", "Tamsin Rail builds locomotives.",
                         "SOURCE Tamsin Rail Corp.")
            + "</section></article>")
    item = PrNewswireParser(page(body, "https://www.prnewswire.com/news-releases/"
                                       "tamsin-order-302499001.html")).to_item()
    assert item.body == f"{LEAD}\n\n{SECOND}"
    assert item.safe_harbor == f"Forward-Looking Statements\n\n{RISK}\n\n{NO_UPDATE}"
    assert item.about == "About Tamsin Rail\n\nTamsin Rail builds locomotives."
    assert "safe_harbor_separated" in item.flags


def test_globenewswire_section_after_about_ends_at_contacts():
    body = ("<div id='main-body-container'>"
            + paragraphs(f"OSLO, Norway, May 5, 2025 (GLOBE NEWSWIRE) -- {LEAD}", SECOND,
                         "<strong>About Tamsin Rail</strong>", "Tamsin Rail builds locomotives.",
                         "<strong>Cautionary Statement Regarding Forward-Looking Statements"
                         "</strong>", RISK, "Contact Information:", "Ola Nordmann, +47 555 0100")
            + "</div>")
    item = GlobeNewswireParser(page(body, "https://www.globenewswire.com/news-release/2025/05/05/"
                                          "3100001/0/en/Tamsin-Order.html")).to_item()
    assert item.body == f"{LEAD}\n\n{SECOND}"
    assert item.safe_harbor.startswith("Cautionary Statement Regarding Forward-Looking")
    assert item.safe_harbor.endswith(RISK)
    assert "Ola Nordmann" in item.contacts
    assert "Ola Nordmann" not in item.safe_harbor


def test_businesswire_section_by_its_opening_paragraph_ends_at_the_next_heading():
    summary = paragraphs(f"CHICAGO--(BUSINESS WIRE)--{LEAD}", RISK, NO_UPDATE,
                         "Conference Call Details", "Management will discuss the order at 9 a.m.")
    parser = BusinessWireParser.from_feed_entry(
        "https://www.businesswire.com/news/home/20250505000001/en/Tamsin-Order",
        {"title": "Tamsin Rail Order", "summary": summary})
    item = parser.to_item()
    assert item.safe_harbor == f"{RISK}\n\n{NO_UPDATE}"
    assert item.body == (f"{LEAD}\n\nConference Call Details\n\n"
                         "Management will discuss the order at 9 a.m.")


def test_menafn_german_heading():
    body = ("<h1 class='article-title'>Tamsin</h1><div class='article-body'>"
            + paragraphs("(MENAFN- Wirtschaftsdienst) Die Tamsin Rail AG hat heute einen Auftrag "
                         "über vierzig Lokomotiven erhalten.",
                         "Die Auslieferung beginnt im Frühjahr.",
                         "Zukunftsgerichtete Aussagen",
                         "Diese Mitteilung enthält Aussagen über künftige Entwicklungen, die "
                         "Risiken unterliegen.")
            + "</div>")
    item = MenafnParser(page(body, "https://menafn.com/1110500001/Tamsin-Rail-Auftrag")).to_item()
    assert item.body.endswith("Die Auslieferung beginnt im Frühjahr.")
    assert item.safe_harbor.startswith("Zukunftsgerichtete Aussagen\n\nDiese Mitteilung")


def test_generic_page_with_a_safe_harbor_heading():
    story = [LEAD, SECOND, ("The operator will retire its diesel fleet over five years, the "
             "company said, and the new locomotives will be built at its plant in Ohio.")]
    body = ("<article><h1>Tamsin Rail wins order</h1>" + paragraphs(*story)
            + "<h3>Safe Harbor Statement</h3>" + paragraphs(RISK) + "</article>")
    item = ArticleParser(page(body, "https://news.example/2025/05/05/tamsin-order")).to_item()
    assert "forward-looking" not in item.body
    assert item.body.startswith(LEAD)
    assert item.safe_harbor is not None
    assert item.safe_harbor.endswith(RISK)


def test_headings_of_other_languages_and_what_is_not_a_section():
    for heading in ("Déclarations prospectives", "Declaraciones prospectivas",
                    "FORWARD-LOOKING STATEMENTS:", ("Safe Harbor Statement under the Private "
                    "Securities Litigation Reform Act of 1995")):
        assert split_safe_harbor(["A.", heading, "B."]) == (["A."], [heading, "B."])
    # a story about forward-looking statements, and a heading that only starts alike
    plain = ["Regulators said forward-looking statements in the filing were misleading.",
             "Safe Harbor Marina reopens", "The marina reopened on Monday."]
    assert split_safe_harbor(plain) == (plain, [])


def test_an_opening_paragraph_without_a_heading_takes_a_short_closing_run_only():
    closing = ["A said.", "B said.", RISK, NO_UPDATE]
    assert split_safe_harbor(closing) == (["A said.", "B said."], [RISK, NO_UPDATE])
    # a long run after such a paragraph is a story that mentions them: it stays
    story = ["A said.", RISK, *[f"Paragraph {n} of the story." for n in range(8)]]
    assert split_safe_harbor(story) == (story, [])
