from __future__ import annotations

import pytest

from newscrawler.utils.language import detect_language, normalize_language

# Short news paragraphs written for these tests, one or two sentences of wire copy.
PARAGRAPHS: dict[str, str] = {
    "en": (
        "The central bank said on Tuesday that it would keep interest rates on hold for the "
        "rest of the year, citing slower growth and a labour market that has cooled more "
        "quickly than officials had expected in the spring."
    ),
    "de": (
        "Die Bundesregierung hat am Dienstag einen Entwurf für den Haushalt des kommenden "
        "Jahres vorgelegt. Der Finanzminister sagte, dass die Ausgaben für Verteidigung und "
        "Bildung steigen sollen, während bei den Subventionen gespart wird."
    ),
    "fr": (
        "Le gouvernement a présenté mardi un projet de loi sur les retraites qui prévoit de "
        "relever l'âge légal de départ. Les syndicats ont appelé à une nouvelle journée de "
        "mobilisation dans toute la France la semaine prochaine."
    ),
    "es": (
        "El Gobierno aprobó este martes un nuevo paquete de medidas para contener la subida "
        "de los precios de la energía. Según el ministerio, las ayudas llegarán a más de dos "
        "millones de hogares durante los próximos meses."
    ),
    "it": (
        "Il governo ha approvato ieri sera il decreto sulle bollette, che prevede nuovi aiuti "
        "per le famiglie e per le imprese. Secondo il ministro, le misure saranno in vigore "
        "fino alla fine dell'anno e costeranno circa tre miliardi."
    ),
    "pt": (
        "O governo anunciou nesta terça-feira um novo pacote de medidas para conter a alta "
        "dos preços dos alimentos. Segundo o ministro, os recursos serão destinados às "
        "famílias de baixa renda e devem chegar até o fim do mês."
    ),
    "nl": (
        "Het kabinet heeft dinsdag een nieuw plan gepresenteerd om de woningnood aan te "
        "pakken. Volgens de minister moeten er de komende jaren meer betaalbare huizen "
        "worden gebouwd, maar gemeenten zijn kritisch over de financiering."
    ),
    "tr": (
        "Merkez Bankası salı günü yaptığı açıklamada faiz oranlarını sabit bıraktığını "
        "duyurdu. Banka, enflasyonun yılın ikinci yarısında düşmeye başlayacağını ve bu "
        "nedenle daha sıkı bir politikaya gerek olmadığını belirtti."
    ),
    "pl": (
        "Rząd przyjął we wtorek projekt ustawy o podatkach, który ma wejść w życie od "
        "przyszłego roku. Według ministra finansów zmiany nie obejmą jednak osób, które "
        "zarabiają mniej niż średnia krajowa, i są potrzebne dla budżetu."
    ),
    "sv": (
        "Regeringen presenterade på tisdagen ett nytt förslag om att sänka skatten för "
        "pensionärer. Enligt finansministern ska förändringen gälla från och med nästa år, "
        "men oppositionen säger att det inte räcker för att möta de höga priserna."
    ),
    "ru": (
        "Правительство во вторник утвердило новый план поддержки малого бизнеса. По словам "
        "министра, программа будет действовать до конца года, а объём выделенных средств "
        "составит около десяти миллиардов рублей. Эксперты считают, что этого недостаточно."
    ),
    "uk": (
        "Уряд у вівторок затвердив нову програму підтримки малого бізнесу. За словами "
        "міністра, програма діятиме до кінця року, а її обсяг становитиме близько десяти "
        "мільярдів гривень. Експерти вважають, що цього не вистачить для всіх підприємців."
    ),
    "ar": (
        "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم الشركات الصغيرة والمتوسطة في البلاد. "
        "وقال الوزير إن البرنامج سيستمر حتى نهاية العام، وإن قيمة التمويل ستصل إلى عشرة "
        "مليارات دولار، في حين يرى خبراء أن هذه الخطوة غير كافية لمواجهة الأزمة."
    ),
    "zh": (
        "国家统计局周二公布的数据显示，今年第一季度国内生产总值同比增长百分之五点三，"
        "高于市场预期。分析人士认为，消费和出口的回暖是经济增长的主要动力。"
    ),
    "ja": (
        "政府は25日の閣議で、物価高騰に対応するための新たな経済対策を決定した。"
        "首相は記者会見で、家計の負担を軽減するため、電気代やガス代の補助を年末まで"
        "延長すると述べた。"
    ),
    "ko": (
        "정부는 25일 국무회의를 열고 물가 안정을 위한 새로운 경제 대책을 확정했다. "
        "총리는 기자회견에서 가계 부담을 줄이기 위해 전기 요금과 가스 요금 지원을 "
        "연말까지 연장하겠다고 밝혔다."
    ),
    "el": (
        "Η κυβέρνηση ανακοίνωσε την Τρίτη ένα νέο πακέτο μέτρων για τη στήριξη των "
        "νοικοκυριών απέναντι στην αύξηση των τιμών της ενέργειας. Σύμφωνα με τον υπουργό, "
        "τα μέτρα θα ισχύσουν μέχρι το τέλος του έτους."
    ),
    "he": (
        "הממשלה אישרה ביום שלישי תוכנית חדשה לסיוע לעסקים קטנים ובינוניים ברחבי המדינה. "
        "לדברי השר, התוכנית תימשך עד סוף השנה והיקף הסיוע יגיע לכעשרה מיליארד שקלים, "
        "אך מומחים סבורים כי אין בכך די."
    ),
}


