"""``published`` from the date a page prints by its headline when its metadata has none, in
several scripts; live blogs printed without markup (our own invented pages)."""

from __future__ import annotations

import json
import re

import pytest
from scrapy.http import HtmlResponse

from newscrawler.items import Article
from newscrawler.parsers.base import ArticleParser

STORY = [
    ("The harbour authority will replace all twelve diesel cranes on the east quay with electric "
     "ones by the summer, its board decided on Tuesday after a year of trials on the west quay."),
    ("The first four cranes arrive in the spring; each saves about 400 tonnes of diesel a year, "
     "the authority's engineers estimate, and runs quieter through the night shifts."),
    ("Dock workers' unions welcomed the plan but asked for training before the switch, saying "
     "the new cabs and remote controls change how every lift is planned and checked."),
]


def page(lang: str, header: str, body: list[str] | None = None, after: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (STORY if body is None else body))
    headline = re.search(r"<(?:h1|dt)>(.*?)</", header)
    title = f"{headline.group(1) if headline else 'Story'} | Harbour news"
    return (f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
            "<body><nav><a href='/'>Home</a> <a href='/ports'>Ports</a></nav>"
            f"<article>{header}<div class='text'>{paragraphs}</div>{after}</article>"
            "<footer>© Harbour news</footer></body></html>")


def parse(html: str, url: str = "https://harbour.example/ports/cranes") -> Article:
    response = HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8")
    return ArticleParser(response).to_item()


@pytest.mark.parametrize(("lang", "header", "expected"), [
    ("ru", ("<h1>Портовые краны станут электрическими</h1>"
            "<div><span>Опубликовано: 5 марта 2024 г., 14:20</span></div>"), "2024-03-05T14:20:00"),
    ("zh", "<h1>港口起重机全部电动化</h1><div>发布时间：2024年3月5日 14:20　来源：本报</div>",
     "2024-03-05T14:20:00"),
    ("ar", "<h1>رافعات الميناء تتحول إلى الكهرباء</h1><p dir='rtl'>الثلاثاء ٥ مارس ٢٠٢٤ - ١٤:٢٠</p>",
     "2024-03-05T14:20:00"),
    ("th", "<h1>ท่าเรือเปลี่ยนปั้นจั่นเป็นไฟฟ้า</h1><time>5 มีนาคม 2567 14:20 น.</time>",
     "2024-03-05T14:20:00"),
    ("hi", "<h1>बंदरगाह की क्रेनें बिजली से चलेंगी</h1><p><em>प्रकाशित: 5 मार्च 2024</em></p>",
     "2024-03-05"),
    ("el", "<h1>Ηλεκτρικοί γερανοί στο λιμάνι</h1><small>5 Μαρτίου 2024, 14:20</small>",
     "2024-03-05T14:20:00"),
    ("vi", "<h1>Cảng chuyển sang cần cẩu điện</h1><span>Thứ ba, 5/3/2024, 14:20 (GMT+7)</span>",
     "2024-03-05T14:20:00"),
    ("hu", "<h1>Elektromos darukat kap a kikötő</h1><div>2024. március 5. 14:20</div>",
     "2024-03-05T14:20:00"),
    ("en-GB", "<h1>Harbour cranes go electric</h1><div>05/03/2024 14:20</div>",
     "2024-03-05T14:20:00"),
])
def test_date_printed_by_the_headline_in_each_script(lang: str, header: str,
                                                      expected: str) -> None:
    assert parse(page(lang, header)).published == expected


def test_date_line_printed_as_loose_text_after_the_headline() -> None:
    # the headline in a <dl>, the date line straight after it with no element of its own
    header = ("<dl class='title'><dt>항만 크레인 전기로 바뀐다</dt></dl>"
              " 기사입력 :[ 2024-03-05 14:20 ] ")
    assert parse(page("ko", header)).published == "2024-03-05T14:20:00"


