"""The per-host probe (Bar-Yossef et al. 2004): ask for a page that cannot exist, remember the answer.

A host that answers a nonexistent URL with 200 and a template tells us what its
error page looks like; a page whose text is mostly that template is no story,
whatever words it uses. Probes are cached per (host, URL pattern), because one
site may have different error templates for ``/news/...`` and ``/de/...``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from lxml import etree

from newscrawler.soft404.evidence import Evidence
from newscrawler.soft404.pageblocks import block_key, page_blocks, url_masks
from newscrawler.soft404.redirects import redirect_kind
from newscrawler.soft404.words import story_words

_DIGITS = re.compile(r"\d+")
_ALNUM_ID = re.compile(r"^(?=.*\d)[a-z0-9]{8,}$", re.IGNORECASE)
PROBE_LETTERS = 24


def url_pattern(url: str) -> str:
    """The host and path template a probe stands for: numbers and slugs generalised.

    >>> url_pattern("https://Wire.example/news/2025/04/22/bank-outlook-update.html")
    'wire.example/news/0/0/0/{slug}.html'
    """
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return f"{(parts.hostname or '').lower()}/"
    template = []
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        stem, dot, ext = segment.rpartition(".") if last and "." in segment else (segment, "", "")
        if _DIGITS.fullmatch(stem) or _ALNUM_ID.match(stem):
            stem = "0"
        elif last or "-" in stem or "_" in stem:
            stem = "{slug}"
        template.append(stem + dot + ext)
    trailing = "/" if parts.path.endswith("/") else ""
    return f"{(parts.hostname or '').lower()}/" + "/".join(template) + trailing


def probe_url(url: str) -> str:
    """A URL of the same pattern that cannot exist: the last segment replaced by random letters.

    The letters are derived from the pattern, so a run is reproducible and every
    page of one pattern shares the probe.

    >>> probe_url("https://w.example/news/2025/04/22/bank-outlook.html").startswith(
    ...     "https://w.example/news/2025/04/22/")
    True
    """
    parts = urlsplit(url)
    digest = hashlib.sha1(url_pattern(url).encode("utf-8")).digest()
    letters = "".join(chr(ord("a") + b % 26) for b in digest[:PROBE_LETTERS])
    path = parts.path or "/"
    head, _, last = path.rstrip("/").rpartition("/")
    ext = "." + last.rsplit(".", 1)[1] if "." in last else ""
    new_last = f"{letters}{ext}" + ("/" if path.endswith("/") and not ext else "")
    return urlunsplit((parts.scheme, parts.netloc, f"{head}/{new_last}", "", ""))


@dataclass(frozen=True)
class ProbeFingerprint:
    """What a host answered for a URL that cannot exist."""

    url: str
    status: int
    final_url: str
    redirect: str | None
    """``root``/``listing``/``login`` when the probe was redirected there."""
    keys: frozenset[str]
    """Block keys of its visible text (its own URL masked, digits zeroed)."""
    words: int

    def to_json(self) -> dict[str, Any]:
        """Plain data, for sharing the probe between workers (a Redis state store)."""
        return {**dataclasses.asdict(self), "keys": sorted(self.keys)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ProbeFingerprint:
        return cls(**{**data, "keys": frozenset(data["keys"])})

    @property
    def soft(self) -> bool:
        """The host answered a nonexistent URL with a page, not an error status."""
        return self.status == 200 and self.redirect is None


def fingerprint(
    url: str,
    status: int,
    root: etree._Element | None,
    final_url: str | None = None,
    redirect_urls: Sequence[str] = (),
) -> ProbeFingerprint:
    """The fingerprint of one probe answer."""
    final = final_url or url
    redirect = redirect_kind(url, final) if redirect_urls or final != url else None
    blocks = page_blocks(root) if root is not None else []
    masks = url_masks(url) + (url_masks(final) if final != url else ())
    keys = frozenset(block_key(b, masks) for b in blocks)
    return ProbeFingerprint(url, status, final, redirect, keys, sum(story_words(b) for b in blocks))


def probe_similarity(ev: Evidence, probe: ProbeFingerprint | None) -> float:
    """Share of the page's story words that the probe page shows too (0 without a probe).

    Story blocks, not the whole page: a short brief on a chrome-heavy site shares
    its chrome with the probe, but not its paragraphs. A page without story
    blocks has nothing to compare (it is thin whatever the probe says).
    """
    if probe is None or not probe.keys:
        return 0.0
    total = shared = 0
    for text in ev.blocks:
        words = story_words(text)
        total += words
        if block_key(text, ev.masks) in probe.keys:
            shared += words
    return round(shared / total, 3) if total else 0.0
