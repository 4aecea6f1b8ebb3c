"""Hostile big pages: the text analysis is bounded and the pages are still judged right.

Correctness only (no timing): the caps are seen in the stages' outputs and in the
``bounded/<stage>`` stats; ``benchmarks/bigpage.py`` measures the time and memory.
"""

from __future__ import annotations

import asyncio
import random

import pytest
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.dedup.minhash import signature
from newscrawler.dedup.repeats import collapse, collapse_repeats
from newscrawler.items import Article
from newscrawler.pipelines.repeats import RepeatsPipeline
from newscrawler.pipelines.soft404 import Soft404Page, Soft404Pipeline
from newscrawler.utils import text
from newscrawler.utils.bounds import FLAG, WINDOW_BLOCKS, WINDOW_CHARS

from conftest import read_jsonl, run_crawl

WORDS = ["harbour", "council", "budget", "rail", "freight", "plant", "union", "vote", "court", "report", "energy", "grid", "port", "ship", "tariff", "market", "bank", "rate", "price", "growth", "season", "club", "museum", "river", "storm"]


def prose(n_words: int, seed: int = 0) -> str:
    """One line of sentences; ``seed`` varies the text."""
    r = random.Random(seed)
    out = []
    for i in range(n_words):
        word = r.choice(WORDS) + str(r.randrange(1000))
        out.append(word.capitalize() if i % 12 == 0 else word + ("." if i % 12 == 11 else ""))
    return " ".join(out)


def distinct_paragraphs(count: int) -> list[str]:
    """Paragraphs of the same length and 10 words, none a near-repeat of another: the worst
    case for pairwise comparison (every length test passes, every word set is compared)."""
    return [f"Item {i:06d} of the notice lists harbour dues, berth fees and pilot rates."
            for i in range(count)]


def build(cls, **settings):
    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()
    return build_from_crawler(cls, crawler)


# --- repeats within a page ----------------------------------------------------------------
def test_repeats_on_20000_blocks_caps_comparisons_and_still_collapses_exact_copies():
    base = distinct_paragraphs(20_000)
    page = [*base, *base[:300]]  # the first 300 printed again at the end: a run of copies
    result = collapse(page)
    assert result.bounded
    assert result.kept == base
    assert result.removed == 300


def test_near_repeats_are_still_found_on_a_normal_page():
    page = distinct_paragraphs(50)
    page[3] += (" The notice was posted at the harbour office on Monday and takes effect in "
                "May for every vessel calling at the port.")
    near = page[3].replace("every vessel", "each vessel")  # one word changed
    result = collapse([*page, near])
    assert not result.bounded
    assert result.kept == page
    assert result.removed == 1


def test_a_repeated_paragraph_150000_times_collapses_to_one():
    paragraph = "The port said dues rise by four percent from January for every vessel."
    kept, removed = collapse_repeats([paragraph] * 150_000)
    assert kept == [paragraph]
    assert removed == 149_999


def test_repeats_pipeline_counts_and_flags_a_capped_page():
    pipeline = build(RepeatsPipeline)
    base = distinct_paragraphs(WINDOW_BLOCKS + 500)
    item = Article(url="https://a.example/big", canonical_url="https://a.example/big",
                   id="0" * 24, title="T", body="\n\n".join([*base, base[0], base[1]]))
    pipeline.process_item(item)
    assert item.body == "\n\n".join(base)  # the copies at the end went, nothing else
    assert pipeline.crawler.stats.get_value("bounded/repeats") == 1
    assert FLAG in item.flags
    assert "repeated_paragraphs_removed" in item.flags


# --- soft-404 -----------------------------------------------------------------------------
def page_item(html: str, url: str = "http://127.0.0.1/news/2025/04/10/story.html") -> Article:
    from scrapy import Request
    from scrapy.http import HtmlResponse

    from newscrawler.parsers.base import ArticleParser

    response = HtmlResponse(url, body=html.encode(), encoding="utf-8", request=Request(url))
    return ArticleParser(response).to_item()


def judge(html: str) -> tuple[Article | None, Exception | None, Soft404Pipeline]:
    pipeline = build(Soft404Pipeline, SOFT404_PROBE_ENABLED=False)
    item = page_item(html)
    try:
        return asyncio.run(pipeline.process_item(item)), None, pipeline
    except Soft404Page as error:
        return None, error, pipeline


ERROR = ("<main><h1>Page not found</h1><p>Sorry, the page you are looking for does not exist "
         "or has been moved.</p></main>")


