"""The generic parser's title, description and dates on hand-written pages built like real ones:
a dek under the headline, SEO headlines beside the printed ``<h1>``, site suffixes, live blogs,
dates printed only on the page."""

from __future__ import annotations

import json

import pytest
from scrapy.http import HtmlResponse

from newscrawler.items import Article
from newscrawler.parsers.base import ArticleParser

STORY = [
    ("The harbour authority will replace all twelve diesel cranes on the east quay with electric "
    "ones by the summer of 2027, its board decided on Tuesday after a year of trials."),
    ("The first four cranes arrive in March; each saves about 400 tonnes of diesel a year, the "
    "authority's engineers estimate, and runs quieter through the night shifts."),
    ("Dock workers' unions welcomed the plan but asked for training before the switch, saying "
    "the new cabs and remote controls change how every lift is planned."),
    ("The cost, 84 million euros, is shared between the port and a regional climate fund that "
    "also paid for the shore power lines finished last year."),
]


def page(head: str = "", header: str = "", body: list[str] | None = None, after: str = "",
         ld: object = None) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (STORY if body is None else body))
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return (f"<html><head><meta charset='utf-8'>{head}{script}</head><body>"
            "<nav><a href='/'>Home</a> <a href='/ports'>Ports</a> <a href='/city'>City</a></nav>"
            f"<article>{header}<div class='article-body'>{paragraphs}</div>{after}</article>"
            "<footer>© Harbour Times. All rights reserved.</footer></body></html>")


def parse(html: str, url: str = "https://harbourtimes.example/ports/cranes") -> Article:
    response = HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8")
    return ArticleParser(response).to_item()


# --- description (class 7) ---------------------------------------------------------------------

DEK = "Twelve diesel cranes go, and the night shifts get quieter: what the switch means for the quay."


def test_dek_under_the_headline_is_the_description_not_body() -> None:
    item = parse(page(header=f"<h1>Harbour cranes go electric</h1><p class='standfirst'>{DEK}</p>"
                             "<p class='byline'>By Ana Lima</p>"))
    assert item.description == DEK
    assert DEK not in item.body
    assert item.body.split("\n\n")[0] == STORY[0]


def test_dek_the_extractor_took_as_first_block_comes_out_of_body() -> None:
    # the dek sits in the story's container, above the column of paragraphs
    html = page(header="<h1>Harbour cranes go electric</h1>",
                body=[], after=f"<h2 class='article-summary'>{DEK}</h2><div class='text'>"
                + "".join(f"<p>{p}</p>" for p in STORY) + "</div>")
    item = parse(html)
    assert item.description == DEK
    assert DEK not in item.body
    assert item.body.split("\n\n")[0] == STORY[0]


def test_dek_given_only_by_meta_description() -> None:
    item = parse(page(head=f'<meta property="og:description" content="{DEK}">',
                      header="<h1>Harbour cranes go electric</h1>"))
    assert item.description == DEK
    assert item.body.split("\n\n")[0] == STORY[0]


def test_description_that_is_the_first_paragraph_stays_in_body_only() -> None:
    cut = STORY[0][:120].rsplit(" ", 1)[0] + "..."
    item = parse(page(head=f'<meta property="og:description" content="{cut}">',
                      header="<h1>Harbour cranes go electric</h1>"))
    assert item.description is None
    assert item.body.split("\n\n")[0] == STORY[0]


def test_intro_paragraph_set_apart_stays_in_the_story() -> None:
    # "story-intro": the lead paragraph in bold, repeated by og:description; the body keeps it
    html = page(head=f'<meta property="og:description" content="{STORY[0]}">',
                header=f"<h1>Harbour cranes go electric</h1><div class='story-intro'><p><strong>"
                       f"{STORY[0]}</strong></p></div>", body=STORY[1:])
    item = parse(html)
    assert item.body.split("\n\n")[0] == STORY[0]
    assert item.description is None


# --- titles (class 8) --------------------------------------------------------------------------


def test_printed_h1_wins_over_seo_headline() -> None:
    ld = {"@type": "NewsArticle", "headline": "Electric cranes port diesel 2027 quay board vote",
          "datePublished": "2025-03-04T08:00:00+01:00"}
    item = parse(page(head='<meta property="og:title" content="Harbour cranes go electric | Harbour '
                           'Times">', header="<h1>Harbour cranes go electric</h1>", ld=ld))
    assert item.title == "Harbour cranes go electric"


def test_topic_prefixed_headline_names_the_h1() -> None:
    ld = {"@type": "NewsArticle", "headline": "Port of Harbour: Cranes go electric by 2027"}
    item = parse(page(header="<h1>Cranes go electric by 2027</h1>", ld=ld))
    assert item.title == "Cranes go electric by 2027"


def test_logo_h1_is_not_the_headline() -> None:
    html = page(head="<title>Cranes go electric by 2027 - Harbour Times</title>"
                     '<meta property="og:site_name" content="Harbour Times">',
                header="<h1>Harbour Times</h1><h1>Cranes go electric by 2027</h1>")
    assert parse(html).title == "Cranes go electric by 2027"


