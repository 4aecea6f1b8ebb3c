"""Request-meta keys: what one component tells another about a request (one place, so
middlewares, pipelines and the dupefilter never import a spider module for them)."""

HINTS = "newscrawler_hints"
"""Request meta: what discovery knew of a story before fetching it (title, dates, language)."""
DISCOVERY_RETRY = "newscrawler_retry_on_error"
"""Request meta: a start URL the user gave, or a feed; asked again when a redirect leads it to
an HTTP error (``newscrawler.downloadermiddlewares.discoveryretry``)."""
STORY = "newscrawler_story"
"""Request meta: discovery says this URL is a story, so the page becomes an item whatever it
holds, and the cleaning stages judge it."""
DISCOVERY = "newscrawler_discovery"
"""Request meta: a feed, sitemap or robots.txt, read again on every run (a distributed crawl
remembers its fingerprint for the run only)."""
NAMED_BY_START = "newscrawler_named_by_start"
"""Request meta: named by a local file the user gave as a start URL, so its host is one of the
crawl's sites (``newscrawler.downloadermiddlewares.fetchpolicy``)."""
LISTING_PAGE = "newscrawler_listing_page"
"""Request meta: which page of a paginated listing this is (the first has none)."""
PROBE = "newscrawler_probe"
"""Request meta: a soft-404 probe (its redirects are followed: where they go is the answer)."""
REDIRECT = "soft404_redirect"
"""Response meta: ``{"kind": "root"|"listing"|"login"|"shared", "target": url}``."""
WARC_RECORD = "newscrawler_warc_record"
"""Request meta: the archived response a WARC record holds (``{"file", "offset", "date",
"status", "headers", "body"}``), served unfetched (``downloadermiddlewares.warcrecords``)."""
WARC_FILE = "newscrawler_warc_file"
"""Request meta: one WARC file of a distributed ``scrapy crawl warc`` (a unit of work taken
by one worker); answered with an empty response, and its callback reads the file."""
UNIT = "newscrawler_unit"
"""Request meta: the name of a unit of work of a distributed crawl (a WARC file), claimed
before it is read, its request held by the worker until its feed is published
(:meth:`newscrawler.distributed.coordinator.Coordinator.claim`)."""
