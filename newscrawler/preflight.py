"""Checks made when a run opens, before anything is fetched: the state store and Redis can be
used, and every file name template can be filled.

A run that cannot work stops at once with one line saying what is wrong and what to do,
instead of failing item by item (every drop a traceback, "0 exported", exit 0). The crawl
command calls these; they are plain functions of the settings, testable without a crawl.

- :class:`StartupError` (exit status 1): the state store or Redis cannot be used: an unknown
  ``STATE_URI`` scheme, a store that is not an SQLite database or fails ``PRAGMA
  quick_check``, a file or folder that cannot be read or written, a Redis that is down,
  needs a password or refuses it;
- ``UsageError`` (exit status 2, Scrapy's usage error): a ``FEEDS`` URI (``-o``/``-O``),
  ``REJECTS_URI`` or ``RUN_SUMMARY_URI`` template that cannot be filled.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings

from newscrawler.extensions.rejects import default_rejects_uri
from newscrawler.runs.naming import file_uri_params, format_uri, local_feed_uri, sibling_path
from newscrawler.runs.outcome import SUMMARY_SUFFIX
from newscrawler.state import DEFAULT_STATE_URI, is_redis_uri, store_path

REDIS_TIMEOUT = 3.0
"""Seconds to wait for Redis at start unless ``REDIS_TIMEOUT_SECONDS`` says otherwise (the
crawl's own Redis clients wait as long): a down server answers at once; a dropped packet
should not hold a cron run for long."""
SQLITE_HEADER = b"SQLite format 3\x00"
# Scrapy's feed URI placeholder (scrapy.extensions.feedexport, 2.19)
_PLACEHOLDER = re.compile(r"%\([^)]+\)[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa]")
_SECRET_PARAMS = {"password", "pass", "pwd"}


class StartupError(Exception):
    """The run cannot start: ``str()`` is the one line to print; exit status 1."""


# --- the state store and Redis ---------------------------------------------------------------
def state_uri(settings: BaseSettings) -> str:
    """The state store a run will open: ``STATE_URI``, else ``REDIS_URL`` (the distributed
    add-on's default), else the local SQLite file."""
    return str(settings.get("STATE_URI") or settings.get("REDIS_URL") or DEFAULT_STATE_URI)


def masked(url: str) -> str:
    """A URL fit for a message: its password (and any ``password=`` parameter) as ``****``.

    >>> masked("redis://:secret@127.0.0.1:6379/0"), masked("redis://u:pw@h/1?password=x")
    ('redis://:****@127.0.0.1:6379/0', 'redis://u:****@h/1?password=****')
    >>> masked("redis://127.0.0.1:6379/0")
    'redis://127.0.0.1:6379/0'
    """
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password is not None:
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}:****@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(k.lower() in _SECRET_PARAMS for k, _ in pairs):
            query = urlencode([(k, "****" if k.lower() in _SECRET_PARAMS else v)
                               for k, v in pairs], safe="*")
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def check_state_uri(uri: str) -> Path | None:
    """Refuse a ``STATE_URI`` no store can be opened from; the SQLite file, or ``None`` for
    Redis. Creates the store's folder, as opening the store would."""
    if is_redis_uri(uri):
        return None
    scheme = uri.partition("://")[0] if "://" in uri else ""
    if scheme and scheme.lower() != "sqlite":
        raise StartupError(f"STATE_URI {uri!r} has an unknown scheme {scheme!r}: use a file "
                           "path, sqlite:///relative/path, sqlite:////absolute/path or "
                           "redis://host:port/db")
    try:
        path = store_path(uri)
    except ValueError as error:
        raise StartupError(str(error)) from None
    if path.is_dir():
        raise StartupError(f"the state store {path} is a folder, not a file: point STATE_URI "
                           "at a file (default .newscrawler/state.sqlite3)")
    if path.exists() and not path.is_file():
        raise StartupError(f"the state store {path} is not a regular file: point STATE_URI "
                           "at a file")
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            raise StartupError(f"cannot create the state store {path}: {parent} is a file, not "
                               "a folder; point STATE_URI somewhere else")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StartupError(f"cannot create the folder of the state store {path}: "
                           f"{_why(error)}; point STATE_URI somewhere writable") from None
    check_access(path)
    return path


def check_access(path: Path) -> None:
    """The store's folder and file can be read and written (tried, not guessed from the mode
    bits: root ignores them, a read-only mount does not)."""
    folder = path.parent
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass  # SQLite writes its journal (-wal, -shm) and the run lock beside the store
    except OSError as error:
        raise StartupError(f"cannot write in {folder}/, the folder of the state store "
                           f"{path.name}: {_why(error)}; make it writable or point STATE_URI "
                           "elsewhere") from None
    if not path.exists():
        return
    for mode, verb in (("rb", "read"), ("r+b", "write")):
        try:
            with path.open(mode):
                pass
        except OSError as error:
            raise StartupError(f"cannot {verb} the state store {path}: {_why(error)}; fix its "
                               "permissions or point STATE_URI elsewhere") from None


def check_sqlite(path: Path, *, quick_check: bool = True) -> None:
    """The store is a sound SQLite database (``PRAGMA quick_check``, which reads the whole
    file; without it only the header and the schema are read); a store that does not exist
    yet is created when the crawl opens it."""
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as error:
        raise StartupError(f"cannot read the state store {path}: {_why(error)}") from None
    damaged = ("move it away to start a new store (what earlier runs exported is then "
               "forgotten), restore a backup, or point STATE_URI elsewhere")
    if header and header != SQLITE_HEADER:
        raise StartupError(f"the state store {path} is not an SQLite database: {damaged}")
    try:
        db = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=rw", uri=True,
                             timeout=10)
        try:
            if quick_check:
                rows = db.execute("PRAGMA quick_check").fetchmany(3)
            else:
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
                rows = [("ok",)]
        finally:
            db.close()
    except sqlite3.Error as error:
        raise StartupError(f"the state store {path} is damaged ({_why(error)}): "
                           f"{damaged}") from None
    if rows != [("ok",)]:
        found = "; ".join(" ".join(str(row[0]).split()) for row in rows)
        raise StartupError(f"the state store {path} is damaged (quick_check: {found}): "
                           f"{damaged}")