LONG_HEADLINE = "The harbour board votes to replace every diesel crane on the east quay by 2027"


@pytest.mark.parametrize("h1", [
    # the site's logo link set in the same <h1>, no space between (a block by CSS)
    f'<h1><span class="define">{LONG_HEADLINE}</span><a href="/">Harbour Times</a></h1>',
    # the byline set in the <h1> under a <br>
    f"<h1><span>{LONG_HEADLINE}</span><span></span><br><span>Port editor Ana Ruiz</span></h1>",
])
def test_h1_holding_more_than_the_headline(h1: str) -> None:
    html = page(head=f"<title>{LONG_HEADLINE} » Ports » Harbour Times</title>", header=h1)
    assert parse(html).title == LONG_HEADLINE


def test_h1_named_exactly_is_kept_whole() -> None:
    html = page(head="<title>Exclusive: Cranes go electric by 2027 | Harbour Times</title>",
                header="<h1><span>Exclusive:</span> <span>Cranes go electric by 2027</span></h1>")
    assert parse(html).title == "Exclusive: Cranes go electric by 2027"


def test_blog_post_title_linked_in_its_heading() -> None:
    html = page(head="<title>Cranes go electric by 2027 @ Dockside Notes :: BlogHost ::</title>",
                header="<h1>BlogHost</h1><h1><a href='/dockside'>Dockside Notes</a></h1>"
                       "<h2><a href='/dockside/post/7'>Cranes go electric by 2027</a></h2>")
    assert parse(html).title == "Cranes go electric by 2027"


def test_section_h1_loses_to_the_title_that_names_the_story() -> None:
    html = page(head="<title>Babies who swim early sleep longer</title>",
                header="<h1>Parenting Health Centre</h1>")
    assert parse(html).title == "Babies who swim early sleep longer"


@pytest.mark.parametrize(("title", "site", "expected"), [
    ("Cranes go electric by 2027 | Ports | Harbour Times", "", "Cranes go electric by 2027"),
    ("Cranes go electric by 2027 - Harbour Times", "Harbour Times", "Cranes go electric by 2027"),
    ("Le port passe à l’électrique – Le Journal du Port", "Le Journal du Port",
     "Le port passe à l’électrique"),
    ("Der Hafen wird elektrisch :: Hafenblatt", "", "Der Hafen wird elektrisch"),
    ("El puerto se electrifica - 07.12.2017 - EL FARO", "", "El puerto se electrifica"),
    ("Cranes go electric by 2027 [Harbour Times]", "", "Cranes go electric by 2027"),
    # a dash inside the headline is the headline's
    ("Cranes go electric — and the quay goes quiet", "", "Cranes go electric — and the quay goes quiet"),
])
def test_site_suffix_stripped_from_metadata_title(title: str, site: str, expected: str) -> None:
    head = f'<meta property="og:title" content="{title}">'
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    url = "https://www.elfaro.example/x" if "FARO" in title else "https://harbourtimes.example/x"
    assert parse(page(head=head), url=url).title == expected


# --- dates (class 9) ---------------------------------------------------------------------------


def live_blog(with_ld: bool) -> str:
    entries = "".join(
        f"<div class='entry'><time datetime='2025-03-04T{h}:00:00+01:00'>{h}:00</time>"
        f"<h2>Update: crane {n} lifted</h2><p>{STORY[n % 4]}</p></div>"
        for n, h in enumerate(("16", "14", "12"), start=1))
    ld = {"@type": "LiveBlogPosting", "headline": "Live: the first electric cranes arrive",
          "datePublished": "2025-03-04T09:00:00+01:00", "coverageStartTime": "2025-03-04T09:00:00+01:00",
          "liveBlogUpdate": [
              {"@type": "BlogPosting", "headline": f"Update: crane {n} lifted",
               "datePublished": f"2025-03-04T{h}:00:00+01:00", "articleBody": STORY[n % 4]}
              for n, h in enumerate(("16", "14", "12"), start=1)]} if with_ld else None
    return page(head='<meta property="og:title" content="Live: the first electric cranes arrive">',
                header="<h1>Live: the first electric cranes arrive</h1><p class='meta'>Started "
                       "<time datetime='2025-03-04T09:00:00+01:00'>9:00</time></p>",
                body=[], after=entries, ld=ld)


def test_live_blog_is_not_its_latest_entry() -> None:
    item = parse(live_blog(with_ld=True))
    assert item.title == "Live: the first electric cranes arrive"
    assert item.published == "2025-03-04T09:00:00+01:00"
    assert item.modified == "2025-03-04T16:00:00+01:00"


def test_live_blog_without_markup_takes_the_time_by_its_headline() -> None:
    item = parse(live_blog(with_ld=False))
    assert item.published == "2025-03-04T09:00:00+01:00"


