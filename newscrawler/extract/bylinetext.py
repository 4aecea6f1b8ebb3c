"""Author names out of a byline's text: "By Ana Ruiz and Li Wei, Staff Writers | March 9, 2017".

A byline as printed glues names to function words ("By", "Par", "Von", "作者：", "기자"),
dates and times, comment counts, Twitter handles, roles ("Staff Writer") and affiliations.
The tables here are function words of languages and calendar words, never one site's
phrases. Structured values (JSON-LD, ``<meta>``) are trusted to be names and only cleaned;
printed segments must also look like names (capitalised words, few of them) so that a link
such as "View my complete profile" is not taken for one.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Iterable

from newscrawler.utils.calendars import MONTHS
from newscrawler.utils.text import normalize_space

MAX_AUTHORS = 10
"""More names than this in one byline is a list of stories, not a byline."""
MAX_NAME_CHARS = 70
MAX_NAME_WORDS = 5
"""A printed name has at most this many words (particles and a nickname in brackets aside)."""
MAX_STRUCTURED_WORDS = 8
MAX_VALUE_CHARS = 1_000
"""A byline is read this far: a longer value (a hostile page's) is not a byline's length."""
MAX_VALUES = 50

# "By", "Par", "Von", "Por", "Door", "Av", "Przez", "Oleh", "作者", "От": the word a byline
# starts with ("di"/"da" are name particles too, "Mark Di Stefano": only lower-case counts);
# labels ("Autor:", "Text:", "文・") count only with their colon
_BY = (r"(?:(?i:by|par|von|por|door|av|af|przez|oleh|bởi)|от|від|του|της|γράφει|"
       r"लेखक|द्वारा|रिपोर्ट|بقلم|كتب|كتبت|بواسطة|(?i:автор|авторы|текст))(?:\s*[:：]\s*|\s+)"
       r"|(?:di|da)\s+|(?:作者|撰文|执笔|執筆|筆者|记者|記者)\s*[:：]?\s*")
_LABEL = (r"(?i:autor|autora|autorka|autore|autori|auteur|auteurs|author|authors|yazar|yazan|"
          r"text|texto|testo|tekst|teksti|szerző|penulis|tác giả|written|reported|reporting|"
          r"story|words|credit|文|글)")
_PREFIX = re.compile(
    rf"^(?:{_BY}|{_LABEL}\s*[:：・/／]\s*"
    # "Posted by", "Analysis by", "Reportage par", "Deal Professor By": up to two words first
    r"|(?:[^\W\d_][\w'’.-]*\s+){1,2}(?i:by|par|por)(?:\s*:\s*|\s+))",
)
# "홍길동 기자", "山田太郎記者", "X द्वारा": the word after the name
_SUFFIX = re.compile(r"\s*(?:기자|특파원|통신원|記者|特派員|记者|特派记者|通讯员|द्वारा|tarafından)$")
# Parts of a byline that end it: what follows is a date or the page's furniture
_STOP = re.compile(
    r"(?:^|\s)(?i:(?:last\s+)?updated|published|posted\s+on|publié|mis\s+à\s+jour|actualisé|"
    r"aktualisiert|veröffentlicht|actualizado|publicado|atualizado|aggiornato|pubblicato|"
    r"bijgewerkt|gepubliceerd|opublikowano|zaktualizowano|обновлено|опубликовано|"
    r"güncellendi|yayınlandı)\b.*$"
)
# a credit beside the author's: the photographer's, the editor's ("写真・", "Photos by",
# "Editing by"): the byline ends there (an editor alone is what some pages credit)
_PICTURE_CREDIT = re.compile(
    r"(?:^|\s)(?:写真|撮影|(?i:photos?|fotos?|pictures?|images?|illustrations?|graphics?|video|"
    r"bild|фото))\s*[:：・/／]|(?:^|\s)(?i:photos?|fotos?|pictures?|illustrations?|graphics?|"
    r"video)\s+(?i:by|par|por|von)\b")
_EDITOR_CREDIT = re.compile(r"(?:^|\s)(?i:edited|editing|additional\s+reporting)\s+(?i:by)\b")
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "segunda", "terça", "quarta", "quinta", "sexta", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
)
# what a date left behind once its digits are cut: "on", "le", "am", "|", "-"
_DATE_GLUE = frozenset(["on", "at", "le", "am", "um", "el", "il", "den", "op", "em", "de", "du", "the", "a", "las", "om", "kl", "klo"])
_TRAIL = re.compile(r"[\s,.;:|/•·–—\-]+$")
_LEAD = re.compile(r"^[\s,.;:|/•·–—\-]+")
_HANDLE = re.compile(r"@[\w.]+|\S+@\S+\.\w+|(?:https?://|www\.)\S+|\S+\.(?:com|org|net)\b\S*",
                     re.IGNORECASE)
# "(avec Damien Leloup et Morgane Tual)": names of co-authors in brackets
_WITH = re.compile(r"\((?:avec|with|mit|con|com|met|z|ze|med)\s+([^()]+)\)", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)")
# Between names: punctuation, and the word "and" of the languages bylines are written in.
# A connector splits only between words of two letters and more ("Mac & i" is one name).
_SEPARATOR = re.compile(
    r"\s*[,;，、；]\s*|(?P<hard>\s*[|•·/\n]\s*|\s+[-–—]+\s+)"
    r"|(?P<and>(?<=\w\w)\.?\s+(?:(?i:and|und|&|et|ve|és|og|och|en|и|та)|y|e|i|و)\s+(?=\w\w))"
)
# a piece that only joins names: ",", "and", "&"
_JOINS_NEXT = re.compile(r"(?:[,;，、&]|\s(?i:and|und|et|ve|és|og|och|en|и|та)|\s[yei]|\sو)$")
_JOINER = re.compile(r"^\s*(?:[,;，、&]|(?i:and|und|et|ve|és|og|och|en|и|та)\b|[yei]\b|و)\s*")
_CONNECTOR = re.compile(r"^(?i:and|und|&|et|y|e|i|ve|és|og|och|en|и|та|و)\s+")
# Words a role line is made of: "Staff Writer", "Correspondant à Rome", "Senior Editor"
_ROLES = frozenset(
    ["writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "columnist", "contributor", "contributors", "staff", "journalist", "journalists", "analyst", "producer", "photographer", "photographers", "intern", "critic", "bureau", "correspondant", "correspondante", "journaliste", "rédacteur", "rédactrice", "envoyé", "envoyée", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autorin", "redactor", "redactora", "corresponsal", "periodista", "enviado", "enviada", "colaborador", "colaboradora", "repórter", "correspondente", "jornalista", "giornalista", "inviato", "inviata", "corrispondente", "redattore", "redacteur", "verslaggever", "correspondente", "dziennikarz", "dziennikarka", "korespondent", "redaktor", "корреспондент", "журналист", "журналистка", "редактор", "обозреватель", "संवाददाता", "संपादक", "مراسل", "محرر"]
)
# Lower-case words a printed name may hold: "Alejandro de la Garza", "Ursula von der Leyen"
_PARTICLES = frozenset(
    ["de", "del", "della", "der", "den", "di", "da", "dos", "das", "du", "la", "le", "van", "von", "bin", "ibn", "al", "el", "y", "e", "ter", "ten", "zu", "af", "av", "op", "'t", "d'", "st.", "mc"]
)
_CASED = re.compile(r"[^\W\d_]")
_USER_NAME = re.compile(r"[\w.-]{3,30}")


def clean_names(values: Iterable[str]) -> list[str]:
    """Names of metadata values, each once, in order: prefixes, dates, handles and roles cut,
    several split.

    >>> clean_names(["By Ana Ruiz and Li Wei, Staff Writers"])
    ['Ana Ruiz', 'Li Wei']
    >>> clean_names(["Par Jeanne Roux", "Mac & i"])
    ['Jeanne Roux', 'Mac & i']
    """
    return _settle([part for value in itertools.islice(values, MAX_VALUES)
                    for part in _parts(value, STRUCTURED)])


STRUCTURED, PRINTED, MARKED = 0, 1, 2
"""How far a value is trusted: metadata; a byline's printed text; the text of an element the
markup calls the author (printed, so it must look like a name, but a user name counts)."""


def printed_names(segments: Iterable[str], kind: int = PRINTED) -> list[str]:
    """The names of a printed byline, given as the pieces its markup separates.

    Names run on while commas and "and" join them ("By", "Ana Ruiz", ",", "Li Wei"); the
    first piece that follows without one ends the byline: a place, a section, a share link.

    >>> printed_names(["Sara Lind", "March 9, 2017", "13", "View my complete profile"])
    ['Sara Lind']
    >>> printed_names(["Ana Ruiz", "|", "Palma", "|", "08/01/2014"])
    ['Ana Ruiz']
    """
    found: list[tuple[str, bool]] = []
    joined = False
    for segment in itertools.islice(segments, MAX_VALUES):
        text = segment[:MAX_VALUE_CHARS].strip()
        if not text or is_label(text):
            continue
        if _JOINER.fullmatch(text):
            joined = True
            continue
        parts = _parts(text, kind)
        if not parts:
            continue
        if found and not (joined or _JOINER.match(text) or text.startswith("(")):
            break
        found.extend(parts)
        joined = bool(_JOINS_NEXT.search(text))
    return _settle(found)


def _settle(found: list[tuple[str, bool]]) -> list[str]:
    names = [part for part, is_role in found if not is_role]
    if not names:
        # "Our Foreign Staff", "Staff Reports": the byline is the role
        names = [part for part, _ in found]
    if any(" " in name for name in names):
        # "Jill Disis", "CNN"; "Lena Park", "MA": a one-word part beside a full name is an
        # affiliation or a degree (scripts without capitals write names without spaces)
        names = [n for n in names if " " in n or not any(c.isupper() or c.islower() for c in n)]
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())[:MAX_AUTHORS]


def is_label(text: str) -> bool:
    """Whether a text is only a byline's first word ("By", "Par :", "作者："). """
    text = text[:MAX_VALUE_CHARS].strip()
    match = _PREFIX.match(text + " ") or re.match(rf"{_LABEL}\s*[:：・/／]?\s*$", text)
    return match is not None and match.end() >= len(text)


def starts_byline(text: str) -> bool:
    """Whether a short text opens like a printed byline: "By Ana Ruiz", "Par : Jeanne Roux"."""
    text = text[:MAX_VALUE_CHARS].strip()
    match = _PREFIX.match(text)
    return bool(match) and not text[match.end():match.end() + 1].islower()


def _parts(value: str, kind: int) -> list[tuple[str, bool]]:
    """The names of one value, each with whether it is a role line ("Staff Writer")."""
    text = _normal(value[:MAX_VALUE_CHARS])
    if not text:
        return []
    extra = [m.group(1) for m in _WITH.finditer(text)]
    text = _WITH.sub(" ", text)
    found: list[tuple[str, bool]] = []
    for segment in (text, *extra):
        for piece, separator in _split(segment, kind):
            credit = _PICTURE_CREDIT.search(piece) or (
                _EDITOR_CREDIT.search(piece) if found or not piece.lower().startswith("edit")
                else None)
            if credit is not None:
                piece = piece[:credit.start()]  # "Ana Ruiz; Editing by Tom Li"
                if not piece.strip():
                    if found:
                        return found
                    continue
            # in print any digit ends a name ("Lucas Nolan22 Dec"), but not a user name's own
            part = _clean_part(piece, anywhere=kind == PRINTED or (
                kind == MARKED and " " in piece.strip()))
            if not part:
                continue
            if found and separator == _HARD:
                return found  # "Ana Ruiz | Palma": what follows a bar is not a name
            is_role = _is_role(part)
            if is_role and found:
                return found  # "Name, Senior Writer, The Paper": the rest describes the name
            if kind != STRUCTURED and not _looks_like_name(part, kind == MARKED):
                if separator == _AND:
                    return []  # "The Russian and Syrian defense ministries": not names
                continue
            if kind == STRUCTURED and len(_BRACKETS.sub("", part).split()) > MAX_STRUCTURED_WORDS:
                continue
            found.append((part, is_role))
    return found


def _normal(value: str) -> str:
    if "&" in value:
        value = html.unescape(value)
    lines = [normalize_space(line) for line in value.splitlines()]
    return unicodedata.normalize("NFC", "\n".join(line for line in lines if line))


_SOFT, _AND, _HARD = 0, 1, 2


def _split(text: str, kind: int) -> list[tuple[str, int]]:
    """Pieces between separators, not inside brackets ("Bruno (Henrique Zecchin) Rodrigues"),
    each with the separator before it. Metadata is not cut at a dash ("PMJS - Coordenadoria")."""
    pieces: list[tuple[str, int]] = []
    start, separator = 0, _SOFT
    depth, counted = 0, 0
    for match in _SEPARATOR.finditer(text):
        depth += text.count("(", counted, match.start()) - text.count(")", counted, match.start())
        counted = match.start()
        if depth > 0:
            continue
        if kind == STRUCTURED and match.group("hard") and not any(
                c in match.group() for c in "|•·/\n"):
            continue
        if text[start:match.start()].strip():
            pieces.append((text[start:match.start()], separator))
        start = match.end()
        separator = _HARD if match.group("hard") else _AND if match.group("and") else _SOFT
    if text[start:].strip():
        pieces.append((text[start:], separator))
    return pieces


def _clean_part(piece: str, anywhere: bool) -> str:
    part = _HANDLE.sub(" ", piece)
    part = _cut_date(part, anywhere)
    part = normalize_space(_CONNECTOR.sub("", _LEAD.sub("", part)))
    for _ in range(2):  # "Posted by: ...", "Text: von ..."
        match = _PREFIX.match(part)
        if match is None or part[match.end():match.end() + 1].islower():
            break
        part = part[match.end():]
    part = _SUFFIX.sub("", part)
    part = _STOP.sub("", part)
    part = _TRAIL.sub("", _LEAD.sub("", part)).strip(" \"'“”«»")
    if part[:1] in "(（" and part[-1:] in ")）":
        part = part[1:-1].strip()  # "（山田太郎）"
    if is_label(part) or len(part) < 2 or len(part) > MAX_NAME_CHARS:
        return ""
    if not _CASED.search(part):
        return ""
    return part


def _cut_date(text: str, anywhere: bool) -> str:
    """The text before a date, time or count: "Sara Lind March 9, 2017" -> "Sara Lind".

    In metadata only a number standing alone counts ("rmb8090" is a user name); in a printed
    byline any digit does ("Lucas Nolan22 Dec 2016").
    """
    match = re.search(r"\d" if anywhere else r"(?:^|\s)\d", text)
    words = (text if match is None else text[:match.start()]).split()
    # a month only where a number was cut ("Theresa May" keeps hers)
    dated = match is not None
    while words:
        last = words[-1].strip(",.:;|()-–—•·").casefold()
        if last and last not in _WEEKDAYS and last not in _DATE_GLUE and not (
                dated and last in MONTHS):
            break
        words.pop()
    return " ".join(words)


def _is_role(part: str) -> bool:
    return any(word.strip(",.()").casefold().removesuffix("s") in _ROLES
               or word.strip(",.()").casefold() in _ROLES for word in part.split())


def _looks_like_name(part: str, user_name: bool = False) -> bool:
    """A printed name: few words, each capitalised or a particle ("Ursula von der Leyen");
    ``user_name``: also one lower-case word ("jdadmin") where the markup says it is one."""
    bare = _BRACKETS.sub(" ", part).split()
    if user_name and len(bare) == 1 and _USER_NAME.fullmatch(bare[0]):
        return True
    if not bare or len(bare) > MAX_NAME_WORDS:
        return False
    if len(bare) == 1 and bare[0].casefold().strip(".") in (MONTHS.keys() | _WEEKDAYS):
        return False
    for word in bare:
        word = word.strip("\"'“”‘’«»")
        letter = next((c for c in word if c.isalpha()), "")
        if letter.islower() and word.casefold() not in _PARTICLES:
            return False
    return True
