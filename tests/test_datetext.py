"""Dates printed in text, in the scripts and calendars news is written in (our own sentences)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newscrawler.utils.calendars import fold, month_number
from newscrawler.utils.datetext import find_date


@pytest.mark.parametrize(("text", "expected"), [
    # Cyrillic: Russian, Ukrainian, Bulgarian, Serbian (genitive names, "г.", "року")
    ("Опубликовано: 5 марта 2024 г., 14:20", "2024-03-05T14:20:00"),
    ("Новости порта, 12 ноября 2023 года", "2023-11-12"),
    ("Київ, 5 березня 2024 року о 09:05", "2024-03-05T09:05:00"),
    ("Публикувано на 5 март 2024 г.", "2024-03-05"),
    ("Објављено 5. децембар 2023.", "2023-12-05"),
    ("Опубликовано 05.03.2024 14:20", "2024-03-05T14:20:00"),
    # Greek, with and without accents (capitals drop them)
    ("Δημοσίευση: 5 Μαρτίου 2024, 14:20", "2024-03-05T14:20:00"),
    ("05 ΜΑΡΤΙΟΥ 2024", "2024-03-05"),
    # Hungarian (year first), Croatian, Slovene, Slovak, Lithuanian, Latvian, Estonian
    ("Közzétéve: 2024. március 5. 14:20", "2024-03-05T14:20:00"),
    ("2024. márc. 5.", "2024-03-05"),
    ("Objavljeno 5. ožujka 2024. u 14:20", "2024-03-05T14:20:00"),
    ("Objavljeno 5. marca 2024", "2024-03-05"),
    ("Publikované 5. septembra 2023", "2023-09-05"),
    ("Paskelbta 2024 m. kovo 5 d. 14:20", "2024-03-05T14:20:00"),
    ("Publicēts 2024. gada 5. marts", "2024-03-05"),
    ("Avaldatud 5. märts 2024", "2024-03-05"),
    # Catalan ("d'abril"), Swedish, Malay, Belarusian, Azerbaijani, Urdu, Punjabi, Telugu, Malayalam
    ("Publicat el 5 d’abril de 2024, 14:20", "2024-04-05T14:20:00"),
    ("5 augusti 2024", "2024-08-05"),
    ("5 Ogos 2024", "2024-08-05"),
    ("5 сакавіка 2024", "2024-03-05"),
    ("5 iyun 2024", "2024-06-05"),
    ("5 مارچ 2024", "2024-03-05"),
    ("5 ਮਾਰਚ 2024", "2024-03-05"),
    ("5 మార్చి 2024", "2024-03-05"),
    ("5 മാർച്ച് 2024", "2024-03-05"),
    # Vietnamese, Indonesian, Tagalog, Swahili
    ("Cập nhật lúc ngày 5 tháng 3 năm 2024", "2024-03-05"),
    ("Diterbitkan 5 Maret 2024, 14:20 WIB", "2024-03-05T14:20:00"),
    ("Inilathala noong 5 Marso 2024", "2024-03-05"),
    ("Imechapishwa 5 Machi 2024", "2024-03-05"),
    # Arabic: Egyptian/Gulf, Levantine and Maghreb names, Arabic-Indic digits; Persian digits
    ("نشر في الثلاثاء 5 مارس 2024 - 14:20", "2024-03-05T14:20:00"),
    ("٥ آذار ٢٠٢٤", "2024-03-05"),
    ("\u200f5 مارس\u200f 2024\u200f", "2024-03-05"),
    ("5 كانون الثاني 2024", "2024-01-05"),
    # the month in both calendars' names, as Levantine papers print it
    ("الأربعاء، 4 أيلول/سبتمبر 2019، آخر تحديث 11:30", "2019-09-04"),
    ("5 كانون الثاني/يناير 2024 - 14:20", "2024-01-05T14:20:00"),
    ("12 جويلية 2023", "2023-07-12"),
    ("۵ مارس ۲۰۲۴", "2024-03-05"),
    # Persian papers print the Solar Hijri calendar (15 Esfand 1402 is 5 March 2024)
    ("تاریخ انتشار: ۱۵ اسفند ۱۴۰۲ - ۱۴:۲۰", "2024-03-05T14:20:00"),
    ("۱۱ دی ۱۴۰۲", "2024-01-01"),
    # Hebrew (the "in" prefix glued to the month), Devanagari, Bengali, Tamil
    ("פורסם 5 במרץ 2024", "2024-03-05"),
    ("प्रकाशित: 5 मार्च 2024, 14:20", "2024-03-05T14:20:00"),
    ("5 फ़रवरी 2024", "2024-02-05"),
    ("5 जानेवारी 2024", "2024-01-05"),
    ("৫ মার্চ ২০২৪", "2024-03-05"),
    ("5 மார்ச் 2024", "2024-03-05"),
    # Thai: Buddhist-era years (Gregorian + 543), abbreviated months with dots
    ("5 มีนาคม 2567", "2024-03-05"),
    ("เผยแพร่ 5 มี.ค. 2567 14:20 น.", "2024-03-05T14:20:00"),
    ("5 มีนาคม พ.ศ. 2567", "2024-03-05"),
    # Chinese, Japanese, Korean; full-width digits
    ("发布时间：2024年3月5日 14:20", "2024-03-05T14:20:00"),
    ("2024年03月05日(火) 14時20分", "2024-03-05T14:20:00"),
    ("２０２４年３月５日", "2024-03-05"),
    ("2024/03/05", "2024-03-05"),
    ("입력 2024.03.05 14:20", "2024-03-05T14:20:00"),
    ("2024년 3월 5일 14:20", "2024-03-05T14:20:00"),
    ("기사입력 :[ 2018-08-25 15:24 ]", "2018-08-25T15:24:00"),
    ("2024. 03. 05. 14:20", "2024-03-05T14:20:00"),
    # the half of the day before a CJK time
    ("2024年3月5日 午後2時20分", "2024-03-05T14:20:00"),
    ("2024.03.05 오후 2:20", "2024-03-05T14:20:00"),
    ("2024년 3월 5일 오전 9:05", "2024-03-05T09:05:00"),
    ("5 مارس 2024 الساعة 14:20", "2024-03-05T14:20:00"),
    # a two-digit year, only with its time
    ("05.03.24 14:20", "2024-03-05T14:20:00"),
])
def test_date_in_each_script(text: str, expected: str) -> None:
    assert find_date(text, day_first=True) == expected


@pytest.mark.parametrize(("text", "day_first", "expected"), [
    ("05/03/2024", True, "2024-03-05"),
    ("05/03/2024", False, "2024-05-03"),
    ("13/03/2024", False, "2024-03-13"),  # a number past 12 is the day
    ("03/13/2024", True, "2024-03-13"),
    ("05.03.2024", False, "2024-03-05"),  # dots are day first everywhere
    ("05-03-2024", True, "2024-03-05"),
])
def test_numeric_order(text: str, day_first: bool, expected: str) -> None:
    assert find_date(text, day_first=day_first) == expected


@pytest.mark.parametrize("text", [
    "2024.13.05", "31/02/2024", "Call 555-1234", "05.03.24 in the second half", "Updated 12.00",
    "Room 2024, floor 3",
])
def test_impossible_or_no_date(text: str) -> None:
    assert find_date(text, day_first=True) is None


def test_a_future_date_is_never_the_page_s() -> None:
    ahead = date.today() + timedelta(days=40)
    text = f"Final on {ahead.day} {ahead.strftime('%B')} {ahead.year}; posted 5 March 2024"
    assert find_date(text) == "2024-03-05"


def test_month_shared_by_two_languages_follows_the_page_s_language() -> None:
    # Polish and Czech "listopad" is November, Croatian October
    assert find_date("5. listopada 2023.") == "2023-11-05"
    assert find_date("5. listopada 2023.", language="hr") == "2023-10-05"
    assert month_number("ΜΑΡΤΙΟΥ") == 3


def test_fold_reads_every_script_s_digits() -> None:
    assert fold("٢٠٢٤ ۱۴۰۲ ২০২৪ ２０２４：") == "2024 1402 2024 2024:"
    assert fold("plain") == "plain"
