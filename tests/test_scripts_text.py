"""Words and datelines in scripts other than Latin (our own invented text in each script)."""

from __future__ import annotations

import time

import pytest

from newscrawler.utils.text import split_dateline, word_count


# --- the word counter -------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The harbour council approved two early crossings on Tuesday.",
    "U.S.-based Acme — the maker of 3.5-inch drives — said so.",
    "Совет гавани одобрил два ранних рейса во вторник.",
    "Το λιμενικό συμβούλιο ενέκρινε δύο πρωινά δρομολόγια.",
    "وافق مجلس الميناء على رحلتين مبكرتين يوم الثلاثاء.",
    "Die Hafenbehörde genehmigte zwei frühe Überfahrten.",
])
def test_spaced_scripts_count_as_split(text):
    assert word_count(text) == len(text.split())


def test_hangul_uses_spaces_and_counts_by_them():
    assert word_count("항구 위원회는 화요일 이른 운항 두 편을 승인했다.") == 8


def test_chinese_and_japanese_count_two_characters_a_word():
    zh = "江畔新区和老城区之间的大桥今天上午正式通车"  # 21 characters: eleven words
    assert word_count(zh) == 11
    assert word_count("港湾委員会は火曜日、早朝便を承認した。") >= 8
    # CJK punctuation is no word and no character of one; numbers inside count as words
    assert word_count("大桥全长2400米，设有6车道。") == word_count("大桥全长米设有车道") + 2


@pytest.mark.parametrize(("text", "low", "high"), [
    ("เทศบาลเมืองริมน้ำได้จัดพิธีเปิดสะพานข้ามแม่น้ำแห่งใหม่อย่างเป็นทางการ", 12, 17),  # Thai
    ("ເທດສະບານເມືອງໄດ້ເປີດຂົວໃໝ່ຢ່າງເປັນທາງການ", 7, 11),  # Lao
    ("សាលាក្រុងបានបើកស្ពានថ្មីជាផ្លូវការ", 6, 9),  # Khmer
    ("မြို့တော်ကောင်စီသည်တံတားအသစ်ကိုဖွင့်လှစ်ခဲ့သည်", 8, 13),  # Myanmar
])
def test_scripts_without_spaces_estimate_words_from_characters(text, low, high):
    assert low <= word_count(text) <= high
    assert word_count(text) > len(text.split())


def test_mixed_text_adds_its_parts():
    assert word_count("Acme 江畔大桥 opens") == 2 + 2


def test_huge_texts_are_counted_in_bounded_time_and_exactly_when_spaced():
    text = "word " * 3_000_000  # 15 MB
    start = time.perf_counter()
    assert word_count(text) == 3_000_000
    assert word_count("江畔" * 3_000_000) == 3_000_000
    assert time.perf_counter() - start < 5


# --- datelines --------------------------------------------------------------------------
@pytest.mark.parametrize(("paragraph", "dateline", "rest"), [
    ("МОСКВА, 2 декабря. /ТАСС/. Кабинет одобрил проект бюджета.",
     "МОСКВА, 2 декабря. /ТАСС/", "Кабинет одобрил проект бюджета."),
    ("МОСКВА, 2 дек — РИА Новости. Кабинет одобрил проект бюджета.",
     "МОСКВА, 2 дек — РИА Новости", "Кабинет одобрил проект бюджета."),
    ("ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) - Η κυβέρνηση ανακοίνωσε νέα μέτρα.",
     "ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ)", "Η κυβέρνηση ανακοίνωσε νέα μέτρα."),
    ("القاهرة (رويترز) - قالت الحكومة إنها ستخفض الأسعار.",
     "القاهرة (رويترز)", "قالت الحكومة إنها ستخفض الأسعار."),
    ("新华社北京12月2日电（记者 李江）国务院今天发布新规定。",
     "新华社北京12月2日电（记者 李江）", "国务院今天发布新规定。"),
    ("【北京12月2日】国务院今天发布新规定。", "【北京12月2日】", "国务院今天发布新规定。"),
    ("【ワシントン共同】米政府は2日、新たな制裁を発表した。", "【ワシントン共同】",
     "米政府は2日、新たな制裁を発表した。"),
    ("東京（共同）政府は2日、新しい対策を決めた。", "東京（共同）", "政府は2日、新しい対策を決めた。"),
    ("[서울=연합뉴스] 정부는 오늘 새 정책을 발표했다.", "[서울=연합뉴스]", "정부는 오늘 새 정책을 발표했다."),
    ("(서울=연합뉴스) 김민수 기자 = 정부는 오늘 새 정책을 발표했다.", "(서울=연합뉴스) 김민수 기자 =",
     "정부는 오늘 새 정책을 발표했다."),
    ("BERLIN (dpa) - Die Regierung hat neue Regeln beschlossen.", "BERLIN (dpa)",
     "Die Regierung hat neue Regeln beschlossen."),
    ("PARIS (AFP) - Le gouvernement a annoncé des mesures.", "PARIS (AFP)",
     "Le gouvernement a annoncé des mesures."),
    ("MADRID, 2 dic (EFE).- El Gobierno aprobó nuevas medidas.", "MADRID, 2 dic (EFE)",
     "El Gobierno aprobó nuevas medidas."),
    ("ROMA, 2 DIC - (ANSA) - Il governo ha approvato nuove misure.", "ROMA, 2 DIC - (ANSA)",
     "Il governo ha approvato nuove misure."),
    ("SÃO PAULO (Reuters) - O governo anunciou novas medidas.", "SÃO PAULO (Reuters)",
     "O governo anunciou novas medidas."),
])
def test_wire_datelines_in_other_scripts_and_languages(paragraph, dateline, rest):
    assert split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize("paragraph", [
    "NASA said on Monday it would delay the launch.",
    "NATO-led forces left the base on Monday.",
    "U.S.-China trade talks resumed on Monday.",
    '"We will not stop," she said on Monday.',
    "“ХВАТИТ” — написали протестующие на плакатах.",
    "UPDATE 2-Oil prices rise on supply worries",
    "Москва, как сообщили в мэрии, закрыла парк.",
    "МВД, ФСБ и прокуратура начали проверку.",
    "США, Китай и Россия подписали соглашение.",
    "Он сказал (в интервью) - что всё хорошо.",
    "ACME (NYSE: ACME) - Acme said on Monday.",
    "我（笔者）认为这个问题很重要。",
    "他12月2日电话通知了公司。",
    "【独家】大桥今日通车。",
    "قال الرئيس إن الحكومة ستخفض الأسعار.",
])
def test_ordinary_first_sentences_keep_their_opening(paragraph):
    assert split_dateline(paragraph) == (None, paragraph)
