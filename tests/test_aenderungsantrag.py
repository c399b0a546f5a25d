"""Amendments and supplementary motions against a Vorlage (the ``aenderungsantrag`` family of
scripts/generate_variants.py): Änderungs-, Ergänzungs-, Ersetzungs-, Zusatz- and
Abänderungsanträge whose subject cites the Vorlage they change ("zur Vorlage 0112/23"), whose
request says how its proposal changes ("Der Beschlussvorschlag wird wie folgt geändert:",
"Beschlussvorschlag (neu):"), read with the generic and the letter profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.cover import _own_number
from ratsdoc.extract.generic.heading import is_filed_type
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.items import without_lead
from ratsdoc.layout.lines import Line
from ratsdoc.profile import bundled_profiles

from .conftest import assert_reads_as_generated, text_line

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "document_type",
    "body",
    "originator",
    "faction",
    "date",
    "consultations",
    "resolution_proposal",
    "justification",
]

#: Development variants, each read wrong before: the Vorlage's number after "zur Vorlage" taken
#: for the paper's and the request under "Der Beschlussvorschlag der Verwaltung wird wie folgt
#: geändert:" not read (5/1); "zu:" before the subject not read as its label (5/3); the own
#: number "Zusatzantrag Nr. ÄA/2022/085" not read, "(neu)" of "Beschlussvorschlag (neu):" read as
#: an item (5/12); the type only after the topic ("... – Änderungsantrag zur Vorlage 24/0147")
#: and the note "(Änderungen ... fett gedruckt.)" read as an item (5/14); the sentence under the
#: Beratungsfolge read as its last body's name (5/19); "Bezug: Vorlage 23/0029" under "Datum:" taken for
#: the number (5/29); the number under a heading wrapped after "zur" (5/30); the heading
#: "Änderungsantrag der Fraktion Volt zur Drucksache VO/2024/045" taken for a type line over
#: the subject (5/40); "Zur Begründung:" not read as the Begründung's heading (5/10); a heading of
#: three lines naming parties not read as the subject (7/13); "hier:" under label rows read
#: with them (7/3); a "Bisherige Fassung | Neue Fassung" table of one row under its bold header
#: read as a paragraph, the row's cells read as one line (7/11, 5/34) or wrapped over lines
#: read as rows of their own (7/9); a ruled "Bisherige Fassung | Neue Fassung" table broken over a
#: page without its header row, its rest read as two columns and its right cells lost (127/3).
CASES = (
    "5/1",
    "5/3",
    "5/12",
    "5/14",
    "5/19",
    "5/29",
    "5/30",
    "5/40",
    "5/10",
    "7/13",
    "7/3",
    "7/11",
    "5/34",
    "7/9",
    "127/3",
)


@pytest.mark.parametrize("case", CASES)
def test_an_amendment_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    seed, index = case.split("/")
    pdf = tmp_path / f"aenderungsantrag-{seed}-{int(index):03d}.pdf"
    assert_reads_as_generated("aenderungsantrag", f"{seed}/aenderungsantrag/{index}", pdf, FIELDS)


@pytest.mark.parametrize(
    "kind", ["Änderungsantrag", "Ergänzungsantrag", "Ersetzungsantrag", "Zusatzantrag", "Abänderungsantrag"]
)
def test_amendment_types_are_in_every_vocabulary(kind: str) -> None:
    assert kind in reader_vocabulary().document_types
    assert kind in bundled_profiles()["generic"].document_types
    assert kind in bundled_profiles()["letter"].document_types


def _number(lines: list[Line], index: int) -> str | None:
    pattern = bundled_profiles()["generic"].number_re
    line = lines[index]
    match = _own_number(pattern, lines, index, list(line.tokens), line.text)
    return match.group("number") if match else None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Änderungsantrag zur Vorlage 0112/23 „Neubau der Grundschule Nord“", None),
        ("Ergänzungsantrag zu Beschlussvorlage BV/2024/031", None),
        ("Neubau der Grundschule Nord (Vorlage 2024/118)", None),
        ("Betreff: Drucksache 0020/24 – Sanierung der Grundschule", None),
        ("Bezug: Vorlage 23/0029", None),
        ("Beschlussvorlage Nr. 2024/123", "2024/123"),
        ("Drucksache Nr. 0112/23-1", "0112/23-1"),
        ("Änderungsantrag Nr. ÄA/2024/012", "ÄA/2024/012"),
        # A sentence citing a paper after a preposition: the paper's own heads its page.
        ("Die Mittel werden wie in Vorlage 0112/23 vorgeschlagen bereitgestellt", None),
        ("Der Rat hat mit der Drucksache 22/0283 beschlossen", None),
        ("laut Vorlage 2024/118 sind die Kosten gedeckt", None),
        ("Antrag der SPD-Fraktion Drucksache 0113/23", "0113/23"),
    ],
)
def test_a_cited_paper_number_is_not_the_papers_own(text: str, number: str | None) -> None:
    assert _number([text_line(100, [(70, text)])], 0) == number


def test_a_number_in_a_box_beside_a_title_ending_in_a_preposition_is_the_papers_own() -> None:
    # Regression: the title's line over the box's number row ("Neubau der Kindertagesstätte in
    # der" beside "Vorlagen-Nr.: VO/2022/0644") was read as leading to the number, which was then
    # taken as cited (silent).
    lines = [
        text_line(99, [(71, "Neubau der Kindertagesstätte in der")]),
        text_line(108, [(350, "Vorlagen-Nr.: VO/2022/0644")]),
    ]
    assert _number(lines, 1) == "VO/2022/0644"
    # A heading wrapped after "zur" at the number's own edge still cites it.
    wrapped = [text_line(99, [(71, "Änderungsantrag zur")]), text_line(108, [(71, "Vorlage 0112/23")])]
    assert _number(wrapped, 1) is None


def _segment_number(lines: list[Line], index: int) -> str | None:
    """The number read from the last segment of line ``index``."""
    pattern = bundled_profiles()["generic"].number_re
    seg = lines[index].segments()[-1]
    match = _own_number(pattern, lines, index, seg, " ".join(t.text for t in seg))
    return match.group("number") if match else None


def test_a_number_row_under_a_reference_row_is_the_papers_own() -> None:
    # Regression: the reference row over the number's row was read as citing it.
    lines = [
        text_line(100, [(70, "Bezug:"), (150, "Große Anfrage der Fraktion Die Linke vom 22.07.2025")]),
        text_line(112, [(70, "Vorlagen-Nr.:"), (150, "0499/2025")]),
    ]
    assert _number(lines, 1) == "0499/2025"


def test_a_number_beside_the_subject_is_the_papers_own() -> None:
    # Regression: "Betreff:" opening the line was read as citing the number in a box beside it.
    lines = [
        text_line(100, [(70, "Betreff: Umgestaltung der Kindertagesstätte am"), (360, "Vorlage-Nr.: VO/0868/2025")])
    ]
    assert _segment_number(lines, 0) == "VO/0868/2025"


def test_a_reference_label_before_the_numbers_cell_cites_it() -> None:
    lines = [text_line(100, [(70, "Bezug:"), (150, "Vorlage 23/0029")])]
    assert _segment_number(lines, 0) is None


def test_a_number_under_a_heading_wrapped_after_zur_is_cited() -> None:
    lines = [
        text_line(100, [(70, "Änderungsantrag der Fraktion Bündnis 90/Die Grünen zur")]),
        text_line(112, [(70, "Beschlussvorlage 0271/22 „Sanierung der Stadtbibliothek“")]),
    ]
    assert _number(lines, 1) is None


@pytest.mark.parametrize(
    ("text", "filed"),
    [
        ("Änderungsantrag der SPD-Fraktion", True),
        ("Gemeinsamer Antrag der Fraktionen SPD und CDU", True),
        ("Änderungsantrag der SPD-Fraktion zur Vorlage 0112/23 „Neubau der Grundschule Nord“", False),
        ("Ergänzungsantrag der Fraktion CSU zu TOP 5 – DS 2024/118", False),
        ("Gemeinsamer Abänderungsantrag der SPÖ-Gemeinderatsklub und Gemeinderatsklub der Grünen zur", False),
    ],
)
def test_a_type_line_naming_the_paper_it_changes_is_the_subject(text: str, filed: bool) -> None:
    assert is_filed_type(text, reader_vocabulary()) is filed


@pytest.mark.parametrize(
    "text",
    [
        "Der Beschlussvorschlag wird wie folgt geändert:",
        "Der Beschlussvorschlag der Verwaltung wird wie folgt geändert:",
        "Der Beschlussvorschlag erhält folgende neue Fassung:",
        "Beschlussvorschlag (neu):",
        "Wir beantragen, den Beschlussvorschlag wie folgt zu ändern:",
    ],
)
def test_an_amendments_request_heading(text: str) -> None:
    assert reader_vocabulary().heading_re().match(text) is not None


def test_a_remark_in_brackets_before_the_items_is_no_item() -> None:
    line = text_line(100, [(70, "x")])
    items = [
        (None, ["(Änderungen gegenüber der Vorlage sind fett gedruckt.)"], [line]),
        ("1", ["Die Verwaltung wird beauftragt, ein Konzept vorzulegen."], [line]),
        ("2", ["Die Mittel werden bereitgestellt."], [line]),
    ]
    kept = without_lead(bundled_profiles()["generic"], items)
    assert [number for number, _, _ in kept] == ["1", "2"]
    # Without numbered items after it, a paragraph in brackets is what the request says.
    alone = [(None, ["(Die Verwaltung wird beauftragt, ein Konzept vorzulegen.)"], [line])]
    assert without_lead(bundled_profiles()["generic"], alone) == alone
