"""Wire-release text: tickers, tail blocks (About, Contacts, SOURCE, ...) and datelines.

Press releases end in a fixed order of blocks that are not story text: the
"About <Company>" boilerplate, contacts, the ``SOURCE`` line, related links,
disclaimers, copyright lines, MENAFN's ID line. The wire parsers cut them off
here, by site knowledge, so the body ends where the release ends and the
About and Contacts blocks are kept apart for the users who want them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newscrawler.parsers.safeharbor import is_heading, is_safe_harbor_heading, is_safe_harbor_opener
from newscrawler.utils.text import normalize_space, split_dateline, word_count

__all__ = [
    "ReleaseParts",
    "find_tickers",
    "is_about_heading",
    "is_contacts_heading",
    "issuer_from_about",
    "issuer_from_contacts",
    "issuer_from_lead",
    "split_marketwired_dateline",
    "split_release",
    "valid_issuer",
]

# --- Tickers ---------------------------------------------------------------------------------
_EXCHANGES = (
    r"NASDAQ(?:[ ]Global(?:[ ]Select)?(?:[ ]Market)?|[ ]Capital[ ]Market|[ ]Stockholm|[ ]Copenhagen"
    r"|[ ]Helsinki|[ ]First[ ]North)?"
    r"|NYSE(?:[ ]American|[ ]Arca|[ ]MKT|[ ]Amex)?|AMEX|TSX(?:[ -]?V|[ ]Venture)?|CSE|CBOE"
    r"|OTC(?:QB|QX|[ ]Pink|[ ]Markets|BB)?|ASX|LSE|AIM|HKEX|SGX|SIX|TASE|JSE|BSE|NSE|KRX|TYO"
    r"|Euronext(?:[ ]Paris|[ ]Brussels|[ ]Amsterdam|[ ]Growth)?|XETRA|FWB|FSE|Frankfurt|OSE|NZX"
    r"|BMV|B3|BOVESPA|Tadawul|DFM|ADX|EGX|SSE|SZSE"
)
_SYMBOL = r"[A-Z0-9]{1,6}(?:[.\-][A-Z0-9]{1,3})?"
_TICKER = re.compile(
    rf"(?<![\w-])(?P<exchange>{_EXCHANGES})\s*:\s*"
    rf"(?P<symbols>{_SYMBOL}(?:\s*,\s*{_SYMBOL}(?!\s*:))*)(?![\w])",
    re.IGNORECASE,
)


def _exchange_code(name: str) -> str:
    return re.sub(r"[\s\-]", "", name).upper()


def find_tickers(text: str) -> list[str]:
    """``EXCHANGE:SYMBOL`` pairs named in a release, each once, in order.

    >>> find_tickers("Acme Corp. (NASDAQ: ACME) and Beta (NYSE American: BTA; TSX-V: BTA)")
    ['NASDAQ:ACME', 'NYSEAMERICAN:BTA', 'TSXV:BTA']
    >>> find_tickers("Quarry Point Bancorp (Nasdaq:QPBC) said; about 40% of sales.")
    ['NASDAQ:QPBC']
    >>> find_tickers("Gamma Holdings (NYSE: GAM.A, GAM.B)")
    ['NYSE:GAM.A', 'NYSE:GAM.B']
    """
    found: dict[str, None] = {}
    for match in _TICKER.finditer(text):
        symbols = match.group("symbols")
        if not any(c.isalpha() for c in symbols) or symbols != symbols.upper():
            continue  # "nyse: 12" or lower-case words are not symbols
        exchange = _exchange_code(match.group("exchange"))
        for symbol in re.split(r"\s*,\s*", symbols):
            found[f"{exchange}:{symbol}"] = None
    return list(found)


# --- Tail blocks -----------------------------------------------------------------------------
_ABOUT = re.compile(r"^About[ ](?:the[ ])?[A-Z0-9“\"]")
_CONTACTS = re.compile(
    r"(?i)^(?:(?:media|investor|investors|press|company|news[ ]media|analyst|general)"
    r"(?:[ ](?:and|&|/)[ ]\w+)?[ ])?(?:contacts?|inquiries|enquiries|relations[ ]contacts?)"
    r"(?:[ ]information)?[ ]?:?"
)
_SOURCE = re.compile(r"^SOURCE[ ]+(?P<issuer>\S.{0,120})$")
_END = re.compile(
    r"(?i)^(?:related[ ]links?|legal[ ]disclaimer\b|disclaimer:|comments?[ ]?(?:no[ ]comments?)?$"
    r"|no[ ]comments?$|view[ ]original[ ]content|continue[ ]reading$)"
)
_COPYRIGHT = re.compile(
    r"(?i)^(?:copyright|©|\(c\))[ ]?(?:©[ ]?)?\d{4}.{0,80}(?:all[ ]rights[ ]reserved|associated[ ]press)\.?$"
)
# MENAFN + DDMMYYYY + 12-digit code + ID + the article id, e.g. MENAFN20112025000131011023ID1110375316
MENAFN_ID_LINE = re.compile(r"^MENAFN(?P<date>\d{8})\d{12}ID(?P<id>\d{6,12})$")
_SEPARATOR = re.compile(r"^_{3,}$")
# Lead-in lines of a heading block: "About Acme" (maybe with a colon), at most this many words.
_HEADING_WORDS = 12


@dataclass
class ReleaseParts:
    """A release's blocks sorted by what they are."""

    body: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    safe_harbor: list[str] = field(default_factory=list)
    """Forward-looking-statement sections (:mod:`newscrawler.parsers.safeharbor`)."""
    source: str | None = None
    """The issuer named on the ``SOURCE`` line."""
    id_line_date: str | None = None
    """DDMMYYYY of MENAFN's ID line."""
    cut: list[str] = field(default_factory=list)
    """What was cut, by kind (``about``, ``contacts``, ``source``, ``end``, ...), for flags."""


