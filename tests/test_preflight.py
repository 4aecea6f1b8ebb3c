"""Start-up checks through ``scrapy crawl``: a state store, Redis or file name that cannot work
stops the run before anything is fetched, with one line on stderr and no traceback."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newscrawler.preflight import (
    StartupError,
    check_sqlite,
    check_state_uri,
    check_stores,
    check_template,
    masked,
    state_uri,
)
from newscrawler.state import SQLiteStateStore

from conftest import _free_port, running_redis

ENV = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawler.settings"}


@dataclass
class Run:
    returncode: int
    stderr: str
    log: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def crawl(cwd: Path, *options: str, url: str = "http://127.0.0.1:9/", spider: str = "generic",
          args: tuple[str, ...] = (), prefix: list[str] | None = None) -> Run:
    """``scrapy crawl`` as cron runs it (log to a file, so stderr holds only what is said)."""
    command = [*(prefix or []), sys.executable, "-m", "scrapy", "crawl", spider, "-s", "LOG_FILE=crawl.log",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s",
               "RETRY_TIMES=0", "-s", "DOWNLOAD_TIMEOUT=5", *options]
    if url:
        command += ["-a", f"url={url}"]
    for arg in args:
        command += ["-a", arg]
    proc = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=120, check=False)
    log_file = cwd / "crawl.log"
    log = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
    return Run(proc.returncode, proc.stderr, log)


def assert_one_line(run: Run, status: int, *needles: str) -> str:
    assert run.returncode == status, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert len(run.lines) == 1, run.stderr
    (line,) = run.lines
    assert line.startswith("newscrawler: "), line
    for needle in needles:
        assert needle in line, line
    return line


def assert_nothing_fetched(run: Run) -> None:
    assert "Spider opened" not in run.log
    assert "Crawled (" not in run.log


def real_store(path: Path, rows: int = 3000) -> None:
    """A state store with enough rows to span many pages."""
    store = SQLiteStateStore(path)
    store.db.executemany(
        "INSERT INTO host_paragraphs (host, hash, stories, copies, first_seen, last_seen) "
        "VALUES ('example.com', ?, 1, 0, 0, 0)", [(n,) for n in range(rows)])
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


# --- the SQLite store ------------------------------------------------------------------------
def test_garbage_bytes_are_not_a_store(tmp_path):
    (tmp_path / "state.db").write_bytes(os.urandom(8192))
    run = crawl(tmp_path, "-s", "STATE_URI=state.db")
    assert_one_line(run, 1, "the state store state.db is not an SQLite database",
                    "move it away")
    assert_nothing_fetched(run)


@pytest.mark.parametrize("damage", ["pages", "truncated"])
def test_damaged_store_fails_quick_check(tmp_path, damage):
    path = tmp_path / "state.db"
    real_store(path)
    size = path.stat().st_size
    with path.open("r+b") as file:
        if damage == "pages":
            # the middle of the file: b-tree pages of the table and its index
            file.seek(size // 2 // 4096 * 4096)
            file.write(os.urandom(3 * 4096))
        else:
            file.truncate(size // 3)
    run = crawl(tmp_path, "-s", "STATE_URI=state.db")
    assert_one_line(run, 1, "the state store state.db is damaged", "restore a backup")
    assert_nothing_fetched(run)


def test_a_healthy_store_passes_and_is_used(demo_site, tmp_path):
    path = tmp_path / "state.db"
    real_store(path)
    run = crawl(tmp_path, "-s", "STATE_URI=state.db", "-O", "out.jsonl",
                url=f"{demo_site.base_url}/feeds/latest.rss", args=("max_items=2",))
    assert run.returncode == 0, run.stderr[-3000:] + run.log[-3000:]
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 2
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM stories WHERE state = 'exported'").fetchone()[0] == 2


def test_store_path_under_a_file(tmp_path):
    (tmp_path / "data").write_text("a file, not a folder")
    run = crawl(tmp_path, "-s", "STATE_URI=data/state.db")
    assert_one_line(run, 1, "data/state.db", "data is a file, not a folder")


def test_store_path_is_a_folder(tmp_path):
    (tmp_path / "state.db").mkdir()
    run = crawl(tmp_path, "-s", "STATE_URI=sqlite:///state.db")
    assert_one_line(run, 1, "the state store state.db is a folder")


def test_unknown_scheme(tmp_path):
    run = crawl(tmp_path, "-s", "STATE_URI=ftp://x")
    assert_one_line(run, 1, "STATE_URI 'ftp://x' has an unknown scheme 'ftp'", "redis://")
    assert not (tmp_path / ".newscrawler").exists()


def test_store_that_breaks_after_the_checks_is_one_line(tmp_path):
    """A store newer than this newscrawler passes quick_check but fails when the crawl opens
    it: the failure inside the crawl is one line and exit 1 too, not "0 exported", exit 0."""
    path = tmp_path / "state.db"
    real_store(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    run = crawl(tmp_path, "-s", "STATE_URI=state.db")
    line = assert_one_line(run, 1, "the run stopped", "state schema 99", "upgrade newscrawler")
    assert line in run.log.replace("The run stopped", "newscrawler: the run stopped")


# --- permissions, honestly: root ignores mode bits, so root runs the crawl without the ------
# --- capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), like any user --------
def as_ordinary_user() -> list[str]:
    """A command prefix under which mode bits deny, as they do for a user who is not root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux): mode bits would not deny")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.mark.parametrize(
    ("mode", "folder_mode", "message"),
    [
        (0o000, 0o755, "cannot read the state store store/state.db: [Errno 13] Permission denied"),
        (0o444, 0o755, "cannot write the state store store/state.db: [Errno 13] Permission"),
        (0o644, 0o555, "cannot write in store/, the folder of the state store state.db"),
    ],
    ids=["unreadable", "unwritable", "folder-unwritable"],
)
def test_store_permissions(tmp_path, mode, folder_mode, message):
    prefix = as_ordinary_user()
    path = tmp_path / "store" / "state.db"
    path.parent.mkdir()
    real_store(path, rows=10)
    path.chmod(mode)
    path.parent.chmod(folder_mode)
    try:
        run = crawl(tmp_path, "-s", "STATE_URI=store/state.db", prefix=prefix)
    finally:
        path.parent.chmod(0o755)
    assert_one_line(run, 1, message, "STATE_URI")
    assert_nothing_fetched(run)


