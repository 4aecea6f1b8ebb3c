"""Language codes: normalise declared tags and detect the language of article text.

Pages declare their language in many spellings (``en-US``, ``pt_BR``, ``eng``,
``English``); items carry one: a lowercase ISO 639-1 code.  When a page declares
nothing, :func:`detect_language` guesses from the text: script ranges decide for
non-Latin scripts, stopword frequencies for Latin ones.  It is deliberately small and
fast (tens of microseconds for 2,000 characters) and says ``None`` rather than guess on
weak evidence.
"""

from __future__ import annotations

import re
from collections import Counter

from newscrawler.utils._stopwords import STOPWORDS

__all__ = ["detect_language", "normalize_language"]

# --------------------------------------------------------------------------- normalising

ISO_639_1: frozenset[str] = frozenset(
    str.split(
        """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs
    cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha
    he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn
    ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb
    nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd
    se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw
    ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """
    )
)

# Withdrawn ISO 639-1 codes still seen in the wild.
_DEPRECATED = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}

# ISO 639-2/3 codes (both B and T forms) for languages that have a 639-1 code.
_ISO_639_2 = {
    "ara": "ar",
    "bul": "bg",
    "cat": "ca",
    "ces": "cs",
    "cze": "cs",
    "chi": "zh",
    "zho": "zh",
    "cmn": "zh",
    "dan": "da",
    "deu": "de",
    "ger": "de",
    "dut": "nl",
    "nld": "nl",
    "ell": "el",
    "gre": "el",
    "eng": "en",
    "est": "et",
    "eus": "eu",
    "baq": "eu",
    "fas": "fa",
    "per": "fa",
    "fin": "fi",
    "fra": "fr",
    "fre": "fr",
    "glg": "gl",
    "heb": "he",
    "hin": "hi",
    "hrv": "hr",
    "hun": "hu",
    "ind": "id",
    "ita": "it",
    "jpn": "ja",
    "kor": "ko",
    "lav": "lv",
    "lit": "lt",
    "msa": "ms",
    "may": "ms",
    "nor": "no",
    "nob": "nb",
    "nno": "nn",
    "pol": "pl",
    "por": "pt",
    "ron": "ro",
    "rum": "ro",
    "rus": "ru",
    "slk": "sk",
    "slo": "sk",
    "slv": "sl",
    "spa": "es",
    "srp": "sr",
    "swe": "sv",
    "tha": "th",
    "tur": "tr",
    "ukr": "uk",
    "urd": "ur",
    "vie": "vi",
}

# Language names some sites put in <meta name="language">.
_NAMES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "italian": "it",
    "italiano": "it",
    "portuguese": "pt",
    "português": "pt",
    "portugues": "pt",
    "dutch": "nl",
    "nederlands": "nl",
    "arabic": "ar",
    "russian": "ru",
    "chinese": "zh",
    "japanese": "ja",
    "korean": "ko",
    "turkish": "tr",
    "türkçe": "tr",
    "polish": "pl",
    "polski": "pl",
    "swedish": "sv",
    "svenska": "sv",
    "ukrainian": "uk",
}

# The primary subtag: letters up to the first "-", "_", space, "," or ";".
_PRIMARY_RE = re.compile(r"\s*([^\W\d_]+)\s*(?:[-_\s,;(]|$)")


def normalize_language(tag: str | None) -> str | None:
    """The ISO 639-1 code of a declared language tag, or None for junk.

    Accepts BCP 47 / POSIX tags, ISO 639-2 codes, a few English and native names, and
    the first entry of a list (``"en-US,en;q=0.9"``).  Always returns a two-letter
    code: a valid 639-2 code without a 639-1 equivalent (``fil``) also gives None.

    >>> normalize_language("en-US"), normalize_language("pt_BR"), normalize_language("zh-Hant-TW")
    ('en', 'pt', 'zh')
    >>> normalize_language("ENG"), normalize_language("Deutsch"), normalize_language("iw")
    ('en', 'de', 'he')
    >>> normalize_language("x-default") is None, normalize_language("12") is None
    (True, True)
    """
    if not tag or not isinstance(tag, str):
        return None
    m = _PRIMARY_RE.match(tag)
    if m is None:
        return None
    primary = m.group(1).lower()
    if len(primary) == 2:
        if primary in ISO_639_1:
            return primary
        return _DEPRECATED.get(primary)
    if len(primary) == 3:
        return _ISO_639_2.get(primary)
    return _NAMES.get(primary)