def _first_line(block: str) -> str:
    return normalize_space(block.split("\n", 1)[0])


def _lines(block: str) -> list[str]:
    """A block's lines (``<br>`` breaks), spaces folded, empty ones dropped."""
    return [line for line in map(normalize_space, block.split("\n")) if line]


def is_about_heading(block: str) -> bool:
    """Whether a block opens an "About <Company>" section (its first line is the heading).

    >>> is_about_heading("About Acme Corp.")
    True
    >>> is_about_heading("About Acme\\nAcme makes valves.")
    True
    >>> is_about_heading("About 40% of the sites are in Ohio, the company said in a filing.")
    False
    """
    line = _first_line(block)
    if not _ABOUT.match(line) or word_count(line) > _HEADING_WORDS:
        return False
    return not line.rstrip(":").endswith(".") or word_count(line) <= 5


def is_contacts_heading(block: str) -> bool:
    """Whether a block opens the contacts (``Contacts``, ``MEDIA CONTACT:``, ``Contact Information:``).

    >>> is_contacts_heading("MEDIA CONTACT:\\nJane Roe")
    True
    >>> is_contacts_heading("Contacts are the lifeblood of sales, the firm said.")
    False
    """
    line = _first_line(block)
    match = _CONTACTS.match(line)
    if not match:
        return False
    rest = line[match.end():].strip()
    return not rest or line[: match.end()].rstrip().endswith(":")


