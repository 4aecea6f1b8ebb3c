"""End to end: copies of one story across a local site, in one run and the next."""

from __future__ import annotations

import json
from pathlib import Path

from newscrawler.demo.server import start_server

from conftest import read_jsonl, run_crawl, validate

LEAD = ("Northwind Rail said on Monday it would buy 40 hybrid locomotives from Corvel "
        "Motors for $610 million, its largest order in a decade.")
BODY = [
    ("The locomotives will replace diesel units on freight routes between Chicago and Denver "
    "from 2027, cutting fuel use on those lines by about a third, the company said."),
    ('"Our customers asked for lower emissions without slower trains," said chief executive '
    "Ines Halloran. \"This order gives them both.\""),
    ("Analysts said the price looked reasonable given rising fuel costs, and Northwind shares "
    "rose 3.1% in early trading. Corvel will build the units at its plant in Erie."),
]
OTHER = [
    ("Saltmarsh Brewing recalled two batches of its pale ale after a labelling error left an "
    "allergen off the cans sold in six states."),
    ("The brewer said no illnesses had been reported and that customers could return the cans "
    "for a full refund at any store that sold them."),
    "The recall covers about 18,000 cans packed in March at the company's Portland brewery.",
]


def dividend(co: str, ticker: str, amount: str, pay: str) -> list[str]:
    return [
        (f"{co} (NYSE: {ticker}) announced today that its Board of Directors declared a regular "
        f"quarterly cash dividend of {amount} per share on the company's common stock."),
        (f"The dividend is payable on {pay}, 2025 to shareholders of record at the close of "
        "business thirty days earlier, the company said in a statement on Monday."),
    ]


PAGES = {
    "/news/northwind-order.html": ("Northwind Rail orders 40 hybrid locomotives",
                                   [f"CHICAGO (Harbour Wire) -- {LEAD}", *BODY]),
    "/wire/update-1-northwind.html": (
        "UPDATE 1-Northwind Rail orders 40 hybrid locomotives",
        [f"DENVER (Harbour Wire) -- {LEAD}", *BODY,
         "(Reporting by Tamsin Okafor; editing by Luis Novak)"]),
    "/m/northwind-order.html": ("Northwind Rail orders 40 hybrid locomotives",
                                [f"(MENAFN- EIN Presswire) {LEAD}", *BODY, *BODY]),
    "/news/saltmarsh-recall.html": ("Saltmarsh Brewing recalls pale ale", OTHER),
    "/wire/saltmarsh-recall.html": ("Saltmarsh Brewing recalls pale ale", OTHER[:2]),
    "/news/acme-dividend.html": ("Acme declares dividend",
                                 dividend("Acme Corp", "ACM", "$0.25", "June 3")),
    "/news/beta-dividend.html": ("Beta declares dividend",
                                 dividend("Beta Inc", "BTA", "$0.40", "July 1")),
}
CLUSTERS = [
    {"/news/northwind-order.html", "/wire/update-1-northwind.html", "/m/northwind-order.html"},
    {"/news/saltmarsh-recall.html", "/wire/saltmarsh-recall.html"},
    {"/news/acme-dividend.html"},
    {"/news/beta-dividend.html"},
]


def build_site(root: Path) -> None:
    for path, (title, paragraphs) in PAGES.items():
        page = root / path.lstrip("/")
        page.parent.mkdir(parents=True, exist_ok=True)
        ld = json.dumps({"@type": "NewsArticle", "headline": title,
                         "datePublished": "2025-04-28T07:00:00-04:00"})
        paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
        page.write_text(
            f'<!DOCTYPE html><html lang="en"><head><title>{title}</title>'
            f'<script type="application/ld+json">{ld}</script></head>'
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>",
            encoding="utf-8",
        )
    urls = "".join(f"<url><loc>{{{{BASE}}}}{p}</loc></url>" for p in PAGES)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>', encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\nSitemap: {{BASE}}/sitemap.xml\n")


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_one_copy_per_cluster_then_nothing_again(tmp_path):
    root = tmp_path / "site"
    build_site(root)
    work = tmp_path / "work"
    work.mkdir()
    settings = {"STATE_URI": f"sqlite:///{tmp_path}/state/dedup.sqlite3"}
    with start_server(root=root) as server:
        first = run_crawl("generic", work, f"url={server.base_url}/sitemap.xml",
                          settings=settings)
        assert first.returncode == 0, first.log[-2000:]
        validate(first.items)
        rejects = read_jsonl(work / "out.rejects.jsonl")
        kept = {path_of(i["url"]): i for i in first.items}
        for cluster in CLUSTERS:
            assert len(cluster & set(kept)) == 1, cluster
        ids = {item["id"]: item for item in first.items}
        duplicates = [r for r in rejects if r["reason"] == "duplicate"]
        assert len(duplicates) == len(PAGES) - len(CLUSTERS)
        for reject in duplicates:
            cluster = next(c for c in CLUSTERS if path_of(reject["url"]) in c)
            original = ids[reject["duplicate_of"]["id"]]
            assert path_of(original["url"]) in cluster
            assert reject["cluster_id"] == original["cluster_id"] == original["id"]
            assert reject["match"] in ("exact", "near")
            assert 0 < reject["similarity"] <= 1
        doubled = kept.get("/m/northwind-order.html")
        if doubled is not None:
            assert "repeated_paragraphs_removed" in doubled["flags"]
        assert first.stat("dupes/exact") + first.stat("dupes/near") == len(duplicates)

        (work / "out.rejects.jsonl").unlink()
        second = run_crawl("generic", work, f"url={server.base_url}/sitemap.xml",
                           settings=settings)
        assert second.returncode == 0
        assert second.items == []
        # the stories exported are not fetched again; their copies are, and dropped again
        # (the sitemap is read twice: as the seed and from robots.txt)
        assert second.stat("incremental/skipped_exported") == 2 * len(CLUSTERS)
        again = read_jsonl(work / "out.rejects.jsonl")
        assert {r["reason"] for r in again} == {"duplicate"}
        assert len(again) == len(PAGES) - len(CLUSTERS)
        assert second.stat("dupes/already_exported") == len(PAGES) - len(CLUSTERS)


def test_mark_policy_keeps_copies_marked(tmp_path):
    root = tmp_path / "site"
    build_site(root)
    with start_server(root=root) as server:
        result = run_crawl("generic", tmp_path, f"url={server.base_url}/sitemap.xml",
                           settings={"DUPLICATES_POLICY": "mark"})
    assert result.returncode == 0, result.log[-2000:]
    validate(result.items)
    assert len(result.items) == len(PAGES)
    marked = [i for i in result.items if i["duplicate_of"]]
    assert len(marked) == len(PAGES) - len(CLUSTERS)
    assert len({i["cluster_id"] for i in result.items}) == len(CLUSTERS)
    assert (tmp_path / ".newscrawler" / "state.sqlite3").exists()  # the default STATE_URI