@pytest.mark.parametrize(("expected", "text"), sorted(PARAGRAPHS.items()))
def test_detect_language(expected: str, text: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Breaking news",
        "Reuters",
        "Apple Microsoft Google Amazon Meta Nvidia Tesla",
        "2016-04-25 09:30 12345 67890",
        "東京",
        "Москва",
        # 20+ words, but nothing but names: no stopword evidence.
        " ".join(["Obama", "Merkel", "Hollande", "Renzi", "Rajoy", "Putin", "Erdogan"] * 4),
        # Cyrillic without any Russian-only letter is not claimed as Russian (Serbian).
        (
            "Влада је у уторак усвојила нови план подршке малим предузећима у целој земљи "
            "према речима министра програм ће трајати до краја године а вредност подршке "
            "биће око десет милијарди динара"
        ),
    ],
)
def test_detect_language_weak_evidence(text: str) -> None:
    assert detect_language(text) is None


def test_detect_language_mixed_text_uses_majority() -> None:
    text = PARAGRAPHS["de"] + " (Reuters) Berlin, Frankfurt, München."
    assert detect_language(text) == "de"
    # Latin brand names inside Japanese text do not make it Latin.
    assert detect_language(PARAGRAPHS["ja"] + " Toyota Sony") == "ja"


def test_detect_language_only_reads_the_start() -> None:
    text = (PARAGRAPHS["fr"] + " ") * 10 + PARAGRAPHS["en"] * 40
    assert len(text) - 40 * len(PARAGRAPHS["en"]) > 2000
    assert detect_language(text) == "fr"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("en-US", "en"),
        ("EN-gb", "en"),
        ("pt_BR", "pt"),
        ("pt-br", "pt"),
        ("zh-Hant-TW", "zh"),
        ("zh-CN", "zh"),
        ("sr-Latn-RS", "sr"),
        ("  de-DE  ", "de"),
        ("en-US,en;q=0.9", "en"),
        ("fr, en", "fr"),
        ("eng", "en"),
        ("ger", "de"),
        ("deu", "de"),
        ("fre", "fr"),
        ("iw", "he"),
        ("in", "id"),
        ("English", "en"),
        ("Deutsch", "de"),
        ("Português (Brasil)", "pt"),
        ("x-default", None),
        ("und", None),
        ("fil", None),
        ("zz", None),
        ("e", None),
        ("123", None),
        ("", None),
        ("   ", None),
        (None, None),
        ("-", None),
        ("en_US.UTF-8", "en"),
    ],
)
def test_normalize_language(tag: str | None, expected: str | None) -> None:
    assert normalize_language(tag) == expected
