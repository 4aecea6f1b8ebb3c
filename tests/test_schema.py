from __future__ import annotations

import json
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from scrapy.exporters import JsonLinesItemExporter
from scrapy.settings import Settings

from newscrawler.items import EXPORT_FIELDS, Article

from conftest import SCHEMA, validate


def test_schema_and_item_list_the_same_fields_in_order():
    assert list(SCHEMA["properties"]) == EXPORT_FIELDS
    assert SCHEMA["required"] == EXPORT_FIELDS
    assert "evidence" not in EXPORT_FIELDS
    assert "evidence" in {f.name for f in fields(Article)}


def test_settings_export_exactly_the_schema_fields():
    settings = Settings()
    settings.setmodule("newscrawler.settings")
    assert settings.getlist("FEED_EXPORT_FIELDS") == EXPORT_FIELDS


def _export(item: Article, tmp_path: Path) -> dict:
    path = tmp_path / "x.jsonl"
    with path.open("wb") as f:
        exporter = JsonLinesItemExporter(f, fields_to_export=EXPORT_FIELDS, ensure_ascii=False)
        exporter.start_exporting()
        exporter.export_item(item)
        exporter.finish_exporting()
    return json.loads(path.read_text(encoding="utf-8"))


def test_an_exported_article_validates_and_dates_are_iso(tmp_path):
    item = Article(
        url="https://x.test/a", canonical_url="https://x.test/a", id="0" * 24, title="Tö",
        body="One.\n\nTwo.", published="2025-04-25", fetched_at=datetime(2025, 4, 26, tzinfo=UTC),
        evidence=object(),
    )
    line = _export(item, tmp_path)
    assert line["fetched_at"] == "2025-04-26T00:00:00+00:00"
    assert line["title"] == "Tö"
    assert "evidence" not in line
    validate([line])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("published", "25/04/2025"),
        ("published", "2025-04-25T09:30:00 EST"),
        ("id", "not-hex"),
        ("body", ""),
        ("language", "English"),
        ("flags", ["Has Space"]),
        ("version", 0),
        ("archive", {"file": "a.warc.gz"}),
        ("archive", {"file": "a.warc.gz", "offset": -1}),
    ],
)
def test_schema_rejects_bad_values(field, value):
    line = {
        "url": "https://x.test/a", "canonical_url": "https://x.test/a", "id": "0" * 24,
        "source": None, "title": "T", "subtitle": None, "description": None,
        "authors": [], "published": None,
        "modified": None, "dateline": None, "language": "en", "body": "B", "release_id": None,
        "issuer": None, "tickers": [], "about": None, "contacts": None, "credits": None,
        "safe_harbor": None,
        "http_status": 200,
        "fetched_at": "2025-04-26T00:00:00+00:00", "flags": [], "cluster_id": None,
        "duplicate_of": None, "version": 1, "archive": None,
    }
    validate([line])
    line[field] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(line, SCHEMA, cls=jsonschema.Draft202012Validator)
