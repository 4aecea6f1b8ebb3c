"""Record a real page as a parser fixture: its bytes plus the fields the parser gives today.

    python -m tools.record_fixture PAGE_FILE --parser prnewswire --url PAGE_URL [--name N]
    python -m tools.record_fixture PAGE_URL --parser apnews [--name N]      # fetched once
    python -m tools.record_fixture --update [FIXTURE.json ...]   # re-record the expected fields

Writes ``tests/data/parser_fixtures/<parser>/<name>.html`` (the bytes as saved or fetched;
``.xml`` for Business Wire, whose "page" is its feed) and ``<name>.json`` (the parser, URL,
status and the exported fields of every item the parser makes).  Read the JSON before you
commit it: it is what ``tests/test_parser_fixtures.py`` will hold the parser to.  When a site
changes its layout, save the new page, record it, review, commit; when a parser change is
meant to change a field, ``--update`` rewrites the expected JSON and ``git diff`` shows what
moved.

The parsers are called only through their public entry point (parser class, ``to_item()``)
and only exported fields are compared, so the fixtures outlive changes to parser internals.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy.http import HtmlResponse

from newscrawler.discovery.feeds import parse_feed
from newscrawler.items import EXPORT_FIELDS, Article
from newscrawler.parsers.apnews import apnews_parser_for
from newscrawler.parsers.base import ArticleParser
from newscrawler.parsers.businesswire import BusinessWireParser
from newscrawler.parsers.globenewswire import GlobeNewswireParser
from newscrawler.parsers.menafn import MenafnParser
from newscrawler.parsers.prnewswire import PrNewswireParser

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "data" / "parser_fixtures"
COMMAND = "python -m tools.record_fixture"
CRAWL_FIELDS = frozenset({"fetched_at", "cluster_id", "duplicate_of", "version", "archive"})
"""Exported fields the crawl sets after parsing (clock, dedup, runs, archive): never recorded."""
RECORDED_FIELDS = [name for name in EXPORT_FIELDS if name not in CRAWL_FIELDS]


def page_response(url: str, body: bytes, status: int, content_type: str | None) -> HtmlResponse:
    """The response the crawl would have handed the parser."""
    headers = {"Content-Type": content_type} if content_type else {}
    return HtmlResponse(url=url, body=body, status=status, headers=headers)


def parse_page(parser_class: type[ArticleParser]) -> Callable[..., list[Article]]:
    """How a parser that reads one page makes its item."""

    def parse(url: str, body: bytes, status: int, content_type: str | None) -> list[Article]:
        return [parser_class(page_response(url, body, status, content_type)).to_item()]

    return parse


def parse_apnews(url: str, body: bytes, status: int, content_type: str | None) -> list[Article]:
    """AP has two layouts; the page's markers pick the parser, as in the crawl."""
    response = page_response(url, body, status, content_type)
    return [apnews_parser_for(response)(response).to_item()]


def parse_businesswire_feed(
    url: str, body: bytes, status: int, content_type: str | None
) -> list[Article]:
    """Business Wire pages are never fetched: each feed item is one item (as the spider does)."""
    feed = parse_feed(body)
    if feed is None:
        raise ValueError(f"{url} is not a feed")
    items = []
    for entry in feed.entries:
        hints = {
            "title": entry.title,
            "published": entry.published,
            "date": entry.updated,
            "summary": entry.summary,
            "guid": entry.guid,
            "author": entry.author,
        }
        items.append(BusinessWireParser.from_feed_entry(entry.link, hints).to_item())
    return items


PARSERS: dict[str, Callable[[str, bytes, int, str | None], list[Article]]] = {
    "prnewswire": parse_page(PrNewswireParser),
    "globenewswire": parse_page(GlobeNewswireParser),
    "apnews": parse_apnews,
    "menafn": parse_page(MenafnParser),
    "businesswire": parse_businesswire_feed,
    "generic": parse_page(ArticleParser),
}
"""--parser name -> how the crawl turns that page (or feed) into items."""


def exported_fields(item: Article) -> dict[str, Any]:
    """The fields of the JSONL line the parser is answerable for."""
    adapter = ItemAdapter(item)
    return {name: adapter.get(name) for name in RECORDED_FIELDS}


def parse_fixture(record: dict[str, Any], body: bytes) -> list[dict[str, Any]]:
    """Today's exported fields of every item the recorded parser makes of ``body``."""
    items = PARSERS[record["parser"]](
        record["url"], body, record["status"], record.get("content_type")
    )
    return [exported_fields(item) for item in items]


