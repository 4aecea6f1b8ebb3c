"""Naming of a run's files: the feed, the rejects file and whatever else a run writes."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.utils.misc import load_object

try:  # Scrapy 2.19+: a "%" that starts no %(name)s placeholder is kept as it is
    from scrapy.extensions.feedexport import apply_uri_params as format_uri
except ImportError:  # pragma: no cover - Scrapy 2.18 formats feed URIs with plain "%"

    def format_uri(uri_template: str, uri_params: dict[str, Any]) -> str:
        return uri_template % uri_params

RUN_TIME_ATTR = "_newscrawler_run_time"


def run_time(spider: Spider) -> str:
    """The run's UTC start time, as Scrapy writes ``%(time)s``; fixed at first use."""
    value = getattr(spider, RUN_TIME_ATTR, None)
    if value is None:
        now = datetime.now(tz=UTC).replace(microsecond=0)
        value = now.isoformat().replace(":", "-")
        setattr(spider, RUN_TIME_ATTR, value)
    return value


def worker_id() -> str:
    """``%(worker)s``: this process among the workers on this machine (``w<pid>``)."""
    return f"w{os.getpid()}"


def uri_params(params: dict[str, Any], spider: Spider) -> dict[str, Any]:
    """``FEED_URI_PARAMS``: every file of one run gets the same ``%(time)s``, and
    ``%(worker)s`` tells apart the workers of a distributed crawl started in one second."""
    params["time"] = run_time(spider)
    params["worker"] = worker_id()
    return params


def file_uri_params(spider: Spider, params_function: Any = None) -> dict[str, Any]:
    """What a feed URI is formatted with, as Scrapy's feed exporter builds it for the first
    batch: every spider attribute, ``time``, ``batch_time``, ``batch_id`` (1), then
    ``FEED_URI_PARAMS``. The rejects file and the summary are named with the same, so any
    name that works for the feed works for them."""
    params: dict[str, Any] = {}
    for key in dir(spider):
        try:
            params[key] = getattr(spider, key)
        except AttributeError:  # needs the crawler (a spider made only to check names)
            continue
    now = datetime.now(tz=UTC)
    params["time"] = now.replace(microsecond=0).isoformat().replace(":", "-")
    params["batch_time"] = now.isoformat().replace(":", "-")
    params["batch_id"] = 1
    if params_function:
        function = load_object(params_function) if isinstance(params_function, str) \
            else params_function
        new = function(params, spider)
        params = new if new is not None else params
    return params


def local_feed_uri(feeds: dict[str, Any]) -> str | None:
    """The first feed written to a local file (its path), or ``None``.

    >>> local_feed_uri({"s3://b/x.jsonl": {}, "file:///tmp/y.jsonl": {}})
    '/tmp/y.jsonl'
    """
    for uri in feeds:
        uri = str(uri)
        if "://" not in uri or uri.startswith("file://"):
            return uri.removeprefix("file://")
    return None


def sibling_path(feed_uri: str, suffix: str) -> str:
    """``output/x/T.jsonl`` -> ``output/x/T.rejects.jsonl`` (for ``suffix=".rejects.jsonl"``).

    >>> sibling_path("output/%(name)s/%(time)s.jsonl", ".rejects.jsonl")
    'output/%(name)s/%(time)s.rejects.jsonl'
    >>> sibling_path("today.json", ".rejects.jsonl")
    'today.rejects.jsonl'
    """
    path = feed_uri.removeprefix("file://")
    for ext in (".jsonl.gz", ".jsonl", ".jl", ".json", ".csv", ".xml"):
        if path.endswith(ext):
            return path[: -len(ext)] + suffix
    return str(Path(path)) + suffix
