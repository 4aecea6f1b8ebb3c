"""Level 4: near-duplicates: syndicated copies with small edits.

* **Candidates**: MinHash over word 3-shingles of the story core (character 3-shingles
  in Chinese and Japanese, see :func:`words`), ``NUM_PERM``
  values cut into ``BANDS`` bands of ``ROWS`` (LSH): two stories share a band
  key with high probability when their Jaccard similarity is above about 0.45.
  The store indexes band keys, so the search costs a few index lookups however
  many stories it holds.
* **Verification**: the estimated Jaccard of the two signatures, or the
  containment of the smaller in the larger (copies that drop or add
  paragraphs), and evidence that the copies share their lead.
* **Template guard**: two releases that say the same sentences with other
  numbers, dates, tickers or names (dividend notices, earnings-date
  announcements) are different stories. Each paragraph also gets a *skeleton*
  hash with those tokens masked; a paragraph whose skeleton is shared while its
  text is not is a filled-in template, and the pair is not a duplicate.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass

import numpy as np

from newscrawler.dedup.repeats import exact_key, hash64, normalize
from newscrawler.utils.bounds import WINDOW_BLOCK_CHARS, cut, window

NUM_PERM = 96
BANDS = 24
ROWS = 4
SHINGLE = 3
MAX_PARAGRAPHS = 64
MINHASH_CHUNK = 4096
"""Shingles hashed at once: a 96 x 4096 matrix of 64-bit values is 3 MB."""
LEAD_PARAGRAPHS = 3
TEMPLATE_MIN_TOKENS = 12
"""Shorter paragraphs (credit lines, contacts) never count as a filled-in template."""

_rng = np.random.default_rng(20250425)
_A = (_rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_TOKEN = re.compile(r"\w+(?:[.,]\d+)*", re.UNICODE)
# Chinese and Japanese put no spaces between words: a space-split "word" is a whole clause,
# and one changed character in it changed every shingle it was in. Each of their characters
# is a token instead (a 3-shingle of characters is about a word and a half).
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_UNSPACED = re.compile(f"[{_UNSPACED}]")
_UNSPACED_TOKEN = re.compile(f"[{_UNSPACED}]|[^\\s{_UNSPACED}]+")


@dataclass(frozen=True)
class Signature:
    """What the store keeps of a story to compare it later (about 1 KB)."""

    minhash: np.ndarray
    """``NUM_PERM`` unsigned 32-bit values."""
    shingles: int
    """How many distinct shingles the story has (for containment)."""
    paragraphs: np.ndarray
    """Signed 64-bit hashes of the normalised core paragraphs (at most ``MAX_PARAGRAPHS``)."""
    skeletons: np.ndarray
    """The same paragraphs with numbers, dates, tickers and names masked."""

    def to_blobs(self) -> tuple[bytes, bytes]:
        """``(minhash, paragraphs)`` as stored."""
        paras = np.stack([self.paragraphs, self.skeletons]) if len(self.paragraphs) else []
        return self.minhash.astype("<u4").tobytes(), np.asarray(paras, "<i8").tobytes()

    @classmethod
    def from_blobs(cls, minhash: bytes, paragraphs: bytes, shingles: int) -> Signature:
        paras = np.frombuffer(paragraphs, "<i8").reshape(2, -1) if paragraphs else np.zeros((2, 0))
        return cls(np.frombuffer(minhash, "<u4"), shingles, paras[0], paras[1])


def skeleton(text: str) -> str:
    """A paragraph with the fields a template fills in masked.

    >>> skeleton("Acme Corp (NYSE: ACM) declared a dividend of $0.25 on May 3, 2025.")
    'X X X X declared a dividend of # on X # #'
    """
    out = []
    for token in _TOKEN.findall(unicodedata.normalize("NFKC", text)):
        # most tokens are plain words: isalpha() rules out a digit without a per-character loop
        if not token.isalpha() and any(c.isdigit() for c in token):
            out.append("#")
        elif token[:1].isupper():
            out.append("X")
        else:
            out.append(token.casefold())
    return " ".join(out)


def words(text: str) -> list[str]:
    """The tokens a story is shingled on: its words, and in Chinese or Japanese its characters.

    >>> words("acme buys beta")
    ['acme', 'buys', 'beta']
    >>> words("港口 新增 2 艘渡轮")
    ['港', '口', '新', '增', '2', '艘', '渡', '轮']
    """
    return _UNSPACED_TOKEN.findall(text) if _HAS_UNSPACED.search(text) else text.split()


def _shingle_hashes(words: list[str]) -> np.ndarray:
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    if len(h) < SHINGLE:
        h = np.concatenate([h, np.zeros(SHINGLE - len(h), dtype=np.uint64)])
    n = len(h) - SHINGLE + 1
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):
        acc = (acc ^ (h[k:k + n] * _MIX[k])) * _MIX[(k + 1) % SHINGLE]
    acc ^= acc >> np.uint64(29)
    return np.unique(acc)


def minhash(shingles: np.ndarray) -> np.ndarray:
    """``NUM_PERM`` minimum values of universal (multiply-shift) hashes of the shingles."""
    if not len(shingles):
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    # in chunks: the NUM_PERM x shingles matrix of a long story would take hundreds of MB
    low = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), MINHASH_CHUNK):
        chunk = shingles[None, start:start + MINHASH_CHUNK]
        values = (_A[:, None] * chunk + _B[:, None]) >> np.uint64(32)
        np.minimum(low, values.min(axis=1), out=low)
    return low.astype(np.uint32)


def signature(core: list[str]) -> Signature:
    """The signature of a story core (paragraphs after levels 1-3 cleaning).

    The shingles are those of the core's first ``WINDOW_CHARS`` characters (a long story
    is a tenth of that): copies of a huge page are found by their first 30,000 words; its
    exact hash (:func:`~newscrawler.dedup.fingerprint.content_hash`) covers all of it.
    """
    shingles = _shingle_hashes(words(normalize(" ".join(window(core)[0]))))
    paras = core[:MAX_PARAGRAPHS]
    return Signature(
        minhash(shingles),
        len(shingles),
        np.array([hash64(exact_key(p)) for p in paras], dtype=np.int64),
        np.array([_skeleton_hash(p) for p in paras], dtype=np.int64),
    )


def _skeleton_hash(text: str) -> int:
    masked = skeleton(cut(text, WINDOW_BLOCK_CHARS))  # a Python loop per word: bounded
    return hash64(masked) if masked.count(" ") + 1 >= TEMPLATE_MIN_TOKENS else 0


def minhash_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, "<u4")


def band_keys(minhash_values: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (the band number is part of the key)."""
    raw = minhash_values.astype("<u4").tobytes()
    step = ROWS * 4
    return [
        int.from_bytes(
            hashlib.blake2b(raw[i * step:(i + 1) * step], digest_size=8,
                            salt=i.to_bytes(2, "big")).digest(),
            "big", signed=True,
        )
        for i in range(BANDS)
    ]


