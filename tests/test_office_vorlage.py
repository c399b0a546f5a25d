"""Kreistag, SD.NET and citizens' papers typed into a Word template and exported by LibreOffice
(the ``office-vorlage`` family of scripts/generate_variants.py): labels wrapped within a grid's
cell ("Federführende" over "Dienststelle:"), values wrapped under Word's line spacing, a subject
whose label is wider than its tab stop and goes on at the hanging indent, and a numbered
attachment list carried over a page break under a running head, read with the generic profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import ratsdoc
from ratsdoc.extract.generic.heading import subject_title
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.labelled import labelled_value
from ratsdoc.layout.lines import Line, Token

from .conftest import (
    VORLAGE_FIELDS,
    assert_typed_twice_alike,
    built_word_papers,
    line_context,
    needs_office,
    text_line,
)

#: The fields checked against the golden (the citizens' papers' body and faction as well).
FIELDS = [*VORLAGE_FIELDS, "body", "faction"]

#: Development variants, each read wrong before: a numbered attachment list going on over a page
#: break under the running head (5/1); "Antrag gemäß § 24 GO NRW:" wider than its tab stop, the
#: subject's second line at the hanging indent (5/19); "Federführende" over "Dienststelle:" beside
#: "Fachbereich" over "Zentrale Dienste" (7/2); "Amt für Wirtschaftsförderung und" over
#: "Tourismus" at a line spacing of 1.3 and "Öffentliche" over "Sitzung:" (7/11); the wrapped
#: label over a wrapped value (7/18, 7/23). Read right before and kept so: Word's own numbering
#: and a finance table of amounts aligned right (5/11), Word's numbering, a title row merged over
#: the Beratungsfolge and boxes as Wingdings characters (5/12), boxes as ☐/☒ (5/5).
CASES = ("5/1", "5/19", "7/2", "7/11", "7/18", "7/23", "5/11", "5/12", "5/5")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """The development variants, typed and converted in one LibreOffice run as the generator does."""
    return built_word_papers(tmp_path_factory, "office_vorlage", "office-vorlage", CASES)


@needs_office
@pytest.mark.parametrize("case", CASES)
def test_a_word_paper_reads_as_its_generator_wrote_it(built: dict[str, tuple[Path, dict[str, Any]]], case: str) -> None:
    pdf, golden = built[case]
    paper = ratsdoc.parse(pdf).model_dump(mode="json")
    for name in FIELDS:
        assert paper[name] == golden[name], name


def test_the_same_seed_types_the_same_paper(tmp_path: Path) -> None:
    assert_typed_twice_alike("office_vorlage", "3/office-vorlage/1", tmp_path)


def _originator_and_public(lines: list[Line]) -> tuple[str | None, str | None]:
    ctx = line_context(lines, "generic")
    found = [labelled_value(ctx, name) for name in ("originator", "public")]
    return found[0][0] if found[0] else None, found[1][0] if found[1] else None


def test_a_label_wrapped_within_its_cell_gives_its_value() -> None:
    # Regression (7/2, 7/18): "Federführende" over "Dienststelle:" matched no label.
    lines = [
        text_line(40, [(70, "Stadt Gütersloh"), (300, "Datum:"), (400, "26.06.2025")]),
        text_line(52, [(300, "Federführende"), (400, "Fachbereich")]),
        text_line(64, [(300, "Dienststelle:"), (400, "Zentrale Dienste")]),
        text_line(76, [(300, "Bearbeiter/in:"), (400, "Hoffmann, Katrin")]),
    ]
    assert _originator_and_public(lines)[0] == "Fachbereich Zentrale Dienste"


def test_a_wrapped_label_with_its_value_on_the_first_line() -> None:
    # Regression (7/11): "Öffentliche" over "Sitzung:" with "nein" beside the first line.
    lines = [
        text_line(40, [(70, "Aktenzeichen:"), (185, "53.2-294")]),
        text_line(58, [(70, "Öffentliche"), (185, "nein")]),
        text_line(76, [(70, "Sitzung:")]),
    ]
    assert _originator_and_public(lines)[1] == "nein"


def test_a_value_wrapped_at_a_wide_line_spacing_is_read_whole() -> None:
    # Regression (7/11): at Word's line spacing of 1.3 the gap between a cell's lines is more
    # than half a line, and the value stopped at "und" (then dropped for its lower-case end).
    lines = [
        text_line(40, [(70, "Fachbereich/Amt"), (185, "Amt für Wirtschaftsförderung und")]),
        text_line(57, [(185, "Tourismus")]),
        text_line(74, [(70, "Sachbearbeitung:"), (185, "Petra Brunner")]),
    ]
    assert _originator_and_public(lines)[0] == "Amt für Wirtschaftsförderung und Tourismus"


def test_rows_without_a_wrapped_label_are_not_joined() -> None:
    # A label without its colon over the next row's label: two rows, not one wrapped label.
    lines = [
        text_line(40, [(70, "Datum"), (185, "06.03.2025")]),
        text_line(54, [(70, "Fachbereich:"), (185, "Kreiskämmerei")]),
    ]
    assert _originator_and_public(lines)[0] == "Kreiskämmerei"


def _bold_line(top: float, cells: list[tuple[float, str]]) -> Line:
    """A line of bold 10 pt words, each cell starting at its x."""
    tokens = []
    for x, text in cells:
        for word in text.split():
            tokens.append(Token(word, x, top, x + 5.5 * len(word), top + 10, 10.0, bold=True))
            x += 5.5 * len(word) + 3.3
    return Line(1, tokens)


def test_a_subject_goes_on_at_the_hanging_indent_when_its_label_passes_the_tab_stop() -> None:
    # Regression (5/19): "Antrag gemäß § 24 GO NRW:" ran past the tab stop at 159 pt, the value
    # went on to the next stop and its second line started at the indent, inside the label.
    lines = [
        _bold_line(194, [(71, "Antrag gemäß § 24 GO NRW:"), (251, "Barrierefreie Erschließung der Sporthalle in der")]),
        _bold_line(208, [(159, "Bahnhofstraße")]),
        text_line(245, [(71, "Meine Fragen:")]),
    ]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None
    assert found[0][0] == "Barrierefreie Erschließung der Sporthalle in der Bahnhofstraße"


def test_text_under_a_tabbed_subject_at_the_margin_is_not_the_subject() -> None:
    lines = [
        _bold_line(194, [(71, "Betreff:"), (159, "Sanierung der Sporthalle")]),
        _bold_line(208, [(71, "Beratungsfolge")]),
    ]
    found = subject_title(lines, reader_vocabulary())
    assert found is not None and found[0][0] == "Sanierung der Sporthalle"
