"""What newscrawler remembers between runs: stories seen and exported, near-duplicate
index, per-host paragraph counts.

``open_store(uri)`` picks the backend from the URI; only SQLite exists today
(a path or ``sqlite:///path``). A later backend (``redis://``) plugs in here.
"""

from __future__ import annotations

from pathlib import Path

from newscrawler.state.sqlite import SCHEMA_VERSION, StateStore, StoryRow

__all__ = ["DEFAULT_STATE_URI", "SCHEMA_VERSION", "StateStore", "StoryRow", "open_store"]

DEFAULT_STATE_URI = ".newscrawler/state.sqlite3"


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


def open_store(uri: str = DEFAULT_STATE_URI) -> StateStore:
    """Open (and create, with its folder) the state store at ``uri``."""
    if not uri:
        raise ValueError("STATE_URI is empty")
    path = store_path(uri)
    path.parent.mkdir(parents=True, exist_ok=True)
    return StateStore(path)
