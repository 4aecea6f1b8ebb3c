"""The state store's public methods for incremental runs, backend-neutral.

Every test but the SQLite-specific ones at the end uses only the ``store`` fixture and
public store methods, so another backend can parametrize the fixture.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawler.dedup.index import DuplicateIndex, Story
from newscrawler.dedup.minhash import stored_band_keys
from newscrawler.state import SCHEMA_VERSION, StateStore, StoryRow, open_store

NOW = 1_800_000_000.0


@pytest.fixture(params=["sqlite", "redis"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StateStore]:
    """Each backend-neutral test runs on SQLite and on Redis (a throwaway redis-server)."""
    if request.param == "redis":
        uri = request.getfixturevalue("redis_url")
    else:
        uri = str(tmp_path / "state.sqlite3")
    store = open_store(uri, band_keys=stored_band_keys)
    yield store
    store.close()


def row(story_id: str, *, state: str = "pending", run: str | None = "r1",
        exported_at: float | None = None, content_hash: int = 1, version: int = 0,
        discovered: float | None = None, cluster_id: str | None = None) -> StoryRow:
    return StoryRow(0, story_id, f"https://a.example/{story_id}", "a.example", content_hash,
                    cluster_id or story_id, state, run, NOW, NOW, exported_at, None, None, None,
                    version=version, discovered=discovered)


def test_publish_run_exports_only_that_runs_claims(store):
    store.put_story(row("a" * 24, run="r1"))
    store.put_story(row("b" * 24, run="r1"))
    store.put_story(row("c" * 24, run="r2"))
    store.put_story(row("d" * 24, state="duplicate", run=None, cluster_id="a" * 24))
    assert store.publish_run("r1", NOW + 5) == 2
    a, c, d = (store.get_story(i * 24) for i in "acd")
    assert (a.state, a.run, a.exported_at, a.version) == ("exported", None, NOW + 5, 1)
    assert a.settled
    assert (c.state, c.run, c.exported_at, c.version) == ("pending", "r2", None, 0)
    assert not c.settled
    assert d.exported_at is None
    assert not d.settled
    assert store.publish_run("r1", NOW + 9) == 0  # nothing left to publish


def test_a_run_that_never_published_leaves_claims_unexported(store):
    store.put_story(row("a" * 24, run="killed"))
    story = store.get_story("a" * 24)
    assert story.exported_at is None
    assert not story.settled
    assert not story.is_live("next")


def test_replacing_a_story_keeps_its_version_discovery_and_export_time(store):
    store.put_story(row("a" * 24, discovered=NOW - 100))
    store.publish_run("r1", NOW)
    # fetched again with new text: a new claim, the exported version and date kept
    store.put_story(row("a" * 24, run="r2", content_hash=2, discovered=NOW - 50))
    story = store.get_story("a" * 24)
    assert (story.state, story.run, story.version) == ("pending", "r2", 1)
    assert (story.exported_at, story.discovered, story.content_hash) == (NOW, NOW - 50, 2)
    assert not story.settled  # a claim in flight: fetch it again if this run dies
    store.publish_run("r2", NOW + 10)
    assert store.get_story("a" * 24).version == 2


def test_note_discovered_only_moves_forward(store):
    store.put_story(row("a" * 24, discovered=NOW))
    store.note_discovered("a" * 24, NOW - 10)
    assert store.get_story("a" * 24).discovered == NOW
    store.note_discovered("a" * 24, NOW + 10)
    assert store.get_story("a" * 24).discovered == NOW + 10


def test_giving_back_a_claim(store):
    store.put_story(row("a" * 24, run="r1"))
    assert not store.forget("a" * 24, run="other")
    assert store.forget("a" * 24, run="r1")
    assert store.get_story("a" * 24) is None
    # a new version's claim given back: the story stays, unsettled, with its version
    store.put_story(row("b" * 24, run="r1"))
    store.publish_run("r1", NOW)
    store.put_story(row("b" * 24, run="r2", content_hash=2))
    assert store.forget("b" * 24, run="r2")
    story = store.get_story("b" * 24)
    assert (story.state, story.run, story.version, story.exported_at) == (
        "pending", None, 1, NOW)
    assert not story.settled
    assert store.publish_run("r2", NOW) == 0


def test_index_versions_unchanged_and_changed(store):
    paragraphs = [f"Paragraph {i} of the Lumora Energy results story, with enough words to "
                  f"make a signature for the near-duplicate index number {i}." for i in range(8)]

    def story(texts: list[str], discovered: float | None = None) -> Story:
        from newscrawler.dedup.fingerprint import content_hash
        return Story("a" * 24, "https://a.example/s", texts, content_hash(texts),
                     discovered=discovered)

    first = DuplicateIndex(store, "r1").check_and_claim(story(paragraphs, NOW), NOW)
    assert (first.version, first.duplicate, first.unchanged) == (1, False, False)
    store.publish_run("r1", NOW)
    # a typo fixed: a near-duplicate of the exported text at 0.9 or more
    edited = [*paragraphs[:-1], paragraphs[-1].replace("number", "No.")]
    same = DuplicateIndex(store, "r2").check_and_claim(story(edited, NOW + 60), NOW + 60)
    assert same.unchanged
    assert same.version == 1
    assert store.get_story("a" * 24).discovered == NOW + 60
    assert store.publish_run("r2", NOW + 60) == 0
    rewritten = paragraphs[:3] + [f"New paragraph {i}: Lumora Energy cut its outlook after "
                                  f"the regulator's ruling, item {i}." for i in range(5)]
    changed = DuplicateIndex(store, "r3").check_and_claim(story(rewritten), NOW + 120)
    assert (changed.version, changed.duplicate, changed.unchanged) == (2, False, False)
    store.publish_run("r3", NOW + 120)
    assert store.get_story("a" * 24).version == 2


# --- SQLite only: schema migration and query plans -------------------------------------------

OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE stories (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, canonical_url TEXT NOT NULL,
    host TEXT NOT NULL, content_hash INTEGER NOT NULL, cluster_id TEXT NOT NULL,
    state TEXT NOT NULL, run TEXT, first_seen REAL NOT NULL, last_seen REAL NOT NULL,
    exported_at REAL, shingles INTEGER, minhash BLOB, paragraphs BLOB
);
CREATE INDEX stories_content_hash ON stories (content_hash);
CREATE INDEX stories_last_seen ON stories (last_seen);
CREATE TABLE bands (key INTEGER NOT NULL, story INTEGER NOT NULL, PRIMARY KEY (key, story))
    WITHOUT ROWID;
CREATE TABLE host_paragraphs (host TEXT NOT NULL, hash INTEGER NOT NULL,
    stories INTEGER NOT NULL, copies INTEGER NOT NULL, first_seen REAL NOT NULL,
    last_seen REAL NOT NULL, PRIMARY KEY (host, hash)) WITHOUT ROWID;
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO stories (id, canonical_url, host, content_hash, cluster_id, state, run,
    first_seen, last_seen, exported_at) VALUES
    ('aaaaaaaaaaaaaaaaaaaaaaaa', 'https://a.example/1', 'a.example', 1,
     'aaaaaaaaaaaaaaaaaaaaaaaa', 'exported', NULL, 1, 1, 5),
    ('bbbbbbbbbbbbbbbbbbbbbbbb', 'https://a.example/2', 'a.example', 2,
     'bbbbbbbbbbbbbbbbbbbbbbbb', 'pending', 'dead', 1, 1, NULL);
"""


