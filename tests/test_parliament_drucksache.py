"""Drucksachen of city-state parliaments and Hamburg's district assemblies (the
``parliament-drucksache`` family of scripts/generate_variants.py): a head of the assembly, the
Drucksache number and the Wahlperiode ("Drucksache 21/512 S", "Drucksache 19 / 17 888", "22.
Wahlperiode 05.03.24"), the filer on the type line ("Schriftliche Kleine Anfrage der Abgeordneten
... (CDU) vom 27.02.24 und Antwort des Senats"), read with the generic profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.items import without_lead
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated, text_line

#: Development variants and the fields each read wrong before: the Bremen number with its
#: chamber's letter, the head line "BREMISCHE BÜRGERSCHAFT | Drucksache ..." read as the title,
#: no body "Stadtbürgerschaft", "Der Senat wird ersucht," over the numbered clauses read as an
#: item (5/3); the Berlin number with spaced digits, the head row read as the title, the subject
#: under "zum Thema:" not read, "Abgeordnetenhaus Berlin" as body, the asking member after "des
#: Abgeordneten" on the line under the type (5/1); the date beside the term ("21. Wahlperiode
#: 22.08.22") and the executive's "Fraktion der SPD" of a Große Anfrage (5/15); "Drucksachen–Nr.:"
#: with an en dash, "Antrag der CDU-Fraktion" read as the sender, the signing members read as an
#: item (5/21); the type "Schriftliche Kleine Anfrage ... und Antwort des Senats" read as an
#: Antwort and its members not read, a head row too close to split naming the Bürgerschaft
#: (5/13); a one-word subject under "Mitteilung des Senats vom ..." and the Senate as its sender
#: (5/37); the members "und Fraktion" over a wrapped type line (5/18); the answer's date over
#: "In Vertretung" and the Senatsverwaltung signing (5/22); the Bürgerschaft of a head in
#: capitals over two lines (7/6); the text of an Anfrage printed with its answer, which has
#: neither salutation nor closing, not read, and "und Antwort vom ..." under the Berlin head
#: read as its first paragraph (5/13, 5/1); the reasons of a Hamburg Antrag before "Die
#: Bürgerschaft möge beschließen:" not read (5/2); "Petitum:" not read as the request's heading
#: (5/5); "Frage 1:" alone over the question in bold read as a paragraph of its own (5/15).
CASES = {
    "5/3": ["number", "title", "body", "originator", "resolution_proposal", "date"],
    "5/1": ["number", "title", "body", "originator", "faction", "date", "document_type", "justification"],
    "5/15": ["number", "date", "originator", "faction", "document_type", "justification"],
    "5/21": ["number", "originator", "faction", "resolution_proposal", "body"],
    "5/13": ["document_type", "originator", "body", "date", "title", "justification"],
    "5/2": ["justification", "resolution_proposal", "originator"],
    "5/5": ["justification", "resolution_proposal"],
    "5/37": ["title", "originator", "document_type", "body", "resolution_proposal"],
    "5/18": ["originator", "faction", "date", "body", "resolution_proposal"],
    "5/22": ["date", "originator", "title", "number"],
    "7/6": ["body", "date", "number"],
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_parliament_drucksache_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    seed, index = case.split("/")
    pdf = tmp_path / f"parliament-drucksache-{seed}-{int(index):03d}.pdf"
    assert_reads_as_generated("parliament_drucksache", f"{seed}/parliament-drucksache/{index}", pdf, CASES[case])


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Drucksache 21/512 S", "21/512 S"),
        ("Drucksache 19 / 17 888", "19 / 17 888"),
        ("Drucksachen–Nr.: 21-4567", "21-4567"),
        ("Drucksache 22/14567", "22/14567"),
    ],
)
def test_a_parliaments_drucksache_number(text: str, number: str) -> None:
    match = bundled_profiles()["generic"].number_re.search(text)
    assert match is not None and match.group("number") == number


def test_a_schriftliche_kleine_anfrage_is_a_type_of_its_own() -> None:
    vocab = reader_vocabulary()
    assert "Schriftliche Kleine Anfrage" in vocab.document_types
    match = vocab.type_re.match("Schriftliche Kleine Anfrage der Abgeordneten Anna Meier (CDU) vom 27.02.24")
    assert match is not None and match.group(0) == "Schriftliche Kleine Anfrage"


def test_the_opening_words_the_numbered_items_complete_are_no_item() -> None:
    line = text_line(100, [(70, "x")])
    items = [
        (None, ["Der Senat wird ersucht,"], [line]),
        ("1.", ["zu prüfen, wie die Maßnahme umgesetzt werden kann,"], [line]),
        ("2.", ["der Bürgerschaft bis zum 30. Juni 2025 zu berichten."], [line]),
    ]
    assert [n for n, _, _ in without_lead(bundled_profiles()["generic"], items)] == ["1.", "2."]
    # A sentence of its own before the items is what the request says.
    whole = [(None, ["Die Verwaltung wird beauftragt, ein Konzept vorzulegen."], [line]), *items[1:]]
    assert without_lead(bundled_profiles()["generic"], whole) == whole
