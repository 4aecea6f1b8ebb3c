"""Pages that are not stories (error, expired, removed, redirected, empty, private); reporters."""

from __future__ import annotations

from tools.demo_site.paths import EMPTY_SHELL, EXPIRED, GONE, PRIVATE, REDIRECTED, SOFT404

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
