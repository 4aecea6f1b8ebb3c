"""Editorial content of the fictional "Harbour Wire" demo site.

Every company, person and event here is invented.  ``build_site.py`` renders these records to
``site/`` and derives ``manifest.json`` from them, so the ground truth cannot drift from the HTML.

Body blocks: a ``str`` is a story paragraph (``<p>``); ``("h2", text)`` a sub-heading;
``("ul", [items])`` a bullet list; ``("ad",)`` an advertisement slot; ``("figure", caption)`` a
lead picture placeholder.  Only ``str`` blocks count as story paragraphs in the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DISCLAIMER = (
    'Legal Disclaimer: Harbour Wire provides this content on an "as is" basis without '
    "warranty of any kind. Harbour Wire is not responsible for the accuracy, content, images, "
    "videos, licenses, completeness, legality or reliability of the information in this "
    "release. If you have any complaints or copyright issues related to this article, kindly "
    "contact the provider above."
)


@dataclass
class Story:
    path: str
    title: str
    template: str  # release | article | divs | gnw | menafn
    meta: str  # jsonld | jsonld_graph | jsonld_authors | jsonld_gnw | og | meta_date | time | visible | none
    published: str | None  # what a correct parser outputs (manifest value)
    body: list[Any]
    kind: str = "story"
    dek: str | None = None
    published_raw: str | None = None  # string as printed in the page markup, if different
    modified: str | None = None
    display_date: str | None = None  # human-readable date shown on the page / listings
    lang: str = "en"
    section: str = "markets"
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source: str | None = None  # "News provided by" company for press releases
    dateline: str | None = None
    about: tuple[str, str] | None = None
    contacts: list[str] | None = None
    end_marker: bool = False
    disclaimer: bool = False
    canonical: str | None = "self"  # "self", an explicit href tail, or None for no link
    related: list[str] = field(default_factory=list)
    comments: list[tuple[str, str, str, str]] | None = None  # name, datetime, shown, text
    status: int = 200
    copy_of: str | None = None
    listing_date: str | None = None  # date shown in listing cards (defaults to display_date)


# ---------------------------------------------------------------------------------------------
# Paths (kept as constants so related-story links and listings cannot drift)
# ---------------------------------------------------------------------------------------------
LUMORA = "/news/2025/04/25/lumora-biotics-lmx-204-phase-2-results.html"
NORTHGATE = "/news/2025/04/18/northgate-freight-to-acquire-polar-lane-logistics.html"
KESTREL = "/news/2025/04/23/kestrel-grid-storage-west-texas-battery-project.html"
PALISADE = "/news/2025/04/06/palisade-ridge-mining-intersects-high-grade-copper.html"
TIDEWELL = "/news/2025/04/22/tidewell-foods-first-quarter-results.html"
VIREO = "/news/2025/04/15/vireo-cloud-sovereign-regions.html"
MARROW = "/news/2025/04/02/marrow-and-pike-repair-first-flagship-denver.html"
HALVORSEN = "/news/2025/03/28/halvorsen-maritime-orders-hybrid-ferries.html"
QUILLFEATHER = "/news/2025/04/25/quillfeather-education-to-acquire-lumenpath.html"
SALTMARSH = "/news/2025/04/17/saltmarsh-brewing-voluntary-recall.html"
RHEINFELD = "/de/nachrichten/2025/04/09/rheinfeld-solartechnik-neues-modulwerk.html"
BERGMANN = "/de/nachrichten/2025/04/16/bergmann-toechter-lagerroboter-hamburg.html"
CELERIN = "/fr/actualites/2025/04/11/maison-celerin-rachete-fromagerie-vauclair.html"
ORRIN = "/news/2025/04/24/orrin-semiconductor-shares-halted.html"
CORVID = "/news/2025/04/21/corvid-air-charter-interim-ceo.html"
LUMORA_2019 = "/news/2019/06/11/lumora-biotics-series-b-financing.html"

ASHCOMBE = "/news/2025/04/28/ashcombe-water-files-five-year-rate-plan.html"
LUMORA_COPY = "/partners/coastal-ledger/2025/04/25/update-1-lumora-biotics-migraine-trial.html"
SOFT404 = "/news/2025/04/22/harrowgate-bank-quarterly-outlook-update.html"
REDIRECTED = "/news/2025/04/10/brackenridge-systems-ipo-withdrawn.html"
GONE = "/news/2025/03/31/brindle-home-goods-store-closures.html"
EXPIRED = "/news/2025/03/25/fenmoor-telecom-tariff-notice.html"
EMPTY_SHELL = "/news/2025/04/19/greystone-quarry-community-fund.html"
PRIVATE = "/private/embargoed-kestrel-q1-results.html"

OFFSITE = "https://example.org/other-story.html"


LUMORA_BODY: list[Any] = [
    (
        "PALO ALTO, Calif., April 25, 2025 /Harbour Wire/ -- Lumora Biotics, Inc., a clinical-stage "
        "company developing treatments for neurological pain, today announced topline results from "
        "its Phase 2 FLINT study of LMX-204, an investigational once-monthly injection for the "
        "prevention of chronic migraine. The study met its primary endpoint, with patients receiving "
        "the 150 mg dose experiencing 5.1 fewer monthly migraine days than those on placebo over the "
        "12-week treatment period."
    ),
    (
        "FLINT enrolled 412 adults at 38 sites in the United States and Canada. Participants had a "
        "history of at least 15 headache days per month, and roughly a third had previously tried "
        "two or more preventive therapies without success."
    ),
    ("h2", "Key findings"),
    (
        "ul",
        [
            "Mean reduction of 7.4 monthly migraine days at 150 mg, versus 2.3 days on placebo",
            "46% of patients on the higher dose saw their migraine days at least halved",
            "Discontinuations due to adverse events were 3.1% on drug and 2.8% on placebo",
            "The most common side effect was mild, short-lived redness at the injection site",
        ],
    ),
    (
        '"These are the kind of numbers we hoped to see when we designed FLINT," said Dr. Helena '
        'Marsh-Obi, chief medical officer of Lumora. "Patients with chronic migraine often cycle '
        "through several preventive drugs without much relief. A once-monthly option with a clean "
        'safety profile could matter a great deal to them."'
    ),
    (
        "The company said a lower 75 mg dose also separated from placebo, though by a smaller "
        "margin, and that it will review the full dose-response data with regulators before "
        "settling the design of a Phase 3 program. Lumora expects to begin enrolling that program "
        "in the first quarter of 2026."
    ),
    (
        "Detailed results will be presented at a scientific meeting later this year. Lumora will "
        "host a conference call for investors at 8:30 a.m. Eastern Time today."
    ),
]


STORIES: list[Story] = [
    # 1. JSON-LD NewsArticle, press-release layout, comments, ### marker, disclaimer.
    Story(
        path=LUMORA,
        title="Lumora Biotics Reports Positive Phase 2 Results for LMX-204 in Chronic Migraine",
        dek="Once-monthly injection cut migraine days by 5.1 a month more than placebo; company "
        "plans to start Phase 3 in early 2026",
        template="release",
        meta="jsonld",
        published="2025-04-25T07:00:00-07:00",
        modified="2025-04-25T11:20:00-07:00",
        display_date="Apr 25, 2025, 07:00 PT",
        section="technology",
        tags=["healthcare"],
        source="Lumora Biotics, Inc.",
        dateline="PALO ALTO, Calif., April 25, 2025 /Harbour Wire/",
        body=LUMORA_BODY,
        about=(
            "About Lumora Biotics",
            (
                "Lumora Biotics, Inc. is a clinical-stage biotechnology company based in Palo Alto, "
                "California, focused on long-acting therapies for chronic pain and neurological "
                "disorders. Its pipeline includes LMX-204 for migraine prevention and LMX-310 for "
                "trigeminal neuralgia."
            ),
        ),
        contacts=[
            "Media contact: Jonah Reyes, Lumora Biotics",
            "media@lumora-biotics.example | +1 650 555 0142",
        ],
        end_marker=True,
        disclaimer=True,
        related=[LUMORA_2019, TIDEWELL, KESTREL],
        comments=[
            (
                "R. Okonkwo",
                "2025-04-25T15:02:00-04:00",
                "April 25, 2025 at 3:02 pm",
                (
                    "Interesting, but 12 weeks is short. I'd like to see how durable the effect is "
                    "before getting excited."
                ),
            ),
            (
                "pharmawatcher",
                "2025-04-26T08:41:00-04:00",
                "April 26, 2025 at 8:41 am",
                (
                    "The placebo response looks low compared with other migraine trials. Worth "
                    "checking the baseline numbers when the full data come out."
                ),
            ),
        ],
    ),
    # 2. JSON-LD inside @graph, reporter article layout.
    Story(
        path=NORTHGATE,
        title="Northgate Freight Systems to Buy Cold-Chain Carrier Polar Lane Logistics for "
        "$640 Million",
        dek="Deal adds 1,100 refrigerated trailers and 14 temperature-controlled depots across "
        "the Midwest",
        template="article",
        meta="jsonld_graph",
        published="2025-04-18T06:45:00-04:00",
        modified="2025-04-18T09:10:00-04:00",
        display_date="April 18, 2025 6:45 AM EDT",
        section="markets",
        tags=["mergers"],
        authors=["Marta Oyelaran"],
        dateline="COLUMBUS, Ohio (Harbour Wire)",
        body=[
            ("figure", "Refrigerated trailers at a distribution yard. Harbour Wire/File photo"),
            (
                "COLUMBUS, Ohio (Harbour Wire) -- Northgate Freight Systems said on Friday it had "
                "agreed to buy Polar Lane Logistics, a privately held refrigerated trucking company, "
                "for $640 million in cash and stock, betting that demand for temperature-controlled "
                "shipping of groceries and medicines will keep growing faster than the wider freight "
                "market."
            ),
            (
                "The acquisition gives Northgate about 1,100 refrigerated trailers and 14 "
                "cold-storage depots, most of them within a day's drive of Chicago, Indianapolis and "
                "Kansas City. Polar Lane's founding family will receive roughly a quarter of the "
                "purchase price in Northgate shares."
            ),
            ("ad",),
            (
                '"Dry van freight has been in a slump for two years, but cold chain never really '
                'slowed down," Northgate Chief Executive Dana Whitcombe told Harbour Wire in an '
                'interview. "We\'d rather own that capacity than rent it."'
            ),
            (
                "Northgate expects the deal to add to earnings per share in its first full year and "
                "to produce about $35 million in annual cost savings by 2027, mainly from shared fuel "
                "purchasing and combining overlapping routes."
            ),
            (
                "Analysts at Fenwick Row Securities said the price, about 8.5 times Polar Lane's "
                "expected operating profit, looked reasonable for a business with long-term grocery "
                "contracts. Northgate shares rose 4.2% in premarket trading."
            ),
            (
                "The transaction requires regulatory approval and is expected to close in the third "
                "quarter. Northgate was advised by Carrow Hale & Partners; Polar Lane was advised by "
                "Ingram Teal."
            ),
        ],
        disclaimer=True,
        related=[TIDEWELL, BERGMANN, ORRIN],
    ),
    # 3. JSON-LD with a list of author objects; home-page link carries ?utm_source=rss.
    Story(
        path=KESTREL,
        title="Kestrel Grid Storage Breaks Ground on 400-Megawatt-Hour Battery Site in West Texas",
        dek="The Pecos Flats project is the company's largest yet and is due online before the "
        "summer 2026 demand peak",
        template="article",
        meta="jsonld_authors",
        published="2025-04-23T10:15:00-05:00",
        display_date="April 23, 2025 10:15 AM CDT",
        section="markets",
        tags=["energy"],
        authors=["Priya Venkataraman", "Tomás Ferreira"],
        dateline="AUSTIN, Texas (Harbour Wire)",
        body=[
            (
                "AUSTIN, Texas (Harbour Wire) -- Kestrel Grid Storage began construction this week on "
                "a 400-megawatt-hour battery installation near Pecos, Texas, the largest project in "
                "its portfolio and one of several big storage sites racing to connect to the state "
                "grid before next summer."
            ),
            (
                "The Pecos Flats site will use lithium iron phosphate cells housed in 160 "
                "enclosures the size of shipping containers. It is designed to charge when solar "
                "output in West Texas peaks around midday and to discharge into the evening, when "
                "wholesale power prices often climb sharply."
            ),
            ("h2", "Financing and offtake"),
            (
                "Kestrel said it had closed $310 million in construction debt from a group of five "
                "lenders and signed a seven-year capacity agreement with a regional retail "
                "electricity provider covering about half of the site's output. The remainder will "
                "be sold on the wholesale market."
            ),
            (
                "\"Two years ago lenders wanted to see a fully contracted project before they'd talk "
                'to us," said Kestrel\'s finance chief, Omar Lindqvist. "Now they understand the '
                'merchant revenue well enough to lend against part of it."'
            ),
            ("ad",),
            ("h2", "Grid pressure"),
            (
                "Battery capacity in Texas has grown quickly as solar farms have multiplied, and "
                "grid operators have credited storage with helping avoid emergency conservation "
                "appeals during recent heat waves. Some developers warn, however, that the trade is "
                "getting crowded and that evening price spikes may flatten as more batteries connect."
            ),
            (
                "Kestrel expects about 220 workers on site at the peak of construction. The company "
                "operates four other storage projects in Texas and Arizona with a combined capacity "
                "of 610 megawatt-hours."
            ),
        ],
        related=[RHEINFELD, TIDEWELL],
    ),
    # 4. GlobeNewswire-style JSON-LD with capitalised keys and a US-style date only.
    Story(
        path=PALISADE,
        title="Palisade Ridge Mining Intersects 212 Metres of 0.94% Copper at Cold Creek Project",
        dek="Step-out hole extends the mineralized zone 350 metres to the northeast; 2025 "
        "drilling program expanded to 18,000 metres",
        template="gnw",
        meta="jsonld_gnw",
        published="2025-04-06",
        published_raw="4/6/2025",
        display_date="April 06, 2025",
        section="markets",
        tags=["mining"],
        source="Palisade Ridge Mining Corp.",
        dateline="VANCOUVER, British Columbia, April 06, 2025 (HARBOUR WIRE)",
        body=[
            (
                "VANCOUVER, British Columbia, April 06, 2025 (HARBOUR WIRE) -- Palisade Ridge Mining "
                'Corp. ("Palisade" or the "Company") is pleased to report assay results from the '
                "first six holes of its 2025 drilling program at the Cold Creek copper-gold project "
                "in central British Columbia. Hole CC25-004 returned 212 metres grading 0.94% copper "
                "and 0.31 grams per tonne gold from a depth of 88 metres."
            ),
            (
                "The hole was drilled 350 metres northeast of the previous limit of known "
                "mineralization and ended in mineralized rock, indicating that the system remains "
                "open in that direction and at depth."
            ),
            ("h2", "Highlights"),
            (
                "ul",
                [
                    "CC25-004: 212.0 m of 0.94% Cu and 0.31 g/t Au, including 46.0 m of 1.62% Cu",
                    "CC25-002: 154.5 m of 0.61% Cu and 0.18 g/t Au",
                    "CC25-006: 98.0 m of 0.55% Cu, collared 600 m south of the main zone",
                    "The 2025 program has been expanded from 12,000 to 18,000 metres",
                ],
            ),
            (
                '"CC25-004 is the best hole we have drilled at Cold Creek," said Ruth Anand-Bell, '
                'President and CEO. "It tells us the deposit is considerably larger than our current '
                "model suggests, and we are moving two additional rigs to the northeast to follow "
                'it up."'
            ),
            (
                "Drill core was logged and sampled at the Company's secure facility in Williams Lake. "
                "Samples were analysed by an independent accredited laboratory, and the Company "
                "inserts certified standards, blanks and duplicates into every batch as part of its "
                "quality-control program. True widths are estimated at 70 to 85 percent of reported "
                "core lengths."
            ),
            (
                "The technical information in this news release has been reviewed and approved by "
                "Graham Tolle, P.Geo., Vice President of Exploration and a qualified person under "
                "applicable Canadian disclosure standards."
            ),
        ],
        about=(
            "About Palisade Ridge Mining Corp.",
            (
                "Palisade Ridge Mining Corp. is a Vancouver-based exploration company focused on "
                "porphyry copper-gold deposits in British Columbia. Its common shares trade on a "
                "Canadian venture exchange under the symbol PRM."
            ),
        ),
        contacts=[
            "Investor relations: Lena Whitford",
            "+1 604 555 0199 | ir@palisaderidge.example",
        ],
        disclaimer=True,
        related=[TIDEWELL, NORTHGATE],
    ),
    # 5. OpenGraph only (published + modified with offsets).
    Story(
        path=TIDEWELL,
        title="Tidewell Foods Raises Full-Year Outlook as Snack Volumes Recover",
        dek="First-quarter organic sales up 3.8%; price increases slow to low single digits",
        template="release",
        meta="og",
        published="2025-04-22T16:05:00-05:00",
        modified="2025-04-22T18:40:00-05:00",
        display_date="Apr 22, 2025, 16:05 CT",
        section="markets",
        tags=["earnings"],
        source="Tidewell Foods Co.",
        dateline="MINNEAPOLIS, April 22, 2025 /Harbour Wire/",
        body=[
            (
                "MINNEAPOLIS, April 22, 2025 /Harbour Wire/ -- Tidewell Foods Co. today reported "
                "first-quarter net sales of $2.41 billion, up 4.6% from a year earlier, as shoppers "
                "returned to its crackers, nut mixes and frozen breakfast lines after two years of "
                "steep price increases. Organic sales, which exclude acquisitions and currency "
                "effects, rose 3.8%."
            ),
            (
                "Adjusted earnings were 87 cents per share, compared with 79 cents in the first "
                "quarter of 2024. Gross margin widened by 1.1 percentage points to 34.9%, helped by "
                "lower costs for wheat, vegetable oil and packaging."
            ),
            (
                '"Volume is growing again in every one of our major categories," said Chief '
                'Executive Marisol Quenby. "We have kept price increases modest this year, and '
                'consumers have noticed."'
            ),
            (
                "The company now expects full-year organic sales growth of 3% to 4%, up from its "
                "previous range of 2% to 3%, and adjusted earnings of $3.55 to $3.65 per share."
            ),
            (
                "Tidewell also said it would close a frozen-foods plant in Dubuque, Iowa, by the end "
                "of the year and move production to its larger facility in Sioux Falls, South "
                "Dakota. About 190 jobs will be affected; the company said it would offer transfers "
                "to all eligible employees."
            ),
        ],
        about=(
            "About Tidewell Foods",
            (
                "Tidewell Foods Co. makes packaged snacks, frozen breakfast foods and baking mixes "
                "sold under the Tidewell, Harvest Bell and Pennyroyal brands. The company is "
                "headquartered in Minneapolis and employs about 9,800 people."
            ),
        ),
        contacts=[
            "Media: Colm Avery, +1 612 555 0110",
            "Investors: Wren Okafor, +1 612 555 0123",
        ],
        end_marker=True,
        disclaimer=True,
        related=[NORTHGATE, ORRIN],
    ),
    # 6. OpenGraph only; canonical carries ?utm_source=feed; no <article> element.
    Story(
        path=VIREO,
        title="Vireo Cloud Opens Sovereign Data Regions in Frankfurt and Madrid",
        dek="Customer data and encryption keys stay with EU-based operations staff",
        template="divs",
        meta="og",
        published="2025-04-15T08:00:00-07:00",
        display_date="April 15, 2025",
        section="technology",
        tags=["cloud", "europe"],
        source="Vireo Cloud, Inc.",
        dateline="SEATTLE, April 15, 2025 /Harbour Wire/",
        canonical="?utm_source=feed",
        body=[
            (
                "SEATTLE, April 15, 2025 /Harbour Wire/ -- Vireo Cloud, Inc. today opened two "
                "sovereign cloud regions, in Frankfurt and Madrid, designed for public-sector "
                "agencies and regulated businesses that must keep data, and the people who can "
                "access it, inside the European Union."
            ),
            (
                "The new regions are run by a separate European subsidiary whose engineers and "
                "support staff are all based in the EU. Customer encryption keys can be held in "
                "hardware security modules that Vireo's U.S. staff cannot reach, the company said."
            ),
            (
                '"For many of our European customers the question was never whether the cloud was '
                "secure, but who could be compelled to open it,\" said Anika Sorensen, Vireo's "
                'general manager for Europe. "These regions give them a clear answer."'
            ),
            (
                "Both regions launch with compute, block storage, managed databases and Vireo's "
                "container service. Analytics and machine-learning services will follow later in "
                "the year, and a third region, in Milan, is planned for 2026."
            ),
        ],
        about=(
            "About Vireo Cloud",
            (
                "Vireo Cloud, Inc. provides infrastructure and platform services to more than "
                "40,000 businesses from 19 regions worldwide. The company is based in Seattle."
            ),
        ),
        contacts=["Press: press@vireocloud.example"],
        related=[LUMORA, BERGMANN],
    ),
    # 7. Only <meta name="date"> (no zone), no canonical link.
    Story(
        path=MARROW,
        title="Marrow & Pike Outfitters Opens Repair-First Flagship Store in Denver",
        dek="Nearly a third of the floor space is given over to mending, rentals and used gear",
        template="article",
        meta="meta_date",
        published="2025-04-02T14:15:00",
        listing_date="April 2, 2025",
        section="technology",
        tags=["retail"],
        authors=["Hollis Grant"],
        dateline="DENVER (Harbour Wire)",
        canonical=None,
        body=[
            (
                "DENVER (Harbour Wire) -- Outdoor retailer Marrow & Pike Outfitters opened its "
                "largest store on Wednesday in Denver's River North district, and the first thing "
                "shoppers see is not a wall of new jackets but a repair bench."
            ),
            (
                "About 30 percent of the 22,000-square-foot store is given over to fixing, renting "
                "and reselling equipment. Customers can have zippers replaced and tents patched "
                "while they wait, rent ski-touring gear by the day, or trade in used boots for store "
                "credit."
            ),
            (
                '"People are keeping their gear longer and they want somebody to help them do it," '
                "said founder Elsie Marrow. \"If we don't offer that, they'll find someone who does.\""
            ),
            (
                "The company, which has 31 stores in nine states, said its repair and resale "
                "business grew 48 percent last year and now accounts for about 7 percent of revenue. "
                "It plans to add repair benches to 12 more stores by the end of 2025."
            ),
        ],
        related=[CORVID, TIDEWELL],
        comments=[],
    ),
    # 8. Only <time datetime> (UTC "Z"), no <article> element.
    Story(
        path=HALVORSEN,
        title="Halvorsen Maritime Orders Six Battery-Hybrid Ferries for Fjord Crossings",
        dek="The vessels will replace diesel ships built in the 1990s on four county routes",
        template="divs",
        meta="time",
        published="2025-03-28T16:05:00+00:00",
        published_raw="2025-03-28T16:05:00Z",
        display_date="28 March 2025, 16:05 GMT",
        section="markets",
        tags=["energy", "europe"],
        source="Halvorsen Maritime AS",
        dateline="BERGEN, Norway, March 28, 2025 /Harbour Wire/",
        body=[
            (
                "BERGEN, Norway, March 28, 2025 /Harbour Wire/ -- Halvorsen Maritime AS has ordered "
                "six battery-hybrid car ferries from a shipyard in western Norway in a contract "
                "valued at about 1.9 billion Norwegian crowns, the company said on Friday."
            ),
            (
                "The ferries, each able to carry 120 cars and 390 passengers, will run mainly on "
                "electricity, charging at each quay during the ten minutes it takes to load and "
                "unload. Diesel generators will stay on board as back-up for bad weather and longer "
                "repositioning voyages."
            ),
            (
                "Deliveries are scheduled between the third quarter of 2026 and the end of 2027. The "
                "new ships will replace six vessels built between 1991 and 1998 on four crossings "
                "that Halvorsen operates under contracts with county authorities."
            ),
            (
                "Halvorsen said the ferries would cut its annual carbon dioxide emissions by about "
                "21,000 tonnes. Part of the cost will be covered by a state grant for low-emission "
                "shipping."
            ),
        ],
        about=(
            "About Halvorsen Maritime",
            (
                "Halvorsen Maritime AS operates 34 ferries and fast passenger boats on the west "
                "coast of Norway and is headquartered in Bergen."
            ),
        ),
        disclaimer=True,
        related=[KESTREL, BERGMANN],
    ),
    # 9. Wire-style visible date "April 25, 2025 09:30 ET", no machine-readable date.
    Story(
        path=QUILLFEATHER,
        title="Quillfeather Education to Acquire Online Tutoring Platform LumenPath",
        dek="$118 million cash deal brings live tutoring to a college course-materials provider",
        template="release",
        meta="visible",
        published="2025-04-25T09:30:00-04:00",
        display_date="April 25, 2025 09:30 ET",
        section="technology",
        tags=["mergers"],
        source="Quillfeather Education Group",
        dateline="BOSTON, April 25, 2025 /Harbour Wire/",
        body=[
            (
                "BOSTON, April 25, 2025 /Harbour Wire/ -- Quillfeather Education Group, a provider "
                "of digital course materials for colleges, today announced a definitive agreement to "
                "acquire LumenPath, an online tutoring platform used by more than 600 high schools, "
                "for $118 million in cash."
            ),
            (
                "LumenPath matches students with tutors for live video sessions and offers practice "
                "tools aligned with state curricula. The company has about 4,000 active tutors, most "
                "of them current or former teachers working part time."
            ),
            (
                '"Colleges keep telling us their students arrive underprepared in math and '
                'writing," said Quillfeather Chief Executive Bram Osei. "LumenPath lets us start '
                'working with those students two or three years earlier."'
            ),
            (
                "The acquisition is expected to close in the second quarter, subject to customary "
                "conditions. LumenPath's co-founders will continue to lead the business as a "
                "separate unit within Quillfeather."
            ),
        ],
        about=(
            "About Quillfeather Education Group",
            (
                "Quillfeather Education Group publishes digital textbooks and homework platforms "
                "used at more than 1,200 colleges and universities. It is based in Boston."
            ),
        ),
        contacts=["Media: Sadie Kim-Laurent, press@quillfeather.example"],
        end_marker=True,
        related=[VIREO, NORTHGATE],
    ),
    # 10. No date anywhere on the page: the date is only in the news sitemap.
    Story(
        path=SALTMARSH,
        title="Saltmarsh Brewing Co. Issues Voluntary Recall of Tidepool Hazy IPA Cans",
        dek="Some cans from one production lot may keep fermenting and swell; no injuries reported",
        template="release",
        meta="none",
        published="2025-04-17T11:00:00-04:00",
        section="markets",
        tags=["recalls"],
        source="Saltmarsh Brewing Co.",
        dateline="PORTLAND, Maine /Harbour Wire/",
        body=[
            (
                "PORTLAND, Maine /Harbour Wire/ -- Saltmarsh Brewing Co. is voluntarily recalling "
                "16-ounce cans of its Tidepool Hazy IPA from a single production lot because some "
                "cans may continue to ferment after packaging, which can cause them to bulge or, in "
                "rare cases, burst."
            ),
            (
                "The affected cans carry lot code TP-0312 printed on the bottom and were sold in "
                "four-packs at grocery and beverage stores in Maine, New Hampshire, Vermont and "
                "Massachusetts. No other Saltmarsh products are affected."
            ),
            (
                "Consumers should not open swollen cans. Cans from the affected lot can be returned "
                "to the place of purchase for a full refund, or customers can contact Saltmarsh for "
                "a replacement voucher."
            ),
            (
                "The brewery said it traced the problem to a faulty valve on a fermentation tank "
                "after a retailer reported several bulging cans. The valve has been replaced. No "
                "injuries have been reported."
            ),
        ],
        about=(
            "About Saltmarsh Brewing Co.",
            (
                "Saltmarsh Brewing Co. is an independent brewery on the Portland waterfront. Its "
                "beers are sold in five New England states."
            ),
        ),
        contacts=["Consumer line: 1-800-555-0177, weekdays 9 a.m. to 5 p.m. Eastern"],
        related=[TIDEWELL, MARROW],
    ),
    # 11. German, JSON-LD.
    Story(
        path=RHEINFELD,
        title="Rheinfeld Solartechnik baut neues Modulwerk in Sachsen-Anhalt",
        dek="Investition von 280 Millionen Euro soll rund 650 Arbeitsplätze schaffen",
        template="release",
        meta="jsonld",
        published="2025-04-09T10:00:00+02:00",
        modified="2025-04-09T12:30:00+02:00",
        display_date="09.04.2025, 10:00 Uhr",
        lang="de",
        section="markets",
        tags=["energy", "europe"],
        source="Rheinfeld Solartechnik AG",
        dateline="FREIBURG, 9. April 2025 /Harbour Wire/",
        body=[
            (
                "FREIBURG, 9. April 2025 /Harbour Wire/ -- Die Rheinfeld Solartechnik AG will in "
                "Bitterfeld-Wolfen ein neues Werk für Solarmodule errichten. Das Unternehmen plant "
                "Investitionen von rund 280 Millionen Euro und rechnet mit etwa 650 neuen "
                "Arbeitsplätzen, wie es am Mittwoch mitteilte."
            ),
            (
                "Die Produktion soll Ende 2026 anlaufen und im Endausbau eine Jahreskapazität von "
                "zwei Gigawatt erreichen. Gefertigt werden sollen vor allem Glas-Glas-Module für die "
                "Dächer von Gewerbe- und Industriegebäuden."
            ),
            (
                "„Wir sehen eine wachsende Nachfrage nach Modulen aus europäischer Fertigung, vor "
                "allem bei öffentlichen Auftraggebern“, sagte Vorstandschefin Katrin Albrecht-Nowak. "
                "„Kurze Lieferwege und eine nachvollziehbare Lieferkette sind für viele Kunden "
                "inzwischen ein Kaufkriterium.“"
            ),
            (
                "Das Land Sachsen-Anhalt unterstützt das Vorhaben mit Fördermitteln, deren Höhe noch "
                "nicht genannt wurde. Der übrige Betrag sei über Bankkredite und eigene Mittel "
                "finanziert, hieß es."
            ),
        ],
        about=(
            "Über Rheinfeld Solartechnik",
            (
                "Die Rheinfeld Solartechnik AG mit Sitz in Freiburg im Breisgau entwickelt und "
                "fertigt Solarmodule und Speichersysteme. Das Unternehmen beschäftigt rund 1.400 "
                "Mitarbeiterinnen und Mitarbeiter."
            ),
        ),
        contacts=["Pressekontakt: Jana Vogt, presse@rheinfeld-solar.example, +49 761 555 0140"],
        disclaimer=True,
        related=[BERGMANN, KESTREL],
    ),
    # 12. German, OpenGraph only, reporter story.
    Story(
        path=BERGMANN,
        title="Bergmann & Töchter setzt in Hamburg auf Lagerroboter",
        dek="Der Logistiker automatisiert sein größtes Verteilzentrum – ohne Stellenabbau",
        template="article",
        meta="og",
        published="2025-04-16T08:30:00+02:00",
        display_date="16. April 2025, 08:30 Uhr",
        lang="de",
        section="markets",
        tags=["europe", "logistics"],
        authors=["Dieter Kalb"],
        dateline="HAMBURG (Harbour Wire)",
        body=[
            (
                "HAMBURG (Harbour Wire) -- Der Hamburger Logistikdienstleister Bergmann & Töchter "
                "automatisiert sein größtes Verteilzentrum. Bis zum Herbst sollen in der Halle in "
                "Billbrook rund 180 autonome Transportroboter Regale zu den Packplätzen bringen, "
                "teilte das Familienunternehmen mit."
            ),
            (
                "Die Beschäftigten müssten dann nicht mehr kilometerweit durch die Gänge laufen, "
                "sagte Geschäftsführerin Lotte Bergmann der Nachrichtenagentur Harbour Wire. "
                "„Niemand verliert wegen der Roboter seinen Arbeitsplatz. Wir finden schlicht nicht "
                "genug Leute für die Nachtschichten.“"
            ),
            (
                "Das Unternehmen beziffert die Investition auf einen mittleren zweistelligen "
                "Millionenbetrag. Die Leistung des Standorts soll um etwa 40 Prozent steigen."
            ),
            (
                "Die Gewerkschaft begrüßte die Zusage zum Erhalt der Stellen, forderte aber eine "
                "verbindliche Vereinbarung über Weiterbildung für die rund 520 Beschäftigten."
            ),
        ],
        related=[RHEINFELD, NORTHGATE],
        comments=[
            (
                "H. Petersen",
                "2025-04-16T19:12:00+02:00",
                "16. April 2025 um 19:12",
                "Mal sehen, ob die Zusage in drei Jahren noch gilt.",
            ),
        ],
    ),
    # 13. French, <time datetime> with an offset, no canonical link.
    Story(
        path=CELERIN,
        title="Maison Célerin rachète la fromagerie jurassienne Vauclair",
        dek="Le groupe lyonnais poursuit ses acquisitions dans les fromages d'appellation",
        template="article",
        meta="time",
        published="2025-04-11T09:00:00+02:00",
        display_date="11 avril 2025 à 09h00",
        lang="fr",
        section="markets",
        tags=["europe", "mergers"],
        dateline="LYON, 11 avril 2025 /Harbour Wire/",
        canonical=None,
        body=[
            (
                "LYON, 11 avril 2025 /Harbour Wire/ -- Le groupe agroalimentaire Maison Célerin a "
                "annoncé vendredi le rachat de la Fromagerie Vauclair, une entreprise familiale du "
                "Jura spécialisée dans le comté, pour un montant non communiqué."
            ),
            (
                "Fondée en 1952, la fromagerie emploie 85 personnes et collecte le lait d'une "
                "quarantaine d'exploitations situées dans un rayon de 25 kilomètres. Elle a réalisé "
                "un chiffre d'affaires d'environ 31 millions d'euros l'an dernier."
            ),
            (
                "« Nous voulons que Vauclair reste ce qu'elle est : une fromagerie de village, avec "
                "ses producteurs et ses caves d'affinage », a déclaré Hélène Dumarest, directrice "
                "générale de Maison Célerin. La famille fondatrice conservera une participation "
                "minoritaire."
            ),
            (
                "L'opération doit encore être approuvée par l'Autorité de la concurrence. Maison "
                "Célerin avait déjà racheté deux laiteries en Savoie en 2023."
            ),
        ],
        related=[BERGMANN, RHEINFELD],
    ),
    # 14. Flash item, one paragraph, JSON-LD.
    Story(
        path=ORRIN,
        title="Orrin Semiconductor Shares Halted Pending News",
        template="article",
        meta="jsonld",
        published="2025-04-24T13:12:00-04:00",
        display_date="April 24, 2025 1:12 PM EDT",
        section="markets",
        tags=["earnings"],
        authors=["Marta Oyelaran"],
        dateline="NEW YORK (Harbour Wire)",
        body=[
            (
                "NEW YORK (Harbour Wire) -- Trading in shares of Orrin Semiconductor Corp. was halted "
                "on Thursday at 1:04 p.m. Eastern Time pending the release of news, the exchange "
                "said. The company did not immediately respond to a request for comment."
            ),
        ],
        related=[TIDEWELL],
    ),
    # 15. Flash item, two paragraphs, OpenGraph only.
    Story(
        path=CORVID,
        title="Corvid Air Charter Names Finance Chief as Interim CEO",
        template="article",
        meta="og",
        published="2025-04-21T17:40:00+01:00",
        display_date="21 April 2025, 17:40 BST",
        section="markets",
        tags=["europe"],
        authors=["Hollis Grant"],
        dateline="LONDON (Harbour Wire)",
        body=[
            (
                "LONDON (Harbour Wire) -- Corvid Air Charter said on Monday that Chief Financial "
                "Officer Imogen Stroud would take over as interim chief executive with immediate "
                "effect, after Peter Lanyard stepped down for personal reasons."
            ),
            (
                "The private jet operator said its board had begun a search for a permanent "
                "successor and that its full-year guidance was unchanged."
            ),
        ],
        related=[MARROW],
    ),
    # 16. The 2019 story (only in the 2019 sitemap and a related link).
    Story(
        path=LUMORA_2019,
        kind="old_story",
        title="Lumora Biotics Raises $85 Million Series B to Advance Migraine Program",
        dek="Financing will carry lead candidate LMX-204 through a Phase 2 readout",
        template="release",
        meta="jsonld",
        published="2019-06-11T08:00:00-07:00",
        display_date="Jun 11, 2019, 08:00 PT",
        section="technology",
        tags=["healthcare"],
        source="Lumora Biotics, Inc.",
        dateline="PALO ALTO, Calif., June 11, 2019 /Harbour Wire/",
        body=[
            (
                "PALO ALTO, Calif., June 11, 2019 /Harbour Wire/ -- Lumora Biotics, Inc. today "
                "announced the close of an $85 million Series B financing to advance its lead "
                "program, LMX-204, into mid-stage clinical trials for the prevention of chronic "
                "migraine."
            ),
            (
                "The round was led by Greyling Ventures with participation from new investors Alder "
                "Crest Capital and Saffron Health Partners, as well as existing shareholders. "
                "Greyling partner Dr. Ines Caldwell will join Lumora's board of directors."
            ),
            (
                '"This financing carries LMX-204 through a full Phase 2 readout," said Lumora\'s '
                "chief executive, Victor Annan. \"We're grateful to have investors who understand "
                'how long it takes to do this properly."'
            ),
        ],
        about=(
            "About Lumora Biotics",
            (
                "Lumora Biotics, Inc. is a privately held biotechnology company in Palo Alto, "
                "California, developing long-acting treatments for chronic pain."
            ),
        ),
        contacts=["Media contact: media@lumora-biotics.example"],
        end_marker=True,
        related=[LUMORA],
    ),
    # ---- the mess ------------------------------------------------------------------------
    # (b) MENAFN-like page: 403 status, error banner above a complete story whose paragraphs
    #     are printed p1 p2 p3 p4 p2 p3 p4, ID line twice, legal disclaimer, empty comments.
    Story(
        path=ASHCOMBE,
        kind="banner_story",
        status=403,
        title="Ashcombe Water Utilities Files Five-Year Rate Plan Focused on Lead Pipe Replacement",
        template="menafn",
        meta="og",
        published="2025-04-28T07:15:22-04:00",
        display_date="4/28/2025 7:15:22 AM",
        section="markets",
        tags=["utilities"],
        source="Ashcombe Water Utilities, Inc.",
        dateline="HARTFORD, Conn., April 28, 2025 /Harbour Wire/",
        body=[
            (
                "HARTFORD, Conn., April 28, 2025 /Harbour Wire/ -- Ashcombe Water Utilities, Inc. "
                "today filed a five-year rate plan with state regulators that would pay for "
                "replacing an estimated 14,000 lead service lines across its Connecticut and Rhode "
                "Island service areas by 2030."
            ),
            (
                "Under the proposal, the average residential bill would rise by about $4.80 a month "
                "in the first year and by smaller amounts in each following year. Ashcombe said "
                "roughly 60 percent of the plan's $410 million in capital spending would go to lead "
                "line replacement, with the rest set aside for treatment plant upgrades and water "
                "main renewals."
            ),
            (
                '"Getting lead out of the ground is the most important thing we can do for public '
                'health in the communities we serve," said President and Chief Executive Rosalind '
                'Achebe-Hart. "This plan lets us do it faster while keeping bills predictable."'
            ),
            (
                "Regulators are expected to hold public hearings on the filing over the summer, "
                "with a decision due early next year. Customers can check whether their address is "
                "served by a lead line using a search tool on Ashcombe's website."
            ),
        ],
        disclaimer=True,
    ),
    # (c) Syndicated copy of story 1: "UPDATE 1-" headline, other dateline city, one added
    #     reporting line.  Own canonical (the partner's URL), OpenGraph dates.
    Story(
        path=LUMORA_COPY,
        kind="syndicated_copy",
        copy_of=LUMORA,
        title="UPDATE 1-Lumora Biotics Reports Positive Phase 2 Results for LMX-204 in Chronic "
        "Migraine",
        dek="Once-monthly injection cut migraine days by 5.1 a month more than placebo; company "
        "plans to start Phase 3 in early 2026",
        template="divs",
        meta="og",
        published="2025-04-25T12:05:00-04:00",
        display_date="April 25, 2025 12:05 PM EDT",
        section="technology",
        tags=["healthcare"],
        source="Coastal Ledger (syndicated from Harbour Wire)",
        dateline="SAN FRANCISCO, April 25, 2025 /Harbour Wire/",
        body=[
            LUMORA_BODY[0].replace("PALO ALTO, Calif.,", "SAN FRANCISCO,", 1),
            *LUMORA_BODY[1:],
            (
                "(Reporting by Harbour Wire staff in San Francisco; additional reporting by Coastal "
                "Ledger; editing by Ruth Penhallow)"
            ),
        ],
        related=[LUMORA],
    ),
]

# Pages that are not stories.  ``body`` holds the visible text blocks (not story paragraphs).
SOFT404_PAGE = {
    "path": SOFT404,
    "title": "Page not found",
    "listing_title": "Harrowgate Bank Updates Quarterly Outlook",
    "listing_date": "April 22, 2025",
}
EXPIRED_PAGE = {
    "path": EXPIRED,
    "title": "This story is no longer available",
    "listing_title": "Fenmoor Telecom Publishes Revised Tariff Notice",
    "listing_date": "March 25, 2025",
}
GONE_PAGE = {
    "path": GONE,
    "title": "Story removed",
    "listing_title": "Brindle Home Goods to Close 40 Stores",
    "lastmod": "2025-03-31T09:00:00+00:00",
}
REDIRECT_PAGE = {
    "path": REDIRECTED,
    "title": "Brackenridge Systems Withdraws Planned Share Offering",
    "listing_date": "April 10, 2025",
}
EMPTY_SHELL_PAGE = {
    "path": EMPTY_SHELL,
    "title": "Greystone Quarry Launches Community Fund for Nearby Villages",
    "listing_date": "April 19, 2025",
}
PRIVATE_PAGE = {
    "path": PRIVATE,
    "title": "EMBARGOED: Kestrel Grid Storage First-Quarter Results",
    "listing_title": "Embargoed: Kestrel Grid Storage first-quarter results (subscribers)",
}

AUTHORS = {
    "marta-oyelaran": (
        "Marta Oyelaran",
        (
            "Marta Oyelaran covers transport, logistics and equity markets for Harbour Wire from "
            "Chicago."
        ),
    ),
    "priya-venkataraman": (
        "Priya Venkataraman",
        "Priya Venkataraman reports on power markets and the energy transition from Houston.",
    ),
    "tomas-ferreira": (
        "Tomás Ferreira",
        "Tomás Ferreira is Harbour Wire's energy and commodities editor for the Americas.",
    ),
    "dieter-kalb": (
        "Dieter Kalb",
        "Dieter Kalb berichtet aus Hamburg über Handel, Häfen und Logistik.",
    ),
    "hollis-grant": (
        "Hollis Grant",
        "Hollis Grant writes about retail, travel and corporate leadership.",
    ),
}
