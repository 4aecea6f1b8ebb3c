"""The verdict on one page: ``ok``, ``soft404``, ``gone``, ``blocked``, ``thin`` or ``redirect``.

Ordered rules over the evidence, decided in the end by the *residual*: the story
words left after removing blocks shared with the host's probe page, error
blocks, the host's chrome and repeats. A page that carries an error banner but
also a full story keeps the story (and loses the banner); a page with nothing
left is dropped, under the class its strongest signal names. Dropping a real
story costs more than keeping junk, so a ``soft404`` drop needs a strong signal
(or two supporting ones) *and* too little story.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from newscrawler.soft404.banner import opens_with_dateline
from newscrawler.soft404.evidence import Evidence
from newscrawler.soft404.pageblocks import block_key
from newscrawler.soft404.phrases import phrase_hits
from newscrawler.soft404.probe import ProbeFingerprint, probe_similarity
from newscrawler.soft404.rules import Rules, default_rules, lexicon, normalize
from newscrawler.soft404.words import story_words

CLASSES = ("ok", "soft404", "gone", "blocked", "thin", "redirect")
DROP_CLASSES = frozenset(CLASSES[1:])


@dataclass
class Verdict:
    cls: str
    reasons: list[str] = field(default_factory=list)
    residual_words: int = 0
    probe_similarity: float | None = None
    vendor: str | None = None
    strip_blocks: list[str] = field(default_factory=list)
    """Banner blocks to remove from a kept page's body."""
    banner: bool = False
    """A kept page that carried an error banner (``error_banner_stripped``)."""

    @property
    def dropped(self) -> bool:
        return self.cls in DROP_CLASSES

    def evidence(self) -> dict[str, object]:
        """What the rejects file records beside ``reason``."""
        return {
            "reasons": list(self.reasons),
            "residual_words": self.residual_words,
            "probe_similarity": self.probe_similarity,
            "vendor": self.vendor,
        }


def _phrase_reasons(where: str, phrases: Collection[str]) -> list[str]:
    lex = lexicon()
    reasons = []
    for phrase in phrases:
        lang = lex.languages.get(phrase, "xx")
        kind = lex.kinds.get(phrase, "error")
        reasons.append(f"{where}:{kind}:{lang}")
    return sorted(set(reasons))


def _same_headline(ev: Evidence, probe: ProbeFingerprint | None) -> bool:
    """An error page shares its heading with the probe; an empty story shell does not."""
    if probe is None:
        return False
    return not ev.h1s or any(block_key(h, ev.masks) in probe.keys for h in ev.h1s)


def _boilerplate(text: str, rules: Rules) -> bool:
    norm = normalize(text)
    return story_words(text) <= 40 and any(p in norm for p in rules.boilerplate)


def residual(
    ev: Evidence,
    probe: ProbeFingerprint | None,
    chrome: Collection[str] = (),
    *,
    errors: bool = True,
    rules: Rules | None = None,
) -> tuple[int, list[str], list[str]]:
    """``(words left, reasons, banner blocks)`` of the story blocks after subtraction."""
    rules = rules or default_rules()
    probe_keys = probe.keys if probe is not None else frozenset()
    seen: set[str] = set()
    words = 0
    reasons: set[str] = set()
    banner: list[str] = []
    started = False
    for index, text in enumerate(ev.blocks):
        key = block_key(text, ev.masks)
        if key in seen:
            reasons.add("repeated_blocks")
            continue
        seen.add(key)
        strong = ev.error_blocks.get(index)
        if strong is not None and (strong or errors):
            reasons.add("error_block")
            if not started:
                banner.append(text)
            continue
        if key in probe_keys:
            reasons.add("probe_shared_block")
            if not started:
                banner.append(text)
            continue
        if _boilerplate(text, rules):
            reasons.add("boilerplate_block")
            continue
        if errors and key in chrome:
            reasons.add("chrome_block")
            continue
        started = True
        words += story_words(text)
    return words, sorted(reasons), banner


