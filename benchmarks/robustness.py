"""How much does the generic extractor lean on cues that happen to work on the dev pages?

Each dataset page is parsed (as the parser does), perturbed in one way unseen pages
differ from the dev pages, and extracted with ``pick_body(jsonld, dom)`` plus the story
fallbacks (mode (b) of ``benchmarks/extraction.py``). Perturbations (deterministic, seeded):

- ``none``: the page as it is (the baseline);
- ``classes``: every class/id value replaced by a random token (the same token for the
  same value, so grouping stays): shows reliance on class/id words;
- ``no-jsonld``: every ``<script type="application/ld+json">`` removed;
- ``no-meta``: og:/twitter:/description ``<meta>`` removed;
- ``no-semantic``: article/main/aside/nav/header/footer/section renamed to div, ARIA
  ``role`` attributes removed (older CMS pages are all divs);
- ``wrapped``: every ``<p>`` wrapped in two extra ``<div>`` (React/CMS wrapper stacks);
- ``all``: classes + no-semantic together.

With ``--trafilatura`` (PYTHONPATH=/tmp/trafi:/tmp/bench_trafi_extra) trafilatura is run on
the perturbed tree serialized by ``lxml.html.tostring``, as a reference for what a less
tuned extractor loses. Usage::

    .venv/bin/python benchmarks/robustness.py [--data DIR ...] [--only P,...] [--moved N]
        [--trafilatura]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

import lxml.html
import parsel

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a plain script from any directory
    sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import load_pages, make_layered, page_scores, trafilatura_mode

DATASETS = [REPO.parent.parent / "shared" / "datasets" / n for n in ("extraction-dev", "extraction-dev-2")]
SEED = 16
SEMANTIC = ("article", "main", "aside", "nav", "header", "footer", "section")
META_PREFIXES = ("og:", "twitter:", "article:")


def _token(rng: random.Random, table: dict[str, str], value: str) -> str:
    if value not in table:
        table[value] = "x" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7))
    return table[value]


def p_classes(root: lxml.html.HtmlElement) -> None:
    rng, table = random.Random(SEED), {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("class", "id"):
            value = el.get(attr)
            if value is None:
                continue
            if attr == "class":  # per class word, so shared words still group elements
                el.set(attr, " ".join(_token(rng, table, w) for w in value.split()))
            else:
                el.set(attr, _token(rng, table, value))


def p_no_jsonld(root: lxml.html.HtmlElement) -> None:
    for el in list(root.iter("script")):
        if (el.get("type") or "").strip().lower() == "application/ld+json":
            el.drop_tree()


def p_no_meta(root: lxml.html.HtmlElement) -> None:
    for el in list(root.iter("meta")):
        name = (el.get("property") or el.get("name") or "").strip().lower()
        if name.startswith(META_PREFIXES) or name == "description":
            el.drop_tree()


def p_no_semantic(root: lxml.html.HtmlElement) -> None:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in SEMANTIC:
            el.tag = "div"
        if "role" in el.attrib:
            del el.attrib["role"]


def p_wrapped(root: lxml.html.HtmlElement) -> None:
    for p in list(root.iter("p")):
        parent = p.getparent()
        if parent is None:
            continue
        outer = lxml.html.Element("div")
        inner = lxml.html.Element("div")
        outer.append(inner)
        outer.tail, p.tail = p.tail, None
        parent.replace(p, outer)
        inner.append(p)


def p_all(root: lxml.html.HtmlElement) -> None:
    p_classes(root)
    p_no_semantic(root)


PERTURBATIONS: dict[str, Callable[[lxml.html.HtmlElement], None] | None] = {
    "none": None,
    "classes": p_classes,
    "no-jsonld": p_no_jsonld,
    "no-meta": p_no_meta,
    "no-semantic": p_no_semantic,
    "wrapped": p_wrapped,
    "all": p_all,
}


def corpus_f1(scores: list[tuple[float | None, float]]) -> float:
    """The benchmark's F1: P averaged over pages with output, R over all pages."""
    with_output = [p for p, _ in scores if p is not None]
    p = statistics.fmean(with_output) if with_output else 0.0
    r = statistics.fmean(r for _, r in scores)
    return 2 * p * r / (p + r) if p + r else 0.0


def page_f1(p: float | None, r: float) -> float:
    p = p or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, nargs="*", default=DATASETS, help="dataset directories")
    ap.add_argument("--only", help="comma-separated perturbations (default: all)")
    ap.add_argument("--moved", type=int, default=8, help="list the N pages that lose most")
    ap.add_argument("--trafilatura", action="store_true", help="also run trafilatura")
    args = ap.parse_args(argv)

    names = args.only.split(",") if args.only else list(PERTURBATIONS)
    if "none" not in names:
        names.insert(0, "none")
    layered = make_layered()
    traf = trafilatura_mode() if args.trafilatura else None
    if args.trafilatura and traf is None:
        print("trafilatura is not importable; skipping it", file=sys.stderr)

    for data in args.data:
        pages = list(load_pages(data))
        ours: dict[str, dict[str, tuple[float | None, float]]] = {n: {} for n in names}
        theirs: dict[str, dict[str, tuple[float | None, float]]] = {n: {} for n in names}
        urls = {}
        for key, url, html, truth in pages:
            urls[key] = url
            for name in names:
                root = parsel.Selector(text=html).root
                func = PERTURBATIONS[name]
                if func is not None:
                    func(root)
                blocks, _source = layered(root)
                p, r, _ = page_scores("\n".join(blocks), truth)
                ours[name][key] = (p, r)
                if traf is not None:
                    text = html if func is None else lxml.html.tostring(root, encoding="unicode")
                    blocks, _ = traf(text)
                    p, r, _ = page_scores("\n".join(blocks), truth)
                    theirs[name][key] = (p, r)
        print(f"\n{data.name}  ({len(pages)} pages)")
        head = f"  {'perturbation':12} {'ours F1':>8} {'delta':>7}"
        if traf is not None:
            head += f" {'trafi F1':>9} {'delta':>7}"
        print(head)
        base = corpus_f1(list(ours["none"].values()))
        tbase = corpus_f1(list(theirs["none"].values())) if traf is not None else 0.0
        for name in names:
            f1 = corpus_f1(list(ours[name].values()))
            line = f"  {name:12} {f1:8.3f} {f1 - base:+7.3f}"
            if traf is not None:
                tf1 = corpus_f1(list(theirs[name].values()))
                line += f" {tf1:9.3f} {tf1 - tbase:+7.3f}"
            print(line)
        for name in names[1:]:
            drops = sorted(
                ((page_f1(*ours[name][k]) - page_f1(*ours["none"][k]), k) for k in ours[name]),
            )[: args.moved]
            drops = [(d, k) for d, k in drops if d < -0.01]
            if not drops:
                continue
            print(f"  pages that lose most under {name}:")
            for d, k in drops:
                print(f"    {d:+.3f}  {page_f1(*ours['none'][k]):.3f} -> {page_f1(*ours[name][k]):.3f}"
                      f"  {k[:16]} {urls[k]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
