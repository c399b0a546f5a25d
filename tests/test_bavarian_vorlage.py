"""Bavarian Vorlagen (the ``bavarian-vorlage`` family of scripts/generate_variants.py): their own
section words ("Sachvortrag", "Vortrag der Referentin", "Antrag des Referenten"), numbers in five
digits within the year, an office line in the head, and a proposal opened by a sentence of who
decides, read with the generic profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.sections import extract_justification
from ratsdoc.extract.sender import read_sender
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated, line_context, read_proposal, text_line

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "document_type",
    "public",
    "originator",
    "date",
    "attachments",
    "consultations",
    "resolution_proposal",
    "justification",
]

#: Development variants of seed 5, each read wrong before: "Vortrag der Referentin:" and
#: "Beschlussentwurf:" after it, number "40/386/2025" (3); "Vorlagennummer: VO/24/14567/32",
#: "Sachvortrag", the proposal opened by "Der Stadtrat beschließt:" (4); "Antrag des
#: Referenten:" opened by "Es wird folgender Beschluss vorgeschlagen:", office "Tiefbauamt" in
#: the head and "Oberbürgermeisterin" under the signature (7); number "20/1/2022" (39).
CASES = (3, 4, 7, 39)


@pytest.mark.parametrize("index", CASES)
def test_a_bavarian_vorlage_reads_as_its_generator_wrote_it(tmp_path: Path, index: int) -> None:
    pdf = tmp_path / f"bavarian-vorlage-{index:03d}.pdf"
    assert_reads_as_generated("bavarian_vorlage", f"5/bavarian-vorlage/{index}", pdf, FIELDS)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Vorlagennummer: VO/24/14567/61", "VO/24/14567/61"),
        ("Drucksachennummer: 2024/0815", "2024/0815"),
        ("Vorlage Nr.: 20/1/2022", "20/1/2022"),
        ("Sitzungsvorlage Nr.: 61/386/2025", "61/386/2025"),
        ("Drucksache 0112/23", "0112/23"),
        ("Aktenzeichen: 66.1-343/2022", None),
    ],
)
def test_paper_numbers_of_bavarian_systems(text: str, number: str | None) -> None:
    match = bundled_profiles()["generic"].number_re.search(text)
    assert (match.group("number") if match else None) == number


def _proposal(*texts: str) -> list[tuple[str | None, str]]:
    return read_proposal("Beschlussvorschlag:", *texts)


def test_the_sentence_that_opens_a_proposal_is_no_item_of_it() -> None:
    # Regression: "Der Stadtrat beschließt:" was read as the proposal's first item.
    assert _proposal(
        "Der Stadtrat beschließt:", "1. Der Plan wird gebilligt.", "2. Die Mittel werden bereitgestellt."
    ) == [
        ("1", "Der Plan wird gebilligt."),
        ("2", "Die Mittel werden bereitgestellt."),
    ]
    assert _proposal(
        "Der Bauausschuss empfiehlt dem Stadtrat, folgenden Beschluss zu fassen:", "Der Plan wird gebilligt."
    ) == [(None, "Der Plan wird gebilligt.")]


def test_a_first_item_ending_in_a_colon_that_names_no_decision_stays() -> None:
    items = _proposal("Die Verwaltung wird beauftragt, Folgendes zu prüfen:", "1. den Standort,", "2. die Kosten.")
    assert items[0] == (None, "Die Verwaltung wird beauftragt, Folgendes zu prüfen:")
    # Alone, the opening sentence is the proposal: nothing follows it to be its items.
    assert _proposal("Der Stadtrat beschließt:") == [(None, "Der Stadtrat beschließt:")]


@pytest.mark.parametrize("label", ["Sachvortrag:", "Sachvortrag", "Vortrag der Referentin:", "Vortrag des Referenten:"])
def test_bavarian_words_for_the_facts_head_the_justification(label: str) -> None:
    lines = [
        text_line(100, [(70, label)]),
        text_line(114, [(70, "Die Halle ist in einem schlechten Zustand.")]),
    ]
    ctx = line_context(lines, "generic")
    extract_justification(ctx)
    assert ctx.fields.values["justification"] == "Die Halle ist in einem schlechten Zustand."


@pytest.mark.parametrize("office", ["Tiefbauamt", "Amt 61 – Stadtplanungsamt", "Referat für Stadtentwicklung"])
def test_the_office_line_of_the_head_is_the_originator_not_the_signature(office: str) -> None:
    # Regression: with the head's office unknown, the mayor's title under the signature was taken.
    lines = [
        text_line(40, [(70, "Stadt Bamberg")]),
        text_line(56, [(70, office)]),
        text_line(700, [(70, "Oberbürgermeisterin")]),
    ]
    ctx = line_context(lines, "generic")
    read_sender(ctx, [(1, line, line.tokens) for line in lines])
    assert ctx.fields.values["originator"] == office


def test_a_sentence_starting_with_a_word_on_amt_is_no_office() -> None:
    lines = [text_line(56, [(70, "Insgesamt wurden drei Anlagen geprüft")])]
    ctx = line_context(lines, "generic")
    read_sender(ctx, [(1, line, line.tokens) for line in lines])
    assert ctx.fields.values["originator"] is None
