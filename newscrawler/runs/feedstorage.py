"""Local feeds written as ``<name>.part`` and renamed when the run closes.

A reader (or the next cron job) never sees a half-written export: until the
run ends the feed is ``output/<spider>/<time>.jsonl.part``; a run killed with
``kill -9`` leaves only that part file, which no ``*.jsonl`` glob picks up.
Registered for ``file://`` and plain paths in ``FEED_STORAGES``, so ``-o`` and
``-O`` get it too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from scrapy import Spider
from scrapy.extensions.feedexport import FileFeedStorage

from newscrawler.runs.files import part_path, publish


class AtomicFileFeedStorage(FileFeedStorage):
    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.final = Path(self.path)
        self.part = part_path(self.final)

    def open(self, spider: Spider) -> IO[bytes]:
        self.final.parent.mkdir(parents=True, exist_ok=True)
        # unbuffered: each exported line is in the file before the state store records the
        # story as exported, so a worker killed with kill -9 loses no line it exported
        return self.part.open("wb", buffering=0)

    def store(self, file: IO[bytes]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        publish(self.part, self.final, append=self.write_mode == "ab")
