"""Every fixture's output equals its hand-written golden JSON, field for field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.models import PAPER_FIELDS

from .conftest import golden_pdfs


@pytest.fixture(scope="module")
def parsed() -> dict[str, dict[str, object]]:
    return {p.name: ratsdoc.parse(p).model_dump(mode="json") for p in golden_pdfs()}


def test_there_are_goldens() -> None:
    assert len(golden_pdfs()) >= 9


@pytest.mark.parametrize("pdf", golden_pdfs(), ids=lambda p: p.stem)
@pytest.mark.parametrize("field", [*PAPER_FIELDS, "page_count"])
def test_field_matches_golden(pdf: Path, field: str, parsed: dict[str, dict[str, object]]) -> None:
    golden = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    assert field in golden, f"golden {pdf.with_suffix('.json').name} lacks {field!r}"
    assert parsed[pdf.name][field] == golden[field]


@pytest.mark.parametrize("pdf", golden_pdfs(), ids=lambda p: p.stem)
def test_no_undetermined_checkbox_states(pdf: Path, parsed: dict[str, dict[str, object]]) -> None:
    groups = parsed[pdf.name]["checkboxes"]
    assert isinstance(groups, list)
    states = [o["checked"] for g in groups for o in g["options"]]
    assert None not in states


@pytest.mark.parametrize("pdf", golden_pdfs(), ids=lambda p: p.stem)
def test_provenance_covers_filled_fields(pdf: Path, parsed: dict[str, dict[str, object]]) -> None:
    doc = parsed[pdf.name]
    prov = doc["provenance"]
    assert isinstance(prov, dict)
    for field in ("number", "title", "document_type", "date", "consultations", "checkboxes"):
        if doc[field]:
            assert prov.get(field), f"no provenance for {field}"
            for entry in prov[field]:
                assert 1 <= entry["page"] <= doc["page_count"]
                box = entry["bbox"]
                assert box["x0"] <= box["x1"] and box["top"] <= box["bottom"]
