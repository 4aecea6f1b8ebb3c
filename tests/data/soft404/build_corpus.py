"""Render the labelled soft-404 corpus: ``pages/*.html`` and ``labels.json``.

Deterministic: run it again and the files are identical. Ten site templates
(wire layouts, WordPress, Next.js, news CMSes), ten languages, and for each
page the URL, status, headers, redirect chain, the probe answer of its host and
the expected class. Hard negatives included: banner-wrapped stories (kept, the
banner stripped), one-paragraph briefs (a wire brief with a dateline inside the error
template too), articles about 404 errors and outages,
"not found" headlines.

    .venv/bin/python tests/data/soft404/build_corpus.py [--out DIR]

(``--out DIR`` renders into DIR instead; tests/test_fixtures.py checks the committed copy.)
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from texts import ABOUT_404, NOT_FOUND_BRIEFS, NOT_FOUND_HEADLINES, T

LANGS = ["en", "de", "fr", "es", "it", "pt", "ar", "ru", "zh", "ja"]
TEMPLATES = ["prwire", "globewire", "apstyle", "mnf", "bizwire", "wordpress", "nextjs",
             "newscms", "regional", "magazine"]
# Hosts whose missing URLs answer 200 with their error template (the probe sees it).
SOFT_HOSTS = {"mnf", "wordpress", "newscms", "regional"}


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def paras(texts: list[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{esc(t)}</p>" for t in texts)


def nav(site: str) -> str:
    items = "".join(f'<li><a href="/{s}/">{s.title()}</a></li>'
                    for s in ("markets", "business", "technology", "energy", "world"))
    return (f'<header class="site-header"><a class="logo" href="/">{site}</a>'
            f'<nav class="main-nav"><ul>{items}</ul></nav>'
            '<form class="search" action="/search"><input name="q" placeholder="Search">'
            "<button>Go</button></form></header>")


def footer(site: str) -> str:
    return (f'<footer class="site-footer"><ul><li><a href="/about">About {site}</a></li>'
            '<li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy</a></li>'
            '<li><a href="/contact">Contact the newsdesk</a></li></ul>'
            f"<p>&copy; 2025 {site}. All rights reserved. Every company and person on this "
            "site is invented.</p></footer>")


def page(lang: str, title: str, body: str, *, site: str, head: str = "", body_attrs: str = "",
         html_attrs: str = "") -> str:
    direction = ' dir="rtl"' if lang == "ar" else ""
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{direction}{html_attrs}><head>'
            f'<meta charset="utf-8"><title>{esc(title)} | {site}</title>{head}</head>\n'
            f"<body{body_attrs}>\n{nav(site)}\n{body}\n{footer(site)}\n</body></html>\n")


SITES = {
    "prwire": "PR Wireline", "globewire": "Globe Release Wire", "apstyle": "Associated Desk",
    "mnf": "MidEast Finance Network", "bizwire": "Business Relay", "wordpress": "Hillcrest Gazette",
    "nextjs": "Quickline News", "newscms": "The Daily Ledger", "regional": "Valley Courier",
    "magazine": "Meridian Review",
}


def article_html(template: str, lang: str, title: str, blocks: list[str], *,
                 banner: tuple[str, str] | None = None, story: bool = True) -> str:
    """A story page (or its shell) in the site's layout."""
    site = SITES[template]
    ld = ('<script type="application/ld+json">'
          + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                        "headline": title, "inLanguage": lang,
                        "datePublished": "2025-04-28T09:00:00+00:00"}, ensure_ascii=False)
          + "</script>") if story else ""
    head = f'<meta property="og:type" content="article">{ld}'
    alert = ""
    if banner:
        alert = (f'<div class="alert alert-danger" role="alert"><h2>{esc(banner[0])}</h2>'
                 f"<p>{esc(banner[1])}</p></div>")
    text = paras(blocks)
    share = ('<div class="share-bar"><a href="/share?x">Share</a> <a href="/mail">Email</a>'
             "</div>")
    if template == "prwire":
        body = (f'<main>{alert}<article class="release"><h1>{esc(title)}</h1>'
                f'<p class="release-date">April 28, 2025</p>{share}'
                f'<section class="release-body">{text}</section></article></main>')
    elif template == "globewire":
        body = (f'<div id="main-body-container">{alert}<h1 class="article-headline">'
                f'{esc(title)}</h1><div class="main-body-container article-body">{text}</div>'
                '<div class="contact">Media contact: press@globe.example</div></div>')
    elif template == "apstyle":
        body = (f'<main class="Page-main">{alert}<div class="Page-headline"><h1>{esc(title)}</h1>'
                f'</div><div class="Page-byline">By Staff Writer</div>'
                f'<div class="RichTextStoryBody">{text}</div></main>')
    elif template == "mnf":
        disclaimer = ('<p class="disclaimer">Legal Disclaimer: MENF provides this content on an '
                      '"as is" basis without warranty of any kind.</p>') if story else ""
        body = (f'<main class="mnf-page">{alert}<div class="mnf-article"><h1>{esc(title)}</h1>'
                f'<div class="mnf-meta">4/28/2025 7:15:22 AM</div>'
                f'<div class="article-content">{text}{disclaimer}</div>'
                '<div class="mnf-comments"><h3>Comments</h3><p>No comment</p></div></div></main>')
    elif template == "bizwire":
        body = (f'<div class="bw-release">{alert}<h1 class="bw-release-title">{esc(title)}</h1>'
                f'<div class="bw-release-story">{text}</div>'
                '<div class="bw-release-contact">Contacts: investors@relay.example</div></div>')
    elif template == "wordpress":
        body = (f'<div id="page" class="site"><div id="primary" class="content-area">'
                f'<main id="main">{alert}<article class="post type-post">'
                f'<header class="entry-header"><h1 class="entry-title">{esc(title)}</h1></header>'
                f'<div class="entry-content">{text}</div></article></main></div>'
                '<aside id="secondary" class="widget-area"><section class="widget">'
                "<h2>Recent posts</h2><ul><li><a href='/a'>Council budget vote delayed</a></li>"
                "<li><a href='/b'>New bakery opens on Main Street</a></li></ul></section></aside>"
                "</div>")
    elif template == "nextjs":
        body = (f'<div id="__next"><main class="layout_main__x1">{alert}<article>'
                f'<h1 class="headline_h1__a9">{esc(title)}</h1>'
                f'<div class="body_story__k2">{text}</div></article></main></div>'
                '<script id="__NEXT_DATA__" type="application/json">{"page":"/[slug]"}</script>')
    elif template == "newscms":
        body = (f'<div class="layout"><main>{alert}<article class="story">'
                f'<h1 class="story-title">{esc(title)}</h1>'
                f'<div class="story-meta">Published 28 April 2025</div>{share}'
                f'<div class="story-body">{text}</div></article></main>'
                '<aside class="related"><h3>Related</h3><ul><li><a href="/x">Markets close '
                "higher</a></li></ul></aside></div>")
    elif template == "regional":
        body = (f'<div class="wrapper"><div class="content">{alert}<h1>{esc(title)}</h1>'
                f'<div class="art-text">{text}</div></div><div class="sidebar"><div class="ad">'
                "Advertisement</div><div class='weather'>Today: 14°C, light rain</div></div></div>")
    else:  # magazine
        body = (f'<main class="longform">{alert}<header><p class="kicker">Feature</p>'
                f'<h1>{esc(title)}</h1></header><figure><img src="/i.jpg" alt="">'
                "<figcaption>Photo: Meridian Review</figcaption></figure>"
                f'<div class="article__body">{text}</div></main>')
    return page(lang, title, body, site=site, head=head)


