"""The soft-404 stage's data files, loaded once: phrases, bot-wall markers and thresholds.

Everything the classifier knows by heart lives in plain JSON under ``newscrawler/data/``
so a new language, vendor or framework marker is a data change, not a code change.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from newscrawler.utils.bounds import short_cache

DATA = Path(__file__).resolve().parent.parent / "data"

STRONG_KINDS = ("error", "expired")
# phrases matched without word boundaries: Chinese, Japanese, Thai (no spaces) and Korean
# (particles join the words: "페이지를" is "페이지" + "를")
_CJK = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s']+")


@short_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Lower case, NFKC, straight quotes, one space: the form phrases are matched in."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()).strip()


def bare(text: str) -> str:
    """``normalize`` without punctuation: ``"Sorry!! Error!"`` -> ``"sorry error"``."""
    return _SPACE.sub(" ", _PUNCT.sub(" ", normalize(text))).strip()


def _trie_regex(phrases: list[str]) -> str:
    """One regex for many literals, factored as a trie: Python's ``re`` tries alternatives
    one by one, so shared prefixes make a 300-phrase search several times faster."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return emit(trie)


def _alternation(phrases: list[str]) -> str:
    """Word-bounded for alphabetic scripts, unbounded for Chinese, Japanese, Korean and Thai."""
    phrases = sorted(set(phrases))
    words = [p for p in phrases if not _CJK.search(p)]
    cjk = [p for p in phrases if _CJK.search(p)]
    parts = []
    if words:
        parts.append(r"(?<!\w)" + _trie_regex(words) + r"(?!\w)")
    if cjk:
        parts.append(_trie_regex(cjk))
    return "|".join(parts)


@dataclass(frozen=True)
class Lexicon:
    """Compiled phrase lists: one regex per kind, over every language at once."""

    strong: re.Pattern[str]
    helper: re.Pattern[str]
    exclamations: frozenset[str]
    kinds: dict[str, str]
    """phrase -> "error" | "expired" (for reasons)."""
    languages: dict[str, str]
    """phrase -> language code (for reasons)."""


@dataclass(frozen=True)
class BotVendor:
    name: str
    titles: tuple[str, ...]
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    headers: dict[str, str]
    weak_headers: dict[str, str]
    cookies: tuple[str, ...]


@dataclass(frozen=True)
class BotWalls:
    vendors: tuple[BotVendor, ...]
    challenge_statuses: frozenset[int]
    generic_titles: frozenset[str]
    generic_phrases: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    """Thresholds (``soft404_rules.json``); the pipeline overrides some from settings."""

    min_story_words: int = 15
    banner_keep_words: int = 40
    walled_keep_words: int = 150
    probe_match: float = 0.8
    probe_below_words: int = 150
    title_coverage: float = 0.5
    block_coverage: float = 0.45
    deep_block_coverage: float = 0.6
    lead_blocks: int = 3
    max_banner_block_words: int = 60
    body_classes: frozenset[str] = frozenset()
    html_ids: frozenset[str] = frozenset()
    element_classes: frozenset[str] = frozenset()
    framework_texts: tuple[str, ...] = ()
    login_path_words: frozenset[str] = frozenset()
    redirect_shared_min: int = 5
    boilerplate: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


@cache
def lexicon() -> Lexicon:
    data = _read("soft404_phrases.json")["languages"]
    strong: list[str] = []
    helper: list[str] = []
    exclamations: set[str] = set()
    kinds: dict[str, str] = {}
    languages: dict[str, str] = {}
    for code, lists in data.items():
        for kind in STRONG_KINDS:
            for phrase in lists.get(kind, []):
                phrase = normalize(phrase)
                strong.append(phrase)
                kinds.setdefault(phrase, kind)
                languages.setdefault(phrase, code)
        helper += [normalize(p) for p in lists.get("helper", [])]
        exclamations |= {bare(p) for p in lists.get("exclamations", [])}
    return Lexicon(
        strong=re.compile(_alternation(strong)),
        helper=re.compile(_alternation(helper)),
        exclamations=frozenset(exclamations),
        kinds=kinds,
        languages=languages,
    )


@cache
def botwalls() -> BotWalls:
    data = _read("botwalls.json")
    vendors = tuple(
        BotVendor(
            name=name,
            titles=tuple(v.get("titles", [])),
            strong=tuple(v.get("strong", [])),
            weak=tuple(v.get("weak", [])),
            headers=dict(v.get("headers", {})),
            weak_headers=dict(v.get("weak_headers", {})),
            cookies=tuple(v.get("cookies", [])),
        )
        for name, v in data["vendors"].items()
    )
    generic = data.get("generic", {})
    return BotWalls(
        vendors=vendors,
        challenge_statuses=frozenset(data.get("challenge_statuses", [])),
        generic_titles=frozenset(normalize(t) for t in generic.get("titles", [])),
        generic_phrases=tuple(normalize(p) for p in generic.get("phrases", [])),
    )


@cache
def default_rules() -> Rules:
    data = _read("soft404_rules.json")
    markers = data.get("framework_markers", {})
    return Rules(
        min_story_words=int(data["min_story_words"]),
        banner_keep_words=int(data["banner_keep_words"]),
        walled_keep_words=int(data["walled_keep_words"]),
        probe_match=float(data["probe_match"]),
        probe_below_words=int(data["probe_below_words"]),
        title_coverage=float(data["title_coverage"]),
        block_coverage=float(data["block_coverage"]),
        deep_block_coverage=float(data["deep_block_coverage"]),
        lead_blocks=int(data["lead_blocks"]),
        max_banner_block_words=int(data["max_banner_block_words"]),
        body_classes=frozenset(markers.get("body_classes", [])),
        html_ids=frozenset(markers.get("html_ids", [])),
        element_classes=frozenset(markers.get("element_classes", [])),
        framework_texts=tuple(normalize(t) for t in markers.get("texts", [])),
        login_path_words=frozenset(data.get("login_path_words", [])),
        redirect_shared_min=int(data.get("redirect_shared_min", 5)),
        boilerplate=tuple(normalize(p) for p in data.get("boilerplate", [])),
    )
