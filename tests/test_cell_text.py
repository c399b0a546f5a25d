"""Ruled rows whose cells hold as many lines each (``layout/cell_text.py``): wrapped text is read
cell by cell, a frame around a table of unruled rows keeps its lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.layout.cell_text import NONE, STRONG, WEAK, junction, wrapped_row
from ratsdoc.layout.cells import join_wrapped_cells
from ratsdoc.layout.lines import Token

from .conftest import ruled_grid as _grid
from .conftest import text_line


def _tokens(text: str) -> list[Token]:
    """One line of 10 pt words (for the word tests: position matters only across lines)."""
    return text_line(100, [(50, text)]).tokens


def _cell(*lines: str, top: float = 100, pitch: float = 12) -> list[list[Token]]:
    """A cell's lines, 10 pt high, ``pitch`` apart."""
    return [text_line(top + pitch * k, [(50, text)]).tokens for k, text in enumerate(lines)]


@pytest.mark.parametrize(
    ("above", "below", "evidence"),
    [
        ("Förderung der Chancen-", "gleichheit von Frauen", STRONG),  # a word broken at the line end
        ("Steuerung und", "Controlling", STRONG),  # a joining word ends the line
        ("Ausschuss für Umwelt", "und Verkehr", STRONG),  # a joining word starts the next
        ("Haushaltsmittel oder vergleichbare", "Zuwendungen", WEAK),  # a lowercase word at the break
        ("öffentlich", "nicht öffentlich", WEAK),
        ("Hauptausschuss", "Umweltausschuss", NONE),  # two names
        ("Ziele bis 2030.", "und Maßnahmen", NONE),  # the sentence ended
        ("12.000,00", "3.500,00", NONE),
        ("Gegen-", "- Vorschlag", NONE),  # a dash, not a broken word
    ],
)
def test_the_words_at_a_line_break_tell_a_wrap(above: str, below: str, evidence: int) -> None:
    assert junction(_tokens(above), _tokens(below)) == evidence


def test_cells_of_wrapped_text_are_a_wrapped_row() -> None:
    assert wrapped_row(
        [
            _cell("Haushaltsmittel oder vergleichbare", "Zuwendungen beantragt", "(Stand und Verfahren)"),
            _cell("Aufsicht und Prüfung", "der Verwendungsnachweise;", "Zuständige Stelle"),
        ]
    )


@pytest.mark.parametrize(
    "cells",
    [
        # Names beside dates: the rows of a table drawn without rules between them.
        [_cell("Hauptausschuss", "Umweltausschuss", "Stadtrat"), _cell("05.02.2025", "24.02.2025", "13.03.2025")],
        # Status words go on like a sentence, but the names beside them do not.
        [_cell("Hauptausschuss", "Stadtrat"), _cell("öffentlich", "nicht öffentlich")],
        # Only lowercase words at the breaks, nowhere a broken or joining word: in doubt, rows.
        [_cell("Radwege ausbauen", "Schulen sanieren"), _cell("geplant", "erledigt")],
        # Numbered items of a list.
        [_cell("1. Ausbau der", "2. Sanierung der"), _cell("Radwege und", "Schulen und")],
        # A blank line between the lines: entries, not a wrap.
        [_cell("Ausschuss für", "Umwelt und Verkehr", pitch=30), _cell("Bau und", "Planung", pitch=30)],
        # A cell of amounts.
        [_cell("Personalkosten und", "Sachkosten der"), _cell("12.000,00", "3.500,00")],
    ],
)
def test_rows_of_a_table_without_rules_are_no_wrapped_row(cells: list[list[list[Token]]]) -> None:
    assert not wrapped_row(cells)