def error_html(template: str, lang: str, heading: str, message: str, *, status_note: bool = True
               ) -> str:
    """The site's own error template: 200 soft-404s, expired notices and 404/410 pages."""
    site = SITES[template]
    extra = '<p class="error-code">Error code: 404</p>' if status_note else ""
    links = '<p><a href="/">Home</a> · <a href="/markets/">Markets</a></p>'
    if template == "wordpress":
        body = (f'<div id="page" class="site"><main id="main"><section class="error-404 not-found">'
                f'<header class="page-header"><h1 class="page-title">{esc(heading)}</h1></header>'
                f'<div class="page-content"><p>{esc(message)}</p>'
                '<form class="search-form"><input name="s"></form></div></section></main></div>')
        return page(lang, heading, body, site=site, body_attrs=' class="error404 hfeed"')
    if template == "nextjs":
        body = ('<div id="__next"><div style="text-align:center"><h1 class="next-error-h1">404</h1>'
                f"<div><h2>{esc(message)}</h2></div></div></div>")
        return page(lang, "404: This page could not be found", body, site=site,
                    html_attrs=' id="__next_error__"')
    if template == "mnf":
        body = (f'<main class="mnf-page"><div class="alert alert-danger" role="alert">'
                f"<h2>{esc(heading)}</h2><p>{esc(message)}</p></div></main>")
        return page(lang, heading, body, site=site)
    body = (f'<main class="error-page"><div class="error-template"><h1>{esc(heading)}</h1>'
            f"<p>{esc(message)}</p>{extra}{links}</div></main>")
    return page(lang, heading, body, site=site)


