"""Links from text and annotations: one entry per target, printed form kept, reading order."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc


def test_printed_and_annotated_spellings_are_one_link(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "links.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(56, 780, "Unterlagen: www.ratsinfo.example.de")
    c.linkURL("http://www.ratsinfo.example.de/", (110, 775, 260, 790))
    c.drawString(56, 760, "Einwahl ohne gedruckte Adresse")
    c.linkURL("https://meet.example.de/j.php?id=42", (56, 755, 200, 770))
    c.drawString(56, 740, "Nochmals: https://www.ratsinfo.example.de.")
    c.save()
    doc = ratsdoc.parse(path)
    assert doc.links == ["www.ratsinfo.example.de", "https://meet.example.de/j.php?id=42"]