def split_release(blocks: list[str]) -> ReleaseParts:
    """Sort a release's blocks into body, About, Contacts, credits and safe-harbor sections;
    drop the rest of the tail.

    Blocks may hold line breaks (``<br>``); output blocks are folded to one line.

    >>> parts = split_release(["A said.", "About A", "A makes B.", "Contact:", "Jo, 555",
    ...                        "SOURCE A Corp", "Related Links", "http://a.test"])
    >>> parts.body, parts.about, parts.contacts, parts.source
    (['A said.'], ['About A', 'A makes B.'], ['Contact:', 'Jo, 555'], 'A Corp')
    """
    parts = ReleaseParts()
    state = "body"
    for raw in blocks:
        text = normalize_space(raw)
        if not text:
            continue
        if match := MENAFN_ID_LINE.match(text):
            parts.id_line_date = parts.id_line_date or match.group("date")
            parts.cut.append("id_line")
            continue
        if _COPYRIGHT.match(text):
            parts.cut.append("copyright")
            continue
        if state == "end":
            continue
        if match := _SOURCE.match(text):
            parts.source = match.group("issuer").strip()
            parts.cut.append("source")
            state = "end"
            continue
        if _END.match(text):
            parts.cut.append("end")
            state = "end"
            continue
        if _SEPARATOR.match(text):
            state = "credits"
            continue
        if is_about_heading(raw):
            state = "about"
            parts.cut.append("about")
        elif is_contacts_heading(raw):
            state = "contacts"
            parts.cut.append("contacts")
        elif is_safe_harbor_heading(raw) or (state != "safe_harbor" and is_safe_harbor_opener(raw)):
            state = "safe_harbor"
            parts.cut.append("safe_harbor")
        elif state == "safe_harbor" and is_heading(raw):
            state = "body"  # the next section of the release
        if state == "contacts":
            parts.contacts.append("\n".join(_lines(raw)))  # a contact's lines stay together
        elif state in ("body", "safe_harbor"):
            getattr(parts, state).append(text)
        else:
            # "About Acme<br>Acme is ..." is a heading and its text
            getattr(parts, state).extend(_lines(raw))
    return parts


# --- Datelines -------------------------------------------------------------------------------
_MARKETWIRED = re.compile(
    r"^(?P<dateline>[A-Z][A-Za-z.'’ ,\-]{1,80}--\((?:Marketwired|Marketwire)[ ]-[ ]"
    r"[A-Z][a-z]+\.?[ ]\d{1,2},[ ]\d{4}\))[ ]?-+[ ]?(?=\S)"
)


def split_marketwired_dateline(paragraph: str) -> tuple[str | None, str]:
    """GlobeNewswire's migrated Marketwired releases, then the usual wire datelines.

    >>> split_marketwired_dateline("SAN FRANCISCO, CA--(Marketwired - April 06, 2016) - Acme said.")
    ('SAN FRANCISCO, CA--(Marketwired - April 06, 2016)', 'Acme said.')
    >>> split_marketwired_dateline("OSLO, Norway, May 2, 2025 (GLOBE NEWSWIRE) -- Acme said.")
    ('OSLO, Norway, May 2, 2025 (GLOBE NEWSWIRE)', 'Acme said.')
    """
    match = _MARKETWIRED.match(paragraph)
    if match:
        return match.group("dateline"), paragraph[match.end():].strip()
    return split_dateline(paragraph)


# --- The issuer, read off the release -------------------------------------------------------
# Where the issuer's name ends in the lead: "Acme Corp. (NYSE: ACM) today announced",
# "Acme announced today", "Acme, a maker of valves, reported". The earliest wins.
_LEAD_VERB = re.compile(
    r"\b(?:today|(?:has[ ])?(?:announced|announces|reported|reports|unveiled|unveils|launched"
    r"|launches|declared|declares|introduced|introduces))\b"
)
# ", a maker of ...," / ", the leader in ...," / ", which ..." after the name
_APPOSITION = re.compile(r",[ ](?:a|an|the|which|one[ ]of|through|together[ ]with)\b")
_CORPORATE = re.compile(
    r"^(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LLP|LP|L\.P|plc|PLC|AG|SE|SA"
    r"|S\.A|NV|N\.V|BV|B\.V|GmbH|AB|ASA|A/S|Oyj|SpA|S\.p\.A|KK|K\.K|Pty[ ]Ltd|N\.A)\.?$"
)
_CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de", "du", "des", "la", "le", "y", "e",
                         "di", "da", "do", "van", "von", "der", "den", "und", "en", "et", "on"})
