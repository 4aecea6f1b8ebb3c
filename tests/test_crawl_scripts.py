"""Stories in scripts written without spaces, found only by links, are stories.

No JSON-LD, no ``og:type``, a URL that says nothing: only the amount of prose decides, and a
Chinese or Thai story must not read as "ten words" because its words have no spaces.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from conftest import run_crawl

HOME = """<!doctype html><html><head><title>江畔新闻</title></head><body>
<nav><a href="/">首页</a> <a href="/pindao/jingji">经济</a></nav>
<ul>
<li><a href="/wen/qiaoliang">江畔大桥今日通车</a></li>
<li><a href="/khao/saphan">สะพานใหม่เปิดใช้แล้ว</a></li>
</ul>
</body></html>"""

ZH_STORY = """<!doctype html><html lang="zh"><head><meta charset="utf-8">
<title>江畔大桥今日通车</title></head><body>
<nav><a href="/">首页</a> <a href="/pindao/jingji">经济</a></nav>
<h1>江畔大桥今日通车</h1>
<p>经过三年的建设，连接江畔新区和老城区的江畔大桥于今天上午正式通车。市交通局表示，大桥全长两千四百米，设有双向六车道和一条独立的自行车道，预计每天可承载约五万辆次的车流量。</p>
<p>通车仪式在桥头广场举行，数百名市民冒雨前来观看。家住老城区的王女士说，以前去新区上班要绕行近一个小时，现在二十分钟就能到达，生活方便了很多。</p>
<p>据介绍，大桥的建设采用了多项新技术，桥面铺装材料能够有效降低噪音。交通部门提醒，通车初期将实行临时限速，请驾驶人注意道路标志，文明出行。</p>
</body></html>"""

TH_STORY = """<!doctype html><html lang="th"><head><meta charset="utf-8">
<title>สะพานใหม่เปิดใช้แล้ว</title></head><body>
<h1>สะพานใหม่เปิดใช้แล้ว</h1>
<p>เมื่อเช้าวันนี้ เทศบาลเมืองริมน้ำได้จัดพิธีเปิดสะพานข้ามแม่น้ำแห่งใหม่อย่างเป็นทางการ หลังจากใช้เวลาก่อสร้างนานกว่าสามปี สะพานนี้มีความยาวประมาณสองกิโลเมตรและมีช่องทางสำหรับรถจักรยานแยกต่างหาก</p>
<p>ชาวบ้านจำนวนมากเดินทางมาร่วมงานแม้ว่าฝนจะตกตลอดช่วงเช้า คุณสมศรีซึ่งอาศัยอยู่ฝั่งตะวันออกของเมืองกล่าวว่า เมื่อก่อนต้องใช้เวลาเดินทางไปทำงานเกือบหนึ่งชั่วโมง แต่ตอนนี้ใช้เวลาเพียงยี่สิบนาทีเท่านั้น</p>
<p>เจ้าหน้าที่กรมทางหลวงแจ้งว่าในช่วงสัปดาห์แรกจะมีการจำกัดความเร็วชั่วคราว และขอให้ผู้ขับขี่ปฏิบัติตามป้ายจราจรอย่างเคร่งครัดเพื่อความปลอดภัยของทุกคน</p>
</body></html>"""

ZH_TAG = """<!doctype html><html lang="zh"><head><meta charset="utf-8">
<title>经济频道</title></head><body>
<nav><a href="/">首页</a></nav>
<h1>经济</h1>
<ul>
<li><a href="/wen/qiaoliang">江畔大桥今日通车</a></li>
<li><a href="/wen/qiaoliang#pinglun">大桥通车首日车流平稳</a></li>
<li><a href="/">新区商场周末开业</a></li>
<li><a href="/">老城区菜市场完成改造</a></li>
</ul>
</body></html>"""


def test_chinese_and_thai_stories_found_by_links_are_exported(tmp_path, serve_dir):
    site = tmp_path / "site"
    for folder in ("wen", "khao", "pindao"):
        (site / folder).mkdir(parents=True)
    (site / "index.html").write_text(HOME, encoding="utf-8")
    (site / "wen" / "qiaoliang").write_text(ZH_STORY, encoding="utf-8")
    (site / "khao" / "saphan").write_text(TH_STORY, encoding="utf-8")
    (site / "pindao" / "jingji").write_text(ZH_TAG, encoding="utf-8")
    server = serve_dir(site)

    result = run_crawl("generic", tmp_path, f"url={server.base_url}/")

    assert result.returncode == 0, result.log[-2000:]
    paths = sorted(urlsplit(item["url"]).path for item in result.items)
    assert paths == ["/khao/saphan", "/wen/qiaoliang"], result.log[-3000:]
    bodies = {urlsplit(item["url"]).path: item["body"] for item in result.items}
    assert "江畔大桥" in bodies["/wen/qiaoliang"]
    assert "สะพาน" in bodies["/khao/saphan"]
