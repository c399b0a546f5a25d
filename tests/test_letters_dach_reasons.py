"""The body of letter-style papers, drawn as small PDFs: reasons that follow the request without a
"Begründung" heading start where the text returns to the margin after the hanging-indented
items, a letter without a salutation has its body after the subject and the type line, and an
attachment label at the foot of a page lists on the next (regressions the ``letter-dach`` and
``letter`` variants of other seeds showed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ratsdoc

canvas = pytest.importorskip("reportlab.pdfgen.canvas", reason="the test PDFs are drawn with reportlab")

#: (top in points from the page top, x, text, bold); every line in 10.5 pt Helvetica.
Row = tuple[float, float, str, bool]
_SIZE = 10.5


def _pdf(path: Path, rows: list[Row]) -> Path:
    """A one-page A4 PDF with ``rows`` drawn where they say."""
    c = canvas.Canvas(str(path), invariant=1)
    for top, x, text, bold in rows:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", _SIZE)
        c.drawString(x, 842 - top - _SIZE, text)
    c.save()
    return path


_REASONS = [
    (300.0, 70.0, "Die Kosten der Brunnenanlage betragen nach der Kostenschätzung 90.500,00 EUR und", False),
    (313.0, 70.0, "sind im Haushalt 2026 veranschlagt. Der Ortsteilrat wurde im Juni informiert.", False),
    (334.0, 70.0, "Im Bereich Uferstraße ergibt sich derzeit eine Zahl von rund 3484 Kindern.", False),
]
_REASONS_TEXT = (
    "Die Kosten der Brunnenanlage betragen nach der Kostenschätzung 90.500,00 EUR und sind im Haushalt "
    "2026 veranschlagt. Der Ortsteilrat wurde im Juni informiert.\n\n"
    "Im Bereich Uferstraße ergibt sich derzeit eine Zahl von rund 3484 Kindern."
)
_CLOSING = [
    (380.0, 70.0, "Mit freundlichen Grüßen", False),
    (420.0, 70.0, "Monika Wagner", False),
    (433.0, 70.0, "Fraktionsvorsitzende", False),
]


def _head(subject: str, type_line: str | None = None) -> list[Row]:
    rows: list[Row] = [
        (40.0, 70.0, "Fraktion FDP im Stadtrat Bonn", True),
        (56.0, 70.0, "Rathausplatz 1 · 53111 Bonn", False),
        (100.0, 70.0, "An die Bezirksversammlung Süd", False),
        (122.0, 70.0, "Bonn, den 04.04.2023", False),
        (160.0, 70.0, subject, True),
    ]
    if type_line is not None:
        rows.append((176.0, 70.0, type_line, False))
    return rows


def _numbered(top: float, questions: list[str]) -> list[Row]:
    """Numbered items, the number at the margin and the text a tab away."""
    rows: list[Row] = []
    for k, question in enumerate(questions):
        rows += [(top + 16 * k, 70.0, f"{k + 1}.", False), (top + 16 * k, 92.0, question, False)]
    return rows


QUESTIONS = ["Welche Massnahmen plant die Verwaltung für die Schwimmhalle?", "Wann wird der Bericht vorgelegt?"]


def test_reasons_after_numbered_questions_under_a_salutation(tmp_path: Path) -> None:
    """The letter profile's "Fragen:" section ends with the items: the paragraphs back at the
    margin are the reasons, not lines the request swallowed."""
    rows = [
        *_head("Kleine Anfrage: Umgestaltung der Kunsthalle in der Friedrichstraße"),
        (200.0, 70.0, "Sehr geehrte Frau Oberbürgermeisterin,", False),
        (222.0, 70.0, "Fragen:", False),
        *_numbered(240.0, QUESTIONS),
        *_REASONS,
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "anfrage.pdf", rows))
    assert [(item.number, item.text) for item in paper.resolution_proposal] == [
        ("1", QUESTIONS[0]),
        ("2", QUESTIONS[1]),
    ]
    assert paper.justification == _REASONS_TEXT
    assert not any("justification" in w for w in paper.warnings)


def test_reasons_after_the_request_of_a_letter_without_salutation(tmp_path: Path) -> None:
    """No salutation: the body runs from under the subject and type line to the closing."""
    rows = [
        *_head("Umgestaltung der Kunsthalle in der Friedrichstraße", "Große Anfrage"),
        (210.0, 70.0, "Wir fragen an:", False),
        *_numbered(228.0, QUESTIONS),
        *_REASONS,
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "grosse-anfrage.pdf", rows))
    assert paper.document_type == "Große Anfrage"
    assert [item.number for item in paper.resolution_proposal] == ["1", "2"]
    assert paper.justification == _REASONS_TEXT


def test_an_office_letter_without_salutation_or_request_has_its_body(tmp_path: Path) -> None:
    rows = [
        (40.0, 70.0, "Magistrat der Stadt Salzburg", True),
        (56.0, 70.0, "Sozialamt · Rathausplatz 2 · 5020 Salzburg", False),
        (100.0, 70.0, "Frau Bürgermeisterin", False),
        (113.0, 70.0, "Katrin Schulz", False),
        (140.0, 70.0, "Salzburg, 5. April 2022", False),
        (180.0, 70.0, "Energetische Sanierung der Kunsthalle in der Rosengasse", True),
        (196.0, 70.0, "Stellungnahme", False),
        *_REASONS,
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "stellungnahme.pdf", rows))
    assert paper.title == "Energetische Sanierung der Kunsthalle in der Rosengasse"
    assert paper.document_type == "Stellungnahme"
    assert paper.justification == _REASONS_TEXT


def test_an_attachment_label_at_the_foot_of_a_page_lists_on_the_next(tmp_path: Path) -> None:
    path = tmp_path / "antrag.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    first = [(40.0, "Antrag: Sanierung der Grundschule", True), (80.0, "Sehr geehrte Damen und Herren,", False)]
    first += [(100.0, "die Schule ist alt und muss saniert werden.", False), (736.0, "Anlagen:", False)]
    pages = [first, [(62.0, "Lageplan", False), (78.0, "Kostenschätzung", False)]]
    for rows in pages:
        for top, text, bold in rows:
            c.setFont("Helvetica-Bold" if bold else "Helvetica", _SIZE)
            c.drawString(70, 842 - top - _SIZE, text)
        c.showPage()
    c.save()
    assert ratsdoc.parse(path).attachments == ["Lageplan", "Kostenschätzung"]


def test_an_attachment_heading_without_colon_ends_the_reasons(tmp_path: Path) -> None:
    """ "Anlagen" alone on its line heads the list in a letter as in a Vorlage: its lines are
    attachments, not the reasons' last paragraph (a mixed paper's list was read as reasons)."""
    rows = [
        *_head("Antrag: Sanierung der Grundschule am Steinweg"),
        (200.0, 70.0, "Sehr geehrte Damen und Herren,", False),
        (222.0, 70.0, "Begründung:", False),
        *_REASONS,
        (360.0, 70.0, "Anlagen", False),
        (373.0, 70.0, "Anlage 1: Zeitplan", False),
        (386.0, 70.0, "Anlage 2: Stellungnahme des Ortschaftsrates", False),
        (420.0, 70.0, "Mit freundlichen Grüßen", False),
        (460.0, 70.0, "Monika Wagner", False),
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "antrag-anlagen.pdf", rows))
    assert paper.justification == _REASONS_TEXT
    assert paper.attachments == ["Anlage 1: Zeitplan", "Anlage 2: Stellungnahme des Ortschaftsrates"]


def test_a_letter_printed_with_its_beratungsfolge_has_its_consultations(tmp_path: Path) -> None:
    """A council's system prints a member's Antrag with the Beratungsfolge table of its head: the
    letter profile reads it as a Vorlage's (the rows were lost without a warning)."""
    rows: list[Row] = [
        *_head("Antrag: Sanierung der Gemeinschaftsschule in der Bahnhofstraße"),
        (200.0, 70.0, "Beratungsfolge:", False),
        (220.0, 75.0, "Gremium", False),
        (220.0, 330.0, "Sitzung", False),
        (220.0, 400.0, "Zuständigkeit", False),
        (220.0, 480.0, "Ö/N", False),
    ]
    for k, (body, date, role, public) in enumerate(
        [("Hauptausschuss", "15.05.2023", "Vorberatung", "Ö"), ("Rat", "23.06.2023", "Entscheidung", "N")]
    ):
        top = 240.0 + 20 * k
        rows += [
            (top, 75.0, body, False),
            (top, 330.0, date, False),
            (top, 400.0, role, False),
            (top, 480.0, public, False),
        ]
    rows += [(280.0, 70.0, "Sehr geehrte Damen und Herren,", False), *_REASONS, *_CLOSING]
    paper = ratsdoc.parse(_pdf(tmp_path / "antrag-beratungsfolge.pdf", rows))
    assert [(c.body, str(c.date), c.role, c.public) for c in paper.consultations] == [
        ("Hauptausschuss", "2023-05-15", "Vorberatung", True),
        ("Rat", "2023-06-23", "Entscheidung", False),
    ]


def test_a_letterhead_broken_before_its_town_is_one_sender_and_no_title(tmp_path: Path) -> None:
    """Word papers with boxes, seed 29, paper 18: "Fraktion ... im Rat der Stadt" over "Bielefeld"
    in the letterhead's bold: the sender lost its town and the town became the title (silently)."""
    rows = [
        (40.0, 70.0, "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt", True),
        (52.0, 70.0, "Bielefeld", True),
        (70.0, 70.0, "Rathausplatz 3 · 33602 Bielefeld", False),
        (110.0, 70.0, "Herrn Bürgermeister", False),
        (123.0, 70.0, "Tobias Weber", False),
        (150.0, 70.0, "Bielefeld, den 04.04.2025", False),
        (200.0, 70.0, "Sehr geehrter Herr Bürgermeister,", False),
        *_REASONS,
        *_CLOSING,
    ]
    paper = ratsdoc.parse(_pdf(tmp_path / "gruene.pdf", rows))
    assert paper.originator == "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt Bielefeld"
    assert paper.title != "Bielefeld"
