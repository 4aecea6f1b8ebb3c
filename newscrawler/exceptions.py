"""Exceptions shared by the cleaning stages."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem


class Rejected(DropItem):
    """A dropped page that gets a line in the run's rejects file.

    ``reason`` is the machine-readable class (``soft404``, ``blocked``,
    ``duplicate``, ...); ``evidence`` is what the decision rested on, written
    beside it. Subclass it per stage so Scrapy counts each kind of drop under
    ``item_dropped_reasons_count/<Class>``.
    """

    def __init__(
        self,
        reason: str,
        message: str,
        *,
        evidence: dict[str, Any] | None = None,
        log_level: str = "INFO",
    ) -> None:
        super().__init__(message, log_level=log_level)
        self.reason = reason
        self.evidence = evidence or {}


class StoreUnavailable(Rejected):
    """The state store did not answer for this item (its Redis went away): one line, reason
    ``error``, not a traceback per item. Not exported, so a later run fetches it again."""