def odd_error_html(template: str, lang: str) -> str:
    """An error template in words no phrase list knows: only the probe recognises it."""
    heading, message = T[lang]["odd"]  # type: ignore[misc]
    site = SITES[template]
    body = (f'<main class="oops"><div class="empty-state"><h1>{esc(heading)}</h1>'
            f"<p>{esc(message)}</p></div></main>")
    return page(lang, heading, body, site=site)


BOTWALLS = {
    "cloudflare": [
        (403, {"server": ["cloudflare"], "cf-mitigated": ["challenge"], "cf-ray": ["8f1a2b3c4d5e6f70-FRA"]},
         ('<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>'
         '<meta name="robots" content="noindex,nofollow"></head><body><div class="main-wrapper">'
         '<h1 class="zone-name-title h1">{host}</h1><h2 class="h2" id="challenge-running">Checking '
         'if the site connection is secure</h2><noscript><div>Enable JavaScript and cookies to '
         "continue</div></noscript><div id=\"challenge-body-text\">{host} needs to review the "
         "security of your connection before proceeding.</div></div><script>window._cf_chl_opt="
         "{{cvId: '3',cZone: '{host}',cType: 'managed'}};</script><script src=\"/cdn-cgi/"
         'challenge-platform/h/b/orchestrate/chl_page/v1?ray=8f1a2b3c4d5e6f70"></script>'
         '<div class="footer">Performance &amp; security by Cloudflare</div></body></html>')),
        (403, {"server": ["cloudflare"], "cf-ray": ["8f1a2b3c4d5e6f71-LHR"]},
         ('<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>'
         '<div id="cf-wrapper"><div id="cf-error-details"><h1>Sorry, you have been blocked</h1>'
         "<h2>You are unable to access {host}</h2><h2>Why have I been blocked?</h2><p>This website "
         "is using a security service to protect itself from online attacks.</p>"
         "<p>Cloudflare Ray ID: 8f1a2b3c4d5e6f71</p></div></div></body></html>")),
    ],
    "datadome": [
        (403, {"set-cookie": ["datadome=AHrlqAAAAAMA1x; Max-Age=31536000; Domain=.{host}"],
               "x-datadome": ["protected"]},
         ("<html><head><title>{host}</title><style>#cmsg{{animation: A 1.5s;}}</style></head><body>"
         "<p id=\"cmsg\">Please enable JS and disable any ad blocker</p><script>var dd={{'rt':'c',"
         "'cid':'AHrlqAAAAAMA1x','hsh':'2211F522B61E269B869FA6EAFFB5E1','t':'fe','host':"
         "'geo.captcha-delivery.com'}}</script><script src=\"https://ct.captcha-delivery.com/c.js\">"
         "</script></body></html>")),
        (401, {"set-cookie": ["datadome=Zx9kq2; Path=/"]},
         ("<html><head><title>{host}</title></head><body><iframe src=\"https://geo.captcha-delivery"
         ".com/captcha/?initialCid=AHrlq&amp;hash=2211F5\" title=\"DataDome CAPTCHA\" width=\"100%\">"
         "</iframe></body></html>")),
    ],
    "akamai": [
        (403, {"server": ["AkamaiGHost"]},
         ("<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \n"
         "You don't have permission to access \"http&#58;&#47;&#47;{host}&#47;news&#47;\" on this "
         "server.<P>\nReference&#32;&#35;18&#46;5c3e1402&#46;1745830000&#46;2b1f9e<P>https&#58;&#47;"
         "&#47;errors&#46;edgesuite&#46;net&#47;18&#46;5c3e1402</P>\n</BODY>\n</HTML>\n")),
    ],
    "perimeterx": [
        (403, {},
         ("<!DOCTYPE html><html lang=\"en\"><head><title>Access to this page has been denied"
         "</title></head><body><div class=\"page-title-wrapper\"><h1>Before we continue...</h1>"
         "</div><p>Press &amp; Hold to confirm you are a human (and not a bot).</p>"
         "<div id=\"px-captcha\"></div><script>window._pxAppId = 'PXa1b2c3d4';</script>"
         "<script src=\"https://captcha.px-cdn.net/PXa1b2c3d4/captcha.js\"></script></body></html>")),
    ],
    "imperva": [
        (403, {"x-iinfo": ["9-12345678-0 0NNN RT(1745830000000 0) q(0 -1 -1 0) r(0 -1)"],
               "set-cookie": ["visid_incap_2345=abc; path=/", "incap_ses_123_2345=def; path=/"]},
         ("<html style=\"height:100%\"><head><META NAME=\"ROBOTS\" CONTENT=\"NOINDEX, NOFOLLOW\">"
         "</head><body style=\"margin:0px;height:100%\"><iframe id=\"main-iframe\" src=\"/"
         "_Incapsula_Resource?CWUDNSAI=23&amp;xinfo=9-12345678-0&amp;incident_id=123-456\" "
         "frameborder=0 width=\"100%\" height=\"100%\">Request unsuccessful. Incapsula incident "
         "ID: 123000450123456789-98765</iframe></body></html>")),
    ],
}


