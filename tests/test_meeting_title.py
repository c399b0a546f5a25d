"""A meeting document's title: a subject line inside an agenda item is that item's, not the document's."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc


def _minutes(path: Path, *, subject: str | None) -> None:
    """One page of minutes whose item 1 is refined by a "hier:" line; with ``subject`` a
    "Betreff:" line of the document's own stands above the agenda."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    c = canvas.Canvas(str(path), invariant=1)
    y = 800.0
    rows: list[tuple[str, str, float, float]] = [
        ("Niederschrift", "Helvetica-Bold", 14, 56),
        ("über die 3. Sitzung des Rates der Stadt Musterstadt am 12. März 2024", "Helvetica", 10, 56),
        ("Beginn: 17:00 Uhr   Ende: 19:10 Uhr", "Helvetica", 10, 56),
    ]
    if subject:
        rows.append((f"Betreff: {subject}", "Helvetica", 10, 56))
    rows += [
        ("Tagesordnung", "Helvetica-Bold", 11, 56),
        ("1  Niederschrift und Übertragung der Ratssitzungen", "Helvetica", 10, 56),
        ("hier: Bestellung der Schriftführung", "Helvetica", 10, 70),
        ("2  Wahl der Stimmzähler", "Helvetica", 10, 56),
        ("3  Haushaltssatzung 2025", "Helvetica", 10, 56),
        ("Zu TOP 1", "Helvetica-Bold", 11, 56),
        ("Der Rat beschließt die Bestellung der Schriftführung.", "Helvetica", 10, 56),
        ("Abstimmungsergebnis: einstimmig", "Helvetica", 10, 56),
    ]
    for text, font, size, x in rows:
        y -= 14 if text == "Tagesordnung" else 0  # the agenda stands apart from the head
        c.setFont(font, size)
        c.drawString(x, y, text)
        y -= 18
    c.save()


def test_a_refinement_line_of_an_agenda_item_is_no_title(tmp_path: Path) -> None:
    path = tmp_path / "niederschrift.pdf"
    _minutes(path, subject=None)
    doc = ratsdoc.parse(path)
    assert doc.kind == "meeting"
    assert doc.title is None
    assert (
        doc.agenda_items[0].title
        == "Niederschrift und Übertragung der Ratssitzungen hier: Bestellung der Schriftführung"
    )


def test_a_subject_line_above_the_agenda_stays_the_title(tmp_path: Path) -> None:
    path = tmp_path / "niederschrift.pdf"
    _minutes(path, subject="Haushaltsberatungen 2025")
    doc = ratsdoc.parse(path)
    assert doc.kind == "meeting"
    assert doc.title == "Haushaltsberatungen 2025"
