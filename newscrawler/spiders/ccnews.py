"""``scrapy crawl ccnews -a month=YYYY-MM``: Common Crawl's CC-NEWS archive of that month (or day)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, ClassVar

from scrapy.exceptions import UsageError

from newscrawler.spiders.warc import WarcSpider

CC_HOST = "https://data.commoncrawl.org"
MONTH = re.compile(r"(\d{4})-(\d{2})")


def listing_url(month: str | None, day: str | None) -> str:
    """The month's ``warc.paths.gz`` (a day's month).

    >>> listing_url("2024-05", None)
    'https://data.commoncrawl.org/crawl-data/CC-NEWS/2024/05/warc.paths.gz'
    >>> listing_url(None, "2024-05-02")
    'https://data.commoncrawl.org/crawl-data/CC-NEWS/2024/05/warc.paths.gz'
    """
    if bool(month) == bool(day):
        raise UsageError("the ccnews spider needs -a month=YYYY-MM or -a day=YYYY-MM-DD")
    if day:
        try:
            month = date.fromisoformat(day).strftime("%Y-%m")
        except ValueError:
            raise UsageError(f"day={day!r} is not a date (YYYY-MM-DD)") from None
    match = MONTH.fullmatch(month or "")
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise UsageError(f"month={month!r} is not a month (YYYY-MM)")
    return f"{CC_HOST}/crawl-data/CC-NEWS/{match.group(1)}/{match.group(2)}/warc.paths.gz"


class CcNewsSpider(WarcSpider):
    """Reads the month's listing and its WARC files (about 1 GB each, a few hundred a
    month); ``-a day=`` keeps the files whose name starts that day
    (``CC-NEWS-YYYYMMDDhhmmss-nnnnn.warc.gz``). The other arguments are the warc spider's."""

    name = "ccnews"
    spider_arguments: ClassVar[tuple[str, ...]] = (
        "month", "day", *(a for a in WarcSpider.spider_arguments if a != "url"))

    def __init__(self, *args: Any, month: str | None = None, day: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, url=listing_url(month, day), **kwargs)
        self.day_stamp = f"CC-NEWS-{day.replace('-', '')}" if day else None

    @classmethod
    def check_arguments(cls, **kwargs: str) -> None:
        super().check_arguments(**kwargs)
        listing_url(kwargs.get("month"), kwargs.get("day"))

    @classmethod
    def check_sources(cls, url: str | list[str] | None) -> None:
        """The listing is the month's: nothing to check."""

    def wanted_file(self, location: str) -> bool:
        return self.day_stamp is None or location.rsplit("/", 1)[-1].startswith(self.day_stamp)
