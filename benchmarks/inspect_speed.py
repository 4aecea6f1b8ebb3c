"""Throughput and peak memory of ``newscrawler inspect`` on a large synthetic export.

Writes a ~1 GB export of realistic items (stories of 300-12,000 characters from a
few dozen sources over a year, flags, authors, some duplicates marked) and its
rejects file into a temporary folder, runs ``newscrawler inspect`` on it in a child
process (so the peak RSS measured is the command's own), prints MB/s and peak
RSS, and removes the folder.

With ``--long-line-mb N`` it writes instead a gzip export holding one line of N MB
between two ordinary items (streamed into gzip: never held), and reports the
peak RSS of ``inspect`` skipping it: the reader holds at most ``--max-line-bytes``
of a line, so the peak must not grow with N.

Usage::

    .venv/bin/python benchmarks/inspect_speed.py [--size-mb 1024] [--gzip] [--validate]
        [--html] [--dir DIR] [--keep]
    .venv/bin/python benchmarks/inspect_speed.py --long-line-mb 3000
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parent.parent
WORD_TEXT = ("the company said on tuesday that its quarterly revenue rose percent to million "
         "shares analysts expected growth market investors board chief executive officer "
         "announced agreement acquire regulators approval plant production workers union "
         "government minister statement results forecast guidance dividend trial patients "
         "study phase data energy storage project megawatt port ferry harbour council "
         "residents weather storm flood bridge railway contract billion euros dollars")
WORDS = WORD_TEXT.split()
SOURCES = [f"Wire {name}" for name in (
    "Harbour", "Coastal Ledger", "Northern Post", "Daily Meridian", "Granite Times", "Tidewater",
    "Quayside Courier", "Rheinfeld Zeitung", "Le Jura", "Pacific Ticker", "Prairie Herald",
    "Market Bell")] + [None]
FLAGS = ("text_before_dateline_removed", "error_banner_stripped", "repeated_paragraphs_removed")
REASONS = ("soft404", "duplicate", "thin", "blocked", "incomplete", "gone")


def paragraph(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(25, 70))
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def write_export(folder: Path, size: int, *, compress: bool, seed: int = 7) -> tuple[Path, int]:
    """The export and its rejects file; returns (export path, items written)."""
    rng = random.Random(seed)
    bodies = ["\n\n".join(paragraph(rng) for _ in range(rng.randint(1, 30))) for _ in range(400)]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    name = "2026-01-01T00-00-00+00-00"
    path = folder / "generic" / (name + (".jsonl.gz" if compress else ".jsonl"))
    path.parent.mkdir(parents=True)
    opener = gzip.open if compress else open
    written = count = 0
    out: IO[bytes]
    with opener(path, "wb") as out:  # type: ignore[operator]
        while written < size:
            count += 1
            url = f"https://news{count % 37}.example/2025/story-{count}.html"
            ident = hashlib.sha1(url.encode()).hexdigest()[:24]
            when = start + timedelta(minutes=rng.randint(0, 365 * 24 * 60))
            offset = rng.choice(("+00:00", "-04:00", "+02:00", "-07:00"))
            item = {
                "url": url, "canonical_url": url, "id": ident,
                "source": rng.choice(SOURCES),
                "title": " ".join(rng.choices(WORDS, k=rng.randint(6, 14))).capitalize(),
                "subtitle": paragraph(rng) if rng.random() < 0.7 else None,
                "authors": ["Jane Roe"] if rng.random() < 0.4 else [],
                "published": (when.strftime("%Y-%m-%dT%H:%M:%S") + offset
                              if rng.random() < 0.93 else None),
                "modified": None, "dateline": "QUAYSIDE, April 25, 2025 /Wire/",
                "language": rng.choice(("en", "en", "en", "de", "fr")),
                "body": rng.choice(bodies), "http_status": 200,
                "fetched_at": "2026-01-01T00:00:00+00:00",
                "flags": [rng.choice(FLAGS)] if rng.random() < 0.1 else [],
                "cluster_id": ident,
                "duplicate_of": ({"id": ident, "url": url} if rng.random() < 0.02 else None),
            }
            line = (json.dumps(item, ensure_ascii=False) + "\n").encode()
            out.write(line)
            written += len(line)
    with (folder / "generic" / f"{name}.rejects.jsonl").open("w", encoding="utf-8") as rejects:
        for index in range(count // 20):
            reason = REASONS[index % len(REASONS)]
            record = {"url": f"https://news.example/gone-{index}", "http_status": 200,
                      "reason": reason, "reasons": [reason]}
            if reason == "blocked":
                record["vendor"] = rng.choice(("cloudflare", "akamai", "datadome"))
            rejects.write(json.dumps(record) + "\n")
    return path, count


def write_long_line_export(folder: Path, size: int) -> tuple[Path, int]:
    """A gzip export: an item, one line of ``size`` bytes, an item; returns (path, 2)."""
    path = folder / "generic" / "2026-01-01T00-00-00+00-00.jsonl.gz"
    path.parent.mkdir(parents=True)
    chunk = b"all work and no play makes a huge line " * 26_000  # ~1 MB
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(b'{"title": "before", "body": "a"}\n{"title": "huge", "body": "')
        written = 0
        while written < size:
            out.write(chunk)
            written += len(chunk)
        out.write(b'"}\n{"title": "after", "body": "b"}\n')
    return path, 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024, help="export size (uncompressed)")
    parser.add_argument("--gzip", action="store_true", help="write the export as .jsonl.gz")
    parser.add_argument("--validate", action="store_true", help="also check every line")
    parser.add_argument("--html", action="store_true", help="also write the HTML report")
    parser.add_argument("--dir", type=Path, help="where to write (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--long-line-mb", type=int, metavar="N",
                        help="instead: a gzip export with one line of N MB between two items")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="inspect-bench-", dir=args.dir))
    try:
        began = time.perf_counter()
        if args.long_line_mb:
            export, items = write_long_line_export(folder, args.long_line_mb * 1_000_000)
        else:
            export, items = write_export(folder, args.size_mb * 1_000_000, compress=args.gzip)
        size = export.stat().st_size + sum(p.stat().st_size for p in folder.rglob("*.rejects.*"))
        print(f"generated {export.name}: {items:,} items, {size / 1e6:,.0f} MB on disk "
              f"in {time.perf_counter() - began:.1f} s")

        command = [sys.executable, "-m", "newscrawler.cli", "inspect", str(folder), "--json",
                   "--no-progress"]
        if args.validate:
            command.append("--validate")
        if args.html:
            command += ["--html", str(folder / "report.html")]
        began = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
        seconds = time.perf_counter() - began
        if proc.returncode not in (0, 1):
            print(proc.stderr, file=sys.stderr)
            return 1
        report = json.loads(proc.stdout)
        if args.long_line_mb:
            assert report["totals"]["long_lines_skipped"] == 1, report["bad_lines"]
            size = args.long_line_mb * 1_000_000  # what was read: the uncompressed bytes
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
        assert report["totals"]["items"] == items, (report["totals"]["items"], items)
        print(f"command: {' '.join(command[1:])}")
        rate = (" (the long line skipped, the 2 items read)" if args.long_line_mb
                else f", {items / seconds:,.0f} items/s")
        print(f"inspect: {seconds:.1f} s for {size / 1e6:,.0f} MB -> {size / 1e6 / seconds:,.1f} "
              f"MB/s{rate}")
        print(f"peak RSS of the inspect process: {peak_kb / 1024:,.0f} MiB")
        if args.html:
            print(f"HTML report: {(folder / 'report.html').stat().st_size / 1e6:,.1f} MB")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
