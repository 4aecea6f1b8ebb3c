"""The soft-404 stage: pure signals and verdicts, the pipeline, and the labelled corpus."""

from __future__ import annotations

import asyncio
import json
from collections import Counter

import lxml.html
import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler
from soft404_corpus import CORPUS, cases, judge, labels

from newscrawler.downloadermiddlewares.soft404 import StoryRedirectMiddleware
from newscrawler.meta import REDIRECT, STORY
from newscrawler.parsers.base import ArticleParser
from newscrawler.pipelines.soft404 import (
    BlockedPage,
    GonePage,
    RedirectedPage,
    Soft404Page,
    Soft404Pipeline,
    ThinPage,
    strip_banner,
)
from newscrawler.soft404 import classify, fingerprint, page_evidence, probe_url, url_pattern
from newscrawler.soft404.botwall import detect_botwall
from newscrawler.soft404.phrases import is_exclamation, phrase_hits, title_coverage
from newscrawler.soft404.redirects import redirect_kind
from newscrawler.soft404.rules import DATA, lexicon
from newscrawler.soft404.words import story_words

STORY_PARAS = [
    ("Marrowfield Rail said on Tuesday it had ordered forty battery-electric trains for its "
    "northern routes, replacing diesel units that have run on the lines since the 1990s."),
    ("The company expects the first trains to enter service in late 2027, with the full fleet "
    "running by the end of 2029. Charging equipment will be installed at six stations."),
    ("Analysts said the purchase would raise capital spending for three years but lower fuel "
    "and maintenance costs over the working life of the trains, which is about thirty years."),
]


def html(title: str, body: str, *, body_attrs: str = "", head: str = "") -> bytes:
    return (f"<html lang='en'><head><title>{title} | Wire</title>{head}</head>"
            f"<body{body_attrs}><nav><a href='/'>Home</a> <a href='/m/'>Markets</a></nav>"
            f"<main>{body}</main><footer>Contact us</footer></body></html>").encode()


def parser_for(body: bytes, *, url: str = "https://wire.example/news/2025/04/22/story.html",
               status: int = 200, headers: dict | None = None, meta: dict | None = None
               ) -> ArticleParser:
    request = Request(url, meta=meta or {})
    response = HtmlResponse(url, status=status, body=body, headers=headers or {},
                            request=request, encoding="utf-8")
    return ArticleParser(response)


def verdict_for(body: bytes, probe=None, **kw):
    page = parser_for(body, **kw)
    response = page.response
    ev = page_evidence(
        url=response.url, status=response.status, root=page.root, blocks=page.extracted_blocks,
        title=page.meta.title, h1s=page.meta.h1, html_sample=response.text,
        headers={k.decode().lower(): [v.decode() for v in vs]
                 for k, vs in response.headers.items()},
        redirect_urls=response.meta.get("redirect_urls", ()),
        meta_robots=page.meta.first(("robots",)),
    )
    return classify(ev, probe)


def story(title: str = "Marrowfield Rail Orders Forty Battery Trains", *, lead: str = "",
          paras: list[str] | None = None) -> bytes:
    text = "".join(f"<p>{p}</p>" for p in (paras or STORY_PARAS))
    return html(title, f"{lead}<article><h1>{title}</h1>{text}</article>")


# --- data files -------------------------------------------------------------------------
def test_phrase_file_covers_ten_languages_and_is_plain_json():
    data = json.loads((DATA / "soft404_phrases.json").read_text(encoding="utf-8"))
    assert {"en", "de", "fr", "es", "it", "pt", "ar", "ru", "zh", "ja"} <= set(data["languages"])
    walls = json.loads((DATA / "botwalls.json").read_text(encoding="utf-8"))
    assert {"cloudflare", "datadome", "akamai", "perimeterx", "imperva"} <= set(walls["vendors"])
    assert set(lexicon().languages.values()) >= {"ar", "zh", "ja", "ru"}


# --- phrases by position ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["Page not found", "Seite nicht gefunden", "Page introuvable", "Página no encontrada",
     "Pagina non trovata", "Página não encontrada", "الصفحة غير موجودة", "Страница не найдена",
     "页面不存在", "ページが見つかりません", "404 Not Found"],
)
def test_error_titles_in_ten_languages(text):
    coverage, phrases = title_coverage(f"{text} | Some Site")
    assert coverage >= 0.5
    assert phrases