_NOT_NAMES = frozenset({"the company", "company", "we", "it", "they", "the firm", "the group",
                        "the bank", "our company", "the fund", "the trust"})
# A name is short: at most this many words and characters.
_NAME_WORDS = 8
_NAME_CHARS = 80


def _name_word(word: str) -> bool:
    if word.lower() in _CONNECTORS:
        return True
    head = word.lstrip("\"“'(")
    return bool(head) and (head[0].isupper() or head[0].isdigit())


def valid_issuer(name: str | None) -> str | None:
    """``name`` when it reads as an organisation's name (short, capitalised words), else None.

    >>> valid_issuer("Larkspur Analytics, Inc."), valid_issuer("In a move that surprised many")
    ('Larkspur Analytics, Inc.', None)
    """
    text = normalize_space(name or "").strip(" ,;:-–—")
    words = text.split()
    if not words or len(words) > _NAME_WORDS or len(text) > _NAME_CHARS:
        return None
    if text.lower() in _NOT_NAMES or words[0].lower() in _CONNECTORS - {"the"}:
        return None
    if not all(_name_word(word) for word in words) or not any(c.isalpha() for c in text):
        return None
    if re.search(r"[!?;:]", text):
        return None
    return text


def issuer_from_lead(lead: str) -> str | None:
    """The company a release's lead sentence names before "today announced" and the like.

    The ticker parentheses and an apposition (", a maker of ...,") are left out; a corporate
    suffix after a comma (", Inc.") is kept as printed.

    >>> issuer_from_lead("Larkspur Analytics, Inc. (NASDAQ: LRKS), a maker of scheduling "
    ...                  "software, today opened its data campus.")
    'Larkspur Analytics, Inc.'
    >>> issuer_from_lead("Halyard Robotics announced today that it raised $40 million.")
    'Halyard Robotics'
    >>> issuer_from_lead("Shares rose after the company today reported results.") is None
    True
    """
    match = _LEAD_VERB.search(lead[:400])
    if match is None:
        return None
    before = lead[: match.start()]
    before = before.split("(", 1)[0]  # ("Acme" or the "Company") (NYSE: ACM)
    if apposition := _APPOSITION.search(before):
        before = before[: apposition.start()]
    parts = [part.strip() for part in before.split(",")]
    name = parts[0]
    for part in parts[1:]:  # "Acme, Inc.", "Acme Holdings, Ltd." are one name
        if not _CORPORATE.match(part):
            # "Jane Roe, chief executive of Acme," or "Acme, Ohio's largest ...,": not
            # a name alone
            return None
        name += ", " + part
    words = name.split()
    for index, word in enumerate(words[:-1]):
        if _CORPORATE.match(word) and index:  # "Acme Inc. Chief Executive Jane Roe said"
            name = " ".join(words[: index + 1])
            break
    return valid_issuer(name)


def issuer_from_contacts(contacts: list[str]) -> str | None:
    """An organisation named on a line of the contacts block (a line that ends in a
    corporate suffix: "Acme Corp.", "Ketterby Foods Ltd.").

    >>> issuer_from_contacts(["Contacts", "Priya Raman\\nKetterby Foods Ltd.\\n+91 80 5555 0101"])
    'Ketterby Foods Ltd.'
    """
    for block in contacts:
        for line in _lines(block):
            words = line.rstrip(",").split()
            corporate = len(words) >= 2 and _CORPORATE.match(words[-1].rstrip(","))
            if corporate and (name := valid_issuer(line.rstrip(","))):
                return name
    return None


def issuer_from_about(about: list[str]) -> str | None:
    """The company an "About <Company>" heading names.

    >>> issuer_from_about(["About Ketterby Foods", "Ketterby Foods makes dairy products."])
    'Ketterby Foods'
    """
    if not about or not is_about_heading(about[0]):
        return None
    name = re.sub(r"^About[ ](?:the[ ])?", "", _first_line(about[0])).rstrip(" :")
    return valid_issuer(name)
