from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from newscrawler.runlock import LockBusy, RunLock, lock_path
from newscrawler.runs import FailureRules, build_summary, failure_reasons, previous_summary
from newscrawler.utils.files import part_path, publish, write_json_atomic

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
    }
    assert summary(item_scraped_count=0)["feed"] is None


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
    ],
)
def test_failure_rules(change, previous, expected):
    run = {**summary(), **change}
    assert failure_reasons(run, previous, FailureRules()) == expected


def test_failure_rules_are_settings():
    run = {**summary(), "items_exported": 0}
    rules = FailureRules(fail_on_zero_items=False)
    assert failure_reasons(run, {"items_exported": 3}, rules) == []


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
