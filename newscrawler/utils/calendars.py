"""Month names of the languages news is written in, and the text folding dates are read through.

A calendar table, not phrases: each month's names (nominative and the genitive a date
uses, "5 марта", "5. ožujka"), usual abbreviations, in Latin, Cyrillic, Greek, Arabic,
Hebrew, Devanagari, Bengali, Tamil and Thai script. Names are stored lower-case and
NFKC-normalised; each also without its accents ("marz", "μαρτιου"), since headings print
capitals that drop them. Digits of any script ("٥", "０", "۵") are read as ASCII digits.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MONTHS", "SOLAR_HIJRI", "fold", "month_number", "solar_hijri_to_gregorian"]

_NAMES: dict[int, str] = {
    # en fr de es pt it nl sv/da/no pl cs ro tr id/ms fi tl; then ca az/uz sq be mk ur gu pa
    # te kn ml
    1: "january jan janvier janv januar jänner enero ene janeiro gennaio genn gen januari"
       " stycznia styczeń ledna leden ianuarie ocak tammikuuta tammikuu enero"
       # ru uk bg sr hr/sl sk hu lt lv et el
       " января январь янв січня січень янв. януари јануар januára január januarja siječnja"
       " siječanj sausio janvāris janvārī jaanuar ιανουαρίου ιανουάριος ιαν"
       # ar (Egypt/Gulf, Levant, Maghreb) fa he hi mr bn ta th vi sw
       " يناير كانون الثاني جانفي ژانویه ינואר जनवरी जानेवारी জানুয়ারি ஜனவரி มกราคม ม.ค."
       " januari január gener yanvar janar студзеня јануари جنوری જાન્યુઆરી ਜਨਵਰੀ జనవరి ಜನವರಿ ജനുവരി tháng 1 januari",
    2: "february feb février fevrier févr fevr februar febrero fevereiro fev febbraio febbr"
       " februari lutego luty února únor februarie şubat helmikuuta helmikuu pebrero"
       " февраля февраль фев лютого лютий февруари фебруар februára február februarja veljače"
       " veljača vasario februāris februārī veebruar φεβρουαρίου φεβρουάριος φεβ"
       " فبراير شباط فيفري فوریه פברואר फ़रवरी फरवरी फेब्रुवारी ফেব্রুয়ারি பிப்ரவரி"
       " กุมภาพันธ์ ก.พ. február febr febrer fevral shkurt лютага февруари فروری ફેબ્રુઆરી ਫ਼ਰਵਰੀ ਫਰਵਰੀ ఫిబ్రవరి ಫೆಬ್ರವರಿ ഫെബ്രുവരി tháng 2 februari",
    3: "march mar mars märz marz mrz marzo março marco maart mrt marca marzec března březen"
       " martie mart maaliskuuta maaliskuu maret marso"
       " марта март мар березня березень мар. март март marec marca ožujka ožujak kovo marts"
       " martā märts μαρτίου μάρτιος μαρ"
       " مارس آذار מרץ मार्च মার্চ மார்ச் มีนาคม มี.ค. március márc març mär mac сакавіка مارچ માર્ચ ਮਾਰਚ మార్చి ಮಾರ್ಚ್ മാർച്ച് tháng 3 machi",
    4: "april apr avril avr abril abr aprile kwietnia kwiecień dubna duben aprilie nisan"
       " huhtikuuta huhtikuu abril"
       " апреля апрель апр квітня квітень април април apríla apríl aprila travnja travanj"
       " balandžio aprīlis aprīlī aprill απριλίου απρίλιος απρ"
       " أبريل ابريل إبريل نيسان أفريل افريل آوریل אפריל अप्रैल अप्रेल एप्रिल এপ্রিল ஏப்ரல்"
       " เมษายน เม.ย. április ápr aprel prill красавіка اپریل એપ્રિલ ਅਪ੍ਰੈਲ ఏప్రిల్ ಏಪ್ರಿಲ್ ഏപ്രിൽ tháng 4 aprili",
    5: "may mai mayo maio maggio mag mei maj maja května květen mayıs toukokuuta toukokuu mayo"
       " мая май травня травень май мај mája máj maja svibnja svibanj gegužės maijs maijā"
       " μαΐου μάιος μαΐ μαι"
       " مايو أيار ايار ماي מאי मई मे মে மே พฤษภาคม พ.ค. május máj maig мая مئی مه મે ਮਈ మే ಮೇ മേയ് tháng 5 mei",
    6: "june jun juin juni junio junho giugno giu czerwca czerwiec června červen iunie haziran"
       " kesäkuuta kesäkuu hunyo"
       " июня июнь июн червня червень юни јун júna jún junija lipnja lipanj birželio jūnijs"
       " jūnijā juuni ιουνίου ιούνιος ιουν"
       " يونيو يونيه حزيران جوان יוני जून জুন ஜூன் มิถุนายน มิ.ย. június jún juny iyun qershor чэрвеня јуни جون ژوئن જૂન ਜੂਨ జూన్ ಜೂನ್ ജൂൺ tháng 6 juni",
    7: "july jul juillet juil juli julio julho luglio lug lipca lipiec července červenec iulie"
       " temmuz heinäkuuta heinäkuu hulyo"
       " июля июль июл липня липень юли јул júla júl julija srpnja srpanj liepos jūlijs jūlijā"
       " juuli ιουλίου ιούλιος ιουλ"
       " يوليو يوليه تموز جويلية يوليوز יולי जुलाई जुलै জুলাই ஜூலை กรกฎาคม ก.ค. július júl juliol iyul korrik ліпеня јули جولائی ژوئیه જુલાઈ ਜੁਲਾਈ జూలై ಜುಲೈ ജൂലൈ tháng 7 julai",
    8: "august aug août aout agosto ago augustus sierpnia sierpień srpna srpen ağustos"
       " elokuuta elokuu agustus agu agosto"
       " августа август авг серпня серпень август avgust augusta avgusta kolovoza kolovoz"
       " rugpjūčio augusts augustā αυγούστου αύγουστος αυγ"
       " أغسطس اغسطس آب أوت غشت אוגוסט अगस्त ऑगस्ट আগস্ট ஆகஸ்ட் สิงหาคม ส.ค. augusztus agost augusti avqust avgust gusht ogos жніўня اگست اوت ઓગસ્ટ ਅਗਸਤ ఆగస్టు ಆಗಸ್ಟ್ ഓഗസ്റ്റ് tháng 8 agosti",
    9: "september sep sept septembre septiembre setembro set settembre sett września wrzesień"
       " září septembrie eylül syyskuuta syyskuu setyembre"
       " сентября сентябрь сен сент вересня вересень септември септембар septembra"
       " septembar rujna rujan rugsėjo septembris septembrī σεπτεμβρίου σεπτέμβριος σεπ"
       " سبتمبر أيلول ايلول شتنبر سپتامبر ספטמבר सितंबर सितम्बर सप्टेंबर সেপ্টেম্বর"
       " செப்டம்பர் กันยายน ก.ย. szeptember szept setembre sentyabr sentabr shtator верасня ستمبر સપ્ટેમ્બર ਸਤੰਬਰ సెప్టెంబర్ ಸೆಪ್ಟೆಂಬರ್ സെപ്റ്റംബർ tháng 9 septemba",
    10: "october oct octobre oktober okt octubre outubro out ottobre ott października"
        " październik října říjen octombrie ekim lokakuuta lokakuu oktubre"
        " октября октябрь окт жовтня жовтень октомври октобар októbra október oktobra"
        " oktobar spalio oktobris oktobrī oktoober οκτωβρίου οκτώβριος οκτ"
        " أكتوبر اكتوبر تشرين الأول تشرين الاول اکتبر אוקטובר अक्टूबर अक्तूबर ऑक्टोबर অক্টোবর"
        " அக்டோபர் ตุลาคม ต.ค. október octubre oktyabr oktabr tetor кастрычніка اکتوبر ઓક્ટોબર ਅਕਤੂਬਰ అక్టోబర్ ಅಕ್ಟೋಬರ್ ഒക്ടോബർ tháng 10 oktoba",
    11: "november nov novembre noviembre novembro listopada listopad listopadu noiembrie kasım"
        " marraskuuta marraskuu nopember nobyembre"
        " ноября ноябрь ноя листопада листопад ноември новембар novembra novembar studenoga"
        " studeni lapkričio novembris novembrī νοεμβρίου νοέμβριος νοε"
        " نوفمبر تشرين الثاني نونبر نوامبر נובמבר नवंबर नवम्बर नोव्हेंबर নভেম্বর நவம்பர்"
        " พฤศจิกายน พ.ย. november novembre noyabr nëntor лістапада نومبر નવેમ્બર ਨਵੰਬਰ నవంబర్ ನವೆಂಬರ್ നവംബർ tháng 11 novemba",
    12: "december dec décembre decembre déc dezember dez diciembre dic dezembro dicembre"
        " desember des grudnia grudzień prosince prosinec decembrie aralık joulukuuta joulukuu"
        " disyembre"
        " декабря декабрь дек грудня грудень декември децембар decembra decembar prosinca"
        " prosinac gruodžio decembris decembrī detsember δεκεμβρίου δεκέμβριος δεκ"
        " ديسمبر كانون الأول كانون الاول دجنبر دسامبر דצמבר दिसंबर दिसम्बर डिसेंबर ডিসেম্বর"
        " டிசம்பர் ธันวาคม ธ.ค. december desembre dekabr dhjetor disember снежня دسمبر ડિસેમ્બર ਦਸੰਬਰ డిసెంబర్ ಡಿಸೆಂಬರ್ ഡിസംബർ tháng 12 desemba",
}
# Persian (Solar Hijri) months, numbered past 100 so a date in them is converted
SOLAR_HIJRI = 100
_PERSIAN = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
            "بهمن", "اسفند")
# Names of two words ("كانون الثاني", "tháng 3"), kept whole
_TWO_WORDS = re.compile(r"(?:كانون|تشرين|tháng) \S+")
# Where one language's genitive is another's other month (Croatian "listopada" is October,
# Polish and Czech November): the name that language writes, looked up first
LANGUAGE_MONTHS: dict[str, dict[str, int]] = {
    "hr": {"listopada": 10, "listopad": 10},
    "bs": {"listopada": 10, "listopad": 10},
}
_HEBREW_IN = "ב"  # "5 במרץ 2024": Hebrew glues "in" to the month's name


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")


def _table() -> dict[str, int]:
    months: dict[str, int] = {}
    for number, names in _NAMES.items():
        words = _TWO_WORDS.findall(names) + _TWO_WORDS.sub(" ", names).split()
        for word in words:
            name = unicodedata.normalize("NFKC", word).lower()
            if "." not in name[:-1]:
                name = name.rstrip(".")  # "янв." is "янв"; Thai "ม.ค." keeps its dots
            variants = [name]
            if name[0] < "\u0530" or "\u0600" <= name[0] <= "\u06ff":
                variants.append(_strip_accents(name))  # Latin, Greek, Cyrillic, Arabic
            if "\u05d0" <= name[0] <= "\u05ea":
                variants.append(_HEBREW_IN + name)
            for variant in variants:
                # a bare name that is another month's elsewhere stays that month's
                months.setdefault(variant, number)
    for number, name in enumerate(_PERSIAN, start=SOLAR_HIJRI + 1):
        months.setdefault(unicodedata.normalize("NFKC", name), number)
    return months


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian day of a Persian calendar day (the 33-year arithmetic rule Iran's
    papers print by; 15 Esfand 1402 is 5 March 2024).

    >>> solar_hijri_to_gregorian(1402, 12, 15), solar_hijri_to_gregorian(1403, 1, 1)
    ((2024, 3, 5), (2024, 3, 20))
    """
    days = (-355668 + 365 * (year + 1595) + (year + 1595) // 33 * 8
            + ((year + 1595) % 33 + 3) // 4 + day
            + ((month - 1) * 31 if month < 7 else (month - 7) * 30 + 186))
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    leap = gy % 4 == 0 and (gy % 100 != 0 or gy % 400 == 0)
    lengths = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    gd, gm = days + 1, 1
    for length in lengths:
        if gd <= length:
            break
        gd -= length
        gm += 1
    return gy, gm, gd


MONTHS: dict[str, int] = _table()
"""Month name (lower-case, NFKC, with and without accents) -> month number."""

# direction marks and zero-width characters right-to-left pages put between a date's parts
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_DIGIT = re.compile(r"(?![0-9])\d")


def _ascii_digit(match: re.Match[str]) -> str:
    char = match.group()
    value = unicodedata.decimal(char, None)
    return char if value is None else str(value)


def fold(text: str) -> str:
    """The text as dates are matched in: NFKC (full-width "２０２４年" becomes "2024年", "："
    a colon), without direction marks, digits of every script ASCII. ASCII text is returned
    as is."""
    if text.isascii():
        return text
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return _DIGIT.sub(_ascii_digit, text)


def month_number(name: str, language: str | None = None) -> int | None:
    """The month a printed name stands for; ``language`` settles names two languages share."""
    key = " ".join(name.lower().split())
    if language and (own := LANGUAGE_MONTHS.get(language[:2])) and key.rstrip(".") in own:
        return own[key.rstrip(".")]
    return MONTHS.get(key) or MONTHS.get(key.rstrip(".")) or MONTHS.get(_strip_accents(key))
