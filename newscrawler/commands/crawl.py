"""``scrapy crawl`` that checks spider arguments before anything starts.

Scrapy builds the spider inside the reactor, where a bad ``-a`` value only
surfaces as a traceback; checking first gives the usual usage error instead.
"""

from __future__ import annotations

import argparse

from scrapy.commands import crawl


class Command(crawl.Command):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) == 1 and self.crawler_process is not None:
            spidercls = self.crawler_process.spider_loader.load(args[0])
            check = getattr(spidercls, "check_arguments", None)
            if check is not None:
                check(**opts.spargs)  # raises UsageError with a clear message
        super().run(args, opts)
