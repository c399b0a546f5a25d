"""Beschlussvorlagen printed after their consultation (the ``beratungsverlauf`` family of
scripts/generate_variants.py): each body's result in the Beratungsfolge ("Vorberatung –
ungeändert beschlossen", "Ja 12 Nein 3 Enth. 1", ALLRIS's "Ergebnis:" lines) and a record of the
consultation after the paper ("Beratungsverlauf:", "Auszug aus dem Beratungsergebnis") whose
votes and decided resolutions are no part of the paper's consultations, proposal or reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.consultations import extract_consultations
from ratsdoc.extract.context import opens_record
from ratsdoc.extract.doubt import expects
from ratsdoc.extract.generic.letter_fields import type_from_lines
from ratsdoc.extract.generic.proposal import proposal_section
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.sections import extract_justification
from ratsdoc.models import Consultation
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated, line_context, text_line

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "document_type",
    "public",
    "originator",
    "date",
    "consultations",
    "resolution_proposal",
    "attachments",
    "justification",
]

#: Development variants, each read wrong before: the results in a "Status/Ergebnis" column read
#: as part of the bodies' names and its header as a row, the finance line "Haushaltsmäßige
#: Auswirkungen:", the signature and the consultation's record read as reasons (5/1); ALLRIS's
#: stacked rows cut at the first "Ergebnis:" line, "Beschlussvorschlag der Verwaltung:" not read
#: as the proposal's label, so the record's "Beschluss:" was taken for it (5/3); "Sachverhalt und
#: Begründung:" read as a proposal's item (5/5); "Vorlage" alone over the subject not read as the
#: type of a Vorlage typed into a Word template, its proposal and reasons lost (5/9); "der
#: Verwaltung" of "Beschlussvorschlag der Verwaltung:" read as an item (5/24); the record after
#: the signature read as reasons, with the signature (5/14); "Zuständigkeit/Ergebnis" cells
#: ("Vorberatung / einstimmig empfohlen") read into the bodies (7/2); "Bericht des
#: Rechnungsprüfungsamtes ...", a line of the reasons, taken for the type line (7/18).
CASES = ("5/1", "5/3", "5/5", "5/9", "5/24", "5/14", "7/2", "7/18")


@pytest.mark.parametrize("case", CASES)
def test_a_consulted_vorlage_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    seed, index = case.split("/")
    pdf = tmp_path / f"beratungsverlauf-{seed}-{int(index):03d}.pdf"
    assert_reads_as_generated("beratungsverlauf", f"{seed}/beratungsverlauf/{index}", pdf, FIELDS)


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Vorberatung – ungeändert beschlossen", "ungeändert beschlossen"),
        ("Entscheidung: geändert beschlossen", "geändert beschlossen"),
        ("einstimmig empfohlen", "einstimmig empfohlen"),
        ("Ja 12 Nein 3 Enth. 1", "Ja 12 Nein 3 Enth. 1"),
        ("12 Ja / 3 Nein / 1 Enthaltungen", "12 Ja / 3 Nein / 1 Enthaltungen"),
        ("vertagt", "vertagt"),
        ("von der Tagesordnung abgesetzt", "von der Tagesordnung abgesetzt"),
        ("zur Kenntnis genommen", "zur Kenntnis genommen"),
        ("Ausschuss für Planen und Bauen", None),
        ("Kenntnisnahme", None),
    ],
)
def test_consultation_results(text: str, result: str | None) -> None:
    found = reader_vocabulary().result_re.search(text)
    assert (found.group(0) if found else None) == result


def _consultations(rows: list[list[tuple[float, str]]], profile: str = "generic") -> list[Consultation]:
    lines = [text_line(100 + 14 * k, cells) for k, cells in enumerate(rows)]
    ctx = line_context(lines, profile)
    extract_consultations(ctx)
    value = ctx.fields.values["consultations"]
    assert isinstance(value, list)
    return value


def test_results_in_a_beratungsfolge_are_no_part_of_its_rows() -> None:
    rows = _consultations(
        [
            [(70, "Beratungsfolge:")],
            [(70, "Datum"), (150, "Gremium"), (350, "Zuständigkeit"), (450, "Status/Ergebnis")],
            [(70, "06.03.2023"), (150, "Bauausschuss"), (350, "Vorberatung"), (450, "ungeändert beschlossen")],
            [(70, "28.03.2023"), (150, "Bauausschuss"), (350, "Vorberatung"), (450, "Ja 12 Nein 3 Enth. 1")],
            [(70, "03.04.2023"), (150, "Rat"), (350, "Entscheidung – vertagt")],
        ]
    )
    assert [(r.body, r.date.isoformat() if r.date else None, r.role) for r in rows] == [
        ("Bauausschuss", "2023-03-06", "Vorberatung"),
        ("Bauausschuss", "2023-03-28", "Vorberatung"),
        ("Rat", "2023-04-03", "Entscheidung"),
    ]


def test_allris_result_lines_do_not_end_the_beratungsfolge() -> None:
    rows = _consultations(
        [
            [(70, "Beratungsfolge:")],
            [(140, "11.03.2024")],
            [(140, "Bauausschuss")],
            [(140, "Vorberatung"), (520, "Ö")],
            [(140, "Ergebnis: zurückgestellt")],
            [(140, "02.04.2024")],
            [(140, "Rat der Stadt")],
            [(140, "Entscheidung"), (520, "N")],
        ],
        "allris",
    )
    assert [(r.body, r.public, r.role) for r in rows] == [
        ("Bauausschuss", True, "Vorberatung"),
        ("Rat der Stadt", False, "Entscheidung"),
    ]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        ("Beratungsverlauf:", True),
        ("Auszug aus dem Beratungsergebnis", True),
        ("Beratungsergebnis:", True),
        ("Protokollauszug", True),
        ("Beratungsverlauf und Beschluss", True),
        ("Beratungsergebnis: einstimmig beschlossen", False),
        ("Der Beratungsverlauf im Ausschuss war kurz.", False),
    ],
)
def test_the_heading_of_a_consultations_record(text: str, heads: bool) -> None:
    assert opens_record(text, 0) is heads


@pytest.mark.parametrize("profile", ["generic", "allris", "sessionnet"])
def test_the_record_of_the_consultation_is_no_reason(profile: str) -> None:
    lines = [
        text_line(100, [(70, "Sachverhalt:")]),
        text_line(114, [(70, "Die Kosten sind im Haushalt veranschlagt.")]),
        text_line(150, [(70, "Beratungsverlauf:")]),
        text_line(164, [(70, "Sitzung des Bauausschusses am 12.03.2024")]),
        text_line(178, [(70, "Abstimmungsergebnis: einstimmig")]),
        text_line(192, [(70, "Die Maßnahme wird erst nach der Förderzusage begonnen.")]),
    ]
    ctx = line_context(lines, profile)
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == "Die Kosten sind im Haushalt veranschlagt."


def test_a_decision_in_the_record_is_no_request() -> None:
    lines = [
        text_line(100, [(70, "Sachverhalt:")]),
        text_line(114, [(70, "Die Kosten sind im Haushalt veranschlagt.")]),
        text_line(150, [(70, "Auszug aus dem Beratungsergebnis")]),
        text_line(164, [(70, "Beschluss:")]),
        text_line(178, [(70, "Der Rat beschließt die Sanierung der Schule.")]),
    ]
    assert proposal_section(lines, reader_vocabulary()) is None
    # Without the record's heading the same "Beschluss:" heads a request.
    assert proposal_section([lines[0], lines[1], *lines[3:]], reader_vocabulary()) is not None


def test_a_type_word_that_goes_on_with_a_sentence_is_no_type_line() -> None:
    lines = [
        text_line(100, [(70, "Unterhaltungskosten informiert. Die Verwaltung hat den")]),
        text_line(112, [(70, "Bericht des Rechnungsprüfungsamtes im August 2024 veröffentlicht.")]),
    ]
    assert type_from_lines(lines, reader_vocabulary()) is None
    # Set apart from the line above, the same words head the paper.
    apart = [lines[0], text_line(140, [(70, "Bericht des Rechnungsprüfungsamtes")])]
    found = type_from_lines(apart, reader_vocabulary())
    assert found is not None and found[0] == "Bericht"


@pytest.mark.parametrize("profile", ["allris", "sessionnet"])
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("resolution", "Beschlussvorschlag der Verwaltung:"),
        ("justification", "Sachverhalt und Begründung:"),
        ("section_ends", "Haushaltsmäßige Auswirkungen:"),
    ],
)
def test_system_prints_label_their_sections(profile: str, name: str, text: str) -> None:
    match = bundled_profiles()[profile].label(name, fuzzy=0).match(text)
    assert match is not None and not text[match.end() :].strip(" :")


@pytest.mark.parametrize("profile", ["allris", "sessionnet"])
def test_the_bare_word_vorlage_is_a_fallback_type(profile: str) -> None:
    assert bundled_profiles()[profile].fallback_document_types == ["Vorlage"]


def test_a_beschlussvorlage_without_a_proposal_is_warned() -> None:
    ctx = line_context([text_line(100, [(70, "x")])], "generic")
    ctx.fields.values["document_type"] = "Beschlussvorlage"
    assert expects(ctx, "resolution_proposal")
    ctx.fields.values["document_type"] = "Anfrage"
    assert not expects(ctx, "resolution_proposal")
