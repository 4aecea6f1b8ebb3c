"""newscrawler settings: overrides of Scrapy's defaults and the project's own switches only.

Every project setting is listed in the README's settings table; components read them in
from_crawler, where their defaults live.

    https://docs.scrapy.org/en/latest/topics/settings.html
"""

from newscrawler.items import EXPORT_FIELDS

BOT_NAME = "newscrawler"

SPIDER_MODULES = ["newscrawler.spiders"]
NEWSPIDER_MODULE = "newscrawler.spiders"
# our crawl command checks -a arguments before the crawl starts
COMMANDS_MODULE = "newscrawler.commands"

ADDONS: dict[str, int] = {
    # a setting renamed in this release still works under its old name, with a warning
    "newscrawler.components.RenamedSettings": 0,
    # requests waiting to be fetched are kept on disk (newscrawler.scheduler), not in memory
    "newscrawler.scheduler.DiskFrontier": 0,
    # USER_AGENT = "newscrawler/0.1 (+<NEWSCRAWLER_CONTACT>)" unless USER_AGENT is set
    "newscrawler.extensions.useragent.ContactUserAgent": 0,
    # with REDIS_URL set: scheduler, dupefilter and state in Redis (newscrawler.distributed)
    "newscrawler.distributed.DistributedCrawl": 0,
}

# --- Politeness ------------------------------------------------------------------------------
# Say who we are and how to reach the operator: the User-Agent becomes
# "newscrawler/0.1 (+mailto:data-team@example.com)"; a USER_AGENT of your own replaces it.
NEWSCRAWLER_CONTACT = "https://github.com/newscrawler/newscrawler"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Scrapy starts this many tasks for the output of every page; a news page yields one
# story and a few links, so Scrapy's 100 only cost time (7% of a crawl's CPU, measured).
CONCURRENT_ITEMS = 8
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_TIMES = 2
# 429/503 with Retry-After wait as asked (up to RETRY_AFTER_MAX) before the retry; must come
# before RetryMiddleware (550) on the way back, which would retry at once
DOWNLOADER_MIDDLEWARES = {
    # a page read from a WARC file (scrapy crawl warc) is answered from the archive, unfetched:
    # before the offsite (50), fetch policy (60) and robots.txt (100) middlewares
    "newscrawler.downloadermiddlewares.warcrecords.ArchivedResponseMiddleware": 40,
    # what a page, feed, sitemap or redirect names is fetched only over http/https, on the
    # start hosts or DISCOVERY_ALLOWED_HOSTS, on public addresses unless the start is local:
    # after OffsiteMiddleware (50), before robots.txt is asked (100); redirects pass again
    "newscrawler.downloadermiddlewares.fetchpolicy.FetchPolicyMiddleware": 60,
    # a feed or start URL redirected to an error page is asked again at its first URL: after
    # RedirectMiddleware (600) and RetryMiddleware (550) on the way back
    "newscrawler.downloadermiddlewares.discoveryretry.DiscoveryRetryMiddleware": 540,
    "newscrawler.downloadermiddlewares.retryafter.RetryAfterMiddleware": 560,
    # windows-1252 pages declared UTF-8 are re-decoded; after decompression (590) on the way back
    "newscrawler.downloadermiddlewares.charset.Cp1252FallbackMiddleware": 575,
    # a story redirected to the home page / a listing / a login wall reaches the soft-404 stage
    # instead of being followed (and dupe-filtered): before RedirectMiddleware (600) on the way back
    "newscrawler.downloadermiddlewares.soft404.StoryRedirectMiddleware": 650,
    # a Location, meta refresh or <base> that is no URL ("http://[::1") is not followed, and
    # the page is parsed instead of lost: before RedirectMiddleware (600) and after
    # decompression (590), before MetaRefreshMiddleware (580), on the way back
    "newscrawler.downloadermiddlewares.badurls.BadLocationMiddleware": 610,
    "newscrawler.downloadermiddlewares.badurls.BadMetaRefreshMiddleware": 585,
    # the robots.txt Scrapy fetched to obey it answers the spider's request for its Sitemap:
    # lines (fetched once): like HttpCacheMiddleware (900), after DownloaderStats (850)
    "newscrawler.downloadermiddlewares.robotstxt.RobotsTxtReuseMiddleware": 880,
    # WARC_OUTPUT: each response archived as it came, next to the downloader (before
    # DownloaderStats, 850, and decompression, 590, on the way back)
    "newscrawler.downloadermiddlewares.warcoutput.WarcOutputMiddleware": 900,
}

