"""Internal memos of an administration (the ``vermerk`` family of scripts/generate_variants.py):
"Vermerk", "Aktenvermerk", "Hausmitteilung" and "Mitteilung an ..." as types, the office that
writes in a head naming the city and its units, an addressee's label that names no sender, a
subject at a label block's tab stop, and the memo's text under its head without salutation or
closing, read with the generic profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.generic.heading import heading_title, is_addressed_type
from ratsdoc.extract.generic.letter_fields import type_from_lines, unit_of_head
from ratsdoc.extract.generic.office import memo_subject
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.letter_body import head_end
from ratsdoc.extract.sender import read_sender
from ratsdoc.layout.lines import Line, Token
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated, line_context, text_line

#: The fields checked against the golden.
FIELDS = ["number", "title", "document_type", "body", "originator", "date", "attachments", "justification"]

#: Development variants, each read wrong before: the addressee "An: Rechnungsprüfungsamt" taken
#: for the sender under a head "Landeshauptstadt Düsseldorf – Der Oberbürgermeister –
#: Grünflächenamt" (5/11); "Dezernat ..." over the office "Grünflächenamt" in the head and a
#: "Mitteilung an den Oberbürgermeister" whose text was not read (5/1); "Mitteilung an Amt 61"
#: taken for the subject (5/2); the text under "Betreff:" at a tab stop taken for the subject
#: (5/22); "Thema:" in a ruled label grid run on into the text (5/21); the author's name under
#: the text before "Anlagen:" read as text (5/4); the head's office wrapped to a second line
#: (5/30); "Stadtverwaltung Mainz" in bold taken for the subject (7/34); a "Betreff:" whose line
#: only its column edges part in two, asked whether it is a form's grid row, failed the parse
#: (127/1, an internal error).
CASES = ("5/11", "5/1", "5/2", "5/22", "5/21", "5/4", "5/30", "7/34", "127/1")


@pytest.mark.parametrize("case", CASES)
def test_a_memo_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    seed, index = case.split("/")
    pdf = tmp_path / f"vermerk-{seed}-{int(index):03d}.pdf"
    assert_reads_as_generated("vermerk_memo", f"{seed}/vermerk/{index}", pdf, FIELDS)


@pytest.mark.parametrize("kind", ["Vermerk", "Aktenvermerk", "Interner Vermerk", "Gesprächsvermerk", "Hausmitteilung"])
def test_memo_types_are_in_both_vocabularies(kind: str) -> None:
    assert kind in reader_vocabulary().document_types
    assert kind in bundled_profiles()["generic"].document_types
    assert kind in reader_vocabulary().memo_types
    assert kind in reader_vocabulary().types_without_request


def test_a_memo_heading_is_the_type_line() -> None:
    lines = [text_line(40, [(70, "Stadt Bochum")]), text_line(80, [(70, "Interner Vermerk")])]
    found = type_from_lines(lines, reader_vocabulary())
    assert found is not None and found[0] == "Interner Vermerk"


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("Mitteilung an Amt 61", True),
        ("Mitteilung an das Dezernat II", True),
        ("Mitteilung an den Oberbürgermeister", True),
        ("Bericht und Antrag an den Einwohnerrat", True),
        ("Mitteilung zur Sanierung der Brücke über den Mühlenbach", False),
    ],
)
def test_a_type_addressed_to_an_office_is_a_type_line(text: str, addressed: bool) -> None:
    assert is_addressed_type(text, reader_vocabulary()) is addressed


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "Stadt Köln – Der Oberbürgermeister – Amt für Straßen und Verkehrsentwicklung",
            "Amt für Straßen und Verkehrsentwicklung",
        ),
        ("Stadtverwaltung Mainz, Dezernat IV", "Dezernat IV"),
        ("Stadt Münster, Dezernat II, Amt für Schulentwicklung", "Amt für Schulentwicklung"),
        ("Landeshauptstadt Düsseldorf – Grünflächenamt", "Grünflächenamt"),
        ("Stadtverwaltung Mainz - Dezernat IV -", "Dezernat IV"),
        ("Stadtverwaltung Trier Dezernat IV", "Dezernat IV"),
        ("Stadt Freiburg im Breisgau", None),
        ("Amt 61 – Stadtplanungsamt", None),
        ("CSU-Fraktion, Rathausplatz 1, 91052 Erlangen", None),
    ],
)
def test_the_office_of_a_head_line_naming_city_and_units(text: str, unit: str | None) -> None:
    assert unit_of_head(text, reader_vocabulary()) == unit


def _sender(lines: list[Line]) -> str | None:
    ctx = line_context(lines, "generic")
    read_sender(ctx, [(1, line, seg) for line in lines for seg in line.segments()])
    value = ctx.fields.values["originator"]
    return value if isinstance(value, str) else None


def test_an_addressee_is_no_sender() -> None:
    # Regression: the office after "An:" was the first line naming an office, so the sender.
    lines = [
        text_line(40, [(70, "Stadt Bonn")]),
        text_line(90, [(70, "Vermerk")]),
        text_line(120, [(70, "An:"), (150, "Rechnungsprüfungsamt")]),
        text_line(134, [(70, "Datum:"), (150, "12.03.2024")]),
    ]
    assert _sender(lines) is None


def test_the_last_unit_of_a_head_is_the_sender() -> None:
    # Regression: the department over the office was taken for the sender.
    lines = [
        text_line(40, [(70, "Stadt Freiburg im Breisgau")]),
        text_line(53, [(70, "Dezernat Umwelt und Mobilität")]),
        text_line(66, [(70, "Grünflächenamt")]),
        text_line(120, [(70, "Aktenvermerk")]),
    ]
    assert _sender(lines) == "Grünflächenamt"


def test_a_unit_set_apart_below_is_not_joined() -> None:
    lines = [
        text_line(40, [(70, "Dezernat IV")]),
        text_line(90, [(70, "Amt 61")]),
    ]
    assert _sender(lines) == "Dezernat IV"


def test_a_wrapped_head_line_gives_its_last_unit() -> None:
    # Regression: the office's name wrapped to a second line was cut ("Amt für Feuerschutz und").
    lines = [
        text_line(40, [(70, "Landeshauptstadt Düsseldorf – Amt für Feuerschutz und")]),
        text_line(52, [(70, "Rettungsdienst")]),
        text_line(90, [(70, "Aktenvermerk")]),
    ]
    assert _sender(lines) == "Amt für Feuerschutz und Rettungsdienst"


def _sized_line(top: float, cells: list[tuple[float, str]], size: float) -> Line:
    """A line of words in ``size`` pt, each cell starting at its x."""
    tokens = []
    for x, text in cells:
        for word in text.split():
            tokens.append(Token(word, x, top, x + 0.6 * size * len(word), top + size, size))
            x += 0.6 * size * len(word) + 0.3 * size
    return Line(1, tokens)


@pytest.mark.parametrize(
    "cells", [[(70, "Interner Vermerk N")], [(70, "Gesprächsvermerk"), (300, "Büro")]], ids=["mark", "stamp"]
)
def test_a_type_with_a_scan_mark_beside_it_is_no_title(cells: list[tuple[float, str]]) -> None:
    # Regression (scans of seed 7): the heading with a mark OCR read beside it was the title.
    lines = [
        _sized_line(40, [(70, "Stadt Bochum")], 10),
        _sized_line(80, cells, 18),
        _sized_line(130, [(70, "Datum:"), (150, "12.03.2024")], 10),
        _sized_line(160, [(70, "Die Kosten der Maßnahme sind im Haushalt veranschlagt und werden geprüft.")], 10),
    ]
    assert heading_title(lines, 842.0, reader_vocabulary()) is None


def _memo_lines() -> list[Line]:
    """A scanned memo's head: the type, a label block, an unlabelled subject and the text."""
    return [
        text_line(40, [(70, "Stadt Bochum")]),
        text_line(80, [(70, "Aktenvermerk")]),
        text_line(110, [(70, "Datum:"), (150, "12.03.2024")]),
        text_line(123, [(70, "Az.:"), (150, "66/1-343/2024")]),
        text_line(150, [(70, "Baumfällungen im Stadtpark")]),
        text_line(180, [(70, "Die Ortsbesichtigung hat die Angaben der Anwohner bestätigt und die")]),
        text_line(193, [(70, "Kosten der Maßnahme sind im Haushalt veranschlagt.")]),
    ]


def test_the_block_under_a_memos_label_block_is_its_subject_on_a_scan() -> None:
    # Regression (scans of seed 5): with no bold to see, the memo's subject was not read.
    lines = _memo_lines()
    ctx = line_context(lines, "generic", ocr=True)
    ctx.set("document_type", "Aktenvermerk", [lines[1]])
    memo_subject(ctx, lines)
    assert ctx.fields.values.get("title") == "Baumfällungen im Stadtpark"


def test_a_memos_text_follows_its_head_without_salutation_or_closing() -> None:
    # Regression: without a salutation or a closing formula a memo had no text; the subject's
    # line is taller than its words where a stamp beside it was read (the head ends there all the same).
    lines = _memo_lines()
    lines[4] = Line(1, [*lines[4].tokens, Token("EINGANG", 400, 144, 450, 164, 20.0)])
    ctx = line_context(lines, "generic")
    ctx.set("document_type", "Aktenvermerk", [lines[1]])
    ctx.set("title", "Baumfällungen im Stadtpark", [(1, lines[4].tokens[:3])])
    assert head_end(ctx) == 4
