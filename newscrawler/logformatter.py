"""Log lines for dropped items: the reason, not the whole article.

Scrapy logs every dropped item with its full ``repr``. A run drops thousands of
pages (duplicates, soft-404s, bot walls), each with its whole body: the log grows
by the size of the rejected text and the crawl spends its time formatting it. Every
drop message of ours names the page's URL, and the rejects file keeps the evidence.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.logformatter import LogFormatter, LogFormatterResult


class NewsLogFormatter(LogFormatter):
    def dropped(self, item: Any, exception: BaseException, response: Any,
                spider: Any) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped: %(exception)s"
        result["args"] = {"exception": exception}
        return result

    def item_error(self, item: Any, exception: BaseException, response: Any,
                   spider: Any) -> LogFormatterResult:
        """The page's URL, not the whole item: the traceback follows, the rejects file has
        the line (reason ``error``)."""
        result = super().item_error(item, exception, response, spider)
        result["msg"] = "Error processing %(url)s"
        result["args"] = {"url": ItemAdapter(item).get("url") if ItemAdapter.is_item(item)
                          else repr(item)[:200]}
        return result
