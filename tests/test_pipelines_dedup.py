"""The repeated-content pipelines as Scrapy builds them (no crawl)."""

from __future__ import annotations

import asyncio

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.extensions.state import StateStoreExtension
from newscrawler.items import Article
from newscrawler.pipelines.boilerplate import BoilerplatePipeline
from newscrawler.pipelines.duplicates import Duplicate, DuplicatesPipeline
from newscrawler.pipelines.repeats import RepeatsPipeline

P = [
    ("Corvel Motors said on Monday it would build a second locomotive plant in Erie, adding "
    "about 900 jobs by 2028."),
    ("The plant will assemble hybrid units ordered by freight railroads across the Midwest, the "
    "company said in a statement."),
    "Analysts said the expansion showed confidence in demand, and Corvel shares rose 2.4%.",
]


def article(url: str, paragraphs: list[str]) -> Article:
    return Article(url=url, canonical_url=url, id=url[-24:].rjust(24, "0").replace("/", "0")
                   .replace(".", "0").replace(":", "0"), title="T", body="\n\n".join(paragraphs))


def build(cls, **settings):
    crawler = get_crawler(settings_dict={"EXTENSIONS": {StateStoreExtension: 0}, **settings})
    crawler.stats.open_spider()
    return build_from_crawler(cls, crawler)


def test_repeats_pipeline_collapses_and_flags():
    pipeline = build(RepeatsPipeline)
    item = pipeline.process_item(article("https://a.example/1", [*P, *P[1:]]))
    assert item.body == "\n\n".join(P)
    assert item.flags == ["repeated_paragraphs_removed"]
    assert pipeline.crawler.stats.get_value("dupes/repeats/paragraphs_removed") == 2


@pytest.mark.parametrize(("cls", "settings"), [
    (DuplicatesPipeline, {"DUPLICATES_POLICY": "keep"}),
    (DuplicatesPipeline, {"DUPLICATES_EXPIRY_DAYS": 0}),
    (DuplicatesPipeline, {"DUPLICATES_NEAR_THRESHOLD": 1.5}),
    (BoilerplatePipeline, {"BOILERPLATE_MIN_STORIES": 1}),
    (BoilerplatePipeline, {"BOILERPLATE_EXPIRY_DAYS": -1}),
])
def test_bad_settings_fail_at_start(cls, settings):
    with pytest.raises(ValueError, match=next(iter(settings))):
        build(cls, **settings)


@pytest.mark.parametrize(("cls", "name"), [
    (RepeatsPipeline, "REPEATS_ENABLED"),
    (BoilerplatePipeline, "BOILERPLATE_ENABLED"),
    (DuplicatesPipeline, "DUPLICATES_ENABLED"),
])
def test_switches(cls, name):
    with pytest.raises(NotConfigured):
        build(cls, **{name: False})


@pytest.mark.parametrize("policy", ["drop", "mark"])
def test_duplicates_pipeline_policies(tmp_path, policy):
    pipeline = build(DuplicatesPipeline, STATE_URI=str(tmp_path / "s.db"),
                     DUPLICATES_POLICY=policy)

    async def scenario():
        await pipeline.open_spider()
        first = await pipeline.process_item(article("https://a.example/story", P))
        pipeline.item_scraped(first, None, None)
        copy = article("https://b.example/copy", ["(MENAFN) " + P[0], *P[1:]])
        try:
            result = await pipeline.process_item(copy)
        except Duplicate as exc:
            result = exc
        await pipeline.close_spider()
        return first, result

    first, result = asyncio.run(scenario())
    assert first.cluster_id == first.id
    assert first.duplicate_of is None
    if policy == "drop":
        assert isinstance(result, Duplicate)
        assert result.reason == "duplicate"
        assert result.evidence["duplicate_of"] == {"id": first.id, "url": first.url}
        assert result.evidence["match"] == "exact"
        assert result.evidence["similarity"] == 1.0
    else:
        assert result.duplicate_of == {"id": first.id, "url": first.url}
        assert result.cluster_id == first.id
    assert pipeline.crawler.stats.get_value("dupes/exact") == 1