@pytest.mark.parametrize("padding", [
    "<script>var pad='" + "x" * 3_000_000 + "';</script>",
    "<nav><ul>" + "".join(f"<li><a href='#s{i}'>Section {i}</a></li>" for i in range(60_000))
    + "</ul></nav>",
    "<!--" + "pad " * 700_000 + "-->",
])
def test_an_error_page_padded_to_megabytes_is_still_soft404(padding):
    html = ("<html><head><title>Page not found | Wire</title></head><body>"
            f"{ERROR}{padding}</body></html>")
    assert len(html) > 700_000
    item, error, _ = judge(html)
    assert item is None
    assert error is not None
    assert error.reason == "soft404"


def test_a_megabyte_single_paragraph_story_is_kept_whole_and_flagged():
    body = prose(400_000)  # about 3 MB on one line, one <p>
    html = ("<html><head><title>A long story | Wire</title></head><body><article>"
            f"<h1>A long story</h1><p>{body}</p></article></body></html>")
    item, error, pipeline = judge(html)
    assert error is None
    assert item is not None
    assert item.body == body  # nothing cut: only the analysis read a window
    assert FLAG in item.flags
    assert pipeline.crawler.stats.get_value("bounded/soft404") == 1


# --- the MinHash signature and whitespace folding -----------------------------------------
def test_signature_reads_a_window_of_a_huge_core():
    core = [prose(20_000, seed=1), prose(200_000, seed=2)]
    assert len(" ".join(core)) > 2 * WINDOW_CHARS
    changed_far = [core[0], core[1][:-1000] + " " + prose(150, seed=3)]
    a, b = signature(core), signature(changed_far)
    assert (a.minhash == b.minhash).all()  # past the window: the same signature
    assert a.shingles <= WINDOW_CHARS  # shingles of the window only


def test_long_text_folding_is_the_regex_folding():
    chars = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u200b", "\ufeff",
             "\u3000", "\x00", "\x7f", "\u2028", "\u00ad", "\u200d", "a", "b", "é", "x"]
    r = random.Random(7)
    for _ in range(2_000):
        sample = "".join(r.choice(chars) for _ in range(r.randrange(40)))
        long = sample + "y" * (text.FAST_SPACE_CHARS + 1) + sample
        assert text.normalize_space(long) == text._SPACE.sub(
            " ", text._CONTROL.sub("", long)).strip()
        # zero-width space, byte-order mark and soft hyphen join what they stand between
        assert text.normalize_space(long) == " ".join(
            text._CONTROL.sub("", long).split())


# --- through the crawl --------------------------------------------------------------------
def test_crawl_of_big_pages_judges_each_right(tmp_path, serve_dir):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    story = prose(350_000, seed=4)  # ~2.6 MB, one paragraph on one line
    notice = [prose(40, seed=10 + i) for i in range(20)]  # printed 1,000 times: ~5 MB
    pages = {
        "/news/2025/04/10/long-story.html":
            f"<html><head><title>Long story | Wire</title></head><body><article>"
            f"<h1>Long story</h1><p>{story}</p></article></body></html>",
        "/news/2025/04/10/padded-error.html":
            "<html><head><title>Page not found | Wire</title></head><body>" + ERROR
            + "<script>var pad='" + "x" * 2_500_000 + "';</script></body></html>",
        "/news/2025/04/10/repeated.html":
            "<html><head><title>Repeated notice | Wire</title></head><body><article>"
            "<h1>Repeated notice</h1>"
            + "".join(f"<p>{p}</p>" for p in notice) * 1_000
            + "</article></body></html>",
    }
    for path, html in pages.items():
        target = site / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\nSitemap: {{BASE}}/sitemap.xml\n")
    urls = "".join(f"<url><loc>{{{{BASE}}}}{p}</loc></url>" for p in pages)
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
    server = serve_dir(site)
    work = tmp_path / "run"
    work.mkdir()
    result = run_crawl("generic", work, f"url={server.base_url}/sitemap.xml",
                       settings={"STATE_URI": str(work / "state.sqlite3")})
    assert result.returncode == 0, result.log[-3000:]
    items = {i["url"].rsplit("/", 1)[-1]: i for i in result.items}
    rejects = read_jsonl(result.feed.with_name("out.rejects.jsonl"))
    assert set(items) == {"long-story.html", "repeated.html"}, [r["reason"] for r in rejects]
    assert items["long-story.html"]["body"] == story
    assert FLAG in items["long-story.html"]["flags"]
    assert items["repeated.html"]["body"] == "\n\n".join(notice)
    assert "repeated_paragraphs_removed" in items["repeated.html"]["flags"]
    assert [(r["url"].rsplit("/", 1)[-1], r["reason"]) for r in rejects] == [
        ("padded-error.html", "soft404")]
    assert result.stats["bounded/soft404"] >= 1


