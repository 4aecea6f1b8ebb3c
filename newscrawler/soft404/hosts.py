"""Per-host tallies of a run: pages checked, dropped, blocked; which hosts lost too many pages."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HostDrops:
    """A host whose share of dropped pages is over the warning rate."""

    host: str
    dropped: int
    checked: int

    @property
    def rate(self) -> float:
        return self.dropped / self.checked


class HostTally:
    """What the soft-404 stage decided per host, for the warnings at the end of the run."""

    def __init__(self) -> None:
        self.checked: Counter[str] = Counter()
        self.dropped: Counter[str] = Counter()
        self.blocked: dict[str, Counter[str]] = defaultdict(Counter)

    def record(self, host: str, *, dropped: bool, blocked_by: str | None = None) -> None:
        self.checked[host] += 1
        if dropped:
            self.dropped[host] += 1
        if blocked_by is not None:
            self.blocked[host][blocked_by] += 1

    def walls(self) -> Iterator[tuple[str, str, int, int]]:
        """``(host, vendor, pages blocked, pages checked)``, hosts in order, vendors by count."""
        for host, vendors in sorted(self.blocked.items()):
            for vendor, count in vendors.most_common():
                yield host, vendor, count, self.checked[host]

    def over_rate(self, warn: float, min_pages: int) -> Iterator[HostDrops]:
        """Hosts with at least ``min_pages`` checked and a drop rate above ``warn``."""
        for host, checked in sorted(self.checked.items()):
            dropped = self.dropped[host]
            if checked >= min_pages and dropped / checked > warn:
                yield HostDrops(host, dropped, checked)
