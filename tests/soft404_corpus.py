"""The labelled soft-404 corpus (tests/data/soft404), judged as the pipeline judges a page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
from scrapy import Request
from scrapy.http import HtmlResponse

from newscrawler.parsers.base import ArticleParser
from newscrawler.parsers.evidence import page_evidence_of
from newscrawler.pipelines.soft404 import evidence_from_page
from newscrawler.soft404 import Evidence, Verdict, classify, fingerprint, probe_url
from newscrawler.soft404.classify import needs_probe
from newscrawler.soft404.probe import ProbeFingerprint

CORPUS = Path(__file__).resolve().parent / "data" / "soft404"


@dataclass
class Case:
    label: dict[str, Any]
    parser: ArticleParser
    probe: ProbeFingerprint | None

    @property
    def expected(self) -> str:
        return str(self.label["expected"])


def labels() -> list[dict[str, Any]]:
    return json.loads((CORPUS / "labels.json").read_text(encoding="utf-8"))


def response_for(label: dict[str, Any], body: bytes) -> HtmlResponse:
    chain = label["redirect_urls"]
    meta: dict[str, Any] = {"redirect_urls": chain} if chain else {}
    headers = dict(label["headers"])
    if label["location"]:
        headers["Location"] = [label["location"]]
    request = Request(label["url"], meta=meta)
    return HtmlResponse(label["url"], status=label["status"], headers=headers, body=body,
                        request=request, encoding="utf-8")


def load_case(label: dict[str, Any]) -> Case:
    body = (CORPUS / "pages" / label["file"]).read_bytes()
    parser = ArticleParser(response_for(label, body))
    probe = None
    if spec := label.get("probe"):
        target = probe_url(label["url"])
        root = lxml.html.document_fromstring((CORPUS / "pages" / spec["file"]).read_bytes())
        probe = fingerprint(target, spec["status"], root)
    return Case(label, parser, probe)


def cases() -> Iterator[Case]:
    for label in labels():
        yield load_case(label)


def judge(case: Case) -> tuple[Evidence, Verdict]:
    """Evidence and verdict, probing only when the pipeline would."""
    ev = evidence_from_page(page_evidence_of(case.parser))
    verdict = classify(ev)
    if case.probe is not None and needs_probe(ev, verdict):
        verdict = classify(ev, case.probe)
    return ev, verdict
