"""``newscrawler inspect`` / ``scrapy inspect``: what the exports of each run hold.

The pieces are plain code: ``reader`` finds runs and streams lines, ``summary``
counts, ``validate`` checks lines against the schema, ``report_text`` and
``report_html`` render. ``add_arguments`` and ``run`` are shared by both commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO

from newscrawler.report.html import write_html
from newscrawler.report.reader import MAX_LINE_BYTES, Progress, find_runs, total_size
from newscrawler.report.summary import inspect_runs
from newscrawler.report.text import render_sample, render_summary
from newscrawler.utils.terminal import SafeStream

DEFAULT_HTML_ITEMS = 2000
USAGE_ERROR = 2


def positive_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return number


def at_least_one(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of both ``newscrawler inspect`` and ``scrapy inspect`` (not the paths)."""
    group = parser.add_argument_group("Inspect options")
    group.add_argument("--validate", action="store_true",
                       help="check every line against the Article JSON Schema; "
                            "exit 1 when one is invalid")
    group.add_argument("--sample", type=positive_int, default=0, metavar="N",
                       help="print N items readably (a uniform sample)")
    group.add_argument("--grep", metavar="TEXT",
                       help="only items (and rejects) whose title, source, URL or text "
                            "contains TEXT, ignoring case")
    group.add_argument("--json", action="store_true", help="print the summary as JSON")
    group.add_argument("--html", type=Path, metavar="FILE",
                       help="write a self-contained HTML report to FILE")
    group.add_argument("--html-items", type=positive_int, default=DEFAULT_HTML_ITEMS,
                       metavar="N", help="items listed in the HTML report, at most "
                       f"(a uniform sample; default {DEFAULT_HTML_ITEMS})")
    group.add_argument("--max-line-bytes", type=at_least_one, default=MAX_LINE_BYTES,
                       metavar="N", help="skip lines longer than N bytes, with a warning, "
                       f"without reading them into memory (default {MAX_LINE_BYTES})")
    group.add_argument("--no-progress", action="store_true",
                       help="no progress bar, even on a terminal")


def run(paths: list[str], opts: argparse.Namespace, stdout: IO[str] | None = None,
        stderr: IO[str] | None = None) -> int:
    """Inspect ``paths``; 0 when all is well, 1 when ``--validate`` found invalid lines,
    2 for a usage error (no path, a path that does not exist).

    Everything printed passes through :class:`SafeStream`: exports hold what web
    pages said, and no control character in them may reach the terminal.
    """
    raw_stderr = stderr or sys.stderr
    stdout = SafeStream(stdout or sys.stdout)
    stderr = SafeStream(raw_stderr)
    if not paths:
        print("inspect: name at least one export, rejects file, run folder or output/",
              file=stderr)
        return USAGE_ERROR
    try:
        runs = find_runs(Path(p) for p in paths)
    except (FileNotFoundError, ValueError) as exc:
        print(f"inspect: {exc}", file=stderr)
        return USAGE_ERROR
    if not runs:
        print(f"inspect: no exports or rejects files under {', '.join(paths)}", file=stderr)
    # the bar draws with \r and ESC [K itself, so it writes to the raw stream
    # and escapes its one piece of untrusted text, the file name
    progress = Progress(total_size(p for r in runs for p in (r.export, r.rejects)), raw_stderr,
                        enabled=False if opts.no_progress else None)
    inspection = inspect_runs(
        runs, paths=paths, validate=opts.validate, grep=opts.grep, sample=opts.sample,
        html_items=opts.html_items if opts.html else 0, progress=progress,
        max_line_bytes=opts.max_line_bytes,
    )
    for warning in inspection.warnings:
        print(f"inspect: warning: {warning}", file=stderr)
    if opts.json:
        json.dump(inspection.as_dict(), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        stdout.write(render_summary(inspection))
        if opts.sample:
            stdout.write(f"\nSample of {len(inspection.sample)} item(s)\n")
            stdout.write(render_sample(inspection.sample))
    if opts.html:
        write_html(inspection, opts.html)
        print(f"HTML report written to {opts.html}", file=stderr)
    if inspection.long_line_count:
        print(f"inspect: warning: {inspection.long_line_count:,} line(s) longer than "
              f"{inspection.max_line_bytes} bytes skipped (--max-line-bytes)", file=stderr)
    if inspection.bad_line_count:
        print(f"inspect: {inspection.bad_line_count:,} bad line(s), listed in the report",
              file=stderr)
    if opts.validate and inspection.invalid_line_count:
        print(f"inspect: {inspection.invalid_line_count:,} line(s) do not match the "
              "Article schema", file=stderr)
        return 1
    return 0