def test_a_megabyte_headline_is_read_as_far_as_a_long_one():
    headline = prose(150_000, seed=5)  # ~1 MB in <title> and <h1>
    story = " ".join(prose(120, seed=6 + i) for i in range(3))
    html = (f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
            f"<p>{story}</p></article></body></html>")
    item, error, pipeline = judge(html)
    assert error is None
    assert item.title == headline  # the exported title is whole
    assert FLAG in item.flags
    assert pipeline.crawler.stats.get_value("bounded/soft404") == 1


def test_a_page_padded_with_links_is_followed_only_up_to_the_cap(tmp_path, serve_dir):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    for n in range(40):
        (site / "news" / f"s{n}.html").write_text(
            f"<html><head><title>Story {n}</title></head><body><p>Short page {n}.</p>"
            "</body></html>", encoding="utf-8")
    links = "".join(f'<a href="/news/s{n}.html">story {n}</a> ' for n in range(40))
    (site / "index.html").write_text(f"<html><body><nav>{links}</nav></body></html>",
                                     encoding="utf-8")
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    server = serve_dir(site)
    work = tmp_path / "run"
    work.mkdir()
    result = run_crawl("generic", work, f"url={server.base_url}/",
                       settings={"STATE_URI": str(work / "state.sqlite3"),
                                 "DISCOVERY_MAX_LINKS_PER_PAGE": 12, "LOG_LEVEL": "DEBUG"})
    assert result.returncode == 0, result.log[-3000:]
    fetched = {line.split("/news/")[1].split(">")[0] for line in result.log.splitlines()
               if "Crawled (" in line and "/news/s" in line}
    assert fetched == {f"s{n}.html" for n in range(12)}
    assert result.stat("discovery/pages_over_link_cap") == 1
    assert sum("DISCOVERY_MAX_LINKS_PER_PAGE" in line for line in result.log.splitlines()) == 1


# --- looks near the headline read short texts, never a whole huge element ---------------
def test_text_within_stops_past_its_limit():
    import lxml.html

    from newscrawler.extract.nearby import text_within

    root = lxml.html.fromstring("<div>" + "<p>abcdefghij</p>" * 10_000 + "</div>")
    assert text_within(root, 25) == "abcdefghij" * 2 + "abcdef"
    assert text_within(root, 10**9) == "abcdefghij" * 10_000


def test_date_line_and_dek_beside_a_megabyte_paragraph_never_read_it_whole(monkeypatch):
    import lxml.html

    from newscrawler.extract.pagedates import header_dates
    from newscrawler.extract.standfirst import find_standfirst

    story = prose(200_000, seed=8)  # ~1.5 MB in one <p>, and in a box of three
    dek = "The council voted late on Tuesday to keep the harbour ferry running all winter."
    root = lxml.html.fromstring(
        f"<html><body><article><h1>Ferry stays</h1><p class=dek>{dek}</p>"
        f"<div class=byline>By Ana Reyes, 10 April 2025</div><p>{story}</p>"
        f"<div><p>{story}</p><p>{story}</p></div></article></body></html>")
    h1 = root.find(".//h1")

    def whole_text(self):
        raise AssertionError("text_content() of a whole element")

    monkeypatch.setattr(lxml.html.HtmlMixin, "text_content", whole_text)
    assert find_standfirst(h1, [dek], [story]) == dek
    assert header_dates(h1) == ["2025-04-10"]


def test_safe_harbor_of_a_huge_release_is_still_found_at_its_end():
    from newscrawler.parsers.safeharbor import split_safe_harbor

    blocks = distinct_paragraphs(3 * WINDOW_BLOCKS)
    blocks[WINDOW_BLOCKS] = "Forward-Looking Statements"  # the middle: not looked at
    tail = ["Forward-Looking Statements", "This release contains forward-looking statements."]
    story, harbor = split_safe_harbor([*blocks, *tail])
    assert harbor == tail
    assert len(story) == len(blocks)
