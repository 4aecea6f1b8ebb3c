from __future__ import annotations

import json

import pytest
from scrapy import Spider
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.exceptions import Rejected
from newscrawler.extensions.rejects import RejectsWriter, default_rejects_uri
from newscrawler.items import Article
from newscrawler.pipelines.clean import CleanArticlePipeline
from newscrawler.pipelines.limit import ItemLimitReached, MaxItemsPipeline
from newscrawler.pipelines.required import IncompleteArticle, RequiredFieldsPipeline


def article(**kw) -> Article:
    base = {"url": "https://x.test/a", "canonical_url": "https://x.test/a", "id": "0" * 24}
    return Article(**{**base, **kw})


def test_clean_pipeline_normalises_every_text_field():
    crawler = get_crawler(Spider)
    pipeline = build_from_crawler(CleanArticlePipeline, crawler)
    item = article(
        title="  Acme &amp; Beta\n buy <b>Gamma</b> ",
        body="  First\u00a0 line\n of para.\n\n\n\n  \n\nSecond.\t ",
        authors=["Ada Byron", " Ada  Byron", "", "Grace Hopper"],
        language="de-DE",
        flags=["a", "a", "b"],
        dateline=" BOSTON ",
    )
    assert pipeline.process_item(item) is item
    assert item.title == "Acme & Beta buy Gamma"
    assert item.body == "First line of para.\n\nSecond."
    assert item.authors == ["Ada Byron", "Grace Hopper"]
    assert item.language == "de"
    assert item.flags == ["a", "b"]
    assert item.dateline == "BOSTON"


def test_clean_pipeline_works_on_plain_dicts():
    pipeline = build_from_crawler(CleanArticlePipeline, get_crawler(Spider))
    item = pipeline.process_item({"title": " x ", "body": "a\n\n\nb"})
    assert item == {"title": "x", "body": "a\n\nb"}


def test_clean_pipeline_can_be_switched_off():
    with pytest.raises(NotConfigured):
        build_from_crawler(CleanArticlePipeline, get_crawler(Spider, {"CLEAN_ENABLED": False}))


def test_required_fields_drop_with_reason_and_stats():
    crawler = get_crawler(Spider)
    pipeline = build_from_crawler(RequiredFieldsPipeline, crawler)
    good = article(title="T", body="B")
    assert pipeline.process_item(good) is good
    with pytest.raises(IncompleteArticle) as info:
        pipeline.process_item(article(title="T", body=""))
    assert info.value.reason == "incomplete"
    assert info.value.evidence == {"missing": ["body"]}
    assert crawler.stats.get_value("required/missing/body") == 1


def test_required_fields_setting():
    crawler = get_crawler(Spider, {"REQUIRED_FIELDS": ["title", "published"]})
    pipeline = build_from_crawler(RequiredFieldsPipeline, crawler)
    with pytest.raises(IncompleteArticle):
        pipeline.process_item(article(title="T", body="B"))
    with pytest.raises(NotConfigured):
        build_from_crawler(RequiredFieldsPipeline, get_crawler(Spider, {"REQUIRED_FIELDS": []}))


def test_max_items_pipeline_passes_exactly_n():
    crawler = get_crawler(Spider, {"CLOSESPIDER_ITEMCOUNT": 2})
    pipeline = build_from_crawler(MaxItemsPipeline, crawler)
    pipeline.process_item(article())
    pipeline.process_item(article())
    with pytest.raises(ItemLimitReached):
        pipeline.process_item(article())
    assert crawler.stats.get_value("limit/dropped") == 1
    with pytest.raises(NotConfigured):
        build_from_crawler(MaxItemsPipeline, get_crawler(Spider))


@pytest.mark.parametrize(
    ("feeds", "expected"),
    [
        ({"output/%(name)s/%(time)s.jsonl": {}}, "output/%(name)s/%(time)s.rejects.jsonl"),
        ({"/tmp/today.jsonl": {}}, "/tmp/today.rejects.jsonl"),
        ({"s3://bucket/x.jsonl": {}}, "output/%(name)s/%(time)s.rejects.jsonl"),
        ({}, "output/%(name)s/%(time)s.rejects.jsonl"),
    ],
)
def test_default_rejects_uri_sits_beside_the_feed(feeds, expected):
    assert default_rejects_uri(feeds) == expected


def test_rejects_writer_writes_rejected_items_only(tmp_path):
    crawler = get_crawler(Spider, {"REJECTS_URI": str(tmp_path / "%(name)s-%(time)s.rej.jsonl")})
    writer = build_from_crawler(RejectsWriter, crawler)
    spider = Spider(name="demo")
    writer.item_dropped(article(title="T"), None, DropItem("not a reject"), spider)
    assert writer.path is None  # nothing written for plain drops
    rejected = Rejected("soft404", "error page", evidence={"reasons": ["title_phrase:en"]})
    writer.item_dropped(article(title="T", http_status=200), None, rejected, spider)
    writer.item_dropped(article(url="https://x.test/b"), None, IncompleteArticle("incomplete", "m"),
                        spider)
    writer.spider_closed(spider)
    assert writer.path.name.startswith("demo-")
    lines = [json.loads(line) for line in writer.path.read_text().splitlines()]
    assert lines[0] == {
        "url": "https://x.test/a", "canonical_url": "https://x.test/a", "id": "0" * 24,
        "title": "T", "http_status": 200, "fetched_at": None, "reason": "soft404",
        "reasons": ["title_phrase:en"],
    }
    assert lines[1]["reason"] == "incomplete"
    assert crawler.stats.get_value("rejects/count/soft404") == 1
    assert crawler.stats.get_value("rejects/file") == str(writer.path)
