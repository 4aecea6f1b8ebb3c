"""Per-item cost of each cleaning stage, outside the crawl, on the crawl benchmark's pages.

    .venv/bin/python benchmarks/stages.py [--pages 1000] [--repeat 1]

The pages are those ``benchmarks/bench_site.py`` generates (the same site the crawl
benchmark serves, error pages and near-copies included). Each page goes through the
stages in crawl order, each timed on its own, and the report gives the median and p95
in ms per item:

* ``extraction``: HTML parse plus ``ArticleParser.to_item()`` (JSON-LD, metadata, body);
* ``soft404``: the evidence and the verdict (``evidence_from_page`` + ``classify``, no probe);
* ``clean``: ``clean_fields``;
* ``repeated``: levels 1-4: paragraphs repeated within the page, learned boilerplate,
  exact and near duplicates (``DuplicateIndex.check_and_claim`` on a fresh SQLite store);
* ``export``: one JSON line through Scrapy's ``JsonLinesItemExporter``.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[0] = str(REPO)  # keep benchmarks/*.py from shadowing the standard library
sys.path.insert(1, str(REPO / "benchmarks"))

import argparse
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

from bench_site import Site
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


def timed(times: dict[str, list[float]], name: str, fn: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = fn()
    times.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    return result


def run(pages: int, repeat: int) -> dict[str, list[float]]:
    site = Site(pages, "http://127.0.0.1:8123")
    docs = [(site.base + site.path(n), site.story(n).encode())
            for n in range(pages) if site.kind[n] != "dead"]
    rules = default_rules()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(repeat):
            store = open_store(str(Path(tmp) / f"state-{r}.sqlite3"),
                               band_keys=stored_band_keys)
            index = DuplicateIndex(store, run="stages")
            chrome = SiteChrome(3)
            out = io.BytesIO()
            exporter = JsonLinesItemExporter(out, fields_to_export=EXPORT_FIELDS)
            for url, body in docs:
                response = HtmlResponse(url, body=body, encoding="utf-8", request=Request(url))
                item = timed(times, "extraction", lambda r=response: ArticleParser(r).to_item())
                adapter = ItemAdapter(item)
                page = adapter["evidence"]

                def soft404(page: Any = page, chrome: SiteChrome = chrome) -> Any:
                    ev = evidence_from_page(page, rules)
                    return classify(ev, None, chrome, rules)

                timed(times, "soft404", soft404)
                timed(times, "clean", lambda a=adapter: clean_fields(a))

                def repeated(a: ItemAdapter = adapter, index: DuplicateIndex = index) -> None:
                    kept, _ = collapse_repeats(split_paragraphs(a.get("body") or ""))
                    learnable_hashes(kept)
                    strip_boilerplate(kept, set())
                    a["body"] = "\n\n".join(kept)
                    index.check_and_claim(item_story(a), time.time())

                timed(times, "repeated", repeated)
                adapter["evidence"] = None
                timed(times, "export", lambda i=item, e=exporter: e.export_item(i))
            store.close()
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("--pages", type=int, default=1000, help="site pages to run (default 1000)")
    ap.add_argument("--repeat", type=int, default=1, help="passes over the pages")
    args = ap.parse_args(argv)
    times = run(args.pages, args.repeat)
    print(f"{'stage':<12} {'median ms':>10} {'p95 ms':>8} {'mean ms':>8}  items")
    total_median = 0.0
    for name, values in times.items():
        values.sort()
        median = statistics.median(values)
        total_median += median
        p95 = values[int(0.95 * (len(values) - 1))]
        print(f"{name:<12} {median:>10.2f} {p95:>8.2f} {statistics.fmean(values):>8.2f}  "
              f"{len(values)}")
    print(f"{'all':<12} {total_median:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
