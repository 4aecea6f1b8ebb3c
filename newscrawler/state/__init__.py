"""What newscrawler remembers between runs: stories seen and exported, near-duplicate
index, per-host paragraph counts.

``open_store(uri)`` picks the backend from the URI: SQLite (a path or ``sqlite:///path``)
or Redis (``redis://host:port/db``, shared by the workers of a distributed crawl; needs
the ``distributed`` extra), both a :class:`~newscrawler.storeapi.StateStore`. A crawl's
store is opened, pruned and closed by :mod:`newscrawler.extensions.state`.
"""

from __future__ import annotations

from pathlib import Path

from newscrawler.state.sqlite import SCHEMA_VERSION, SQLiteStateStore
from newscrawler.storeapi import BandKeys, ProbeStore, StateStore, StoryRow

__all__ = ["DEFAULT_STATE_URI", "SCHEMA_VERSION", "ProbeStore", "SQLiteStateStore",
           "StateStore", "StoryRow", "open_store"]

DEFAULT_STATE_URI = ".newscrawler/state.sqlite3"


def is_redis_uri(uri: str | None) -> bool:
    """Whether a ``STATE_URI`` names a Redis store.

    >>> is_redis_uri("redis://127.0.0.1:6379/0"), is_redis_uri(".newscrawler/state.sqlite3")
    (True, False)
    """
    return bool(uri) and str(uri).lower().startswith(("redis://", "rediss://"))


def store_path(uri: str) -> Path:
    """The file an SQLite state URI names.

    >>> store_path("sqlite:///tmp/x.db"), store_path("sqlite:////tmp/x.db"), store_path("a/b.db")
    (PosixPath('tmp/x.db'), PosixPath('/tmp/x.db'), PosixPath('a/b.db'))
    """
    if "://" not in uri:
        return Path(uri)
    scheme, _, rest = uri.partition("://")
    if scheme.lower() != "sqlite":
        raise ValueError(
            f"STATE_URI {uri!r}: unknown scheme {scheme!r} (use a path or sqlite:///path)"
        )
    if not rest.startswith("/") or rest == "/":
        raise ValueError(f"STATE_URI {uri!r}: write sqlite:///relative/path or sqlite:////abs/path")
    return Path(rest[1:])


def open_store(uri: str = DEFAULT_STATE_URI, key_prefix: str | None = None,
               redis_timeout: float | None = None, *,
               band_keys: BandKeys | None = None) -> StateStore:
    """Open (and create, with its folder) the state store at ``uri``.

    A Redis store's keys start ``<key_prefix>:state:`` (``REDIS_KEY_PREFIX``, default
    ``newscrawler``) unless the URI says ``?prefix=``. ``band_keys`` computes the index
    keys of a stored near-duplicate signature (the dedup index's
    :func:`~newscrawler.dedup.minhash.stored_band_keys`): needed to replace or delete a
    story that has one."""
    if not uri:
        raise ValueError("STATE_URI is empty")
    if is_redis_uri(uri):
        try:
            from newscrawler.state.redisstore import DEFAULT_PREFIX, RedisStateStore
        except ImportError as error:
            raise ImportError(f"STATE_URI {uri.split('://')[0]}://... needs the distributed "
                              "extra: pip install -e '.[distributed]'") from error
        prefix = f"{key_prefix.rstrip(':')}:state" if key_prefix else DEFAULT_PREFIX
        if redis_timeout is None:
            return RedisStateStore(uri, prefix, band_keys=band_keys)
        return RedisStateStore(uri, prefix, redis_timeout, band_keys=band_keys)
    path = store_path(uri)
    path.parent.mkdir(parents=True, exist_ok=True)
    return SQLiteStateStore(path, band_keys=band_keys)