# --- Redis -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def password_redis() -> Iterator[str]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    pytest.importorskip("redis")
    with running_redis(password="s3cret-pw") as url:
        yield url


@pytest.mark.parametrize("setting", ["REDIS_URL", "STATE_URI"])
def test_redis_down(tmp_path, setting):
    pytest.importorskip("redis")
    port = _free_port()  # nothing listens there
    run = crawl(tmp_path, "-s", f"{setting}=redis://:hunter2@127.0.0.1:{port}/0")
    line = assert_one_line(run, 1, f"cannot connect to Redis at redis://:****@127.0.0.1:{port}/0",
                           "Connection refused", setting)
    assert "hunter2" not in run.stderr + run.log
    assert "finish reason" not in line
    assert_nothing_fetched(run)


@pytest.mark.parametrize("setting", ["REDIS_URL", "STATE_URI"])
def test_redis_wrong_password(tmp_path, password_redis, setting):
    url = password_redis.replace("s3cret-pw", "wrong-pw")
    run = crawl(tmp_path, "-s", f"{setting}={url}")
    shown = url.replace("wrong-pw", "****")
    assert_one_line(run, 1, f"Redis at {shown} ({setting}) refused the password")
    assert "wrong-pw" not in run.stderr + run.log
    assert_nothing_fetched(run)


def test_redis_needs_a_password(tmp_path, password_redis):
    url = password_redis.replace(":s3cret-pw@", "")
    run = crawl(tmp_path, "-s", f"REDIS_URL={url}")
    assert_one_line(run, 1, f"Redis at {url} (REDIS_URL) needs a password",
                    "redis://:PASSWORD@host:port/db")


