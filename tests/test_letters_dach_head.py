"""The head of letter-style papers, drawn as small PDFs: a type line for a meeting is no
dateline, a subject may end on a date (whose date is not the paper's), a heading may go on with
"Kanton Thurgau", and a lone "Antrag:" heads the request rather than naming the type
(regressions the ``letter-dach`` and ``swiss-motion`` variants of other seeds showed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc
from ratsdoc.extract.generic.closing import DATELINE
from tests.test_letters_dach_reasons import Row, _pdf

pytest.importorskip("reportlab.pdfgen.canvas", reason="the test PDFs are drawn with reportlab")

_REASONS: list[Row] = [
    (330.0, 70.0, "Begründung", True),
    (348.0, 70.0, "Die Schule ist alt und muss saniert werden.", False),
]
_CLOSING: list[Row] = [
    (390.0, 70.0, "Bern, den 09.02.2022", False),
    (410.0, 70.0, "Freundliche Grüße", False),
    (450.0, 70.0, "Katrin Günther", False),
    (463.0, 70.0, "EVP-Fraktion", False),
]
_ADDRESS: list[Row] = [
    (40.0, 70.0, "EVP-Fraktion im Grossen Rat Bern", True),
    (56.0, 70.0, "Rathausplatz 9 · 3011 Bern", False),
    (90.0, 70.0, "Frau Stadtpräsidentin", False),
    (103.0, 70.0, "Anna Weber", False),
]
_REQUEST: list[Row] = [
    (260.0, 70.0, "Antrag:", False),
    (280.0, 70.0, "1)", False),
    (280.0, 92.0, "Die Mittel für die Schwimmhalle werden im Haushalt 2026 bereitgestellt.", False),
    (298.0, 70.0, "2)", False),
    (298.0, 92.0, "Die Gesamtkosten werden bestätigt.", False),
]


def test_place_and_date_line_is_a_place_name_before_a_date() -> None:
    for text in ("Erlangen 24.10.2021", "Frankfurt am Main 12.03.2024", "St. Gallen, 23. Mai 2022", "04.01.2023"):
        assert DATELINE.fullmatch(text), text
    for text in ("Antrag zur Sitzung am 17.02.2022", "Beschluss vom 22.11.2023"):
        assert DATELINE.fullmatch(text) is None, text


def test_a_type_line_for_a_meeting_gives_no_date(tmp_path: Path) -> None:
    rows = [
        *_ADDRESS,
        (150.0, 70.0, "Antrag zur Sitzung am 17.02.2022", True),
        (170.0, 70.0, "Betr.: Erneuerung der Gemeinschaftsschule in der Hauptstraße", True),
        (200.0, 70.0, "Sehr geehrte Damen und Herren,", False),
        (222.0, 70.0, "Der Gemeinderat wolle beschließen:", False),
        (240.0, 70.0, "1.", False),
        (240.0, 92.0, "Die Verwaltung wird beauftragt, den Zeitplan bis zum 17.03.2023 vorzulegen.", False),
        *_REASONS,
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "antrag.pdf", rows))
    assert str(paper.date) == "2022-02-09"
    assert paper.title == "Erneuerung der Gemeinschaftsschule in der Hauptstraße"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Barrierefreie Erschließung der Sporthalle nach dem Beschluss vom", "04.01.2023"),
        ("Barrierefreie Erschließung der Sporthalle nach dem Beschluss", "vom 04.01.2023"),
    ],
)
def test_a_subject_ending_on_a_date_keeps_it_and_the_paper_its_own_date(
    tmp_path: Path, first: str, second: str
) -> None:
    """The date line hangs under the subject's value in the subject's weight: it goes on with
    the subject, and the paper's date is the one above the closing."""
    rows = [
        *_ADDRESS,
        (150.0, 70.0, "Mitteilung", True),
        (170.0, 70.0, "Titel:", True),
        (170.0, 106.0, first, True),
        (184.0, 106.0, second, True),
        (220.0, 70.0, "Sehr geehrte Damen und Herren,", False),
        (240.0, 70.0, "die Verwaltung teilt mit, dass die Arbeiten beginnen.", False),
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "mitteilung.pdf", rows))
    assert paper.title == f"{first} {second}"
    assert str(paper.date) == "2022-02-09"


def test_a_lone_request_cue_yields_to_a_qualified_type_line(tmp_path: Path) -> None:
    rows = [
        *_ADDRESS,
        (150.0, 70.0, "Beschlussvorlage gemäß § 12 der Geschäftsordnung", True),
        (170.0, 70.0, "Betr.: Instandsetzung der Kunsthalle in der Nordhäuser Straße", True),
        *_REQUEST,
        *_REASONS,
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "vorlage.pdf", rows))
    assert paper.document_type == "Beschlussvorlage gemäß § 12 der Geschäftsordnung"
    assert [item.number for item in paper.resolution_proposal] == ["1", "2"]


