"""Levels 3 and 4 against the state store: is this story a copy of one already kept?

:class:`DuplicateIndex` is the one place that decides and records, so the
pipeline stays a thin adapter and the benchmarks measure the same code.
``check_and_claim`` looks up and claims in one call on the store's thread, so
two copies in flight at once cannot both be kept.

Incremental runs: a URL an earlier run exported comes back as ``unchanged`` when its
text is the same or a near-duplicate of the exported text at ``change_threshold``
(estimated Jaccard) or above; otherwise it is judged afresh as a new ``version``.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from urllib.parse import urlsplit

from newscrawler.dedup.minhash import (
    Signature,
    Thresholds,
    band_keys,
    jaccard,
    signature,
    verify,
)
from newscrawler.storeapi import StateStore, StoryRow

DEFAULT_THRESHOLDS = Thresholds()
DEFAULT_CHANGE_THRESHOLD = 0.9
"""Below this estimated Jaccard with the exported text, a re-fetched story has changed."""


def story_host(url: str) -> str:
    """The host a story counts under (``www.`` dropped).

    >>> story_host("https://WWW.Example.com:8080/a")
    'example.com'
    """
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


@dataclass
class Story:
    """What levels 3-4 need of an item."""

    id: str
    canonical_url: str
    core: list[str]
    content_hash: int
    host: str = ""
    discovered: float | None = None
    """The latest date discovery gave for it (sitemap ``lastmod``, news or feed date)."""
    _signature: Signature | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.host = self.host or story_host(self.canonical_url)

    @property
    def signature(self) -> Signature:
        if self._signature is None:
            self._signature = signature(self.core)
        return self._signature


@dataclass(frozen=True)
class Decision:
    cluster_id: str
    duplicate_of: dict[str, str] | None = None
    """``{"id", "url"}`` of the copy kept first, for a duplicate."""
    match: str | None = None
    """``exact`` or ``near`` for a duplicate."""
    similarity: float | None = None
    new_id: bool = True
    """The store had never recorded this URL (it counts for boilerplate learning)."""
    same_url: bool = False
    """The duplicate is this very URL, exported by an earlier run."""
    template_blocked: int = 0
    """Near candidates the template guard kept apart."""
    version: int = 1
    """The ``version`` the item is exported with when it is kept."""
    unchanged: bool = False
    """This URL was exported by an earlier run and its text has not changed materially."""

    @property
    def duplicate(self) -> bool:
        return self.duplicate_of is not None


@dataclass
class DuplicateIndex:
    """What a story is a copy of, decided against the store and claimed under ``run``."""

    store: StateStore
    run: str
    _: KW_ONLY
    near: bool = True
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    max_candidates: int = 32
    change_threshold: float = DEFAULT_CHANGE_THRESHOLD
    claim_copies: bool = False
    """Copies are exported too (``DUPLICATES_POLICY = "mark"``): the run claims them."""

    def _representative(self, row: StoryRow) -> StoryRow | None:
        rep = row if row.cluster_id == row.id else self.store.get_story(row.cluster_id)
        return rep if rep is not None and rep.is_live(self.run) else None

    @staticmethod
    def _ref(rep: StoryRow) -> dict[str, str]:
        return {"id": rep.id, "url": rep.canonical_url}

    def _stored_signature(self, row: StoryRow) -> Signature | None:
        if not row.minhash:
            return None
        return Signature.from_blobs(row.minhash, row.paragraphs or b"", row.shingles or 0)

    def find(self, story: Story) -> Decision:
        """The decision for ``story``, without recording anything."""
        known = self.store.get_story(story.id)
        new_id = known is None or not (known.state != "pending" or known.run == self.run)
        version = (known.version if known is not None else 0) + 1
        if known is not None and (rep := self._representative(known)) is not None:
            similarity = 1.0
            match = "exact"
            if known.content_hash != story.content_hash:
                stored = self._stored_signature(rep)
                similarity = jaccard(stored, story.signature) if stored is not None else 0.0
                match = "near"
            if not known.settled:  # claimed earlier in this run, or a copy never exported
                return Decision(rep.cluster_id, self._ref(rep), match, similarity,
                                new_id=False, same_url=True)
            if similarity >= self.change_threshold:
                return Decision(known.cluster_id, self._ref(rep), match, similarity,
                                new_id=False, same_url=True, version=known.version,
                                unchanged=True)
            # changed since it was exported: judged afresh (it may now copy another story)
        if story.content_hash:
            for row in self.store.stories_by_hash(story.content_hash):
                if row.id != story.id and (rep := self._representative(row)) is not None:
                    return Decision(rep.cluster_id, self._ref(rep), "exact", 1.0,
                                    new_id=new_id, version=version)
        blocked = 0
        if self.near and story.core:
            sig = story.signature
            best: tuple[float, StoryRow] | None = None
            for row in self.store.band_candidates(band_keys(sig.minhash), self.max_candidates):
                if row.id == story.id or not row.is_live(self.run):
                    continue
                stored = self._stored_signature(row)
                if stored is None:
                    continue
                verdict = verify(stored, sig, self.thresholds)
                if verdict.reason == "template":
                    blocked += 1
                if verdict.duplicate and (best is None or verdict.similarity > best[0]):
                    best = (verdict.similarity, row)
            if best is not None:
                rep = best[1]
                return Decision(rep.cluster_id, self._ref(rep), "near", best[0], new_id=new_id,
                                template_blocked=blocked, version=version)
        return Decision(story.id, new_id=new_id, template_blocked=blocked, version=version)

    def claim(self, story: Story, decision: Decision, now: float) -> None:
        """Record the story: a pending representative, or a copy of one (claimed by the run
        when copies are exported too). A claim becomes exported when the run's feed is
        published (:meth:`StateStore.publish_run`)."""
        if decision.same_url:
            self.store.touch([story.id, decision.cluster_id], now)
            if decision.unchanged and story.discovered is not None:
                self.store.note_discovered(story.id, story.discovered)
            return
        if decision.duplicate:
            self.store.put_story(StoryRow(
                0, story.id, story.canonical_url, story.host, story.content_hash,
                decision.cluster_id, "duplicate", self.run if self.claim_copies else None,
                now, now, None, None, None, None, discovered=story.discovered,
            ))
            self.store.touch([decision.cluster_id], now)
            return
        minhash_blob, para_blob = story.signature.to_blobs() if story.core else (None, None)
        self.store.put_story(
            StoryRow(0, story.id, story.canonical_url, story.host, story.content_hash,
                     story.id, "pending", self.run, now, now, None,
                     story.signature.shingles if story.core else None, minhash_blob, para_blob,
                     discovered=story.discovered),
            band_keys(story.signature.minhash) if self.near and story.core else (),
        )

    def check_and_claim(self, story: Story, now: float) -> Decision:
        """:meth:`find` then :meth:`claim`, as one step for every process sharing the store
        (on Redis an optimistic transaction over the story's id, hash and bands that runs
        again when another worker claimed one of them meanwhile)."""
        def step() -> Decision:
            decision = self.find(story)
            self.claim(story, decision, now)
            return decision
        bands = band_keys(story.signature.minhash) if self.near and story.core else ()
        return self.store.claiming(story.id, story.content_hash, bands, step)
