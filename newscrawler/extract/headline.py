"""The story's title as the reader sees it: the visible ``<h1>`` when the page's metadata vouches
for it, else the metadata title without the site's suffix.

Metadata titles drift from the headline: JSON-LD ``headline`` is often an SEO variant or
carries a topic prefix, ``og:title`` and ``<title>`` carry the site name, section and date
after a separator, and a live blog's markup may name its latest entry. The ``<h1>`` is
what is printed, but pages also use ``<h1>`` for the logo or a section name; an ``<h1>``
is taken when a metadata title is that text, or that text plus a shorter part after a
separator (``"Story | Site"``, ``"Topic: Story"``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from itertools import islice

from lxml import etree

from newscrawler.utils.datetext import find_date
from newscrawler.utils.text import clean_inline, is_spaced, normalize_space, word_count

__all__ = ["Headline", "find_headline", "strip_title_suffix", "title_date"]

_H1 = etree.XPath("//h1")
MAX_H1 = 12
"""``<h1>`` elements looked at; real pages have one to four."""
MAX_H1_CHARS = 400
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                         "»": '"', "–": "-", "—": "-"})
_EDGE = " \t|-–—:·•»«/\\[](){}~*,;._丨｜"
# a title's parts: site name, section and date hang off the story behind one of these; Chinese
# and Japanese titles join them without spaces: "标题_新浪新闻", "标题｜媒体名", "标题丨频道",
# "标题-新华网", "标题—网站" (a hyphen or one dash between two CJK characters joins no words; the
# double dash "——" opens a subtitle and stays); Korean CMSs chain
# "제목 < 사회 < 기사본문 - 매체"
_CJK_CHAR = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
_SEPARATORS = re.compile(r"\s+(?:\||-{1,2}|–|—|::|·|•|»|/|<|>)\s+|\s+(?=\[[^\]]{1,60}\]\s*$)"
                         r"|\s*(?:_|丨|｜|\|)\s*"
                         rf"|(?<=[{_CJK_CHAR}])\s*(?:-{{1,2}}|–|—)\s*(?=[{_CJK_CHAR}])")
# a shorter part after (or a topic before) the story in a metadata title
_JOINT = re.compile(r"^\s*(?:[|\-–—:·•»/_丨]|::|\[|\(|<\s|>\s|\"\s)")  # » is " once normed
_PREFIX_JOINT = re.compile(r"(?:[|\-–—:·•»/_丨]|::|\s<|\s>)\s*$")
SHORT_PART_WORDS = 4
"""A trailing part this short, at most half the story's length, is the site's label (after
a separator headlines do not use; after a dash only one word is)."""
_DASH = re.compile(r"\s+(?:-{1,2}|–|—)\s+")
NEAR = 0.8
NEAR_MIN_WORDS = 4
"""A metadata title sharing this share of (at least this many) words names the ``<h1>``."""
_WORD = re.compile(r"\w+")
# a bracketed label before a title's story ("【速報】", "[속보]", "〈独家〉"), which the <h1> may leave out
_LABEL = re.compile(r"\s*(?:【[^】]{1,12}】|\[[^\]]{1,20}\]|〈[^〉]{1,12}〉)\s*")
LONG_HEAD_WORDS = 5
"""An ``<h1>`` this long that opens the metadata title is its headline, however long the SEO
tail after it ("Headline - State News in Hindi, Latest Samachar, Breaking News | Site")."""
SHORTENED_MIN_WORDS = 3
"""A metadata title that is the ``<h1>``'s first words, this many at least, names it."""
MIN_STORY_CHARS = 12
"""What is left of a title is a story's title, not a word or two."""
MIN_STORY_CHARS_UNSPACED = 6
"""The same in Chinese or Japanese, where a character carries about what a word does."""


