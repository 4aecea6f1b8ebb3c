"""Soft-404 detection as plain functions: evidence -> verdict, no Scrapy import.

:mod:`~newscrawler.soft404.evidence` gathers evidence from plain values and what
:mod:`~newscrawler.soft404.tree` read off the lxml tree (phrases, page blocks, bot
walls, redirects and word counts each have a module),
:mod:`~newscrawler.soft404.probe` generates probe URLs and fingerprints their
answers, :mod:`~newscrawler.soft404.classify` decides. The
Scrapy adapters are ``newscrawler.pipelines.soft404`` and
``newscrawler.downloadermiddlewares.soft404``.
"""

from __future__ import annotations

from newscrawler.soft404.classify import CLASSES, DROP_CLASSES, Verdict, classify
from newscrawler.soft404.evidence import Evidence, page_evidence
from newscrawler.soft404.probe import ProbeFingerprint, fingerprint, probe_url, url_pattern

__all__ = [
    "CLASSES",
    "DROP_CLASSES",
    "Evidence",
    "ProbeFingerprint",
    "Verdict",
    "classify",
    "fingerprint",
    "page_evidence",
    "probe_url",
    "url_pattern",
]
