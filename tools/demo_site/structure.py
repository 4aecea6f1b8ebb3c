"""What the demo site holds and where: listings, tag and author hubs, feeds, routes, navigation."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from tools.demo_site import paths
from tools.demo_site.stories import STORIES, STORY_BY_PATH
from tools.demo_site.stories.others import (
    AUTHORS,
    EMPTY_SHELL_PAGE,
    EXPIRED_PAGE,
    GONE_PAGE,
    PRIVATE_PAGE,
    REDIRECT_PAGE,
    SOFT404_PAGE,
)

BASE = "{{BASE}}"
"""Written where an absolute URL belongs; the demo server puts its own base URL there."""
SITE_NAME = "Harbour Wire"

SECTIONS = {"markets": "Markets", "technology": "Technology"}
TAG_PAGES = {
    "energy": ("Energy", [paths.KESTREL, paths.RHEINFELD]),
    "europe": (
        "Europe",
        [paths.BERGMANN, paths.RHEINFELD, paths.CELERIN, paths.CORVID, paths.VIREO],
    ),
    "earnings": ("Earnings", [paths.TIDEWELL, paths.ORRIN]),
    "healthcare": ("Healthcare", [paths.LUMORA, paths.LUMORA_2019]),
    "mergers": ("Mergers & Acquisitions", [paths.NORTHGATE, paths.CELERIN]),
}
KESTREL_TRACKED = paths.KESTREL + "?utm_source=rss"

# path -> (heading, intro, cards, prev, next, extra blocks)
LISTINGS: dict[str, dict[str, Any]] = {
    "/": {
        "heading": "Latest news",
        "intro": "Press releases and business news, updated around the clock.",
        "cards": [
            paths.ASHCOMBE,
            paths.LUMORA,
            KESTREL_TRACKED,
            paths.ORRIN,
            paths.SOFT404,
            paths.TIDEWELL,
            paths.NORTHGATE,
            paths.BERGMANN,
        ],
        "partners": [paths.LUMORA_COPY],
        "next": "/page/2/",
        "feeds": True,
    },
    "/page/2/": {
        "heading": "Latest news – page 2",
        "intro": "Older press releases and business news.",
        "cards": [
            paths.CORVID,
            paths.EMPTY_SHELL,
            paths.RHEINFELD,
            paths.CELERIN,
            paths.MARROW,
            paths.EXPIRED,
        ],
        "prev": "/",
    },
    "/markets/": {
        "heading": "Markets",
        "intro": "Deals, earnings and company news from the world's markets.",
        "cards": [
            paths.ASHCOMBE,
            paths.TIDEWELL,
            paths.NORTHGATE,
            paths.ORRIN,
            paths.REDIRECTED,
            paths.PRIVATE,
        ],
        "next": "/markets/page/2/",
    },
    "/markets/page/2/": {
        "heading": "Markets – page 2",
        "intro": "More deals, earnings and company news.",
        "cards": [paths.BERGMANN, paths.CELERIN, paths.CORVID],
        "prev": "/markets/",
    },
    "/technology/": {
        "heading": "Technology",
        "intro": "Cloud, biotech, retail technology and the companies building it.",
        "cards": [paths.VIREO, paths.LUMORA, paths.MARROW, paths.EMPTY_SHELL],
    },
}

# Discovery documents (paths of stories they list)
SITEMAP_2025 = [
    paths.LUMORA,
    paths.NORTHGATE,
    paths.KESTREL,
    paths.PALISADE,
    paths.TIDEWELL,
    paths.RHEINFELD,
    paths.BERGMANN,
    paths.ASHCOMBE,
    paths.SOFT404,
    paths.GONE,
]
SITEMAP_2019 = [paths.LUMORA_2019]
NEWS_SITEMAP = [
    paths.ASHCOMBE,
    paths.LUMORA,
    paths.ORRIN,
    paths.KESTREL,
    paths.TIDEWELL,
    paths.SALTMARSH,
]
RSS_ITEMS = [
    paths.LUMORA,
    paths.QUILLFEATHER,
    paths.ORRIN,
    paths.KESTREL,
    paths.NORTHGATE,
    paths.VIREO,
]
RSS_LINK_OVERRIDES = {paths.VIREO: paths.VIREO + "?utm_source=rss&feedref=x"}
ATOM_ENTRIES = [paths.TIDEWELL, paths.NORTHGATE, paths.BERGMANN, paths.HALVORSEN]

ROBOTS_DISALLOW = ["/private/"]

ROUTES = {
    paths.ASHCOMBE: {"status": 403},
    paths.REDIRECTED: {"status": 302, "location": "/"},
    paths.GONE: {"status": 410},
}


NON_STORY_PAGES = (
    SOFT404_PAGE,
    EXPIRED_PAGE,
    GONE_PAGE,
    REDIRECT_PAGE,
    EMPTY_SHELL_PAGE,
    PRIVATE_PAGE,
)


def card_info(href: str) -> tuple[str, str | None, str | None, str | None]:
    """(title, summary, date text, section) for a listing card."""
    path = urlsplit(href).path
    story = STORY_BY_PATH.get(path)
    if story is not None:
        date = story.listing_date or story.display_date
        return story.title, story.dek, date, SECTIONS.get(story.section)
    for page in NON_STORY_PAGES:
        if page["path"] == path:
            title = page.get("listing_title", page["title"])
            return title, None, page.get("listing_date"), "Markets"
    raise KeyError(href)


NAV = [
    ("/", "Home"),
    ("/markets/", "Markets"),
    ("/technology/", "Technology"),
    ("/tag/energy/", "Energy"),
    ("/tag/healthcare/", "Healthcare"),
    ("/tag/europe/", "Europe"),
    ("/tag/earnings/", "Earnings"),
]


def author_pages() -> dict[str, tuple[str, str, list[str]]]:
    """Hub path -> (reporter's name, bio, paths of their stories)."""
    pages: dict[str, tuple[str, str, list[str]]] = {}
    for slug, (name, bio) in AUTHORS.items():
        links = [story.path for story in STORIES if name in story.authors]
        pages[f"/author/{slug}/"] = (name, bio, links)
    return pages


def tag_pages() -> dict[str, tuple[str, str, list[str]]]:
    """Hub path -> (topic, intro, paths of its stories)."""
    return {
        f"/tag/{slug}/": (label, f"Stories tagged {label}.", links)
        for slug, (label, links) in TAG_PAGES.items()
    }