def test_quoted_phrase_is_a_mention_not_an_error():
    assert phrase_hits('Why "page not found" costs shops money').strong == ()
    assert title_coverage('Why "Page Not Found" Errors Cost Shops Millions')[0] == 0


def test_exclamation_blocks():
    assert is_exclamation("Sorry!! Error!")
    assert is_exclamation("¡Vaya! ¡Error!")
    assert not is_exclamation("Sorry, we are late")


def test_story_words_counts_cjk_by_characters():
    assert story_words("江南重工周二宣布新工厂正式投产") >= 6
    assert story_words("Three plain words") == 3


# --- verdicts -----------------------------------------------------------------------------
def test_real_story_is_ok():
    verdict = verdict_for(story())
    assert verdict.cls == "ok"
    assert not verdict.banner
    assert verdict.residual_words > 60


def test_error_page_served_200_is_soft404():
    verdict = verdict_for(html("Page not found", "<h1>Page not found</h1><p>Sorry, the page you "
                               "requested could not be found.</p>"))
    assert verdict.cls == "soft404"
    assert "title_phrase:error:en" in verdict.reasons
    assert verdict.dropped


def test_expired_notice_is_soft404():
    verdict = verdict_for(html("Dieser Artikel ist nicht mehr verfügbar",
                               "<h1>Dieser Artikel ist nicht mehr verfügbar</h1><p>Dieser Artikel "
                               "ist nicht mehr verfügbar. Meldungen werden nach Ablauf entfernt.</p>"))
    assert verdict.cls == "soft404"
    assert any(r.endswith(":expired:de") for r in verdict.reasons)


def test_banner_page_is_kept_and_banner_stripped():
    lead = ("<div class='alert'><h2>Sorry!! Error!</h2><p>We're sorry, but the page you were "
            "looking for doesn't exist.</p></div>")
    verdict = verdict_for(story(lead=lead), status=403)
    assert verdict.cls == "ok"
    assert verdict.banner
    assert "Sorry!! Error!" in verdict.strip_blocks
    body, removed = strip_banner("Sorry!! Error!\n\n" + STORY_PARAS[0], verdict.strip_blocks)
    assert removed
    assert body == STORY_PARAS[0]


def test_article_about_404_errors_is_kept():
    paras = [("Shoppers who land on a \"page not found\" message leave within seconds, a survey of "
             "4,000 online customers found on Monday, and most of them never come back."),
             ("Broken links cost mid-sized retailers an average of 1.3 million dollars a year, "
             "because every visitor then sees a 404 error instead of a product page."),
             *STORY_PARAS[1:]]
    verdict = verdict_for(story('Why "Page Not Found" Errors Cost Shops Millions', paras=paras))
    assert verdict.cls == "ok"
    assert not verdict.banner


def test_not_found_headline_is_kept():
    verdict = verdict_for(story("Missing Hiker Not Found After Three-Day Search"))
    assert verdict.cls == "ok"


def test_one_paragraph_brief_is_a_story():
    brief = [("LONDON (Harbour Wire) — Quenby Foods raised its full-year profit forecast on "
             "Thursday after snack sales grew faster than expected.")]
    assert verdict_for(story("Quenby Foods Lifts Outlook", paras=brief)).cls == "ok"


BANNER = ("<div class='alert'><h2>Sorry!! Error!</h2><p>We're sorry, but the page you were "
          "looking for doesn't exist.</p></div>")
WIRE_BRIEF = ("(MENAFN) The central bank of Valdoria left its benchmark rate unchanged at 4.5 "
              "percent on Wednesday, citing steady inflation and firm demand for credit, and said "
              "it would review the rate again in June.")


@pytest.mark.parametrize("status", [200, 403])
def test_wire_brief_inside_an_error_template_is_a_story(status):
    """A one-paragraph brief (34 words) that opens at a wire dateline keeps the page, however
    short; the banner around it goes."""
    verdict = verdict_for(story("Valdoria Holds Rate", lead=BANNER, paras=[WIRE_BRIEF]),
                          status=status)
    assert verdict.cls == "ok"
    assert "wire_dateline_story" in verdict.reasons
    assert verdict.banner
    assert "Sorry!! Error!" in verdict.strip_blocks


RU_BANNER = ("<div class='alert'><h2>Ошибка!</h2><p>К сожалению, запрашиваемая страница "
             "не найдена.</p></div>")
