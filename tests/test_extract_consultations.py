"""The Beratungsfolge reader (``extract/consultations.py``) on hand-built lines, under OCR noise."""

from __future__ import annotations

from dataclasses import replace

from ratsdoc.extract.consultations import extract_consultations, public_state
from ratsdoc.layout.lines import Line
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


def test_a_header_row_with_a_colon_after_a_word_is_no_field_label() -> None:
    # Regression (scanned SD.NET Vorlagen of seeds 5 and 7): the header row under "Beratungsfolge:"
    # read "Datum: Gremium Zuständigkeit" (here with a stamp's word and a quote mark as well)
    # ended the table before its rows, and a speck read as
    # "?" after a role stayed at the end of its body.
    lines = [
        text_line(212, [(69, "Beratungsfolge:")]),
        text_line(244, [(72, "Datum:"), (137, "Gremium \\ Eingang"), (460, '"Zuständigkeit')]),
        text_line(265, [(73, "16.12.2024"), (137, "Ausschuss für Umwelt und Klimaschutz"), (460, "Vorberatung")]),
        text_line(285, [(73, "13.01.2025"), (137, "Ortsrat Mitte"), (460, "Vorberatung?")]),
        text_line(305, [(73, "04.02.2025"), (137, "Stadtrat"), (460, "Entscheidung")]),
    ]
    ctx = _context(lines, "generic", ocr=True)
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == [
        Consultation(body="Ausschuss für Umwelt und Klimaschutz", date="2024-12-16", public=None, role="Vorberatung"),
        Consultation(body="Ortsrat Mitte", date="2025-01-13", public=None, role="Vorberatung"),
        Consultation(body="Stadtrat", date="2025-02-04", public=None, role="Entscheidung"),
    ]


def test_specks_of_the_rules_and_unread_status_marks_are_no_part_of_the_table() -> None:
    # Regression (scanned SD.NET Vorlagen of seed 5): specks of a rule read as "u u u" over the
    # header ended the table (a gap measured in their 1 pt height), a header "Ö/N" read as "ÖIN"
    # or with a rule read as "——/" was no header, a status "Ö" read as "(6)" or "[e)" stood in
    # the body, and one read as "ö" or "|ö" said nothing.
    lines = [
        text_line(184, [(69, "Beratungsfolge:")]),
        Line(
            1, [replace(t, size=1.0, top=209.0, bottom=210.0) for t in text_line(209, [(115, "u"), (198, "u")]).tokens]
        ),
        text_line(214, [(72, "Status"), (117, "Datum:"), (181, "Gremium ——/"), (448, "Zuständigkeit"), (504, "ÖIN")]),
        text_line(232, [(71, "(6)"), (117, "23.11.2023"), (181, "Schulausschuss"), (448, "Kenntnisnahme")]),
        text_line(250, [(72, "N"), (117, "11.12.2023"), (181, "Verwaltungsausschuss"), (448, "Kenntnisnahme")]),
        text_line(268, [(117, "18.12.2023"), (181, "Stadtrat [e)"), (448, "Entscheidung |ö")]),
    ]
    ctx = _context(lines, "generic", ocr=True)
    extract_consultations(ctx)
    assert ctx.fields.values["consultations"] == [
        Consultation(body="Schulausschuss", date="2023-11-23", public=None, role="Kenntnisnahme"),
        Consultation(body="Verwaltungsausschuss", date="2023-12-11", public=False, role="Kenntnisnahme"),
        Consultation(body="Stadtrat", date="2023-12-18", public=True, role="Entscheidung"),
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
