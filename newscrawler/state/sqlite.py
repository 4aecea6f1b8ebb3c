"""The SQLite state store.

Every lookup goes through an index; nothing is loaded whole, so memory stays
flat however large the store grows (SQLite's own page cache is capped by
``cache_size``). WAL mode and one short transaction per change keep a crash
from losing more than the change in flight.

Threading: Scrapy's reactor must never wait on disk; the store runs its methods on
one worker thread (:class:`~newscrawler.state.worker.StoreWorker`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from newscrawler.state.worker import StoreWorker, T
from newscrawler.storeapi import BandKeys, StoryRow

SCHEMA_VERSION = 2
DAY = 86400.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- One row per canonical URL seen. A cluster's representative (the copy exported first)
-- has cluster_id = id and carries the near-duplicate signature; its copies point at it.
CREATE TABLE IF NOT EXISTS stories (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,           -- fingerprint of canonical_url (Article.id)
    canonical_url TEXT NOT NULL,
    host TEXT NOT NULL,
    content_hash INTEGER NOT NULL,     -- level 3 fingerprint, 0 when empty
    cluster_id TEXT NOT NULL,          -- id of the cluster's representative
    state TEXT NOT NULL,               -- pending | exported | duplicate
    run TEXT,                          -- the run holding a pending claim
    first_seen REAL NOT NULL,          -- unix seconds
    last_seen REAL NOT NULL,
    exported_at REAL,                  -- set once the item is durably in a published feed
    shingles INTEGER,                  -- representatives only: level 4 signature
    minhash BLOB,
    paragraphs BLOB,
    version INTEGER NOT NULL DEFAULT 0, -- times exported (published): 0 never, 1 once, ...
    discovered REAL                    -- latest sitemap/feed date seen for it (unix seconds)
);
CREATE INDEX IF NOT EXISTS stories_content_hash ON stories (content_hash);
CREATE INDEX IF NOT EXISTS stories_last_seen ON stories (last_seen);
-- the claims of one run, published in one statement when its feed is durable
CREATE INDEX IF NOT EXISTS stories_run ON stories (run) WHERE run IS NOT NULL;
-- LSH band keys of cluster representatives.
CREATE TABLE IF NOT EXISTS bands (
    key INTEGER NOT NULL,
    story INTEGER NOT NULL,            -- stories.rowid
    PRIMARY KEY (key, story)
) WITHOUT ROWID;
-- Per-host paragraph counts for boilerplate learning: `stories` counts distinct clusters
-- (a syndicated story counts once), `copies` the further copies.
CREATE TABLE IF NOT EXISTS host_paragraphs (
    host TEXT NOT NULL,
    hash INTEGER NOT NULL,
    stories INTEGER NOT NULL,
    copies INTEGER NOT NULL,
    first_seen REAL NOT NULL,
    last_seen REAL NOT NULL,
    PRIMARY KEY (host, hash)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS host_paragraphs_last_seen ON host_paragraphs (last_seen);
"""

_STORY_COLUMNS = (
    "rowid, id, canonical_url, host, content_hash, cluster_id, state, run, first_seen, "
    "last_seen, exported_at, shingles, minhash, paragraphs, version, discovered"
)

# Schema 1 -> 2: version counter and discovery date per story (incremental runs).
_MIGRATIONS = {
    2: (
        "ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE stories ADD COLUMN discovered REAL",
        "UPDATE stories SET version = 1 WHERE exported_at IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS stories_run ON stories (run) WHERE run IS NOT NULL",
    ),
}