# Story pages an earlier run exported are not requested again (incremental runs): first to
# see what the spider yields, so a dropped request never reaches the duplicate filter
SPIDER_MIDDLEWARES = {
    # next to the engine: a sitemap is read as the frontier drains, not at all once closing
    "newscrawler.spidermiddlewares.backlog.DiscoveryBacklogMiddleware": 30,
    "newscrawler.spidermiddlewares.incremental.SkipExportedMiddleware": 950,
}

# Error pages are evidence, not noise: a wire may wrap a real story in a 403 or 404 template,
# so these statuses reach the parsers and the cleaning stages instead of being dropped unseen.
HTTPERROR_ALLOWED_CODES = [401, 403, 404, 410]

# --- Items and export ------------------------------------------------------------------------
ITEM_PIPELINES = {
    "newscrawler.pipelines.clean.CleanArticlePipeline": 100,
    # not a story: error templates, expired notices, bot walls, empty shells, redirects home
    "newscrawler.pipelines.soft404.Soft404Pipeline": 200,
    # repeated content: within the page, site boilerplate, copies across sites and runs
    "newscrawler.pipelines.repeats.RepeatsPipeline": 300,
    "newscrawler.pipelines.boilerplate.BoilerplatePipeline": 320,
    "newscrawler.pipelines.duplicates.DuplicatesPipeline": 340,
    "newscrawler.pipelines.required.RequiredFieldsPipeline": 800,
    "newscrawler.pipelines.limit.MaxItemsPipeline": 1000,
}

EXTENSIONS = {
    # the state store: opened when a stage first asks, closed after the feed; the export ledger
    "newscrawler.extensions.state.StateStoreExtension": 100,
    # pages lost to an exception while parsed or in a pipeline: counted (errors/*)
    "newscrawler.extensions.errors.PageErrors": 490,
    "newscrawler.extensions.rejects.RejectsWriter": 500,
    "newscrawler.extensions.summary.RunSummary": 900,
    "newscrawler.extensions.memtrim.MemoryTrim": 950,
}

# One new file per run, named by the run's UTC start time; -o/-O on the command line replace it.
DEFAULT_FEED_URI = "output/%(name)s/%(time)s.jsonl"
FEEDS = {
    DEFAULT_FEED_URI: {
        "format": "jsonlines",
        "encoding": "utf-8",
        "store_empty": False,
    },
}
FEED_EXPORT_ENCODING = "utf-8"
# Local feeds are written as .part files and renamed when the run closes.
FEED_STORAGES = {
    "": "newscrawler.runs.feedstorage.AtomicFileFeedStorage",
    "file": "newscrawler.runs.feedstorage.AtomicFileFeedStorage",
}
# The Article fields that are the JSONL schema (its `page` helper field is never exported).
FEED_EXPORT_FIELDS = EXPORT_FIELDS
# One clock per run: the feed, the rejects file and (later) the summary share its %(time)s.
FEED_URI_PARAMS = "newscrawler.runs.naming.uri_params"

# --- Runtime ---------------------------------------------------------------------------------
LOG_LEVEL = "INFO"
# A dropped page is logged with its reason and URL, not its whole text (the rejects file has it).
LOG_FORMATTER = "newscrawler.logformatter.NewsLogFormatter"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
# Scrapy's caching resolver, refusing a name that turns from a public to a private address
# between the fetch policy's check and the connection (DNS rebinding)
TWISTED_DNS_RESOLVER = "newscrawler.resolver.PublicPinningResolver"