def test_redis_with_its_password_is_used(demo_site, tmp_path, password_redis):
    run = crawl(tmp_path, "-s", f"STATE_URI={password_redis}?prefix=preflight-test", "-O",
                "out.jsonl", url=f"{demo_site.base_url}/feeds/latest.rss",
                args=("max_items=2",))
    assert run.returncode == 0, run.stderr[-3000:] + run.log[-3000:]
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 2
    import redis

    with redis.Redis.from_url(password_redis) as client:
        assert len(list(client.scan_iter("preflight-test:story:*"))) >= 2


# --- file name templates ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["-s", "REJECTS_URI=out/%(bogus)s.jsonl"],
         "REJECTS_URI 'out/%(bogus)s.jsonl' names %(bogus)s, which nothing fills"),
        (["-s", "RUN_SUMMARY_URI=out/%(nope)s.json"], "RUN_SUMMARY_URI 'out/%(nope)s.json' names"),
        (["-O", "out/%(when)s.jsonl"], "FEEDS 'out/%(when)s.jsonl' names %(when)s"),
        (["-s", "REJECTS_URI=out/%(name).jsonl"], "has an incomplete placeholder"),
        (["-s", "REJECTS_URI=out/%(batch_id)d-%(time)d.jsonl"], "cannot be filled"),
        (["-O", "taken/out.jsonl"], "FEEDS 'taken/out.jsonl' cannot be written: taken is a file"),
    ],
    ids=["rejects", "summary", "feed", "incomplete", "wrong-type", "under-a-file"],
)
def test_bad_file_name_templates_are_usage_errors(tmp_path, options, message):
    (tmp_path / "taken").write_text("a file")
    run = crawl(tmp_path, *options)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    (error,) = [line for line in run.lines if "error:" in line]
    assert message in error
    assert_nothing_fetched(run)
    assert not (tmp_path / "out").exists()


def test_a_literal_percent_in_rejects_uri_works_like_in_feeds(demo_site, tmp_path):
    """``100%done`` is a file name, as Scrapy reads it in FEEDS; the rejects land there."""
    run = crawl(tmp_path, "-s", "REJECTS_URI=out/100%done.jsonl", "-O", "out/feed-100%.jsonl",
                url=f"{demo_site.base_url}/")
    assert run.returncode == 0, run.stderr[-3000:] + run.log[-3000:]
    rejects = (tmp_path / "out" / "100%done.jsonl").read_text().splitlines()
    assert rejects
    summary = json.loads((tmp_path / "out" / "feed-100%.summary.json").read_text())
    assert sum(summary["rejects"].values()) == len(rejects)
    assert summary["feed"] == "out/feed-100%.jsonl"
    assert (tmp_path / summary["feed"]).stat().st_size > 0


def test_spider_attributes_and_batch_params_fill_templates(demo_site, tmp_path):
    run = crawl(tmp_path, "-s", "REJECTS_URI=out/%(name)s-%(max_items)s-%(batch_id)02d.jsonl",
                "-O", "out/feed.jsonl", url=f"{demo_site.base_url}/", args=("max_items=3",))
    assert run.returncode == 0, run.stderr[-3000:]
    assert (tmp_path / "out" / "generic-3-01.jsonl").exists()


# --- the pure functions ----------------------------------------------------------------------
def test_masked_hides_every_password():
    assert masked("redis://:pw@h:1/0") == "redis://:****@h:1/0"
    assert masked("rediss://user:pw@h:1/0") == "rediss://user:****@h:1/0"
    assert masked("redis://user@h:1/0") == "redis://user@h:1/0"
    assert "pw" not in masked("redis://h:1/0?password=pw&db=1")


def test_state_uri_follows_the_distributed_default():
    from scrapy.settings import Settings

    assert state_uri(Settings({})) == ".newscrawler/state.sqlite3"
    assert state_uri(Settings({"REDIS_URL": "redis://h/0"})) == "redis://h/0"
    assert state_uri(Settings({"REDIS_URL": "redis://h/0", "STATE_URI": "x.db"})) == "x.db"


