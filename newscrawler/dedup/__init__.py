"""Repeated content, level by level, as plain functions (no Scrapy import).

1. :mod:`.paragraphs`: paragraphs printed twice within one page.
2. :mod:`.boilerplate`: paragraphs a site prints under many different stories.
3. :mod:`.fingerprint`: the exact body hash of a story, its wire dress removed.
4. :mod:`.minhash`: near-duplicates: MinHash, LSH bands, verification, template guard.
"""
