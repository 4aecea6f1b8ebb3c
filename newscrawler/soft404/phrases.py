"""Error phrases in titles, headings and blocks, weighted by how much of the text they cover."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscrawler.soft404.rules import bare, lexicon, normalize

QUOTE_CHARS = frozenset("'\"«»„“”‚‘’「」『』")
TITLE_SEPARATORS = re.compile(r"\s(?:\||-|–|—|::|»|·)\s")


@dataclass(frozen=True, slots=True)
class PhraseHits:
    coverage: float
    """Share of the text's characters inside a matched phrase (strong or helper)."""
    strong: tuple[str, ...]
    helper: int

    @property
    def any(self) -> bool:
        return bool(self.strong or self.helper)


NO_HITS = PhraseHits(0.0, (), 0)


def phrase_hits(text: str) -> PhraseHits:
    """Error phrases in ``text``; a phrase inside quotes is a mention, not an error message.

    >>> phrase_hits("Page not found").coverage
    1.0
    >>> phrase_hits('Why "page not found" costs shops money').strong
    ()
    """
    norm = normalize(text)
    if not norm:
        return NO_HITS
    lex = lexicon()
    strong: list[str] = []
    covered = 0
    for match in lex.strong.finditer(norm):
        if _quoted(norm, match.start(), match.end()):
            continue
        strong.append(match.group(0))
        covered += match.end() - match.start()
    helper = 0
    for match in lex.helper.finditer(norm):
        helper += 1
        covered += match.end() - match.start()
    if not strong and not helper:
        return NO_HITS
    return PhraseHits(min(1.0, covered / len(norm)), tuple(strong), helper)


def _quoted(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before in QUOTE_CHARS and after in QUOTE_CHARS and before != "" and after != ""


def is_exclamation(text: str) -> bool:
    """A block that is nothing but "Sorry!! Error!", "Oops!", "404", "¡Vaya! ¡Error!"..."""
    words = bare(text)
    exclamations = lexicon().exclamations
    if words in exclamations:
        return True
    parts = words.split()
    return 2 <= len(parts) <= 4 and all(p in exclamations for p in parts)


def title_coverage(title: str | None) -> tuple[float, tuple[str, ...]]:
    """How much of the best title segment (site names are split off) is an error phrase."""
    if not title:
        return 0.0, ()
    best = (0.0, ())
    for segment in TITLE_SEPARATORS.split(title):
        if not segment.strip():
            continue
        if is_exclamation(segment) and bare(segment) not in ("error", "gone"):
            return 1.0, (bare(segment),)
        hits = phrase_hits(segment)
        if hits.strong and hits.coverage > best[0]:
            best = (hits.coverage, hits.strong)
    return best