def norm(text: str | None) -> str:
    """Text as titles are compared: case, quote marks, dashes and spacing aside."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    return normalize_space(text)


class Headline:
    """The chosen title and, when it is a printed ``<h1>``, that element."""

    __slots__ = ("element", "text")

    def __init__(self, text: str | None, element: etree._Element | None = None) -> None:
        self.text = text
        self.element = element


def vouches(reference: str, h1: str, near: bool = True) -> bool:
    """Whether a metadata title names this ``<h1>``: equal, or the ``<h1>`` plus a shorter part.

    >>> vouches("Acme buys Beta | Harbour Wire", "Acme buys Beta")
    True
    >>> vouches("Markets: Acme buys Beta", "Acme buys Beta")
    True
    >>> vouches("Acme buys Beta | Harbour Wire", "Harbour Wire")
    False
    >>> vouches("Acme buys Beta for…", "Acme buys Beta for its Gulf port")
    True
    >>> vouches("Harbour Wire", "Harbour Wire Daily News")
    False
    >>> vouches("Acme buys Beta in Gulf port deal - Business News, Latest Updates, Markets | HW",
    ...         "Acme buys Beta in Gulf port deal")
    True
    >>> vouches("【速報】港町市で震度3の地震：港町新聞", "港町市で震度3の地震")
    True

    ``near=False`` leaves out the lightly edited match (:func:`_near`).
    """
    ref, head = norm(reference), norm(h1)
    if not head or not ref:
        return False
    if ref == head or (near and _near(ref, head)) or _shortened(ref, head):
        return True
    if ref.startswith(head):
        rest = ref[len(head):]
        return bool(_JOINT.match(rest)) and (len(rest.strip(_EDGE)) < len(head)
                                             or word_count(head) >= LONG_HEAD_WORDS)
    if ref.endswith(head):
        rest = ref[: -len(head)]
        return bool(_PREFIX_JOINT.search(rest)) and len(rest.strip(_EDGE)) < len(head)
    if (label := _LABEL.match(ref)) is not None and len(ref) > label.end():
        return vouches(ref[label.end():], head, near)  # "【速報】見出し", "[속보] 제목": the h1 may not
    return False


def _shortened(ref: str, head: str) -> bool:
    """The ``<h1>`` cut short for ``<title>`` or a card ("Acme buys Beta for…"): a prefix of
    it ending at a word, of enough words to be more than a site's name."""
    ref = ref.rstrip(" .…")
    if not head.startswith(ref) or len(head) == len(ref) or head[len(ref)].isalnum():
        return False
    words, head_words = _words(ref), _words(head)
    return words >= SHORTENED_MIN_WORDS and 3 * words >= head_words


def _near(ref: str, head: str) -> bool:
    """The same headline lightly edited ("Dropbox's ATF - an" / "Dropbox ATF: an")."""
    a, b = _word_set(ref), _word_set(head)
    return min(len(a), len(b)) >= NEAR_MIN_WORDS and 2 * len(a & b) >= NEAR * (len(a) + len(b))


def _words(text: str) -> int:
    """Words of a title; in Chinese or Japanese, where a title is one or two ``\\w+`` runs,
    the project's estimate from its characters."""
    return len(_WORD.findall(text)) if is_spaced(text) else word_count(text)


def _word_set(text: str) -> set[str]:
    """A title's words to compare; in Chinese or Japanese its character pairs."""
    if is_spaced(text):
        return set(_WORD.findall(text))
    return {run[k:k + 2] for run in _WORD.findall(text) for k in range(len(run) - 1)}


def find_headline(root: etree._Element, references: Iterable[str | None],
                  site_names: Iterable[str]) -> Headline:
    """The printed ``<h1>`` a metadata title vouches for, else the best metadata title, stripped.

    ``references`` are the metadata titles, best first (JSON-LD ``headline``, ``og:title``,
    ``<title>``...); ``site_names`` the publisher's names (a title that is only the site's
    name is no story's title).
    """
    refs = [r for r in (clean_inline(r) for r in references) if r]
    sites = {norm(s) for s in site_names if s}
    h1s = []
    for element in _H1(root)[:MAX_H1]:
        text = clean_inline(element.text_content()[:MAX_H1_CHARS])
        if text and norm(text) not in sites:
            h1s.append((text, element))
    for text, element in h1s:
        if any(vouches(ref, text, near=False) for ref in refs):
            return Headline(text, element)
        if any(vouches(ref, text) for ref in refs):  # only near: it may hold more than that
            return _inner_headline(element, text, refs) or Headline(text, element)
    for ref in refs:
        stripped = strip_title_suffix(ref, sites)
        if norm(stripped) not in sites:
            element = printed(root, stripped)
            if element is None and (part := _printed_part(root, stripped)) is not None:
                return part
            return Headline(stripped, element)
    if h1s:
        return Headline(*h1s[0])
    return Headline(None)


MAX_H1_PARTS = 8
"""Elements inside an ``<h1>`` looked at for the headline alone."""


def _inner_headline(h1: etree._Element, text: str, refs: list[str]) -> Headline | None:
    """The headline printed inside an ``<h1>`` that holds more: the site's logo link, the
    byline, a badge, glued on ("StoryUltima Hora", "見出し 編集委員 山田"). Only an ``<h1>``
    the metadata titles merely come near is split; one they name exactly is the headline."""
    for part in islice(h1.iterdescendants(etree.Element), MAX_H1_PARTS):
        own = clean_inline(part.text or "")
        if (own and len(own) < len(text) and part.tag != "a"
                and any(vouches(ref, own, near=False) for ref in refs)):
            return Headline(own, h1)
    return None


# where a title's site part may hang on without spaces, or after a separator the rules above
# leave alone ("見出し：港町新聞デジタル", "Headline - Two Word Site", a blog's "Post @ Blog")
_CUT = re.compile(r"\s*(?:[：:｜|丨_·/]|\s[-–—@]\s)\s*")
MAX_CUTS = 2


