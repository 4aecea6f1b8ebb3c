"""Spiders: they navigate (robots.txt, sitemaps, feeds, listings) and hand pages to parsers."""