def test_check_sqlite_accepts_new_and_empty_stores(tmp_path):
    check_sqlite(tmp_path / "missing.db")
    (tmp_path / "empty.db").touch()  # SQLite reads an empty file as an empty database
    check_sqlite(tmp_path / "empty.db")
    real_store(tmp_path / "real.db", rows=10)
    check_sqlite(tmp_path / "real.db")


def test_check_state_uri_refuses_what_cannot_open(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(StartupError, match="not a regular file"):
        check_state_uri(str(fifo))  # opening it would hang the run
    with pytest.raises(StartupError, match="unknown scheme 'mysql'"):
        check_state_uri("mysql://db/x")
    with pytest.raises(StartupError, match="sqlite:///relative/path"):
        check_state_uri("sqlite://x.db")
    assert check_state_uri(str(tmp_path / "new" / "s.db")) == tmp_path / "new" / "s.db"
    assert (tmp_path / "new").is_dir()
    assert check_state_uri("redis://127.0.0.1:1/0") is None


def test_check_template_follows_scrapy_feed_rules():
    params = {"name": "generic", "time": "T", "batch_id": 1}
    assert check_template("x", "%(name)s/%(time)s-%(batch_id)03d.jsonl", params) == \
        "generic/T-001.jsonl"
    assert check_template("x", "a%20b/100%.jsonl", params) == "a%20b/100%.jsonl"
    with pytest.raises(Exception, match="names %\\(site\\)s"):
        check_template("x", "%(site)s.jsonl", params)


def test_quick_check_can_be_switched_off_for_large_stores(tmp_path):
    path = tmp_path / "state.db"
    real_store(path)
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.seek(size // 2 // 4096 * 4096)
        file.write(os.urandom(3 * 4096))
    with pytest.raises(StartupError, match="is damaged"):
        check_sqlite(path)
    check_sqlite(path, quick_check=False)  # only the header and the schema: they are intact
    (tmp_path / "garbage.db").write_bytes(os.urandom(4096))
    with pytest.raises(StartupError, match="not an SQLite database"):
        check_sqlite(tmp_path / "garbage.db", quick_check=False)


def test_describe_failure_names_the_store_and_masks_redis():
    import redis
    from scrapy.settings import Settings

    from newscrawler.preflight import check_stores, describe_failure

    settings = Settings({"REDIS_URL": "redis://:pw@127.0.0.1:1/0"})
    line = describe_failure(redis.ConnectionError("Error 111 connecting. Connection refused."),
                            settings)
    assert line == ("Redis at redis://:****@127.0.0.1:1/0 failed: ConnectionError: Error 111 "
                    "connecting. Connection refused")
    line = describe_failure(sqlite3.DatabaseError("database disk image is malformed"),
                            Settings({"STATE_URI": "s.db"}))
    assert line == "the state store s.db failed: database disk image is malformed"
    assert describe_failure(RuntimeError("x\ny"), Settings({})) == "RuntimeError: x y"
    with pytest.raises(StartupError, match="REDIS_URL 'http://:\\*\\*\\*\\*@h/0' is not a Redis"):
        check_stores(Settings({"REDIS_URL": "http://:pw@h/0"}))


def test_redis_timeout_is_checked_at_start_and_bounds_the_check(tmp_path):
    from scrapy.settings import Settings

    settings = {"REDIS_URL": f"redis://127.0.0.1:{_free_port()}/0",
                "STATE_URI": str(tmp_path / "state.sqlite3")}
    with pytest.raises(StartupError, match="REDIS_TIMEOUT_SECONDS must be a positive number"):
        check_stores(Settings({**settings, "REDIS_TIMEOUT_SECONDS": 0}))
    with pytest.raises(StartupError, match="cannot connect to Redis"):
        check_stores(Settings({**settings, "REDIS_TIMEOUT_SECONDS": 0.5}))
