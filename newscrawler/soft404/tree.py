"""What the evidence reads off the parsed tree: page blocks above the story, template markers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from newscrawler.soft404.pageblocks import read_page_blocks
from newscrawler.soft404.rules import Rules, default_rules
from newscrawler.soft404.words import story_words
from newscrawler.utils.bounds import window


@dataclass(frozen=True, slots=True)
class TreeReading:
    """What the evidence needs from the parsed tree, read while the parser holds it."""

    page_blocks: tuple[str, ...]
    bounded: bool
    framework: tuple[str, ...]


def read_tree(root: etree._Element, blocks: Sequence[str], rules: Rules | None = None
              ) -> TreeReading:
    """The page's blocks up to where the story starts, and its error-template markers."""
    rules = rules or default_rules()
    story, _ = window(blocks)
    # the page up to where the story starts: banners stand there
    page_blocks, cut_short = read_page_blocks(root, stop_at={b[:40] for b in story})
    # element classes only on short pages (the scan reads every element)
    short = sum(story_words(b) for b in story) < rules.probe_below_words
    return TreeReading(tuple(page_blocks), cut_short,
                       tuple(framework_markers(root, rules, elements=short)))


_BODY_CLASS = etree.XPath("string(//body/@class)")
_HTML_ID = etree.XPath("string(/html/@id)")


_WITH_CLASS = etree.XPath("//*[@class]")


def framework_markers(root: etree._Element, rules: Rules, *, elements: bool = True) -> list[str]:
    """WordPress ``body.error404``, Next.js ``__next_error__`` and their kin."""
    found = []
    classes = set(str(_BODY_CLASS(root)).split())
    found += [f"body_class:{c}" for c in sorted(classes & rules.body_classes)]
    html_id = str(_HTML_ID(root))
    if html_id in rules.html_ids:
        found.append(f"html_id:{html_id}")
    if elements and rules.element_classes:
        # one pass over the class attributes: a substring test first, the tokens after
        for el in _WITH_CLASS(root):
            value = str(el.get("class", ""))
            if not any(c in value for c in rules.element_classes):
                continue
            tokens = set(value.split()) & rules.element_classes
            found += [f"element_class:{c}" for c in sorted(tokens)]
            if tokens:
                break
    return found
