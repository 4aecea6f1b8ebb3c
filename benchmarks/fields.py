"""Measure the metadata the generic parser gives on labelled real pages: title, description, date.

Each page goes through the real parser (``ArticleParser`` on an ``HtmlResponse`` with an
https URL, as the crawl hands it), loaded as ``benchmarks/extraction.py`` loads it. Reported
per dataset: the title equal to the ground truth's ``title`` (whitespace and quote marks
normalised; only datasets whose truth has titles), and equal to the page's headline (see
:func:`headline_match`), a ``description`` present, a
``published`` date present, and the pages that miss each.

Usage::

    .venv/bin/python benchmarks/fields.py [--data DIR ...] [--show KEY]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

from scrapy.http import HtmlResponse

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a plain script from any directory
    sys.path.insert(0, str(REPO))

from benchmarks.extraction import load_pages
from newscrawler.items import Article
from newscrawler.parsers.base import ArticleParser

# ../shared beside the checkout, or two levels up from a worktree
DATASETS = next((d / "shared" / "datasets" for d in (REPO.parent, REPO.parent.parent)
                 if (d / "shared" / "datasets").is_dir()), REPO.parent / "shared" / "datasets")
DEFAULT_DATA = [DATASETS / "extraction-dev-2", DATASETS / "extraction-dev"]
VISIBLE_HEADLINES = REPO / "benchmarks" / "data" / "visible_headlines.json"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"',
                         "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_SITE_PART = re.compile(r"\s*(?:[|\-–—:·»/\[(]|::)")


def normal(text: str | None) -> str:
    """A title as compared: NFKC, one kind of quote mark, whitespace folded."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def headline_match(item: Article, truth: str) -> bool:
    """Whether the title is a printed ``<h1>`` of the page that says what the truth title says.

    Readability's titles (extraction-dev-2's truth) keep a site suffix ("Story | Site") or
    take an SEO variant where the page prints another headline: such a title counts when
    the parser's title is an ``<h1>`` of the page sharing most of the truth title's words.
    """
    title, truth = normal(item.title), normal(truth)
    if truth.startswith(title) and _SITE_PART.match(truth[len(title):]) and len(title) > len(
            truth) / 2:
        return True  # the truth keeps the site's part after a separator
    h1s = {normal(h) for h in (item.evidence.h1s if item.evidence else ())}
    if title not in h1s:
        return False
    got, want = set(_WORD.findall(normal(item.title).casefold())), set(
        _WORD.findall(normal(truth).casefold()))
    return bool(got) and 2 * len(got & want) >= 0.6 * (len(got) + len(want))


def parse(key: str, url: str, html: str) -> Article:
    """The item the generic spider's parser makes of one saved page."""
    url = url if url.startswith("https://") else f"https://pages.example/{key}"
    response = HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8")
    return ArticleParser(response).to_item()


def _visible_headlines(dataset: str) -> dict[str, dict[str, str]]:
    """Hand-checked printed headlines of pages whose truth title is not the one printed."""
    labels = json.loads(VISIBLE_HEADLINES.read_text(encoding="utf-8"))
    return labels.get(dataset, {})


def share(count: int, total: int) -> str:
    return f"{count}/{total} ({count / total:.1%})" if total else "0/0"


def report(data: Path, show: str | None) -> None:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    rows: list[tuple[str, Article, str | None]] = []
    times = []
    for key, url, html, _body in load_pages(data):
        if show and not key.startswith(show):
            continue
        start = time.perf_counter()
        item = parse(key, url, html)
        times.append((time.perf_counter() - start) * 1000)
        rows.append((key, item, truth[key].get("title")))
    if show:
        for key, item, title in rows:
            print(f"== {key}\n truth title  {title!r}")
            for name in ("title", "subtitle", "description", "published", "modified"):
                print(f" {name:12} {getattr(item, name, None)!r}")
            print(f" body[:300]   {item.body[:300]!r}")
        return
    print(f"data: {data}  pages: {len(rows)}  parse+to_item ms/page median "
          f"{statistics.median(times):.1f}")
    titled = [(key, item, title) for key, item, title in rows if title]
    if titled:
        misses = [(key, item, title) for key, item, title in titled
                  if normal(item.title) != normal(title)]
        print(f"  title == truth title   {share(len(titled) - len(misses), len(titled))}")
        labels = _visible_headlines(data.name)
        off = [(key, item, title) for key, item, title in misses
               if not headline_match(item, title)
               and normal(item.title) != normal(labels.get(key, {}).get("headline"))]
        print(f"  title == headline      {share(len(titled) - len(off), len(titled))}"
              "  (the truth title, or a printed <h1> that is the truth's headline with the"
              " site part cut or lightly edited, or the page's hand-checked headline in"
              f" benchmarks/data/visible_headlines.json: {len(labels)} labels)")
        for key, item, want in misses:
            mark = "MISS" if (key, item, want) in off else "h1  "
            print(f"    {mark} {key[:24]:24} got {item.title!r}\n    {'':29} want {want!r}")
    else:
        print("  title present          "
              + share(sum(bool(item.title) for _k, item, _t in rows), len(rows))
              + "  (no titles in this truth)")
    for name in ("description", "published"):
        missing = [key for key, item, _t in rows if not getattr(item, name, None)]
        print(f"  {name:11} present    {share(len(rows) - len(missing), len(rows))}")
        if missing:
            print("    missing: " + " ".join(k[:24] for k in missing))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, nargs="+", default=DEFAULT_DATA,
                    help="dataset directories")
    ap.add_argument("--show", metavar="KEY", help="print the fields of the pages whose key starts so")
    args = ap.parse_args(argv)
    for data in args.data:
        report(data if data.is_absolute() else Path.cwd() / data, args.show)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
