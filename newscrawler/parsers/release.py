"""Press-release wires (GlobeNewswire, PR Newswire): the issuer is the release's author."""

from __future__ import annotations

from lxml import etree

from newscrawler.parsers.wire import WireParser

META_AUTHOR = etree.XPath("//meta[@name='author']/@content")
"""Release pages name the issuing organisation in ``<meta name="author">``."""


class ReleaseParser(WireParser):
    """A press release: its ``issuer`` (an organisation) is its one author."""

    def authors(self) -> list[str]:
        """The issuer, whole (an organisation's name is not split on commas or "and")."""
        return [issuer] if (issuer := self.issuer()) else []