RU_BRIEF = ("ВАЛДОРИЯ, 2 декабря. /ТАСС/. Центральный банк Валдории сохранил ключевую ставку "
            "на уровне 4,5% годовых, сообщила пресс-служба регулятора.")


@pytest.mark.parametrize("status", [200, 403])
def test_russian_wire_brief_inside_an_error_template_is_a_story(status):
    """The brief's dateline is Cyrillic ("CITY, day month. /AGENCY/."): still a dateline."""
    page = html("Ставка сохранена", f"{RU_BANNER}<article><h1>Ставка сохранена</h1>"
                f"<p>{RU_BRIEF}</p></article>").replace(b"lang='en'", b"lang='ru'")
    verdict = verdict_for(page, status=status)
    assert verdict.cls == "ok"
    assert "wire_dateline_story" in verdict.reasons
    assert "Ошибка!" in verdict.strip_blocks


def test_error_text_shaped_like_a_dateline_is_still_soft404():
    """A capitalised "OOPS -" has no wire marker or date: no dateline, no story."""
    verdict = verdict_for(html("Page not found", "<h1>Page not found</h1><p>OOPS - Nothing "
                               "lives at this address any more.</p>"))
    assert verdict.cls == "soft404"
    assert "wire_dateline_story" not in verdict.reasons


def test_empty_shell_is_thin():
    verdict = verdict_for(html("Greystone Fund", "<article><h1>Greystone Fund</h1>"
                               "<div class='story-body'></div></article>"))
    assert verdict.cls == "thin"
    assert verdict.residual_words == 0


@pytest.mark.parametrize("status", [404, 410])
def test_real_404_and_410_without_story_are_gone(status):
    verdict = verdict_for(html("Story removed", "<h1>Story removed</h1><p>This story has been "
                               "permanently removed at the request of the issuer.</p>"),
                          status=status)
    assert verdict.cls == "gone"
    assert f"status_{status}" in verdict.reasons


def test_story_wrapped_in_404_is_kept():
    assert verdict_for(story(), status=404).cls == "ok"


def test_redirect_home_and_followed_chain():
    assert redirect_kind("https://w.example/news/2025/04/10/ipo.html", "https://w.example/") == "root"
    assert redirect_kind("https://w.example/news/a-b-c-d.html",
                         "https://w.example/account/login?next=x") == "login"
    chain = ["https://wire.example/news/2025/04/10/ipo-withdrawn.html"]
    verdict = verdict_for(html("Home", "<p>Latest</p>"), url="https://wire.example/",
                          meta={"redirect_urls": chain})
    assert verdict.cls == "redirect"
    assert "redirect_root" in verdict.reasons


@pytest.mark.parametrize(
    ("vendor", "status", "body", "headers"),
    [
        ("cloudflare", 403, ("<html><head><title>Just a moment...</title></head><body><script "
         "src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1'></script></body></html>"),
         {"cf-mitigated": "challenge"}),
        ("datadome", 403, ("<html><body><script src='https://ct.captcha-delivery.com/c.js'>"
         "</script></body></html>"), {"set-cookie": "datadome=abc"}),
        ("akamai", 403, ("<html><head><title>Access Denied</title></head><body><h1>Access Denied"
         "</h1>You don't have permission to access this server.<p>Reference #18.1a2b</p>"
         "<p>https://errors.edgesuite.net/18.1a2b</p></body></html>"), {}),
        ("perimeterx", 403, ("<html><head><title>Access to this page has been denied</title>"
         "</head><body><div id='px-captcha'></div></body></html>"), {}),
        ("imperva", 403, ("<html><body><iframe src='/_Incapsula_Resource?x=1'>Request "
         "unsuccessful. Incapsula incident ID: 1-2</iframe></body></html>"), {}),
    ],
)
def test_bot_walls_are_blocked_with_vendor(vendor, status, body, headers):
    verdict = verdict_for(body.encode(), status=status, headers=headers)
    assert verdict.cls == "blocked"
    assert verdict.vendor == vendor
    assert f"botwall:{vendor}" in verdict.reasons


def test_cloudflare_script_on_a_real_story_is_not_a_wall():
    vendor, _ = detect_botwall(200, "A story", "<script src='/cdn-cgi/challenge-platform/"
                               "scripts/jsd/main.js'></script>", {"server": ["cloudflare"]})
    assert vendor is None


