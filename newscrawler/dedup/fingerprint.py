"""Level 3: the exact fingerprint of a story, whatever URL or wire it came under.

The same release printed by two wires differs in its dress: the dateline
("PALO ALTO, Calif., April 25 /PRNewswire/ --" vs "(MENAFN- EIN Presswire)"),
and the tail after the story (contacts, "View original content", disclaimers).
The fingerprint ignores both, so only the story's text is hashed.
"""

from __future__ import annotations

from newscrawler.dedup.boilerplate import is_known_boilerplate, opens_wire_tail
from newscrawler.dedup.repeats import exact_key, hash64
from newscrawler.utils.bounds import WINDOW_BLOCKS, in_ends
from newscrawler.utils.text import split_dateline


def story_core(paragraphs: list[str]) -> list[str]:
    """The paragraphs that make the story: dateline prefix, wire tail and known boilerplate gone.

    >>> story_core(["NEW YORK--(BUSINESS WIRE)--Acme rose.", "More.", "###", "Contact: x"])
    ['Acme rose.', 'More.']
    """
    core: list[str] = []
    count = len(paragraphs)
    for i, text in enumerate(paragraphs):
        if not in_ends(i, count):
            core.append(text)  # the middle of a huge page: no tail or boilerplate looked for
            continue
        if i == 0:
            _, text = split_dateline(text)
        if i > 0 and core and opens_wire_tail(text):
            break
        if text and not is_known_boilerplate(text):
            core.append(text)
    return core


def content_hash(core: list[str]) -> int:
    """Signed 64-bit hash of the normalised story text (0 for an empty story).

    >>> content_hash(["Acme rose 5%."]) == content_hash(["ACME rose 5 %"])
    True
    """
    # past the window, paragraphs count as they are: normalising 150,000 costs a second
    text = "\n".join(n for n in (exact_key(p) if i < WINDOW_BLOCKS else "\0" + p
                                  for i, p in enumerate(core)) if n)
    return hash64(text) if text else 0
