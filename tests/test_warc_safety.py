"""A hostile listing or redirect cannot make ``scrapy crawl warc`` read another host, a
private address or a local file it was not handed.

Each WARC here holds one demo story, so a file that was read shows in the export: the
good file's story must be there, the others' never. A second server on 127.0.0.2 (another
host of this machine) records every request; it must see none. Private addresses seen
from a public source are checked through a recording HTTP proxy, as in test_safety.py.
"""

from __future__ import annotations

import gzip
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcfiles import DEMO_HOST, ArchiveServer, demo_body, demo_pages, fresh, response, write_warc

from newscrawler.discovery.policy import is_public_address
from newscrawler.warc.sources import Refused, local_entry, remote_entry

from conftest import CrawlResult, run_crawl

GOOD, SECRET, OTHER = (page["path"] for page in demo_pages("story")[:3])


def story_warc(path: Path, story: str) -> Path:
    """A WARC holding one demo story (its URL is the story's on the demo host)."""
    return write_warc(path, [response(DEMO_HOST + story, demo_body(story))])


def exported(result: CrawlResult) -> list[str]:
    return [item["url"].removeprefix(DEMO_HOST) for item in result.items]


def warc_crawl(tmp_path: Path, name: str, *sources: str, **settings: str) -> CrawlResult:
    return run_crawl("warc", fresh(tmp_path, name), f"url={','.join(sources)}",
                     settings=settings or None)


# --- the entries of a listing, on their own ------------------------------------------------
LISTING = "https://data.example/crawl-data/CC-NEWS/2025/04/warc.paths.gz"


@pytest.mark.parametrize(("entry", "expected"), [
    ("crawl-data/a.warc.gz", "https://data.example/crawl-data/a.warc.gz"),
    ("/crawl-data/a.warc.gz", "https://data.example/crawl-data/a.warc.gz"),
    ("https://DATA.example/a.warc.gz", "https://DATA.example/a.warc.gz"),  # its own origin
    ("http://data.example/a.warc.gz", "offsite_host"),  # another scheme, another origin
    ("https://data.example:8443/a.warc.gz", "offsite_host"),
    ("https://other.example/a.warc.gz", "offsite_host"),
    ("http://169.254.169.254/latest/meta-data/", "offsite_host"),
    ("//other.example/a.warc.gz", "offsite_host"),
    ("file:///etc/passwd", "scheme"),
    ("ftp://data.example/a.warc.gz", "scheme"),
    ("https://[::1/a.warc.gz", "bad_entry"),
    ("crawl-data/a b.warc.gz", "bad_entry"),
    ("crawl-data/a.warc.gz\x00", "bad_entry"),
])
def test_remote_listing_entries(entry: str, expected: str) -> None:
    found = remote_entry(LISTING, entry)
    assert (found.why if isinstance(found, Refused) else found) == expected


def test_local_listing_entries(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "out").symlink_to(tmp_path)
    listing = str(folder / "warc.paths")
    why = {e: r.why if isinstance(r, Refused) else r
           for e in ("sub/a.warc.gz", "sub/../b.warc.gz", "../x.warc.gz", "sub/out/x.warc.gz",
                     "/etc/passwd", "file:///etc/passwd", "http://h/a.warc.gz", "a\0.warc.gz")
           for r in [local_entry(listing, e)]}
    assert why == {
        "sub/a.warc.gz": str(folder / "sub/a.warc.gz"),
        "sub/../b.warc.gz": str(folder / "sub/../b.warc.gz"),  # still inside
        "../x.warc.gz": "outside_folder",
        "sub/out/x.warc.gz": "outside_folder",  # a symlink out
        "/etc/passwd": "absolute_path",
        "file:///etc/passwd": "absolute_path",
        "http://h/a.warc.gz": "absolute_path",
        "a\0.warc.gz": "bad_entry",
    }


# --- through scrapy crawl warc ------------------------------------------------------------
@pytest.fixture
def other_host(tmp_path: Path) -> Iterator[ArchiveServer]:
    """127.0.0.2, serving a WARC whose story would show in the export if it were read."""
    root = tmp_path / "other"
    story_warc(root / "a.warc.gz", OTHER)
    with ArchiveServer(root, host="127.0.0.2") as server:
        yield server


