"""The repeated-content levels as plain functions, the state store, and the labelled set."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from newscrawler.dedup.boilerplate import is_known_boilerplate, strip_boilerplate
from newscrawler.dedup.fingerprint import content_hash, story_core
from newscrawler.dedup.index import DuplicateIndex, Story
from newscrawler.dedup.minhash import signature, stored_band_keys, template_fields, verify
from newscrawler.dedup.repeats import collapse_repeats, paragraph_hash
from newscrawler.state import open_store
from newscrawler.state.sqlite import DAY

REPO = Path(__file__).resolve().parent.parent
P = [
    ("Acme Corp said on Tuesday it would close its Denver plant by the end of the year to cut "
    "costs, a move that affects about 400 workers."),
    "The plant makes cooling systems for data centers and accounted for a fifth of sales.",
    '"This was a hard decision," said chief executive Dana Whitcombe in a statement.',
    ("Analysts at Fenwick Row said the closure would lift margins from next year, though unions "
    "asked for more detail on severance terms and retraining."),
]


# --- level 1 -----------------------------------------------------------------------------
def test_doubled_body_and_id_line_collapse_to_first_occurrence():
    page = ["ID20250428000123X", *P, *P[1:], "ID20250428000123X"]
    kept, removed = collapse_repeats(page)
    assert kept == ["ID20250428000123X", *P]
    assert removed == 4


def test_near_exact_repeat_and_repeated_block():
    long = P[3] + " Talks resume next week."
    near = long.replace("though", "although").upper()
    kept, removed = collapse_repeats([P[0], long, P[1], near])
    assert kept == [P[0], long, P[1]]
    assert removed == 1
    kept, removed = collapse_repeats([P[0], P[1], P[2], P[1], P[2], P[3]])
    assert kept == P
    assert removed == 2


def test_a_recurring_quote_is_judged_by_block():
    quote = '"We will rebuild," she said.'
    page = [P[0], quote, P[1], "In summary:", quote, P[3]]
    assert collapse_repeats(page) == (page, 0)
    # a sentence inside a longer paragraph is never cut out of it
    summary = f"In short, {quote} The plant closes in May."
    assert collapse_repeats([P[0], quote, summary]) == ([P[0], quote, summary], 0)


def test_table_cells_that_recur_are_kept_but_a_doubled_story_with_cells_collapses():
    # a story with two tables (each cell one block, as the extractor gives them): the same
    # people, shares and months recur across rows and tables, two rows share a month
    by_commits = ["Name", "Commits", "Share", "Ilse Varga", "412", "3.1%", "Tomas K. Wren",
                  "87", "0.5%", "Mona Quist", "9", "0.5%"]
    by_lines = ["Name", "Lines", "Share", "Mona Quist", "20115", "1.2%", "Ilse Varga", "3117",
                "0.5%", "Tomas K. Wren", "901", "0.1%"]
    releases = ["Release", "Date", "4.3", "March 2024", "4.3.1", "March 2024", "4.3.2", "May 2024"]
    page = [P[0], *by_commits, P[1], *by_lines, P[2], *releases, P[3]]
    assert collapse_repeats(page) == (page, 0)
    # the page printing its whole story twice, table and all: the second copy goes
    doubled = [P[0], *by_commits, P[1], P[0], *by_commits, P[1]]
    kept, removed = collapse_repeats(doubled)
    assert kept == [P[0], *by_commits, P[1]]
    assert removed == len(by_commits) + 2
    # per-player stat lines of a match report recur in runs: short lines, no second print
    stats = [P[0], "Jo Amsel", "2 tackles (1 combined).", "No stats registered.", "Lee Brook",
             "2 tackles (1 combined).", "No stats registered.", "S", "Kai Dorn", "S", P[1]]
    assert collapse_repeats(stats) == (stats, 0)


def test_the_recurring_question_of_an_interview_series_is_kept():
    question = ("What do you cook for yourself on a quiet evening? Is there a dish you never "
                "make, or one you could eat every day?")
    answers = [f"Answer {n}: {P[n % 4]}" for n in range(4)]
    page = [P[0]]
    for answer in answers:
        page += [f"Cook number {len(page)} tells us about a kitchen.", question, answer]
    assert collapse_repeats(page) == (page, 0)
    # printed twice only, far apart, it is still a repeat
    kept, removed = collapse_repeats([P[0], question, P[1], P[2], question, P[3]])
    assert (kept, removed) == ([P[0], question, P[1], P[2], P[3]], 1)


# --- level 2 -----------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Legal Disclaimer:",
    "MENAFN provides the information “as is” without warranty of any kind.",
    "CommentsNo comment",
    "Share this article",
    "Copyright 2025 The Associated Press. All rights reserved.",
    "About PR Newswire: a leading distributor.",
    "View original content: https://example.com/x",
])
def test_known_wire_tails(text):
    assert is_known_boilerplate(text)


def test_learned_boilerplate_is_stripped_story_text_kept():
    line = "The Ledger newsletter brings the week's stories to your inbox every Friday."
    kept, removed = strip_boilerplate([P[0], P[1], line], learned={paragraph_hash(line)})
    assert kept == [P[0], P[1]]
    assert removed == [line]
    assert strip_boilerplate(["Share this article"]) == (["Share this article"], [])


def test_boilerplate_counts_distinct_stories_not_copies(tmp_path):
    store = open_store(str(tmp_path / "s.db"), band_keys=stored_band_keys)
    line, h = "x", [paragraph_hash("a paragraph that the site prints under every story")]
    for _ in range(5):  # five copies of one syndicated story: the story's own text
        store.count_paragraphs("site.example", h, new_cluster=False, now=time.time())
    store.count_paragraphs("site.example", h, new_cluster=True, now=time.time())
    assert store.boilerplate("site.example", h, 2) == set()
    store.count_paragraphs("site.example", h, new_cluster=True, now=time.time())
    assert store.boilerplate("site.example", h, 2) == set(h)
    assert store.boilerplate("other.example", h, 2) == set()
    assert line  # the store keeps hashes only
    store.close()


# --- level 3 -----------------------------------------------------------------------------
def test_fingerprint_ignores_dateline_and_wire_tail():
    a = ["PALO ALTO, Calif., April 25, 2025 /PRNewswire/ -- " + P[0], *P[1:], "###",
         "Media contact: a@example.com"]
    b = ["(MENAFN- EIN Presswire) " + P[0], *P[1:], "Legal Disclaimer:",
         "MENAFN provides the information as is."]
    assert story_core(a) == story_core(b) == P
    assert content_hash(story_core(a)) == content_hash(story_core(b)) != 0


# --- level 4 -----------------------------------------------------------------------------
def test_syndicated_copy_with_edits_is_near_duplicate():
    copy = [*P[:2], P[3].replace("said", "stated"), "(Reporting by Ruth Penhallow)"]
    verdict = verify(signature(P), signature(copy))
    assert verdict.duplicate
    assert verdict.reason == "near"


# Chinese puts no spaces between words: a portal's copy adds a source line and edits a few
# characters; an unrelated story from the same desk shares none of its sentences
ZH = [
    ("港城市政府周二宣布，东码头的十二台柴油起重机将在二〇二七年夏天之前全部换成电动起重机，"
    "这一决定是在为期一年的试运行之后作出的。"),
    ("首批四台起重机将于明年三月运抵港口。工程师估计，每台起重机每年可以节省约四百吨柴油，"
    "夜班作业时的噪音也会明显降低。"),
    ("码头工人工会对这一计划表示欢迎，但要求在设备更换之前安排培训，因为新的驾驶室和遥控系统"
    "将改变每一次吊装的计划方式。"),
    "这项工程总投资八千四百万欧元，由港口和一个地区气候基金共同承担，该基金去年还资助了岸电线路的建设。",
]
ZH_OTHER = [
    "港城图书馆下个月起将在工作日晚上延长开放至九点，此前的一项调查显示，大多数读者只能在下班后前来借书。",
    "延长开放所需的费用来自周日上午阅览室的关闭，馆长在周一的文化委员会会议上说，那段时间来访的读者不到十二人。",
    "市议会将在明年春天评估新的开放时间，如果晚间借阅人数没有增加，图书馆可能恢复原来的安排。",
]


def test_a_chinese_copy_with_a_few_characters_edited_is_a_near_duplicate():
    copy = ["（来源：港城晚报）", ZH[0], ZH[1].replace("明年三月", "明年3月"),
            ZH[2], ZH[3].replace("共同承担", "共同出资")]
    verdict = verify(signature(ZH), signature(copy))
    assert verdict.duplicate, verdict
    assert verdict.similarity > 0.6
    assert not verify(signature(ZH), signature(ZH_OTHER)).duplicate


def test_templated_releases_are_different_stories():
    def notice(co, ticker, amount, pay, rec):
        return [
            (f"{co} (NYSE: {ticker}) announced today that its Board of Directors declared a "
            f"regular quarterly cash dividend of {amount} per share on its common stock."),
            (f"The dividend is payable on {pay}, 2025 to shareholders of record at the close of "
            f"business on {rec}, 2025."),
        ]
    a = notice("Acme Corp", "ACM", "$0.25", "June 3", "May 15")
    b = notice("Beta Inc", "BTA", "$0.40", "July 1", "June 12")
    assert not verify(signature(a), signature(b)).duplicate
    # the guard alone: every paragraph is the same template filled in with other values
    assert template_fields(signature(a), signature(b)) == 2
    assert verify(signature(a), signature(a)).duplicate


# --- the store ---------------------------------------------------------------------------
def story(url, paragraphs):
    core = story_core(paragraphs)
    return Story(url[-24:].rjust(24, "0").replace("/", "0").replace(".", "0"), url, core,
                 content_hash(core))


def test_store_persists_across_reopen_and_expires(tmp_path):
    uri = f"sqlite:///{tmp_path}/state/s.db"
    store = open_store(uri, band_keys=stored_band_keys)
    index = DuplicateIndex(store, run="r1")
    first = story("https://a.example/x1", P)
    assert not index.check_and_claim(first, time.time()).duplicate
    store.mark_exported(first.id, time.time())
    store.close()

    store = open_store(uri, band_keys=stored_band_keys)
    index = DuplicateIndex(store, run="r2")
    copy = story("https://b.example/y2", ["(MENAFN) " + P[0], *P[1:]])
    decision = index.check_and_claim(copy, time.time())
    assert decision.duplicate
    assert decision.match == "exact"
    assert decision.duplicate_of == {"id": first.id, "url": "https://a.example/x1"}
    assert decision.cluster_id == first.id
    near = story("https://c.example/z3", [*P, "(Reporting by Ruth Penhallow)"])
    assert index.find(near).match == "near"
    # 91 days later both are forgotten, band keys included
    assert store.prune(time.time() + 91 * DAY, 90, 30) == (2, 0)
    assert store.counts() == {"stories": 0, "bands": 0, "host_paragraphs": 0}
    store.close()


def test_a_claim_left_by_a_crashed_run_is_taken_over(tmp_path):
    store = open_store(str(tmp_path / "s.db"), band_keys=stored_band_keys)
    first = story("https://a.example/x1", P)
    DuplicateIndex(store, run="crashed").check_and_claim(first, time.time())
    copy = story("https://b.example/y2", P)
    decision = DuplicateIndex(store, run="next").check_and_claim(copy, time.time())
    assert not decision.duplicate  # nothing was exported: the copy is the first in the feed
    store.close()


@pytest.mark.parametrize("uri", ["mongodb://localhost/0", "", "sqlite://relative"])
def test_unknown_state_uri_is_a_clear_error(uri):
    with pytest.raises(ValueError, match="STATE_URI"):
        open_store(uri)


# --- the labelled set --------------------------------------------------------------------
def test_labelled_set_outcomes(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_dedup", REPO / "benchmarks/dedup.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.evaluate(bench.load(), tmp_path / "state.sqlite3")
    assert result["clusters"] >= 100
    assert result["templated_pairs"] >= 30
    assert result["templated_pairs_matched"] == []
    assert result["story_paragraphs_stripped"] == []
    assert result["doubled_pages_left_doubled"] == []
    assert result["pages_wrongly_collapsed"] == []
    assert result["boilerplate_paragraphs_removed"] > 0
    assert result["pair_precision"] >= 0.995
    assert result["pair_recall"] >= 0.97
    # the three copies heavily edited (a paragraph dropped and one added, plus word edits)
    # that fall under the near-duplicate thresholds, pinned so a change shows
    assert result["clusters_split"] == ["c031", "c035", "c042"]
