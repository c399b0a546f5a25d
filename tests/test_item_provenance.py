"""Per-item provenance: every row, item, option, cell, attachment and agenda item has its own box."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ratsdoc.extract.context import Context
from ratsdoc.extract.generic import fill_resolution
from ratsdoc.layout.lines import Line
from ratsdoc.meeting.extract import extract_meeting
from ratsdoc.models import BBox, Provenance
from ratsdoc.profile import bundled_profiles
from ratsdoc.regions import Layout, PageInfo
from ratsdoc.trace import Trace, trace

from .conftest import FIXTURES, fixture_pdfs, text_line

LISTS = ("consultations", "resolution_proposal", "attachments", "checkboxes", "agenda_items")


def _context(lines: list[Line], profile: str) -> Context:
    return Context(layout=Layout(pages=[PageInfo(1, 595.0, 842.0)], lines=lines), profile=bundled_profiles()[profile])


def _covers(where: list[Provenance], line: Line) -> bool:
    return any(p.bbox.top <= line.top and p.bbox.bottom >= line.bottom and p.bbox.x0 <= line.x0 for p in where)


@cache
def _trace(path: Path) -> Trace:
    return trace(path)


@pytest.mark.parametrize("pdf", [*fixture_pdfs(), *sorted((FIXTURES / "meetings").glob("*.pdf"))], ids=lambda p: p.stem)
def test_every_part_of_a_list_field_has_its_box(pdf: Path) -> None:
    t = _trace(pdf)
    document = t.document
    expected = [f"{name}[{i}]" for name in LISTS for i in range(len(getattr(document, name)))]
    expected += [
        f"checkboxes[{g}].options[{o}]"
        for g, group in enumerate(document.checkboxes)
        for o in range(len(group.options))
    ]
    rows = document.finances.rows if document.finances else []
    expected += [
        f"finances.rows[{r}].amounts.{year}"
        for r, row in enumerate(rows)
        for year, v in row.amounts.items()
        if v is not None
    ]
    assert [path for path in expected if path not in t.items] == []
    # Nothing is drawn for a part the output does not have.
    top_level = {path.split("[")[0].split(".")[0] for path in t.items}
    assert all(getattr(document, name) for name in top_level)


def test_agenda_items_each_point_at_their_lines_and_paper_parts_go() -> None:
    rows = [
        [(50, "Einladung")],
        [(50, "Tagesordnung")],
        [(50, "TOP 1"), (110, "Eröffnung der Sitzung")],
        [(50, "TOP 2"), (110, "Sanierung Spielplatz an der")],
        [(110, "Schulstraße")],
        [(50, "TOP 3"), (110, "Verschiedenes")],
    ]
    lines = [text_line(100 + 14 * i, row) for i, row in enumerate(rows)]
    ctx = _context(lines, "generic")
    # A paper extractor that ran before may have left parts of fields a meeting has not.
    stale = Provenance(page=1, bbox=BBox(x0=50, top=100, x1=100, bottom=110))
    ctx.fields.items.update({"finances.rows[0]": [stale], "consultations[0]": [stale]})
    extract_meeting(ctx)
    assert [item.title for item in ctx.fields.values["agenda_items"]] == [
        "Eröffnung der Sitzung",
        "Sanierung Spielplatz an der Schulstraße",
        "Verschiedenes",
    ]
    assert sorted(ctx.fields.items) == ["agenda_items[0]", "agenda_items[1]", "agenda_items[2]"]
    assert _covers(ctx.fields.items["agenda_items[1]"], lines[3]) and _covers(
        ctx.fields.items["agenda_items[1]"], lines[4]
    )
    assert not _covers(ctx.fields.items["agenda_items[1]"], lines[5])


def test_requests_the_generic_reader_finds_each_have_their_box() -> None:
    rows = [
        "Wir beantragen:",
        "1. Die Verwaltung prüft einen Zebrastreifen an der Schulstraße.",
        "2. Sie berichtet im nächsten Ausschuss.",
        "Mit freundlichen Grüßen",
    ]
    lines = [text_line(100 + 20 * i, [(70, text)]) for i, text in enumerate(rows)]
    ctx = _context(lines, "letter")
    fill_resolution(ctx)
    items = ctx.fields.values["resolution_proposal"]
    assert len(items) == 2
    assert _covers(ctx.fields.items["resolution_proposal[0]"], lines[1])
    assert _covers(ctx.fields.items["resolution_proposal[1]"], lines[2])
    assert not _covers(ctx.fields.items["resolution_proposal[1]"], lines[1])
