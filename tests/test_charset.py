"""Pages declared UTF-8 with invalid bytes: UTF-8 with U+FFFD, or windows-1252 when nothing is UTF-8.

The rule is checked on real-shaped bytes, then through ``scrapy crawl generic``
against a local site serving a mixed page, a windows-1252 page and a clean one.
"""

from __future__ import annotations

import pytest
from badweb import Story

from newscrawler.demo.server import start_server
from newscrawler.downloadermiddlewares.charset import _CHUNK, is_cp1252_declared_utf8

from conftest import run_crawl

CAFE = ("“We’re back, and the crème brûlée is too,” said its owner, Renée Dufresne, "
        "who spent the closure repainting the dining room herself.")
PASTED = "“We’re back,” said Renée Dufresne, déjà planning the summer terrace."
MIXED_SENTENCE = "The ferry to Saint-Malo was cancelled on Tuesday, the company said."


def page(paragraphs: tuple[str, ...], title: str = "Café on the quay reopens") -> str:
    return Story("/x.html", title, "2025-04-18", paragraphs).html()


@pytest.mark.parametrize(("body", "cp1252"), [
    # a whole page in windows-1252 under a UTF-8 declaration
    (page((CAFE, "Prices: 5 € a coffee.")).encode("cp1252"), True),
    # Latin-1 with only a no-break space and a ©: nothing valid as UTF-8
    (b"<p>Copyright\xa0\xa9 2025 Quayside</p>", True),
    # a clean UTF-8 page
    (page((CAFE,)).encode(), False),
    # UTF-8 with one lone 0xE9 (a windows-1252 e-acute) among valid C3 A9
    (page((CAFE, MIXED_SENTENCE)).encode().replace(b"Saint-Malo", b"d\xe9part Saint-Malo"),
     False),
    # a UTF-8 page with a windows-1252 paragraph pasted in: more bad bytes than good
    (page(("Café", )).encode() + ("<p>" + CAFE + " " + CAFE + "</p>").encode("cp1252"), False),
    # UTF-8 cut in the middle of its last character
    ("Café déjà".encode()[:-1], False),
    # windows-1252, then a valid sequence that straddles the decoder's chunk boundary
    (b"\x93a\x94" + b"a" * (_CHUNK - 4) + "é".encode(), False),
    (b"plain ASCII <p>only</p>", False),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xe9", False),  # binary
])
def test_cp1252_only_when_nothing_is_utf8(body, cp1252):
    assert is_cp1252_declared_utf8(body) is cp1252


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    root = tmp_path_factory.mktemp("charset-site")
    news = root / "news"
    news.mkdir()
    mixed = page((
        ("QUAYSIDE, April 18, 2025 — The Café du Port reopened on Friday, six weeks after the "
        "spring floods filled its cellar with seawater and ruined the espresso machine."),
        CAFE, MIXED_SENTENCE,
        "The café’s regulars, mostly dockers and ferry crews, queued from six o’clock.",
    )).encode()
    # one windows-1252 é pasted into a UTF-8 page
    mixed = mixed.replace(b"Saint-Malo", b"St-Malo d\xe9part")
    with pytest.raises(UnicodeDecodeError):
        mixed.decode()
    (news / "mixed.html").write_bytes(mixed)
    # a windows-1252 quote pasted into a UTF-8 page: more bad bytes than good ones
    pasted = page((
        ("QUAYSIDE, April 19, 2025 — The Cafe du Port owner thanked the volunteers who "
         "pumped out its cellar after the spring floods, and the council for its grant."),
        "PASTED",
        "The council said the grant scheme would stay open until the end of June.",
    ), title="Café owner thanks the flood volunteers").encode()
    pasted = pasted.replace(b"PASTED", PASTED.encode("cp1252"))
    (news / "pasted.html").write_bytes(pasted)
    lying = Story("/news/lying.html", "Harbour dues rise for the first time since 2019",
                  "2025-04-17", (
                      ("QUAYSIDE, April 17, 2025 — Harbour dues will rise by four per cent "
                      "from June, the port authority said, the first rise since 2019."),
                      ("“It’s overdue,” said the harbour master, Inès Calloway, who added "
                      "that the money would pay for dredging the inner basin."),
                      "Fishing boats under twelve metres are exempt, as before.",
                  ))
    (news / "lying.html").write_bytes(lying.html().encode("cp1252"))
    links = ('<li><a href="/news/mixed.html">Café on the quay reopens</a></li>'
             '<li><a href="/news/pasted.html">Café owner thanks the volunteers</a></li>'
             '<li><a href="/news/lying.html">Harbour dues rise</a></li>')
    (root / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quayside Wire'
        f"</title></head><body><h1>Quayside Wire</h1><ul>{links}</ul></body></html>",
        encoding="utf-8")
    server = start_server(root=root)
    try:
        result = run_crawl("generic", tmp_path_factory.mktemp("charset-crawl"),
                           f"url={server.base_url}/")
    finally:
        server.stop()
    assert result.returncode == 0, result.log[-3000:]
    items = {item["url"].rsplit("/", 1)[-1]: item for item in result.items}
    assert set(items) == {"mixed.html", "pasted.html", "lying.html"}, result.log[-3000:]
    return items, result


def test_mixed_page_keeps_valid_utf8_and_replaces_only_the_bad_byte(crawl):
    items, _ = crawl
    body = items["mixed.html"]["body"]
    assert items["mixed.html"]["title"].startswith("Café on the quay reopens")
    assert CAFE in body  # é, è, û, curly quotes: all intact, no Ã©
    assert "St-Malo d\ufffdpart" in body
    assert body.count("\ufffd") == 1
    assert "Ã" not in body


def test_windows_1252_page_is_still_read_as_windows_1252(crawl):
    items, result = crawl
    body = items["lying.html"]["body"]
    assert "“It’s overdue,” said the harbour master, Inès Calloway," in body
    assert "\ufffd" not in body
    # the stat counts the pages re-decoded, and only those
    assert result.stat("encoding/cp1252_declared_utf8") == 1


def test_pasted_windows_1252_paragraph_does_not_garble_the_utf8_around_it(crawl):
    items, _ = crawl
    story = items["pasted.html"]
    assert story["title"].startswith("Café owner thanks the flood volunteers")
    assert "\ufffdWe\ufffdre back,\ufffd said Ren\ufffde Dufresne, d\ufffdj\ufffd planning" in (
        story["body"])
    assert "Ã" not in story["title"] + story["body"]
