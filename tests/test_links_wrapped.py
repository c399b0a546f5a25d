"""Addresses wrapped over two lines are read as one address; running text after one is not."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc


def _paper(path: Path, lines: list[str]) -> ratsdoc.Document:
    """Parse a reportlab page holding ``lines`` in 10 pt Helvetica, one under the other."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 10)
    for i, text in enumerate(lines):
        c.drawString(56, 780 - 14 * i, text)
    c.save()
    return ratsdoc.parse(path)


def test_address_wrapped_at_a_hyphen_goes_on(tmp_path: Path) -> None:
    doc = _paper(
        tmp_path / "hyphen.pdf",
        [
            "Allerdings gibt es bayerische Förderprogramme unter www.bayern-",
            "innovativ.de/de/beratung/ptb/seite/projekttraeger-bayern",
            "Auf der Homepage www.stadtteil-im-wandel.de sind alle Informationen abrufbar.",
        ],
    )
    assert doc.links == [
        "www.bayern-innovativ.de/de/beratung/ptb/seite/projekttraeger-bayern",
        "www.stadtteil-im-wandel.de",
    ]


def test_address_wrapped_at_a_slash_or_inside_a_path_goes_on(tmp_path: Path) -> None:
    doc = _paper(
        tmp_path / "slash.pdf",
        [
            "Die Vorlage steht unter https://ratsinfo.example.de/bi/",
            "vo020.asp?VOLFDNR=4711 zum Abruf bereit.",
            "Die Einwahl geht über https://meet.example.de/kommunal/j.php?MTID=ma2b7",
            "b79b75f8a5&lang=de und ein Telefon.",
        ],
    )
    assert doc.links == [
        "https://ratsinfo.example.de/bi/vo020.asp?VOLFDNR=4711",
        "https://meet.example.de/kommunal/j.php?MTID=ma2b7b79b75f8a5&lang=de",
    ]


def test_running_text_after_an_address_at_a_line_end_stays_text(tmp_path: Path) -> None:
    doc = _paper(
        tmp_path / "text.pdf",
        [
            "Die Unterlagen stehen unter www.ratsinfo.example.de",
            "bereit und können dort abgerufen werden.",
            "Siehe auch www.example.de/",
            "und die Aushänge im Rathaus.",
            "Zuletzt www.alt.example.de.",
            "de/ist/kein/Teil/mehr",
        ],
    )
    assert doc.links == ["www.ratsinfo.example.de", "www.example.de/", "www.alt.example.de"]


def test_a_label_set_apart_under_an_address_is_no_part_of_it(tmp_path: Path) -> None:
    # Regression (generated ALLRIS paper): "Anlage/n:" a blank line under an address ending its
    # paragraph was read as the address's path ("...anlage-237Anlage/n").
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "apart.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(56, 780, "Weitere Informationen:")
    c.drawString(56, 766, "https://www.lueneburg.de/rathaus/fahrradabstellanlage-237")
    c.drawString(56, 738, "Anlage/n:")
    c.drawString(56, 724, "Anlage 1: Kostenschätzung")
    c.save()
    assert ratsdoc.parse(path).links == ["https://www.lueneburg.de/rathaus/fahrradabstellanlage-237"]
