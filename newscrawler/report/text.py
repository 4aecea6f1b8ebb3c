"""The summary as text for a terminal, and sampled items printed readably.

Every value taken from the files is one line here: :func:`printable` escapes
newlines and other controls in it, so no value can forge a line of the report
(the command's :class:`SafeStream` escapes what is left on the way out).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

from newscrawler.report.summary import Inspection
from newscrawler.utils.terminal import printable, printable_data

MAX_DAY_ROWS = 62
"""More distinct days than this are shown per month."""
MAX_ROWS = 30
BAR_WIDTH = 30
SAMPLE_BODY_LINES = 4
MAX_INVALID_SHOWN = 20


def per_period(per_day: dict[str, int]) -> tuple[str, dict[str, int]]:
    """Per day, or per month when there are too many days to read.

    >>> per_period({"2025-04-01": 2, "(no date)": 1})
    ('day', {'2025-04-01': 2, '(no date)': 1})
    """
    dated = {day: n for day, n in per_day.items() if not day.startswith("(")}
    if len(dated) <= MAX_DAY_ROWS:
        return "day", {**dict(sorted(dated.items())),
                       **{k: v for k, v in per_day.items() if k.startswith("(")}}
    months: dict[str, int] = {}
    for day, count in sorted(dated.items()):
        months[day[:7]] = months.get(day[:7], 0) + count
    return "month", {**months, **{k: v for k, v in per_day.items() if k.startswith("(")}}


def _share(count: int, total: int) -> str:
    return f"{count / total:6.1%}" if total else "     -"


def _table(rows: Iterable[tuple[str, int]], total: int, *, bars: bool = False,
            limit: int = MAX_ROWS) -> list[str]:
    rows = list(rows)
    if not rows:
        return ["  (none)"]
    width = min(max(len(name) for name, _ in rows[:limit]), 48)
    peak = max(count for _, count in rows) or 1
    lines = []
    for name, count in rows[:limit]:
        line = f"  {name[:48]:<{width}}  {count:>9,}  {_share(count, total)}"
        if bars:
            line += "  " + "#" * max(1, round(count / peak * BAR_WIDTH)) if count else ""
        lines.append(line)
    if len(rows) > limit:
        rest = sum(count for _, count in rows[limit:])
        lines.append(f"  ... {len(rows) - limit:,} more ({rest:,})")
    return lines


def render_summary(inspection: Inspection) -> str:
    data = printable_data(inspection.as_dict())
    totals = data["totals"]
    n = totals["items"]
    out: list[str] = []
    title = (f"{totals['runs']} run(s), {n:,} item(s), {totals['rejects_total']:,} reject(s), "
             f"{totals['bad_lines']:,} bad line(s)")
    if inspection.grep:
        title += f"  (only what matches --grep {printable(repr(inspection.grep))})"
    out += [title, ""]

    out.append("Runs")
    header = f"  {'run':<52} {'items':>8} {'rejects':>8} {'bad':>5}  {'finish':<12} {'exit':>4}"
    out.append(header)
    for run in data["runs"]:
        name = run["export"] or run["rejects_file"] or run["summary_file"] or "?"
        if len(name) > 52:
            name = "..." + name[-49:]
        finish = run["finish_reason"] or "-"
        exit_status = "-" if run["exit_status"] is None else str(run["exit_status"])
        out.append(f"  {name:<52} {run['items']:>8,} {sum(run['rejects'].values()):>8,} "
                   f"{run['bad_lines']:>5,}  {finish:<12} {exit_status:>4}")
        for note in run["notes"]:
            out.append(f"    note: {note}")
    out.append("")

    out.append("Items per source")
    out += _table(totals["per_source"].items(), n)
    out.append("")

    period, counts = per_period(totals["per_day"])
    out.append(f"Items per {period} (of publication, as the source dates it)")
    out += _table(counts.items(), n, bars=True, limit=max(MAX_DAY_ROWS, 13))
    out.append("")

    published = totals["published"]
    out.append(f"Published: {published['first'] or '-'} .. {published['last'] or '-'}  "
               f"({published['dated']:,} of {n:,} items dated"
               + (f", {published['unparseable']:,} unreadable" if published["unparseable"]
                  else "") + ")")
    fetched = totals["fetched"]
    out.append(f"Fetched:   {fetched['first'] or '-'} .. {fetched['last'] or '-'}")
    out.append("")

    out.append("Field coverage (share of items with a non-empty value)")
    for name, share in totals["coverage"].items():
        extra = "  (not in the schema)" if name in totals["fields_not_in_schema"] else ""
        out.append(f"  {name:<16} {share:7.1%}{extra}")
    out.append("")

    body = totals["body_length"]
    out.append("Body length (characters)")
    if body["min"] is None:
        out.append("  (no items)")
    else:
        out.append(f"  min {body['min']:,}  p10 {body['p10']:,}  median {body['median']:,}  "
                   f"p90 {body['p90']:,}  max {body['max']:,}  mean {body['mean']:,}")
        out += _table(body["histogram"].items(), n, bars=True)
    out.append("")

    out.append(f"Flags ({totals['flagged_items']:,} item(s) flagged)")
    out += _table(totals["flags"].items(), n)
    out.append("")
    out.append("Languages")
    out += _table(totals["languages"].items(), n, limit=12)
    out.append("")
    out.append("HTTP status of exported pages")
    out += _table(totals["http_status"].items(), n, limit=12)
    out.append("")

    out.append("Duplicates")
    checked = ("" if totals["ids_checked"] >= n
               else f" among the first {totals['ids_checked']:,} items")
    out.append(f"  {totals['duplicates_rejected']:,} dropped as duplicate (rejects), "
               f"{totals['duplicates_marked']:,} exported with duplicate_of, "
               f"{totals['repeated_ids']:,} repeated id(s) in the exports{checked}")
    for match, count in totals["duplicate_match"].items():
        out.append(f"  match {match}: {count:,}")
    out.append("")

    out.append("Rejects per reason")
    out += _table(totals["rejects"].items(), totals["rejects_total"])
    out.append("")
    out.append("Blocked per vendor")
    out += _table(totals["blocked"].items(), sum(totals["blocked"].values()))

    if data["bad_lines"]:
        out += ["", f"Bad lines ({totals['bad_lines']:,})"]
        out += [f"  {b['file']}:{b['line']}: {b['error']}" for b in data["bad_lines"]]
        if totals["bad_lines"] > len(data["bad_lines"]):
            out.append(f"  ... {totals['bad_lines'] - len(data['bad_lines']):,} more")
    if inspection.validated:
        out += ["", render_validation(inspection)]
    return "\n".join(out) + "\n"


def render_validation(inspection: Inspection) -> str:
    count = inspection.invalid_line_count
    if not count:
        return "Validation: every line matches the Article schema"
    out = [f"Validation: {count:,} line(s) do not match the Article schema", "  lines per problem:"]
    out += [f"  {n:>9,}  {printable(kind)}"
            for kind, n in inspection.invalid_kinds.most_common(MAX_ROWS)]
    shown = inspection.invalid_lines[:MAX_INVALID_SHOWN]
    out.append("  first invalid lines:")
    out += [f"  {printable(str(line))}" for line in shown]
    if count > len(shown):
        out.append(f"  ... {count - len(shown):,} more (--json lists up to "
                   f"{len(inspection.invalid_lines):,})")
    return "\n".join(out)


def render_sample(items: list[dict[str, Any]], width: int = 100) -> str:
    out: list[str] = []
    for item in items:
        out.append("=" * min(width, 100))
        out.append(printable(str(item.get("title") or "(no title)")))
        meta = [str(item.get("source") or "(no source)"),
                str(item.get("published") or "(no date)")]
        if item.get("language"):
            meta.append(str(item["language"]))
        out.append("  " + printable(" | ".join(meta)))
        out.append(f"  {printable(str(item.get('url')))}")
        out.append(f"  ({printable(str(item.get('file')))}:{item.get('line')})")
        if item.get("flags"):
            flags = item["flags"] if isinstance(item["flags"], list) else [item["flags"]]
            out.append(f"  flags: {printable(', '.join(map(str, flags)))}")
        body = str(item.get("body") or "")
        paragraphs = [p for p in body.split("\n") if p.strip()]
        lines: list[str] = []
        for paragraph in paragraphs:
            lines += textwrap.wrap(paragraph, width=width - 2) or [""]
            if len(lines) >= SAMPLE_BODY_LINES:
                break
        out.append("")
        out += [f"  {printable(line)}" for line in lines[:SAMPLE_BODY_LINES]]
        if len(lines) > SAMPLE_BODY_LINES or len(paragraphs) > 1:
            out.append(f"  [... {len(body):,} characters in all]")
        out.append("")
    if not items:
        out.append("(no items to show)")
    return "\n".join(out) + "\n"