def check_redis(url: str, setting: str, timeout: float = REDIS_TIMEOUT) -> None:
    """Redis answers ``PING`` at ``url``, with the password it needs."""
    try:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry
    except ImportError:
        raise StartupError(f"{setting} is a Redis URL but the distributed extra is not "
                           "installed: pip install -e '.[distributed]'") from None
    shown = masked(url)
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "prefix"]  # ours, not redis-py's
    try:
        client = redis.Redis.from_url(
            urlunsplit(parts._replace(query=urlencode(query))),
            socket_connect_timeout=timeout, socket_timeout=timeout,
            retry=Retry(NoBackoff(), 0),
        )
    except ValueError as error:
        raise StartupError(f"{setting} {shown} is not a Redis URL: {_why(error)}") from None
    try:
        client.ping()
    except redis.AuthenticationError as error:
        if parts.password is None and "password=" not in parts.query:
            raise StartupError(f"Redis at {shown} ({setting}) needs a password: write it in "
                               "the URL, redis://:PASSWORD@host:port/db") from None
        raise StartupError(f"Redis at {shown} ({setting}) refused the password "
                           f"({_why(error)}): check the password in {setting}") from None
    except redis.ConnectionError as error:
        raise StartupError(f"cannot connect to Redis at {shown} ({setting}): {_why(error)}; "
                           "is redis-server running there?") from None
    except redis.RedisError as error:
        raise StartupError(f"Redis at {shown} ({setting}) answered: {_why(error)}") from None
    finally:
        client.close()


def check_stores(settings: BaseSettings) -> None:
    """Everything the run will open: the state store, and ``REDIS_URL`` when it is set."""
    redis_url = settings.get("REDIS_URL")
    if redis_url and not is_redis_uri(redis_url):
        raise StartupError(f"REDIS_URL {masked(str(redis_url))!r} is not a Redis URL: write "
                           "redis://[:password@]host:port/db (rediss:// for TLS)")
    uri = state_uri(settings)
    path = check_state_uri(uri)
    if path is not None:
        check_sqlite(path, quick_check=settings.getbool("STATE_QUICK_CHECK", True))
    timeout = settings.getfloat("REDIS_TIMEOUT_SECONDS", REDIS_TIMEOUT)
    if timeout <= 0:
        raise StartupError(f"REDIS_TIMEOUT_SECONDS must be a positive number, not {timeout!r}")
    checked = set()
    for setting, url in (("REDIS_URL", settings.get("REDIS_URL")), ("STATE_URI", uri)):
        if url and is_redis_uri(url) and url not in checked:
            checked.add(url)
            check_redis(str(url), setting, timeout)


