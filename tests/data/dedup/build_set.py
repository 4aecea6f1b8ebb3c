"""Build the labelled set for the repeated-content stages (deterministic; run by hand).

    .venv/bin/python tests/data/dedup/build_set.py [--out DIR]

writes ``set.jsonl`` beside this file (or in DIR): one line per page as a crawler would
see its body (dateline, wire tail, site boilerplate, doubled paragraphs and
all), with the truth: ``cluster`` (copies of one story share it), ``story``
(the story paragraphs, which no stage may strip), ``doubled`` (the page prints
paragraphs or blocks twice) and ``template_of`` (templated releases: the
other release of the pair, which is a *different* story).

All text is generated here from word lists written for this set.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20250425

SYL = ["ar", "bel", "cor", "dun", "el", "fen", "gal", "hol", "ir", "jas", "kel", "lum", "mor",
       "nor", "ol", "pra", "quin", "ros", "sel", "tor", "ul", "ven", "wes", "yar", "zan"]
SUFFIX = ["Holdings", "Systems", "Biotics", "Energy", "Foods", "Logistics", "Capital", "Labs",
          "Minerals", "Networks", "Therapeutics", "Materials", "Robotics", "Bank", "Motors"]
CITIES = [("NEW YORK", "New York"), ("CHICAGO", "Chicago"), ("AUSTIN, Texas", "Austin"),
          ("BOSTON", "Boston"), ("DENVER", "Denver"), ("SEATTLE", "Seattle"),
          ("TORONTO", "Toronto"), ("LONDON", "London"), ("DUBLIN, Ohio", "Dublin"),
          ("PALO ALTO, Calif.", "Palo Alto"), ("ATLANTA", "Atlanta"), ("MIAMI", "Miami")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FIRST = ["Ana", "Bram", "Chidi", "Dana", "Eliska", "Farid", "Greta", "Hiro", "Ines", "Jonah",
         "Kavya", "Luis", "Maren", "Nils", "Odile", "Pavel", "Rosa", "Soren", "Tamsin", "Umar"]
LAST = ["Achterberg", "Bellamy", "Castellano", "Drummond", "Eze", "Fairweather", "Gundersen",
        "Halloran", "Iwata", "Jaramillo", "Kowalczyk", "Lindqvist", "Mbeki", "Novak", "Okafor",
        "Pellegrini", "Quartey", "Rasmussen", "Sandoval", "Thorsen"]
ROLES = ["chief executive", "chief financial officer", "head of research", "president",
         "chief operating officer", "managing director", "senior analyst"]
NOUNS = ["plant", "pipeline", "platform", "fleet", "warehouse network", "clinical program",
         "data center", "retail chain", "battery line", "software suite", "loan book",
         "mine", "refinery", "port terminal", "satellite service", "vaccine candidate",
         "charging network", "grain terminal", "semiconductor fab", "payments app"]
VERBS = ["expand", "sell", "restructure", "modernise", "acquire", "close", "relaunch", "fund",
         "spin off", "automate", "upgrade", "license", "consolidate", "rebuild", "test"]
ADJ = ["regional", "national", "flagship", "second", "new", "older", "largest", "experimental",
       "offshore", "rural", "cross-border", "low-cost", "premium", "mid-sized"]
GROUPS = ["analysts", "regulators", "investors", "unions", "customers", "suppliers",
          "local officials", "rating agencies", "lenders", "shareholders"]
REACT = ["welcomed the plan", "asked for more detail", "raised concerns about the timeline",
         "said the price looked high", "expect further cuts", "questioned the financing",
         "pointed to weaker demand", "expect approval within months",
         "noted the company's strong cash position", "warned of execution risk"]
WHEN = ["by the end of the year", "over the next three years", "in the first half of 2026",
        "before the summer", "within eighteen months", "by 2028", "later this quarter"]
WHY = ["to cut costs", "to meet rising demand", "after a review of its operations",
       "to comply with new rules", "to reduce debt", "to enter new markets",
       "following pressure from investors", "to shorten delivery times"]


def company(r: random.Random) -> str:
    name = "".join(r.choice(SYL) for _ in range(r.choice((2, 3)))).capitalize()
    return f"{name} {r.choice(SUFFIX)}"


def person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def sentence(r: random.Random, co: str) -> str:
    kind = r.randrange(8)
    if kind == 0:
        return (f"{co} said it would {r.choice(VERBS)} its {r.choice(ADJ)} {r.choice(NOUNS)} "
                f"{r.choice(WHEN)} {r.choice(WHY)}.")
    if kind == 1:
        return (f"The {r.choice(NOUNS)} in {r.choice(CITIES)[1]} employs about "
                f"{r.randrange(80, 9000):,} people and handled {r.randrange(2, 95)} percent of "
                f"the group's {r.choice(('sales', 'output', 'volume', 'revenue'))} last year.")
    if kind == 2:
        return (f"\"We have spent {r.choice(('two', 'three', 'five', 'several'))} years getting "
                f"the {r.choice(ADJ)} {r.choice(NOUNS)} ready, and the numbers now support "
                f"it,\" said {person(r)}, {r.choice(ROLES)} of {co.split()[0]}.")
    if kind == 3:
        return (f"{r.choice(GROUPS).capitalize()} {r.choice(REACT)}, and shares of {co.split()[0]} "
                f"{r.choice(('rose', 'fell', 'were little changed at'))} "
                f"{r.randrange(1, 14)}.{r.randrange(10)}% in {r.choice(('early', 'late', 'midday'))} "
                "trading.")
    if kind == 4:
        return (f"The company expects to spend ${r.randrange(12, 900)} million on the "
                f"{r.choice(NOUNS)} and to {r.choice(VERBS)} a {r.choice(ADJ)} "
                f"{r.choice(NOUNS)} {r.choice(WHEN)}.")
    if kind == 5:
        return (f"{person(r)} of {company(r)} said the move could {r.choice(VERBS)} "
                f"{r.choice(('competition', 'prices', 'margins', 'hiring', 'investment'))} "
                f"across the {r.choice(ADJ)} market {r.choice(WHEN)}.")
    if kind == 6:
        return (f"It follows a {r.choice(('failed', 'delayed', 'costly', 'successful'))} attempt "
                f"to {r.choice(VERBS)} the {r.choice(NOUNS)} in {r.choice(MONTHS)}, when "
                f"{r.choice(GROUPS)} {r.choice(REACT)}.")
    return (f"Revenue at the unit {r.choice(('grew', 'shrank', 'held steady'))} to "
            f"${r.randrange(20, 990)} million in the {r.choice(('first', 'second', 'third'))} "
            f"quarter, with {r.choice(GROUPS)} {r.choice(REACT)}.")


def story(r: random.Random) -> tuple[str, list[str]]:
    co = company(r)
    paras = [" ".join(sentence(r, co) for _ in range(r.choice((2, 2, 3))))
             for _ in range(r.randrange(4, 9))]
    return co, paras


# --- wire and site dress ----------------------------------------------------------------------
def date_text(r: random.Random) -> str:
    return f"{r.choice(MONTHS)} {r.randrange(1, 29)}, 2025"


def about(co: str) -> str:
    return (f"About {co}: {co} is a listed company with operations in North America and "
            "Europe. More information is available on its website.")


WIRES = {
    "prnewswire": {
        "dateline": lambda r, city: f"{city}, {date_text(r)} /PRNewswire/ -- ",
        "tail": lambda co: [about(co), f"SOURCE {co}",
                         "View original content: https://newsroom.example/releases"],
    },
    "globenewswire": {
        "dateline": lambda r, city: f"{city}, {date_text(r)} (GLOBE NEWSWIRE) -- ",
        "tail": lambda co: [about(co), f"Media contact: press@{co.split()[0].lower()}.example"],
    },
    "menafn": {
        "dateline": lambda r, city: "(MENAFN- EIN Presswire) ",
        "tail": lambda co: ["Legal Disclaimer:", ("MENAFN provides the information \"as is\" "
                         "without warranty of any kind. We do not accept any responsibility "
                         "for the accuracy of the information contained in this article."),
                         "CommentsNo comment"],
    },
    "ap": {
        "dateline": lambda r, city: f"{city.split(',')[0]} (AP) — ",
        "tail": lambda co: ["Copyright 2025 The Associated Press. All rights reserved."],
    },
    "businesswire": {
        "dateline": lambda r, city: f"{city.split(',')[0]}--(BUSINESS WIRE)--",
        "tail": lambda co: [f"Contacts: Investor relations, {co}", "###"],
    },
    "corporate": {
        "dateline": lambda r, city: "",
        "tail": lambda co: ["Share this article", ("Sign up for our newsletter to get every "
                         "release in your inbox.")],
    },
}
SITES = {  # site: (wire dress, the site's own boilerplate paragraph, learned from counts)
    "prnewswire.example": ("prnewswire", ("Cision distributes this release on behalf of the "
                           "issuer; questions about its content go to the issuer named above.")),
    "globenewswire.example": ("globenewswire", ("GlobeNewswire subscribers receive releases "
                              "within seconds; register for free alerts on the reader portal.")),
    "menafn.example": ("menafn", ("MENAFN carries regional and international press releases "
                       "and news from partner wires every day of the week.")),
    "apnews.example": ("ap", ("The Associated Press contributed to this report from its "
                       "bureaus, and the story may be updated as more information arrives.")),
    "businesswire.example": ("businesswire", ("Business Wire is the global leader in press "
                             "release distribution for companies and their investors.")),
    "ledger.example": ("corporate", ("The Harbour Ledger newsletter brings the week's market "
                       "stories to your inbox every Friday morning, free of charge.")),
    "courier.example": ("ap", ("Courier subscribers can read every story without limits; "
                        "support local reporting with a subscription today.")),
}


def dress(r: random.Random, site: str, co: str, paras: list[str], *,
          city: str | None = None) -> list[str]:
    wire, site_line = SITES[site]
    city = city or r.choice(CITIES)[0]
    body = list(paras)
    body[0] = WIRES[wire]["dateline"](r, city) + body[0]
    return [*body, *WIRES[wire]["tail"](co), site_line]


def double(r: random.Random, paras: list[str]) -> list[str]:
    """MENAFN-style doubling: the body printed twice, or one block of it repeated."""
    if r.random() < 0.5 or len(paras) < 4:
        return paras + paras[1:]
    start = r.randrange(0, len(paras) - 2)
    return paras[:start + 2] + paras[start:start + 2] + paras[start + 2:]


SYNONYMS = {"said": "stated", "expects": "anticipates", "about": "roughly", "company": "group",
            "would": "will", "last year": "in the past year", "shares": "stock"}


def light_edit(r: random.Random, paras: list[str]) -> list[str]:
    out = []
    for p in paras:
        for word, other in SYNONYMS.items():
            if r.random() < 0.12:
                p = p.replace(f" {word} ", f" {other} ", 1)
        out.append(p)
    return out


def copy_edits(r: random.Random, co: str, paras: list[str]) -> tuple[list[str], list[str]]:
    """A syndicated copy's story paragraphs, and which edits made it."""
    edits = r.sample(["reporting_line", "dropped_paragraph", "added_paragraph", "light_edit",
                      "none", "none"], k=r.choice((1, 2)))
    out = list(paras)
    if "dropped_paragraph" in edits and len(out) > 4:
        del out[r.randrange(2, len(out))]
    if "added_paragraph" in edits:
        out.insert(r.randrange(2, len(out) + 1), " ".join(sentence(r, co) for _ in range(2)))
    if "light_edit" in edits:
        out = light_edit(r, out)
    if "reporting_line" in edits:
        out.append(f"(Reporting by {person(r)}; editing by {person(r)})")
    return out, edits


