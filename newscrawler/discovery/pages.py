"""Telling story pages from hubs, tags and listings once a page is fetched."""

from __future__ import annotations

ARTICLE_OG_TYPES = frozenset({"article", "news", "newsarticle", "article:news"})

# A page found only by following links is a story when it carries this much prose.
MIN_STORY_WORDS = 80
MIN_STORY_WORDS_ARTICLE_URL = 30
# ... and on a story URL under a printed headline that the page's <title> names: a brief of two
# sentences (in Korean, Turkish or Arabic, whose words carry more, barely 20 space-separated words)
MIN_STORY_WORDS_HEADLINED = 15


def is_story_page(
    *,
    url_kind: str,
    og_type: str | None,
    has_article_ld: bool,
    body_words: int,
    body_blocks: int,
    headlined: bool = False,
) -> bool:
    """Decide from cheap signals whether a page found by link-following is a story.

    JSON-LD that calls the page an article wins; a URL that reads like a hub
    (``/tag/``, ``/page/2/``, a section root) then rules it out (some sites
    stamp ``og:type=article`` on every page); then ``og:type``; otherwise the amount of story
    prose decides, with a lower bar for URLs that look like story URLs (one- or two-paragraph
    wire flashes), lower still when the page prints its ``<title>``'s headline (``headlined``).

    >>> is_story_page(url_kind="unknown", og_type="article", has_article_ld=False,
    ...               body_words=20, body_blocks=1)
    True
    >>> is_story_page(url_kind="listing", og_type=None, has_article_ld=False,
    ...               body_words=400, body_blocks=9)
    False
    """
    if has_article_ld:
        return True
    if url_kind == "listing":
        return False
    if (og_type or "").strip().lower() in ARTICLE_OG_TYPES:
        return True
    if url_kind == "article":
        floor = MIN_STORY_WORDS_HEADLINED if headlined else MIN_STORY_WORDS_ARTICLE_URL
        return body_words >= floor
    return body_words >= MIN_STORY_WORDS and body_blocks >= 2
