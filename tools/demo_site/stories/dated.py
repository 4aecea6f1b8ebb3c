"""Stories 1-8: one per way a page states its date in markup (JSON-LD, OpenGraph, meta, time)."""

from __future__ import annotations

from typing import Any

from tools.demo_site.paths import (
    BERGMANN,
    CORVID,
    HALVORSEN,
    KESTREL,
    LUMORA,
    LUMORA_2019,
    MARROW,
    NORTHGATE,
    ORRIN,
    PALISADE,
    RHEINFELD,
    TIDEWELL,
    VIREO,
)
from tools.demo_site.story import Story

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
]
