"""Measure the soft-404 stage: precision/recall of drops on the labelled corpus, speed, and
drops on real articles.

Precision and recall are over *drops* (any class but ``ok``): a real story dropped is a
false positive. Speed is the classification itself (evidence from the already parsed
tree and extracted blocks, then the verdict), median ms per page. The real-article check
runs the 93 pages of ``../shared/datasets/extraction-dev`` (status 200, no probe): every
drop there is a real story lost.

Usage::

    .venv/bin/python benchmarks/soft404.py [--data DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# this folder holds scripts named like stdlib modules (inspect.py): search it last
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
for path in (REPO, REPO / "tests", REPO / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.append(str(path))

from extraction import DEFAULT_DATA, load_pages
from scrapy import Request
from scrapy.http import HtmlResponse
from soft404_corpus import cases, judge

from newscrawler.parsers.base import ArticleParser
from newscrawler.parsers.evidence import page_evidence_of
from newscrawler.pipelines.soft404 import evidence_from_page
from newscrawler.soft404 import classify
from newscrawler.soft404.rules import normalize
from newscrawler.soft404.words import story_words


def clear_caches() -> None:
    story_words.cache_clear()
    normalize.cache_clear()


def timed(case_or_parser, repeat: int) -> float:
    """Median ms of evidence + verdict, on a parser whose tree and blocks are cached."""
    times = []
    for _ in range(repeat):
        clear_caches()  # every page is new in a crawl: time it cold
        start = time.perf_counter()
        judge(case_or_parser)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    tp = fp = fn = tn = 0
    wrong: list[str] = []
    per_class: Counter[tuple[str, str]] = Counter()
    banner_total = banner_ok = 0
    ms: list[float] = []
    for case in cases():
        case.parser.extracted_blocks  # parsed once, as the spider does  # noqa: B018
        _ev, verdict = judge(case)
        ms.append(timed(case, args.repeat))
        expected_drop = case.expected != "ok"
        if verdict.dropped and expected_drop:
            tp += 1
        elif verdict.dropped:
            fp += 1
        elif expected_drop:
            fn += 1
        else:
            tn += 1
        per_class[(case.expected, verdict.cls)] += 1
        if verdict.cls != case.expected:
            wrong.append(f"{case.label['file']}: expected {case.expected}, got {verdict.cls}")
        if case.label["kind"] == "banner":
            banner_total += 1
            banner_ok += verdict.cls == "ok" and verdict.banner
    pages = tp + fp + fn + tn
    print(f"corpus: {pages} pages, {tp + fn} to drop, {fp + tn} real stories")
    print(f"  precision of drops {tp / max(1, tp + fp):.4f}  recall {tp / max(1, tp + fn):.4f}"
          f"  exact class {pages - len(wrong)}/{pages}")
    print(f"  seed-like banner pages kept with banner stripped: {banner_ok}/{banner_total}")
    print(f"  classification ms/page: median {statistics.median(ms):.2f}, "
          f"p95 {sorted(ms)[int(0.95 * len(ms))]:.2f}")
    for line in wrong[:20]:
        print("  WRONG", line)

    if args.data.is_dir():
        drops = []
        real_ms = []
        total = 0
        for key, url, text, _truth in load_pages(args.data):
            total += 1
            response = HtmlResponse(url or f"https://example.com/{key}.html", status=200,
                                    body=text.encode("utf-8"), encoding="utf-8",
                                    request=Request(url or f"https://example.com/{key}.html"))
            page = ArticleParser(response)
            page.extracted_blocks  # noqa: B018
            page.meta  # noqa: B018
            clear_caches()
            start = time.perf_counter()
            verdict = classify(evidence_from_page(page_evidence_of(page)))
            real_ms.append((time.perf_counter() - start) * 1000)
            if verdict.dropped:
                drops.append(f"{key} {verdict.cls} {verdict.reasons} {verdict.residual_words}")
        print(f"extraction-dev: {len(drops)} of {total} real articles dropped; "
              f"ms/page median {statistics.median(real_ms):.2f}")
        for line in drops:
            print("  DROPPED", line)
    else:
        print(f"extraction-dev: not found at {args.data}, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