# --------------------------------------------------------------------------- detection

SAMPLE_CHARS = 2000  # detection looks at this many characters at most
SCRIPT_SAMPLE_CHARS = 1000  # enough to tell the dominant script
MIN_WORDS = 20  # fewer words than this is too little evidence
MIN_CJK_CHARS = 20  # Chinese/Japanese/Korean/Thai: characters instead of words

_WORD_RE = re.compile(r"[^\W\d_]+")

# Script counting works on the UTF-8 bytes: every character of a script block starts
# with a known lead byte (or two-byte prefix), and ``bytes.count`` finds those far faster
# than a regex can list matches (Arabic text has 1,500 matches in 2,000 characters).
_SCRIPT_PREFIXES: dict[str, tuple[bytes, ...]] = {
    "cyrillic": (b"\xd0", b"\xd1", b"\xd2", b"\xd3"),  # U+0400-04FF
    "greek": (b"\xce", b"\xcf"),  # U+0380-03FF
    "hebrew": (b"\xd7",),  # U+05C0-05FF (the letters)
    "arabic": (b"\xd8", b"\xd9", b"\xda", b"\xdb"),  # U+0600-06FF
    "devanagari": (b"\xe0\xa4", b"\xe0\xa5"),  # U+0900-097F
    "thai": (b"\xe0\xb8", b"\xe0\xb9"),  # U+0E00-0E7F
    "kana": (b"\xe3\x81", b"\xe3\x82", b"\xe3\x83"),  # U+3040-30FF
    "han": (b"\xe4", b"\xe5", b"\xe6", b"\xe7", b"\xe8", b"\xe9"),  # U+4000-9FFF
    "hangul": (b"\xea", b"\xeb", b"\xec", b"\xed"),  # U+A000-DFFF, mostly U+AC00-D7AF
}
# Latin letters beyond ASCII: lead bytes of U+00C0-027F (Latin-1 letters, Extended-A/B).
_LATIN_LEADS: tuple[bytes, ...] = (b"\xc3", b"\xc4", b"\xc5", b"\xc6", b"\xc7", b"\xc8", b"\xc9")
# bytes.translate deletes all of these, leaving only the ASCII letters.
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))

_UK_MARKERS_RE = re.compile(r"[іїєґІЇЄҐ]")
_RU_MARKERS_RE = re.compile(r"[ыэёЫЭЁ]")
_FA_MARKERS_RE = re.compile(r"[\u067e\u0686\u0698\u06af\u06cc\u06a9]")  # پ چ ژ گ ی ک
_AR_MARKERS_RE = re.compile(r"[\u064a\u0643\u0629]")  # ي ك ة
_UR_MARKERS_RE = re.compile(r"[\u0679\u0688\u0691\u06ba\u06d2]")  # ٹ ڈ ڑ ں ے

_LANGS: tuple[str, ...] = tuple(STOPWORDS)
# word -> ((language index, weight), ...); a word shared by k languages weighs 1/k.
_STOPWORD_INDEX: dict[str, tuple[tuple[int, float], ...]] = {}
for _word in set().union(*STOPWORDS.values()):
    _hits = [i for i, lang in enumerate(_LANGS) if _word in STOPWORDS[lang]]
    _STOPWORD_INDEX[_word] = tuple((i, 1.0 / len(_hits)) for i in _hits)
del _word, _hits