# --- templated releases: same text, other numbers, dates, tickers, names -------------------
def dividend(r: random.Random, co: str) -> list[str]:
    ticker = "".join(r.choice("ABCDEFGHKLMNPRSTVWXZ") for _ in range(r.choice((3, 4))))
    amount = f"${r.randrange(5, 95) / 100:.2f}"
    pay, rec = f"{r.choice(MONTHS)} {r.randrange(1, 29)}", f"{r.choice(MONTHS)} {r.randrange(1, 29)}"
    return [
        (f"{co} (NYSE: {ticker}) announced today that its Board of Directors declared a regular "
        f"quarterly cash dividend of {amount} per share on the company's common stock."),
        (f"The dividend is payable on {pay}, 2025 to shareholders of record at the close of "
        f"business on {rec}, 2025."),
        (f"{co} has paid a dividend every quarter since {r.randrange(1960, 2015)} and has raised "
        f"it in each of the last {r.randrange(3, 30)} years."),
    ]


def earnings_date(r: random.Random, co: str) -> list[str]:
    quarter = r.choice(("first", "second", "third", "fourth"))
    day = f"{r.choice(MONTHS)} {r.randrange(1, 29)}, 2025"
    return [
        (f"{co} will report its {quarter} quarter 2025 financial results before the market opens "
        f"on {day}."),
        (f"The company will host a conference call and webcast at {r.randrange(7, 11)}:"
        f"{r.choice(('00', '30'))} a.m. Eastern Time that day to discuss the results. The "
        f"dial-in number is +1 {r.randrange(200, 999)} 555 {r.randrange(1000, 9999)}, "
        f"conference ID {r.randrange(100000, 999999)}."),
        (f"A replay will be available on the investor relations section of the {co} website for "
        f"{r.randrange(30, 90)} days after the call."),
    ]