class Corpus:
    def __init__(self) -> None:
        self.labels: list[dict[str, object]] = []
        self.files: dict[str, str] = {}

    def add(self, name: str, content: str, *, template: str, lang: str, kind: str, expected: str,
            path: str, status: int = 200, headers: dict[str, list[str]] | None = None,
            redirect_from: list[str] | None = None, location: str | None = None,
            probe: dict[str, object] | None = None, **extra: object) -> None:
        host = f"{template}.example"
        self.files[name] = content
        label = {
            "file": name, "url": f"https://{host}{path}", "status": status,
            "headers": headers or {}, "redirect_urls": [f"https://{host}{p}" for p in
                                                        (redirect_from or [])],
            "location": f"https://{host}{location}" if location else None,
            "probe": probe, "template": template, "lang": lang, "kind": kind,
            "expected": expected, **extra,
        }
        self.labels.append(label)

    def probe_for(self, template: str, lang: str) -> dict[str, object]:
        """The host's answer to a nonexistent URL: its error template (200 on soft hosts)."""
        name = f"probe-{template}-{lang}.html"
        if name not in self.files:
            heading, message = T[lang]["error"]  # type: ignore[misc]
            self.files[name] = error_html(template, lang, heading, message)
        return {"file": name, "status": 200 if template in SOFT_HOSTS else 404}


