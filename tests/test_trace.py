"""The trace of a parse: the boxes of each part of the list fields, and the rule behind a field."""

from __future__ import annotations

from functools import cache

import pytest

from ratsdoc.models import Provenance
from ratsdoc.trace import Trace, trace

from .conftest import FIXTURES


@cache
def _trace(name: str) -> Trace:
    return trace(FIXTURES / name)


def _inside(part: Provenance, whole: list[Provenance]) -> bool:
    return any(
        w.page == part.page
        and w.bbox.x0 - 0.5 <= part.bbox.x0
        and part.bbox.x1 <= w.bbox.x1 + 0.5
        and w.bbox.top - 0.5 <= part.bbox.top
        and part.bbox.bottom <= w.bbox.bottom + 0.5
        for w in whole
    )


@pytest.mark.parametrize(
    "name", ["erfurt-0112-23-glyphs.pdf", "allris-24-0417-kita.pdf", "sessionnet-vo-2024-210-vergabe.pdf"]
)
def test_every_item_has_a_box_inside_its_field(name: str) -> None:
    t = _trace(name)
    doc = t.document
    for field in ("consultations", "resolution_proposal", "checkboxes", "attachments"):
        count = len(getattr(doc, field))
        assert [k for k in t.items if k.startswith(field + "[") and "." not in k] == [
            f"{field}[{i}]" for i in range(count)
        ], field
        for index in range(count):
            for part in t.items[f"{field}[{index}]"]:
                assert _inside(part, doc.provenance[field]), (field, index)
    for number, group in enumerate(doc.checkboxes):
        for option in range(len(group.options)):
            assert f"checkboxes[{number}].options[{option}]" in t.items


def test_consultation_rows_are_apart_and_in_order() -> None:
    t = _trace("erfurt-0112-23-glyphs.pdf")
    first, second = t.items["consultations[0]"][0], t.items["consultations[1]"][0]
    assert first.bbox.bottom <= second.bbox.top  # "Stadtrat" below the committee's two lines
    assert first.bbox.bottom - first.bbox.top > 20  # the committee's name wraps over lines


def test_finance_cells_have_boxes_in_their_year_column() -> None:
    t = _trace("erfurt-1203-24-radweg.pdf")
    rows = t.document.finances.rows if t.document.finances else []
    assert rows
    years = list(rows[0].amounts)
    cells = [t.items.get(f"finances.rows[0].amounts.{year}") for year in years]
    found = [c[0].bbox.x0 for c in cells if c]
    assert found == sorted(found) and found  # left to right, as the years


def test_field_sources_name_the_profile_rules() -> None:
    rules = {s.field: s.rules for s in _trace("erfurt-0112-23-glyphs.pdf").sources}
    assert rules["number"] == ("number_patterns",)
    assert rules["title"] == ("label title",)
    assert "label resolution" in rules["resolution_proposal"]
    scores = _trace("erfurt-0112-23-glyphs.pdf").profile_scores
    assert scores[0].name == "erfurt" and scores[0].chosen and scores[0].score >= scores[0].min_score