def stored_band_keys(minhash_blob: bytes) -> list[int]:
    """:func:`band_keys` of a signature as the state store keeps it (``Signature.to_blobs``):
    what a store is opened with, to drop a story's index entries."""
    return band_keys(minhash_from_bytes(minhash_blob))


def jaccard(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a.minhash == b.minhash)) / NUM_PERM


def containment(j: float, a: Signature, b: Signature) -> float:
    """Estimated share of the smaller story's shingles found in the larger one."""
    smaller = min(a.shingles, b.shingles)
    if not smaller:
        return 0.0
    shared = j * (a.shingles + b.shingles) / (1 + j)
    return min(1.0, shared / smaller)


def template_fields(a: Signature, b: Signature) -> int:
    """Paragraphs that are the same template filled in with other values, in either story."""
    a_text, b_text = set(a.paragraphs.tolist()), set(b.paragraphs.tolist())
    a_skel = {s for p, s in zip(a.paragraphs.tolist(), a.skeletons.tolist(), strict=True)
              if p not in b_text and s}
    return sum(
        1 for p, s in zip(b.paragraphs.tolist(), b.skeletons.tolist(), strict=True)
        if p not in a_text and s in a_skel
    )


def leads_shared(a: Signature, b: Signature) -> bool:
    """One of the first paragraphs of each story is printed in the other's opening."""
    lead_a = set(a.paragraphs[:LEAD_PARAGRAPHS].tolist())
    lead_b = set(b.paragraphs[:LEAD_PARAGRAPHS].tolist())
    return bool(lead_a & set(b.paragraphs.tolist()) or lead_b & set(a.paragraphs.tolist()))


@dataclass(frozen=True)
class Verdict:
    duplicate: bool
    similarity: float
    containment: float
    reason: str
    """``near``, ``template`` (blocked by the guard), ``lead`` (leads differ) or ``low``."""


@dataclass(frozen=True)
class Thresholds:
    jaccard: float = 0.55
    containment: float = 0.8
    sure: float = 0.9
    """Above this Jaccard the leads need not be shared (light word edits everywhere)."""


def verify(a: Signature, b: Signature, thresholds: Thresholds | None = None) -> Verdict:
    """Is ``b`` a copy of ``a`` with small edits?"""
    thresholds = thresholds or Thresholds()
    j = jaccard(a, b)
    c = containment(j, a, b)
    if j < thresholds.jaccard and c < thresholds.containment:
        return Verdict(False, j, c, "low")
    if template_fields(a, b):
        return Verdict(False, j, c, "template")
    if j < thresholds.sure and not leads_shared(a, b):
        return Verdict(False, j, c, "lead")
    return Verdict(True, j, c, "near")