class SQLiteStateStore(StoreWorker):
    """The state store in one SQLite file (:class:`~newscrawler.storeapi.StateStore`)."""

    # Lookups go through indexes whose inner pages fit in a few MB; the rest comes from the
    # OS file cache. A larger page cache only grows a long crawl's memory with the store.
    def __init__(self, path: Path | str, *, cache_mb: int = 8,
                 band_keys: BandKeys | None = None) -> None:
        self.path = Path(path)
        self.band_keys = band_keys
        """How the stored signatures were indexed (see :meth:`_delete_bands`)."""
        self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA busy_timeout=10000")
        self.db.execute(f"PRAGMA cache_size=-{int(cache_mb) * 1024}")
        self._migrate()

    def _migrate(self) -> None:
        """Create the schema, or bring a file written by an older version up to date."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            has_stories = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories'"
            ).fetchone()
            found = None
            if has_stories:
                row = self.db.execute(
                    "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                found = int(row[0]) if row else 1
            if found is not None and found > SCHEMA_VERSION:
                raise RuntimeError(f"{self.path}: state schema {found} is newer than this "
                                   f"newscrawler ({SCHEMA_VERSION}); upgrade newscrawler")
            for version in range(found + 1 if found else SCHEMA_VERSION + 1,
                                 SCHEMA_VERSION + 1):
                for sql in _MIGRATIONS[version]:
                    self.db.execute(sql)
            # statement by statement: executescript would commit the transaction
            for sql in re.sub(r"--[^\n]*", "", SCHEMA).split(";"):
                if sql.strip():
                    self.db.execute(sql)
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )

    @property
    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    # --- stories ----------------------------------------------------------------------------
    def _rows(self, sql: str, params: Sequence[Any]) -> list[StoryRow]:
        return [StoryRow(*row) for row in self.db.execute(sql, params)]

    def get_story(self, story_id: str) -> StoryRow | None:
        rows = self._rows(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,))
        return rows[0] if rows else None

    def get_stories(self, story_ids: Sequence[str]) -> dict[str, StoryRow]:
        """The stories among ``story_ids`` the store knows, by id (one query per 500 ids)."""
        found: dict[str, StoryRow] = {}
        for start in range(0, len(story_ids), 500):
            chunk = story_ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._rows(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id IN ({marks})",
                                  chunk):
                found[row.id] = row
        return found

    def stories_by_hash(self, content_hash: int, limit: int = 8) -> list[StoryRow]:
        return self._rows(
            f"SELECT {_STORY_COLUMNS} FROM stories WHERE content_hash = ? LIMIT ?",
            (content_hash, limit),
        )

    def band_candidates(self, keys: Sequence[int], limit: int = 32) -> list[StoryRow]:
        """Representatives sharing at least one band key, most shared bands first."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return self._rows(
            f"SELECT {_STORY_COLUMNS} FROM stories WHERE rowid IN ("
            f" SELECT story FROM bands WHERE key IN ({marks})"
            f" GROUP BY story ORDER BY count(*) DESC LIMIT ?)",
            (*keys, limit),
        )

    def put_story(self, row: StoryRow, band_keys: Iterable[int] = ()) -> int:
        """Insert or replace the story with ``row.id`` (and its band keys); its rowid.

        What earlier runs published survives the replacement: the earliest ``first_seen``,
        the highest ``version`` and ``discovered``, and ``exported_at`` unless ``row``
        sets one."""
        with self.db:
            self.db.execute("BEGIN")
            old = self.db.execute(
                "SELECT rowid, minhash, first_seen, version, discovered, exported_at"
                " FROM stories WHERE id = ?", (row.id,)
            ).fetchone()
            first_seen, version = row.first_seen, row.version
            discovered, exported_at = row.discovered, row.exported_at
            if old is not None:
                first_seen = min(first_seen, old[2])
                version = max(version, old[3])
                discovered = max((d for d in (discovered, old[4]) if d is not None),
                                 default=None)
                exported_at = exported_at if exported_at is not None else old[5]
                self._delete_bands(old[0], old[1])
                self.db.execute("DELETE FROM stories WHERE rowid = ?", (old[0],))
            cur = self.db.execute(
                "INSERT INTO stories (id, canonical_url, host, content_hash, cluster_id, state,"
                " run, first_seen, last_seen, exported_at, shingles, minhash, paragraphs,"
                " version, discovered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (row.id, row.canonical_url, row.host, row.content_hash, row.cluster_id,
                 row.state, row.run, first_seen, row.last_seen,
                 exported_at, row.shingles, row.minhash, row.paragraphs, version, discovered),
            )
            rowid = int(cur.lastrowid or 0)
            self.db.executemany(
                "INSERT OR IGNORE INTO bands (key, story) VALUES (?, ?)",
                [(key, rowid) for key in band_keys],
            )
        return rowid

    def claiming(self, story_id: str, content_hash: int, band_keys: Iterable[int],
                 fn: Callable[[], T]) -> T:
        """``fn`` looks a story up and claims it. One process writes an SQLite store at a
        time (the run lock) and its calls run one by one on the store's thread, so this is
        already one step; the Redis store makes it one across workers."""
        return fn()

    def touch(self, story_ids: Iterable[str], now: float) -> None:
        """Seen again: keeps a story (and its cluster) from expiring."""
        self.db.executemany(
            "UPDATE stories SET last_seen = ? WHERE id = ? AND last_seen < ?",
            [(now, story_id, now) for story_id in story_ids],
        )

    def note_discovered(self, story_id: str, when: float) -> None:
        """Discovery dated the story ``when``; kept when later than what was recorded."""
        self.db.execute(
            "UPDATE stories SET discovered = ? WHERE id = ?"
            " AND (discovered IS NULL OR discovered < ?)",
            (when, story_id, when),
        )

    def mark_exported(self, story_id: str, now: float) -> None:
        """The item reached the feed: a pending claim becomes exported."""
        self.db.execute(
            "UPDATE stories SET exported_at = ?, run = NULL, version = version + 1,"
            " state = CASE state WHEN 'pending' THEN 'exported' ELSE state END WHERE id = ?",
            (now, story_id),
        )

    def orphaned_claims(self, run: str, limit: int = 5000) -> list[str]:
        """Canonical URLs claimed by runs that died (killed before their feed was published).

        One run holds the lock at a time, so any claim but ``run``'s own is an orphan: its
        story is only in a dead run's ``.part`` file and must be fetched again, even when
        the feed that listed it has moved on. Reads the partial index on ``run``."""
        rows = self.db.execute(
            "SELECT canonical_url FROM stories WHERE run IS NOT NULL AND run != ?"
            " AND state = 'pending' LIMIT ?",
            (run, limit),
        )
        return [url for (url,) in rows]

    def publish_run(self, run: str, now: float) -> int:
        """``run``'s feed is durable: every claim it still holds is exported, in one
        transaction (one indexed update); how many."""
        with self.db:
            cur = self.db.execute(
                "UPDATE stories SET exported_at = ?, run = NULL, version = version + 1,"
                " state = CASE state WHEN 'pending' THEN 'exported' ELSE state END"
                " WHERE run = ?",
                (now, run),
            )
        return cur.rowcount

    def forget(self, story_id: str, run: str | None = None) -> bool:
        """Delete a story (and its band keys); with ``run``, only a claim that run holds.

        A claim on a story an earlier run exported is abandoned instead (it stays
        ``pending`` without a run, keeping its ``version``): the next run fetches it
        again."""
        with self.db:
            self.db.execute("BEGIN")
            row = self.db.execute(
                "SELECT rowid, minhash, state, run, exported_at FROM stories WHERE id = ?",
                (story_id,),
            ).fetchone()
            if row is not None and run is not None and row[4] is not None:
                if row[3] != run:
                    return False
                self.db.execute("UPDATE stories SET run = NULL WHERE rowid = ?", (row[0],))
                return True
            if row is None or (run is not None and row[2] == "pending" and row[3] != run):
                return False
            self._delete_bands(row[0], row[1])
            self.db.execute("DELETE FROM stories WHERE rowid = ?", (row[0],))
        return True

    def _delete_bands(self, rowid: int, minhash: bytes | None) -> None:
        if not minhash:
            return
        self.db.executemany(
            "DELETE FROM bands WHERE key = ? AND story = ?",
            [(key, rowid) for key in unindexed(self.band_keys, minhash)],
        )

    # --- boilerplate --------------------------------------------------------------------------
    def count_paragraphs(self, host: str, hashes: Sequence[int], *, new_cluster: bool,
                         now: float) -> None:
        """One more story (or copy, when not ``new_cluster``) of ``host`` carries these."""
        stories, copies = (1, 0) if new_cluster else (0, 1)
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "INSERT INTO host_paragraphs (host, hash, stories, copies, first_seen, last_seen)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (host, hash) DO UPDATE SET"
                " stories = stories + excluded.stories, copies = copies + excluded.copies,"
                " last_seen = excluded.last_seen",
                [(host, h, stories, copies, now, now) for h in hashes],
            )

    def boilerplate(self, host: str, hashes: Sequence[int], min_stories: int) -> set[int]:
        """Those of ``hashes`` that at least ``min_stories`` distinct stories of ``host`` carry."""
        if not hashes:
            return set()
        marks = ",".join("?" * len(hashes))
        return {
            h for (h,) in self.db.execute(
                f"SELECT hash FROM host_paragraphs WHERE host = ? AND hash IN ({marks})"
                " AND stories >= ?",
                (host, *hashes, min_stories),
            )
        }

    # --- expiry -------------------------------------------------------------------------------
    def prune(self, now: float, story_days: float, paragraph_days: float,
              batch: int = 1000) -> tuple[int, int]:
        """Forget stories not seen for ``story_days`` and paragraph counts not seen for
        ``paragraph_days``; ``(stories, paragraphs)`` deleted. Batched so each transaction
        stays short."""
        stories = 0
        cutoff = now - story_days * DAY
        while True:
            with self.db:
                self.db.execute("BEGIN")
                rows = self.db.execute(
                    "SELECT rowid, minhash FROM stories WHERE last_seen < ? LIMIT ?",
                    (cutoff, batch),
                ).fetchall()
                for rowid, minhash in rows:
                    self._delete_bands(rowid, minhash)
                self.db.executemany("DELETE FROM stories WHERE rowid = ?",
                                    [(r[0],) for r in rows])
            stories += len(rows)
            if len(rows) < batch:
                break
        with self.db:
            cur = self.db.execute("DELETE FROM host_paragraphs WHERE last_seen < ?",
                                  (now - paragraph_days * DAY,))
        return stories, cur.rowcount

    def counts(self) -> dict[str, int]:
        """Row counts per table (a full count: for reports and benchmarks, not the hot path)."""
        return {
            table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("stories", "bands", "host_paragraphs")
        }


def unindexed(band_keys: BandKeys | None, minhash: bytes) -> Iterable[int]:
    """The band keys to drop with a stored signature: ``band_keys`` is what the store's
    opener said they are computed by (the store never computes them itself)."""
    if band_keys is None:
        raise RuntimeError("this state store was opened without band_keys: it cannot drop "
                           "the index entries of a stored signature")
    return band_keys(minhash)
