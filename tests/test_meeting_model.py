"""The output contract for meeting documents: ``kind``, the meeting fields, ``text``, and the
JSON Schema (every field described, a union on ``kind``)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from ratsdoc.models import CONTENT_FIELDS, MEETING_FIELDS, PAPER_FIELDS, Drucksache
from ratsdoc.schema import document_schema


def _undescribed(schema: dict[str, Any]) -> list[str]:
    missing = [f"top.{name}" for name, prop in schema["properties"].items() if "description" not in prop]
    for definition, body in schema["$defs"].items():
        missing += [f"{definition}.{n}" for n, prop in body.get("properties", {}).items() if "description" not in prop]
    return missing


def test_every_field_of_both_kinds_has_a_description() -> None:
    assert _undescribed(document_schema()) == []


def test_schema_is_a_union_on_kind() -> None:
    schema = document_schema()
    kinds = [branch["properties"]["kind"]["const"] for branch in schema["oneOf"]]
    assert kinds == ["paper", "meeting"]
    paper, meeting = schema["oneOf"]
    assert paper["properties"]["meeting"] == {"type": "null"}
    assert meeting["properties"]["consultations"] == {"maxItems": 0}


def test_field_groups() -> None:
    assert MEETING_FIELDS == ("meeting", "agenda_items", "attendees", "speeches")
    assert "kind" in CONTENT_FIELDS and "text" in CONTENT_FIELDS
    assert not set(PAPER_FIELDS) & {"kind", "text", *MEETING_FIELDS}


def test_a_paper_defaults_to_kind_paper_with_empty_meeting_fields() -> None:
    doc = Drucksache.model_validate({"page_count": 1, "source": {"sha256": "0" * 64}})
    assert doc.kind == "paper" and doc.meeting is None and doc.agenda_items == [] and doc.text == ""


def test_kind_is_paper_or_meeting_only() -> None:
    with pytest.raises(ValidationError):
        Drucksache.model_validate({"kind": "letter", "page_count": 1, "source": {"sha256": "0" * 64}})


def test_meeting_fields_validate() -> None:
    doc = Drucksache.model_validate(
        {
            "kind": "meeting",
            "meeting": {"date": "2024-03-12", "start": "17:00", "location": "Rathaus"},
            "agenda_items": [
                {"number": "3", "title": "Spielplatz", "public": True, "paper_numbers": ["VO/2024/123"]},
                {"number": "6", "title": "Grundstück", "vote": {"yes": 7, "no": 2, "abstain": 0, "unanimous": False}},
            ],
            "attendees": [{"name": "Anna Bauer", "faction": "SPD"}],
            "speeches": [{"speaker": "Frank", "role": "GRÜNE", "text": "Danke."}],
            "page_count": 1,
            "source": {"sha256": "0" * 64},
        }
    )
    assert doc.agenda_items[1].vote is not None and doc.agenda_items[1].vote.no == 2
    assert str(doc.meeting.date if doc.meeting else None) == "2024-03-12"
