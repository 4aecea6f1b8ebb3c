"""Stories 9-16 and the two messy ones: dates in text or nowhere, other languages, odd pages.

Visible or missing dates, German and French, flash items, the 2019 story, the MENAFN-like
banner page and a syndicated copy.
"""

from __future__ import annotations

from tools.demo_site.paths import (
    ASHCOMBE,
    BERGMANN,
    CELERIN,
    CORVID,
    KESTREL,
    LUMORA,
    LUMORA_2019,
    LUMORA_COPY,
    MARROW,
    NORTHGATE,
    ORRIN,
    QUILLFEATHER,
    RHEINFELD,
    SALTMARSH,
    TIDEWELL,
    VIREO,
)
from tools.demo_site.stories.dated import LUMORA_BODY
from tools.demo_site.story import Story

STORIES: list[Story] = [
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