def test_probe_recognises_template_without_known_words():
    odd = html("Nothing here, friend", "<div class='empty'><h1>Nothing here, friend</h1><p>"
               "Nothing lives at this address any more. Our archive keeps releases for ninety "
               "days; the index lists what is still online.</p></div>")
    assert verdict_for(odd).cls == "ok"  # without the probe: a short page
    url = "https://wire.example/news/2025/04/22/story.html"
    probe = fingerprint(probe_url(url), 200, lxml.html.document_fromstring(odd))
    verdict = verdict_for(odd, probe=probe)
    assert verdict.cls == "soft404"
    assert "probe_match" in verdict.reasons
    assert verdict.probe_similarity == 1.0
    # the same probe leaves a real story alone
    assert verdict_for(story(), probe=probe).cls == "ok"


def test_probe_url_keeps_the_pattern():
    url = "https://w.example/news/2025/04/22/bank-outlook.html"
    target = probe_url(url)
    assert target != url
    assert url_pattern(target) == url_pattern(url)
    assert probe_url(url) == target  # reproducible


# --- the labelled corpus ----------------------------------------------------------------
def test_corpus_is_big_and_varied():
    rows = labels()
    assert len(rows) >= 300
    assert len({r["template"] for r in rows}) >= 10
    assert {r["lang"] for r in rows} >= {"en", "de", "fr", "es", "it", "pt", "ar", "ru", "zh",
                                         "ja"}
    vendors = {r.get("vendor") for r in rows if r["expected"] == "blocked"}
    assert len(vendors) >= 3
    assert sum(1 for r in rows if r["kind"] == "banner") >= 20


def test_every_corpus_page_gets_its_exact_class():
    wrong = []
    counts: Counter[str] = Counter()
    for case in cases():
        _ev, verdict = judge(case)
        counts[verdict.cls] += 1
        if verdict.cls != case.expected:
            wrong.append((case.label["file"], case.expected, verdict.cls, verdict.reasons))
            continue
        if case.label["kind"] == "banner":
            assert verdict.banner, case.label["file"]
            body, _ = strip_banner(case.parser.response and "\n\n".join(case.parser.body()),
                                   verdict.strip_blocks)
            for banner_text in case.label["banner"]:
                assert banner_text not in body, case.label["file"]
        if case.expected == "blocked":
            assert verdict.vendor == case.label["vendor"], case.label["file"]
    assert not wrong, wrong[:10]
    assert set(counts) == {"ok", "soft404", "gone", "blocked", "thin", "redirect"}


def test_corpus_files_are_committed_not_generated_at_test_time():
    assert (CORPUS / "labels.json").is_file()
    assert len(list((CORPUS / "pages").glob("*.html"))) >= 300


# --- the pipeline -----------------------------------------------------------------------
class FakeEngine:
    """Answers probe requests from a dict, counting them (no network, no reactor)."""

    def __init__(self, pages: dict[str, tuple[int, bytes]]) -> None:
        self.pages = pages
        self.requests: list[str] = []

    async def download_async(self, request):
        self.requests.append(request.url)
        await asyncio.sleep(0)
        status, body = self.pages.get(request.url, (404, b"<html><body>Not Found</body></html>"))
        return HtmlResponse(request.url, status=status, body=body, request=request,
                            encoding="utf-8")


def make_pipeline(settings: dict | None = None, engine: FakeEngine | None = None):
    crawler = get_crawler(Spider, settings or {})
    crawler.spider = Spider("generic")
    pipeline = build_from_crawler(Soft404Pipeline, crawler)
    crawler.engine = engine or FakeEngine({})
    return pipeline, crawler


def item_for(body: bytes, **kw):
    return parser_for(body, **kw).to_item()


def run(coro):
    return asyncio.run(coro)


