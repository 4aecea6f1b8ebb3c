"""Bot walls and challenge pages (Cloudflare, DataDome...): the story may exist, not here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newscrawler.soft404.rules import botwalls, normalize

HTML_SAMPLE_CHARS = 64 * 1024
# Bot walls are small pages: at status 200, larger pages are not searched for markers.
SMALL_PAGE_CHARS = 32 * 1024


def detect_botwall(
    status: int,
    title: str | None,
    html_sample: str,
    headers: Mapping[str, Sequence[str]],
) -> tuple[str | None, list[str]]:
    """``(vendor, markers)``: ``("cloudflare", [...])``, ``("unknown", [...])`` or ``(None, [])``.

    A vendor is named on a strong marker (a challenge title, a challenge script, a
    mitigation header), or on weak ones when the status is a challenge status.
    """
    walls = botwalls()
    challenge = status in walls.challenge_statuses
    if not challenge and len(html_sample) > SMALL_PAGE_CHARS:
        return None, []  # walls are small pages; a full article at 200 is read no further
    text = html_sample[:HTML_SAMPLE_CHARS].lower()
    norm_title = normalize(title or "")
    cookies = " ".join(headers.get("set-cookie", ())).lower()
    best: tuple[int, str | None, list[str]] = (0, None, [])
    for vendor in walls.vendors:
        strong = [f"title:{t}" for t in vendor.titles if norm_title == t]
        strong += [f"html:{m}" for m in vendor.strong if m in text]
        strong += [f"header:{h}" for h, v in vendor.headers.items()
                   if any(v in x.lower() for x in headers.get(h, ()))]
        weak = [f"html:{m}" for m in vendor.weak if m in text]
        weak += [f"header:{h}" for h, v in vendor.weak_headers.items()
                 if any(v in x.lower() for x in headers.get(h, ()))]
        weak += [f"cookie:{c}" for c in vendor.cookies if f"{c}" in cookies]
        score = 2 * len(strong) + len(weak)
        named = (strong and (challenge or len(strong) >= 2 or weak)) or (challenge and len(weak) >= 2)
        if named and score > best[0]:
            best = (score, vendor.name, strong + weak)
    if best[1] is not None:
        return best[1], best[2]
    if challenge or status == 200:
        generic = [f"title:{norm_title}"] if norm_title in walls.generic_titles else []
        generic += [f"html:{p}" for p in walls.generic_phrases if p in text]
        if generic and (challenge or len(generic) >= 2):
            return "unknown", generic
    return None, []
