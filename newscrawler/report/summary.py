"""What a set of runs brought in, counted in bounded memory: counters, never lists of items."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newscrawler.report.reader import (
    MAX_LINE_BYTES,
    BadLine,
    Progress,
    RunFiles,
    read_lines,
    total_size,
)
from newscrawler.report.validate import ArticleValidator, InvalidLine, load_schema
from newscrawler.runs.summaryfile import read_summary

NO_SOURCE = "(no source)"
NO_DATE = "(no date)"
BAD_DATE = "(unreadable date)"
MAX_LISTED_PROBLEMS = 200
"""Bad and invalid lines beyond this many are counted, not listed."""
MAX_TRACKED_IDS = 500_000
"""Repeated ``id`` values are looked for among this many items (a set of ids is kept)."""
BODY_LENGTH_STEP = 10
"""Body lengths are counted to this many characters (percentiles are that exact)."""
BODY_BUCKETS = (0, 200, 500, 1000, 2000, 5000, 10000, 20000)
SAMPLE_KEYS = ("title", "source", "published", "url", "language", "flags", "dateline", "body")
GREP_KEYS = ("title", "subtitle", "source", "url", "dateline", "body")


def is_present(value: Any) -> bool:
    """A field counts as covered when it holds something.

    >>> [is_present(v) for v in (None, "", [], {}, 0, "x", ["a"])]
    [False, False, False, False, True, True, True]
    """
    return value is not None and value != "" and value != [] and value != {}


def date_key(value: str) -> datetime | None:
    """A sortable instant for an ISO date as exported (offset ones in UTC), or None.

    >>> date_key("2025-04-25T12:05:00-04:00")
    datetime.datetime(2025, 4, 25, 16, 5)
    >>> date_key("2025-04-06")
    datetime.datetime(2025, 4, 6, 0, 0)
    >>> date_key("April 6") is None
    True
    """
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


class DateRange:
    """First and last of a stream of ISO dates, keeping the strings as written."""

    def __init__(self) -> None:
        self.first: tuple[datetime, str] | None = None
        self.last: tuple[datetime, str] | None = None
        self.unparseable = 0

    def add(self, value: str) -> bool:
        """Count ``value``; False when it is no ISO date."""
        key = date_key(value)
        if key is None:
            self.unparseable += 1
            return False
        if self.first is None or key < self.first[0]:
            self.first = (key, value)
        if self.last is None or key > self.last[0]:
            self.last = (key, value)
        return True

    def as_dict(self) -> dict[str, Any]:
        return {"first": self.first[1] if self.first else None,
                "last": self.last[1] if self.last else None,
                "unparseable": self.unparseable}


class Reservoir:
    """A uniform sample of at most ``size`` entries from a stream (all of them when fewer)."""

    def __init__(self, size: int, seed: int = 0) -> None:
        self.size = size
        self.seen = 0
        self.entries: list[tuple[int, dict[str, Any]]] = []
        self._random = random.Random(seed)

    def slot(self) -> int | None:
        """Count one more entry; where it goes if it is kept, else None (then build nothing)."""
        self.seen += 1
        if self.size <= 0:
            return None
        if len(self.entries) < self.size:
            return len(self.entries)
        slot = self._random.randrange(self.seen)
        return slot if slot < self.size else None

    def place(self, slot: int, entry: dict[str, Any]) -> None:
        if slot == len(self.entries):
            self.entries.append((self.seen, entry))
        else:
            self.entries[slot] = (self.seen, entry)

    def offer(self, entry: dict[str, Any]) -> None:
        if (slot := self.slot()) is not None:
            self.place(slot, entry)

    def in_order(self) -> list[dict[str, Any]]:
        return [entry for _, entry in sorted(self.entries, key=lambda pair: pair[0])]


@dataclass
class ItemStats:
    """Counters over exported items."""

    fields: list[str]
    items: int = 0
    per_source: Counter[str] = field(default_factory=Counter)
    per_day: Counter[str] = field(default_factory=Counter)
    per_day_source: Counter[tuple[str, str]] = field(default_factory=Counter)
    coverage: Counter[str] = field(default_factory=Counter)
    body_lengths: Counter[int] = field(default_factory=Counter)
    body_min: int | None = None
    body_max: int = 0
    body_total: int = 0
    flags: Counter[str] = field(default_factory=Counter)
    flagged_items: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    http_status: Counter[str] = field(default_factory=Counter)
    marked_duplicates: int = 0
    repeated_ids: int = 0
    ids_checked: int = 0
    published: DateRange = field(default_factory=DateRange)
    fetched: DateRange = field(default_factory=DateRange)
    _ids: set[str] = field(default_factory=set, repr=False)

    def add(self, item: dict[str, Any]) -> None:
        self.items += 1
        source = item.get("source") or NO_SOURCE
        self.per_source[source] += 1
        published = item.get("published")
        day = NO_DATE
        if isinstance(published, str) and published:
            day = published[:10] if self.published.add(published) else BAD_DATE
        self.per_day[day] += 1
        self.per_day_source[day, source] += 1
        fetched = item.get("fetched_at")
        if isinstance(fetched, str) and fetched:
            self.fetched.add(fetched)
        for key, value in item.items():
            if is_present(value):
                self.coverage[key] += 1
        body = item.get("body")
        length = len(body) if isinstance(body, str) else 0
        self.body_lengths[length // BODY_LENGTH_STEP * BODY_LENGTH_STEP] += 1
        self.body_total += length
        self.body_max = max(self.body_max, length)
        self.body_min = length if self.body_min is None else min(self.body_min, length)
        flags = item.get("flags")
        if isinstance(flags, list) and flags:
            self.flagged_items += 1
            self.flags.update(str(flag) for flag in flags)
        self.languages[item.get("language") or "(none)"] += 1
        self.http_status[str(item.get("http_status"))] += 1
        if is_present(item.get("duplicate_of")):
            self.marked_duplicates += 1
        item_id = item.get("id")
        if isinstance(item_id, str) and self.ids_checked < MAX_TRACKED_IDS:
            self.ids_checked += 1
            if item_id in self._ids:
                self.repeated_ids += 1
            else:
                self._ids.add(item_id)

    def body_length_summary(self) -> dict[str, Any]:
        total = sum(self.body_lengths.values())
        if not total:
            return {"min": None, "max": None, "mean": None, "p10": None, "median": None,
                    "p90": None, "histogram": {}}
        lengths = sorted(self.body_lengths.items())
        targets = {"p10": 0.10, "median": 0.50, "p90": 0.90}
        found: dict[str, int] = {}
        seen = 0
        for length, count in lengths:
            seen += count
            for name, share in targets.items():
                if name not in found and seen >= share * total:
                    found[name] = length
        histogram: dict[str, int] = {}
        for low, high in zip(BODY_BUCKETS, (*BODY_BUCKETS[1:], None), strict=True):
            label = f"{low}-{high - 1}" if high is not None else f"{low}+"
            histogram[label] = sum(count for length, count in lengths
                                   if length >= low and (high is None or length < high))
        return {"min": self.body_min, "max": self.body_max,
                "mean": round(self.body_total / total), **found, "histogram": histogram,
                "resolution": BODY_LENGTH_STEP}

    def as_dict(self) -> dict[str, Any]:
        per_day_source: dict[str, dict[str, int]] = {}
        for (day, source), count in sorted(self.per_day_source.items()):
            per_day_source.setdefault(day, {})[source] = count
        known = list(self.fields) + sorted(set(self.coverage) - set(self.fields))
        return {
            "items": self.items,
            "per_source": dict(self.per_source.most_common()),
            "per_day": dict(sorted(self.per_day.items())),
            "per_day_source": per_day_source,
            "published": {**self.published.as_dict(),
                          "dated": self.items - self.per_day[NO_DATE] - self.per_day[BAD_DATE]},
            "fetched": self.fetched.as_dict(),
            "coverage": {name: round(self.coverage[name] / self.items, 4) if self.items else 0.0
                         for name in known},
            "fields_not_in_schema": sorted(set(self.coverage) - set(self.fields)),
            "body_length": self.body_length_summary(),
            "flags": dict(self.flags.most_common()),
            "flagged_items": self.flagged_items,
            "languages": dict(self.languages.most_common()),
            "http_status": dict(sorted(self.http_status.items())),
            "duplicates_marked": self.marked_duplicates,
            "repeated_ids": self.repeated_ids,
            "ids_checked": self.ids_checked,
        }


@dataclass
class RejectStats:
    """Counters over the lines of rejects files."""

    rejects: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    blocked: Counter[str] = field(default_factory=Counter)
    duplicate_match: Counter[str] = field(default_factory=Counter)

    def add(self, record: dict[str, Any]) -> None:
        self.rejects += 1
        reason = str(record.get("reason") or "(no reason)")
        self.reasons[reason] += 1
        if reason == "blocked":
            self.blocked[str(record.get("vendor") or "(unknown)")] += 1
        elif reason == "duplicate" and record.get("match"):
            self.duplicate_match[str(record["match"])] += 1

    def update(self, other: RejectStats) -> None:
        self.rejects += other.rejects
        self.reasons.update(other.reasons)
        self.blocked.update(other.blocked)
        self.duplicate_match.update(other.duplicate_match)


@dataclass
class RunReport:
    files: RunFiles
    items: int = 0
    bad_lines: int = 0
    invalid_lines: int = 0
    rejects: RejectStats = field(default_factory=RejectStats)
    rejects_from: str | None = None
    """``file`` (the rejects file), ``summary`` (its counts only) or None."""
    summary: dict[str, Any] | None = None
    published: DateRange = field(default_factory=DateRange)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        summary = self.summary or {}
        return {
            "spider": summary.get("spider") or self.files.spider,
            "export": str(self.files.export) if self.files.export else None,
            "rejects_file": str(self.files.rejects) if self.files.rejects else None,
            "summary_file": str(self.files.summary) if self.files.summary else None,
            "items": self.items,
            "bad_lines": self.bad_lines,
            "invalid_lines": self.invalid_lines,
            "published": self.published.as_dict(),
            "rejects": dict(self.rejects.reasons.most_common()),
            "blocked": dict(self.rejects.blocked.most_common()),
            "rejects_from": self.rejects_from,
            "start_time": summary.get("start_time"),
            "duration_seconds": summary.get("duration_seconds"),
            "finish_reason": summary.get("finish_reason"),
            "exit_status": summary.get("exit_status"),
            "items_exported": summary.get("items_exported"),
            "pages_fetched": summary.get("pages_fetched"),
            "retries": summary.get("retries"),
            "http_errors": summary.get("http_errors"),
            "notes": self.notes,
        }


def _grep_match(record: dict[str, Any], needle: str) -> bool:
    for key in GREP_KEYS:
        value = record.get(key)
        if isinstance(value, str) and needle in value.casefold():
            return True
    authors = record.get("authors")
    return isinstance(authors, list) and any(needle in str(a).casefold() for a in authors)


def _counts(value: Any) -> Counter[str]:
    if not isinstance(value, dict):
        return Counter()
    return Counter({str(k): int(v) for k, v in value.items() if isinstance(v, int | float)})


@dataclass
class Inspection:
    """Everything one ``inspect`` call found."""

    paths: list[str]
    runs: list[RunReport]
    items: ItemStats
    rejects: RejectStats
    bad_lines: list[BadLine]
    bad_line_count: int
    invalid_lines: list[InvalidLine]
    invalid_line_count: int
    invalid_kinds: Counter[str]
    """Invalid lines per problem (a line with two problems counts under both)."""
    validated: bool
    grep: str | None
    sample: list[dict[str, Any]]
    listed: list[dict[str, Any]]
    """Items for the HTML list (a uniform sample of at most ``html_items``)."""
    html_items: int
    bytes_read: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    """Summary files that could not be read, or fields of them that were ignored."""
    long_line_count: int = 0
    """Lines skipped, unread, for being longer than ``max_line_bytes`` (among the bad lines)."""
    max_line_bytes: int = MAX_LINE_BYTES

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "paths": self.paths,
            "grep": self.grep,
            "runs": [run.as_dict() for run in self.runs],
            "totals": {
                "runs": len(self.runs),
                **self.items.as_dict(),
                "bad_lines": self.bad_line_count,
                "long_lines_skipped": self.long_line_count,
                "rejects": dict(self.rejects.reasons.most_common()),
                "rejects_total": sum(self.rejects.reasons.values()),
                "blocked": dict(self.rejects.blocked.most_common()),
                "duplicates_rejected": self.rejects.reasons.get("duplicate", 0),
                "duplicate_match": dict(self.rejects.duplicate_match.most_common()),
            },
            "bad_lines": [{"file": str(b.path), "line": b.line, "error": b.error}
                          for b in self.bad_lines],
            "bytes_read": self.bytes_read,
            "seconds": round(self.seconds, 3),
        }
        if self.validated:
            data["validation"] = {
                "invalid_lines": self.invalid_line_count,
                "problems": dict(self.invalid_kinds.most_common()),
                "errors": [{"file": str(i.path), "line": i.line, "errors": i.errors}
                           for i in self.invalid_lines],
            }
        if self.sample:
            data["sample"] = self.sample
        return data


def inspect_runs(
    runs: list[RunFiles],
    *,
    paths: list[str] | None = None,
    validate: bool = False,
    grep: str | None = None,
    sample: int = 0,
    html_items: int = 0,
    progress: Progress | None = None,
    schema: dict[str, Any] | None = None,
    max_line_bytes: int = MAX_LINE_BYTES,
) -> Inspection:
    """Read every run's files once and count what they hold."""
    started = datetime.now(UTC)
    schema = schema or load_schema()
    fields = list(schema.get("properties", {}))
    validator = ArticleValidator(schema) if validate else None
    needle = grep.casefold() if grep else None
    items = ItemStats(fields)
    all_rejects = RejectStats()
    bad: list[BadLine] = []
    invalid: list[InvalidLine] = []
    counts = {"bad": 0, "invalid": 0, "too_long": 0}
    invalid_kinds: Counter[str] = Counter()
    sampler = Reservoir(sample, seed=1)
    lister = Reservoir(html_items, seed=2)
    reports: list[RunReport] = []
    warnings: list[str] = []
    if progress is None:
        progress = Progress(total_size(p for r in runs for p in (r.export, r.rejects)),
                            enabled=False)

    for files in runs:
        report = RunReport(files)
        reports.append(report)

        def on_bad(line: BadLine, report: RunReport = report) -> None:
            report.bad_lines += 1
            counts["bad"] += 1
            counts["too_long"] += line.too_long
            if len(bad) < MAX_LISTED_PROBLEMS:
                bad.append(line)
            # a broken export line is an invalid Article too (rejects files are no Articles)
            if validator is not None and line.path == report.files.export:
                report.invalid_lines += 1
                counts["invalid"] += 1
                invalid_kinds["not a JSON object (see bad lines)"] += 1
                if len(invalid) < MAX_LISTED_PROBLEMS:
                    invalid.append(InvalidLine(line.path, line.line, [line.error]))

        if files.summary is not None:
            # a field of the wrong type is left out with a note, never trusted
            report.summary, notes = read_summary(files.summary)
            report.notes += notes
            warnings += notes

        if files.export is not None:
            for lineno, item in read_lines(files.export, on_bad, progress, max_line_bytes):
                if validator is not None and (problems := validator.problems(item)):
                    report.invalid_lines += 1
                    counts["invalid"] += 1
                    invalid_kinds.update({kind for kind, _ in problems})
                    if len(invalid) < MAX_LISTED_PROBLEMS:
                        invalid.append(InvalidLine(files.export, lineno,
                                                   validator.messages(problems)))
                if needle is not None and not _grep_match(item, needle):
                    continue
                report.items += 1
                items.add(item)
                published = item.get("published")
                if isinstance(published, str) and published:
                    report.published.add(published)
                if sample or html_items:
                    # build the entry only for the few items a sample keeps
                    sample_slot, list_slot = sampler.slot(), lister.slot()
                    if sample_slot is not None or list_slot is not None:
                        entry = {key: item.get(key) for key in SAMPLE_KEYS}
                        entry["file"], entry["line"] = str(files.export), lineno
                        if sample_slot is not None:
                            sampler.place(sample_slot, entry)
                        if list_slot is not None:
                            lister.place(list_slot, entry)

        if files.rejects is not None:
            report.rejects_from = "file"
            for _, record in read_lines(files.rejects, on_bad, progress, max_line_bytes):
                if needle is not None and not _grep_match(record, needle):
                    continue
                report.rejects.add(record)
        elif report.summary is not None and needle is None:
            # no rejects file: the summary's counts are all there is to say
            reasons = _counts(report.summary.get("rejects"))
            if reasons:
                report.rejects_from = "summary"
                report.rejects.reasons.update(reasons)
                report.rejects.rejects += sum(reasons.values())
                report.rejects.blocked.update(_counts(report.summary.get("blocked")))
        all_rejects.update(report.rejects)

        exported = (report.summary or {}).get("items_exported")
        if (isinstance(exported, int) and files.export is not None and needle is None
                and exported != report.items):
            report.notes.append(f"the summary says {exported} items were exported, "
                                f"the export holds {report.items}")
    progress.close()

    return Inspection(
        paths=paths or [r.name for r in runs], runs=reports, items=items,
        rejects=all_rejects, bad_lines=bad, bad_line_count=counts["bad"],
        invalid_lines=invalid, invalid_line_count=counts["invalid"],
        invalid_kinds=invalid_kinds,
        validated=validator is not None, grep=grep,
        sample=sampler.in_order(), listed=lister.in_order(), html_items=html_items,
        bytes_read=progress.done, warnings=warnings, long_line_count=counts["too_long"],
        max_line_bytes=max_line_bytes,
        seconds=(datetime.now(UTC) - started).total_seconds(),
    )
