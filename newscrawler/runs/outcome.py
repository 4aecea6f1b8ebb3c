"""What a finished run was: its summary, and whether cron should hear that it failed.

Plain functions over a stats dict, so the rules are testable without a crawl.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from newscrawler.runs.summaryfile import read_summary
from newscrawler.utils.terminal import printable

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the lock; try again later

SUMMARY_SUFFIX = ".summary.json"


@dataclass(frozen=True)
class FailureRules:
    """When a run counts as failed (the ``RUN_FAIL_*`` settings)."""

    ok_finish_reasons: tuple[str, ...] = ("finished", "closespider_itemcount")
    max_error_rate: float = 0.5
    """Download errors (timeouts, refused connections, 5xx after retries) per request."""
    min_requests: int = 10
    """Below this many requests the error rate is not judged (one failed page of two);
    below this many fetched pages, the page error rate is not judged."""
    max_page_error_rate: float = 0.05
    """Pages lost to an exception (while parsed or in a pipeline) per fetched page."""
    fail_when_all_blocked: bool = True
    fail_on_zero_items: bool = True
    """Zero items where the previous run of the spider exported some."""
    distributed: bool = False
    """One worker of a distributed crawl (``REDIS_URL``): the others may have taken all the
    work, so fetching nothing and exporting nothing are not failures of this worker."""


def _prefixed(stats: dict[str, Any], prefix: str) -> dict[str, int]:
    return {
        key[len(prefix):]: int(value)
        for key, value in stats.items()
        if key.startswith(prefix) and isinstance(value, int | float)
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def build_summary(
    stats: dict[str, Any],
    *,
    spider: str,
    finish_reason: str,
    end_time: datetime,
    feed: str | None,
) -> dict[str, Any]:
    """The run summary, from Scrapy's stats (see the README for each key)."""
    start = stats.get("start_time")
    duration = (end_time - start).total_seconds() if isinstance(start, datetime) else None
    statuses = _prefixed(stats, "downloader/response_status_count/")
    items = int(stats.get("item_scraped_count", 0))
    return {
        "spider": spider,
        "start_time": _iso(start),
        "end_time": end_time.isoformat(),
        "duration_seconds": round(duration, 3) if duration is not None else None,
        "finish_reason": finish_reason,
        "items_exported": items,
        "feed": feed if items else None,
        "rejects": _prefixed(stats, "rejects/count/"),
        "rejects_file": stats.get("rejects/file"),
        # rejects lost to a write error (disk full, unwritable path): the run fails
        "rejects_not_written": int(stats.get("rejects/not_written", 0)),
        "rejects_write_error": stats.get("rejects/write_error"),
        # pages lost to an exception: while parsed, and items that a pipeline raised on
        "errors": {"parse": int(stats.get("errors/parse", 0)),
                   "item": int(stats.get("errors/item", 0))},
        "blocked": _prefixed(stats, "soft404/blocked/"),
        "http_errors": {code: n for code, n in statuses.items() if code[:1] in "45"},
        # robots.txt refusals and offsite filtering are raised as IgnoreRequest: not errors
        "download_errors": int(stats.get("downloader/exception_count", 0))
        - int(stats.get("downloader/exception_type_count/scrapy.exceptions.IgnoreRequest", 0)),
        "retries": int(stats.get("retry/count", 0)),
        "requests": int(stats.get("downloader/request_count", 0)),
        "pages_fetched": int(stats.get("response_received_count", 0)),
        # incremental runs: stories an earlier run exported, not fetched or not changed
        "already_exported": int(stats.get("incremental/skipped_exported", 0))
        + int(stats.get("incremental/unchanged", 0)),
    }