def test_remote_listing_entries_stay_on_its_origin(tmp_path: Path,
                                                   other_host: ArchiveServer) -> None:
    site = tmp_path / "site"
    story_warc(site / "crawl-data" / "good.warc.gz", GOOD)
    secret = story_warc(tmp_path / "secret" / "secret.warc.gz", SECRET)
    with ArchiveServer(site) as server:
        entries = ["crawl-data/good.warc.gz",
                   f"{server.base_url}/crawl-data/good.warc.gz",  # its own origin: read
                   f"{other_host.base_url}/a.warc.gz",
                   f"{other_host.base_url}/b.warc.gz",
                   "http://169.254.169.254/latest/meta-data/a.warc.gz",
                   secret.as_uri()]
        (site / "warc.paths.gz").write_bytes(gzip.compress("\n".join(entries).encode()))
        result = warc_crawl(tmp_path, "run", f"{server.base_url}/warc.paths.gz")
    assert result.returncode == 0, result.log[-3000:]
    assert exported(result) == [GOOD]  # read twice, exported once
    assert result.stat("warc/files/read") == 2
    assert other_host.requests == []
    assert result.stat("warc/refused/offsite_host") == 3
    assert result.stat("warc/refused/scheme") == 1
    assert result.log.count(f"Refused {other_host.base_url}") == 1  # logged once per host


def test_local_listing_entries_stay_in_its_folder(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    story_warc(archive / "good.warc.gz", GOOD)
    secret = story_warc(tmp_path / "secret" / "secret.warc.gz", SECRET)
    (archive / "link.warc.gz").symlink_to(secret)
    entries = ["good.warc.gz", "../secret/secret.warc.gz", str(secret), secret.as_uri(),
               "link.warc.gz"]
    (archive / "warc.paths").write_text("\n".join(entries) + "\n")
    result = warc_crawl(tmp_path, "run", str(archive / "warc.paths"))
    assert result.returncode == 0, result.log[-3000:]
    assert exported(result) == [GOOD]
    assert result.stat("warc/refused/outside_folder") == 2
    assert result.stat("warc/refused/absolute_path") == 2
    # a file the user names is read as given, wherever it is
    given = warc_crawl(tmp_path, "given", str(secret))
    assert exported(given) == [SECRET]


def test_redirects_of_a_remote_read_stay_on_the_crawls_hosts(
        tmp_path: Path, other_host: ArchiveServer) -> None:
    site = tmp_path / "site"
    story_warc(site / "good.warc.gz", GOOD)
    secret = story_warc(tmp_path / "secret" / "secret.warc.gz", SECRET)
    with ArchiveServer(site) as server:
        server.redirects.update({
            "/go/other.warc.gz": f"{other_host.base_url}/a.warc.gz",
            "/go/file.warc.gz": secret.as_uri(),
            "/go/ftp.warc.gz": "ftp://127.0.0.1/a.warc.gz",
            "/go/same.warc.gz": "/good.warc.gz",  # on its own host: followed
            "/go/warc.paths.gz": f"{other_host.base_url}/warc.paths.gz",
        })
        # a refused listing leaves the other sources to be read
        result = warc_crawl(tmp_path, "run", *(f"{server.base_url}/go/{name}" for name in (
            "warc.paths.gz", "other.warc.gz", "file.warc.gz", "ftp.warc.gz", "same.warc.gz")))
    assert result.returncode == 0, result.log[-3000:]
    assert exported(result) == [GOOD]
    assert other_host.requests == []
    assert result.stat("warc/refused/offsite_host") == 2
    assert result.stat("warc/refused/scheme") == 2
    assert result.stat("warc/files/read") == 1


def _private_hostname() -> str | None:
    """This machine's name when it resolves to a private address (a name, not a literal)."""
    name = socket.gethostname()
    try:
        return None if is_public_address(socket.gethostbyname(name)) else name.lower()
    except OSError:
        return None


def test_redirects_to_private_addresses_refused_when_the_source_is_public(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``news.example`` is read through a local proxy that records every URL it is asked
    for; its WARC URLs redirect to private addresses. None reaches the proxy."""
    hostname = _private_hostname()
    targets = ["http://10.0.0.1/a.warc.gz", "http://169.254.169.254/a.warc.gz",
               "http://localhost/a.warc.gz", *([f"http://{hostname}/a.warc.gz"] * bool(hostname))]
    start = "http://news.example"
    root = tmp_path / "proxy"
    story_warc(root / "http:" / "news.example" / "good.warc.gz", GOOD)  # as the proxy is asked
    sources = [f"{start}/go/{n}.warc.gz" for n in range(len(targets))]
    with ArchiveServer(root, redirects=dict(zip(sources, targets, strict=True))) as proxy:
        monkeypatch.setenv("http_proxy", proxy.base_url)
        monkeypatch.delenv("no_proxy", raising=False)
        monkeypatch.delenv("NO_PROXY", raising=False)
        # the machine's own name is a host the user allowed: its address still counts
        result = warc_crawl(tmp_path, "run", f"{start}/good.warc.gz", *sources,
                            DISCOVERY_ALLOWED_HOSTS=hostname or "feeds.feedburner.com")
    assert result.returncode == 0, result.log[-3000:]
    assert exported(result) == [GOOD]  # the proxy did serve the crawl
    assert sorted(path for path, _ in proxy.requests) == sorted([f"{start}/good.warc.gz", *sources])
    assert result.stat("warc/refused/private_address") == len(targets)
