"""The run's probes: fetched or under way, one per URL pattern, a few patterns per host."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

from newscrawler.soft404.probe import ProbeFingerprint


class ProbeBook:
    """Probe answers (or the fetch under way) by URL pattern, and patterns probed per host."""

    def __init__(self, max_patterns: int) -> None:
        self.max_patterns = max_patterns
        self.answers: dict[str, ProbeFingerprint | asyncio.Future[Any] | None] = {}
        self.patterns: Counter[str] = Counter()

    def known(self, key: str) -> bool:
        return key in self.answers

    async def answer(self, key: str) -> ProbeFingerprint | None:
        """The answer for a known pattern, waiting for a fetch under way."""
        cached = self.answers[key]
        return await cached if isinstance(cached, asyncio.Future) else cached

    def admit(self, host: str) -> bool:
        """Whether the host may have one more pattern probed (and count it when so)."""
        if self.patterns[host] >= self.max_patterns:
            return False
        self.patterns[host] += 1
        return True

    def put(self, key: str, value: ProbeFingerprint | asyncio.Future[Any] | None) -> None:
        self.answers[key] = value
