"""Recorded pages (tests/data/parser_fixtures/) still parse to the fields recorded for them.

A fixture is a page's bytes and the exported fields its parser gave when it was recorded
and reviewed (``python -m tools.record_fixture``, README "Parser fixtures").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tools.record_fixture import (
    COMMAND,
    FIXTURES,
    PARSERS,
    RECORDED_FIELDS,
    all_fixtures,
    page_file,
    parse_fixture,
)

FIXTURE_FILES = all_fixtures()


def field_differences(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[str]:
    if len(expected) != len(got):
        return [f"{len(got)} items, {len(expected)} recorded"]
    return [f"item {n} {name}: recorded {want!r}, now {item.get(name)!r}"
            for n, (recorded, item) in enumerate(zip(expected, got, strict=True))
            for name, want in recorded.items() if item.get(name) != want]


def test_every_parser_has_a_fixture() -> None:
    assert {path.parent.name for path in FIXTURE_FILES} == set(PARSERS)


@pytest.mark.parametrize("fixture", FIXTURE_FILES,
                         ids=[path.relative_to(FIXTURES).as_posix() for path in FIXTURE_FILES])
def test_recorded_page_parses_to_its_recorded_fields(fixture: Path) -> None:
    record = json.loads(fixture.read_text(encoding="utf-8"))
    assert record["parser"] == fixture.parent.name
    assert record["items"], "a fixture records at least one item"
    for item in record["items"]:
        assert sorted(item) == sorted(RECORDED_FIELDS), "re-record: the exported fields changed"
    got = parse_fixture(record, page_file(fixture).read_bytes())
    diff = field_differences(record["items"], got)
    assert not diff, (
        f"{fixture.name} no longer parses as recorded:\n  " + "\n  ".join(diff)
        + f"\nIf the new values are right: {COMMAND} --update {fixture.relative_to(FIXTURES.parents[2])}"
        + " (then review git diff)"
    )


def test_a_changed_field_is_named() -> None:
    recorded = [{"title": "A", "authors": ["B"]}]
    assert field_differences(recorded, [{"title": "A", "authors": []}]) == [
        "item 0 authors: recorded ['B'], now []"]
    assert field_differences(recorded, []) == ["0 items, 1 recorded"]
