"""Cost of one hostile big page: each cleaning stage outside the crawl, then a real crawl of it.

    .venv/bin/python benchmarks/bigpage.py                       # every shape, 15 MB, stages+crawl
    .venv/bin/python benchmarks/bigpage.py --shapes one_p --mb 15 --mode stages
    .venv/bin/python benchmarks/bigpage.py --mode crawl --bare   # bare Scrapy on the same pages

Page shapes (each about ``--mb`` MB of HTML, under DOWNLOAD_MAXSIZE):

* ``one_p``: a story whose body is ONE ``<p>`` on one line, words that never repeat;
* ``one_p_word``: the same with one word repeated (every shingle the same);
* ``many_p``: many short paragraphs (about 100 bytes each: 150,000 at 15 MB), all different;
* ``bare_text``: one line of text inside ``<article>``, no tags at all;
* ``repeated_p``: 20 paragraphs repeated until the size is reached;
* ``error_script``: a "Page not found" template padded with a giant inline script;
* ``error_links``: a "Page not found" template padded with a giant navigation of links;
* ``error_hidden``: a "Page not found" template padded with a giant hidden ``<div>``;
* ``error_text``: a "Page not found" notice above a giant block of one repeated word (a
  story with an error banner, as the same page of 500 words is judged);
* ``small``: a 4 KB story, the fixed cost of a crawl to subtract.

``stages`` runs each shape in a fresh process through the stages in crawl order (HTML
parse, extraction, clean, soft-404, repeats, boilerplate, duplicates, JSON-lines export)
and reports wall and CPU seconds per stage and the process's peak RSS after each.
``crawl`` serves the pages from 127.0.0.1 and runs ``scrapy crawl generic -a url=...``
on each (``--bare``: also a bare Scrapy spider that only parses the page), reporting the
crawl process's wall time, CPU seconds and peak RSS (``wait4`` rusage), and the verdict.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[0] = str(REPO)  # keep benchmarks/*.py from shadowing the standard library

import argparse
import functools
import http.server
import io
import json
import os
import resource
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

SHAPES = ("small", "one_p", "one_p_word", "many_p", "bare_text", "repeated_p",
          "error_script", "error_links", "error_hidden", "error_text")
EXPECTED = {
    "small": "story", "error_hidden": "not exported", "one_p": "story", "one_p_word": "story", "many_p": "story", "bare_text": "story",
    "repeated_p": "story (collapsed)", "error_script": "not exported", "error_links": "not exported",
    "error_text": "story, banner cut",
}
_ALPHA = "abcdefghijklmnopqrstuvwxyz"

HEAD = ("<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
        "</head><body><header><nav><b>Home</b> <b>World</b></nav></header>")
TAIL = "<footer><p>(c) Big Page Wire</p></footer></body></html>"
ERROR = ("<main><h1>Page not found</h1><p>Sorry, the page you are looking for does not exist "
         "or has been moved.</p><p><a href=#top>Back to the top</a></p></main>")


def unique_words() -> Iterator[str]:
    """Words that never repeat: base-26 numerals, written with letters."""
    n = 26 * 26
    while True:
        digits, k = [], n
        while k:
            k, d = divmod(k, 26)
            digits.append(_ALPHA[d])
        yield "".join(digits)
        n += 1


def prose(size: int, sentence_words: int = 12) -> str:
    """``size`` characters of one line of sentences made of never repeated words."""
    out: list[str] = []
    total = 0
    words = unique_words()
    while total < size:
        sentence = " ".join(next(words) for _ in range(sentence_words))
        chunk = sentence.capitalize() + ", " + next(words) + ". "
        out.append(chunk)
        total += len(chunk)
    return "".join(out)[:size]


def build(shape: str, size: int) -> bytes:
    """The page of ``shape``, about ``size`` bytes of HTML."""
    head = HEAD.format(title="A very long story | Big Page Wire")
    story = "<article><h1>A very long story</h1>{}</article>"
    if shape == "small":  # the fixed cost of a crawl: a 4 KB story
        html = head + story.format(f"<p>{prose(1000)}</p><p>{prose(1000)[::-1]}</p>")
    elif shape == "one_p":
        html = head + story.format(f"<p>{prose(size)}</p>")
    elif shape == "one_p_word":
        html = head + story.format("<p>" + "news " * (size // 5) + "</p>")
    elif shape == "many_p":
        text = prose(size * 100 // 107, 8)  # 7 bytes of tags a paragraph: under the size
        parts = [text[i:i + 100] for i in range(0, len(text), 100)]
        html = head + story.format("".join(f"<p>{p}</p>" for p in parts))
    elif shape == "bare_text":
        html = head + story.format(prose(size))
    elif shape == "repeated_p":
        paragraphs = [f"<p>{prose(400 + 10 * i)[10 * i:]}</p>" for i in range(20)]
        block = "".join(paragraphs)
        html = head + story.format(block * max(1, size // len(block)))
    elif shape == "error_script":
        head = HEAD.format(title="Page not found | Big Page Wire")
        html = head + ERROR + "<script>var pad='" + "x" * size + "';</script>"
    elif shape == "error_links":
        head = HEAD.format(title="Page not found | Big Page Wire")
        links = "".join(f'<li><a href="#s{i}">Section {i}</a></li>' for i in range(size // 48))
        html = head + ERROR + f"<nav><ul>{links}</ul></nav>"
    elif shape == "error_hidden":
        head = HEAD.format(title="Page not found | Big Page Wire")
        html = head + ERROR + "<div hidden>" + prose(size) + "</div>"
    elif shape == "error_text":
        head = HEAD.format(title="Page not found | Big Page Wire")
        html = head + ERROR + "<div>" + "news " * (size // 5) + "</div>"
    else:
        raise ValueError(shape)
    return (html + TAIL).encode()


# --- stages, outside the crawl --------------------------------------------------------------
def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_costs(shape: str, size: int) -> dict[str, Any]:
    """Run one page through the stages in crawl order; cost and peak RSS after each."""
    from itemadapter import ItemAdapter
    from scrapy import Request
    from scrapy.exporters import JsonLinesItemExporter
    from scrapy.http import HtmlResponse

    from newscrawler.dedup.boilerplate import learnable_hashes, strip_boilerplate
    from newscrawler.dedup.index import DuplicateIndex
    from newscrawler.dedup.minhash import stored_band_keys
    from newscrawler.dedup.repeats import collapse_repeats, split_paragraphs
    from newscrawler.items import EXPORT_FIELDS
    from newscrawler.parsers.base import ArticleParser
    from newscrawler.pipelines.clean import clean_fields
    from newscrawler.pipelines.duplicates import item_story
    from newscrawler.pipelines.soft404 import evidence_from_page
    from newscrawler.soft404.chrome import SiteChrome
    from newscrawler.soft404.classify import classify
    from newscrawler.soft404.rules import default_rules
    from newscrawler.state import open_store

    default_rules()  # data files loaded before the clock starts
    body = build(shape, size)
    url = f"http://127.0.0.1:8123/news/2025/04/10/{shape}.html"
    out: dict[str, Any] = {"shape": shape, "html_mb": round(len(body) / 2**20, 1),
                           "base_rss_mb": round(rss_mb())}
    rows: list[tuple[str, float, float, float]] = []

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        rows.append((name, time.perf_counter() - wall, time.process_time() - cpu, rss_mb()))
        return result

    response = HtmlResponse(url, body=body, encoding="utf-8", request=Request(url))
    timed("parse", lambda: response.selector.root)
    item = timed("extraction", lambda: ArticleParser(response).to_item())
    adapter = ItemAdapter(item)
    out["extracted_blocks"] = len(adapter["evidence"].blocks)
    timed("clean", lambda: clean_fields(adapter))

    def soft404() -> str:
        ev = evidence_from_page(adapter["evidence"], default_rules())
        return classify(ev, None, SiteChrome(3), default_rules()).cls

    out["soft404"] = timed("soft404", soft404)

    def repeats() -> int:
        kept, removed = collapse_repeats(split_paragraphs(adapter.get("body") or ""))
        adapter["body"] = "\n\n".join(kept)
        return removed

    out["repeats_removed"] = timed("repeats", repeats)

    def boilerplate() -> int:
        paragraphs = split_paragraphs(adapter.get("body") or "")
        learnable_hashes(paragraphs)
        return len(strip_boilerplate(paragraphs, set())[1])

    timed("boilerplate", boilerplate)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "state.sqlite3"), band_keys=stored_band_keys)
        index = DuplicateIndex(store, run="bigpage")
        timed("duplicates", lambda: index.check_and_claim(item_story(adapter), time.time()))
        store.close()
    adapter["evidence"] = None
    exporter = JsonLinesItemExporter(io.BytesIO(), fields_to_export=EXPORT_FIELDS)
    timed("export", lambda: exporter.export_item(item))
    out["body_mb"] = round(len(adapter.get("body") or "") / 2**20, 2)
    out["flags"] = adapter.get("flags")
    out["stages"] = [{"stage": n, "wall_s": round(w, 3), "cpu_s": round(c, 3), "rss_mb": round(r)}
                     for n, w, c, r in rows]
    return out


def print_stages(result: dict[str, Any]) -> None:
    print(f"\n{result['shape']}: {result['html_mb']} MB of HTML, {result['extracted_blocks']} "
          f"blocks, soft404={result['soft404']}, repeats removed={result['repeats_removed']}, "
          f"body {result['body_mb']} MB, flags={result['flags']}")
    print(f"  {'stage':<12} {'wall s':>8} {'cpu s':>8} {'peak RSS MB':>12}")
    print(f"  {'(start)':<12} {'':>8} {'':>8} {result['base_rss_mb']:>12}")
    for row in result["stages"]:
        print(f"  {row['stage']:<12} {row['wall_s']:>8.3f} {row['cpu_s']:>8.3f} {row['rss_mb']:>12}")
    total = sum(r["cpu_s"] for r in result["stages"])
    print(f"  {'all':<12} {sum(r['wall_s'] for r in result['stages']):>8.3f} {total:>8.3f}")


# --- the crawl ------------------------------------------------------------------------------
BARE_SPIDER = '''
from scrapy import Spider

class BigPage(Spider):
    """Bare Scrapy: fetch the page, parse it, yield url and title."""
    name = "bigpage_bare"
    handle_httpstatus_list = [404]

    def __init__(self, url="", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [url]

    def parse(self, response):
        yield {"url": response.url, "title": response.css("title::text").get()}
'''


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """The page and 404 for everything else: no directory listings for the crawl to follow."""

    def list_directory(self, path: str) -> None:  # type: ignore[override]
        self.send_error(404)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, int(server.server_address[1])


def crawl(url: str, work: Path, name: str, bare: bool) -> dict[str, Any]:
    out = work / f"{name}.jsonl"
    rejects = work / f"{name}-rejects.jsonl"
    common = ["-a", f"url={url}", "-O", str(out), "-s", "LOG_LEVEL=INFO",
              "-s", f"LOG_FILE={work / (name + '.log')}"]
    python = [sys.executable, "-m", "scrapy.cmdline"]
    if bare:
        spider = work / "bare_spider.py"
        spider.write_text(BARE_SPIDER)
        cmd, cwd = [*python, "runspider", str(spider), *common], work
    else:
        cmd = [*python, "crawl", "generic", *common,
               "-s", f"STATE_URI={work / (name + '-state.sqlite3')}",
               "-s", f"REJECTS_URI={rejects}",
               "-s", f"RUN_SUMMARY_URI={work / (name + '-summary.json')}"]
        cwd = REPO
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    items = [json.loads(line) for line in out.read_text().splitlines()] if out.exists() else []
    reasons = ([json.loads(line).get("reason") for line in rejects.read_text().splitlines()]
               if rejects.exists() else [])
    story = next((i for i in items if i.get("url") == url), None)
    log = (work / f"{name}.log").read_text(errors="replace")
    verdict = ("exported" if story else ",".join(str(r) for r in reasons)
               or ("not a story" if "discovery/pages/other" in log else "nothing"))
    return {
        "spider": "bare" if bare else "generic",
        "exit": code,
        "wall_s": round(wall, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "verdict": verdict,
        "body_mb": round(len(story.get("body") or "") / 2**20, 2) if story and not bare else None,
        "flags": story.get("flags") if story and not bare else None,
        "stderr_tail": stderr[-400:] if code else "",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    ap.add_argument("--mb", type=float, default=15.0, help="page size in MB (default 15)")
    ap.add_argument("--mode", choices=("stages", "crawl", "both"), default="both")
    ap.add_argument("--bare", action="store_true",
                    help="crawl mode: also run a bare Scrapy spider on each page for reference")
    ap.add_argument("--one", choices=SHAPES, help=argparse.SUPPRESS)  # child process
    args = ap.parse_args(argv)
    size = int(args.mb * 2**20)
    if args.one:
        print(json.dumps(stage_costs(args.one, size)))
        return 0
    if args.mode in ("stages", "both"):
        print("== stages outside the crawl (one fresh process per shape)")
        for shape in args.shapes:
            child = subprocess.run(
                [sys.executable, __file__, "--one", shape, "--mb", str(args.mb)],
                capture_output=True, text=True, check=False)
            if child.returncode:
                print(f"\n{shape}: failed\n{child.stderr[-2000:]}")
                continue
            print_stages(json.loads(child.stdout))
    if args.mode in ("crawl", "both"):
        print("\n== scrapy crawl generic -a url=http://127.0.0.1:P/<shape>.html, one page each")
        print(f"{'shape':<13} {'spider':<8} {'wall s':>7} {'cpu s':>6} {'RSS MB':>7}  "
              f"{'expected':<18} verdict")
        with tempfile.TemporaryDirectory(prefix="bigpage-") as tmp:
            work = Path(tmp)
            site = work / "site"
            (site / "news" / "2025" / "04" / "10").mkdir(parents=True)
            server, port = serve(site)
            try:
                for shape in args.shapes:
                    # a story URL: a page found at any other is judged a story by its prose
                    path = f"news/2025/04/10/{shape.replace('_', '-')}-big-page-story.html"
                    (site / path).write_bytes(build(shape, size))
                    url = f"http://127.0.0.1:{port}/{path}"
                    for bare in ((False, True) if args.bare else (False,)):
                        r = crawl(url, work, f"{shape}-{'bare' if bare else 'generic'}", bare)
                        extra = (f" body {r['body_mb']} MB flags={r['flags']}"
                                 if r["body_mb"] is not None else "")
                        print(f"{shape:<13} {r['spider']:<8} {r['wall_s']:>7.2f} "
                              f"{r['cpu_s']:>6.2f} {r['peak_rss_mb']:>7}  "
                              f"{EXPECTED[shape] if not bare else '-':<18} "
                              f"{r['verdict']}{extra} {r['stderr_tail']}", flush=True)
                    (site / path).unlink()
            finally:
                server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
