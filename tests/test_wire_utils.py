from __future__ import annotations

import pytest

from newscrawler.discovery.feeds import Feed, FeedEntry, feed_error
from newscrawler.parsers.pressrelease import find_tickers, split_marketwired_dateline, split_release


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Corp. (NASDAQ: ABCD) said", ["NASDAQ:ABCD"]),
        ("Borealis (NYSE: BFS) (TSX: BFS) reported", ["NYSE:BFS", "TSX:BFS"]),
        ("Fjordline (Euronext Growth: FJORD) started", ["EURONEXTGROWTH:FJORD"]),
        ("Ketterby Foods Ltd. (NSE: KETTR) (BSE: KETTR)", ["NSE:KETTR", "BSE:KETTR"]),
        ("shares on the nasdaq: a market", []),
        ("About 40% of sales", []),
    ],
)
def test_find_tickers(text, expected):
    assert find_tickers(text) == expected


def test_split_release_sorts_tail_blocks():
    parts = split_release([
        "BOSTON, Mass., May 1, 2025 /PRNewswire/ -- Acme said.",
        "About 40% of the plant is finished, the company said in its statement today.",
        "About Acme Corp.",
        "Acme makes valves.",
        "MEDIA CONTACT:\nJo Roe\njo@acme.example",
        "SOURCE Acme Corp.",
        "Related Links",
        "https://acme.example",
    ])
    assert parts.body == ["BOSTON, Mass., May 1, 2025 /PRNewswire/ -- Acme said.",
                          "About 40% of the plant is finished, the company said in its statement today."]
    assert parts.about == ["About Acme Corp.", "Acme makes valves."]
    assert parts.contacts == ["MEDIA CONTACT:\nJo Roe\njo@acme.example"]
    assert parts.source == "Acme Corp."


def test_split_release_menafn_id_lines_disclaimer_and_ap_credits():
    parts = split_release(["(MENAFN) One.", "Two.", "MENAFN28042025000045015839ID1110413088",
                           "MENAFN28042025000045015839ID1110413088", "Legal Disclaimer:",
                           "MENAFN provides the information", "Comments", "No comment"])
    assert parts.body == ["(MENAFN) One.", "Two."]
    assert parts.id_line_date == "28042025"
    ap = split_release(["WASHINGTON (AP) — A.", "___", "Writer X contributed to this report.",
                        "Copyright 2025 The Associated Press. All Rights Reserved."])
    assert ap.body == ["WASHINGTON (AP) — A."]
    assert ap.credits == ["Writer X contributed to this report."]


def test_marketwired_dateline():
    assert split_marketwired_dateline("TORONTO, ON--(Marketwired - May 02, 2016) - Beta said.") == (
        "TORONTO, ON--(Marketwired - May 02, 2016)", "Beta said.")


def test_feed_error_only_for_an_empty_channel_that_says_so():
    bad = Feed(kind="rss", title="Business Wire News", description=(
        "RSS channel ID is not available in the request. Please make sure you have a valid RSS link."))
    assert feed_error(bad) is not None
    assert feed_error(Feed(kind="rss", title="Quiet wire", description="Latest releases")) is None
    busy = Feed(kind="rss", description="Error reports", entries=[FeedEntry(link="https://x.test/a")])
    assert feed_error(busy) is None