def test_a_schema_1_file_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
    db.close()
    store = open_store(str(path))
    try:
        assert store.schema_version == SCHEMA_VERSION == 2
        exported = store.get_story("a" * 24)
        assert (exported.version, exported.discovered, exported.settled) == (1, None, True)
        pending = store.get_story("b" * 24)
        assert (pending.version, pending.settled) == (0, False)
        assert store.publish_run("dead", NOW) == 1
    finally:
        store.close()
    reopened = open_store(str(path))  # a second open finds nothing to migrate
    try:
        assert reopened.schema_version == 2
        assert reopened.get_story("b" * 24).version == 1
    finally:
        reopened.close()


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_store(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.close()
    with pytest.raises(RuntimeError, match="newer"):
        open_store(str(path))


@pytest.mark.parametrize(("sql", "params", "index"), [
    ("SELECT * FROM stories WHERE id = ?", ("a" * 24,), "sqlite_autoindex_stories_1"),
    ("UPDATE stories SET exported_at = ?, run = NULL, version = version + 1 WHERE run = ?",
     (NOW, "r1"), "stories_run"),
])
def test_incremental_lookups_use_an_index(tmp_path, sql, params, index):
    store = open_store(str(tmp_path / "s.sqlite3"), band_keys=stored_band_keys)
    try:
        now = time.time()
        for i in range(200):
            store.put_story(row(f"{i:024x}", run="r1" if i % 2 else None, exported_at=now))
        plan = " ".join(str(step[-1]) for step in
                        store.db.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert f"USING INDEX {index}" in plan or f"USING COVERING INDEX {index}" in plan, plan
        assert "SCAN stories" not in plan
    finally:
        store.close()


def test_orphaned_claims_are_the_claims_of_dead_runs(tmp_path):
    # SQLite: Redis requeues instead
    store = open_store(str(tmp_path / "orphans.sqlite3"), band_keys=stored_band_keys)
    try:
        store.put_story(row("a" * 24, run="killed"))
        store.put_story(row("b" * 24, run="current"))
        store.put_story(row("c" * 24, state="exported", run=None, exported_at=NOW))
        store.put_story(row("d" * 24, state="duplicate", run=None, cluster_id="c" * 24))
        assert store.orphaned_claims("current") == ["https://a.example/" + "a" * 24]
        assert store.orphaned_claims("killed") == ["https://a.example/" + "b" * 24]
        plan = " ".join(str(r) for r in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT canonical_url FROM stories WHERE run IS NOT NULL"
            " AND run != ? AND state = 'pending' LIMIT ?", ("current", 10)))
        assert "stories_run" in plan
    finally:
        store.close()


def test_get_stories_looks_up_many_ids_at_once(store):
    ids = [f"{i:024x}" for i in range(1200)]
    for story_id in ids[::2]:
        store.put_story(row(story_id, run=None, state="exported", exported_at=NOW))
    found = store.get_stories(ids)
    assert sorted(found) == ids[::2]
    assert all(found[i].settled for i in ids[::2])
    assert store.get_stories([]) == {}