def test_a_ruled_row_of_equally_wrapped_cells_is_read_cell_by_cell() -> None:
    # Regression (382656, a scanned annex): a header row of three cells wrapped to three lines
    # each was read line by line across the cells ("Haushaltsmittel oder vergleichbare
    # Haushaltsmittel oder vergleichbare Aufsicht und ..."), because only rows whose cells hold
    # different numbers of lines were joined.
    shapes = _grid([40, 200, 360, 520], [100, 140, 170])
    lines = [
        text_line(103, [(45, "Haushaltsmittel oder"), (205, "Haushaltsmittel oder"), (365, "Aufsicht und")]),
        text_line(115, [(45, "vergleichbare Zuwendungen"), (205, "vergleichbare Zuwendungen"), (365, "Prüfung der")]),
        text_line(127, [(45, "(bewilligt)"), (205, "(beantragt)"), (365, "Verwendung;")]),
        text_line(145, [(45, "Sportverein"), (205, "Zuschuss für die"), (365, "Sportamt")]),
        text_line(157, [(205, "Flutlichtanlage")]),
    ]
    assert [line.text for line in join_wrapped_cells(lines, shapes)] == [
        "Haushaltsmittel oder vergleichbare Zuwendungen (bewilligt) "
        "Haushaltsmittel oder vergleichbare Zuwendungen (beantragt) Aufsicht und Prüfung der Verwendung;",
        "Sportverein Zuschuss für die Flutlichtanlage Sportamt",
    ]


def test_a_frame_around_rows_without_rules_keeps_its_lines() -> None:
    shapes = _grid([40, 200, 300, 420], [100, 150])
    lines = [
        text_line(103, [(45, "Hauptausschuss"), (205, "05.02.2025"), (305, "öffentlich")]),
        text_line(115, [(45, "Umweltausschuss"), (205, "24.02.2025"), (305, "nicht öffentlich")]),
        text_line(127, [(45, "Stadtrat"), (205, "13.03.2025"), (305, "öffentlich")]),
    ]
    assert [line.text for line in join_wrapped_cells(lines, shapes)] == [
        "Hauptausschuss 05.02.2025 öffentlich",
        "Umweltausschuss 24.02.2025 nicht öffentlich",
        "Stadtrat 13.03.2025 öffentlich",
    ]


def _table_pdf(path: Path) -> None:
    """A one-page paper (reportlab) with a ruled overview table, its header cells wrapped to
    three lines each, and a framed list of dates whose rows have no rules between them."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(595.0, 842.0))
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 780, "Übersicht über die Förderung der Vereine")
    xs, ys = [50, 210, 370, 540], [760, 715, 680]
    for y in ys:
        pdf.line(xs[0], y, xs[-1], y)
    for x in xs:
        pdf.line(x, ys[0], x, ys[-1])
    header = [
        ["Haushaltsmittel oder", "vergleichbare Zuwendungen", "(bewilligt)"],
        ["Haushaltsmittel oder", "vergleichbare Zuwendungen", "(beantragt)"],
        ["Aufsicht und Prüfung", "der Verwendung;", "Zuständige Stelle"],
    ]
    for x, cell in zip(xs, header, strict=False):
        for k, text in enumerate(cell):
            pdf.drawString(x + 5, 748 - 12 * k, text)
    for x, text in zip(xs, ["Sportverein", "Zuschuss für Flutlicht", "Sportamt"], strict=False):
        pdf.drawString(x + 5, 700, text)
    pdf.rect(50, 560, 490, 60)  # a frame of two columns around two rows of dates
    pdf.line(290, 560, 290, 620)
    for k, (body, date) in enumerate([("Hauptausschuss", "05.02.2025"), ("Stadtrat", "13.03.2025")]):
        pdf.drawString(55, 600 - 12 * k, body)
        pdf.drawString(300, 600 - 12 * k, date)
    pdf.save()


def test_a_paper_with_a_wrapped_header_row_reads_it_cell_by_cell(tmp_path: Path) -> None:
    from ratsdoc.budget import document_guard
    from ratsdoc.input import load_input
    from ratsdoc.options import ParseOptions
    from ratsdoc.pipeline import read_layout

    _table_pdf(tmp_path / "table.pdf")
    options = ParseOptions()
    with document_guard(options, str(tmp_path / "table.pdf")) as budget:
        layout, _ = read_layout(
            load_input(str(tmp_path / "table.pdf"), max_file_size=options.max_file_size), options, budget
        )
    texts = [line.text for line in layout.lines]
    assert (
        "Haushaltsmittel oder vergleichbare Zuwendungen (bewilligt) Haushaltsmittel oder vergleichbare Zuwendungen"
        " (beantragt) Aufsicht und Prüfung der Verwendung; Zuständige Stelle"
    ) in texts
    assert "Hauptausschuss 05.02.2025" in texts and "Stadtrat 13.03.2025" in texts