def test_a_lone_request_cue_yields_to_the_subjects_type_label(tmp_path: Path) -> None:
    rows = [
        *_ADDRESS,
        (170.0, 70.0, "Resolution: Modernisierung der Schwimmhalle in der Rosengasse", True),
        *_REQUEST,
        *_REASONS,
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "resolution.pdf", rows))
    assert paper.document_type == "Resolution"
    assert paper.title == "Modernisierung der Schwimmhalle in der Rosengasse"
    assert [item.number for item in paper.resolution_proposal] == ["1", "2"]


def test_a_lone_request_cue_names_the_type_when_nothing_else_does(tmp_path: Path) -> None:
    rows = [
        *_ADDRESS,
        (170.0, 70.0, "Modernisierung der Schwimmhalle in der Rosengasse", True),
        *_REQUEST,
        *_REASONS,
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "antrag.pdf", rows))
    assert paper.document_type == "Antrag"
    assert [item.number for item in paper.resolution_proposal] == ["1", "2"]


def test_a_heading_going_on_with_an_open_phrase_keeps_its_last_line(tmp_path: Path) -> None:
    """A heading "... an der Volksschule im" over "Kanton Thurgau": the second line finishes the
    phrase, it is no letterhead line ("Kanton Thurgau" alone would be one)."""
    rows: list[Row] = [
        (40.0, 70.0, "Finanzierung der Tagesstrukturen an der Volksschule im", True),
        (56.0, 70.0, "Kanton Thurgau", True),
        (80.0, 70.0, "Motion", False),
        (96.0, 70.0, "Claudia Becker (Die Mitte) und Anna Krüger (EDU)", False),
        (112.0, 70.0, "Frauenfeld, 9. Juli 2024", False),
        (150.0, 70.0, "Antrag", True),
        (170.0, 70.0, "Der Regierungsrat wird beauftragt, eine Vorlage zu unterbreiten.", False),
        (200.0, 70.0, "Begründung", True),
        (220.0, 70.0, "Die Gemeinden tragen heute die Kosten allein.", False),
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "motion.pdf", rows))
    assert paper.title == "Finanzierung der Tagesstrukturen an der Volksschule im Kanton Thurgau"
    assert paper.document_type == "Motion"


def test_an_administrations_beschlussvorlage_line_is_its_type_not_its_title(tmp_path: Path) -> None:
    rows: list[Row] = [
        (40.0, 70.0, "Stadt Kassel", True),
        (56.0, 70.0, "Tiefbauamt · Rathausplatz 5 · 34117 Kassel", False),
        (90.0, 70.0, "Kassel, den 8. Juli 2024", False),
        (120.0, 70.0, "Herrn Oberbürgermeister", False),
        (133.0, 70.0, "Claudia Wagner", False),
        (170.0, 70.0, "Beschlussvorlage", True),
        (188.0, 70.0, "Sanierung der Musikschule in der Nordhäuser Straße", True),
        (220.0, 70.0, "Sehr geehrter Herr Oberbürgermeister,", False),
        (240.0, 70.0, "Der Gemeinderat wolle beschließen:", False),
        (258.0, 70.0, "1.", False),
        (258.0, 92.0, "Die Mittel für die Kunsthalle werden im Haushalt 2027 bereitgestellt.", False),
        *_REASONS,
        (390.0, 70.0, "Mit freundlichen Grüßen", False),
        (430.0, 70.0, "Urs Keller", False),
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "vorlage.pdf", rows))
    assert paper.title == "Sanierung der Musikschule in der Nordhäuser Straße"
    assert paper.document_type == "Beschlussvorlage"


def test_the_first_type_word_of_a_subject_is_the_type(tmp_path: Path) -> None:
    """A subject "Stellungnahme zur Beschlussvorlage ...": the paper is the statement, not the Vorlage."""
    rows: list[Row] = [
        (74.0, 70.0, "Stadtteilbeirat Büchenbach", False),
        (74.0, 380.0, "Erlangen, den 18.9.2022", False),
        (118.0, 70.0, "Stellungnahme zur Beschlussvorlage Ö23 (StUB: Trassenführung)", True),
        (147.0, 70.0, "Sehr geehrter Herr Oberbürgermeister,", False),
        (176.0, 70.0, "am Dienstag fand ein Lokalforum des Zweckverbands statt.", False),
        (220.0, 70.0, "Mit freundlichen Grüßen", False),
        (260.0, 70.0, "Günter Winkelmann", False),
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "stellungnahme.pdf", rows))
    assert paper.document_type == "Stellungnahme"


def test_a_line_of_running_text_opening_with_an_office_is_no_sender(tmp_path: Path) -> None:
    """A paragraph's line that opens with an office ("Amt für Bildung hat die Anregungen ...",
    its sentence begun on the line above) is no sender line: the motion's mover under the type
    line is the originator (swiss-motion variant 6 of seed 67 lost it to a warned, empty field)."""
    from tests.conftest import generated_variant

    pdf = tmp_path / "motion.pdf"
    golden = generated_variant("swiss_motion", "67/swiss-motion/6", pdf)
    paper = ratsdoc.parse(pdf)
    assert paper.originator == golden["originator"] == "Thomas Meier (FDP)"
    assert not any("originator" in warning for warning in paper.warnings)
