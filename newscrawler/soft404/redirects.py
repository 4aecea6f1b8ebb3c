"""Where a story URL's redirect went: the home page, a listing or a login wall is no story."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newscrawler.soft404.rules import Rules, default_rules
from newscrawler.utils.urls import url_kind


def redirect_kind(source: str, target: str, rules: Rules | None = None) -> str | None:
    """``"root"``, ``"listing"`` or ``"login"`` when a story URL lands somewhere that is no story.

    >>> redirect_kind("https://w.example/news/2025/04/10/ipo-withdrawn.html", "https://w.example/")
    'root'
    >>> redirect_kind("http://a.example/story", "https://a.example/story/") is None
    True
    """
    rules = rules or default_rules()
    src, dst = urlsplit(source), urlsplit(target)
    src_path = src.path.strip("/")
    if not src_path:
        return None
    dst_path = dst.path.strip("/").lower()
    if not dst_path and not dst.query:
        return "root"
    words = set(re.split(r"[/._?=&-]+", dst_path + "/" + dst.query.lower()))
    if words & rules.login_path_words:
        return "login"
    target_kind = url_kind(target)
    if url_kind(source) == "listing":
        return None
    if target_kind == "listing":
        return "listing"
    # a much shorter path: a story sent to its section front ("Bestiary" rule)
    if target_kind != "article" and dst_path.count("/") < 1 <= src_path.count("/"):
        return "listing"
    return None
