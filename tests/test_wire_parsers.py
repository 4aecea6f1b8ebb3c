"""Each wire parser on its own fixture (real DOM structure, our own text): every field."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

import newscrawler.parsers.apnews as apnews_module
import newscrawler.parsers.base as base_module
from newscrawler.discovery.feeds import parse_feed
from newscrawler.parsers.apnews import (
    ApNews2023Parser,
    ApNews2024Parser,
    apnews_parser,
    apnews_parser_for,
)
from newscrawler.parsers.base import ArticleParser
from newscrawler.parsers.businesswire import BusinessWireParser
from newscrawler.parsers.globenewswire import GlobeNewswireParser
from newscrawler.parsers.menafn import MenafnParser
from newscrawler.parsers.prnewswire import PrNewswireParser
from newscrawler.utils.urls import url_id

WIRE = Path(__file__).parent / "data" / "wire"


def response(name: str, url: str, status: int = 200) -> HtmlResponse:
    return HtmlResponse(url=url, body=(WIRE / name).read_bytes(), status=status)


def test_prnewswire_release():
    url = ("http://127.0.0.1:8080/news-releases/"
           "larkspur-analytics-opens-tidewater-data-campus-302411876.html")
    parser = PrNewswireParser(response("prnewswire_2024.html", url))
    item = parser.to_item()
    assert item.url == url
    assert item.canonical_url == ("https://www.prnewswire.com/news-releases/"
                                  "larkspur-analytics-opens-tidewater-data-campus-302411876.html")
    assert item.id == url_id(item.canonical_url)
    assert item.source == "PR Newswire"
    assert item.title == "Larkspur Analytics Opens Tidewater Data Campus"
    assert item.subtitle == "Forty-acre site adds capacity for regional hospital networks"
    assert item.authors == ["Larkspur Analytics, Inc."]
    assert item.published == "2025-04-24T08:30:00-04:00"
    assert item.modified == "2025-04-24T08:30:00-04:00"
    assert item.dateline == "NORFOLK, Va., April 24, 2025 /PRNewswire/"
    assert item.language == "en"
    paragraphs = item.body.split("\n\n")
    assert paragraphs[0].startswith("Larkspur Analytics, Inc. (NASDAQ: LRKS), a maker of")
    assert paragraphs[-1] == "Construction took fourteen months and was financed from cash on hand."
    assert len(paragraphs) == 4
    for tail in ("About Larkspur", "MEDIA CONTACT", "SOURCE", "Related Links", "WANT YOUR"):
        assert tail not in item.body
    assert item.release_id == "302411876"
    assert item.issuer == "Larkspur Analytics, Inc."
    assert item.tickers == ["NASDAQ:LRKS"]
    assert item.about == ("About Larkspur Analytics\n\nLarkspur Analytics builds scheduling tools "
                          "for hospitals and clinics. Its shares trade on the Nasdaq under the "
                          "symbol LRKS.")
    assert item.contacts == ("MEDIA CONTACT:\nWren Castellano\nHarbor Lane Communications\n"
                             "press@larkspur.example")
    assert item.credits is None
    assert parser.fallbacks == []
    assert {"about_block_separated", "contacts_separated", "wire_tail_removed"} <= set(item.flags)


def test_globenewswire_release():
    url = ("https://www.globenewswire.com/news-release/2025/04/25/3067552/32716/en/"
           "Carrow-Biologics-Doses-First-Patient-in-Phase-2-Trial.html")
    parser = GlobeNewswireParser(response("globenewswire_2023.html", url))
    item = parser.to_item()
    assert item.canonical_url == url
    assert item.source == "GlobeNewswire News Room"
    assert item.title == "Carrow Biologics Doses First Patient in Phase 2 Trial"
    assert item.subtitle == "Trial tests CB-114 in chronic cough"
    assert item.authors == ["Carrow Biologics, Inc."]
    assert item.published == "2025-04-25T12:00:00+00:00"  # the <time>, not JSON-LD's 4/25/2025
    assert item.modified == "2025-04-25"
    assert item.dateline == "SAN DIEGO, Calif., April 25, 2025 (GLOBE NEWSWIRE)"
    assert item.language == "en"
    assert item.body == (
        "Carrow Biologics, Inc. (Nasdaq: CRRW), a clinical-stage drug developer, today dosed the "
        "first patient in its Phase 2 trial of CB-114.\n\nThe trial will enroll about 180 adults "
        "at 30 sites.\n\nTopline data are expected in the first half of 2026.")
    assert item.release_id == "3067552"
    assert item.issuer == "Carrow Biologics, Inc."
    assert item.tickers == ["NASDAQ:CRRW"]
    assert item.about == ("About Carrow Biologics\n\nCarrow Biologics develops medicines for "
                          "chronic respiratory disease.")
    assert item.contacts == ("Contact Information:\n\nMEDIA CONTACT:\nDana Whitlock\n"
                             "Carrow Biologics\nmedia@carrow.example")
    assert item.credits is None
    assert parser.fallbacks == []


def test_globenewswire_migrated_marketwired_release():
    url = ("https://www.globenewswire.com/news-release/2016/04/06/1299876/0/en/"
           "Tessellate-Launches-Ledger-Sync-for-Retailers.html")
    item = GlobeNewswireParser(response("globenewswire_marketwired.html", url)).to_item()
    assert item.dateline == "SAN FRANCISCO, CA--(Marketwired - April 06, 2016)"
    assert item.body.startswith("Tessellate, a retail software company, today released")
    assert item.body.endswith("two days sooner, the company said.")
    assert item.about.startswith("About Tessellate\n\nTessellate builds back-office software")
    assert "Mira Okonjo" in item.contacts
    assert item.published == "2016-04-06T16:00:00+00:00"
    assert item.release_id == "1299876"
    assert item.issuer == "Tessellate"
    assert item.tickers == []


def test_apnews_2024_layout():
    url = "https://apnews.com/article/river-levee-repair-vote-county-board-4f1d8e2c9a7b6e5d4c3b2a1908f7e6d5"
    page = response("apnews_2024.html", url)
    assert apnews_parser_for(page) is ApNews2024Parser
    parser = ApNews2024Parser(page)
    item = parser.to_item()
    assert item.canonical_url == url
    assert item.source == "AP News"
    assert item.title == "County board approves levee repairs after spring floods"
    assert item.subtitle == "A county board voted to spend $14 million repairing levees."
    assert item.authors == ["HOLLIS VANTERPOOL", "MAREN OKAFOR", "JUDE PELLETIER"]
    assert item.published == "2025-04-24T14:05:10+00:00"
    assert item.modified == "2025-04-24T18:20:00+00:00"  # bsp-timestamp data-timestamp (ms)
    assert item.dateline == "LA CROSSE, Wis. (AP)"
    assert item.language == "en"
    paragraphs = item.body.split("\n\n")
    assert paragraphs[0].startswith("A county board voted 6-1 on Thursday")
    assert "spring floods along the Mississippi River." in paragraphs[0]
    assert "What comes next" in paragraphs
    assert paragraphs[-1].startswith("“We have sandbagged")
    for tail in ("___", "contributed to this report", "Copyright", "covers the region"):
        assert tail not in item.body
    assert item.credits == ("Okafor reported from Madison. Associated Press writer Lena Szabo in "
                            "Chicago contributed to this report.")
    assert item.release_id == "4f1d8e2c9a7b6e5d4c3b2a1908f7e6d5"
    assert item.issuer is None
    assert item.about is None
    assert item.contacts is None
    assert item.tickers == []
    assert parser.fallbacks == []


@pytest.mark.parametrize(("name", "layout"), [("apnews_2024.html", ApNews2024Parser),
                                              ("apnews_2023.html", ApNews2023Parser)])
def test_apnews_parser_picks_the_layout_on_the_one_tree_it_parses(monkeypatch, name, layout):
    url = "https://apnews.com/article/some-story-9a8b7c6d5e4f30211203f4e5d6c7b8a9"
    expected = apnews_parser_for(response(name, url))(response(name, url)).to_item()
    parses = []
    real = apnews_module.page_root
    monkeypatch.setattr(apnews_module, "page_root", lambda r: parses.append(r) or real(r))
    monkeypatch.setattr(base_module, "page_root", lambda r: parses.append(r) or real(r))
    parser = apnews_parser(response(name, url), hints={"title": "from the feed"})
    assert type(parser) is layout
    assert len(parses) == 1
    assert parser.hints == {"title": "from the feed"}
    item = parser.to_item()
    assert (item.body, item.dateline) == (expected.body, expected.dateline)


def test_apnews_2023_layout():
    url = "https://apnews.com/article/peru-fishing-season-anchovy-9a8b7c6d5e4f30211203f4e5d6c7b8a9"
    page = response("apnews_2023.html", url)
    assert apnews_parser_for(page) is ApNews2023Parser
    parser = ApNews2023Parser(page)
    item = parser.to_item()
    assert item.source == "AP NEWS"
    assert item.title == "Peru opens anchovy season with a smaller quota"
    assert item.authors == ["ROSAURA QUISPE"]
    assert item.published == "2025-04-22T15:10:00+00:00"
    assert item.modified == "2025-04-22T15:09:30+00:00"
    assert item.dateline == "LIMA, Peru (AP)"
    assert item.body.split("\n\n") == [
        ("Peru opened its first anchovy fishing season of the year on Tuesday with a quota 12% "
        "smaller than last year’s, the production ministry said."),
        "Scientists found fewer juvenile fish during a survey in March.",
        "Anchovy is ground into fishmeal, one of the country’s main exports.",
    ]
    assert item.release_id == "9a8b7c6d5e4f30211203f4e5d6c7b8a9"
    assert item.credits is None
    assert parser.fallbacks == []


def test_a_selector_miss_falls_back_to_the_generic_layer_and_is_recorded():
    url = "https://apnews.com/article/peru-fishing-season-anchovy-9a8b7c6d5e4f30211203f4e5d6c7b8a9"
    # the 2024 parser on a 2023 page: its selectors miss, the generic layers fill in
    parser = ApNews2024Parser(response("apnews_2023.html", url))
    item = parser.to_item()
    assert item.title == "Peru opens anchovy season with a smaller quota"
    assert item.dateline == "LIMA, Peru (AP)"
    assert item.body.startswith("Peru opened its first anchovy fishing season")
    assert {"title", "authors", "modified", "body_blocks"} <= set(parser.fallbacks)
    generic = ArticleParser(response("apnews_2023.html", url))
    generic.to_item()
    assert generic.fallbacks == []


def test_menafn_syndicated_story():
    url = "http://127.0.0.1:8080/1110412233/Gulf-Port-Operator-Adds-Cold-Storage-Berth?src=RSS"
    parser = MenafnParser(response("menafn_syndicated.html", url))
    item = parser.to_item()
    assert item.canonical_url == "https://menafn.com/1110412233/Gulf-Port-Operator-Adds-Cold-Storage-Berth"
    assert item.source == "MENAFN"
    assert item.title == "Gulf port operator adds cold storage berth"
    assert item.published == "2025-04-27T11:20:00+03:00"
    assert item.dateline == "(MENAFN- Qamar Business Daily)"
    assert item.issuer == "Qamar Business Daily"
    assert item.release_id == "1110412233"
    assert item.body.split("\n\n") == [
        ("A port operator on the Gulf coast said on Sunday it had opened a berth with 8,000 pallets "
        "of cold storage, the first of three planned for the harbour."),
        "The operator said the berth would serve fruit and pharmaceutical shipments from East Africa.",
        "Two more berths are due in 2026, it added.",
    ]
    assert item.tickers == []
    assert item.about is None
    assert item.contacts is None
    assert parser.fallbacks == []


def test_menafn_story_inside_an_error_template():
    url = "https://menafn.com/1110413088/Regional-Grid-Operator-Reports-Record-Solar-Output"
    item = MenafnParser(response("menafn_banner.html", url, status=403)).to_item()
    assert item.http_status == 403
    assert item.title == "Regional grid operator reports record solar output"
    assert item.dateline == "(MENAFN)"
    assert item.issuer is None  # MENAFN's own copy names no provider
    for debris in ("Sorry!!", "doesn't exist", "MENAFN28042025", "Legal Disclaimer",
                   "as is", "No comment"):
        assert debris not in item.body
    # doubled paragraphs are kept in order here: the repeats stage removes them
    assert item.body.startswith("A regional grid operator reported record solar output")
    assert item.body.count("The operator said new storage batteries") == 2
    assert item.release_id == "1110413088"


def test_businesswire_feed_item():
    feed = parse_feed((WIRE / "businesswire_feed.xml").read_bytes())
    entry = feed.entries[1]
    hints = {"title": entry.title, "published": entry.published, "summary": entry.summary,
             "guid": entry.guid}
    parser = BusinessWireParser.from_feed_entry(entry.link, hints)
    item = parser.to_item()
    assert item.url == item.canonical_url == (
        "https://www.businesswire.com/news/home/20250425600718/en/Ketterby-Foods-to-Acquire-Marlow-Dairy")
    assert item.source == "Business Wire"
    assert item.title == "Ketterby Foods to Acquire Marlow Dairy"
    assert item.published == "2025-04-25T11:30:00+00:00"
    assert item.dateline == "BENGALURU, India--(BUSINESS WIRE)"
    assert item.body == ("Ketterby Foods Ltd. (NSE: KETTR) (BSE: KETTR) today agreed to acquire "
                         "Marlow Dairy for ₹9.2 billion in cash.\n\nThe deal is expected to close "
                         "in the third quarter.")
    assert item.release_id == "20250425600718en"
    assert item.tickers == ["NSE:KETTR", "BSE:KETTR"]
    assert item.about == "About Ketterby Foods\n\nKetterby Foods makes packaged dairy products in southern India."
    assert item.contacts == "Contacts\n\nPriya Raman, +91 80 5555 0101"
    assert item.issuer == "Ketterby Foods Ltd."  # the lead names it before the tickers
    assert parser.fallbacks == []


def bw_item(summary: str):
    link = "https://www.businesswire.com/news/home/20250505000002/en/Release"
    return BusinessWireParser.from_feed_entry(link, {"title": "Release", "summary": summary}
                                              ).to_item()


def test_businesswire_issuer_from_the_lead_about_or_contacts():
    lead = ("<p>AUSTIN, Texas--(BUSINESS WIRE)--Corvane Systems, Inc. (NASDAQ: CRVN), a maker of "
            "grid sensors, today announced a supply deal with a Texas utility.</p>")
    assert bw_item(lead).issuer == "Corvane Systems, Inc."
    announced_today = ("<p>PARIS--(BUSINESS WIRE)--Maison Verlaine SA announced today the "
                       "opening of its Lyon workshop.</p>")
    assert bw_item(announced_today).issuer == "Maison Verlaine SA"
    # the lead names no company (a sentence fragment is never an issuer): the About heading
    about = ("<p>DENVER--(BUSINESS WIRE)--Shipments of the new valve begin in June, the "
             "company today said.</p><p>About Fenwick Valve</p><p>Fenwick Valve makes valves.</p>")
    assert bw_item(about).issuer == "Fenwick Valve"
    # else the company line of the contacts block
    contacts = ("<p>DENVER--(BUSINESS WIRE)--Shipments of the new valve begin in June.</p>"
                "<p>Contacts</p><p>Ada Quill<br>Fenwick Valve Corp.<br>+1 303 555 0100</p>")
    assert bw_item(contacts).issuer == "Fenwick Valve Corp."
    assert bw_item("<p>DENVER--(BUSINESS WIRE)--Shipments begin in June.</p>").issuer is None
