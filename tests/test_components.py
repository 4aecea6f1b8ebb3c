"""The shared component opening: switches, and renamed settings read under their old names."""

from __future__ import annotations

import pytest
from scrapy.exceptions import NotConfigured, ScrapyDeprecationWarning
from scrapy.utils.test import get_crawler

from newscrawler.pipelines.repeats import RepeatedParagraphsPipeline, RepeatsPipeline


def crawler_with(settings: dict) -> object:
    crawler = get_crawler(settings_dict={
        "ADDONS": {"newscrawler.components.RenamedSettings": 0}, **settings})
    crawler._apply_settings()
    return crawler


def test_old_setting_name_still_switches_the_stage_off_with_a_warning() -> None:
    with pytest.warns(ScrapyDeprecationWarning, match="DUPLICATES_WITHIN_PAGE_ENABLED.*REPEATS"):
        crawler = crawler_with({"DUPLICATES_WITHIN_PAGE_ENABLED": False})
    assert crawler.settings.getbool("REPEATS_ENABLED", True) is False
    with pytest.raises(NotConfigured, match="REPEATS_ENABLED is off"):
        RepeatsPipeline.from_crawler(crawler)


def test_new_name_wins_over_the_old_one() -> None:
    with pytest.warns(ScrapyDeprecationWarning):
        crawler = crawler_with({"DUPLICATES_WITHIN_PAGE_ENABLED": False, "REPEATS_ENABLED": True})
    assert isinstance(RepeatsPipeline.from_crawler(crawler), RepeatsPipeline)


def test_stage_is_on_by_default_without_warning(recwarn: pytest.WarningsRecorder) -> None:
    crawler = crawler_with({})
    pipeline = RepeatsPipeline.from_crawler(crawler)
    assert pipeline.crawler is crawler
    assert not [w for w in recwarn if issubclass(w.category, ScrapyDeprecationWarning)]


def test_old_class_path_still_loads_with_a_warning() -> None:
    with pytest.warns(ScrapyDeprecationWarning, match="RepeatsPipeline"):
        class Custom(RepeatedParagraphsPipeline):
            pass
    assert issubclass(Custom, RepeatsPipeline)
