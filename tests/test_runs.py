from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from newscrawler.runs.files import part_path, publish, write_json_atomic
from newscrawler.runs.lock import LockBusy, RunLock, lock_path
from newscrawler.runs.outcome import (
    FailureRules,
    build_summary,
    failure_reasons,
    human_line,
    previous_summary,
)

START = datetime(2025, 4, 28, 10, 0, tzinfo=UTC)


def stats(**kw):
    base = {
        "start_time": START,
        "item_scraped_count": 5,
        "downloader/request_count": 20,
        "response_received_count": 20,
        "downloader/response_status_count/200": 18,
        "downloader/response_status_count/404": 2,
        "downloader/exception_count": 3,
        "downloader/exception_type_count/scrapy.exceptions.IgnoreRequest": 1,
        "retry/count": 4,
        "rejects/count/soft404": 2,
        "rejects/file": "out.rejects.jsonl",
        "soft404/blocked/cloudflare": 1,
    }
    base.update(kw)
    return base


def summary(**kw):
    return build_summary(stats(**kw), spider="generic", finish_reason="finished",
                         end_time=START + timedelta(seconds=12.5), feed="out.jsonl")


def test_build_summary_from_stats():
    assert summary() == {
        "spider": "generic",
        "start_time": "2025-04-28T10:00:00+00:00",
        "end_time": "2025-04-28T10:00:12.500000+00:00",
        "duration_seconds": 12.5,
        "finish_reason": "finished",
        "items_exported": 5,
        "feed": "out.jsonl",
        "rejects": {"soft404": 2},
        "rejects_file": "out.rejects.jsonl",
        "blocked": {"cloudflare": 1},
        "http_errors": {"404": 2},
        "download_errors": 2,
        "retries": 4,
        "requests": 20,
        "pages_fetched": 20,
        "already_exported": 0,
        "errors": {"parse": 0, "item": 0},
        "rejects_not_written": 0,
        "rejects_write_error": None,
    }
    assert summary(item_scraped_count=0)["feed"] is None


def test_summary_counts_page_errors_and_lost_rejects():
    run = summary(**{"errors/parse": 1, "errors/item": 2, "rejects/count/error": 3,
                     "rejects/not_written": 4, "rejects/write_error": "cannot write x: OSError"})
    assert run["errors"] == {"parse": 1, "item": 2}
    assert run["rejects"] == {"soft404": 2, "error": 3}
    assert run["rejects_not_written"] == 4
    line = human_line({**run, "failure": failure_reasons(run, None, FailureRules())})
    assert "3 page errors" in line
    assert "4 rejects NOT written" in line
    assert line.endswith("-- FAILED: errors on 15% of pages (3 of 20); "
                         "4 rejects not written (cannot write x: OSError)")


@pytest.mark.parametrize(
    ("change", "previous", "expected"),
    [
        ({}, None, []),
        ({"finish_reason": "shutdown"}, None, ["finish reason shutdown"]),
        ({"finish_reason": "closespider_itemcount"}, None, []),
        ({"pages_fetched": 0}, None, ["no page fetched"]),
        ({"download_errors": 11}, None, ["download errors on 55% of requests"]),
        ({"download_errors": 5, "requests": 5}, None, []),  # too few requests to judge
        ({"blocked": {"akamai": 20}}, None, ["every request blocked"]),
        ({"items_exported": 0}, {"items_exported": 3}, ["zero items (the previous run exported 3)"]),
        ({"items_exported": 0}, {"items_exported": 0}, []),
        ({"items_exported": 0}, None, []),
        # pages lost to an exception: more than 5% of the fetched pages fail the run
        ({"errors": {"parse": 0, "item": 1}}, None, []),  # 5% of 20: not more than 5%
        ({"errors": {"parse": 1, "item": 1}}, None, ["errors on 10% of pages (2 of 20)"]),
        ({"errors": {"parse": 2, "item": 0}, "pages_fetched": 40}, None, []),
        ({"errors": {"parse": 1, "item": 2}}, None, ["errors on 15% of pages (3 of 20)"]),
        ({"errors": {"parse": 3, "item": 0}, "pages_fetched": 3}, None, []),  # too few to judge
        ({"errors": "corrupt"}, None, []),  # a summary of another version
        ({"rejects_not_written": 1, "rejects_write_error": "cannot write x: OSError"}, None,
         ["1 rejects not written (cannot write x: OSError)"]),
        ({"rejects_write_error": "cannot write x: OSError"}, None,
         ["0 rejects not written (cannot write x: OSError)"]),
    ],
)
def test_failure_rules(change, previous, expected):
    run = {**summary(), **change}
    assert failure_reasons(run, previous, FailureRules()) == expected


def test_failure_rules_are_settings():
    run = {**summary(), "items_exported": 0}
    rules = FailureRules(fail_on_zero_items=False)
    assert failure_reasons(run, {"items_exported": 3}, rules) == []


def test_page_error_rate_is_a_validated_setting():
    from scrapy.settings import Settings

    from newscrawler.extensions.summary import read_rules

    assert read_rules(Settings()).max_page_error_rate == 0.05
    assert read_rules(Settings({"RUN_FAIL_MAX_PAGE_ERROR_RATE": "0.5"})).max_page_error_rate == 0.5
    with pytest.raises(ValueError, match="RUN_FAIL_MAX_PAGE_ERROR_RATE"):
        read_rules(Settings({"RUN_FAIL_MAX_PAGE_ERROR_RATE": "5"}))


def test_previous_summary_is_the_latest_earlier_one(tmp_path):
    for name, items in [("2025-04-27T10-00-00+00-00", 1), ("2025-04-28T09-00-00+00-00", 7),
                        ("2025-04-29T09-00-00+00-00", 9)]:
        write_json_atomic(tmp_path / f"{name}.summary.json", {"items_exported": items})
    (tmp_path / "2025-04-28T08-00-00+00-00.summary.json").write_text("{broken")
    current = tmp_path / "2025-04-28T10-00-00+00-00.summary.json"
    assert previous_summary(current) == {"items_exported": 7}
    assert previous_summary(tmp_path / "2025-01-01T00-00-00+00-00.summary.json") is None


def test_publish_renames_whole_and_appends_when_asked(tmp_path):
    final = tmp_path / "a.jsonl"
    part = part_path(final)
    part.write_text("one\n")
    publish(part, final)
    assert final.read_text() == "one\n"
    assert not part.exists()
    part.write_text("two\n")
    publish(part, final, append=True)
    assert final.read_text() == "one\ntwo\n"
    part.write_text("three\n")
    publish(part, final)
    assert final.read_text() == "three\n"
    write_json_atomic(tmp_path / "s.json", {"a": 1})
    assert json.loads((tmp_path / "s.json").read_text()) == {"a": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "s.json"]


def test_lock_is_exclusive_and_released(tmp_path):
    path = lock_path(str(tmp_path / "state.sqlite3"), "generic")
    assert path == tmp_path / "state.sqlite3.generic.lock"
    with RunLock(path):
        with pytest.raises(LockBusy, match="pid"):
            RunLock(path).acquire()
        # another spider on the same store has its own lock
        with RunLock(lock_path(str(tmp_path / "state.sqlite3"), "apnews")):
            pass
    with RunLock(path) as again:
        assert again.previous_holder is None