@pytest.mark.parametrize(("header", "expected"), [
    ("<p class='byline'>By Ana Lima | 4 de marzo de 2025, 08:15</p>", "2025-03-04T08:15:00"),
    ("<div><span>Ana Lima</span> <span>Monday, March 3, 2025 @ 11:10 PM UTC</span></div>",
     "2025-03-03T23:10:00+00:00"),
    ("<h5 class='posted'>3/4/2025 7:11 AM PST BY STAFF</h5>", "2025-03-04T07:11:00-08:00"),
    ("<p class='h6'><em>4. März 2025</em></p>", "2025-03-04"),
])
def test_date_printed_only_on_the_page(header: str, expected: str) -> None:
    item = parse(page(header=f"<h1>Harbour cranes go electric</h1>{header}"))
    assert item.published == expected


def test_date_element_attribute_and_machine_time_of_the_printed_day() -> None:
    header = ("<h1>Harbour cranes go electric</h1><span class='publish-time' "
              "data-publishtime='1741075200000'>3/4/25 8:00am</span>")
    assert parse(page(header=header)).published == "2025-03-04T08:00:00+00:00"


def test_story_opening_with_its_date() -> None:
    body = ["March 4, 2025 -- " + STORY[0], *STORY[1:]]
    item = parse(page(header="<h1>Harbour cranes go electric</h1>", body=body))
    assert item.published == "2025-03-04"


def test_date_of_the_page_in_a_jsonld_graph_and_in_itemprop_lists() -> None:
    ld = {"@graph": [{"@type": "WebPage", "datePublished": "2025-03-04T08:00:00Z"},
                     {"@type": "NewsArticle", "headline": "Harbour cranes go electric"}]}
    assert parse(page(header="<h1>Harbour cranes go electric</h1>", ld=ld)).published == (
        "2025-03-04T08:00:00+00:00")
    head = '<meta itemprop="datePublished dateCreated" content="2025-03-04T08:00:00Z">'
    assert parse(page(head=head)).published == "2025-03-04T08:00:00+00:00"


def test_date_in_the_url_is_the_last_resort() -> None:
    item = parse(page(header="<h1>Harbour cranes go electric</h1>"),
                 url="https://harbourtimes.example/2025/03/04/ports/cranes.html")
    assert item.published == "2025-03-04"
    assert parse(page(header="<h1>Harbour cranes go electric</h1>")).published is None


def test_date_printed_only_in_the_title() -> None:
    html = page(head="<title>El puerto se electrifica - 07.12.2017 - EL FARO</title>",
                header="<h1>El puerto se electrifica</h1>")
    item = parse(html, url="https://www.elfaro.example/nota/1234")
    assert item.title == "El puerto se electrifica"
    assert item.published == "2017-12-07"


@pytest.mark.parametrize(("lang", "expected"), [("fr", "2025-03-05"), ("en-US", "2025-05-03")])
def test_slashed_date_reads_day_first_outside_us_english(lang: str, expected: str) -> None:
    html = page(header="<h1>Le port passe à l’électrique</h1><p class='signature'>Ana Lima, "
                       "05/03/2025</p>").replace("<html>", f"<html lang='{lang}'>")
    assert parse(html).published == expected


def test_headline_printed_outside_h1_leads_to_its_date_line() -> None:
    html = page(head='<meta property="og:title" content="Porto troca guindastes a diesel">',
                header="<p class='titulo'>Porto troca guindastes a diesel</p><small><b>05/10/2018"
                       "</b> - Publicado por: Ana Lima - Categoria: Cidade - Tags: porto, energia"
                       "</small>").replace("<html>", "<html lang='pt-BR'>")
    item = parse(html)
    assert item.title == "Porto troca guindastes a diesel"
    assert item.published == "2018-10-05"


def test_a_date_only_in_the_canonical_url_is_the_last_resort():
    # fetched at a short link (a redirect service, a mirror); the page names its dated URL
    canonical = "https://harbourtimes.example/2025/03/04/ports/cranes.html"
    html = page(head=f"<link rel='canonical' href='{canonical}'>",
                header="<h1>Electric cranes arrive at the quay</h1>")
    assert parse(html, url="https://harbourtimes.example/s/x7Kq").published == "2025-03-04"
    assert parse(page(header="<h1>Electric cranes arrive at the quay</h1>"),
                 url="https://harbourtimes.example/s/x7Kq").published is None


def test_a_description_that_repeats_the_headline_is_none():
    html = page(head="<meta name='description' content='Electric Cranes Arrive at the Quay | "
                     "Harbour Times'>",
                header="<h1>Electric cranes arrive at the quay</h1>")
    assert parse(html).description is None
    dek = page(head="<meta name='description' content='Twelve diesel cranes go, and the night "
                    "shifts get quieter.'>", header="<h1>Electric cranes arrive at the quay</h1>")
    assert parse(dek).description == "Twelve diesel cranes go, and the night shifts get quieter."
