"""Answers to a council's questions (the ``answer-paper`` family of scripts/generate_variants.py):
an administration's or executive's "Beantwortung der Anfrage", "Antwort der Verwaltung",
"Stellungnahme der Verwaltung zur Anfrage", an Austrian "Anfragebeantwortung" and a Swiss
"Beantwortung der Interpellation", whose own type, number, date and sender are never those of
the question they answer, whose quoted questions are no request, and whose text runs from the
head to the signature with the question appended after it cut off."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratsdoc.extract.cover_title import read_title
from ratsdoc.extract.generic.appended import appended_start
from ratsdoc.extract.generic.closing import date_over_signature
from ratsdoc.extract.generic.heading import subject_title, wrapped_type_line
from ratsdoc.extract.generic.letter_fields import body_from_head, type_from_lines
from ratsdoc.extract.generic.vocabulary import reader_vocabulary
from ratsdoc.extract.sections import _classify
from ratsdoc.extract.sender import read_sender
from ratsdoc.layout.lines import Line, Token

from .conftest import assert_reads_as_generated, line_context, text_line

#: The fields checked against the golden.
FIELDS = [
    "number",
    "title",
    "document_type",
    "body",
    "originator",
    "faction",
    "date",
    "resolution_proposal",
    "attachments",
    "justification",
]

#: Development variants, each read wrong before: the type taken from a subject naming the
#: Anfrage under the type line, the body of a "Gremium:" row missed, no text without salutation
#: and closing (5/9); "Interpellation" of the appended question taken for the type and its
#: questions for a request (5/11); the title read from the appended question's "Betreff:", the
#: executive's line "Die Oberbürgermeisterin der Stadt Kassel" passed over for the signature, a
#: wrapped type line taken for the subject (5/4, 5/12); a line opening with "19. August 2025"
#: read as item 19 (5/25); the questions of a "Stellungnahme der Verwaltung zur Anfrage" read as
#: its request (5/26); the meeting's "Sitzung am:" date taken for the paper's (7/5); the date line
#: over the signature missed under an "Anlage(n):" list (7/8); "Stand:" unread (7/29); the
#: appended Interpellation whose sender and date line were taken for a running head (7/32);
#: "Mitteilung Nr.:" unread as a number label and taken for the type (7/38); the office after
#: "Absender:" and "Federführend:" passed over for the city (7/39, 7/37).
CASES = ("5/9", "5/11", "5/4", "5/12", "5/25", "5/26", "7/5", "7/8", "7/29", "7/32", "7/38", "7/39", "7/37")


@pytest.mark.parametrize("case", CASES)
def test_an_answer_reads_as_its_generator_wrote_it(tmp_path: Path, case: str) -> None:
    seed, index = case.split("/")
    pdf = tmp_path / f"answer-paper-{seed}-{int(index):03d}.pdf"
    assert_reads_as_generated("answer_paper", f"{seed}/answer-paper/{index}", pdf, FIELDS)


def test_an_austrian_answer_names_its_type_in_one_word() -> None:
    vocab = reader_vocabulary()
    assert vocab.canonical_type("Anfragebeantwortung") == "Beantwortung"
    found = type_from_lines([text_line(100, [(70, "Anfragebeantwortung")])], vocab)
    assert found is not None and found[0] == "Beantwortung"


@pytest.mark.parametrize(
    ("cells", "kind"),
    [
        # A label's value names the Anfrage answered, the line under it the paper's type.
        ([(70, "Bezug:"), (150, "Große Anfrage der Fraktion Die Linke vom 5. Dezember 2021")], "Antwort"),
        # A type word over a number's label names the number's register.
        ([(330, "Mitteilung Nr.:"), (430, "2023/2232")], "Antwort"),
    ],
)
def test_a_label_row_names_no_type(cells: list[tuple[float, str]], kind: str) -> None:
    lines = [text_line(80, cells), text_line(120, [(70, "Antwort der Verwaltung")])]
    found = type_from_lines(lines, reader_vocabulary())
    assert found is not None and found[0] == kind


def test_a_head_row_names_the_body() -> None:
    lines = [text_line(80, [(70, "Gremium:"), (150, "Bezirksvertretung Beuel")])]
    found = body_from_head(lines, reader_vocabulary())
    assert found is not None and found[0] == "Bezirksvertretung Beuel"


def _sized(line: Line, size: float) -> Line:
    return Line(line.page, [Token(t.text, t.x0, t.top, t.x1, t.top + size, size) for t in line.tokens])


def test_a_wrapped_type_line_stands_over_the_subject() -> None:
    lines = [
        _sized(text_line(140, [(70, "Beantwortung einer Anfrage des Ratsmitglieds Ulrike Hoffmann (CDU)")]), 13.5),
        _sized(text_line(158, [(70, "vom 18. Juli 2022 (AN/0448/2022)")]), 13.5),
        _sized(text_line(182, [(70, "Neubau der Seniorenbegegnungsstätte")]), 12.0),
    ]
    assert wrapped_type_line(lines, reader_vocabulary()) == 2
    assert wrapped_type_line(lines[2:], reader_vocabulary()) == 0


def test_a_line_opening_with_a_date_goes_on_from_the_line_above() -> None:
    assert _classify(text_line(100, [(70, "19. August 2025 (Nr. 334/2025) betreffend")]))[0] == "p"
    assert _classify(text_line(100, [(70, "1. Wie ist der Stand der Planung?")]))[0] == "ni"


def test_the_date_over_the_signature_under_an_attachment_list() -> None:
    lines = [
        text_line(100, [(70, "Die Arbeiten sollen 2026 abgeschlossen werden.")]),
        text_line(140, [(70, "Kassel, den 6. Oktober 2022")]),
        text_line(170, [(70, "Ulrike Lehmann")]),
        text_line(182, [(70, "Oberbürgermeisterin")]),
        text_line(210, [(70, "Anlage(n):")]),
        text_line(222, [(70, "Kostenaufstellung")]),
    ]
    found = date_over_signature(lines)
    assert found is not None and found[0].isoformat() == "2022-10-06"


def test_the_question_appended_after_its_answer_is_cut_off() -> None:
    heights = {1: 842.0, 2: 842.0}
    lines = [
        text_line(80, [(70, "Beantwortung der Interpellation")]),
        text_line(100, [(70, "Der Stadtrat beantwortet die Interpellation wie folgt:")]),
        text_line(40, [(70, "Andreas Bachmann (EVP)")], page=2),
        text_line(78, [(400, "Köniz, 10.10.2025")], page=2),
        text_line(100, [(70, "Interpellation")], page=2),
        text_line(124, [(70, "Betreff: Neubau der Gemeinschaftsschule")], page=2),
    ]
    found = appended_start(lines, heights)
    assert found is not None and found[0] == 2
    # Without the sender or the date line the type alone heads a page of the same paper.
    assert appended_start([*lines[:2], *lines[4:]], heights) is None
    # A letter behind its cover sheet repeats the cover's type: one paper.
    cover = [text_line(80, [(70, "Petition")]), text_line(100, [(70, "Betreff: Sanierung der Stadtbibliothek")])]
    letter = [
        text_line(40, [(70, "Tobias Keller, Fraktion SPD")], page=2),
        text_line(78, [(400, "Aachen, den 28.04.2025")], page=2),
        text_line(100, [(70, "Petition")], page=2),
    ]
    assert appended_start([*cover, *letter], heights) is None


def _sender(lines: list[Line]) -> str | None:
    ctx = line_context(lines, "letter")
    read_sender(ctx, [(1, line, seg) for line in lines for seg in line.segments()])
    value = ctx.fields.values["originator"]
    return value if isinstance(value, str) else None


def test_the_office_under_the_citys_letterhead_sends_the_answer() -> None:
    lines = [
        text_line(40, [(70, "Stadt Münster")]),
        text_line(53, [(70, "Die Oberbürgermeisterin")]),
        text_line(66, [(70, "Dezernat für Umwelt und Mobilität")]),
        text_line(120, [(70, "Antwort der Verwaltung")]),
    ]
    assert _sender(lines) == "Dezernat für Umwelt und Mobilität"
    # The office in the letterhead's address line only says where it sits: the city sends.
    lines[1:3] = [text_line(53, [(70, "Referat für Planen und Bauen · Gebbertstraße 1 · 91052 Erlangen")])]
    assert _sender(lines) == "Stadt Münster"


def _bold(line: Line, size: float) -> Line:
    """``line`` in bold at ``size``."""
    return Line(line.page, [Token(t.text, t.x0, t.top, t.x1, t.top + size, size, bold=True) for t in line.tokens])


def test_a_swiss_type_line_over_who_asked_is_no_subject() -> None:
    # Regression (answers seed 13, paper 37): "Beantwortung der Interpellation" in bold over
    # "von Frank Meier (SVP) vom ..." and "betreffend", the subject in bold under them; the type
    # line was read as the title.
    lines = [
        _bold(text_line(42, [(68, "Gemeinderat der Stadt Biel")]), 13.0),
        text_line(77, [(336, "Datum:"), (377, "15. April 2024")]),
        _bold(text_line(99, [(68, "Beantwortung der Interpellation")]), 13.0),
        text_line(118, [(68, "von Frank Meier (SVP) vom 22. März 2024")]),
        text_line(131, [(68, "betreffend")]),
        _bold(text_line(147, [(68, "Energetische Sanierung der Kunsthalle in der Gothaer Strasse")]), 11.5),
        text_line(176, [(68, "Der Gemeinderat beantwortet die Interpellation wie folgt:")]),
    ]
    ctx = line_context(lines, "letter")
    read_title(ctx)
    assert ctx.fields.values["title"] == "Energetische Sanierung der Kunsthalle in der Gothaer Strasse"


def test_an_answer_labelled_under_a_quoted_question_is_no_subject() -> None:
    # Regression (answers seed 13, paper 19): "Antwort: Die Kosten ..." under the question "1.
    # Wann wird ...?" was taken for a subject labelled with its type.
    lines = [
        text_line(159, [(68, "Instandsetzung der Kunsthalle in der Hauptstraße")]),
        text_line(201, [(68, "Zu der Großen Anfrage nimmt die Verwaltung wie folgt")]),
        text_line(213, [(68, "Stellung:")]),
        text_line(305, [(96, "1. Wann wird die Kostenschätzung dem Rat vorgelegt?")]),
        text_line(323, [(68, "Antwort: Die Kosten belaufen sich auf 66.000,00 EUR.")]),
    ]
    assert subject_title(lines, reader_vocabulary()) is None
