"""The run summary: ``<feed stem>.summary.json`` beside the feed, and one human log line.

It also decides whether the run failed (``RUN_FAIL_*`` settings, rules in
:mod:`newscrawler.runs.outcome`); the project's ``crawl`` command turns that into the
process exit status, so cron mail and monitoring see a failed run.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from newscrawler.components import attach, require
from newscrawler.runs.files import write_json_atomic
from newscrawler.runs.naming import file_uri_params, format_uri, local_feed_uri, sibling_path
from newscrawler.runs.outcome import (
    EXIT_FAILED,
    EXIT_OK,
    SUMMARY_SUFFIX,
    FailureRules,
    build_summary,
    failure_reasons,
    human_line,
    previous_summary,
)

logger = logging.getLogger(__name__)

EXIT_STATUS_STAT = "run/exit_status"


def read_rules(settings: Any) -> FailureRules:
    defaults = FailureRules()
    rules = FailureRules(
        ok_finish_reasons=tuple(
            settings.getlist("RUN_OK_FINISH_REASONS", list(defaults.ok_finish_reasons))
        ),
        max_error_rate=settings.getfloat("RUN_FAIL_MAX_ERROR_RATE", defaults.max_error_rate),
        min_requests=settings.getint("RUN_FAIL_MIN_REQUESTS", defaults.min_requests),
        max_page_error_rate=settings.getfloat("RUN_FAIL_MAX_PAGE_ERROR_RATE",
                                              defaults.max_page_error_rate),
        fail_when_all_blocked=settings.getbool("RUN_FAIL_ALL_BLOCKED",
                                               defaults.fail_when_all_blocked),
        fail_on_zero_items=settings.getbool("RUN_FAIL_ZERO_ITEMS", defaults.fail_on_zero_items),
        distributed=bool(settings.get("REDIS_URL")),
    )
    for name, value in (("RUN_FAIL_MAX_ERROR_RATE", rules.max_error_rate),
                        ("RUN_FAIL_MAX_PAGE_ERROR_RATE", rules.max_page_error_rate)):
        if not 0 <= value <= 1:
            raise ValueError(f"{name} must be between 0 and 1")
    return rules


class RunSummary:
    """``RUN_SUMMARY_ENABLED`` (default ``True``); ``RUN_SUMMARY_URI`` overrides the place."""

    crawler: Crawler

    def __init__(self, uri_template: str | None, feed_template: str | None,
                 rules: FailureRules) -> None:
        self.uri_template = uri_template
        self.feed_template = feed_template
        self.rules = rules

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        require(settings, "RUN_SUMMARY_ENABLED")
        feed = local_feed_uri(settings.getdict("FEEDS"))
        uri = settings.get("RUN_SUMMARY_URI") or (
            sibling_path(feed, SUMMARY_SUFFIX) if feed else None
        )
        extension = attach(cls(uri, feed, read_rules(settings)), crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        params = file_uri_params(spider, self.crawler.settings.get("FEED_URI_PARAMS"))
        feed = format_uri(self.feed_template, params) if self.feed_template else None
        summary = build_summary(
            self.crawler.stats.get_stats(),
            spider=spider.name,
            finish_reason=reason,
            end_time=datetime.now(tz=UTC),
            feed=feed,
        )
        try:
            path = Path(format_uri(self.uri_template, params)) if self.uri_template else None
        except (TypeError, KeyError, ValueError) as exc:  # a bad %-template: fail, once
            path, bad_template = None, f"summary not written: RUN_SUMMARY_URI {exc}"
        else:
            bad_template = None
        previous = previous_summary(path) if path else None
        summary["failure"] = failure_reasons(summary, previous, self.rules)
        if bad_template:
            summary["failure"].append(bad_template)
        summary["exit_status"] = EXIT_FAILED if summary["failure"] else EXIT_OK
        self.crawler.stats.set_value(EXIT_STATUS_STAT, summary["exit_status"])
        summary_note = {"path": path or ("(not written: bad RUN_SUMMARY_URI)" if bad_template
                                          else "(no local feed: summary not written)")}
        if path is not None:
            try:
                write_json_atomic(path, summary)
            except (OSError, TypeError, ValueError) as exc:  # disk full, unwritable
                summary["failure"].append(f"summary not written to {path}: {exc}")
                summary["exit_status"] = EXIT_FAILED
                self.crawler.stats.set_value(EXIT_STATUS_STAT, EXIT_FAILED)
                summary_note = {"path": f"(not written: {exc})"}
        log = logger.error if summary["failure"] else logger.info
        log("%(line)s", {"line": human_line(summary)})
        logger.info("Run summary: %(path)s", summary_note)
