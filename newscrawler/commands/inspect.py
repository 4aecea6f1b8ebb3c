"""``scrapy inspect PATH...``: the ``newscrawler inspect`` report from inside the project."""

from __future__ import annotations

import argparse
from typing import Any, ClassVar

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newscrawler import report


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[options] PATH..."

    def short_desc(self) -> str:
        return "Summarise exports: items, sources, days, coverage, rejects (HTML too)"

    def long_desc(self) -> str:
        return ("Summarise what runs brought in. PATH is an export (.jsonl, .jsonl.gz), "
                "a rejects file, a run folder or output/ itself. Exit status 1 when "
                "--validate finds invalid lines, 2 for a usage error.")

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        report.add_arguments(parser)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args:
            raise UsageError("name at least one export, rejects file, run folder or output/")
        if unknown := [arg for arg in args if arg.startswith("-")]:
            raise UsageError(f"unknown option(s): {' '.join(unknown)}")
        self.exitcode = report.run(args, opts)
