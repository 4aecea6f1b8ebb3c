"""Measure the generic article-body extractor on the extraction-dev dataset.

Quality follows the dataset README (scrapinghub article-extraction-benchmark
metric): ``\\w+`` tokens, 4-token shingles, per-page multiset precision/recall,
P averaged over pages with output, R over all pages. Speed is wall time per
page for parsing (as Scrapy/parsel parses), extraction, and both together.

Usage::

    .venv/bin/python benchmarks/extraction.py [--data DIR] [--worst N] [--show KEY]
        [--compare-trafilatura] [--repeat N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import parsel
from w3lib.encoding import html_to_unicode

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a plain script from any directory
    sys.path.insert(0, str(REPO))

from newscrawler.extract.body import extract_body
from newscrawler.extract.fallback import story_fallbacks
from newscrawler.extract.structured import pick_body

DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "extraction-dev"
TOKEN_RE = re.compile(r"\w+")
SHINGLE = 4


# --------------------------------------------------------------------------- metric


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """4-token shingles as a multiset; 1-3 tokens make one shorter shingle."""
    tokens = TOKEN_RE.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_scores(extracted: str, truth: str) -> tuple[float | None, float, bool]:
    """(precision or None when there is no output, recall, exact token match)."""
    ext, ref = shingles(extracted), shingles(truth)
    tp = sum((ext & ref).values())
    fp = sum(ext.values()) - tp
    fn = sum(ref.values()) - tp
    precision = 1.0 if tp + fp == 0 and fn == 0 else (tp / (tp + fp) if tp + fp else None)
    recall = 1.0 if fn == 0 and fp == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    exact = TOKEN_RE.findall(extracted) == TOKEN_RE.findall(truth)
    return precision, recall, exact


@dataclass
class Result:
    """Per-page outcome of one extraction mode."""

    key: str
    url: str
    text: str
    precision: float | None
    recall: float
    exact: bool
    extract_ms: float
    source: str = ""

    @property
    def f1(self) -> float:
        p = self.precision or 0.0
        return 2 * p * self.recall / (p + self.recall) if p + self.recall else 0.0


@dataclass
class Mode:
    """A named extraction function and the results it got."""

    name: str
    func: Callable[[Any], tuple[list[str], str]]
    results: list[Result] = field(default_factory=list)
    takes_html: bool = False
    """``func`` is given the page's text and parses it itself (its time includes a parse)."""


# --------------------------------------------------------------------------- data


def decode(raw: bytes) -> str:
    """Decode as a browser would: BOM, <meta charset>/http-equiv, else utf-8 (replacing)."""
    _encoding, text = html_to_unicode(None, raw)
    return text


def load_pages(data: Path) -> Iterator[tuple[str, str, str, str]]:
    """Yield (key, url, html text, truth body) for every page of the dataset."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes())
        yield key, truth[key].get("url", ""), decode(raw), truth[key]["articleBody"]


# --------------------------------------------------------------------------- JSON-LD


def _find_article_body(node: Any) -> str | None:
    """Depth-first search for the first articleBody string (key case-insensitive)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.lower() == "articlebody" and isinstance(value, str) and value.strip():
                return value
        for value in node.values():
            if isinstance(value, dict | list):
                found = _find_article_body(value)
                if found:
                    return found
    elif isinstance(node, list):
        for item in node:
            found = _find_article_body(item)
            if found:
                return found
    return None


_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
_CONTROL_RE = re.compile(r"[\x00-\x1f]")


def jsonld_article_body(root: lxml.html.HtmlElement) -> str | None:
    """Benchmark-local stand-in for the project's JSON-LD reader: first articleBody."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if raw.startswith("<!--"):
            raw = raw.removeprefix("<!--").removesuffix("-->").strip()
        data: Any = None
        for candidate in (raw, _TRAILING_COMMA_RE.sub(r"\1", raw)):
            try:
                data = json.loads(candidate, strict=False)
                break
            except ValueError:
                continue
        if data is None:
            try:  # raw newlines/tabs inside strings are the usual breakage
                data = json.loads(_CONTROL_RE.sub(" ", raw), strict=False)
            except ValueError:
                continue
        found = _find_article_body(data)
        if found:
            return found
    return None


def _jsonld_func() -> Callable[[lxml.html.HtmlElement], str | None]:
    """Prefer the project's JSON-LD module when it exists and exposes articleBody."""
    try:
        from newscrawler.extract import jsonld  # type: ignore[attr-defined]
    except ImportError:
        return jsonld_article_body
    func = getattr(jsonld, "article_body", None)
    return func if callable(func) else jsonld_article_body


# --------------------------------------------------------------------------- modes


def generic(root: lxml.html.HtmlElement) -> tuple[list[str], str]:
    return extract_body(root), "dom"


def make_layered() -> Callable[[lxml.html.HtmlElement], tuple[list[str], str]]:
    article_body = _jsonld_func()

    def layered(root: lxml.html.HtmlElement) -> tuple[list[str], str]:
        # as the parser does: JSON-LD or the DOM, else the page's app-shell data
        blocks, source = pick_body(article_body(root), extract_body(root))
        fuller = story_fallbacks(root, blocks, story=True)  # every page here is a story
        return fuller, source if fuller is blocks else "fallback"

    return layered


