"""Wire datelines beyond the English form: cities in any cased script, day-first dates
without a year, and the Arabic, Chinese, Japanese and Korean wire openings.

Each pattern needs a wire marker (an agency in brackets or slashes, a dated ``电``, a
``(CITY=AGENCY)``): a capitalised word and a dash alone are the English pattern's, and
ordinary first sentences (a quote, an acronym, a Cyrillic sentence with a comma) never match.
"""

from __future__ import annotations

import re

# capitals of the cased scripts: Latin with its accents, Cyrillic, Greek
_UP = "A-ZÀ-ÖØ-Þ\u0400-\u042f\u0386\u0388-\u038f\u0391-\u03ab"
_CAP_WORD = rf"[{_UP}][{_UP}.'’\-]+"
_CITY = rf"{_CAP_WORD}(?:[ /]{_CAP_WORD}){{0,4}}"
_REGION = rf"(?:,[ ][{_UP}][^\W\d_][\w.'’\-]*(?:[ ][{_UP}][\w.'’\-]+){{0,2}})?"
# "2 декабря", "2 dic", "2 DIC", "9. April", optionally a year: only day-first dates
_DAY_MONTH = r",[ ]\d{1,2}\.?[ ][^\W\d_]{3,12}\.?(?:[ ]\d{4})?"
_AGENCY = rf"[{_UP}][\w.\-]*(?:[ ][{_UP}][\w.\-]*){{0,2}}"
_MARKER = (
    r"(?:[ ]?(?:-[ ])?\([^\W\d_][\w.\- ]{0,29}\)"  # (ANSA), (dpa), (ΑΠΕ-ΜΠΕ), - (ANSA)
    r"|[ ]?/[^/\n]{2,40}/"  # /ТАСС/
    rf"|[ ](?:—|–|-)[ ]{_AGENCY}(?=\.[ ]))"  # — РИА Новости.
)
_SEPARATOR = r"(?:\.?[ ]?(?:--|—|–|-)+|\.)[ ]?"
_CASED = re.compile(rf"^(?P<dateline>{_CITY}{_REGION}(?:{_DAY_MONTH})?{_MARKER}){_SEPARATOR}(?=\S)")

# القاهرة (رويترز) -   /   دبي، 2 ديسمبر (رويترز) -
_ARABIC_WORD = "[\u0600-\u06ff\u0750-\u077f]+"
_ARABIC = re.compile(
    rf"^(?P<dateline>{_ARABIC_WORD}(?:[ ]{_ARABIC_WORD}){{0,2}}(?:[،,][ ]?[^()\n]{{1,25}}?)?"
    rf"[ ]?\({_ARABIC_WORD}(?:[ ]{_ARABIC_WORD}){{0,3}}\))[ ]?(?:--|—|–|-)[ ]?(?=\S)"
)

_HAN = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_DATE_ZH = r"\d{1,2}月\d{1,2}日"
_OPEN, _CLOSE = "（(", "）)"
# 新华社北京12月2日电（记者 张三）  /  【北京12月2日】 / 【ワシントン共同】 / 【ワシントン＝山田太郎】
# / 東京（共同） / [서울=연합뉴스] / (서울=연합뉴스) 홍길동 기자 = (place and agency are one token
# each: "[매체=칼럼 이름]" is a column's header, not a dateline)
_CJK = re.compile(
    "^(?P<dateline>"
    rf"[{_HAN}]{{0,12}}?{_DATE_ZH}[电電](?=[{_OPEN}\s，,：:])(?:[ ]?[{_OPEN}][^{_CLOSE}\n]{{1,40}}[{_CLOSE}])?"
    rf"|【[^】\n]{{0,12}}{_DATE_ZH}[^】\n]{{0,12}}】"
    rf"|【[{_HAN}]{{1,10}}(?:共同|時事|[=＝][^】\n]{{1,12}})】"
    rf"|[{_HAN}]{{1,8}}[（(](?:共同|時事|[{_HAN}]{{1,6}}[社电電])[）)]"
    r"|[\[(][^\])=\s]{1,12}=[^\])=\s]{1,15}[\])](?:[ ][^=\n]{1,20}?[ ]?=(?=[ ]))?"
    ")"
    r"[ \u3000]?(?:--|—|–|-|－|―)?[ \u3000，,：:]?(?=\S)"
)

PATTERNS = (_CASED, _ARABIC, _CJK)


def match_dateline(head: str) -> re.Match[str] | None:
    """The first of the wire forms above that opens ``head``, if any."""
    for pattern in PATTERNS:
        if match := pattern.match(head):
            return match
    return None
