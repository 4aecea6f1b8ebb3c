"""``newscrawler inspect`` on hostile files: control characters, wrong-typed summaries, huge lines.

Every test runs the real command in a subprocess (or the reader on a real file)
and asserts on what it printed or wrote.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawler.report.reader import Progress, read_lines

RUN = "2026-04-28T10-00-00+00-00"
# what must never reach a terminal: C0 (newline aside), DEL, C1, line/paragraph
# separators, bidi embeddings/overrides/isolates, lone surrogates
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                    "\ud800-\udfff]")
ATTACKS = [
    "\x1b]0;pwned\x07",  # OSC: retitle the terminal, ended by BEL
    "\x1b[2J\x1b[H",  # CSI: clear the screen
    "\x9b31m",  # 8-bit CSI
    "\x9d8;;http://evil.example/\x9c",  # 8-bit OSC hyperlink
    "\u202egnp.exe",  # right-to-left override
    "\u2066isolated\u2069",
    "\r\x08\x7f",  # carriage return, backspace, DEL
    "line\nforged: 0 bad line(s)",  # a newline inside a one-line value
    "\u2028",
    "\ud800",  # lone surrogate (from "\\ud800" in the JSON)
]
EVIL = "".join(ATTACKS)


def inspect(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newscrawler.cli", "inspect", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", errors="surrogateescape",
        timeout=120, check=False)


def unsafe_in(text: str) -> list[str]:
    return sorted({repr(match) for match in UNSAFE.findall(text)})


@pytest.fixture
def hostile_run(tmp_path: Path) -> tuple[Path, list[dict]]:
    """A run whose every text field, reject reason, vendor, bad line and file name is hostile."""
    folder = tmp_path / "output" / f"gen\x1b[31meric{ATTACKS[4]}"
    folder.mkdir(parents=True)
    items = []
    for n, attack in enumerate(ATTACKS):
        items.append({
            "id": f"id{n}{attack}", "url": f"https://news.example/{n}{attack}",
            "title": f"Title {n} {attack}", "source": f"Wire {attack}",
            "published": f"2025-04-0{n % 9 + 1}{attack}", "language": attack,
            "flags": [f"flag{attack}"], "dateline": attack, "authors": [attack],
            "body": f"needle {attack} body\n\nsecond {attack} paragraph",
            f"field{attack}": 1,
        })
    export = folder / f"{RUN}.jsonl"
    lines = [json.dumps(item) for item in items]
    lines.insert(3, json.dumps(EVIL)[1:-1])  # not JSON: the bad-line message quotes it
    lines.insert(5, "[" + json.dumps(EVIL) + "]")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rejects = [{"url": f"https://news.example/r{attack}", "reason": f"soft404{attack}"}
               for attack in ATTACKS]
    rejects.append({"url": "https://news.example/b", "reason": "blocked", "vendor": EVIL})
    (folder / f"{RUN}.rejects.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rejects), encoding="utf-8")
    (folder / f"{RUN}.summary.json").write_text(json.dumps({
        "spider": f"generic{EVIL}", "finish_reason": f"finished{EVIL}", "exit_status": 0,
        "items_exported": len(items), "http_errors": {f"404{EVIL}": 1},
    }), encoding="utf-8")
    # a file whose very name is hostile, named on the command line
    named = tmp_path / f"x{ATTACKS[0]}.jsonl"
    named.write_text('{"title": "fine"}\nnot json\n', encoding="utf-8")
    return tmp_path, items


def test_text_report_prints_no_control_characters(hostile_run):
    root, _ = hostile_run
    named = next(root.glob("x*.jsonl"))
    proc = inspect(root / "output", named, "--validate", "--sample", "20")
    assert proc.returncode == 1, proc.stderr  # --validate: some lines are no Articles
    assert unsafe_in(proc.stdout) == []
    assert unsafe_in(proc.stderr) == []
    # the values are shown, escaped, not dropped
    assert "Title 0 \\u001b]0;pwned\\u0007" in proc.stdout
    assert "\\u202egnp.exe" in proc.stdout
    assert "\\u009b31m" in proc.stdout
    assert "soft404\\u001b[2J" in proc.stdout
    # a newline in a value cannot forge a line of the report
    assert not any(line.startswith("forged") for line in proc.stdout.splitlines())
    assert "line\\u000aforged" in proc.stdout
    # bad lines quote the file name and the line, escaped
    assert "x\\u001b]0;pwned\\u0007.jsonl:2: not JSON" in proc.stdout
    assert "\\u001b[31meric" in proc.stdout  # the folder name, in the runs table


def test_grep_and_its_echo_print_no_control_characters(hostile_run):
    root, _ = hostile_run
    proc = inspect(root / "output", "--grep", "needle \x1b]0;pwned\x07", "--sample", "5")
    assert proc.returncode == 0, proc.stderr
    assert unsafe_in(proc.stdout + proc.stderr) == []
    assert "1 item(s)" in proc.stdout.splitlines()[0]
    assert "--grep 'needle \\x1b]0;pwned\\x07'" in proc.stdout


def test_json_report_escapes_control_characters_and_keeps_the_values(hostile_run):
    root, items = hostile_run
    proc = inspect(root / "output", "--json", "--sample", "20")
    assert proc.returncode == 0, proc.stderr
    assert unsafe_in(proc.stdout + proc.stderr) == []
    # json.dumps(ensure_ascii=False) leaves U+009B, U+202E, U+2028 and lone surrogates
    # raw: they are written as \\uXXXX escapes, so the JSON still holds the same text
    for escaped in ("\\u009b", "\\u202e", "\\u2028", "\\ud800"):
        assert escaped in proc.stdout
    report = json.loads(proc.stdout)
    assert sorted(s["title"] for s in report["sample"]) == sorted(i["title"] for i in items)
    assert set(report["totals"]["per_source"]) == {i["source"] for i in items}
    assert report["runs"][0]["finish_reason"] == f"finished{EVIL}"


def test_html_report_escapes_markup_and_control_characters(hostile_run, tmp_path):
    root, _ = hostile_run
    export = next((root / "output").rglob(f"{RUN}.jsonl"))
    with export.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"title": "<script>alert(1)</script>", "source": "a\"b'c<d>",
                              "url": "javascript:alert(1)", "body": "</li><img src=x>"}) + "\n")
    report = tmp_path / "report.html"
    proc = inspect(root / "output", "--html", report)
    assert proc.returncode == 0, proc.stderr
    assert unsafe_in(proc.stderr) == []
    page = report.read_text(encoding="utf-8")  # lone surrogates did not stop the writing
    assert unsafe_in(page) == []
    assert "<script>alert" not in page
    assert "<img src=x>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "Title 0 \\u001b]0;pwned\\u0007" in html.unescape(page)


def test_progress_bar_escapes_the_file_name(tmp_path):
    path = tmp_path / "a\x1b]0;pwned\x07.jsonl"
    path.write_text('{"n": 1}\n')
    out = io.StringIO()
    progress = Progress(path.stat().st_size, out, enabled=True)
    assert [n for n, _ in read_lines(path, print, progress)] == [1]
    progress.draw(1e9)
    progress.close()
    drawn = out.getvalue()
    # the bar's own \\r and ESC [K (erase to end of line) are all that is sent
    assert unsafe_in(drawn.replace("\r", "").replace("\x1b[K", "")) == []
    assert "a\\u001b]0;pwned\\u0007.jsonl" in drawn


def test_human_end_of_run_line_is_one_plain_line():
    from newscrawler.runs.outcome import human_line

    line = human_line({"spider": "generic", "items_exported": 1, "feed": f"out/{EVIL}.jsonl",
                       "rejects": {f"x{EVIL}": 1}, "pages_fetched": 2, "download_errors": 0,
                       "blocked": {}, "duration_seconds": 1.0})
    assert unsafe_in(line) == []
    assert "\n" not in line
    assert "out/\\u001b]0;pwned\\u0007" in line


# --------------------------------------------------------------------------- wrong-typed summaries

WRONG_TYPES = {
    "spider": ["generic"], "start_time": 5, "duration_seconds": "x", "finish_reason": {"a": 1},
    "exit_status": "0", "items_exported": None, "pages_fetched": True, "retries": 1.5,
    "rejects": [], "blocked": {"cloudflare": "3"}, "http_errors": "404: 2",
    "failure": "zero items", "end_time": "2026-04-28T10:05:00+00:00",
}


@pytest.mark.parametrize("summary", [WRONG_TYPES, [1, 2], "text", None, {"duration_seconds": 1e400}],
                         ids=["wrong-fields", "list", "string", "null", "infinite"])
def test_wrong_typed_summary_does_not_crash_text_json_or_html(tmp_path, summary):
    folder = tmp_path / "output" / "generic"
    folder.mkdir(parents=True)
    (folder / f"{RUN}.jsonl").write_text('{"title": "t", "published": "2025-04-01"}\n')
    (folder / f"{RUN}.summary.json").write_text(json.dumps(summary).replace("Infinity", "1e400"))
    summary_file = str(folder / f"{RUN}.summary.json")
    text = inspect(tmp_path / "output")
    as_json = inspect(tmp_path / "output", "--json")
    report = tmp_path / "r.html"
    as_html = inspect(tmp_path / "output", "--html", report)
    for proc in (text, as_json, as_html):
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr
        assert f"inspect: warning: summary {summary_file}" in proc.stderr
    assert text.stdout.startswith("1 run(s), 1 item(s)")
    (run,) = json.loads(as_json.stdout)["runs"]
    assert run["items"] == 1
    assert run["notes"]
    assert "1 items" in report.read_text(encoding="utf-8")
    if summary is WRONG_TYPES:
        # each bad field is named, the good one is kept, nothing bad is passed on
        for name in set(WRONG_TYPES) - {"items_exported", "end_time"}:
            assert f"{name!r} is " in as_json.stderr, name
        assert "'items_exported'" not in as_json.stderr  # null is "not known", no warning
        assert run["duration_seconds"] is None
        assert run["http_errors"] is None
        assert run["spider"] == "generic"  # from the folder, not the list
        assert run["rejects"] == {}


def test_previous_summary_of_the_wrong_type_is_skipped_or_cleaned(tmp_path, caplog):
    from newscrawler.runs.outcome import FailureRules, failure_reasons, previous_summary

    (tmp_path / "A.summary.json").write_text('{"items_exported": 4}')
    (tmp_path / "B.summary.json").write_text('["not", "a", "summary"]')
    current = tmp_path / "C.summary.json"
    assert previous_summary(current) == {"items_exported": 4}  # B is skipped, A is used
    assert "B.summary.json is a list, not a JSON object" in caplog.text
    (tmp_path / "B.summary.json").write_text('{"items_exported": "x", "spider": "g"}')
    previous = previous_summary(current)
    assert previous == {"spider": "g"}
    ok = {"finish_reason": "finished", "pages_fetched": 3, "requests": 3,
          "download_errors": 0, "blocked": {}, "items_exported": 0}
    assert failure_reasons(ok, previous, FailureRules()) == []


# --------------------------------------------------------------------------- over-long lines


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_over_long_lines_are_skipped_with_a_counted_warning(tmp_path, suffix):
    export = tmp_path / f"T{suffix}"
    long_item = json.dumps({"title": "long", "body": "x" * 5000})
    lines = ['{"title": "a"}', long_item, '{"title": "b"}', "y" * 300_000, '{"title": "c"}',
             '{"title": "' + "z" * 985 + '"}']  # exactly 1,000 bytes: kept
    data = ("\n".join(lines) + "\n").encode()
    if suffix.endswith(".gz"):
        data = gzip.compress(data)
    export.write_bytes(data)
    proc = inspect(export, "--json", "--max-line-bytes", "1000")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["totals"]["items"] == 4
    assert report["totals"]["long_lines_skipped"] == 2
    assert [(b["line"], b["error"]) for b in report["bad_lines"]] == [
        (2, "line longer than 1000 bytes skipped"), (4, "line longer than 1000 bytes skipped")]
    assert "inspect: warning: 2 line(s) longer than 1000 bytes skipped" in proc.stderr
    text = inspect(export, "--max-line-bytes", "1000")
    assert f"{export}:4: line longer than 1000 bytes skipped" in text.stdout
    # the default cap keeps them all
    assert json.loads(inspect(export, "--json").stdout)["totals"]["items"] == 5


def test_reader_never_holds_more_than_the_cap_of_a_long_line(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(b'{"n": 1}\n')
        for _ in range(8):  # one 8 MiB line, no newline in it
            out.write(b"x" * (1 << 20))
        out.write(b'\n{"n": 2}\n')
    held: list[int] = []

    class Spy:
        """The decompressed stream, recording the size of every read asked of it."""

        def __init__(self, stream):
            self.stream = stream

        def readline(self, size=-1):
            line = self.stream.readline(size)
            held.append(len(line))
            return line

    from newscrawler.report import reader

    bad: list = []
    with gzip.open(path, "rb") as stream:
        lines = list(reader.bounded_lines(Spy(stream), 4096))
    assert [line for line, _ in lines] == [b'{"n": 1}\n', None, b'{"n": 2}\n']
    assert lines[1][1] == 8 * (1 << 20) + 1
    assert max(held) <= reader.READ_BUFFER
    assert [n for n, _ in read_lines(path, bad.append, max_line_bytes=4096)] == [1, 3]
    assert [(b.line, b.too_long) for b in bad] == [(2, True)]