def describe_failure(error: BaseException, settings: BaseSettings) -> str:
    """One line for an error that stopped the crawl after it started (the store was checked
    at start, but it may break in between): what failed, and where."""
    why = _why(error)
    uri = state_uri(settings)
    try:
        import redis
    except ImportError:
        redis = None  # type: ignore[assignment]
    if redis is not None and isinstance(error, redis.RedisError):
        url = settings.get("REDIS_URL") or uri
        return f"Redis at {masked(str(url))} failed: {type(error).__name__}: {why}"
    if isinstance(error, sqlite3.Error):
        return f"the state store {uri} failed: {why}"
    return f"{type(error).__name__}: {why}"


def _why(error: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(error).split()).rstrip(".") or type(error).__name__


# --- file name templates ---------------------------------------------------------------------
def run_files(settings: BaseSettings) -> Iterator[tuple[str, str, Any]]:
    """``(what, template, FEED_URI_PARAMS)`` of every file a run names from a template."""
    function = settings.get("FEED_URI_PARAMS")
    feeds = settings.getdict("FEEDS")
    for uri, options in feeds.items():
        yield "FEEDS", str(uri), (options or {}).get("uri_params") or function
    if settings.getbool("REJECTS_ENABLED", True):
        if uri := settings.get("REJECTS_URI"):
            yield "REJECTS_URI", str(uri), function
        else:
            yield "the rejects file (named after the feed)", default_rejects_uri(feeds), function
    if settings.getbool("RUN_SUMMARY_ENABLED", True):
        if uri := settings.get("RUN_SUMMARY_URI"):
            yield "RUN_SUMMARY_URI", str(uri), function
        elif feed := local_feed_uri(feeds):
            yield "the run summary (named after the feed)", sibling_path(feed, SUMMARY_SUFFIX), \
                function


def check_template(what: str, template: str, params: dict[str, Any]) -> str:
    """``template`` filled with ``params``, or a ``UsageError`` saying what is wrong.

    >>> check_template("REJECTS_URI", "out/%(name)s-100%.jsonl", {"name": "generic"})
    'out/generic-100%.jsonl'
    >>> check_template("REJECTS_URI", "out/%(bogus)s.jsonl", {"name": "generic"})
    Traceback (most recent call last):
    ...
    scrapy.exceptions.UsageError: REJECTS_URI 'out/%(bogus)s.jsonl' names %(bogus)s, which \
nothing fills: use %(name)s, %(time)s, %(batch_id)d, %(batch_time)s or a spider attribute
    """
    usable = "use %(name)s, %(time)s, %(batch_id)d, %(batch_time)s or a spider attribute"
    if "%(" in _PLACEHOLDER.sub("", template):
        raise UsageError(f"{what} {template!r} has an incomplete placeholder (a %(...) without "
                         f"its type, as in %(name)s or %(batch_id)d): {usable}")
    try:
        return format_uri(template, params)
    except KeyError as error:
        raise UsageError(f"{what} {template!r} names %({error.args[0]})s, which nothing "
                         f"fills: {usable}") from None
    except (TypeError, ValueError) as error:
        raise UsageError(f"{what} {template!r} cannot be filled ({_why(error)}): {usable}; "
                         "write %% for a literal %") from None


def check_local_target(what: str, target: str) -> None:
    """A local file's folder must be a folder (or creatable): ``out.jsonl/x`` is not."""
    if "://" in target and not target.startswith("file://"):
        return  # s3://, ftp://, stdout: ... are Scrapy's to check
    folder = Path(target.removeprefix("file://")).parent
    for parent in (folder, *folder.parents):
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"{what} {target!r} cannot be written: {parent} is a file, "
                                 "not a folder")
            return


def check_templates(settings: BaseSettings, spidercls: type, spargs: dict[str, Any]) -> None:
    """Every file the run names from a template can be named, with the params Scrapy gives a
    feed URI, from a spider made with the run's arguments (``UsageError`` otherwise)."""
    try:
        spider = spidercls(**spargs)
    except Exception:  # noqa: BLE001 - the crawl reports a spider that cannot be made
        return
    for what, template, function in run_files(settings):
        try:
            params = file_uri_params(spider, function)
        except Exception:  # noqa: BLE001 - a FEED_URI_PARAMS that needs the running crawl
            params = file_uri_params(spider)
        for name in dir(spidercls):
            params.setdefault(name, "")  # a class attribute only a running crawl can read
        check_local_target(what, check_template(what, template, params))
