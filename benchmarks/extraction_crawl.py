"""Extraction through the real crawl: ``scrapy crawl generic`` on a local copy of a dataset.

    .venv/bin/python benchmarks/extraction_crawl.py [--data DIR] [--mode site|urls|files] [--paths day|flat|opaque]
        [--worst N] [--ablate] [--keep]

``benchmarks/extraction.py`` scores ``extract_body``/``pick_body`` on a parsed tree;
this one scores what a crawl exports, as the held-back sets are checked: every page of
``--data`` is served from 127.0.0.1 by its own process (Twisted's static ``File``) at
an article path (``/2024/05/12/<key>.html``; ``--paths`` serves them at ``/<key>.html``
or at an opaque ``/p/<n>`` instead), as saved (bytes untouched, served as
``Content-Type: text/html`` without a charset, so the crawler sniffs it as on the web),
with a ``robots.txt`` (``Allow: /$``, ``/2024/``, the sitemap; ``Disallow: /``: links
to the real sites' other pages resolve to 127.0.0.1 and would only be 404s) and then

- ``--mode site``: a ``sitemap.xml`` listing every page and a home page linking them;
  ``scrapy crawl generic -a url=http://127.0.0.1:PORT/``;
- ``--mode urls``: no sitemap, no home page; ``-a url=`` every page URL (one
  comma-separated list): the pages are judged story-or-not by the spider itself;
- ``--mode files``: ``-a url=`` every saved page's local path (no server asked).

Each run gets a fresh ``STATE_URI``, ``DOWNLOAD_DELAY=0``, AutoThrottle off, the rejects
file named with ``REJECTS_URI``; everything else is the project's settings. Every
exported body is scored against the truth with ``benchmarks/extraction.py``'s metric
(a page that was not exported scores recall 0); reported: P/R/F1 over all pages, the
pages dropped with their reason from the rejects file (or "no item, no reject": not
judged a story, or not fetched), empty bodies, the worst N with the item's ``flags``
and ``dateline`` and the F1 ``pick_body`` gets offline on the same page (the pipeline's
cost), the title match rate (ground truth ``title`` where the dataset has one) and the
wall time. ``--ablate`` crawls again with each pipeline stage off in turn (repeats,
boilerplate, clean, soft404, duplicates) and lists the pages whose F1 the stage changes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import parsel

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(BENCH) not in sys.path:  # run as a plain script from any directory
    sys.path.insert(0, str(BENCH))

from extraction import decode, make_layered, page_scores

DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "extraction-dev-2"
DAY_PATH = "/2024/05/12/"
STAGES = {
    "repeats": "REPEATS_ENABLED",
    "boilerplate": "BOILERPLATE_ENABLED",
    "clean": "CLEAN_ENABLED",
    "soft404": "SOFT404_ENABLED",
    "duplicates": "DUPLICATES_ENABLED",
}


# --------------------------------------------------------------------------- the site


def slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-") or "page"


@dataclass
class Page:
    """One dataset page as served."""

    key: str
    path: str
    truth: str
    title: str | None
    html: str = ""
    offline_f1: float = 0.0


PATH_STYLES = {
    # the story's place in the URL: a dated article path, a bare page, an opaque id
    "day": lambda n, name: f"{DAY_PATH}{name}.html",
    "flat": lambda n, name: f"/{name}.html",
    "opaque": lambda n, name: f"/p/{n}",
}


def build_site(data: Path, folder: Path, port: int, mode: str,
               paths: str = "day") -> dict[str, Page]:
    """Write the pages (bytes as saved), robots.txt and, in site mode, sitemap and home."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    base = f"http://127.0.0.1:{port}"
    pages: dict[str, Page] = {}
    for n, key in enumerate(sorted(truth), 1):
        raw = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        name = slug(key)
        while PATH_STYLES[paths](n, name) in pages:
            name += "-x"
        path = PATH_STYLES[paths](n, name)
        target = folder / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        pages[path] = Page(key, path, truth[key]["articleBody"], truth[key].get("title"),
                           decode(raw))
    allowed = {"day": "/2024/", "flat": "/*.html$", "opaque": "/p/"}[paths]
    robots = f"User-agent: *\nAllow: /$\nAllow: {allowed}\nAllow: /sitemap.xml\nDisallow: /\n"
    if mode == "site":
        locs = "".join(f"<url><loc>{base}{p}</loc></url>" for p in pages)
        (folder / "sitemap.xml").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
            encoding="utf-8")
        links = "".join(f'<li><a href="{p}">{p.rsplit("/", 1)[1]}</a></li>' for p in pages)
        (folder / "index.html").write_text(
            f"<!doctype html><html><head><title>Local copy</title></head><body><h1>Latest</h1>"
            f"<ul>{links}</ul></body></html>", encoding="utf-8")
        robots += f"Sitemap: {base}/sitemap.xml\n"
    else:  # no sitemap to find: / is an empty folder listing nothing
        (folder / "index.html").write_text("<html><body></body></html>", encoding="utf-8")
    (folder / "robots.txt").write_text(robots, encoding="utf-8")
    return pages