def trafilatura_mode() -> Callable[[str], tuple[list[str], str]] | None:
    try:
        import trafilatura  # type: ignore[import-not-found]
    except ImportError:
        return None

    def run(html: str) -> tuple[list[str], str]:
        # given the page's text, as it is used: its time includes its own parse
        text = trafilatura.extract(html, include_comments=False)
        return ([text] if text else []), "trafilatura"

    return run


# --------------------------------------------------------------------------- report


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(mode: Mode, parse_ms: dict[str, float]) -> str:
    res = mode.results
    with_output = [r.precision for r in res if r.precision is not None]
    p = statistics.fmean(with_output) if with_output else 0.0
    r = statistics.fmean(x.recall for x in res)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(x.exact for x in res) / len(res)
    ext = [x.extract_ms for x in res]
    par = [parse_ms[x.key] for x in res]
    tot = [parse_ms[x.key] + x.extract_ms for x in res]
    sources = Counter(x.source for x in res)
    lines = [
        f"{mode.name}  ({len(res)} pages, {len(with_output)} with output; sources "
        + ", ".join(f"{k}={v}" for k, v in sorted(sources.items()))
        + ")",
        f"  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  accuracy {acc:.3f}",
        "  ms/page          median    p95",
    ]
    if mode.takes_html:  # it parsed the page itself: one figure
        lines.append(f"  parse+extract  {statistics.median(ext):8.2f} {pct(ext, 0.95):7.2f}")
    else:
        lines += [
            f"  parse          {statistics.median(par):8.2f} {pct(par, 0.95):7.2f}",
            f"  extract        {statistics.median(ext):8.2f} {pct(ext, 0.95):7.2f}",
            f"  parse+extract  {statistics.median(tot):8.2f} {pct(tot, 0.95):7.2f}",
        ]
    return "\n".join(lines)


def timed(func: Callable[[], Any], repeat: int) -> tuple[Any, float]:
    """Run ``func`` ``repeat`` times; return its last result and the median ms."""
    times = []
    out = None
    for _ in range(repeat):
        start = time.perf_counter()
        out = func()
        times.append((time.perf_counter() - start) * 1000)
    return out, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dataset directory")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages by F1")
    ap.add_argument("--show", metavar="KEY", help="print extracted vs truth for one page")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per page (median)")
    ap.add_argument("--compare-trafilatura", action="store_true", help="also time trafilatura")
    args = ap.parse_args(argv)

    data = args.data if args.data.is_absolute() else (Path.cwd() / args.data)
    modes = [
        Mode("(a) generic extract_body", generic),
        Mode("(b) pick_body(jsonld, dom)", make_layered()),
    ]
    if args.compare_trafilatura:
        traf = trafilatura_mode()
        if traf is None:
            print("trafilatura is not importable; skipping the comparison", file=sys.stderr)
        else:
            modes.append(Mode("(c) trafilatura (parses the page itself)", traf, takes_html=True))

    parse_ms: dict[str, float] = {}
    raw_parse_ms: list[float] = []
    truths: dict[str, str] = {}
    for key, url, html, truth in load_pages(data):
        if args.show and not key.startswith(args.show):
            continue
        truths[key] = truth
        selector, parse_ms[key] = timed(lambda html=html: parsel.Selector(text=html), args.repeat)
        _, raw = timed(lambda html=html: lxml.html.document_fromstring(html), args.repeat)
        raw_parse_ms.append(raw)
        root = selector.root
        for mode in modes:
            given = html if mode.takes_html else root
            (blocks, source), ms = timed(lambda g=given, mode=mode: mode.func(g), args.repeat)
            text = "\n".join(blocks)
            precision, recall, exact = page_scores(text, truth)
            mode.results.append(Result(key, url, text, precision, recall, exact, ms, source))

    if not truths:
        print("no pages found", file=sys.stderr)
        return 1

    if args.show:
        if len(truths) > 1:
            print(f"--show {args.show!r} matches {len(truths)} pages", file=sys.stderr)
            return 1
        for mode in modes:
            res = mode.results[0]
            print(f"===== {mode.name} [{res.source}]  P={res.precision} R={res.recall:.3f}")
            print(res.text)
        print("===== truth  " + modes[0].results[0].url)
        print(next(iter(truths.values())))
        return 0

    print(f"data: {data}  pages: {len(truths)}  timing: median of {args.repeat} runs per page")
    print(
        f"raw lxml.html.document_fromstring parse ms/page: median {statistics.median(raw_parse_ms):.2f}"
        f"  p95 {pct(raw_parse_ms, 0.95):.2f}"
    )
    for mode in modes:
        print()
        print(summary(mode, parse_ms))
    if len(modes) > 2:
        ours = statistics.median(parse_ms[r.key] + r.extract_ms for r in modes[1].results)
        theirs = statistics.median(r.extract_ms for r in modes[2].results)
        print(f"\nspeed: ours {ours:.2f} ms vs trafilatura {theirs:.2f} ms per page, "
              f"{theirs / ours:.2f} x (medians; both include parsing the page: ours parsel's "
              "parse + pick_body, trafilatura.extract given the page's text; target >= 2.5 x)")
    if args.worst:
        for mode in modes:
            print(f"\nworst {args.worst} by F1 - {mode.name}")
            for res in sorted(mode.results, key=lambda x: x.f1)[: args.worst]:
                p = "  -  " if res.precision is None else f"{res.precision:.3f}"
                print(
                    f"  F1 {res.f1:.3f} P {p} R {res.recall:.3f} {res.source:6} {res.key[:16]} {res.url}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