def test_pipeline_drops_with_named_exceptions_and_evidence():
    pipeline, crawler = make_pipeline()
    cases_ = [
        (html("Page not found", "<h1>Page not found</h1><p>Sorry, the page you requested could "
              "not be found.</p>"), {}, Soft404Page, "soft404"),
        (html("Story removed", "<h1>Story removed</h1><p>This story has been removed.</p>"),
         {"status": 410}, GonePage, "gone"),
        ((b"<html><head><title>Just a moment...</title></head><body><script src='/cdn-cgi/"
         b"challenge-platform/h/b/x'></script></body></html>"), {"status": 403}, BlockedPage,
         "blocked"),
        (html("Shell", "<article><h1>Shell</h1></article>"), {}, ThinPage, "thin"),
    ]
    for body, kw, exception, cls in cases_:
        with pytest.raises(exception) as info:
            run(pipeline.process_item(item_for(body, **kw)))
        assert info.value.reason == cls
        evidence = info.value.evidence
        assert {"reasons", "residual_words", "probe_similarity", "vendor"} <= set(evidence)
    assert info.value.evidence["residual_words"] == 0
    stats = crawler.stats
    assert stats.get_value("soft404/checked") == 4
    assert stats.get_value("soft404/class/soft404") == 1
    assert stats.get_value("soft404/class/gone") == 1
    assert stats.get_value("soft404/blocked/cloudflare") == 1
    assert stats.get_value("soft404/reason/title_phrase:error:en") == 1


def test_pipeline_drops_redirect_handed_through_by_the_middleware():
    pipeline, _crawler = make_pipeline()
    url = "https://wire.example/news/2025/04/10/ipo-withdrawn.html"
    meta = {REDIRECT: {"kind": "root", "target": "https://wire.example/"}}
    with pytest.raises(RedirectedPage) as info:
        run(pipeline.process_item(item_for(b"<html><body></body></html>", url=url, status=302,
                                           meta=meta)))
    assert "redirect_root" in info.value.evidence["reasons"]


def test_pipeline_keeps_banner_story_and_strips_banner():
    pipeline, crawler = make_pipeline()
    lead = ("<article><h1>Marrowfield Rail Orders Trains</h1><p>Sorry!! Error!</p><p>We're "
            "sorry, but the page you were looking for doesn't exist.</p>"
            + "".join(f"<p>{p}</p>" for p in STORY_PARAS) + "</article>")
    item = item_for(html("Marrowfield Rail Orders Trains", lead), status=403)
    assert "Sorry!! Error!" in item.body
    kept = run(pipeline.process_item(item))
    assert "error_banner_stripped" in kept.flags
    assert "Sorry" not in kept.body
    assert kept.body.startswith("Marrowfield Rail said")
    assert crawler.stats.get_value("soft404/kept_banner_stripped") == 1


def test_pipeline_keeps_a_wire_brief_and_strips_its_banner():
    pipeline, _crawler = make_pipeline()
    item = item_for(story("Valdoria Holds Rate", lead=BANNER, paras=[WIRE_BRIEF]), status=403)
    kept = run(pipeline.process_item(item))
    assert "error_banner_stripped" in kept.flags
    assert "Sorry" not in kept.body
    assert kept.body.startswith("The central bank of Valdoria left its benchmark rate")


def test_pipeline_probes_once_per_pattern_and_uses_the_answer():
    url = "https://wire.example/news/2025/04/22/first-story.html"
    odd = html("Nothing here, friend", "<div><h1>Nothing here, friend</h1><p>Nothing lives at "
               "this address any more. Our archive keeps releases for ninety days; the index "
               "lists what is still online.</p></div>")
    engine = FakeEngine({probe_url(url): (200, odd)})
    pipeline, crawler = make_pipeline(engine=engine)

    async def both():
        first = pipeline.process_item(item_for(odd, url=url))
        second = pipeline.process_item(
            item_for(odd, url="https://wire.example/news/2025/04/23/second-story.html"))
        return await asyncio.gather(first, second, return_exceptions=True)

    results = run(both())
    assert all(isinstance(r, Soft404Page) for r in results), results
    assert engine.requests == [probe_url(url)]  # one in-flight probe shared by both items
    stats = crawler.stats
    assert stats.get_value("soft404/probe/requests") == 1
    assert stats.get_value("soft404/probe/cache_hits") == 1
    assert stats.get_value("soft404/probe/hosts_soft") == 1
    assert "probe_match" in results[0].evidence["reasons"]


def test_pipeline_real_story_passes_untouched():
    pipeline, _ = make_pipeline()
    item = item_for(story())
    assert run(pipeline.process_item(item)) is item
    assert item.flags == []


def test_pipeline_settings_are_validated_and_can_switch_off():
    with pytest.raises(NotConfigured):
        make_pipeline({"SOFT404_ENABLED": False})
    with pytest.raises(ValueError, match="SOFT404_PROBE_MATCH"):
        make_pipeline({"SOFT404_PROBE_MATCH": 1.5})
    with pytest.raises(ValueError, match="SOFT404_MIN_STORY_WORDS"):
        make_pipeline({"SOFT404_MIN_STORY_WORDS": 80})


