"""Links from text and annotations: one entry per target, printed form kept, reading order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import ratsdoc


def _canvas(path: Path) -> Any:
    """A reproducible reportlab page for ``path`` in 10 pt Helvetica (skips without reportlab)."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 10)
    return c


def test_printed_and_annotated_spellings_are_one_link(tmp_path: Path) -> None:
    path = tmp_path / "links.pdf"
    c = _canvas(path)
    c.drawString(56, 780, "Unterlagen: www.ratsinfo.example.de")
    c.linkURL("http://www.ratsinfo.example.de/", (110, 775, 260, 790))
    c.drawString(56, 760, "Einwahl ohne gedruckte Adresse")
    c.linkURL("https://meet.example.de/j.php?id=42", (56, 755, 200, 770))
    c.drawString(56, 740, "Nochmals: https://www.ratsinfo.example.de.")
    c.save()
    doc = ratsdoc.parse(path)
    assert doc.links == ["www.ratsinfo.example.de", "https://meet.example.de/j.php?id=42"]


def test_only_web_and_mail_links_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "schemes.pdf"
    c = _canvas(path)
    c.drawString(56, 780, "Unterlagen im Ratsinformationssystem")
    targets = [
        "javascript:app.alert(1)",
        " JavaScript:void(0)",
        "file:///etc/passwd",
        "data:text/html,<script>alert(1)</script>",
        "mailto:ratsbuero@example.de",
        "https://ratsinfo.example.de/vo/42",
        "smb://server/freigabe",
    ]
    for i, target in enumerate(targets):
        c.linkURL(target, (56, 700 - 20 * i, 200, 715 - 20 * i))
    c.save()
    for engine in ("pdfplumber", "pdfium"):
        doc = ratsdoc.parse(path, engine=engine)
        assert doc.links == ["mailto:ratsbuero@example.de", "https://ratsinfo.example.de/vo/42"], engine
        dropped = [w for w in doc.warnings if "link to a" in w]
        assert {w.split("link to a ")[1].split(":")[0] for w in dropped} == {"javascript", "file", "data", "smb"}
        assert all(w.startswith("page 1:") for w in dropped)
