"""Field-name lists derive from the Drucksache model, and every user of them agrees with it."""

from __future__ import annotations

import sqlite3

import pytest

from ratsdoc.ingest.store import CSV_COLUMNS, SCALAR_FIELDS, SCHEMA
from ratsdoc.models import CONTENT_FIELDS, COVER_FIELDS, Drucksache
from ratsdoc.profile import VALUE_FIELDS, Profile


def test_field_groups_follow_the_model() -> None:
    fields = list(Drucksache.model_fields)
    assert list(CONTENT_FIELDS) == fields[: len(CONTENT_FIELDS)]
    assert list(COVER_FIELDS) == fields[: len(COVER_FIELDS)]
    assert set(fields) - set(CONTENT_FIELDS) == {"page_count", "source", "profile", "warnings", "provenance"}
    assert COVER_FIELDS == ("number", "title", "document_type", "public", "body", "originator", "faction", "date")


def test_archive_has_a_column_for_every_cover_field() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    assert set(SCALAR_FIELDS) <= columns
    assert CSV_COLUMNS[: len(COVER_FIELDS)] == COVER_FIELDS


def test_labelled_values_fill_cover_fields_only() -> None:
    assert "faction" not in VALUE_FIELDS and set(COVER_FIELDS) > VALUE_FIELDS
    for name in VALUE_FIELDS:
        Profile(name="x", description="x", document_types=["A"], values={name: [r"X\s*:\s*(?P<value>.+)"]})
    for name in ("faction", "justification", "page_count"):
        with pytest.raises(ValueError, match="not a cover field"):
            Profile(name="x", description="x", document_types=["A"], values={name: [r"X\s*:\s*(?P<value>.+)"]})
