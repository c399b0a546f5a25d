"""Generated meeting fixtures (scripts/generate_meetings.py): every meeting field equals the
golden the generator wrote from its own content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ratsdoc

from .conftest import FIXTURES

MEETINGS = FIXTURES / "meetings"
FIELDS = ("kind", "document_type", "meeting", "agenda_items", "attendees", "speeches", "page_count")


def _pdfs() -> list[Path]:
    return sorted(MEETINGS.glob("*.pdf"))


@pytest.fixture(scope="module")
def parsed() -> dict[str, dict[str, object]]:
    return {p.name: ratsdoc.parse(p).model_dump(mode="json") for p in _pdfs()}


def test_every_kind_of_meeting_document_is_there() -> None:
    kinds = {p.stem.split("-")[0] for p in _pdfs()}
    assert kinds == {"einladung", "niederschrift", "wortprotokoll", "protokoll"}


@pytest.mark.parametrize("pdf", _pdfs(), ids=lambda p: p.stem)
@pytest.mark.parametrize("field", FIELDS)
def test_meeting_field_matches_golden(pdf: Path, field: str, parsed: dict[str, dict[str, object]]) -> None:
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    assert parsed[pdf.name][field] == golden[field]


@pytest.mark.parametrize("pdf", _pdfs(), ids=lambda p: p.stem)
def test_text_is_in_reading_order(pdf: Path, parsed: dict[str, dict[str, object]]) -> None:
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    text = parsed[pdf.name]["text"]
    assert isinstance(text, str) and "Seite 1 von" not in text
    # Each speech's text appears whole: the columns were read one after the other.
    for speech in golden["speeches"]:
        assert speech["text"] in " ".join(text.split("\n"))


def test_paper_fields_stay_empty_on_meetings(parsed: dict[str, dict[str, object]]) -> None:
    for doc in parsed.values():
        assert doc["consultations"] == [] and doc["resolution_proposal"] == [] and doc["finances"] is None
