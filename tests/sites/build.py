"""Generator of the wire mirrors (tests/sites/) and parser fixtures (tests/data/wire/).

The pages reproduce each wire's real DOM (tags, classes, JSON-LD shape, dateline form)
with text of our own. Run ``python tests/sites/build.py`` after editing a template;
the rendered files are committed (``--out DIR`` renders into DIR/sites and DIR/data/wire
instead; tests/test_fixtures.py checks the committed copy is what this renders).
"""

import argparse
import html
import json
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent


def w(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


CLOUDFLARE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge"><meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1"><style>*{box-sizing:border-box;margin:0;padding:0}</style><meta http-equiv="refresh" content="390"></head><body class="no-js"><div class="main-wrapper" role="main"><div class="main-content"><noscript><div id="challenge-error-title"><div class="h2"><span class="icon-wrapper"><div class="heading-icon warning-icon"></div></span><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript></div></div><script>(function(){window._cf_chl_opt={cvId: '3',cZone: "%s",cType: 'managed',cRay: '8f1c2a3b4d5e6f70',cH: 'x'};var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8f1c2a3b4d5e6f70';document.getElementsByTagName('head')[0].appendChild(cpo);}());</script></body></html>
"""
AKAMAI = """<HTML><HEAD>
<TITLE>Access Denied</TITLE>
</HEAD><BODY>
<H1>Access Denied</H1>

You don't have permission to access "http&#58;&#47;&#47;%s&#47;" on this server.<P>
Reference&#32;&#35;18&#46;6f2c1b17&#46;1745830000&#46;2a4b6c8d
<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;6f2c1b17&#46;1745830000&#46;2a4b6c8d</P>
</BODY>
</HTML>
"""
DATADOME = """<html lang="en"><head><title>%s</title><style>#cmsg{animation: A 1.5s;}@keyframes A{0%%{opacity:0;}99%%{opacity:0;}100%%{opacity:1;}}</style></head><body style="margin:0"><p id="cmsg">Please enable JS and disable any ad blocker</p><script data-cfasync="false">var dd={'rt':'c','cid':'AHrlqAAAAAMAx1-example','hsh':'2211F522B61E269B869FA6EAFFB5E1','t':'bv','s':45368,'e':'x','host':'geo.captcha-delivery.com'}</script><script data-cfasync="false" src="https://ct.captcha-delivery.com/c.js"></script></body></html>
"""


# ============================================================== PR Newswire
def prn_page(
    rid,
    slug,
    title,
    subtitle,
    issuer,
    issuer_slug,
    iso,
    shown,
    city,
    date_printed,
    paras,
    about,
    contact,
    tickers_note="",
):
    url = f"https://www.prnewswire.com/news-releases/{slug}-{rid}.html"
    desc = html.escape("/PRNewswire/ -- " + paras[0][:120] + "...")
    body = f'<p><span class="xn-location">{city}</span>, <span class="xn-chron">{date_printed}</span> /PRNewswire/ --&nbsp;{paras[0]}&nbsp; </p>\n'
    body += "".join(f"  <p>{p} </p>\n" for p in paras[1:])
    for name, text in about:
        body += f"  <p><b>About {name}</b></p>\n  <p>{text}</p>\n"
    body += f'  <p><b>MEDIA CONTACT:<br class="dnr"></b><span class="xn-person">{contact[0]}</span><br class="dnr">{contact[1]}<br class="dnr"><u><a href="mailto:{contact[2]}" rel="nofollow" target="_blank">{contact[2]}</a></u></p>\n'
    body += f'  <p>SOURCE {issuer}</p>\n  <h4> Related Links</h4>\n  <p> <a title="Link to https://www.example.com" href="https://www.example.com/" class="linkOnClick" data-include="" rel="nofollow" target="_blank">https://www.example.com</a><br class="dnr"></p>\n'
    body += f'  <p><img alt="" src="https://rt.prnewswire.com/rt.gif?NewsItemId=XX{rid[-5:]}&amp;Transmission_Id=202504250800PR_NEWS_USPR_____XX{rid[-5:]}&amp;DateId=20250425" style="border:0px; width:1px; height:1px;"></p>\n'
    return f"""<!DOCTYPE html>
<html lang="en"><head>
  <meta charset="utf-8">
  <meta content="IE=edge,chrome=1" http-equiv="X-UA-Compatible">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(title)}</title>
  <meta itemprop="description" content="{desc}">
  <meta name="description" content="{desc}">
  <meta itemprop="inLanguage" http-equiv="Content-Language" content="en-US">
  <meta name="author" content="{html.escape(issuer)}">
  <meta name="Publisher" content="PR Newswire">
  <meta name="referrer" content="unsafe-url">
  <meta name="geo.region" content="california">
  <meta name="date" content="{iso}">
  <meta itemprop="keywords" content="{html.escape(issuer)}">
  <meta name="keywords" content="{html.escape(issuer)}">
  <meta name="twitter:card" content="summary_large_image">
  <meta name="twitter:site" content="@PRNewswire">
  <meta name="twitter:title" content="{html.escape(title)}">
  <meta property="og:title" content="{html.escape(title)}">
  <meta property="og:type" content="articles">
  <meta property="og:description" content="{desc}">
  <meta property="og:url" content="{url}">
  <meta name="robots" content="index, follow">
  <link rel="canonical" href="{url}">
      <script type="application/ld+json">
          {{
              "@context": "https://schema.org",
              "@type": "NewsArticle",
              "mainEntityOfPage": {{
                  "@id": "{url}"
              }},
              "headline": "{html.escape(title)}",
              "image": [
                  ""
              ],
              "datePublished": "{iso}",
              "dateModified": "{iso}",
              "description": "{desc}"
          }}
      </script>
</head>
<body>
<div id="mm-0" class="mm-page mm-slideout"><div class="page-wrap">
  <header class="main-header visible-lg-block prnewswire">
  <section class="nav-junior"><div class="container"><nav class="navbar navbar-junior" aria-label="primary"><div><ul class="nav navbar-nav"><li><a href="https://www.prnewswire.com/resources/" target="_self">Resources</a></li><li><a href="https://www.prnewswire.com/news-releases/" target="_self">News</a></li></ul></div></nav></div></section>
  </header>
  <article class="news-release carousel-template">
     <header class="container release-header">
  <div class="custom-container">
  <div class="row">
  <div class="col-sm-12">
  <div class="row detail-headline">
  <div class="col-sm-12 col-xs-12 ">
  <h1>{html.escape(title)}   </h1>
  <p class="subtitle">{html.escape(subtitle)}</p>
  </div>
  </div>
  </div>
  </div>
  <div class="row">
  <div class="col-sm-12">
  <hr>
  </div>
  </div>
  <div class="row">
  <div class="col-lg-8 col-md-8 col-sm-7 swaping-class-left">
  <p class="meta">News provided by</p>
  <a href="https://www.prnewswire.com/news/{issuer_slug}/">
  <strong>{html.escape(issuer)}   <span aria-hidden="true" class="btb bt-long-arrow-right"></span>
  </strong>
  </a>
  <p class="mb-no">{shown}</p>
  </div>
  <div class="col-lg-4 col-md-4 col-sm-5 swaping-class-right">
  <div class="social-share-circle pull-right hidden-xs">
  <h2 class="meta text-uppercase mb-s">Share this article</h2>
  <div class="social-links"><ul class="list-unstyled"><a href="javascript:;" class="btn-facebook" aria-label="facebook sharing">Facebook</a></ul></div>
  </div>
  </div>
  </div>
  <div class="row"><div class="col-sm-12 col-xs-12"><hr></div></div>
  </div>
  </header>
  <section class="release-body container ">
  <div class="row">
  <div class="col-sm-10 col-sm-offset-1">
  {body}  </div>
  </div>
  </section>
  <div class="container"><div class="row"><div class="col-sm-10 col-sm-offset-1"><div class="prnewswire-widget"><h3>WANT YOUR COMPANY'S NEWS FEATURED ON PRNEWSWIRE.COM?</h3><p>440k+ newsrooms, journalists and influencers.</p></div></div></div></div>
  </article>
  <footer><div class="container"><ul class="list-unstyled"><li><a class="omniture-footer-main" title="About PR Newswire" href="https://prnewswire.mediaroom.com/index.php" target="_self">About PR Newswire</a></li></ul><p>Copyright 2025 Cision US Inc. All Rights Reserved.</p></div></footer>
</div></div>
</body></html>
"""


PRN = [
    {
        "rid": "302411876",
        "slug": "larkspur-analytics-opens-tidewater-data-campus",
        "title": "Larkspur Analytics Opens Tidewater Data Campus",
        "subtitle": "Forty-acre site adds capacity for regional hospital networks",
        "issuer": "Larkspur Analytics, Inc.",
        "issuer_slug": "larkspur-analytics-inc",
        "iso": "2025-04-24T08:30:00-04:00",
        "shown": "24 Apr, 2025, 08:30 ET",
        "city": "NORFOLK, Va.",
        "date_printed": "April 24, 2025",
        "paras": [
            "Larkspur Analytics, Inc. (NASDAQ: LRKS), a maker of clinical scheduling software, today opened its Tidewater data campus on a former rail yard north of the harbor.",
            "The campus will host scheduling data for eleven hospital networks in three states, the company said, and will employ about ninety people when fully staffed.",
            '"Hospitals asked us to keep their data close to home," said <span class="xn-person">Odile Brannagh</span>, chief executive of Larkspur. "This building answers that request."',
            "Construction took fourteen months and was financed from cash on hand.",
        ],
        "about": [
            (
                "Larkspur Analytics",
                "Larkspur Analytics builds scheduling tools for hospitals and clinics. Its shares trade on the Nasdaq under the symbol LRKS.",
            )
        ],
        "contact": ("Wren Castellano", "Harbor Lane Communications", "press@larkspur.example"),
    },
    {
        "rid": "302412093",
        "slug": "borealis-freight-systems-reports-first-quarter-results",
        "title": "Borealis Freight Systems Reports First Quarter Results",
        "subtitle": "Revenue rises 6% on cold-chain demand",
        "issuer": "Borealis Freight Systems",
        "issuer_slug": "borealis-freight-systems",
        "iso": "2025-04-25T16:05:00-04:00",
        "shown": "25 Apr, 2025, 16:05 ET",
        "city": "DULUTH, Minn.",
        "date_printed": "April 25, 2025",
        "paras": [
            "Borealis Freight Systems (NYSE: BFS) (TSX: BFS) today reported first quarter revenue of $412 million, up 6% from a year earlier, as refrigerated shipping volumes grew.",
            "Net income was $18.3 million, or 41 cents per diluted share, compared with $15.0 million a year ago.",
            "The company kept its full-year outlook unchanged.",
        ],
        "about": [
            (
                "Borealis Freight Systems",
                "Borealis Freight Systems moves temperature-sensitive goods across North America with a fleet of 2,300 trucks.",
            )
        ],
        "contact": ("Teodor Linnqvist", "Borealis Investor Relations", "ir@borealis.example"),
    },
    {
        "rid": "302413350",
        "slug": "quillfeather-books-names-new-publisher",
        "title": "Quillfeather Books Names New Publisher",
        "subtitle": "Veteran editor to lead children's list",
        "issuer": "Quillfeather Books",
        "issuer_slug": "quillfeather-books",
        "iso": "2025-04-25T09:00:00-04:00",
        "shown": "25 Apr, 2025, 09:00 ET",
        "city": "NEW YORK",
        "date_printed": "April 25, 2025",
        "paras": [
            "Quillfeather Books today named Marisol Everdeen publisher of its children's imprint, effective June 2.",
            "Everdeen joins from a rival house where she edited picture books for twelve years.",
        ],
        "about": [
            (
                "Quillfeather Books",
                "Quillfeather Books is an independent publisher of fiction and children's books.",
            )
        ],
        "contact": ("Ansel Fairweather", "Quillfeather Books", "media@quillfeather.example"),
    },
    {
        "rid": "302300125",
        "slug": "old-harbor-mills-annual-meeting",
        "title": "Old Harbor Mills Sets Annual Meeting Date",
        "subtitle": "Shareholders to meet in May",
        "issuer": "Old Harbor Mills",
        "issuer_slug": "old-harbor-mills",
        "iso": "2025-03-03T10:00:00-05:00",
        "shown": "03 Mar, 2025, 10:00 ET",
        "city": "PORTLAND, Maine",
        "date_printed": "March 3, 2025",
        "paras": [
            "Old Harbor Mills said its annual meeting of shareholders will be held on May 14 at its headquarters."
        ],
        "about": [("Old Harbor Mills", "Old Harbor Mills makes paper products.")],
        "contact": ("Ruth Calloway", "Old Harbor Mills", "info@oldharbor.example"),
    },
    # listed on page 2 and 3 of the releases list only (not in the feed)
    {
        "rid": "302410555",
        "slug": "harrow-glass-works-to-build-furnace-in-toledo",
        "title": "Harrow Glass Works to Build Furnace in Toledo",
        "subtitle": "Electric melter replaces two gas units",
        "issuer": "Harrow Glass Works Corp.",
        "issuer_slug": "harrow-glass-works-corp",
        "iso": "2025-04-24T11:00:00-04:00",
        "shown": "24 Apr, 2025, 11:00 ET",
        "city": "TOLEDO, Ohio",
        "date_printed": "April 24, 2025",
        "paras": [
            "Harrow Glass Works Corp. (NYSE: HGW) today announced it will build an electric glass furnace at its Toledo plant, replacing two natural-gas units that date from 1988.",
            "The furnace is expected to start in the second half of next year and to cut the plant's fuel costs by a third, the company said.",
            "<b>Forward-Looking Statements</b>",
            "This press release contains forward-looking statements about the furnace's cost, timing and savings. Actual results may differ materially because of construction delays, energy prices and other risks.",
            "Harrow Glass Works undertakes no obligation to update these statements.",
        ],
        "about": [
            (
                "Harrow Glass Works",
                "Harrow Glass Works makes container glass for food and beverage companies in four plants.",
            )
        ],
        "contact": ("Delphine Oakes", "Harrow Glass Works", "media@harrowglass.example"),
    },
    {
        "rid": "302409870",
        "slug": "pinecrest-credit-union-opens-branch",
        "title": "Pinecrest Credit Union Opens Lakeside Branch",
        "subtitle": "Fourteenth branch serves the north shore",
        "issuer": "Pinecrest Credit Union",
        "issuer_slug": "pinecrest-credit-union",
        "iso": "2025-04-24T07:15:00-04:00",
        "shown": "24 Apr, 2025, 07:15 ET",
        "city": "DULUTH, Minn.",
        "date_printed": "April 24, 2025",
        "paras": [
            "Pinecrest Credit Union today opened its fourteenth branch, on Lakeside Avenue, with a drive-through and a small-business desk.",
            "The branch will be open six days a week.",
        ],
        "about": [("Pinecrest Credit Union", "Pinecrest Credit Union serves 60,000 members in northern Minnesota.")],
        "contact": ("Corin Aldous", "Pinecrest Credit Union", "news@pinecrest.example"),
    },
]

# Pages of the releases list (``?page=N&pagesize=25``): each card's printed time (today's
# releases print the time only), and where its Next link goes. Page 4 lists nothing new
# (the list moved while it was read), so the crawl stops there and never asks for page 5.
PRN_LIST_PAGES = [
    [(1, "16:05 ET"), (2, "09:00 ET")],
    [(4, "Apr 24, 2025, 11:00 ET"), (3, "Mar 03, 2025, 10:00 ET")],
    [(5, "Apr 24, 2025, 07:15 ET")],
    [(2, "09:00 ET"), (4, "Apr 24, 2025, 11:00 ET")],
]


def prn_url(r):
    return f"https://www.prnewswire.com/news-releases/{r['slug']}-{r['rid']}.html"


def rss_item(title, link, date, extra=""):
    return f"""    <item>
      <title>{html.escape(title)}</title>
      <link>{html.escape(link)}</link>
      <description>{html.escape(title)}</description>
      <pubDate>{date}</pubDate>
      <guid isPermaLink="false">{html.escape(link)}</guid>{extra}
    </item>
"""


def build_prn(sites, data):
    root = sites / "prnewswire"
    for r in PRN:
        w(root / "news-releases" / f"{r['slug']}-{r['rid']}.html", prn_page(**r))
    w(data / "prnewswire_2024.html", prn_page(**PRN[0]))
    blocked = "https://www.prnewswire.com/news-releases/nimbus-tele-health-expands-302414001.html"
    removed = "https://www.prnewswire.com/news-releases/withdrawn-offering-notice-302414222.html"
    dates = {
        "302411876": "Thu, 24 Apr 2025 12:30:00 GMT",
        "302412093": "Fri, 25 Apr 2025 20:05:00 GMT",
        "302300125": "Mon, 03 Mar 2025 15:00:00 GMT",
    }
    items = ""
    for r in (PRN[0], PRN[1], PRN[3]):
        items += rss_item(
            r["title"],
            prn_url(r),
            dates[r["rid"]],
            f'\n      <dc:contributor>{html.escape(r["issuer"])}</dc:contributor>\n      <media:credit role="publishing company">PR Newswire</media:credit>',
        )
    items += rss_item(
        "Nimbus Tele-Health Expands to Ohio",
        blocked,
        "Fri, 25 Apr 2025 13:00:00 GMT",
        "\n      <dc:contributor>Nimbus Tele-Health</dc:contributor>",
    )
    items += rss_item(
        "Withdrawn Offering Notice",
        removed,
        "Fri, 25 Apr 2025 14:00:00 GMT",
        "\n      <dc:contributor>Corvid Capital</dc:contributor>",
    )
    w(
        root / "rss" / "news-releases-list.rss",
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" version="2.0">
  <channel>
    <title>PR Newswire: News Releases List</title>
    <link>https://www.prnewswire.com/news-releases/news-releases-list/</link>
    <description>PR Newswire News Releases</description>
    <language>en-us</language>
{items}  </channel>
</rss>
""",
    )
    routes = {"/news-releases/nimbus-tele-health-expands-302414001.html": {"status": 403}}
    for number, cards_shown in enumerate(PRN_LIST_PAGES, start=1):
        cards = ""
        for index, shown in cards_shown:
            r = PRN[index]
            cards += f"""<div class="card col-view">
  <a class="newsreleaseconsolidatelink display-outline w-100" href="/news-releases/{r["slug"]}-{r["rid"]}.html?tc=eml_cleartime">
    <div class="row"><div class="col-sm-12 card-list-hr"><h3><small>{shown}</small>{html.escape(r["title"])}</h3><p class="remove-outline">{html.escape(r["subtitle"])}</p></div></div>
  </a>
</div>
"""
        active = ' class="active"'
        pages = "".join(
            f'<li{active if n == number else ""}><a href="?page={n}&amp;pagesize=25">{n}</a></li>'
            for n in range(1, len(PRN_LIST_PAGES) + 2)
        )
        name = "index.html" if number == 1 else f"_page-{number}.html"
        w(
            root / "news-releases" / "news-releases-list" / name,
            f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>News Releases List | PR Newswire</title></head>
<body><div class="container"><div class="row"><div class="col-sm-12"><h1>News Releases</h1>
{cards}<nav aria-label="Page navigation"><ul class="pagination">{pages}<li><a href="?page={number + 1}&amp;pagesize=25" aria-label="Next">Next</a></li></ul></nav>
</div></div></div></body></html>
""",
        )
        if number > 1:
            routes[f"/news-releases/news-releases-list/?page={number}&pagesize=25"] = {
                "file": f"news-releases/news-releases-list/{name}"}
    w(
        root / "news-releases" / "nimbus-tele-health-expands-302414001.html",
        CLOUDFLARE % "www.prnewswire.com",
    )
    w(root / "robots.txt", "User-agent: *\nDisallow: /search/\n")
    w(root / "_routes.json", json.dumps(routes, indent=2) + "\n")


# ============================================================== GlobeNewswire
def gnw_page(
    rid,
    org,
    slug,
    title,
    subtitle,
    issuer,
    iso,
    shown,
    jsdate,
    first,
    paras,
    about,
    contact,
    marketwired=False,
    place="Oslo, Norway, NORWAY",
):
    url = f"https://www.globenewswire.com/news-release/{iso[:4]}/{iso[5:7]}/{iso[8:10]}/{rid}/{org}/en/{slug}.html"
    if marketwired:
        city, rest = first
        lead = f'<p>\n                <span class="mw_region">{city}</span><span>--(Marketwired - {shown.split(" 1")[0]}) - </span>&nbsp;{rest}</p>'
    else:
        lead = f"<p>{first}</p>"
    desc = html.escape(
        " ".join(html.unescape(x) for x in ([first] if not marketwired else list(first)))[:150]
        + "..."
    )
    ps = "".join(f"\n              <p>{p}</p>" for p in paras)
    about_html = f"\n              <p>\n                <strong>About {about[0]}<br></strong>{about[1]}\n              </p>"
    inner = f"{lead}{ps}{about_html}"
    if marketwired:
        inner = f'<div class="mw_release">\n              {inner}\n              <div class="mw_disclaimer"></div>\n            </div>'
    contact_html = f"""
            <p>Contact Information: </p>
            <div class="mw-contact">
              <p><strong>MEDIA CONTACT:</strong><br>{contact[0]}<br>{contact[1]}<br><a href="mailto:{contact[2]}" rel="nofollow" title="{contact[2]}">{contact[2]}</a></p>
            </div>
            <p></p>"""
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "id": url},
            "Headline": title,
            "DatePublished": jsdate,
            "DateModified": jsdate,
            "inLanguage": "en",
            "author": {"@type": "Person", "name": issuer},
            "publisher": {"@type": "Organization", "name": issuer},
            "Description": html.unescape(desc),
        }
    )
    return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en">
<head>
  <meta charset="UTF-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{html.escape(title)}</title>
  <meta name="author" content="{html.escape(issuer)}">
  <meta name="keywords" content="{html.escape(issuer)}">
  <meta name="description" content="{desc}">
  <meta name="title" content="{html.escape(title)}">
  <meta name="ticker" content="">
  <meta name="DC.date.issued" content="{jsdate}">
  <meta name="original-source" content="{url}">
  <meta name="twitter:card" content="summary">
  <meta name="twitter:site" content="globenewswire">
  <meta name="twitter:title" content="{html.escape(title)}">
  <meta property="og:title" content="{html.escape(title)}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="{url}">
  <meta property="og:description" content="{desc}">
  <meta property="og:article:published_time" content="{jsdate} 4:00:00 PM">
  <meta property="og:article:author " content="{html.escape(issuer)}">
  <meta property="og:locale" content="en_US">
  <meta property="og:site_name" content="GlobeNewswire News Room">
  <link rel="canonical" href="{url}">
  <script type="application/ld+json">
      {ld}
  </script>
</head>
<body>
  <header class="header-container"><nav><a href="/en/newsroom">Newsroom</a> <a href="/en/search">Search</a></nav></header>
      <div class="main-container container-overwrite" id="container-article" itemscope="" itemtype="http://schema.org/NewsArticle">
        <meta itemprop="wordCount" content="0">
        <meta itemprop="inLanguage" content="en">
        <meta itemprop="dateModified" content="{jsdate}">
        <div class="main-header-container ">
          <h1 class="article-headline" itemprop="headline">{html.escape(title)}</h1>

          <h2 class="article-sub-headline" itemprop="alternativeHeadline">
            <p>{html.escape(subtitle)} </p>
          </h2>

          <p class="article-published-source">
            <span class="d-flex justify-content-start">
              <span class="article-published" itemprop="datePublished">
                <time datetime="{iso}">{shown}</time>
              </span>

              <span class="article-source" itemprop="sourceOrganization" itemscope="" itemtype="http://schema.org/Organization">
                | Source:
                <span>
                  <a href="/en/search/organization/{html.escape(issuer).replace(" ", "%20")}" itemprop="name">{html.escape(issuer)}</a>
                </span>
              </span>
            </span>
            <span id="pnr-global-follow-button" class="pnr-follow-button-width-height"><button class="MuiButtonBase-root MuiButton-root MuiButton-contained pnr-follow-button MuiButton-containedPrimary" tabindex="0" type="button" id="pnr-follow-button"><span class="MuiButton-label">Follow</span></button></span>
            <span itemprop="author copyrightHolder" style="display: none;">{html.escape(issuer)}</span>
          </p>
          <p itemprop="dateline contentLocation" style="display: none;">
            {place}
          </p>
          <p></p>
        </div>
        <hr>
        <div class="main-scroll-container">
          <div id="pnr-global-social-media-sidebar-section"><div class="social-media-side-bar-container"><ul><li><button id="facebook" aria-label="facebook" class="react-share__ShareButton">f</button></li></ul></div></div>
          <div class="main-body-container article-body " id="main-body-container" itemprop="articleBody">
            {inner}{contact_html}
          </div>
          <div id="article-resource-container" class="main-images-container"><div class="row images-row " id="article_image-box"></div></div>
        </div>
        <meta itemprop="provider" content="“GlobeNewswire”">
        <meta itemprop="copyrightYear" content="{iso[:4]}">
      </div>
      <div class="main-recommended-reading-container article-page-recommended-reading-container" style="display: none;"><div id="pnr-global-recommended-reading"></div></div>
      <div class="main-recommended-articles-container article-page-explore-container"><div id="pnr-global-card-explore-view"><div class="view-more-releases"><a href="/en/newsroom" class="home-page-more text-uppercase">View More News</a></div><h2>Explore</h2></div></div>
  <footer><p>&copy; 2025 GlobeNewswire, Inc. All Rights Reserved.</p></footer>
</body>
</html>
"""


GNW = [
    {
        "rid": "3067214",
        "org": "0",
        "slug": "Fjordline-Batteries-Starts-Pilot-Line-in-Bergen",
        "title": "Fjordline Batteries Starts Pilot Line in Bergen",
        "subtitle": "Sodium-ion cells for ferries to ship in 2026",
        "issuer": "Fjordline Batteries ASA",
        "iso": "2025-04-24T06:00:00Z",
        "shown": "April 24, 2025 02:00 ET",
        "jsdate": "4/24/2025",
        "first": "BERGEN, Norway, April 24, 2025 (GLOBE NEWSWIRE) -- Fjordline Batteries ASA (Euronext Growth: FJORD) today started its sodium-ion pilot line in Bergen, a step toward cells for electric ferries.",
        "paras": [
            "The line can make 40 megawatt-hours of cells a year, the company said.",
            "Customer samples will ship in the third quarter.",
        ],
        "about": (
            "Fjordline Batteries",
            "Fjordline Batteries ASA develops sodium-ion cells for maritime use. The company is listed on Euronext Growth Oslo.",
        ),
        "contact": ("Ingrid Solvang", "Fjordline Batteries ASA", "ir@fjordline.example"),
        "place": "Bergen, Hordaland, NORWAY",
    },
    {
        "rid": "3067552",
        "org": "32716",
        "slug": "Carrow-Biologics-Doses-First-Patient-in-Phase-2-Trial",
        "title": "Carrow Biologics Doses First Patient in Phase 2 Trial",
        "subtitle": "Trial tests CB-114 in chronic cough",
        "issuer": "Carrow Biologics, Inc.",
        "iso": "2025-04-25T12:00:00Z",
        "shown": "April 25, 2025 08:00 ET",
        "jsdate": "4/25/2025",
        "first": "SAN DIEGO, Calif., April 25, 2025 (GLOBE NEWSWIRE) -- Carrow Biologics, Inc. (Nasdaq: CRRW), a clinical-stage drug developer, today dosed the first patient in its Phase 2 trial of CB-114.",
        "paras": [
            "The trial will enroll about 180 adults at 30 sites.",
            "Topline data are expected in the first half of 2026.",
        ],
        "about": (
            "Carrow Biologics",
            "Carrow Biologics develops medicines for chronic respiratory disease.",
        ),
        "contact": ("Dana Whitlock", "Carrow Biologics", "media@carrow.example"),
        "place": "San Diego, California, UNITED STATES",
    },
    {
        "rid": "3010001",
        "org": "0",
        "slug": "Harrowgate-Reports-Results",
        "title": "Harrowgate Reports Results",
        "subtitle": "Old news",
        "issuer": "Harrowgate Ltd",
        "iso": "2025-02-10T12:00:00Z",
        "shown": "February 10, 2025 07:00 ET",
        "jsdate": "2/10/2025",
        "first": "LEEDS, United Kingdom, Feb. 10, 2025 (GLOBE NEWSWIRE) -- Harrowgate Ltd reported results.",
        "paras": [],
        "about": ("Harrowgate", "Harrowgate makes gates."),
        "contact": ("A. Person", "Harrowgate", "a@harrowgate.example"),
    },
]
GNW_MW = {
    "rid": "1299876",
    "org": "0",
    "slug": "Tessellate-Launches-Ledger-Sync-for-Retailers",
    "title": "Tessellate Launches Ledger Sync for Retailers",
    "subtitle": "Connects point-of-sale data to accounting tools",
    "issuer": "Tessellate",
    "iso": "2016-04-06T16:00:00Z",
    "shown": "April 06, 2016 12:00 ET",
    "jsdate": "4/6/2016",
    "first": (
        "SAN FRANCISCO, CA",
        '<a href="https://tessellate.example" rel="nofollow" title="Tessellate">Tessellate</a>, a retail software company, today released Ledger Sync, which copies point-of-sale data into accounting tools every few minutes.',
    ),
    "paras": [
        "Retailers using the tool can close their books two days sooner, the company said.&nbsp;"
    ],
    "about": (
        "Tessellate",
        'Tessellate builds back-office software for independent retailers. For more information visit <a href="https://tessellate.example" rel="nofollow" title="">https://tessellate.example</a>.',
    ),
    "contact": ("Mira Okonjo", "Bayline Group", "tessellate@bayline.example"),
    "marketwired": True,
    "place": "San Francisco, California, UNITED STATES",
}


def gnw_url(r):
    return f"https://www.globenewswire.com/news-release/{r['iso'][:4]}/{r['iso'][5:7]}/{r['iso'][8:10]}/{r['rid']}/{r['org']}/en/{r['slug']}.html"


def gnw_feed(title, items):
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>
    <title>{title}</title>
    <link>https://www.globenewswire.com/</link>
    <description>{title}: the last 20 releases</description>
    <language>en</language>
{items}  </channel>
</rss>
"""


def build_gnw(sites, data):
    root = sites / "globenewswire"
    for r in GNW:
        w(root / gnw_url(r).split(".com/", 1)[1], gnw_page(**r))
    w(data / "globenewswire_2023.html", gnw_page(**GNW[1]))
    w(data / "globenewswire_marketwired.html", gnw_page(**GNW_MW))
    blocked = "https://www.globenewswire.com/news-release/2025/04/25/3067600/0/en/Lattice-Mining-Updates-Reserves.html"

    def item(r, date):
        return rss_item(
            r["title"],
            gnw_url(r),
            date,
            f"\n      <dc:contributor>{html.escape(r['issuer'])}</dc:contributor>",
        )

    a = (
        item(GNW[0], "Thu, 24 Apr 2025 06:00 GMT")
        + item(GNW[1], "Fri, 25 Apr 2025 12:00 GMT")
        + rss_item("Lattice Mining Updates Reserves", blocked, "Fri, 25 Apr 2025 13:00 GMT")
        + item(GNW[2], "Mon, 10 Feb 2025 12:00 GMT")
    )
    b = item(GNW[1], "Fri, 25 Apr 2025 12:00 GMT")
    w(
        root / "RssFeed/orgclass/1/feedTitle/GlobeNewswire - News About Public Companies",
        gnw_feed("GlobeNewswire - News About Public Companies", a),
    )
    w(
        root / "RssFeed/subjectcode/72-Press Releases/feedTitle/GlobeNewswire - Press Releases",
        gnw_feed("GlobeNewswire - Press Releases", b),
    )
    w(
        root / "news-release/2025/04/25/3067600/0/en/Lattice-Mining-Updates-Reserves.html",
        CLOUDFLARE % "www.globenewswire.com",
    )
    w(root / "robots.txt", "User-agent: *\nDisallow: /Search\n")
    w(
        root / "_routes.json",
        json.dumps(
            {
                "/news-release/2025/04/25/3067600/0/en/Lattice-Mining-Updates-Reserves.html": {
                    "status": 403
                }
            },
            indent=2,
        )
        + "\n",
    )


# ============================================================== AP News
def ap2024(
    hexid,
    slug,
    title,
    section,
    authors,
    iso_pub,
    iso_mod,
    epoch_ms,
    desc,
    paras,
    credits,
    heading=None,
):
    url = f"https://apnews.com/article/{slug}-{hexid}"
    ld = [
        {
            "@context": "http://schema.org",
            "@type": "NewsArticle",
            "url": url,
            "dateModified": iso_mod,
            "datePublished": iso_pub,
            "description": desc,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "author": [
                {"@context": "http://schema.org", "@type": "Person", "name": a[0]}
                | ({"url": f"https://apnews.com/author/{a[1]}"} if a[1] else {})
                for a in authors
            ],
            "publisher": {
                "@type": "Organization",
                "name": "AP News",
                "logo": {"@type": "ImageObject", "url": "https://assets.apnews.com/aplogo.svg"},
            },
            "articleSection": [section],
            "keywords": [section],
            "headline": title,
        }
    ]
    names = []
    for a in authors:
        names.append(
            f'<a class="Link " href="https://apnews.com/author/{a[1]}">{a[0]}</a>'
            if a[1]
            else f'<span class="Link">{a[0]}</span>'
        )
    byline = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
    body = ""
    for i, p in enumerate(paras):
        body += f"<p>{p}</p>"
        if i == 1:
            body += '\n    <div class="SovrnAd Advertisement "\n    data-module\n    data-class="sovrn-story-feed"data-delayAdInsertion\n    \n></div>\n\n'
        if heading and i == 2:
            body += f"<h2>{heading}</h2>"
    if credits:
        body += f"<h2>___</h2><p>{credits}</p>"
    return f"""<!DOCTYPE html>
<html class="StoryPage" lang="en" data-header-hasleaderboard="true" data-named-page-type="Article"  data-leaderboard-is-fixed="true" data-hasZephr="true"data-lead="medium">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1, minimum-scale=1">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:url" content="{url}">
<meta property="og:description" content="{html.escape(desc)}">
<meta property="og:site_name" content="AP News">
<meta property="og:type" content="article">
<meta property="article:author" content="https://apnews.com/author/{authors[0][1] or "staff"}">
<meta property="article:published_time" content="{iso_pub.rstrip("Z")}">
<meta property="article:modified_time" content="{iso_mod.rstrip("Z")}.000">
<meta property="article:section" content="{section}">
<meta property="article:tag" content="{section}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@AP">
<meta data-rh="true" name="keywords" content="{section}">
<meta name="description" content="{html.escape(desc)}">
<link rel="canonical" href="{url}">
<title>{html.escape(title)} | AP News</title>
        <script type="application/ld+json" id="link-ld-json">{json.dumps(ld, ensure_ascii=False)}</script>
</head>
<body class="Page-body">
<bsp-header class="Page-header"><nav class="Page-header-navigation"><a href="https://apnews.com/hub/us-news">U.S. News</a> <a href="https://apnews.com/hub/world-news">World</a></nav></bsp-header>
<bsp-story-page class="Page-storyBody">
        <div class="Page-content">
            <div class="StoryPage-lede gtmMainScrollContent">
                <div class="StoryPage-lede-content">
                    <div class="Page-breadcrumbs"><a class="Link " href="https://apnews.com/{section.lower()}">{section}</a></div>
    <h1 class="Page-headline">{html.escape(title)}</h1>
                </div>
            </div>
            <div class="Page-twoColumn">
                <main class="Page-main" data-module data-padding="none">
                    <div class="Page-storyBody gtmMainScrollContent">
                            <div class="StoryPage-actions-wrapper">
                                <div class="Page-byline"><div class="Page-byline-info"><div class="Page-authors">
            By&nbsp;
            {byline}</div>
        <div class="Page-dateModified">
                <bsp-timestamp data-timestamp="{epoch_ms}" data-recent-thresholdinhours="1">
                    <template data-date-tpl>Updated [hour]:[minute] [AMPM] [timezone], [monthFull] [day], [year]</template>
                    <span data-date>&nbsp;</span>
                </bsp-timestamp>
            </div>
    </div></div>
    <bsp-page-actions class="Page-actions"><button class="Page-actions-trigger" data-action-clicked="clickShareIcon" data-collapse-element>Share</button></bsp-page-actions>
                            </div>
                                    <div class="RichTextStoryBody RichTextBody">
                                        {body}
                                    </div>
                    </div>
                    <div class="Page-authorInfo _hasAuthorWOImage">
                <div class="Author"><div class="Author-content"><div class="Author-name"><a href="https://apnews.com/author/{authors[0][1] or "staff"}">{authors[0][0]}</a></div>
            <div class="Author-bio RichTextBody" data-size="small">{authors[0][0].title()} covers the region for The Associated Press.</div></div></div>
                    </div>
                </main>
            </div>
        </div>
</bsp-story-page>
<footer class="Page-footer"><div class="Page-footer-bottom">
                    <div class="Page-footer-disclaimer"><p>Copyright 2025 The Associated Press. All Rights Reserved.</p></div>
</div></footer>
</body>
</html>
"""


def ap2023(hexid, slug, title, section, byline, iso_pub, iso_mod, desc, paras):
    url = f"https://apnews.com/article/{slug}-{hexid}"
    ld = {
        "@context": "http://schema.org",
        "@type": "NewsArticle",
        "author": ["Associated Press"],
        "dateModified": iso_mod,
        "datePublished": iso_pub,
        "description": desc,
        "headline": title,
        "image": "https://storage.googleapis.com/afs-prod/media/x/2000.webp",
        "mainEntityOfPage": {"@id": url, "@type": "WebPage"},
        "publisher": {
            "@type": "Organization",
            "logo": {
                "@type": "ImageObject",
                "height": 60,
                "url": "http://apcontextual.appspot.com/Support/AMPLogo.png",
                "width": 600,
            },
            "name": "Associated Press",
        },
    }
    ps = "".join(f'<p class="Component-root-0-2-50 p Component-p-0-2-40">{p}</p>' for p in paras)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta data-rh="true" name="description" content="{html.escape(desc)}"/><meta data-rh="true" name="keywords" content="{section}"/><meta data-rh="true" property="og:title" content="{html.escape(title)}"/><meta data-rh="true" property="og:description" content="{html.escape(desc)}"/><meta data-rh="true" property="og:type" content="article"/><meta data-rh="true" property="og:url" content="{url}"/><meta data-rh="true" property="og:site_name" content="AP NEWS"/><meta data-rh="true" property="article:published_time" content="{iso_pub}"/><meta data-rh="true" property="article:modified_time" content="{iso_mod}"/><meta data-rh="true" property="article:section" content="{section}"/><meta data-rh="true" property="article:tag" content="{section}"/><link data-rh="true" rel="canonical" href="{url}"/><script data-rh="true" type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script><title data-rh="true">{html.escape(title)} | AP News</title></head><body><div id="root"><div class="Body"><div class="Header"><a data-key="header-logo" href="/">AP</a></div><main class="Component-root-0-2-1"><div class="fluid-wrapper"><div class="RelatedTopics"><div class="heading">Related topics</div><ul class="tag-list"><li class="tag"><a data-key="related-tag" class="related-topic-link" href="/hub/{section.lower()}">{section}</a></li></ul></div><div class="CardHeadline Component-cardHeadlineContainer-0-2-11"><div class="Component-headline-0-2-15" data-key="card-headline"><h1 class="Component-heading-0-2-16">{html.escape(title)}</h1></div><p class="descriptionSummary"></p><span class="Component-signature-0-2-18 null"><span class="Component-bylines-0-2-19">{byline}</span><span class="Timestamp Component-root-0-2-23 null null" data-key="timestamp" data-source="{iso_mod}" title="{iso_mod}">April 22, 2025 GMT</span></span><div class="apLine-0-2-24 -apLine" style="transform:scale(1)"></div></div><div class="divider"></div><div class="BelowLeadPhoto"></div><div class="Article" data-key="article">{ps}</div></div></main><div class="Component-footer-0-2-51 -footer"><div class="fluid-wrapper"><nav class="Component-nav-0-2-53"><div class="Component-title-0-2-59">AP NEWS</div><ol class="Component-list-0-2-60"><li><a class="topic-link" href="/hub/ap-top-news">Top Stories</a></li></ol></nav></div></div></div></div></body></html>
"""


AP24 = {
    "hexid": "4f1d8e2c9a7b6e5d4c3b2a1908f7e6d5",
    "slug": "river-levee-repair-vote-county-board",
    "title": "County board approves levee repairs after spring floods",
    "section": "Politics",
    "authors": [
        ("HOLLIS VANTERPOOL", "hollis-vanterpool"),
        ("MAREN OKAFOR", None),
        ("JUDE PELLETIER", None),
    ],
    "iso_pub": "2025-04-24T14:05:10Z",
    "iso_mod": "2025-04-24T18:20:00Z",
    "epoch_ms": "1745518800000",
    "desc": "A county board voted to spend $14 million repairing levees.",
    "paras": [
        'LA CROSSE, Wis. (AP) — A county board voted 6-1 on Thursday to spend $14 million repairing levees that failed during <span class="LinkEnhancement"><a class="Link AnClick-LinkEnhancement"\n        data-gtm-enhancement-style="LinkEnhancementA" href="https://apnews.com/hub/floods">spring floods</a></span> along the Mississippi River.',
        "The repairs will start in June and take two construction seasons, the county engineer said.",
        "Residents of two low-lying neighborhoods asked the board to move faster.",
        "“We have sandbagged three times in five years,” said one homeowner, who spoke at the meeting.",
    ],
    "heading": "What comes next",
    "credits": "Okafor reported from Madison. Associated Press writer Lena Szabo in Chicago contributed to this report.",
}
AP23 = {
    "hexid": "9a8b7c6d5e4f30211203f4e5d6c7b8a9",
    "slug": "peru-fishing-season-anchovy",
    "title": "Peru opens anchovy season with a smaller quota",
    "section": "Peru",
    "byline": "By ROSAURA QUISPE",
    "iso_pub": "2025-04-22T15:10:00Z",
    "iso_mod": "2025-04-22T15:09:30Z",
    "desc": "LIMA, Peru (AP) — Peru opened its first anchovy season of the year on Tuesday.",
    "paras": [
        "LIMA, Peru (AP) — Peru opened its first anchovy fishing season of the year on Tuesday with a quota 12% smaller than last year’s, the production ministry said.",
        "Scientists found fewer juvenile fish during a survey in March.",
        "Anchovy is ground into fishmeal, one of the country’s main exports.",
    ],
}
AP_OLD = dict(
    AP24,
    paras=[
        "TOLEDO, Ohio (AP) — A city council voted in March to repaint an old bridge in its original green.",
        "Work is set to begin in the fall.",
    ],
    credits=None,
    heading=None,
    hexid="0123456789abcdef0123456789abcdef",
    slug="old-bridge-story",
    title="Old bridge story",
    iso_pub="2025-03-01T10:00:00Z",
    iso_mod="2025-03-01T10:00:00Z",
    epoch_ms="1740823200000",
)


def build_ap(sites, data):
    root = sites / "apnews"
    for r, fn in ((AP24, ap2024), (AP_OLD, ap2024)):
        w(root / "article" / f"{r['slug']}-{r['hexid']}", fn(**r))
    w(root / "article" / f"{AP23['slug']}-{AP23['hexid']}", ap2023(**AP23))
    w(data / "apnews_2024.html", ap2024(**AP24))
    w(data / "apnews_2023.html", ap2023(**AP23))
    blocked = "ferry-strike-talks-resume-aa11bb22cc33dd44ee55ff6600112233"
    w(root / "article" / blocked, CLOUDFLARE % "apnews.com")

    def u(r):
        return f"https://apnews.com/article/{r['slug']}-{r['hexid']}"

    w(
        root / "news-sitemap-content.xml",
        f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{u(AP24)}</loc><news:news><news:publication><news:name>AP News</news:name><news:language>eng</news:language></news:publication><news:publication_date>2025-04-24T14:05:10Z</news:publication_date><news:title>{AP24["title"]}</news:title></news:news></url>
  <url><loc>https://apnews.com/article/{blocked}</loc><news:news><news:publication><news:name>AP News</news:name><news:language>eng</news:language></news:publication><news:publication_date>2025-04-25T09:00:00Z</news:publication_date><news:title>Ferry strike talks resume</news:title></news:news></url>
</urlset>
""",
    )
    w(
        root / "sitemap.xml",
        """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://apnews.com/ap-sitemap-202504.xml</loc><lastmod>2025-04-25T00:00:00Z</lastmod></sitemap>
  <sitemap><loc>https://apnews.com/ap-sitemap-202503.xml</loc><lastmod>2025-03-31T00:00:00Z</lastmod></sitemap>
</sitemapindex>
""",
    )
    w(
        root / "ap-sitemap-202504.xml",
        f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{u(AP24)}</loc><lastmod>2025-04-24T18:20:00Z</lastmod></url>
  <url><loc>{u(AP23)}</loc><lastmod>2025-04-22T15:10:00Z</lastmod></url>
  <url><loc>https://apnews.com/hub/floods</loc><lastmod>2025-04-24T18:20:00Z</lastmod></url>
  <url><loc>https://apnews.com/video/levee-vote-0f9e8d7c6b5a49382716051423324150</loc><lastmod>2025-04-24T18:20:00Z</lastmod></url>
  <url><loc>https://apnews.com/article/gone-story-ffffffffffffffffffffffffffffffff</loc><lastmod>2025-04-23T10:00:00Z</lastmod></url>
</urlset>
""",
    )
    w(
        root / "ap-sitemap-202503.xml",
        f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{u(AP_OLD)}</loc><lastmod>2025-03-01T10:00:00Z</lastmod></url>
</urlset>
""",
    )
    w(root / "hub" / "floods", "<html><body><h1>Floods</h1></body></html>")
    w(
        root / "robots.txt",
        "User-agent: *\nDisallow: /search\nSitemap: https://apnews.com/sitemap.xml\nSitemap: https://apnews.com/news-sitemap-content.xml\n",
    )
    w(root / "_routes.json", json.dumps({f"/article/{blocked}": {"status": 403}}, indent=2) + "\n")


# ============================================================== MENAFN (inferred layout)
INFERRED = "<!-- INFERRED LAYOUT: no real MENAFN page was available. Text markers (dateline, ID line, disclaimer, error template, comments widget, doubled paragraphs) follow the survey and the seed page; tags and classes are this project's guess. -->"
DISCLAIMER = "MENAFN provides the information “as is” without warranty of any kind. We do not accept any responsibility or liability for the accuracy, content, images, videos, licenses, completeness, legality, or reliability of the information contained in this article. If you have any complaints or copyright issues related to this article, kindly contact the provider above."


def menafn_page(
    mid, slug, title, iso, shown, dateline, paras, idline, banner=False, doubled=False, twice=False
):
    url = f"https://menafn.com/{mid}/{slug}"
    ps = [f"<p>{dateline} {paras[0]}</p>"] + [f"<p>{p}</p>" for p in paras[1:]]
    if doubled:
        ps += [f"<p>{p}</p>" for p in paras[1:]]
    ids = [f"<p>{idline}</p>"] * (2 if twice else 1)
    banner_html = (
        """
<div class="error-page container">
  <h2 class="error-title">Sorry!!</h2>
  <p class="error-text">Error! We're sorry, but the page you were looking for doesn't exist.</p>
</div>"""
        if banner
        else ""
    )
    return f"""<!DOCTYPE html>
{INFERRED}
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(paras[0][:140])}">
<meta property="og:site_name" content="MENAFN">
<meta property="og:type" content="article">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:url" content="{url}">
<meta property="og:image" content="https://menafn.com/includes/img/logo.jpg">
<link rel="canonical" href="{url}">
</head>
<body>
<header class="site-header"><a class="logo" href="/"><img src="/images/menafn_smalllogo.jpg" alt="MENAFN"></a><nav><a href="/qn_news_story_s.aspx">Business</a> <a href="/qn_energy_story_s.aspx">Energy</a></nav></header>{banner_html}
<div class="container article-page">
  <h1 class="article-title">{html.escape(title)}</h1>
  <div class="article-date"><time datetime="{iso}">{shown}</time></div>
  <div class="article-body" id="articleBody">
    {"".join(ps)}
    {"".join(ids)}
    <div class="legal-disclaimer"><p><strong>Legal Disclaimer:</strong></p><p>{DISCLAIMER}</p></div>
  </div>
  <div class="comments-widget"><h3>Comments</h3><p>No comment</p></div>
</div>
<footer><p>Copyright © 2025 MENAFN. All rights reserved.</p></footer>
</body>
</html>
"""


MEN = [
    {
        "mid": "1110412233",
        "slug": "Gulf-Port-Operator-Adds-Cold-Storage-Berth",
        "title": "Gulf port operator adds cold storage berth",
        "iso": "2025-04-27T11:20:00+03:00",
        "shown": "4/27/2025 11:20:00 AM",
        "dateline": "(MENAFN- Qamar Business Daily)",
        "paras": [
            "A port operator on the Gulf coast said on Sunday it had opened a berth with 8,000 pallets of cold storage, the first of three planned for the harbour.",
            "The operator said the berth would serve fruit and pharmaceutical shipments from East Africa.",
            "Two more berths are due in 2026, it added.",
        ],
        "idline": "MENAFN27042025000219011054ID1110412233",
    },
    {
        "mid": "1110413088",
        "slug": "Regional-Grid-Operator-Reports-Record-Solar-Output",
        "title": "Regional grid operator reports record solar output",
        "iso": "2025-04-28T09:05:00+03:00",
        "shown": "4/28/2025 9:05:00 AM",
        "dateline": "(MENAFN)",
        "paras": [
            "A regional grid operator reported record solar output for April, saying panels met nearly a third of daytime demand on several days.",
            "The operator said new storage batteries allowed it to shift part of the midday surplus into the evening peak.",
            "Officials added that two more solar parks would connect to the grid before the summer.",
        ],
        "idline": "MENAFN28042025000045015839ID1110413088",
        "banner": True,
        "doubled": True,
        "twice": True,
    },
    {
        "mid": "1109900001",
        "slug": "Old-Energy-Story",
        "title": "Old energy story",
        "iso": "2025-02-02T09:00:00+03:00",
        "shown": "2/2/2025 9:00:00 AM",
        "dateline": "(MENAFN)",
        "paras": ["An old energy story."],
        "idline": "MENAFN02022025000045015839ID1109900001",
    },
]


def build_menafn(sites, data):
    root = sites / "menafn"
    for r in MEN:
        w(root / r["mid"] / r["slug"], menafn_page(**r))
    w(data / "menafn_syndicated.html", menafn_page(**MEN[0]))
    w(data / "menafn_banner.html", menafn_page(**MEN[1]))
    blocked = "1110413555/Currency-Markets-Steady-Ahead-Of-Rate-Decision"
    w(root / blocked, DATADOME % "menafn.com")

    def u(r):
        return f"https://menafn.com/{r['mid']}/{r['slug']}?src=RSS"

    def item(r, date):
        return rss_item(
            r["title"], u(r), date, "\n      <author>marketing@menafn.com (MENAFN)</author>"
        )

    sa = (
        item(MEN[0], "Sun, 27 Apr 2025 08:20:00 GMT")
        + item(MEN[1], "Mon, 28 Apr 2025 06:05:00 GMT")
        + rss_item(
            "Currency markets steady ahead of rate decision",
            f"https://menafn.com/{blocked}?src=RSS",
            "Mon, 28 Apr 2025 07:00:00 GMT",
        )
        + rss_item(
            "Withdrawn story",
            "https://menafn.com/1110413777/Withdrawn-Story?src=RSS",
            "Mon, 28 Apr 2025 07:30:00 GMT",
        )
    )
    en = item(MEN[1], "Mon, 28 Apr 2025 06:05:00 GMT") + item(
        MEN[2], "Sun, 02 Feb 2025 06:00:00 GMT"
    )
    for name, items, t in (
        ("menafn_sa.xml", sa, "MENAFN - Saudi Arabia"),
        ("menafn_energy.xml", en, "MENAFN - Energy"),
    ):
        w(
            root / "rss" / name,
            f"""<?xml version="1.0" encoding="utf-8"?>
<!-- INFERRED: the feed's element set is inferred from projects that read these feeds (author marketing@menafn.com, ?src=RSS links). -->
<rss version="2.0">
  <channel>
    <title>{t}</title>
    <link>https://menafn.com/</link>
    <description>{t}</description>
{items}  </channel>
</rss>
""",
        )
    w(root / "robots.txt", "User-agent: *\nDisallow: /admin/\n")
    w(
        root / "_routes.json",
        json.dumps(
            {f"/{MEN[1]['mid']}/{MEN[1]['slug']}": {"status": 403}, f"/{blocked}": {"status": 401}},
            indent=2,
        )
        + "\n",
    )


# ============================================================== Business Wire (feed host)
BW_TOKEN = "G1QFDERJXkJcFVJYWQ=="
BW = [
    {
        "rid": "20250424512345",
        "slug": "Halyard-Robotics-Raises-40-Million-Series-C",
        "title": "Halyard Robotics Raises $40 Million Series C",
        "date": "Thu, 24 Apr 2025 13:00:00 UTC",
        "desc": "<p>STAMFORD, Conn.--(BUSINESS WIRE)--Halyard Robotics today said it had raised $40 million in a Series C round to build warehouse picking arms.</p><p>The round was led by Wexford Lane Partners.</p>",
    },
    {
        "rid": "20250425600718",
        "slug": "Ketterby-Foods-to-Acquire-Marlow-Dairy",
        "title": "Ketterby Foods to Acquire Marlow Dairy",
        "date": "Fri, 25 Apr 2025 11:30:00 UTC",
        "desc": "<p>BENGALURU, India--(BUSINESS WIRE)-- #Dairy #Acquisition--Ketterby Foods Ltd. (NSE: KETTR) (BSE: KETTR) today agreed to acquire Marlow Dairy for ₹9.2 billion in cash.</p><p>The deal is expected to close in the third quarter.</p><p>About Ketterby Foods</p><p>Ketterby Foods makes packaged dairy products in southern India.</p><p>Contacts</p><p>Priya Raman, +91 80 5555 0101</p>",
    },
    {
        "rid": "20250301400001",
        "slug": "Old-Release",
        "title": "Old Release",
        "date": "Sat, 01 Mar 2025 10:00:00 UTC",
        "desc": "<p>CHICAGO--(BUSINESS WIRE)--An old release.</p>",
    },
]


def bw_url(r, ref):
    return f"https://www.businesswire.com/news/home/{r['rid']}/en/{r['slug']}?feedref={ref}"


def bw_feed(items, desc="Business Wire News: All News"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- INFERRED: element set of the all-news feed from the survey (guid = release id + language, feedref links, HTML excerpt). -->
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
  <channel>
    <title>Business Wire News</title>
    <link>https://www.businesswire.com/</link>
    <description>{desc}</description>
    <atom:link href="https://feed.businesswire.com/rss/home/?rss={BW_TOKEN}" rel="self" type="application/rss+xml"/>
{items}  </channel>
</rss>
"""


def build_bw(sites, data):
    root = sites / "businesswire"
    items = ""
    for r, ref in (
        (BW[0], "JjAwJuNHiystnCoBq_hl-Q"),
        (BW[1], "JjAwJuNHiystnCoBq_hl-Q"),
        (BW[1], "ZmVlZHJlZl9kdXA"),
        (BW[2], "JjAwJuNHiystnCoBq_hl-Q"),
    ):
        items += f"""    <item>
      <title>{html.escape(r["title"])}</title>
      <link>{html.escape(bw_url(r, ref))}</link>
      <guid isPermaLink="false">{r["rid"]}en</guid>
      <pubDate>{r["date"]}</pubDate>
      <description><![CDATA[{r["desc"]}]]></description>
      <category>Business</category>
    </item>
"""
    feed = bw_feed(items)
    w(root / "rss" / "home" / "index.html", feed)
    w(data / "businesswire_feed.xml", feed)
    bad = bw_feed(
        "",
        "RSS channel ID is not available in the request. Please make sure you have a valid RSS link.",
    )
    w(sites / "businesswire_bad_token" / "rss" / "home" / "index.html", bad)
    w(data / "businesswire_bad_token.xml", bad)
    w(
        root / "robots.txt",
        f"User-agent: *\nAllow: /\nSitemap: https://feed.businesswire.com/rss/home/?rss={BW_TOKEN}\n",
    )
    # www.businesswire.com answers non-browser clients with Akamai's 403 on every path
    w(
        root / "news" / "home" / BW[0]["rid"] / "en" / BW[0]["slug"],
        AKAMAI % "www.businesswire.com&#47;news&#47;home&#47;",
    )
    w(
        root / "_routes.json",
        json.dumps({f"/news/home/{BW[0]['rid']}/en/{BW[0]['slug']}": {"status": 403}}, indent=2)
        + "\n",
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python tests/sites/build.py", description=__doc__)
    parser.add_argument("--out", type=Path, default=TESTS,
                        help="folder that receives sites/ and data/wire/ (default: tests/)")
    args = parser.parse_args(argv)
    for build in (build_prn, build_gnw, build_ap, build_menafn, build_bw):
        build(args.out / "sites", args.out / "data" / "wire")
    print("ok")


if __name__ == "__main__":
    main()