def page_file(fixture: Path) -> Path:
    """The saved bytes beside a fixture's JSON."""
    record = json.loads(fixture.read_text(encoding="utf-8"))
    return fixture.with_name(record["page"])


def all_fixtures() -> list[Path]:
    """Every recorded fixture's JSON, in a stable order."""
    return sorted(FIXTURES.glob("*/*.json"))


def write_record(path: Path, record: dict[str, Any]) -> None:
    """Write a fixture's JSON (UTF-8, indented, so a review reads it)."""
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")


def fetch(source: str) -> tuple[bytes, int, str | None]:
    """The bytes, status and Content-Type of a URL, fetched once by hand (never in tests)."""
    request = urllib.request.Request(source, headers={"User-Agent": "newscrawler-fixtures"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.read(), answer.status, answer.headers.get("Content-Type")
    except urllib.error.HTTPError as error:  # a 403 or 404 page is a page too
        return error.read(), error.code, error.headers.get("Content-Type")


def default_name(url: str) -> str:
    """A file name from the URL's last path segment: ``some-release-302411876``."""
    segment = [part for part in url.split("?")[0].split("/") if part][-1]
    segment = re.sub(r"\.[a-z]+$", "", segment)
    return re.sub(r"[^A-Za-z0-9_-]+", "-", segment).strip("-")[:80] or "page"


def record(
    source: str, parser: str, url: str, *, name: str | None, status: int, content_type: str | None
) -> Path:
    """Save the page and its expected fields; returns the JSON's path."""
    if re.match(r"https?://", source):
        body, status, content_type = fetch(source)
        origin = source
    else:
        body = Path(source).read_bytes()
        resolved = Path(source).resolve()
        origin = resolved.relative_to(REPO).as_posix() if resolved.is_relative_to(REPO) else source
    folder = FIXTURES / parser
    folder.mkdir(parents=True, exist_ok=True)
    stem = name or default_name(url)
    suffix = ".xml" if parser == "businesswire" else ".html"
    (folder / f"{stem}{suffix}").write_bytes(body)
    entry: dict[str, Any] = {"parser": parser, "url": url, "status": status}
    if content_type:
        entry["content_type"] = content_type
    entry |= {"recorded_from": origin, "page": f"{stem}{suffix}"}
    entry["items"] = parse_fixture(entry, body)
    target = folder / f"{stem}.json"
    write_record(target, entry)
    return target


def update(fixtures: list[Path]) -> list[Path]:
    """Re-record the expected fields of these fixtures from today's parsers; the changed ones."""
    changed = []
    for fixture in fixtures:
        entry = json.loads(fixture.read_text(encoding="utf-8"))
        items = parse_fixture(entry, page_file(fixture).read_bytes())
        if items != entry["items"]:
            entry["items"] = items
            write_record(fixture, entry)
            changed.append(fixture)
    return changed


def main(argv: list[str] | None = None) -> int:
    """The command line: record one page, or ``--update`` recorded ones."""
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "source", nargs="*", help="a saved page file or a URL (with --update: fixture JSON files)"
    )
    parser.add_argument("--parser", choices=sorted(PARSERS), help="which parser reads the page")
    parser.add_argument("--url", help="the page's URL (default: the URL it is fetched from)")
    parser.add_argument("--name", help="file name without suffix (default: from the URL)")
    parser.add_argument("--status", type=int, default=200, help="HTTP status of a saved page")
    parser.add_argument("--content-type", help="Content-Type header of a saved page")
    parser.add_argument(
        "--update",
        action="store_true",
        help="rewrite the expected fields of the given (default: all) fixtures",
    )
    args = parser.parse_args(argv)
    if args.update:
        fixtures = [Path(s) for s in args.source] or all_fixtures()
        changed = update(fixtures)
        for fixture in changed:
            print(f"updated {fixture.relative_to(REPO) if fixture.is_absolute() else fixture}")
        print(f"{len(changed)} of {len(fixtures)} fixtures changed; review with git diff")
        return 0
    if len(args.source) != 1 or not args.parser:
        parser.error("recording needs one page file or URL and --parser")
    source = args.source[0]
    url = args.url or (source if re.match(r"https?://", source) else None)
    if url is None:
        parser.error("a saved page needs --url (the URL it was fetched from)")
    target = record(
        source, args.parser, url, name=args.name, status=args.status, content_type=args.content_type
    )
    print(f"recorded {target.relative_to(REPO)}: review its fields before you commit it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