def serve(folder: Path, port: int, log: Path) -> None:
    """Serve ``folder`` (Twisted static files, ``.html`` as ``text/html``, no charset)."""
    from twisted.internet import reactor
    from twisted.web.server import Site
    from twisted.web.static import File

    resource = File(str(folder))
    resource.contentTypes[".html"] = "text/html"
    resource.contentTypes[".xml"] = "application/xml"
    resource.contentTypes[".txt"] = "text/plain"
    out = log.open("a", encoding="utf-8")

    class LoggingSite(Site):
        def log(self, request: Any) -> None:  # one "PATH STATUS" line per request
            out.write(f"{request.uri.decode('latin-1')} {request.code}\n")
            out.flush()

    reactor.listenTCP(port, LoggingSite(resource), interface="127.0.0.1")  # type: ignore[attr-defined]
    print(port, flush=True)
    reactor.run()  # type: ignore[attr-defined]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --------------------------------------------------------------------------- the crawl


@dataclass
class Run:
    """One crawl's outputs, by page path."""

    name: str
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    rejects: dict[str, dict[str, Any]] = field(default_factory=dict)
    fetched: dict[str, int] = field(default_factory=dict)
    wall: float = 0.0
    returncode: int = 0


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def crawl(name: str, urls: list[str], work: Path, access_log: Path,
          settings: dict[str, str], folder: str = "") -> Run:
    """``scrapy crawl generic`` in a subprocess with the project's settings."""
    work.mkdir(parents=True)
    access_log.write_text("")
    feed, rejects = work / "out.jsonl", work / "out.rejects.jsonl"
    cmd = [sys.executable, "-m", "scrapy", "crawl", "generic", "-a", "url=" + ",".join(urls),
           "-O", str(feed), "-s", f"REJECTS_URI={rejects}",
           "-s", f"STATE_URI={work / 'state.sqlite3'}", "-s", "DOWNLOAD_DELAY=0",
           "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO",
           "-s", f"LOG_FILE={work / 'crawl.log'}"]
    for key, value in settings.items():
        cmd += ["-s", f"{key}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    run = Run(name, wall=time.perf_counter() - started, returncode=proc.returncode)
    if not feed.exists():
        raise RuntimeError(f"{name}: no feed ({proc.returncode}): {proc.stderr[-2000:]}")
    def path_of(url: str) -> str:  # a local file's path, as the server would serve it
        path = unquote(urlsplit(url).path)
        return path[len(folder):] if folder and path.startswith(folder + "/") else path

    run.items = {path_of(i["url"]): i for i in read_jsonl(feed)}
    run.rejects = {path_of(r.get("url", "")): r for r in read_jsonl(rejects)}
    if folder:
        run.fetched = dict.fromkeys((path_of(u) for u in urls), 200)
    for line in access_log.read_text(encoding="utf-8").splitlines():
        path, _, status = line.rpartition(" ")
        run.fetched[urlsplit(path).path] = int(status)
    return run


# --------------------------------------------------------------------------- scoring


def f1_of(precision: float | None, recall: float) -> float:
    p = precision or 0.0
    return 2 * p * recall / (p + recall) if p + recall else 0.0


def norm_title(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return " ".join(text.split())


@dataclass
class Score:
    path: str
    precision: float | None
    recall: float
    f1: float
    fate: str  # "exported", "empty", or the drop reason


def copy_of(run: Run, reject: dict[str, Any]) -> str | None:
    """The path of the exported page a ``duplicate`` reject is a copy of, if any."""
    original = (reject.get("duplicate_of") or {}).get("id")
    return next((p for p, item in run.items.items() if original and item.get("id") == original),
                None)


def score(run: Run, pages: dict[str, Page]) -> list[Score]:
    out = []
    for path, page in pages.items():
        item = run.items.get(path)
        if item is None:
            reject = run.rejects.get(path)
            if reject is not None:
                fate = f"dropped:{reject.get('reason')}"
                copy = copy_of(run, reject)
                if copy is not None:  # the same story served twice: its copy stands for it
                    body = run.items[copy].get("body") or ""
                    precision, recall, _ = page_scores(body, page.truth)
                    out.append(Score(path, precision, recall, f1_of(precision, recall),
                                     f"copy of {pages[copy].key} (exported)"))
                    continue
            elif path in run.fetched:
                fate = f"no item, no reject (HTTP {run.fetched[path]}: not judged a story)"
            else:
                fate = "never fetched"
            out.append(Score(path, None, 0.0, 0.0, fate))
            continue
        body = item.get("body") or ""
        precision, recall, _ = page_scores(body, page.truth)
        out.append(Score(path, precision, recall, f1_of(precision, recall),
                         "exported" if body.strip() else "empty"))
    return out


def totals(scores: list[Score]) -> tuple[float, float, float]:
    with_output = [s.precision for s in scores if s.precision is not None]
    p = statistics.fmean(with_output) if with_output else 0.0
    r = statistics.fmean(s.recall for s in scores)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(run: Run, pages: dict[str, Page], worst: int) -> list[Score]:
    scores = score(run, pages)
    p, r, f1 = totals(scores)
    exported = [s for s in scores if s.fate in ("exported", "empty")]
    copies = sum(s.fate.startswith("copy of") for s in scores)
    offline = statistics.fmean(pg.offline_f1 for pg in pages.values())
    print(f"\n== {run.name}: {len(pages)} pages, {len(exported)} exported, "
          f"{len(pages) - len(exported)} not ({copies} of them a copy of an exported page, "
          f"scored with its body); crawl exit {run.returncode}, "
          f"wall {run.wall:.1f} s ({len(run.fetched)} requests served)")
    print(f"  crawl  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   (mean page F1 "
          f"{statistics.fmean(s.f1 for s in scores):.3f}; offline pick_body mean page F1 "
          f"{offline:.3f})")
    lost = [s for s in scores if s.fate not in ("exported",)]
    print(f"  not exported or empty: {len(lost)}")
    for s in lost:
        reject = run.rejects.get(s.path, {})
        why = {k: v for k, v in reject.items() if k in ("reasons", "class", "match", "words",
                                                         "duplicate_of", "missing")}
        print(f"    {pages[s.path].key[:24]:24} {s.fate}  offline F1 "
              f"{pages[s.path].offline_f1:.3f}  {json.dumps(why, ensure_ascii=False)[:200]}")
    titled = [(path, pg) for path, pg in pages.items() if pg.title]
    if titled:
        hits = sum(norm_title(run.items[path].get("title") or "") == norm_title(pg.title or "")
                   for path, pg in titled if path in run.items)
        print(f"  title match: {hits}/{len(titled)} ({hits / len(titled):.3f}) of the pages "
              "with a truth title (exact after NFKC, case and quote folding); mismatches:")
        for path, pg in titled:
            got = (run.items.get(path) or {}).get("title") or ""
            want = pg.title or ""
            if path in run.items and norm_title(got) != norm_title(want):
                k = next((n for n, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
                         min(len(got), len(want)))
                cut = max(0, k - 30)  # from just before where they part
                print(f"    {pg.key[:24]:24} got {got[cut:cut + 70]!r}  truth "
                      f"{want[cut:cut + 70]!r}")
    worse = sorted((s for s in scores if s.fate == "exported"),
                   key=lambda s: s.f1 - pages[s.path].offline_f1)
    costly = [s for s in worse if s.f1 < pages[s.path].offline_f1 - 0.005]
    print(f"  exported pages scoring below offline pick_body: {len(costly)}")
    for s in costly[:max(worst, 20)]:
        item = run.items[s.path]
        print(f"    {pages[s.path].key[:24]:24} crawl F1 {s.f1:.3f} offline "
              f"{pages[s.path].offline_f1:.3f}  flags={item.get('flags')} "
              f"dateline={item.get('dateline')!r}")
    if worst:
        print(f"  worst {worst} by crawl F1")
        for s in sorted(scores, key=lambda s: s.f1)[:worst]:
            pr = "  -  " if s.precision is None else f"{s.precision:.3f}"
            print(f"    F1 {s.f1:.3f} P {pr} R {s.recall:.3f} offline "
                  f"{pages[s.path].offline_f1:.3f} {pages[s.path].key[:24]:24} {s.fate}")
    return scores


def ablate(base: list[Score], runs: list[tuple[str, Run]], pages: dict[str, Page]) -> None:
    by_path = {s.path: s for s in base}
    for stage, run in runs:
        scores = score(run, pages)
        _, _, f1 = totals(scores)
        moved = [(s, by_path[s.path]) for s in scores if abs(s.f1 - by_path[s.path].f1) > 0.005]
        print(f"\n  {stage} off: F1 {f1:.3f}; pages whose F1 it changes: {len(moved)} "
              "(with the stage -> without)")
        for off, on in sorted(moved, key=lambda m: m[1].f1 - m[0].f1):
            print(f"    {pages[off.path].key[:24]:24} {on.f1:.3f} ({on.fate}) -> "
                  f"{off.f1:.3f} ({off.fate})")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dataset directory")
    ap.add_argument("--mode", choices=("site", "urls", "files"), default="site")
    ap.add_argument("--paths", choices=tuple(PATH_STYLES), default="day",
                    help="where pages are served: /2024/05/12/<key>.html (day), "
                         "/<key>.html (flat) or /p/<n> (opaque)")
    ap.add_argument("--worst", type=int, default=10, help="list the N worst pages by F1")
    ap.add_argument("--ablate", action="store_true",
                    help="crawl again with each pipeline stage off; list the pages it moves")
    ap.add_argument("--keep", action="store_true", help="keep the site, feeds and logs")
    ap.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                    help="an extra Scrapy setting for every crawl")
    args = ap.parse_args(argv)
    data = args.data if args.data.is_absolute() else Path.cwd() / args.data
    extra = dict(s.split("=", 1) for s in args.settings)

    tmp = Path(tempfile.mkdtemp(prefix="extraction-crawl-"))
    port = free_port()
    pages = build_site(data, tmp / "site", port, args.mode, args.paths)
    layered = make_layered()
    for page in pages.values():
        blocks, _ = layered(parsel.Selector(text=page.html).root)
        page.offline_f1 = f1_of(*page_scores("\n".join(blocks), page.truth)[:2])
    log = tmp / "access.log"
    server = subprocess.Popen([sys.executable, __file__, "serve", str(tmp / "site"),
                               str(port), str(log)], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        server.stdout.readline()
        base = f"http://127.0.0.1:{port}"
        site = str(tmp / "site")
        urls = ([f"{base}/"] if args.mode == "site" else
                [site + p for p in pages] if args.mode == "files" else [base + p for p in pages])
        print(f"data: {data}  pages: {len(pages)}  mode: {args.mode}  paths: {args.paths}  "
              f"served at {base}")
        folder = site if args.mode == "files" else ""
        run = crawl(args.mode, urls, tmp / "run-all", log, extra, folder)
        base_scores = report(run, pages, args.worst)
        if args.ablate:
            runs = []
            for stage, setting in STAGES.items():
                runs.append((stage, crawl(f"{args.mode}, {stage} off", urls,
                                          tmp / f"run-no-{stage}", log,
                                          {**extra, setting: "False"}, folder)))
            ablate(base_scores, runs, pages)
    finally:
        server.terminate()
        server.wait(10)
        if args.keep:
            print(f"kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "serve":
        serve(Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
        sys.exit(0)
    sys.exit(main())
