"""Invisible text (render mode 3) on a page that is not a scan: ignored, with a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.issues import IssueCode
from ratsdoc.layout.model import Char, Page
from ratsdoc.ocr.policy import without_invisible_text


def _hidden_number(path: Path) -> None:
    """A paper printing "Drucksache 0112/23" with an invisible "Drucksache 9999/99" above it."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    c = canvas.Canvas(str(path), invariant=1)
    hidden = c.beginText(56, 800)
    hidden.setFont("Helvetica-Bold", 14)
    hidden.setTextRenderMode(3)
    hidden.textLine("Drucksache 9999/99")
    c.saveState()  # the render mode is graphics state: it would outlive the text object
    c.drawText(hidden)
    c.restoreState()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(56, 770, "Drucksache 0112/23")
    c.setFont("Helvetica", 11)
    c.drawString(56, 740, "Beschlussvorlage")
    c.drawString(56, 720, "Betreff: Sanierung der Grundschule am Markt")
    c.save()


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_hidden_number_does_not_replace_the_printed_one(engine: str, tmp_path: Path) -> None:
    path = tmp_path / "hidden.pdf"
    _hidden_number(path)
    doc = ratsdoc.parse(path, engine=engine)
    assert doc.number == "0112/23"
    hidden = [w for w in doc.warnings if "invisible character" in w]
    assert hidden == [
        "page 1: 18 invisible character(s) were ignored (text that is not drawn, on a page that is not a scan)"
    ]


def test_a_scan_keeps_its_invisible_layer() -> None:
    chars = (Char("A", 10, 10, 20, 20, "F", 10), Char("B", 20, 10, 30, 20, "F", 10, invisible=True))
    scan = Page(1, 100, 100, chars, image_area=100 * 100)
    assert without_invisible_text(scan) is scan
    paper = Page(1, 100, 100, chars)
    cleaned = without_invisible_text(paper)
    assert [c.text for c in cleaned.chars] == ["A"]
    assert [issue.code for issue in cleaned.warnings] == [IssueCode.TEXT_INVISIBLE]