def test_drop_rate_and_blocked_lines_at_close(caplog):
    pipeline, crawler = make_pipeline({"SOFT404_HOST_MIN_PAGES": 2})
    wall = (b"<html><head><title>Just a moment...</title></head><body><script src='/cdn-cgi/"
            b"challenge-platform/h/b/x'></script></body></html>")
    for n in range(3):
        with pytest.raises(BlockedPage):
            run(pipeline.process_item(item_for(wall, status=403,
                                               url=f"https://wire.example/n/{n}-a-b-c.html")))
    run(pipeline.process_item(item_for(story())))
    pipeline.spider_closed(crawler.spider)
    assert "generic: 3 of 4 pages of wire.example blocked by cloudflare" in caplog.text
    assert "wire.example: 3 of 4 pages dropped" in caplog.text
    assert crawler.stats.get_value("soft404/hosts_over_drop_rate") == 1


# --- the redirect middleware --------------------------------------------------------------
def test_middleware_hands_story_redirect_home_through():
    crawler = get_crawler(Spider)
    middleware = build_from_crawler(StoryRedirectMiddleware, crawler)
    request = Request("https://wire.example/news/2025/04/10/ipo-withdrawn.html")
    response = HtmlResponse(request.url, status=302, headers={"Location": "/"}, body=b"",
                            request=request)
    out = middleware.process_response(request, response)
    assert out.status == 302
    assert request.meta["dont_redirect"]
    assert request.meta[STORY]
    assert request.meta[REDIRECT] == {"kind": "root", "target": "https://wire.example/"}
    assert crawler.stats.get_value("soft404/redirect/root") == 1
    # a story moved to another story is followed as usual
    other = Request("https://wire.example/news/2025/04/10/old-slug-of-story.html")
    moved = HtmlResponse(other.url, status=301, request=other,
                         headers={"Location": "/news/2025/04/10/new-slug-of-story.html"})
    middleware.process_response(other, moved)
    assert "dont_redirect" not in other.meta


def test_middleware_counts_many_sources_to_one_target():
    crawler = get_crawler(Spider, {"SOFT404_REDIRECT_SHARED_MIN": 3})
    middleware = build_from_crawler(StoryRedirectMiddleware, crawler)
    target = "/news/2025/01/01/sorry-this-story-moved-away.html"
    handed = []
    for n in range(4):
        request = Request(f"https://wire.example/news/2025/04/1{n}/story-number-{n}.html")
        response = HtmlResponse(request.url, status=302, headers={"Location": target},
                                request=request)
        middleware.process_response(request, response)
        handed.append(request.meta.get(REDIRECT, {}).get("kind"))
    assert handed == [None, None, "shared", "shared"]


AKAMAI_VERBOSE = b"""<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY>
<H1>Access Denied</H1>
You don't have permission to access "http&#58;&#47;&#47;wire&#46;example&#47;news&#47;2025&#47;04&#47;22&#47;story&#46;html" on this server.<P>
Reference&#32;&#35;18&#46;6f2c1b17&#46;1745830000&#46;2a4b6c8d
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;6f2c1b17&#46;1745830000&#46;2a4b6c8d</P>
<P>If you believe you have reached this page in error, please contact the site operator and
quote the reference number above, together with the time of your request and the address of
the page you were trying to reach, so that the request can be traced in the logs.</P>
</BODY></HTML>"""


def test_wordy_akamai_wall_is_blocked_not_kept():
    # the wall's own explanation runs past the banner threshold; it is still no story
    verdict = verdict_for(AKAMAI_VERBOSE, status=403)
    assert verdict.cls == "blocked"
    assert verdict.vendor == "akamai"
    assert verdict.residual_words >= 40


def test_a_long_story_under_a_wall_title_is_kept():
    # a 403 titled "Access Denied" that still carries a full story (the MENAFN case) is kept
    more = [p.replace("trains", "carriages").replace("company", "operator") for p in STORY_PARAS]
    text = "".join(f"<p>{p}</p>" for p in STORY_PARAS + more)
    body = (f"<html><head><title>Access Denied</title></head><body><article>"
            f"<h1>Rail orders</h1>{text}</article></body></html>").encode()
    verdict = verdict_for(body, status=403)
    assert verdict.vendor == "akamai"
    assert verdict.residual_words >= 150
    assert verdict.cls == "ok"
