"""Web archives: WARC records read as stories (``scrapy crawl warc``) and fetches written as WARC.

Plain functions only: :mod:`.records` frames and parses records from a byte stream,
:mod:`.sources` turns ``-a url=`` into WARC files and opens them (HTTP with resume),
:mod:`.writer` writes records. The Scrapy adapters are ``spiders/warc.py``,
``spiders/ccnews.py``, ``downloadermiddlewares/warcrecords.py`` and
``extensions/warcoutput.py``.
"""