def _printed_part(root: etree._Element, title: str) -> Headline | None:
    """The title's first part, cut at one of its last separators, when the page prints that
    part as an element's own text: the visible headline, without a site name no rule knew."""
    cuts = [m.start() for m in _CUT.finditer(title)][-MAX_CUTS:]
    for cut in reversed(cuts):
        head = title[:cut].strip()
        if len(head) < (MIN_STORY_CHARS if is_spaced(head) else MIN_STORY_CHARS_UNSPACED):
            break
        if (element := printed(root, head)) is not None:
            return Headline(head, element)
    return None


# no-break and ideographic spaces fold as the title's did ("見出し　副見出し", "Acme&nbsp;buys")
_PRINTED = etree.XPath("//body//text()[normalize-space(translate(., '\u00a0\u3000', '  ')) = $title]")
_NOT_PRINTED = frozenset({"title", "script", "style", "noscript", "template", "option", "a"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def printed(root: etree._Element, title: str) -> etree._Element | None:
    """The element that prints the title as its own text (a headline set in ``<h2>``, ``<dt>``,
    ``<p class=...>``): where the dek and the date line are looked for."""
    if len(title) > MAX_H1_CHARS:
        return None
    for text in _PRINTED(root, title=title)[:MAX_H1]:
        parent = text.getparent()
        if parent is None or not text.is_text:
            continue
        if parent.tag not in _NOT_PRINTED or (
                parent.tag == "a" and (heading := parent.getparent()) is not None
                and heading.tag in _HEADINGS):  # a blog's <h2><a href=permalink>Post</a></h2>
            return parent
    return None


def strip_title_suffix(title: str, site_names: Iterable[str] = ()) -> str:
    """A metadata title without the site name, section and date hung after separators.

    >>> strip_title_suffix("Acme buys Beta - Business - Harbour Wire", ["harbourwire.example"])
    'Acme buys Beta'
    >>> strip_title_suffix("Una fusión en el puerto - 07.12.2017 - EL FARO", ["www.elfaro.example"])
    'Una fusión en el puerto'
    >>> strip_title_suffix("Acme buys Beta | Markets | Harbour Wire")
    'Acme buys Beta'
    >>> strip_title_suffix("Harbour Wire: Acme buys Beta", ["harbour wire"])
    'Acme buys Beta'
    >>> strip_title_suffix("Acme buys Beta, then sells it again - a year later, the deal is off")
    'Acme buys Beta, then sells it again - a year later, the deal is off'
    """
    sites = {norm(s) for s in site_names if s}
    title = normalize_space(title).strip(" |:·•")
    for sep in (": ", " | ", " - ", " – ", " — ", " :: "):
        head, found, tail = title.partition(sep)
        if found and norm(head) in sites and tail.strip():
            title = tail.strip()
            break
    labelled = False  # once the site's label is cut, a section or date before it goes too
    while True:
        parts = list(_SEPARATORS.finditer(title))
        if not parts:
            return title
        last = parts[-1]
        head, tail = title[: last.start()].strip(), title[last.end():].strip(" []")
        dash = not labelled and bool(_DASH.fullmatch(last.group()))
        if not head or not _is_label(tail, head, sites, dash=dash):
            return title
        labelled, title = True, head


def title_date(title: str | None) -> str | None:
    """The date a metadata title carries in a part of its own ("Story - 07.12.2017 - Site").

    >>> title_date("Una fusión en el puerto - 07.12.2017 - EL FARO")
    '2017-12-07'
    >>> title_date("March 3, 2024: the vote that changed the port") is None
    True
    """
    if not title:
        return None
    for part in _SEPARATORS.split(normalize_space(title))[1:]:
        part = part.strip(" []")
        if len(part) <= 40 and (found := find_date(part)) is not None and len(
                _WORD.findall(part)) <= 6:
            return found
    return None


def _squeeze(text: str) -> str:
    """A name without case, spaces and punctuation: "Herald Sun", "HeraldSun", "heraldsun.com"."""
    return "".join(_WORD.findall(norm(text))).replace("_", "")


def _is_label(part: str, story: str, sites: set[str], dash: bool = False) -> bool:
    """A title's trailing part that names the site, a section or a date, not the story."""
    key = _squeeze(part)
    if not key:
        return True
    squeezed = {_squeeze(site) for site in sites}
    if key in squeezed or any((len(key) > 3 and key in site) or (len(site) > 3 and site in key)
                              for site in squeezed):
        return True
    if find_date(part) is not None and len(part) <= 40:
        return True
    words, story_words = len(part.split()), len(story.split())
    long_enough = len(story) >= (MIN_STORY_CHARS if is_spaced(story) else MIN_STORY_CHARS_UNSPACED)
    return (words <= (1 if dash else SHORT_PART_WORDS) and long_enough
            and (len(part) * 2 <= len(story) or words * 2 <= story_words))