def test_a_date_inside_the_story_is_not_the_page_s() -> None:
    body = [*STORY[:2], "The law of 5 March 1998 set the rules for the quay.", STORY[2]]
    assert parse(page("en", "<h1>Harbour cranes go electric</h1>", body)).published is None


def test_published_line_before_an_updated_one() -> None:
    header = ("<h1>Harbour cranes go electric</h1>"
              "<p>Published 5 March 2024 | Updated 6 March 2024</p>")
    assert parse(page("en", header)).published == "2024-03-05"


def live(entries: list[str], header: str = "", teaser: bool = False) -> str:
    if teaser:  # a list of other stories: a linked title and a teaser each
        after = "".join(f"<div class='card'><h3><a href='/s{n}'>Another harbour story</a></h3>"
                        f"<p>{STORY[n % 3]}</p><time datetime='{t}'>{t[:10]}</time></div>"
                        for n, t in enumerate(entries))
        return page("en", f"<h1>Harbour cranes go electric</h1>{header}", after=after)
    posts = "".join(f"<div class='post'><div class='stamp'>{t}</div><p>{STORY[n % 3]}</p></div>"
                    for n, t in enumerate(entries))
    return page("en-GB", f"<h1>Live: the cranes arrive</h1>{header}", body=[], after=posts)


def test_live_blog_without_markup_published_at_its_first_entry() -> None:
    item = parse(live(["5 March 2024 16:40", "5 March 2024 14:05", "5 March 2024 11:30",
                       "5 March 2024 09:15"]))
    assert item.published == "2024-03-05T09:15:00"
    assert item.modified == "2024-03-05T16:40:00"


def test_live_blog_with_its_own_start_line() -> None:
    item = parse(live(["5 March 2024 16:40", "5 March 2024 14:05", "5 March 2024 11:30"],
                      header="<p>Started 5 March 2024 08:00</p>"))
    assert item.published == "2024-03-05T08:00:00"
    assert item.modified == "2024-03-05T16:40:00"


def test_a_list_of_teasers_is_no_live_blog() -> None:
    item = parse(live(["2024-03-05T16:40:00", "2024-03-05T14:05:00", "2024-03-05T11:30:00",
                       "2024-03-05T09:10:00"], header="<p>5 March 2024 10:00</p>", teaser=True))
    assert item.published == "2024-03-05T10:00:00"
    assert item.modified is None


def test_live_blog_posting_published_after_its_first_update() -> None:
    ld = {"@type": "LiveBlogPosting", "headline": "Live: the cranes arrive",
          "datePublished": "2024-03-05T16:40:00Z", "liveBlogUpdate": [
              {"@type": "BlogPosting", "datePublished": f"2024-03-05T{h}:00:00Z"}
              for h in ("16", "12", "09")]}
    html = page("en", "<h1>Live: the cranes arrive</h1>").replace(
        "</head>", f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>")
    item = parse(html)
    assert item.published == "2024-03-05T09:00:00+00:00"
    assert item.modified == "2024-03-05T16:00:00+00:00"


def test_date_between_the_links_of_a_long_byline() -> None:
    header = ("<h1>Harbour cranes go electric</h1><div class='by'>By <a href='/a'>Ana</a>, "
              "<a href='/b'>Ben</a>, <a href='/c'>Cleo</a> and <a href='/d'>Dan</a> | "
              "5 de marzo de 2024, 14:20</div>")
    assert parse(page("es", header)).published == "2024-03-05T14:20:00"


def test_live_blog_posting_dated_at_its_latest_entry_without_updates_in_its_markup() -> None:
    ld = {"@type": "LiveBlogPosting", "headline": "Live: the cranes arrive",
          "datePublished": "2024-03-05T16:40:00"}
    html = live(["5 March 2024 16:40", "5 March 2024 14:05", "5 March 2024 11:30",
                 "5 March 2024 09:15"]).replace(
        "</head>", f"<script type='application/ld+json'>{json.dumps(ld)}</script></head>")
    item = parse(html)
    assert item.published == "2024-03-05T09:15:00"
