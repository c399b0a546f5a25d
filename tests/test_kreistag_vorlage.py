"""A Landkreis's papers to its Kreistag (the ``kreistag-vorlage`` family of
scripts/generate_variants.py): a metadata block of "Fachbereich/Amt", "Öffentlich: ja/nein" and a
number in a district's forms ("XI/0097", "DS 347/2025", on the type's line), "Beschlussvorlage für
den Kreistag" as type, "Beschlussempfehlung des Kreisausschusses:" over the proposal, a table of
amounts by year whose header is repeated over a page break, and a date line of a place with its
river ("Winsen (Luhe)"), read with the generic profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.cover import extract_cover
from ratsdoc.extract.finances import extract_finances
from ratsdoc.extract.generic.closing import DATELINE
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.sections import extract_resolution
from ratsdoc.layout.lines import Line
from ratsdoc.profile import bundled_profiles

from .conftest import VORLAGE_FIELDS, assert_reads_as_generated, line_context, text_line

FIELDS = VORLAGE_FIELDS

#: Development variants, each read wrong before: "Fachbereich/Amt" read as the originator and
#: the proposal under "Beschlussempfehlung des Kreisausschusses:" not read (5/1); "Sitzungsvorlage
#: DS 347/2025" with neither type nor number read, "Öffentliche Sitzung: ja" not read (5/6); the
#: type with its addressee and number "Beschlussvorlage für den Kreistag XI/0138" (5/9);
#: "Öffentlich   nein" read as public (5/17); the finance table's header repeated on page 2 (5/37);
#: the date line "Winsen (Luhe), 01.07.2024" (7/21).
CASES = ("5/kreistag-vorlage/1", "5/kreistag-vorlage/6", "5/kreistag-vorlage/9", "5/kreistag-vorlage/17")
CASES += ("5/kreistag-vorlage/37", "7/kreistag-vorlage/21")


@pytest.mark.parametrize("key", CASES)
def test_a_kreistag_paper_reads_as_its_generator_wrote_it(tmp_path: Path, key: str) -> None:
    pdf = tmp_path / f"{key.replace('/', '-')}.pdf"
    assert_reads_as_generated("kreistag_vorlage", key, pdf, FIELDS)


def test_the_district_types_are_in_both_vocabularies() -> None:
    for kind in ("Kreistagsdrucksache", "Vorlage des Kreisausschusses"):
        assert kind in reader_vocabulary().document_types
        assert kind in bundled_profiles()["generic"].document_types


def _cover(*rows: tuple[float, list[tuple[float, str]]]) -> dict[str, object]:
    ctx = line_context([text_line(top, cells) for top, cells in rows], "generic")
    extract_cover(ctx)
    return ctx.fields.values


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Sitzungsvorlage DS 347/2025", "DS 347/2025"),
        ("Kreistagsdrucksache KT/2024/045", "KT/2024/045"),
        ("Vorlage des Kreisausschusses 2024/123", "2024/123"),
        ("Beschlussvorlage für den Kreistag XI/0138", "XI/0138"),
    ],
)
def test_a_number_on_the_types_line_is_read_and_so_is_the_type(line: str, number: str) -> None:
    values = _cover((60, [(70, line)]), (90, [(70, "Betreff:"), (140, "Sanierung der Grundschule")]))
    assert values["number"] == number
    assert values["document_type"] == line.split(" für ")[0].removesuffix(f" {number}")


def test_a_term_numbered_drucksache_is_read_after_its_label() -> None:
    values = _cover((60, [(70, "Drucksache Nr."), (200, "XI/0097")]))
    assert values["number"] == "XI/0097"


def test_a_type_addressed_to_a_body_is_the_type() -> None:
    values = _cover((60, [(70, "Beschlussvorlage für den Kreistag")]))
    assert values["document_type"] == "Beschlussvorlage"


def test_running_text_after_a_type_is_no_type_line() -> None:
    values = _cover((60, [(70, "Beschlussvorlage wird im Kreistag beraten")]))
    assert values["document_type"] != "Beschlussvorlage"


@pytest.mark.parametrize(
    ("label", "answer", "public"),
    [("Öffentlich", "nein", False), ("Öffentlich:", "ja", True), ("Öffentliche Sitzung:", "nein", False)],
)
def test_a_yes_or_no_answers_whether_the_paper_is_public(label: str, answer: str, public: bool) -> None:
    # Regression: the label cell "Öffentlich" was read as the state, whatever the answer.
    values = _cover((60, [(70, "Datum:"), (200, "12.03.2024")]), (74, [(70, label), (200, answer)]))
    assert values["public"] is public


@pytest.mark.parametrize(
    ("label", "office"),
    [("Fachbereich/Amt", "Kreiskämmerei"), ("Fachbereich/Amt:", "Fachbereich Soziales"), ("Amt:", "Amt für Schulen")],
)
def test_the_office_of_a_district_metadata_block_is_the_originator(label: str, office: str) -> None:
    values = _cover((60, [(70, "Datum:"), (200, "12.03.2024")]), (74, [(70, label), (200, office)]))
    assert values["originator"] == office


def _proposal(label: str, *texts: str) -> list[tuple[str | None, str]]:
    lines = [text_line(100 + 22 * k, [(70, text)]) for k, text in enumerate((label, *texts))]
    lines.append(text_line(100 + 22 * (len(texts) + 2), [(70, "Sachverhalt:")]))
    ctx = line_context(lines, "generic")
    extract_resolution(ctx)
    return [(item.number, item.text) for item in ctx.fields.values["resolution_proposal"]]


def test_a_committees_recommendation_heads_the_proposal() -> None:
    assert _proposal("Beschlussempfehlung des Kreisausschusses:", "Der Plan wird gebilligt.") == [
        (None, "Der Plan wird gebilligt.")
    ]


def test_the_effects_on_the_district_budget_end_the_proposal() -> None:
    assert _proposal("Beschlussvorschlag:", "Der Plan wird gebilligt.", "Auswirkungen auf den Kreishaushalt:") == [
        (None, "Der Plan wird gebilligt.")
    ]


def _row(top: float, label: str, amounts: tuple[str, str], page: int = 1) -> Line:
    return text_line(top, [(70, label), (300, f"{amounts[0]} €"), (400, f"{amounts[1]} €")], page=page)


def test_a_finance_table_goes_on_under_its_header_repeated_on_the_next_page() -> None:
    lines = [
        text_line(700, [(70, "Haushaltsjahr"), (310, "2024"), (410, "2025")]),
        _row(716, "Aufwand", ("1.000,00", "2.000,00")),
        text_line(60, [(70, "Haushaltsjahr"), (310, "2024"), (410, "2025")], page=2),
        _row(76, "Ertrag", ("500,00", "600,00"), page=2),
    ]
    ctx = line_context(lines, "generic", pages=2)
    extract_finances(ctx)
    finances = ctx.fields.values["finances"]
    assert [(row.label, row.amounts) for row in finances.rows] == [
        ("Aufwand", {"2024": 1000.0, "2025": 2000.0}),
        ("Ertrag", {"2024": 500.0, "2025": 600.0}),
    ]


@pytest.mark.parametrize("line", ["Winsen (Luhe), 01.07.2024", "Frankfurt (Oder), den 3. Mai 2024"])
def test_a_place_with_its_river_dates_the_paper(line: str) -> None:
    match = DATELINE.fullmatch(line)
    assert match is not None and match.group("date") in line
