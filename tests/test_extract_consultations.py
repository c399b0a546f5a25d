"""The Beratungsfolge reader (``extract/consultations.py``) on hand-built lines, under OCR noise."""

from __future__ import annotations

from ratsdoc.extract.consultations import extract_consultations, public_state
from ratsdoc.models import Consultation
from ratsdoc.profile import bundled_profiles

from .conftest import line_context as _context
from .conftest import text_line


def test_punctuation_speckle_does_not_split_a_wrapped_body() -> None:
    # Regression (scan of 0112/23): OCR read speckle in the date and role columns of the
    # first line of a wrapped body name as "." tokens, which made that line a row of its own.
    lines = [
        text_line(157, [(60, "Beratungsfolge"), (300, "Datum"), (370, "Behandlung"), (460, "Zuständigkeit")]),
        text_line(176, [(60, "Ausschuss für öffentliche Ordnung,"), (310, "."), (400, ".")]),
        text_line(
            188,
            [
                (60, "Sicherheit, Ortsteile und Ehrenamt"),
                (300, "12.01.2023"),
                (370, "nicht öffentlich"),
                (460, "Vorberatung"),
            ],
        ),
        text_line(209, [(60, "Stadtrat"), (300, "25.01.2023"), (370, "öffentlich"), (460, "Entscheidung")]),
    ]
    ctx = _context(lines, ocr=True)
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == [
        Consultation(
            body="Ausschuss für öffentliche Ordnung, Sicherheit, Ortsteile und Ehrenamt",
            date="2023-01-12",
            public=False,
            role="Vorberatung",
        ),
        Consultation(body="Stadtrat", date="2023-01-25", public=True, role="Entscheidung"),
    ]


def test_a_body_named_after_public_order_is_no_public_marker() -> None:
    # Regression (ALLRIS/SessionNet variants): "öffentliche" in the body name "Ausschuss für
    # öffentliche Ordnung" was read as the public marker "öffentlich", and cut out of the name.
    lines = [
        text_line(200, [(60, "Beratungsfolge:")]),
        text_line(215, [(140, "05.06.2023")]),
        text_line(227, [(140, "Ausschuss für öffentliche Ordnung, Sicherheit, Ortsteile und Ehrenamt")]),
        text_line(239, [(140, "Vorberatung")]),
        text_line(255, [(140, "19.06.2023")]),
        text_line(267, [(140, "Stadtrat")]),
        text_line(279, [(140, "Entscheidung")]),
    ]
    ctx = _context(lines, ocr=False)
    ctx.profile = bundled_profiles()["allris"]
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == [
        Consultation(
            body="Ausschuss für öffentliche Ordnung, Sicherheit, Ortsteile und Ehrenamt",
            date="2023-06-05",
            public=None,
            role="Vorberatung",
        ),
        Consultation(body="Stadtrat", date="2023-06-19", public=None, role="Entscheidung"),
    ]


def test_public_markers_are_whole_words() -> None:
    ctx = _context([], ocr=False)
    assert public_state("Öffentlichkeitsarbeit", ctx) is None
    assert public_state("Ausschuss für öffentliche Ordnung", ctx) is None
    assert public_state("öffentlich", ctx) is True
    assert public_state("nicht öffentlich", ctx) is False
    assert public_state("(nichtöffentlich)", ctx) is False
    # A marker that is the whole value may be inflected ("Öffentliche Tagesordnung").
    assert public_state("Öffentliche", ctx) is True
    assert public_state("Nichtöffentliche", ctx) is False
