"""``newscrawler inspect`` and ``scrapy inspect`` on exports of a real crawl of the demo site.

The numbers the command prints are checked against the JSONL read here, line by
line; the HTML report is opened in headless Chromium.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawler.report.reader import Progress, find_runs, read_lines
from newscrawler.report.summary import Reservoir, inspect_runs

from conftest import SCHEMA, read_jsonl, run_crawl

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
RUN_TIME = "2026-04-28T10-00-00+00-00"
GREP_KEYS = ("title", "subtitle", "source", "url", "dateline", "body")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory, demo_site):
    """``output/generic/<time>.jsonl`` (+ rejects, + summary when the project writes one)."""
    root = tmp_path_factory.mktemp("inspect")
    work = root / "work"
    work.mkdir()
    feed = root / "output" / "generic" / f"{RUN_TIME}.jsonl"
    feed.parent.mkdir(parents=True)
    result = run_crawl("generic", work, f"url={demo_site.base_url}/", feed=feed)
    assert result.returncode == 0, result.log[-3000:]
    assert len(result.items) > 10
    return root, feed, result.items


def inspect(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscrawler.cli", "inspect", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=cwd, check=False)


def scrapy_inspect(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}
    return subprocess.run([sys.executable, "-m", "scrapy", "inspect", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=cwd, env=env,
                          check=False)


def instant(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed.astimezone(UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def rejects_of(feed: Path) -> list[dict]:
    return read_jsonl(feed.with_name(feed.name.replace(".jsonl", ".rejects.jsonl")))


def matches(item: dict, word: str) -> bool:
    text = " ".join(str(item.get(key) or "") for key in GREP_KEYS) + " ".join(item["authors"])
    return word.casefold() in text.casefold()


# --------------------------------------------------------------------------- summary


def test_json_summary_counts_what_the_export_holds(crawl):
    root, feed, items = crawl
    proc = inspect(root / "output", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    totals = report["totals"]

    assert totals["runs"] == 1
    assert totals["items"] == len(items)
    assert totals["bad_lines"] == 0
    assert totals["per_source"] == dict(Counter(item["source"] or "(no source)" for item in items))
    days = Counter(item["published"][:10] if item["published"] else "(no date)" for item in items)
    assert totals["per_day"] == dict(days)
    dated = [item["published"] for item in items if item["published"]]
    assert totals["published"]["dated"] == len(dated)
    assert totals["published"]["first"] == min(dated, key=instant)
    assert totals["published"]["last"] == max(dated, key=instant)
    # every field of the schema (read now, as the command does), with its share of items
    for name in SCHEMA["properties"]:
        having = sum(1 for item in items if item.get(name) not in (None, "", [], {}))
        assert totals["coverage"][name] == round(having / len(items), 4), name
    lengths = [len(item["body"]) for item in items]
    assert totals["body_length"]["min"] == min(lengths)
    assert totals["body_length"]["max"] == max(lengths)
    assert sum(totals["body_length"]["histogram"].values()) == len(items)
    assert totals["flags"] == dict(Counter(f for item in items for f in item["flags"]))
    assert totals["languages"] == dict(Counter(item["language"] or "(none)" for item in items))

    rejects = rejects_of(feed)
    assert rejects, "the demo site has a page the required-fields stage drops"
    reasons = Counter(record["reason"] for record in rejects)
    assert totals["rejects"] == dict(reasons)
    assert totals["blocked"] == dict(Counter(r.get("vendor") for r in rejects
                                             if r["reason"] == "blocked"))
    assert totals["duplicates_rejected"] == reasons.get("duplicate", 0)

    (run,) = report["runs"]
    assert run["export"] == str(feed)
    assert run["items"] == len(items)
    assert run["rejects"] == dict(reasons)
    summary_file = feed.with_name(f"{RUN_TIME}.summary.json")
    if summary_file.exists():  # written by the project's run summary extension
        summary = json.loads(summary_file.read_text())
        assert run["finish_reason"] == summary["finish_reason"] == "finished"
        assert run["exit_status"] == summary["exit_status"]


def test_text_summary(crawl):
    _root, feed, items = crawl
    proc = inspect(feed)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    rejects = rejects_of(feed)
    assert out.startswith(f"1 run(s), {len(items)} item(s), {len(rejects)} reject(s), "
                          "0 bad line(s)")
    for source, count in Counter(item["source"] for item in items).items():
        assert re.search(rf"^  {re.escape(source)}\s+{count}\s", out, re.MULTILINE), source
    for reason, count in Counter(r["reason"] for r in rejects).items():
        assert re.search(rf"^  {reason}\s+{count}\s", out, re.MULTILINE)
    for heading in ("Items per source", "Items per day", "Field coverage", "Body length",
                    "Flags", "Rejects per reason", "Blocked per vendor", "Duplicates"):
        assert heading in out
    first = min((item["published"] for item in items if item["published"]), key=instant)
    assert f"Published: {first} .. " in out


def test_scrapy_inspect_gives_the_same_report(crawl, tmp_path):
    root, _feed, _ = crawl
    ours = json.loads(inspect(root / "output", "--json").stdout)
    proc = scrapy_inspect(root / "output", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    theirs = json.loads(proc.stdout)
    assert theirs["totals"] == ours["totals"]
    assert theirs["runs"] == ours["runs"]


def test_usage_errors_exit_2(tmp_path):
    assert inspect(tmp_path / "missing.jsonl").returncode == 2
    assert "missing.jsonl" in inspect(tmp_path / "missing.jsonl").stderr
    assert inspect().returncode == 2
    assert scrapy_inspect(tmp_path / "missing.jsonl", cwd=tmp_path).returncode == 2
    assert scrapy_inspect(cwd=tmp_path).returncode == 2


# --------------------------------------------------------------------------- bad input


def test_validate_reports_invalid_lines_with_their_numbers(crawl, tmp_path):
    _, feed, items = crawl
    assert inspect(feed, "--validate").returncode == 0
    assert "every line matches the Article schema" in inspect(feed, "--validate").stdout

    lines = feed.read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[2])
    broken["published"] = "25/04/2025"
    lines[2] = json.dumps(broken, ensure_ascii=False)  # line 3
    lines.insert(5, "<html>oops</html>")  # line 6
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")

    proc = inspect(bad, "--validate")
    assert proc.returncode == 1
    assert re.search(rf"^  {re.escape(str(bad))}:3: published: '25/04/2025' is not valid",
                     proc.stdout, re.MULTILINE)
    assert f"{bad}:6: not JSON" in proc.stdout
    assert "Validation: 2 line(s) do not match the Article schema" in proc.stdout
    report = json.loads(inspect(bad, "--validate", "--json").stdout)
    assert [(e["line"]) for e in report["validation"]["errors"]] == [3, 6]
    assert report["totals"]["items"] == len(items)  # the invalid item is still counted


def test_bad_lines_are_reported_and_the_report_goes_on(crawl, tmp_path):
    _, feed, items = crawl
    lines = feed.read_text(encoding="utf-8").splitlines()
    text = "\n".join([*lines[:4], "not json at all", *lines[4:], lines[0][:250]])  # no final \n
    bad = tmp_path / "cut.jsonl"
    bad.write_text(text, encoding="utf-8")
    proc = inspect(bad)
    assert proc.returncode == 0
    assert f"{bad}:5: not JSON" in proc.stdout
    assert f"{bad}:{len(lines) + 2}: truncated line" in proc.stdout
    assert proc.stdout.startswith(f"1 run(s), {len(items)} item(s)")
    assert "2 bad line(s)" in proc.stderr


def test_gzipped_exports_and_cut_gzip(crawl, tmp_path):
    _, feed, items = crawl
    gz = tmp_path / "generic" / f"{RUN_TIME}.jsonl.gz"
    gz.parent.mkdir()
    gz.write_bytes(gzip.compress(feed.read_bytes()))
    report = json.loads(inspect(gz, "--json").stdout)
    plain = json.loads(inspect(feed, "--json").stdout)
    assert report["totals"]["items"] == len(items)
    assert report["totals"]["per_day"] == plain["totals"]["per_day"]
    assert report["totals"]["body_length"] == plain["totals"]["body_length"]

    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gz.read_bytes()[: len(gz.read_bytes()) // 2])
    proc = inspect(cut, "--json")
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    assert 0 < report["totals"]["items"] < len(items)
    assert report["totals"]["bad_lines"] >= 1


# --------------------------------------------------------------------------- sample, grep


def test_sample_prints_items_readably(crawl):
    _, feed, items = crawl
    proc = inspect(feed, "--sample", "3")
    assert proc.returncode == 0
    sample = proc.stdout.split("Sample of 3 item(s)\n", 1)[1]
    blocks = [b for b in sample.split("=" * 100) if b.strip()]
    assert len(blocks) == 3
    by_title = {item["title"]: item for item in items}
    for block in blocks:
        title, meta = block.strip("\n").splitlines()[:2]
        item = by_title[title]
        assert meta.strip().startswith(f"{item['source']} | {item['published'] or '(no date)'}")
        first_words = " ".join(item["body"].split()[:5])
        assert first_words in " ".join(block.split())


def test_grep_filters_items_and_sample(crawl):
    _, feed, items = crawl
    expected = [item for item in items if matches(item, "lumora")]
    assert 0 < len(expected) < len(items)
    report = json.loads(inspect(feed, "--grep", "LUMORA", "--json").stdout)
    assert report["totals"]["items"] == len(expected)
    assert report["grep"] == "LUMORA"
    proc = inspect(feed, "--grep", "lumora", "--sample", "50")
    titles = re.findall(r"^={100}\n(.+)$", proc.stdout, re.MULTILINE)
    assert sorted(titles) == sorted(item["title"] for item in expected)


# --------------------------------------------------------------------------- pure parts


def test_runs_are_found_with_their_siblings(tmp_path):
    folder = tmp_path / "output" / "generic"
    folder.mkdir(parents=True)
    for name in ("A.jsonl", "A.rejects.jsonl", "A.summary.json", "B.jsonl.gz",
                 "C.rejects.jsonl", "notes.txt"):
        (folder / name).write_text("")
    runs = find_runs([tmp_path / "output"])
    assert [(r.stem.name, r.export and r.export.name, r.rejects and r.rejects.name,
             r.summary and r.summary.name) for r in runs] == [
        ("A", "A.jsonl", "A.rejects.jsonl", "A.summary.json"),
        ("B", "B.jsonl.gz", None, None),
        ("C", None, "C.rejects.jsonl", None),
    ]
    # a named export brings its siblings; naming both does not make two runs
    assert len(find_runs([folder / "A.jsonl", folder / "A.rejects.jsonl"])) == 1
    assert find_runs([folder / "A.jsonl"])[0].summary == folder / "A.summary.json"


def test_summary_file_is_used_when_present(tmp_path):
    export = tmp_path / "T.jsonl"
    export.write_text('{"id": "a", "title": "x", "body": "y", "published": "2025-04-01"}\n')
    (tmp_path / "T.summary.json").write_text(json.dumps({
        "spider": "generic", "finish_reason": "closespider_itemcount", "exit_status": 0,
        "items_exported": 2, "rejects": {"blocked": 3}, "blocked": {"cloudflare": 3},
    }))
    inspection = inspect_runs(find_runs([export]))
    (run,) = inspection.as_dict()["runs"]
    assert run["finish_reason"] == "closespider_itemcount"
    assert run["rejects"] == {"blocked": 3}
    assert run["rejects_from"] == "summary"
    assert run["blocked"] == {"cloudflare": 3}
    assert "the summary says 2 items were exported, the export holds 1" in run["notes"]


def test_reader_and_reservoir_are_bounded(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("".join(json.dumps({"n": i}) + "\n" for i in range(1000)) + "[1]\n")
    bad = []
    out = io.StringIO()
    progress = Progress(path.stat().st_size, out, enabled=True)
    progress.draw(1e9)
    numbers = [line for line, _ in read_lines(path, bad.append, progress)]
    assert numbers == list(range(1, 1001))
    assert [(b.line, b.error) for b in bad] == [(1001, "not a JSON object but list")]
    assert progress.done == path.stat().st_size
    assert out.getvalue().startswith("\r[")
    reservoir = Reservoir(10)
    for i in range(10_000):
        reservoir.offer({"n": i})
    kept = [entry["n"] for entry in reservoir.in_order()]
    assert len(kept) == 10
    assert kept == sorted(kept)
    assert kept[-1] > 100


# --------------------------------------------------------------------------- HTML in Chromium


def chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
               f"--user-data-dir={tmp / 'chromium-profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        if os.geteuid() != 0:
            pytest.skip("chromium is not installed and we are not root to install it "
                        "(`./run test` installs Debian's chromium when run as root)")
        pytest.fail("chromium is missing: `./run test` installs it "
                    "(apt-get install --no-install-recommends chromium)")
    return CHROMIUM


def test_html_report_in_a_real_browser(crawl, tmp_path, browser):
    root, feed, items = crawl
    report = tmp_path / "report.html"
    proc = inspect(root / "output", "--html", report)
    assert proc.returncode == 0, proc.stderr
    html = report.read_text(encoding="utf-8")
    # self-contained: nothing to load from anywhere
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "@import" not in html
    assert "url(" not in html

    dom = chromium("--dump-dom", report.as_uri(), tmp=tmp_path).stdout
    per_day = re.search(r'<svg id="chart-per-day".*?</svg>', dom, re.DOTALL)
    assert per_day
    assert per_day.group(0).count('class="bar"') >= len(
        {(i["published"][:10], i["source"]) for i in items if i["published"]})
    rejects = re.search(r'<svg id="chart-rejects".*?</svg>', dom, re.DOTALL)
    reasons = Counter(r["reason"] for r in rejects_of(feed))
    assert rejects
    assert rejects.group(0).count('class="bar"') == len(reasons)
    for reason, count in reasons.items():
        assert f"<title>{reason}: {count}</title>" in rejects.group(0)
    listed = re.findall(r'<li class="item"( hidden="")?>', dom)
    assert len(listed) == len(items)
    assert not any(listed)
    for item in items[:3]:  # the full clean text is in the list
        last_paragraph = item["body"].split("\n\n")[-1]
        assert last_paragraph.replace("&", "&amp;")[:80] in dom.replace("&#x27;", "'")

    # the search box, driven by the page's own script through the #q= fragment
    dom = chromium("--dump-dom", report.as_uri() + "#q=lumora", tmp=tmp_path).stdout
    shown = re.findall(r'<li class="item">', dom)
    hidden = re.findall(r'<li class="item" hidden="">', dom)
    expected = [item for item in items if matches(item, "lumora")]
    assert len(shown) == len(expected)
    assert len(shown) + len(hidden) == len(items)
    assert f'data-shown="{len(expected)}"' in dom

    png = tmp_path / "report.png"
    chromium(f"--screenshot={png}", "--window-size=1280,2000", report.as_uri(), tmp=tmp_path)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 30_000  # a rendered page, not a blank one
