"""Read a run's ``<time>.summary.json`` defensively: a field of the wrong type is left out.

The summary is written by the crawl, but it is a file on disk: edited by hand,
written by an older or newer version, or crafted. The report must not crash on
``"duration_seconds": "x"``, so each field the report reads is checked against
the type the crawl writes; what does not match is dropped with a note naming
the file and the field.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAX_SUMMARY_BYTES = 16 * 1024 * 1024
"""A summary is a few KB; a bigger file is not read (bounded memory)."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_counts(value: Any) -> bool:
    return isinstance(value, dict) and all(_is_int(count) for count in value.values())


FIELDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "spider": (_is_str, "a string"),
    "start_time": (_is_str_or_none, "a string"),
    "end_time": (_is_str_or_none, "a string"),
    "duration_seconds": (_is_number, "a number"),
    "finish_reason": (_is_str, "a string"),
    "exit_status": (_is_int, "an integer"),
    "items_exported": (_is_int, "an integer"),
    "feed": (_is_str_or_none, "a string"),
    "rejects": (_is_counts, "an object of integer counts"),
    "rejects_file": (_is_str_or_none, "a string"),
    "blocked": (_is_counts, "an object of integer counts"),
    "http_errors": (_is_counts, "an object of integer counts"),
    "download_errors": (_is_int, "an integer"),
    "retries": (_is_int, "an integer"),
    "requests": (_is_int, "an integer"),
    "pages_fetched": (_is_int, "an integer"),
    "already_exported": (_is_int, "an integer"),
    "failure": (_is_str_list, "a list of strings"),
}
"""What the crawl writes (:func:`newscrawler.runs.build_summary`), field by field."""


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def clean_summary(loaded: Any, path: Path | str) -> tuple[dict[str, Any] | None, list[str]]:
    """The fields of ``loaded`` that have the type the crawl writes, and a note per other one.

    A ``null`` is "not known" and passes quietly; unknown fields are kept out (the
    report reads none of them).

    >>> clean_summary({"duration_seconds": "x", "items_exported": 3, "rejects": []}, "T")
    ({'items_exported': 3}, ["summary T: 'duration_seconds' is str, not a number; ignored", "summary T: 'rejects' is list, not an object of integer counts; ignored"])
    >>> clean_summary([1, 2], "T")
    (None, ['summary T is a list, not a JSON object; ignored'])
    """
    if not isinstance(loaded, dict):
        return None, [f"summary {path} is a {_kind(loaded)}, not a JSON object; ignored"]
    clean: dict[str, Any] = {}
    notes: list[str] = []
    for name, (check, expected) in FIELDS.items():
        if name not in loaded or loaded[name] is None:
            continue
        value = loaded[name]
        if check(value):
            clean[name] = value
        else:
            notes.append(f"summary {path}: {name!r} is {_kind(value)}, not {expected}; ignored")
    return clean, notes


def read_summary(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The cleaned summary in ``path`` (None when unreadable) and the notes about it."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SUMMARY_BYTES + 1)
    except OSError as exc:
        return None, [f"unreadable summary {path}: {exc.strerror or exc}"]
    if len(data) > MAX_SUMMARY_BYTES:
        return None, [f"summary {path} is larger than {MAX_SUMMARY_BYTES:,} bytes; ignored"]
    try:
        loaded = json.loads(data)
    except (ValueError, RecursionError) as exc:
        return None, [f"unreadable summary {path}: {exc}"]
    return clean_summary(loaded, path)
