"""Examples for the pure helpers: German dates and amounts, hyphenation, glyph classes."""

from __future__ import annotations

import datetime as dt

import pytest

from ratsdoc.layout.marks import glyph_state, is_box_shape, is_typed_tick
from ratsdoc.layout.model import Char, Shape
from ratsdoc.text.amounts import parse_amount, repair_ocr_amount
from ratsdoc.text.dates import parse_date
from ratsdoc.text.normalize import count_cid_glyphs, fold_for_match, join_lines, normalize_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.01.2023, gez. i. A. xxxxx", dt.date(2023, 1, 9)),
        ("Erlangen, den 16.12.2020", dt.date(2020, 12, 16)),
        ("am 16. Dezember 2020", dt.date(2020, 12, 16)),
        ("3. Jan. 2024", dt.date(2024, 1, 3)),
        # Austrian month names (regression: "Feber" and "Jän." were no month).
        ("Graz, am 3. Feber 2023", dt.date(2023, 2, 3)),
        ("12. Jän. 2024", dt.date(2024, 1, 12)),
        ("Wien, 12. Jänner 2024", dt.date(2024, 1, 12)),
        ("9.1.23", dt.date(2023, 1, 9)),
        ("Sitzung 2024-06-26", dt.date(2024, 6, 26)),
        ("O9.Ol.2023", dt.date(2023, 1, 9)),  # OCR: O for 0, l for 1
        ("31.02.2023", None),
        ("Drucksache 0112/23", None),
        ("Version 1.2.3", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.500,00 EUR", 12500.0),
        ("1.250.000,00 €", 1250000.0),
        ("0,00", 0.0),
        ("-1.500,50", -1500.5),
        ("(1.000,00)", -1000.0),
        ("12,- EUR", 12.0),
        ("12 500,50 €", 12500.5),
        ("EUR", None),
        ("1.5", None),
        ("", None),
    ],
)
def test_parse_amount(text: str, expected: float | None) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("12,500,00", "12.500,00"),  # thousands dot read as a comma
        ("1,250,000,00", "1.250.000,00"),
        ("-1,000,00", "-1.000,00"),
        ("1O.000,00", "10.000,00"),  # letter O for a zero
        ("l2,50", "12,50"),
        ("12,50", "12,50"),  # already an amount
        ("12.500,00", "12.500,00"),
        ("1,5", "1,5"),
        ("12,500", "12,500"),  # no decimal part: "12,5" with a stray 00? not unambiguous
        ("2024", "2024"),
        ("IO", "IO"),  # fewer than two real digits: a word
        ("Oslo", "Oslo"),
    ],
)
def test_repair_ocr_amount(word: str, expected: str) -> None:
    assert repair_ocr_amount(word) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Kosten der Bau-", "maßnahme offenlegen"], "Kosten der Baumaßnahme offenlegen"),
        (["Neubau Rad-", "und Fußweg"], "Neubau Rad- und Fußweg"),
        (["Walter-", "Rosenheimer-Straße"], "Walter-Rosenheimer-Straße"),
        (["ein Satz.", "", "  Noch einer "], "ein Satz. Noch einer"),
        (["2023 -", "2025"], "2023 - 2025"),
        # Regression: two whole adjectives keep their hyphen ("öffentlichrechtlichen" was read).
        (["einer öffentlich-", "rechtlichen Unterkunft"], "einer öffentlich-rechtlichen Unterkunft"),
        (["wissenschaftlich-", "technische Fragen"], "wissenschaftlich-technische Fragen"),
        # A word divided by hyphenation is joined: the part after the hyphen is no adjective.
        (["die Öffentlich-", "keit"], "die Öffentlichkeit"),
        (["wirtschaft-", "lichen Gründen"], "wirtschaftlichen Gründen"),
        (["sozial-", "politischen Fragen"], "sozialpolitischen Fragen"),
        (["ehrlich-", "keitshalber"], "ehrlichkeitshalber"),
    ],
)
def test_join_lines(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


def test_normalize_text() -> None:
    assert normalize_text("Auﬂage ﬁnden") == "Auflage finden"
    assert normalize_text("Gru\u0308nen") == "Grünen"
    assert normalize_text("Stra\u00adße\u00a0 1") == "Straße 1"
    assert normalize_text("a\u00a8u") == "aü"
    assert count_cid_glyphs("(cid:12)(cid:3) x") == 2
    assert fold_for_match("Öffentlich Maßnahme") == "oeffentlich massnahme"


def _char(text: str, font: str = "Helvetica") -> Char:
    return Char(text, 0, 0, 8, 8, font, 10.0)


@pytest.mark.parametrize(
    ("text", "font", "state"),
    [
        ("\uf0a8", "OpenSymbol", False),  # Wingdings empty box kept as PUA in a substitute font
        ("\uf06f", "ArialUnicode", False),
        ("\uf078", "OpenSymbol", True),
        ("\uf0fd", "SymbolSubst", True),
        ("\uf0fe", "Wingdings-Regular", True),
        ("☐", "DejaVuSans", False),
        ("☒", "DejaVuSans", True),
        ("☑", "MSGothic", True),
        ("\uf0b7", "Symbol", "bullet"),  # list bullets share the fonts but are not boxes
        ("\uf0a7", "Wingdings", "bullet"),
        ("o", "ABCDEF+ZapfDingbats", False),
        ("n", "ZapfDingbats", True),
        ("\xa3", "Wingdings2", False),
        ("R", "Wingdings 2", True),
        ("o", "Helvetica", None),
        ("x", "Helvetica", None),
    ],
)
def test_glyph_state(text: str, font: str, state: bool | str | None) -> None:
    assert glyph_state(_char(text, font)) == state


def test_box_shapes_and_typed_ticks() -> None:
    assert is_box_shape(Shape("rect", 10, 10, 19, 19))
    assert not is_box_shape(Shape("rect", 10, 10, 200, 30))  # a table cell
    assert not is_box_shape(Shape("line", 10, 10, 19, 19))
    assert not is_box_shape(Shape("rect", 10, 10, 12, 12))  # a dot
    assert is_typed_tick("x") and is_typed_tick("[X]") and not is_typed_tick("xy")