TEMPLATES = [dividend, earnings_date]


def build() -> list[dict]:
    r = random.Random(SEED)
    docs: list[dict] = []
    sites = list(SITES)

    def add(cluster: str, site: str, paras: list[str], page: list[str], **extra) -> None:
        n = sum(1 for d in docs if d["site"] == site)
        slug = cluster.replace("/", "-")
        docs.append({
            "doc": f"{site}/{slug}/{n}",
            "url": f"https://{site}/news/{slug}-{n}.html",
            "site": site,
            "cluster": cluster,
            "story": paras,
            "body": "\n\n".join(page),
            **extra,
        })

    for c in range(120):  # clusters of syndicated copies
        co, paras = story(r)
        cid = f"c{c:03d}"
        order = r.sample(sites, k=r.randrange(2, 6))
        origin = order[0]
        add(cid, origin, paras, dress(r, origin, co, paras), edits=[])
        for site in order[1:]:
            copy, edits = copy_edits(r, co, paras)
            page = dress(r, site, co, copy)
            doubled = SITES[site][0] == "menafn" and r.random() < 0.6
            if doubled:
                page = double(r, page[:len(copy)]) + page[len(copy):]
            add(cid, site, copy, page, edits=edits, doubled=doubled)
        if r.random() < 0.3:  # the same page again under a tracking URL
            again = dict(docs[-1])
            again["doc"] += "-utm"
            again["url"] += "?utm_source=rss&src=RSS"
            docs.append(again)
    for s in range(150):  # singletons, some printed twice over
        co, paras = story(r)
        site = r.choice(sites)
        page = dress(r, site, co, paras)
        doubled = r.random() < 0.15
        if doubled:
            page = double(r, page[:len(paras)]) + page[len(paras):]
        add(f"s{s:03d}", site, paras, page, edits=[], doubled=doubled)
    for t in range(36):  # templated pairs: different stories
        make = TEMPLATES[t % len(TEMPLATES)]
        site = r.choice(sites)
        pair = []
        for k in range(2):
            co = company(r)
            paras = make(r, co)
            add(f"t{t:03d}{'ab'[k]}", site, paras, dress(r, site, co, paras), edits=[])
            pair.append(docs[-1])
        pair[0]["template_of"], pair[1]["template_of"] = pair[1]["doc"], pair[0]["doc"]
    order = list(range(len(docs)))
    r.shuffle(order)
    return [docs[i] for i in order]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python tests/data/dedup/build_set.py",
                                     description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder that receives set.jsonl (default: beside me)")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    docs = build()
    with (out / "set.jsonl").open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    clusters = {d["cluster"] for d in docs if d["cluster"].startswith("c")}
    print(f"{len(docs)} pages, {len(clusters)} syndicated clusters, "
          f"{sum(1 for d in docs if 'template_of' in d) // 2} templated pairs, "
          f"{sum(1 for d in docs if d.get('doubled'))} doubled pages")


if __name__ == "__main__":
    main()