def failure_reasons(
    summary: dict[str, Any], previous: dict[str, Any] | None, rules: FailureRules
) -> list[str]:
    """Why this run failed, or ``[]`` when it did not.

    >>> ok = {"finish_reason": "finished", "pages_fetched": 3, "requests": 3,
    ...       "download_errors": 0, "blocked": {}, "items_exported": 2}
    >>> failure_reasons(ok, None, FailureRules())
    []
    >>> failure_reasons({**ok, "items_exported": 0}, {"items_exported": 5}, FailureRules())
    ['zero items (the previous run exported 5)']
    >>> failure_reasons({**ok, "items_exported": 0, "already_exported": 9},
    ...                 {"items_exported": 5}, FailureRules())  # nothing new since
    []
    >>> idle_worker = {**ok, "items_exported": 0, "pages_fetched": 0, "requests": 0}
    >>> failure_reasons(idle_worker, {"items_exported": 5}, FailureRules(distributed=True))
    []
    >>> failure_reasons({**ok, "pages_fetched": 20, "errors": {"parse": 1, "item": 1}},
    ...                 None, FailureRules())
    ['errors on 10% of pages (2 of 20)']
    >>> failure_reasons({**ok, "rejects_not_written": 3, "rejects_write_error": "disk full"},
    ...                 None, FailureRules())
    ['3 rejects not written (disk full)']
    """
    reasons = []
    if summary["finish_reason"] not in rules.ok_finish_reasons:
        reasons.append(f"finish reason {summary['finish_reason']}")
    if not summary["pages_fetched"] and not rules.distributed:
        reasons.append("no page fetched")
    requests = summary["requests"]
    if requests >= rules.min_requests:
        rate = summary["download_errors"] / requests
        if rate > rules.max_error_rate:
            reasons.append(f"download errors on {rate:.0%} of requests")
    errors = page_errors(summary)
    pages = summary["pages_fetched"]
    if errors and pages >= rules.min_requests and errors / pages > rules.max_page_error_rate:
        reasons.append(f"errors on {errors / pages:.0%} of pages ({errors} of {pages})")
    if summary.get("rejects_not_written") or summary.get("rejects_write_error"):
        reasons.append(f"{summary.get('rejects_not_written', 0)} rejects not written "
                       f"({summary.get('rejects_write_error') or 'write error'})")
    blocked = sum(summary["blocked"].values())
    if rules.fail_when_all_blocked and blocked and blocked >= summary["pages_fetched"] > 0:
        reasons.append("every request blocked")
    if (
        rules.fail_on_zero_items
        and not rules.distributed
        and not summary["items_exported"]
        and not summary.get("already_exported")  # an incremental run with nothing new
        and previous
        and previous.get("items_exported")
    ):
        reasons.append(f"zero items (the previous run exported {previous['items_exported']})")
    return reasons


def page_errors(summary: dict[str, Any]) -> int:
    """Pages lost to an exception (a summary without the key, from an older run: 0)."""
    errors = summary.get("errors")
    return sum(v for v in errors.values() if isinstance(v, int)) if isinstance(errors, dict) else 0


def previous_summary(current: Path) -> dict[str, Any] | None:
    """The latest summary before ``current`` in its folder (names sort by run time)."""
    if not current.parent.is_dir():
        return None
    earlier = sorted(
        p for p in current.parent.glob("*" + SUMMARY_SUFFIX) if p.name < current.name
    )
    for path in reversed(earlier):
        # a hand-edited or foreign summary: fields of the wrong type are left out
        summary, notes = read_summary(path)
        for note in notes:
            logger.warning("%(note)s", {"note": note})
        if summary is not None:
            return summary
    return None


def human_line(summary: dict[str, Any]) -> str:
    """One line for the end of the log (and cron mail)."""
    rejects = ", ".join(f"{k} {v}" for k, v in sorted(summary["rejects"].items()))
    parts = [
        f"{summary['spider']}: {summary['items_exported']} stories exported"
        + (f" to {summary['feed']}" if summary["feed"] else ""),
        f"{sum(summary['rejects'].values())} rejected" + (f" ({rejects})" if rejects else ""),
        f"{summary['pages_fetched']} pages fetched",
        f"{summary['download_errors']} download errors",
    ]
    if errors := page_errors(summary):
        parts.append(f"{errors} page errors")
    if summary.get("rejects_not_written"):
        parts.append(f"{summary['rejects_not_written']} rejects NOT written")
    if summary["blocked"]:
        parts.append("blocked: " + ", ".join(f"{v} by {k}" for k, v in summary["blocked"].items()))
    if summary["duration_seconds"] is not None:
        parts.append(f"{summary['duration_seconds']:.1f} s")
    line = ", ".join(parts)
    if summary.get("failure"):
        line += " -- FAILED: " + "; ".join(summary["failure"])
    # no field holds page text today (reasons and vendors are ours), but the line goes
    # to a terminal and to cron mail: keep it one line of plain text whatever is added
    return printable(line)