def build() -> Corpus:
    corpus = Corpus()
    rotation = ["brief", "expired", "banner", "empty_shell", "gone"]
    n = 0
    for t_index, template in enumerate(TEMPLATES):
        for l_index, lang in enumerate(LANGS):
            text = T[lang]
            titles: list[str] = text["titles"]  # type: ignore[assignment]
            pool: list[str] = text["paras"]  # type: ignore[assignment]
            probe = corpus.probe_for(template, lang)
            k = t_index + l_index
            title = titles[k % len(titles)]
            start = k % 3
            story = pool[start:] + pool[:start]
            base = f"/{lang}/news/2025/04/{10 + l_index:02d}"
            n += 1
            corpus.add(f"{template}-{lang}-article.html",
                       article_html(template, lang, title, story[: 4 + k % 3]),
                       template=template, lang=lang, kind="article", expected="ok",
                       path=f"{base}/story-{n}.html", probe=probe)
            heading, message = text["error"]  # type: ignore[misc]
            corpus.add(f"{template}-{lang}-soft404.html", error_html(template, lang, heading,
                                                                      message),
                       template=template, lang=lang, kind="soft404", expected="soft404",
                       path=f"{base}/removed-story-{n}.html", probe=probe)
            kind = rotation[(t_index + 2 * l_index) % len(rotation)]
            name = f"{template}-{lang}-{kind}.html"
            path = f"{base}/{kind}-{n}.html"
            if kind == "brief":
                corpus.add(name, article_html(template, lang, titles[(k + 1) % len(titles)],
                                              text["brief"]),  # type: ignore[arg-type]
                           template=template, lang=lang, kind=kind, expected="ok", path=path,
                           probe=probe)
            elif kind == "expired":
                heading, message = text["expired"]  # type: ignore[misc]
                corpus.add(name, error_html(template, lang, heading, message, status_note=False),
                           template=template, lang=lang, kind=kind, expected="soft404",
                           path=path, probe=probe)
            elif kind == "banner":
                corpus.add(name, article_html(template, lang, titles[(k + 2) % len(titles)],
                                              story[:5], banner=text["banner"]),  # type: ignore
                           template=template, lang=lang, kind=kind, expected="ok", path=path,
                           status=403, probe=probe, banner=list(text["banner"]))  # type: ignore
            elif kind == "empty_shell":
                corpus.add(name, article_html(template, lang, titles[(k + 3) % len(titles)], []),
                           template=template, lang=lang, kind=kind, expected="thin", path=path,
                           probe=probe)
            else:
                heading, message = text["gone"]  # type: ignore[misc]
                corpus.add(name, error_html(template, lang, heading, message),
                           template=template, lang=lang, kind=kind, expected="gone", path=path,
                           status=410 if k % 2 else 404, probe=probe)
    # seed-like pages: a banner around a full wire story, on every template and language
    for t_index, template in enumerate(TEMPLATES):
        for lang in LANGS[t_index % 2:: 2][:5]:
            text = T[lang]
            pool = text["paras"]  # type: ignore[assignment]
            corpus.add(f"{template}-{lang}-seedlike.html",
                       article_html(template, lang, text["titles"][0], pool + pool[:3],  # type: ignore
                                    banner=text["banner"]),  # type: ignore[arg-type]
                       template=template, lang=lang, kind="banner", expected="ok",
                       path=f"/{lang}/news/2025/04/28/seed-{template}.html",
                       status=403 if template == "mnf" else (404 if lang == "de" else 200),
                       probe=corpus.probe_for(template, lang), banner=list(text["banner"]))  # type: ignore
    # a one-paragraph wire brief (a dateline, about 30 words) inside the error template: a story
    # however short; only the banner goes
    for t_index, template in enumerate(TEMPLATES[:5]):
        for l_index, lang in enumerate(LANGS[:6]):
            text = T[lang]
            corpus.add(f"{template}-{lang}-banner-brief.html",
                       article_html(template, lang, text["titles"][1],  # type: ignore[index]
                                    text["brief"][:1], banner=text["banner"]),  # type: ignore
                       template=template, lang=lang, kind="banner_brief", expected="ok",
                       path=f"/{lang}/news/2025/04/2{l_index}/brief-{template}.html",
                       status=403 if (t_index + l_index) % 2 else 200,
                       probe=corpus.probe_for(template, lang), banner=list(text["banner"]))  # type: ignore
    # templates only the probe recognises
    for t_index, template in enumerate(sorted(SOFT_HOSTS)):
        for lang in LANGS[t_index:: 4]:
            name = f"odd-{template}-{lang}.html"
            probe_name = f"probe-odd-{template}-{lang}.html"
            corpus.files[probe_name] = odd_error_html(template, lang)
            corpus.add(name, odd_error_html(template, lang), template=template, lang=lang,
                       kind="probe_only", expected="soft404",
                       path=f"/{lang}/archive/2025/03/{t_index + 1:02d}/item-{lang}.html",
                       probe={"file": probe_name, "status": 200})
    # redirects: to the root, a listing, a login wall
    targets = ["/", "/markets/", "/account/login?next=story", "/", "/news/"]
    for t_index, template in enumerate(TEMPLATES):
        for r in range(2):
            target = targets[(t_index + r) % len(targets)]
            lang = LANGS[(t_index + r) % 10]
            chain = [f"/{lang}/news/2025/04/0{r + 1}/withdrawn-offer-{t_index}.html"]
            if r:  # a followed chain that ended on the home page
                corpus.add(f"{template}-redirect-{r}.html",
                           article_html(template, lang, SITES[template], [], story=False),
                           template=template, lang=lang, kind="redirect", expected="redirect",
                           path=target, redirect_from=chain, probe=None)
            else:  # a 3xx handed through by the middleware
                corpus.add(f"{template}-redirect-{r}.html",
                           f"<html><body><p>Moved to {target}</p></body></html>",
                           template=template, lang=lang, kind="redirect", expected="redirect",
                           path=chain[0], status=302, location=target, probe=None)
    # bot walls
    for vendor, variants in BOTWALLS.items():
        for v_index, (status, headers, body) in enumerate(variants):
            for t_index, template in enumerate(TEMPLATES[v_index:: 3 if len(variants) > 1 else 2]):
                host = f"{template}.example"
                corpus.add(f"{template}-botwall-{vendor}-{v_index}.html",
                           body.replace("{host}", host).replace("{{", "{").replace("}}", "}"),
                           template=template, lang="en", kind="botwall", expected="blocked",
                           path=f"/en/news/2025/04/2{t_index}/guarded-story-{vendor}.html",
                           status=status,
                           headers={k: [x.replace("{host}", host) for x in v]
                                    for k, v in headers.items()},
                           vendor=vendor, probe=None)
    # hard negatives: articles about errors, "not found" headlines and briefs
    for lang, articles in ABOUT_404.items():
        for a_index, (title, blocks) in enumerate(articles):
            for template in TEMPLATES[a_index:: 4]:
                corpus.add(f"{template}-{lang}-about404-{a_index}.html",
                           article_html(template, lang, title, blocks),
                           template=template, lang=lang, kind="about_errors", expected="ok",
                           path=f"/{lang}/tech/2025/04/0{a_index + 1}/error-pages-{a_index}.html",
                           probe=corpus.probe_for(template, lang) if lang in LANGS else None)
    for h_index, (title, blocks) in enumerate(NOT_FOUND_HEADLINES):
        for template in TEMPLATES[h_index:: 3]:
            corpus.add(f"{template}-notfound-{h_index}.html",
                       article_html(template, "en", title, blocks),
                       template=template, lang="en", kind="not_found_headline", expected="ok",
                       path=f"/en/news/2025/04/1{h_index}/not-found-{h_index}.html",
                       probe=corpus.probe_for(template, "en"))
    for b_index, (title, brief) in enumerate(NOT_FOUND_BRIEFS):
        for template in TEMPLATES[b_index:: 2]:
            corpus.add(f"{template}-notfound-brief-{b_index}.html",
                       article_html(template, "en", title, [brief]),
                       template=template, lang="en", kind="brief", expected="ok",
                       path=f"/en/news/2025/04/2{b_index}/flash-{b_index}.html",
                       probe=corpus.probe_for(template, "en"))
    return corpus


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python tests/data/soft404/build_corpus.py",
                                     description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder that receives pages/ and labels.json (default: beside me)")
    out = parser.parse_args(argv).out
    pages = out / "pages"
    corpus = build()
    if pages.exists():
        for old in pages.glob("*.html"):
            old.unlink()
    pages.mkdir(parents=True, exist_ok=True)
    for name, content in sorted(corpus.files.items()):
        (pages / name).write_text(content, encoding="utf-8")
    (out / "labels.json").write_text(
        json.dumps(corpus.labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kinds: dict[str, int] = {}
    for label in corpus.labels:
        kinds[str(label["expected"])] = kinds.get(str(label["expected"]), 0) + 1
    print(f"{len(corpus.labels)} pages, {len(corpus.files)} files: {kinds}")


if __name__ == "__main__":
    main()