MIN_STOPWORD_SHARE = 0.08  # winner's weighted stopword hits per word, at least
MIN_MARGIN = 1.5  # winner must beat the runner-up by this factor


def _script_language(script: str, sample: str, counts: dict[str, int]) -> str | None:
    """The language of a non-Latin script, telling apart the common languages sharing it."""
    if script == "cyrillic":
        uk = len(_UK_MARKERS_RE.findall(sample))
        ru = len(_RU_MARKERS_RE.findall(sample))
        if uk > ru:
            return "uk"
        return "ru" if ru else None  # no ы/э/ё: Bulgarian, Serbian... not Russian
    if script == "arabic":
        if len(_UR_MARKERS_RE.findall(sample)) >= 3:
            return "ur"
        if len(_FA_MARKERS_RE.findall(sample)) > len(_AR_MARKERS_RE.findall(sample)):
            return "fa"
        return "ar"
    if script == "cjk":
        return "ja" if counts["kana"] >= max(2, counts["cjk"] * 0.05) else "zh"
    return {
        "greek": "el",
        "hebrew": "he",
        "devanagari": "hi",
        "thai": "th",
        "hangul": "ko",
    }[script]


def _dominant_script(sample: str) -> str | None:
    """Decide by script when a non-Latin script holds most letters.

    Returns a language code, ``""`` for "not Latin, but too little or unclear evidence",
    or None when the text is mostly Latin and stopwords should decide.
    """
    data = sample[:SCRIPT_SAMPLE_CHARS].encode("utf-8", "surrogatepass")
    counts = {
        name: sum(data.count(prefix) for prefix in prefixes)
        for name, prefixes in _SCRIPT_PREFIXES.items()
    }
    counts["cjk"] = counts["han"] + counts["kana"]
    script = max(
        ("cyrillic", "greek", "hebrew", "arabic", "devanagari", "thai", "cjk", "hangul"),
        key=counts.__getitem__,
    )
    top = counts[script]
    latin = len(data.translate(None, _NOT_ASCII_LETTERS))
    latin += sum(data.count(lead) for lead in _LATIN_LEADS)
    if top == 0 or top <= latin:
        return None
    if script in ("cjk", "hangul", "thai"):
        enough = top >= MIN_CJK_CHARS
    else:
        enough = len(sample.split()) >= MIN_WORDS
    if not enough:
        return ""
    return _script_language(script, sample, counts) or ""


def _latin_language(words: list[str]) -> str | None:
    scores = [0.0] * len(_LANGS)
    for word, count in Counter(words).items():
        hits = _STOPWORD_INDEX.get(word)
        if hits:
            for i, weight in hits:
                scores[i] += weight * count
    ranked = sorted(range(len(_LANGS)), key=scores.__getitem__, reverse=True)
    best, second = scores[ranked[0]], scores[ranked[1]]
    if best < MIN_STOPWORD_SHARE * len(words) or best < MIN_MARGIN * second:
        return None
    return _LANGS[ranked[0]]


def detect_language(text: str) -> str | None:
    """Guess the ISO 639-1 language of ``text``; None when the evidence is weak.

    Knows en, de, fr, es, it, pt, nl, tr, pl, sv by stopwords and ar, fa, ur, ru, uk,
    el, he, hi, th, ko, ja, zh by script.  Looks at the first 2,000 characters only,
    and needs 20+ words (20+ characters for Chinese, Japanese, Korean and Thai).

    >>> detect_language(
    ...     "The central bank said on Tuesday that it would keep interest rates on hold "
    ...     "for the rest of the year, citing slower growth and a weaker labour market "
    ...     "than it had expected in the spring."
    ... )
    'en'
    >>> detect_language("東京都は25日、新型コロナウイルスの感染者が新たに確認されたと発表した。")
    'ja'
    >>> detect_language("Breaking news") is None
    True
    """
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    if not sample.isascii():
        language = _dominant_script(sample)
        if language is not None:
            return language or None
    words = _WORD_RE.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    return _latin_language(words)