def classify(
    ev: Evidence,
    probe: ProbeFingerprint | None = None,
    chrome: Collection[str] = (),
    rules: Rules | None = None,
) -> Verdict:
    """Decide what the page is; every decision names its reasons."""
    rules = rules or default_rules()
    reasons: list[str] = []
    if ev.status != 200:
        reasons.append(f"status_{ev.status}")
    # S1/S2: a story URL that lands on the home page, a listing or a login wall
    if ev.redirect:
        return Verdict("redirect", [*reasons, f"redirect_{ev.redirect}"])
    if probe is not None and probe.redirect and ev.redirect_target \
            and probe.final_url == ev.redirect_target:
        return Verdict("redirect", [*reasons, "redirect_like_probe"])

    # S3/S4: markup and phrases
    strong: list[str] = []
    strong += _phrase_reasons("title_phrase", ev.title_phrases)
    strong += _phrase_reasons("h1_phrase", ev.h1_phrases)
    lead = [ev.blocks[i] for i, s in ev.error_blocks.items() if s]
    lead += [ev.page_blocks[i] for i in ev.banner_page_blocks]
    for text in lead:
        strong += _phrase_reasons("block_phrase", phrase_hits(text).strong) or ["block_exclamation"]
    strong += [f"framework:{m}" for m in ev.framework]
    supporting = []
    if ev.noindex and ev.deep_url:
        supporting.append("noindex")
    if ev.canonical_root:
        supporting.append("canonical_root")
    if ev.status in (401, 403):
        supporting.append("challenge_status")

    # S5/S6: the probe and the residual
    similarity = probe_similarity(ev, probe) if probe is not None else None
    if similarity is not None and similarity >= rules.probe_match and _same_headline(ev, probe):
        strong.append("probe_match")
    error_signals = bool(strong)
    words, residual_reasons, banner = residual(ev, probe, chrome, errors=error_signals, rules=rules)
    strong = sorted(set(strong))
    reasons += strong + supporting + residual_reasons

    def verdict(cls: str, extra: list[str] | None = None) -> Verdict:
        return Verdict(cls, reasons + (extra or []), words, similarity, ev.vendor)

    # S9: bot walls are never "missing"; a page titled as the wall itself needs a long story
    walled_title = any(m.startswith("title:") for m in ev.vendor_markers)
    keep_words = rules.walled_keep_words if walled_title else rules.banner_keep_words
    if ev.vendor and words < keep_words:
        return Verdict("blocked", [*reasons, f"botwall:{ev.vendor}", *ev.vendor_markers[:4]],
                       words, similarity, ev.vendor)
    if words < rules.banner_keep_words:
        if ev.status in (404, 410):
            return verdict("gone")
        if strong or len(supporting) >= 2:
            # a wire brief in an error template is a story, however short: the banner goes
            if not opens_with_dateline(ev.blocks, ev.error_blocks, banner):
                return verdict("soft404")
            reasons.append("wire_dateline_story")
    if words < rules.min_story_words:
        return verdict("thin", ["no_story_text"])
    kept = verdict("ok")
    if error_signals and (banner or ev.banner_page_blocks):
        kept.banner = True
        kept.strip_blocks = banner + [ev.page_blocks[i] for i in ev.banner_page_blocks]
        kept.reasons.append("error_banner_stripped")
    return kept


def needs_probe(ev: Evidence, verdict: Verdict, rules: Rules | None = None) -> bool:
    """Whether the host's probe could change ``verdict``: a kept or thin page with story blocks
    that is short, or carries error signals. Drops never wait for a probe."""
    rules = rules or default_rules()
    if verdict.cls not in ("ok", "thin") or not ev.blocks:
        return False
    if ev.vendor or 300 <= ev.status < 400:
        return False
    return verdict.residual_words < rules.probe_below_words or ev.strong_phrase or bool(ev.framework)
