"""News pages in other languages and scripts, through ``scrapy crawl generic`` end to end.

The pages (``tests/data/i18n``, our own invented text, structure copied from real page kinds:
Chinese portals with full-width indents and ``标题_频道_网站`` titles, a Taiwanese paper, Japanese
portals, Korean ``<br>`` bodies with reporter and ⓒ lines (kept: real Korean pages' truth keeps
them), Arabic and Persian RTL pages, Russian,
Hindi, Thai, Vietnamese, Turkish, Greek, Indonesian; error pages and short briefs in several of
them) are served from 127.0.0.1 at story URLs and given to the spider as ``-a url=``: every story
is exported with its whole body and its printed headline, every error page goes to the rejects.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newscrawler.demo.server import start_server
from newscrawler.extract.headline import strip_title_suffix, vouches

from conftest import run_crawl

DATA = Path(__file__).parent / "data" / "i18n"

# page: (title, first words of the body, last words of the body, text that must not be there)
STORIES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "zh_portal": ("江南省今年将新建城乡公交线路120条 惠及沿线300万群众", "记者从江南省交通运输厅获悉",
                  "为城乡公交通行创造更好的条件。", ("责任编辑", "相关阅读", "版权所有", "两会前瞻")),
    "zh_wire": ("我国首条跨海高速铁路全线贯通", "15日上午，随着最后一段钢轨",
                "先后攻克了多项世界性技术难题。", ("纠错", "责任编辑", "版权所有", "无人机照片")),
    "zh_br": ("老城区完成首批雨污分流改造", "记者昨日从市住建局获悉", "（编辑：王芳）", ("上一篇", "版权所有")),
    "zh_tw": ("北部沿海鐵道明年全線雙軌化 通勤時間縮短二十分鐘", "交通部今天表示",
              "生活品質會好很多。」", ("延伸閱讀", "版權所有", "標籤")),
    "brief_zh": ("青岭隧道今晚起夜间封闭施工", "记者从市交通管理部门获悉",
                 "请驾驶人提前规划出行路线。", ("责任编辑",)),
    "brief_zh_teasers": ("滨江路今晚起夜间封闭施工", "记者从市交通管理部门获悉",
                         "服从现场交警指挥。", ("城东大桥", "地铁三号线")),
    "brief_zh_outage": ("市政务服务网昨日短暂中断 现已恢复", "昨天上午，不少市民反映",
                        "可于本周内补办。", ()),  # quotes an error page's words: a story
    "brief_ko_outage": ("구청 홈페이지 접속 장애 3시간 만에 복구", "24일 오전 구청 홈페이지에",
                        "park@hanbit.example.co.kr", ()),
    "ja": ("港町の市場、120年の歴史に幕 再開発で来春移転へ", "港町市の中央市場が来年3月末で",
           "展示スペースも設けたい」としている。", ("注目ニュース", "無断転載")),
    "ja_portal": ("県内の公立小中学校、夏休みを5日短縮へ", "県教育委員会は20日",
                  "点検を急ぐよう求めている。", ("関連記事", "猛暑日、過去最多に")),
    # no <h1>, no site name known: the <title>'s part the page prints is the headline
    "ja_divtitle": ("市立図書館、夜9時まで開館を延長 来月から", "港町市は21日", "職員を4人増やす。", ()),
    "brief_ja": ("港町市で震度3の地震 津波の心配なし", "19日午前5時3分ごろ", "津波の心配はない。", ()),
    "ko": ("바닷가 마을 해상풍력단지 착공…2028년 상업운전 목표", "남해안 바닷가 마을 앞바다에",
           "무단전재 및 재배포 금지", ("관련기사", "기념 촬영")),
    "ko_p": ("전통시장 상인들, 온라인 장보기 서비스 시작", "지역 전통시장 상인들이",
             "무단전재 및 재배포 금지>", ("관련기사", "많이 본 뉴스")),
    "brief_ko": ("[속보] 남해고속도로 상행선 5중 추돌…2명 부상", "23일 오전 7시 50분께",
                 "무단전재 및 재배포 금지", ()),
    "ar": ("افتتاح أكبر محطة لتحلية المياه على ساحل البحر الأحمر", "افتتحت الحكومة اليوم الثلاثاء",
           "بعد انتهاء مرحلة الاختبارات الفنية.", ("الأكثر قراءة", "جميع الحقوق محفوظة")),
    "brief_ar": ("إغلاق مؤقت لطريق الكورنيش بسبب أعمال الصيانة", "أعلنت إدارة المرور",
                 "إلى استخدام الطرق البديلة.", ()),
    "brief_th": ("ปิดถนนเลียบคลองชั่วคราว 3 วัน ซ่อมท่อประปา", "การประปานครหลวงแจ้งปิดถนน",
                 "ไปใช้เส้นทางอื่น", ()),
    "brief_hi": ("शहर में कल दो घंटे बिजली कटौती", "बिजली विभाग ने बताया", "बिजली बंद रहेगी।", ()),
    "brief_ru": ("На трассе у Приречья ограничат движение", "С 12 по 14 февраля",
                 "сообщили в дорожной службе.", ()),
    "fa": ("آغاز ساخت بزرگ‌ترین کتابخانه عمومی شمال کشور", "عملیات ساخت بزرگ‌ترین کتابخانه",
           "کمک خیرین تأمین می‌شود.", ("کلیه حقوق",)),
    "ru": ("В Приречье открыли первый в регионе крытый ледовый стадион", "В Приречье после трёх лет",
           "предусмотрены скидки.", ("Читайте также", "Все права защищены")),
    "hi": ("नदी किनारे बसे गांवों में बाढ़ से पहले बनेंगे नए तटबंध", "राज्य सरकार ने मानसून से पहले",
           "मांग भी की है।", ("ये भी पढ़ें", "सर्वाधिकार")),
    "th": ("กรุงเทพฯ เตรียมเปิดสวนสาธารณะริมคลองแห่งใหม่ ปลายปีนี้", "กรุงเทพมหานครเตรียมเปิด",
           "ช่วยให้คลองสะอาดขึ้นด้วย", ("ข่าวที่เกี่ยวข้อง", "สงวนลิขสิทธิ์")),
    "vi": ("Hà Nội khởi công tuyến xe buýt điện ven sông Hồng", "Tuyến xe buýt điện dài 18 km",
           "thường xuyên ùn tắc.", ("Bản quyền",)),
    "tr": ("Ege kıyısındaki antik kentte yeni mozaikler bulundu", "Ege kıyısındaki antik kentte bu yaz",
           "katkı sağlayacağını söyledi.", ("Tüm hakları",)),
    "el": ("Νέα γραμμή τραμ θα συνδέει το λιμάνι με το κέντρο της πόλης", "Σε δημόσια διαβούλευση",
           "έως το τέλος Νοεμβρίου.", ("επιφύλαξη",)),
    "id": ("Pemkot resmikan pasar tradisional modern di tepi sungai", "Pemerintah kota meresmikan",
           "dalam waktu dekat.", ("Baca juga", "Copyright")),
}
ERROR_PAGES = {"err_zh": "soft404", "err_ja": "soft404", "err_ko": "soft404", "err_ar": "soft404",
               "err_ru": "soft404", "err_th": "soft404", "err_vi": "soft404", "err_hi": "soft404",
               "err_zh_botwall": "blocked"}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("i18n")
    day = workdir / "site" / "2024" / "05" / "12"
    day.mkdir(parents=True)
    names = sorted(p.stem for p in DATA.glob("*.html"))
    assert set(STORIES) | set(ERROR_PAGES) == set(names)
    for name in names:
        shutil.copy(DATA / f"{name}.html", day / f"{name}.html")
    with start_server(root=workdir / "site") as server:
        urls = ",".join(f"{server.base_url}/2024/05/12/{name}.html" for name in names)
        result = run_crawl("generic", workdir, f"url={urls}")
    assert result.returncode == 0, result.log[-2000:]
    items = {Path(urlsplit(i["url"]).path).stem: i for i in result.items}
    rejects_file = result.feed.with_name("out.rejects.jsonl")
    rejects = {}
    if rejects_file.exists():
        for line in rejects_file.read_text(encoding="utf-8").splitlines():
            reject = json.loads(line)
            rejects[Path(urlsplit(reject["url"]).path).stem] = reject
    return items, rejects


@pytest.mark.parametrize("name", sorted(STORIES))
def test_story_is_exported_whole_with_its_headline(crawl, name):
    items, rejects = crawl
    assert name in items, rejects.get(name, "not judged a story")
    item = items[name]
    title, first, last, absent = STORIES[name]
    assert item["title"] == title
    body = item["body"]
    assert body.startswith(first), body[:200]
    assert body.endswith(last), body[-200:]
    for piece in absent:
        assert piece not in body, piece


@pytest.mark.parametrize("name", sorted(ERROR_PAGES))
def test_error_page_and_bot_wall_are_rejected(crawl, name):
    items, rejects = crawl
    assert name not in items
    assert rejects[name]["reason"] == ERROR_PAGES[name]


def test_full_width_indent_after_one_br_opens_a_paragraph(crawl):
    items, _ = crawl
    paragraphs = items["zh_br"]["body"].split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[2] == "家住东门小区的张阿姨说：“以前下大雨，楼下的路全是脏水，现在再也不用担心了。”"


def test_descriptions_and_languages(crawl):
    items, _ = crawl
    assert items["zh_portal"]["description"].startswith("江南省交通运输厅5日发布消息")
    assert items["zh_tw"]["description"] is None  # the og:description is the lead paragraph
    assert items["zh_wire"]["description"] is None  # ... cut short at so many characters
    languages = {name: items[name]["language"] for name in STORIES}
    assert languages["zh_tw"].startswith("zh")
    assert {languages[name] for name in ("ko", "ar", "fa", "th", "hi", "el")} == {
        "ko", "ar", "fa", "th", "hi", "el"}


@pytest.mark.parametrize(("title", "h1", "expected"), [
    # the <title> carries the headline's first clause only: the printed <h1> is the headline
    ("江南省今年将新建城乡公交线路120条_东岸网", "江南省今年将新建城乡公交线路120条 惠及沿线300万群众", True),
    # lightly edited
    ("江南省今年新建城乡公交线路120条 惠及沿线300万群众", "江南省今年将新建城乡公交线路120条 惠及沿线300万群众", True),
    # a long SEO tail after the headline
    ("बाढ़ से पहले बनेंगे नए तटबंध - Bihar News in Hindi, Latest Hindi Samachar | दर्पण",
     "बाढ़ से पहले बनेंगे नए तटबंध", True),
    # a bracketed label the <h1> leaves out
    ("【速報】港町市で震度3の地震：港町新聞", "港町市で震度3の地震", True),
    ("[속보] 남해고속도로 상행선 5중 추돌 | 한빛일보", "남해고속도로 상행선 5중 추돌", True),
    # a topic is no headline
    ("两会前瞻_东岸网", "两会前瞻：今年经济工作怎么干", False),
    ("经济频道_东岸网", "经济", False),
])
def test_metadata_title_vouches_for_printed_headline(title, h1, expected):
    assert (vouches(title, h1) or vouches(strip_title_suffix(title), h1)) is expected


@pytest.mark.parametrize(("title", "expected"), [
    ("江南省今年将新建城乡公交线路120条 惠及沿线300万群众_东岸新闻_东岸网",
     "江南省今年将新建城乡公交线路120条 惠及沿线300万群众"),
    ("暴雨来袭 多地启动应急响应丨东岸网", "暴雨来袭 多地启动应急响应"),
    ("中方回应某国新一轮制裁-新华网", "中方回应某国新一轮制裁"),
    ("中方回应某国新一轮制裁—新华网", "中方回应某国新一轮制裁"),
    ("江南省今年将新建城乡公交线路120条——专访交通厅长", "江南省今年将新建城乡公交线路120条——专访交通厅长"),
    ("江南省今年将新建城乡公交线路120条--社会--东岸网", "江南省今年将新建城乡公交线路120条"),
    ("港町の市場、120年の歴史に幕｜港町新聞", "港町の市場、120年の歴史に幕"),
    ("전통시장 상인들, 온라인 장보기 서비스 시작 < 사회 < 기사본문 - 새벽신문", "전통시장 상인들, 온라인 장보기 서비스 시작"),
    ("foo_bar release notes for the wire", "foo_bar release notes for the wire"),
])
def test_title_suffix_without_spaces_is_cut(title, expected):
    assert strip_title_suffix(title) == expected
